// ESM entry point of imgsign/express: re-exports the CommonJS one (express.js).
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const m = require('./express.js')

export const { signedUrls, fromImgix, ERROR_HEADER } = m
export default m
