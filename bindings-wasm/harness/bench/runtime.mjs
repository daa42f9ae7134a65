// Deno and Bun: the benchmark's workloads on `imgsign` as the runtime resolves it (or
// `imgsign/wasm` with --wasm), and js-core's buildURL in the same runtime; prints JSON.
import ImgixClient from '@imgix/js-core'
import { bench, DOMAIN, KEY, measure, PARAMS, PATH } from './workloads.mjs'

const args = typeof Deno !== 'undefined' ? Deno.args : process.argv.slice(2)
const m = args.includes('--wasm') ? await import('imgsign/wasm') : await import('imgsign')
const client = new ImgixClient({ domain: DOMAIN, secureURLToken: KEY })
console.log(JSON.stringify({ ...measure(m), jscore: bench(() => client.buildURL(PATH, PARAMS)) }))
