// The WebAssembly build for Cloudflare Workers (workerd). Workers cannot compile
// WebAssembly from bytes at run time: the `.wasm` file is imported as a module, which
// wrangler (and workerd's `wasm` module type) provide already compiled.

import { createApi } from './glue.mjs'
import wasm from './imgsign.wasm'

const api = createApi(new WebAssembly.Instance(wasm, {}).exports)

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
  errorCodes,
  isImgsignError,
  isProviderName,
  isProfileName,
} = api
export default api
