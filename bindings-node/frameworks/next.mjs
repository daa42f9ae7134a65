// ESM entry point of imgsign/next: re-exports the CommonJS one (next.js).
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const m = require('./next.js')

export const { createImages } = m
export default m
