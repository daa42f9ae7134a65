// The error of the package entry when neither the native addon nor the WebAssembly fallback
// loads (load-error.js): it names the platform, the package looked for and the fallback,
// and keeps the loader's own error as its cause. (make dist-check provokes the real one in
// an empty project.)

import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { test } from 'node:test'

const require = createRequire(import.meta.url)
const { loadError, platformName } = require('../load-error.js')

const loaderError = () => {
  const error = new Error('Cannot find native binding. npm has a bug related to optional dependencies')
  error.cause = new Error(`Cannot find module 'imgsign-${platformName()}'`)
  return error
}
const missing = (code) => Object.assign(new Error('gone'), { code })

test('the platform name is the one of the platform packages', () => {
  const name = platformName()
  assert.match(name, /^[a-z0-9]+-[a-z0-9]+(-[a-z0-9]+)?$/)
  if (process.platform === 'linux' && process.arch === 'x64') {
    assert.ok(name === 'linux-x64-gnu' || name === 'linux-x64-musl', name)
  }
})

test('a missing platform package: the platform, the package, the fallback, no blame on npm', () => {
  const cause = loaderError()
  const e = loadError(cause, missing('ENOENT'))
  const name = platformName()
  assert.equal(e.code, 'ERR_IMGSIGN_NO_BINDING')
  assert.equal(e.platform, name)
  assert.equal(e.packageName, `imgsign-${name}`)
  assert.ok(e.message.startsWith(`imgsign cannot load on ${name}: `), e.message)
  assert.ok(e.message.includes(`the package imgsign-${name}`), e.message)
  assert.ok(e.message.includes('not installed'), e.message)
  assert.ok(e.message.includes('WebAssembly build'), e.message)
  assert.ok(e.message.includes('carries no WebAssembly build'), e.message)
  assert.ok(!e.message.includes('npm has a bug'), e.message)
  assert.equal(e.cause, cause)
})

test('a WebAssembly build that fails says why', () => {
  const wasmError = new Error('WebAssembly.Module(): expected magic word')
  const e = loadError(loaderError(), wasmError)
  assert.ok(e.message.includes('did not load either: WebAssembly.Module(): expected magic word'), e.message)
  assert.equal(e.wasmError, wasmError)
  assert.ok(
    loadError(loaderError(), missing('MODULE_NOT_FOUND')).message.includes('carries no WebAssembly build'),
  )
})

test('an engine that refuses the WebAssembly module is told which engines run it', async () => {
  const { compileError } = await import('../wasm/glue.mjs')
  let refused
  try {
    // A malformed module: the engine's own CompileError, the type an engine without SIMD
    // throws for imgsign.wasm.
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 0xff]))
  } catch (error) {
    refused = error
  }
  assert.ok(refused instanceof WebAssembly.CompileError)
  const e = compileError(refused)
  assert.match(e.message, /^imgsign: this JavaScript engine cannot compile the WebAssembly build/)
  assert.match(e.message, /WebAssembly SIMD/)
  assert.match(e.message, /Safari 16\.4\+/)
  assert.equal(e.cause, refused)
  const other = new TypeError('not a compile error')
  assert.equal(compileError(other), other)
})
