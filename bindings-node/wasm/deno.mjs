// The WebAssembly build for Deno: the `.wasm` file is imported as a module (Deno 2.1+),
// which needs no read or network permission and works from npm and from a bundle.

import { createApi } from './glue.mjs'
import * as wasm from './imgsign.wasm'

const api = createApi(wasm)

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
