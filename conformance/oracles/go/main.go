// Oracle: runs imagor's own Go package github.com/cshum/imagor/imagorpath (pin in
// go.mod). stdin: JSON list of cases {id, op, input}; stdout: JSON list of {id, ok}
// or {id, error}, one process for all cases.
//
// ops:
//
//	imagorpath.Generate  {secret (null: unsafe), alg: sha1|sha256|sha512, truncate,
//	                      params: imagorpath.Params in its JSON form} -> path
//	imagorpath.Sign      {secret, alg, truncate, path} -> signature
//	imagorpath.Parse     {path} -> {hash, unsafe, path, image}
//	imagorpath.Verify    {secret, alg, truncate, path} -> bool: the server's check
//	                     (Parse the request path, Sign its path part, compare the hash)
package main

import (
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/json"
	"fmt"
	"hash"
	"os"

	"github.com/cshum/imagor/imagorpath"
)

type kase struct {
	ID    string          `json:"id"`
	Op    string          `json:"op"`
	Input json.RawMessage `json:"input"`
}

type input struct {
	Secret   *string           `json:"secret"`
	Alg      string            `json:"alg"`
	Truncate int               `json:"truncate"`
	Params   imagorpath.Params `json:"params"`
	Path     string            `json:"path"`
}

func signer(in input) (imagorpath.Signer, error) {
	if in.Secret == nil {
		return nil, nil
	}
	var alg func() hash.Hash
	switch in.Alg {
	case "", "sha1":
		alg = sha1.New
	case "sha256":
		alg = sha256.New
	case "sha512":
		alg = sha512.New
	default:
		return nil, fmt.Errorf("unknown alg %q", in.Alg)
	}
	return imagorpath.NewHMACSigner(alg, in.Truncate, *in.Secret), nil
}

func run(c kase) (any, error) {
	var in input
	if err := json.Unmarshal(c.Input, &in); err != nil {
		return nil, err
	}
	s, err := signer(in)
	if err != nil {
		return nil, err
	}
	switch c.Op {
	case "imagorpath.Generate":
		return imagorpath.Generate(in.Params, s), nil
	case "imagorpath.Sign":
		if s == nil {
			return nil, fmt.Errorf("a secret is needed to sign")
		}
		return s.Sign(in.Path), nil
	case "imagorpath.Verify":
		if s == nil {
			return nil, fmt.Errorf("a secret is needed to verify")
		}
		p := imagorpath.Parse(in.Path)
		return p.Hash != "" && s.Sign(p.Path) == p.Hash, nil
	case "imagorpath.Parse":
		p := imagorpath.Parse(in.Path)
		return map[string]any{"hash": p.Hash, "unsafe": p.Unsafe, "path": p.Path, "image": p.Image}, nil
	}
	return nil, fmt.Errorf("unknown op %q", c.Op)
}

func main() {
	var cases []kase
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	out := make([]map[string]any, 0, len(cases))
	for _, c := range cases {
		if res, err := run(c); err != nil {
			out = append(out, map[string]any{"id": c.ID, "error": err.Error()})
		} else {
			out = append(out, map[string]any{"id": c.ID, "ok": res})
		}
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		os.Exit(2)
	}
}
