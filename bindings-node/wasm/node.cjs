'use strict'
// The WebAssembly build for Node.js (and Bun) through require(): the module is compiled
// synchronously from the file beside this one. Also the fallback of the package's main
// entry where no native binary loads.
const { readFileSync } = require('node:fs')
const { join } = require('node:path')
const { createApi } = require('./glue.cjs')

// Buffer decodes strings out of the module's memory faster than TextDecoder.
function textReader(buffer) {
  const bytes = Buffer.from(buffer)
  return (start, end) => bytes.utf8Slice(start, end)
}

const wasm = new WebAssembly.Module(readFileSync(join(__dirname, 'imgsign.wasm')))
module.exports = createApi(new WebAssembly.Instance(wasm, {}).exports, textReader)
