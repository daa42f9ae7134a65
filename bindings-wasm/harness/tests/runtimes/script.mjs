// Deno and Bun: runs the checks on `imgsign` (or `imgsign/wasm` with --wasm) as the runtime
// resolves it, with the data file the harness wrote; prints the report as the last line.
//   deno run --allow-read=<data> script.mjs <data.json> [--wasm]
//   bun script.mjs <data.json> [--wasm]
import { runAll } from '../lib/cases.mjs'

const args = typeof Deno !== 'undefined' ? Deno.args : process.argv.slice(2)
const [dataPath, flag] = args
const text = typeof Deno !== 'undefined' ? await Deno.readTextFile(dataPath) : await Bun.file(dataPath).text()
const m = flag === '--wasm' ? await import('imgsign/wasm') : await import('imgsign')
const report = runAll(m, JSON.parse(text))
console.log(JSON.stringify(report))
