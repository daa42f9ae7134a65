// One run, one table: ns per call of imgsign vs @imgix/js-core 3.8.0 and a hand-rolled
// node:crypto signer on the same inputs, then heap/RSS around 1,000,000 calls.
//   bash bindings-node/scripts/bench.sh

import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { Signer, Sources, UrlBuilder } from 'imgsign'

const require = createRequire(import.meta.url)
const ImgixClient = require('@imgix/js-core')

const DOMAIN = 'demo.imgix.net'
const KEY = 'FOO123bar'
const PATH = '/photos/harbour at dawn.jpg'
const PARAMS = { w: 400, h: 300, fit: 'crop', auto: 'format,compress' }
const URL1 =
  'https://demo.imgix.net/photos/harbour%20at%20dawn.jpg?auto=format%2Ccompress&fit=crop&h=300&w=400'

const builder = new UrlBuilder(DOMAIN, { key: KEY })
const builderJs = new UrlBuilder(DOMAIN, { key: KEY, profile: 'imgix-js', includeLibraryParam: true })
const client = new ImgixClient({ domain: DOMAIN, secureURLToken: KEY })
const signer = new Signer('imgix', KEY)

function handRolledSign(input) {
  const u = new URL(input)
  u.searchParams.delete('s')
  const query = u.search.slice(1)
  const sig = createHash('md5')
    .update(KEY + u.pathname + (query ? `?${query}` : ''))
    .digest('hex')
  return `${u.origin}${u.pathname}?${query ? `${query}&` : ''}s=${sig}`
}

let sink = 0
function bench(fn, minMs = 400) {
  for (let i = 0; i < 2000; i++) sink += fn().length // warm-up (JIT)
  let n = 1000
  for (;;) {
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < n; i++) sink += fn().length
    const ns = Number(process.hrtime.bigint() - t0)
    if (ns > minMs * 1e6) return ns / n
    n *= 2
  }
}

// Same inputs, checked to agree before timing (imgix-js profile vs js-core).
if (builderJs.buildUrl(PATH, PARAMS) !== client.buildURL(PATH, PARAMS))
  throw new Error('buildUrl/buildURL disagree')
if (signer.signUrl(URL1) !== handRolledSign(URL1)) throw new Error('signUrl/hand-rolled disagree')

const URLS = Array.from(
  { length: 1000 },
  (_, i) => `https://demo.imgix.net/catalogue/item-${i}.jpg?w=${100 + i}&fit=crop`,
)

const rows = []
const row = (name, ours, theirs, theirName) =>
  rows.push({
    operation: name,
    'imgsign ns/call': ours.toFixed(0),
    baseline: theirName,
    'baseline ns/call': theirs === null ? '' : theirs.toFixed(0),
    speedup: theirs === null ? '' : `${(theirs / ours).toFixed(1)}x`,
  })

const jsBuild = bench(() => client.buildURL(PATH, PARAMS))
row(
  'buildUrl, 4 params, signed (canonical)',
  bench(() => builder.buildUrl(PATH, PARAMS)),
  jsBuild,
  'js-core buildURL',
)
row(
  'buildUrl, 4 params, signed (imgix-js)',
  bench(() => builderJs.buildUrl(PATH, PARAMS)),
  jsBuild,
  'js-core buildURL',
)
row(
  'buildSrcset fluid (31 widths)',
  bench(() => builder.buildSrcset(PATH, { fit: 'crop' })),
  bench(() => client.buildSrcSet(PATH, { fit: 'crop' })),
  'js-core buildSrcSet',
)
row(
  'buildSrcset fixed (5 dprs)',
  bench(() => builder.buildSrcset(PATH, { w: 400, fit: 'crop' })),
  bench(() => client.buildSrcSet(PATH, { w: 400, fit: 'crop' })),
  'js-core buildSrcSet',
)
row(
  'signUrl',
  bench(() => signer.signUrl(URL1)),
  bench(() => handRolledSign(URL1)),
  'node:crypto md5 + new URL()',
)
// Two calls timed in alternation (rounds of about 10 ms each, CPU time of this process), the
// best round of each: on a busy machine the two sides meet the same conditions.
function pair(a, b, rounds = 25) {
  const time = (fn) => {
    let n = 8
    for (;;) {
      const t0 = process.cpuUsage()
      for (let k = 0; k < n; k++) sink += fn().length
      const t = process.cpuUsage(t0)
      const ns = (t.user + t.system) * 1000
      if (ns > 10e6) return ns / n
      n *= 2
    }
  }
  for (let k = 0; k < 200; k++) sink += a().length + b().length // warm-up (JIT)
  let [bestA, bestB] = [Infinity, Infinity]
  for (let r = 0; r < rounds; r++) {
    bestA = Math.min(bestA, time(a))
    bestB = Math.min(bestB, time(b))
  }
  return [bestA, bestB]
}

// The batch calls against the single call in a loop (results collected in an array), per
// URL, on batches of 1, 10 and 1,000 (timed in pairs).
const ITEMS = URLS.map((_, i) => [`/catalogue/item-${i}.jpg`, { w: 100 + i, fit: 'crop' }])
const sources = new Sources({
  shop: { domain: DOMAIN, key: KEY },
  other: { domain: 'cdn.example.com', key: 'k2' },
})
const loop = (xs, f) => () => {
  const out = new Array(xs.length)
  for (let k = 0; k < xs.length; k++) out[k] = f(xs[k])
  return out
}
for (const n of [1, 10, 1000]) {
  const urls = URLS.slice(0, n)
  const items = ITEMS.slice(0, n)
  const batchRow = (name, batch, one, baseline) => {
    const [ours, theirs] = pair(batch, one)
    row(`${name} (${n}), per URL`, ours / n, theirs / n, baseline)
  }
  batchRow(
    'signUrls',
    () => signer.signUrls(urls),
    loop(urls, (u) => signer.signUrl(u)),
    'signUrl in a loop',
  )
  batchRow(
    'buildUrls',
    () => builder.buildUrls(items),
    loop(items, ([p, q]) => builder.buildUrl(p, q)),
    'buildUrl in a loop',
  )
  batchRow(
    'Sources.signUrls',
    () => sources.signUrls(urls),
    loop(urls, (u) => sources.signUrl(u)),
    'Sources.signUrl in a loop',
  )
}

console.log(`node ${process.version}, ${process.arch}`)
console.table(rows)

// Memory: 1,000,000 calls of buildUrl + signUrl; heap after GC and RSS before and after.
const gc = globalThis.gc ?? (() => {})
gc()
const before = process.memoryUsage()
for (let k = 0; k < 1_000_000; k++) {
  sink += builder.buildUrl(PATH, PARAMS).length
  sink += signer.signUrl(URL1).length
}
gc()
const after = process.memoryUsage()
const mb = (b) => `${(b / 1048576).toFixed(1)} MiB`
console.table([
  { when: 'before 1,000,000 calls', heapUsed: mb(before.heapUsed), rss: mb(before.rss) },
  { when: 'after 1,000,000 calls', heapUsed: mb(after.heapUsed), rss: mb(after.rss) },
])
if (sink === 42) console.log('')
