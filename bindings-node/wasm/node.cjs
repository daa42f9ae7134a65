'use strict'
// The WebAssembly build for Node.js (and Bun) through require(): the module is compiled
// synchronously from the file beside this one. Also the fallback of the package's main
// entry where no native binary loads.
const { readFileSync } = require('node:fs')
const { join } = require('node:path')
const { compileError, createApi } = require('./glue.cjs')

// Buffer decodes strings out of the module's memory faster than TextDecoder (and ASCII,
// which every URL result is, faster still as latin1, the identity on ASCII bytes).
function textReader(buffer) {
  const bytes = Buffer.from(buffer)
  return (start, end, ascii) => (ascii ? bytes.latin1Slice(start, end) : bytes.utf8Slice(start, end))
}

function compile(bytes) {
  try {
    return new WebAssembly.Module(bytes)
  } catch (error) {
    throw compileError(error)
  }
}

const wasm = compile(readFileSync(join(__dirname, 'imgsign.wasm')))
module.exports = createApi(new WebAssembly.Instance(wasm, {}).exports, textReader)
