// One run, one table: ns per call of the native addon and the WebAssembly build side by
// side, against @imgix/js-core 3.8.0 and a hand-rolled node:crypto signer on the same
// inputs; the glue's own per-call cost; then the same workloads in Deno and Bun.
//   bash bindings-wasm/scripts/bench.sh      (part of make bench-node)

import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bench, DOMAIN, KEY, measure, PARAMS, PATH, sinkValue, URL1 } from './workloads.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const PKG = resolve(HERE, '../../../bindings-node')
const TESTS = resolve(HERE, '..')
const require = createRequire(join(TESTS, 'package.json'))
// The package's main entry (with its fast path for plain-object params), checked to be the
// native addon and not the wasm fallback.
const native = require(join(PKG, 'index.js'))
if (native.Signer !== require(join(PKG, 'native.js')).Signer) throw new Error('the native addon did not load')
const wasm = require(join(PKG, 'wasm/node.cjs'))
const ImgixClient = require('@imgix/js-core')
const { createNoop } = require(join(PKG, 'wasm/glue.cjs'))

const client = new ImgixClient({ domain: DOMAIN, secureURLToken: KEY })
function handRolledSign(input) {
  const u = new URL(input)
  u.searchParams.delete('s')
  const query = u.search.slice(1)
  const sig = createHash('md5')
    .update(KEY + u.pathname + (query ? `?${query}` : ''))
    .digest('hex')
  return `${u.origin}${u.pathname}?${query ? `${query}&` : ''}s=${sig}`
}

// Same inputs, checked to agree before timing.
for (const m of [native, wasm]) {
  const js = new m.UrlBuilder(DOMAIN, { key: KEY, profile: 'imgix-js', includeLibraryParam: true })
  if (js.buildUrl(PATH, PARAMS) !== client.buildURL(PATH, PARAMS))
    throw new Error('buildUrl/buildURL disagree')
  if (new m.Signer('imgix', KEY).signUrl(URL1) !== handRolledSign(URL1))
    throw new Error('signUrl/hand-rolled disagree')
}

const n = measure(native)
const w = measure(wasm)
const base = {
  buildURL: bench(() => client.buildURL(PATH, PARAMS)),
  buildSrcSetFluid: bench(() => client.buildSrcSet(PATH, { fit: 'crop' })),
  buildSrcSetFixed: bench(() => client.buildSrcSet(PATH, { w: 400, fit: 'crop' })),
  crypto: bench(() => handRolledSign(URL1)),
}

const f = (x) => x.toFixed(0)
const x = (a, b) => (b === null ? '' : `${(b / a).toFixed(1)}x`)
const rows = []
const row = (operation, key, baseline, baseNs) =>
  rows.push({
    operation,
    'native ns': f(n[key]),
    'wasm ns': f(w[key]),
    baseline,
    'baseline ns': baseNs === null ? '' : f(baseNs),
    'native speedup': x(n[key], baseNs),
    'wasm speedup': x(w[key], baseNs),
  })
row('buildUrl, 4 params, signed (canonical)', 'buildUrl', 'js-core buildURL', base.buildURL)
row('buildUrl, 4 params, signed (imgix-js)', 'buildUrlJs', 'js-core buildURL', base.buildURL)
row('buildSrcset fluid (31 widths)', 'srcsetFluid', 'js-core buildSrcSet', base.buildSrcSetFluid)
row('buildSrcset fixed (5 dprs)', 'srcsetFixed', 'js-core buildSrcSet', base.buildSrcSetFixed)
row('signUrl', 'signUrl', 'node:crypto md5 + new URL()', base.crypto)
row('signUrls (1,000 URLs), per URL', 'signUrlsPerUrl', 'signUrl one by one', null)
row('verifyUrl', 'verifyUrl', '', null)
row('version() (a call, no work)', 'version', '', null)
console.log(`node ${process.version}, ${process.arch}; native addon vs WebAssembly build, same run`)
console.table(rows)

// The glue's own cost: one call that does nothing in the module, through the glue (with no
// arguments, and with buildUrl's), against calling the export directly.
const instance = new WebAssembly.Instance(
  new WebAssembly.Module(readFileSync(join(PKG, 'wasm/imgsign.wasm'))),
  {},
)
const noop = createNoop(instance.exports)
const call = instance.exports.isg_call
// A call with zero arguments: four zero bytes, which the module leaves zero after reading.
const empty = instance.exports.isg_input(8)
new Uint8Array(instance.exports.memory.buffer).fill(0, empty, empty + 4)
const OP_NOOP = 16
const raw = bench(() => (call(OP_NOOP, 0, 4) > 0 ? 'x' : ''))
const glue0 = bench(() => String(noop()))
const glue2 = bench(() => String(noop(PATH, PARAMS)))
console.table([
  { call: 'export called directly (no glue)', 'ns/call': f(raw) },
  { call: 'glue, no arguments', 'ns/call': f(glue0), 'glue cost ns': f(glue0 - raw) },
  {
    call: "glue, buildUrl's arguments (path + 4 params)",
    'ns/call': f(glue2),
    'glue cost ns': f(glue2 - raw),
  },
])

// Other runtimes, same workloads (their own process; ratios against Node's js-core row).
const deno = join(TESTS, 'node_modules/@deno/linux-x64-glibc/deno')
const bun = join(TESTS, 'node_modules/@oven/bun-linux-x64/bin/bun')
const script = join(HERE, 'runtime.mjs')
const runtimes = [
  ['Deno (wasm)', deno, ['run', `--allow-read=${HERE}`, script]],
  ['Bun (native addon)', bun, [script]],
  ['Bun (wasm)', bun, [script, '--wasm']],
]
const other = [
  {
    runtime: 'Node (native addon)',
    'buildUrl ns': f(n.buildUrl),
    'signUrl ns': f(n.signUrl),
    'srcset fluid ns': f(n.srcsetFluid),
    'buildUrl vs js-core in Node': x(n.buildUrl, base.buildURL),
  },
]
other.push({
  runtime: 'Node (wasm)',
  'buildUrl ns': f(w.buildUrl),
  'signUrl ns': f(w.signUrl),
  'srcset fluid ns': f(w.srcsetFluid),
  'buildUrl vs js-core in Node': x(w.buildUrl, base.buildURL),
})
for (const [name, bin, args] of runtimes) {
  try {
    const out = JSON.parse(
      execFileSync(bin, args, { cwd: TESTS, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
        .trim()
        .split('\n')
        .pop(),
    )
    other.push({
      runtime: name,
      'buildUrl ns': f(out.buildUrl),
      'signUrl ns': f(out.signUrl),
      'srcset fluid ns': f(out.srcsetFluid),
      'buildUrl vs js-core in Node': x(out.buildUrl, base.buildURL),
      'js-core buildURL ns (same runtime)': f(out.jscore),
    })
  } catch (e) {
    other.push({ runtime: name, 'buildUrl ns': `failed: ${String(e.message).split('\n')[0]}` })
  }
}
console.table(other)
const wasmFile = join(PKG, 'wasm/imgsign.wasm')
const gz = execFileSync('gzip', ['-9c', wasmFile]).length
console.log(`wasm/imgsign.wasm: ${readFileSync(wasmFile).length} bytes, ${gz} gzipped (gzip -9)`)
if (sinkValue() === 42) console.log('')
