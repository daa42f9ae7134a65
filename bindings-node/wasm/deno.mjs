// The WebAssembly build for Deno: the `.wasm` file is imported as a module (Deno 2.1+),
// which needs no read or network permission and works from npm and from a bundle.

import { createApi } from './glue.mjs'
import * as wasm from './imgsign.wasm'

// Deno's TextDecoder decodes UTF-8 natively and other encodings by a slower path (the
// windows-1252 decoder the glue uses for ASCII results by default took 1.3-1.9 µs per URL
// here, UTF-8 0.5 µs), so every result is read as UTF-8, which is the identity on ASCII.
function textReader(buffer) {
  const decoder = new TextDecoder()
  const bytes = new Uint8Array(buffer)
  return (start, end) => decoder.decode(bytes.subarray(start, end))
}

const api = createApi(wasm, textReader)

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
