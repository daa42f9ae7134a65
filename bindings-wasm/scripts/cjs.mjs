// Emits the CommonJS copy of the glue: node cjs.mjs <glue.mjs> <glue.cjs>
// glue.mjs has no imports and ends with one `export { ... }` line, which becomes
// `module.exports = { ... }`; nothing else changes.
import { readFileSync, writeFileSync } from 'node:fs'

const [from, to] = process.argv.slice(2)
const src = readFileSync(from, 'utf8')
const lines = src.trimEnd().split('\n')
const last = lines.pop()
const m = /^export \{ ([\w, ]+) \}$/.exec(last)
if (!m || /^\s*(import|export)\b/m.test(lines.join('\n'))) {
  throw new Error(`${from}: expected no imports and one final export line`)
}
const out = `'use strict'\n// Generated from glue.mjs by bindings-wasm/scripts/cjs.mjs: do not edit.\n${lines.join('\n')}\nmodule.exports = { ${m[1]} }\n`
let old = null
try {
  old = readFileSync(to, 'utf8')
} catch {}
if (old !== out) writeFileSync(to, out)
