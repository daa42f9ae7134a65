// The WebAssembly build for Deno: the `.wasm` file is imported as a module (Deno 2.1+),
// which needs no read or network permission and works from npm and from a bundle.

import { createApi, utf8TextReader } from './glue.mjs'
import * as wasm from './imgsign.wasm'

// Deno's TextDecoder decodes UTF-8 natively and other encodings by a slower path, so every
// result is read as UTF-8 (the identity on ASCII).
const api = createApi(wasm, utf8TextReader)

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
