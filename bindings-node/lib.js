// CommonJS entry point. It re-exports the napi loader (index.js, which picks the platform
// binary) and gives `UrlBuilder#buildUrl` a faster way across the boundary for plain-object
// params: they are packed into one string (see `_buildUrlPacked` in src/lib.rs) instead of
// being read property by property from Rust. Nothing is decided here: anything that does not
// pack plainly (a Map, pairs, other value types, a NUL in a string) takes the regular path,
// which gives the same result or the coded error.
'use strict'

let native
try {
  native = require('./index.js')
} catch (error) {
  // No native binary for this platform: the WebAssembly build of the same core (wasm/).
  try {
    native = require('./wasm/node.cjs')
  } catch (wasmError) {
    error.wasmError = wasmError
    throw error
  }
}

const regularBuildUrl = native.UrlBuilder.prototype.buildUrl

function pack(params) {
  let packed = ''
  for (const key of Object.keys(params)) {
    if (key.includes('\0')) return null
    const value = params[key]
    switch (typeof value) {
      case 'string':
        if (value.includes('\0')) return null
        packed += 's' + key + '\0' + value + '\0'
        break
      case 'number':
        packed += 'n' + key + '\0' + String(value) + '\0'
        break
      case 'boolean':
        packed += (value ? 't' : 'f') + key + '\0\0'
        break
      case 'undefined':
        packed += 'z' + key + '\0\0'
        break
      default:
        if (value !== null) return null
        packed += 'z' + key + '\0\0'
    }
  }
  return packed
}

if (typeof native.UrlBuilder.prototype._buildUrlPacked === 'function') Object.defineProperty(native.UrlBuilder.prototype, 'buildUrl', {
  configurable: true,
  writable: true,
  enumerable: false,
  value: function buildUrl(path, params) {
    if (typeof path === 'string' && typeof params === 'object' && params !== null &&
        Object.getPrototypeOf(params) === Object.prototype) {
      const packed = pack(params)
      if (packed !== null) return this._buildUrlPacked(path, packed)
    }
    return regularBuildUrl.call(this, path, params)
  },
})

module.exports = native
