// The WebAssembly build for browsers and web workers (and any runtime with fetch and
// top-level await). The module is fetched beside this file, which bundlers (Vite, webpack,
// esbuild, Rollup) turn into an asset URL, and instantiated before the import resolves.
// Never give a signing key to code that runs in a browser: build unsigned URLs, or verify
// public parameters, there.
import { compileError, createApi } from './glue.mjs'

const url = new URL('./imgsign.wasm', import.meta.url)

async function instantiate() {
  if (typeof WebAssembly.instantiateStreaming === 'function') {
    try {
      return (await WebAssembly.instantiateStreaming(fetch(url), {})).instance
    } catch {
      // A server that does not send `application/wasm`: fall back to the bytes.
    }
  }
  const response = await fetch(url)
  if (!response.ok) throw new Error(`imgsign: cannot load ${url}: HTTP ${response.status}`)
  const bytes = await response.arrayBuffer()
  try {
    return (await WebAssembly.instantiate(bytes, {})).instance
  } catch (error) {
    throw compileError(error)
  }
}

const api = createApi((await instantiate()).exports)

export const {
  Signer,
  UrlBuilder,
  Sources,
  targetWidths,
  signOriginRequest,
  verifyOriginRequest,
  verifyBasicAuth,
  verifyOriginSecret,
  version,
  argumentErrorCode,
  providerNames,
  profileNames,
  profileDefaults,
  errorCodes,
  isImgsignError,
  isProviderName,
  isProfileName,
} = api
export default api
