// ESM entry point: re-exports the CommonJS entry point (lib.js), which picks the platform binary.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const native = require('./lib.js')

export const {
  Signer,
  UrlBuilder,
  targetWidths,
  signOriginRequest,
  verifyOriginRequest,
  verifyBasicAuth,
  verifyOriginSecret,
  version,
} = native
export default native
