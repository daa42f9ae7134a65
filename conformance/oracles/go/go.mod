module imgsign.local/conformance/oracles/go

go 1.25.8

require github.com/cshum/imagor v1.9.4
