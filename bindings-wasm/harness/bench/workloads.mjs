// The benchmark's workloads, runtime-neutral (Node, Deno, Bun): ns per call of each
// operation on the same inputs as bindings-node/bench/bench.mjs.
export const DOMAIN = 'demo.imgix.net'
export const KEY = 'FOO123bar'
export const PATH = '/photos/harbour at dawn.jpg'
export const PARAMS = { w: 400, h: 300, fit: 'crop', auto: 'format,compress' }
export const URL1 =
  'https://demo.imgix.net/photos/harbour%20at%20dawn.jpg?auto=format%2Ccompress&fit=crop&h=300&w=400'
export const URLS = Array.from(
  { length: 1000 },
  (_, i) => `https://demo.imgix.net/catalogue/item-${i}.jpg?w=${100 + i}&fit=crop`,
)

let sink = 0
export function bench(fn, minMs = 300) {
  // Warm-up by time, not count: JavaScriptCore (Bun) tiers WebAssembly up late.
  const warm = performance.now()
  while (performance.now() - warm < 400) for (let i = 0; i < 200; i++) sink += fn().length
  let n = 1000
  for (;;) {
    const t0 = performance.now()
    for (let i = 0; i < n; i++) sink += fn().length
    const ms = performance.now() - t0
    if (ms > minMs) return (ms * 1e6) / n
    n *= 2
  }
}

// ns per call of each imgsign operation through `m` (the native addon or the wasm build).
export function measure(m) {
  const builder = new m.UrlBuilder(DOMAIN, { key: KEY })
  const builderJs = new m.UrlBuilder(DOMAIN, { key: KEY, profile: 'imgix-js', includeLibraryParam: true })
  const signer = new m.Signer('imgix', KEY)
  const signed = signer.signUrl(URL1)
  let i = 0
  return {
    buildUrl: bench(() => builder.buildUrl(PATH, PARAMS)),
    buildUrlJs: bench(() => builderJs.buildUrl(PATH, PARAMS)),
    srcsetFluid: bench(() => builder.buildSrcset(PATH, { fit: 'crop' })),
    srcsetFixed: bench(() => builder.buildSrcset(PATH, { w: 400, fit: 'crop' })),
    signUrl: bench(() => signer.signUrl(URL1)),
    signUrlsPerUrl: bench(() => signer.signUrls(URLS)) / URLS.length,
    signUrlOneByOne: bench(() => signer.signUrl(URLS[i++ % 1000])),
    verifyUrl: bench(() => {
      signer.verifyUrl(signed)
      return 'ok'
    }),
    version: bench(() => m.version()),
  }
}

export function sinkValue() {
  return sink
}
