// ESM entry point of imgsign/fastify: re-exports the CommonJS one (fastify.js).
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const m = require('./fastify.js')

export const { signedUrls, fromImgix, ERROR_HEADER } = m
export default m
