// ESM entry of `imgsign/compat/imgix` (see imgix.js): `import ImgixClient from 'imgsign/compat/imgix'`.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const ImgixClient = require('./imgix.js')

export { ImgixClient }
export default ImgixClient
