// The WebAssembly build for Node.js (and Bun) through import: the same instance as
// require('imgsign/wasm'), so both give the same classes.
import { createRequire } from 'node:module'

const api = createRequire(import.meta.url)('./node.cjs')

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
