// The WebAssembly build for Cloudflare Workers (workerd). Workers cannot compile
// WebAssembly from bytes at run time: the `.wasm` file is imported as a module, which
// wrangler (and workerd's `wasm` module type) provide already compiled.

import { createApi, utf8TextReader } from './glue.mjs'
import wasm from './imgsign.wasm'

// workerd's TextDecoder is faster for UTF-8 than for windows-1252: results are read as UTF-8.
const api = createApi(new WebAssembly.Instance(wasm, {}).exports, utf8TextReader)

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
