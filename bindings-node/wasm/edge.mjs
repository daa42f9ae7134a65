// The WebAssembly build for Vercel's Edge Runtime (Next.js middleware and edge route
// handlers). Like Workers, it cannot compile WebAssembly from bytes at run time: the
// `?module` import gives the module compiled at build time.

import { createApi } from './glue.mjs'
import wasm from './imgsign.wasm?module'

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
  profileDefaults,
  errorCodes,
  isImgsignError,
  isProviderName,
  isProfileName,
} = api
export default api
