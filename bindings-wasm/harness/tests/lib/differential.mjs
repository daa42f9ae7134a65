// Generated differential cases (seeded, so a failure is reproducible): tricky and wrong-typed
// inputs for every call, with the outcome the native addon gives (value, or error code and
// message), and for the `imgix-js` profile the URL @imgix/js-core 3.8.0 builds (as clients
// send it). Node only:
// the harness computes them once and every runtime checks its WebAssembly build against them.

// js-core's URL as clients send it, signed over what is sent (docs/behaviour.md, "What
// clients rewrite is never signed": `'` in the query is sent as `%27`).
function asSent(url, token, md5) {
  if (token === null) return url
  const m = /^(.*?)[?&]s=[0-9a-f]{32}$/.exec(url)
  if (!m) throw new Error(`not a signed js-core URL: ${url}`)
  const u = new URL(m[1])
  const sent = u.pathname + u.search
  return `${u.origin}${sent}${u.search ? '&' : '?'}s=${md5(token + sent)}`
}

function srcsetAsSent(srcset, token, md5) {
  return srcset
    .split(',\n')
    .map((entry) => {
      const cut = entry.lastIndexOf(' ')
      return `${asSent(entry.slice(0, cut), token, md5)}${entry.slice(cut)}`
    })
    .join(',\n')
}

// mulberry32: a small seeded PRNG.
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const POOL = [
  ...'abcXYZ019-._~',
  ' ',
  '+',
  '#',
  '%',
  '?',
  '&',
  '=',
  '!',
  "'",
  '(',
  ')',
  '*',
  '/',
  ':',
  '@',
  ',',
  ';',
  '$',
  'é',
  'ü',
  '日本',
  '😀',
  '\u00a0',
  '%20',
  '%zz',
  '"',
  '<',
  '[',
  ']',
  '|',
  '\\',
  '^',
  '`',
  '{',
  '}',
  '\u0000',
  '\ud800',
  '\u200d',
  'ß',
  'İ',
]
const PROVIDERS = ['imgix', 'gumlet', 'pixta', 'imageboss']
const PROFILES = ['canonical', 'imgix-python', 'imgix-js']
const DOMAINS = {
  imgix: ['demo.imgix.net', 'Demo.Imgix.Net', 'a-b.imgix.net'],
  gumlet: ['demo.gumlet.io', 'img.example.com'],
  pixta: ['image.pvnservices.com'],
  imageboss: ['img.imageboss.me'],
}
const HOSTS = [
  'demo.imgix.net',
  'DEMO.imgix.net',
  'bücher.example',
  'xn--bcher-kva.example',
  'a.b',
  '127.0.0.1',
  '[::1]',
  'x.gumlet.io:8443',
  'user:pw@a.b',
  'exa%41mple.com',
  'ドメイン.テスト',
  'faß.de',
]
const KEYS = ['FOO123bar', '123456', 'tok+en/=x', 'ü-key', 'wakanda123@', 'k', '', ' padded ', 'x'.repeat(40)]
const WRONG = [
  { $number: 'NaN' },
  { $number: 'Infinity' },
  42,
  true,
  [],
  {},
  null,
  { $undefined: 1 },
  ['a'],
  { $map: [['w', 1]] },
]

function make(seed) {
  const r = rng(seed)
  const int = (n) => Math.floor(r() * n)
  const pick = (xs) => xs[int(xs.length)]
  const chance = (p) => r() < p
  const str = (min, max) => {
    let s = ''
    const n = min + int(max - min + 1)
    for (let i = 0; i < n; i++) s += pick(POOL)
    return s
  }
  const maybeWrong = (v, p = 0.04) => (chance(p) ? pick(WRONG) : v)
  const key = () => {
    const kind = int(6)
    if (kind === 0) return String(int(20))
    if (kind === 1) return `${str(1, 4)}64`
    if (kind === 2) return pick(['w', 'h', 'fit', 'txt', 'mark', 'q', 'dpr', 'expires', 's', 'ixlib', 'auto'])
    return str(1, 6)
  }
  const value = () => {
    const kind = int(10)
    if (kind === 0) return int(3000)
    if (kind === 1) return pick([1.5, 0.1, -0, 2.25, 1e21, 1e-7, -3])
    if (kind === 2) return chance(0.5)
    if (kind === 3) return null
    return str(0, 8)
  }
  const params = () => {
    const n = int(5)
    const pairs = []
    for (let i = 0; i < n; i++) pairs.push([key(), maybeWrong(value(), 0.03)])
    const shape = int(3)
    if (shape === 0) return pairs
    if (shape === 1) return { $map: pairs }
    const o = {}
    for (const [k, v] of pairs) o[k] = v
    return o
  }
  const path = () => {
    const pk = int(6)
    if (pk === 0) return `${pick(['http://', 'https://'])}example.com/${str(0, 8)}`
    if (pk === 1) return ''
    return pick(['/', '', '//']) + str(1, 12)
  }
  const builderCtor = () => {
    const provider = pick(PROVIDERS)
    const o = {}
    if (chance(0.9)) o.provider = provider
    if (chance(0.8)) o.key = pick(KEYS)
    if (chance(0.7)) o.profile = provider === 'imgix' ? pick(PROFILES) : 'canonical'
    if (chance(0.3)) o.useHttps = chance(0.5)
    if (chance(0.3)) o.includeLibraryParam = chance(0.5)
    if (chance(0.2)) o.disablePathEncoding = chance(0.5)
    if (chance(0.03)) o.unknownOption = 1
    return [
      maybeWrong(chance(0.05) ? `https://${pick(DOMAINS[provider])}` : pick(DOMAINS[provider]), 0.03),
      maybeWrong(o, 0.02),
    ]
  }
  const url = () => {
    const scheme = pick(['https://', 'https://', 'http://', 'ftp://', ''])
    let u = scheme + pick(HOSTS) + pick(['/', '//', '/a/']) + str(0, 10)
    if (chance(0.7)) u += `?${str(0, 12)}`
    if (chance(0.2)) u += `#${str(0, 4)}`
    return u
  }
  const signerCtor = () => {
    const o = chance(0.3) ? { previousKeys: [pick(KEYS), pick(KEYS)] } : undefined
    return [maybeWrong(pick(PROVIDERS), 0.02), maybeWrong(pick(KEYS.slice(0, 7)), 0.03), maybeWrong(o, 0.02)]
  }
  const headers = (pairs) => {
    const shape = int(3)
    if (shape === 0) return pairs
    if (shape === 1) return { $map: pairs }
    const o = {}
    for (const [k, v] of pairs) o[k] = v
    return o
  }
  return { r, int, pick, chance, str, maybeWrong, params, path, builderCtor, url, signerCtor, headers, value }
}

// Inputs js-core and a request id can carry: no NUL, no lone surrogate.
function withoutNulOrSurrogate(x) {
  return x.replaceAll(String.fromCharCode(0), '').replaceAll('\ud800', '')
}

function dotSegment(path) {
  return path
    .split(/[?#]/)[0]
    .split('/')
    .some((seg) => ['.', '..'].includes(seg.replace(/%2e/gi, '.')))
}

const KINDS = [
  ['buildUrl', 1100],
  ['buildUrlJs', 500],
  ['buildSrcset', 350],
  ['buildSrcsetJs', 120],
  ['buildUrls', 80],
  ['signUrl', 600],
  ['signUrls', 60],
  ['verifyUrl', 400],
  ['targetWidths', 150],
  ['signOriginRequest', 100],
  ['verifyOriginRequest', 100],
  ['verifyBasicAuth', 60],
  ['verifyOriginSecret', 60],
]

function generate(native, ImgixClient, revive, execCase, md5) {
  const cases = []
  let seed = 0
  const add = (case_) => {
    // Expected outcomes come from the case as every runtime reads it (after JSON).
    const c = JSON.parse(JSON.stringify(case_))
    const got = (() => {
      try {
        return { value: execCase(native, c) }
      } catch (e) {
        if (typeof e.code !== 'string')
          throw new Error(`native threw without a code for ${JSON.stringify(c)}: ${e}`)
        return { code: e.code, message: e.message }
      }
    })()
    c.expected = got
    // Documented divergence (docs/behaviour.md): a `.`/`..` path segment, which js-core
    // emits, is refused because browsers remove it before the request.
    if ('jscore' in c && got.code === 'invalid_url' && dotSegment(c.args[0])) delete c.jscore
    cases.push(c)
  }
  for (const [kind, n] of KINDS) {
    for (let k = 0; k < n; k++) {
      seed++
      const g = make(seed * 7919)
      const { int, pick, chance, str } = g
      switch (kind) {
        case 'buildUrl':
          add({
            seed,
            op: 'buildUrl',
            ctor: g.builderCtor(),
            args: [g.maybeWrong(g.path(), 0.03), g.maybeWrong(g.params(), 0.02)],
          })
          break
        case 'buildUrlJs':
        case 'buildSrcsetJs': {
          // Inputs js-core accepts (string values for *64 keys; no `s`/`ixlib` keys).
          const token = chance(0.7) ? pick(['FOO123bar', '123456', 'tok+en/=x', 'ü-key']) : null
          const includeLibraryParam = chance(0.5)
          const useHTTPS = chance(0.8)
          const clean = withoutNulOrSurrogate
          const path = clean(g.path())
          const params = {}
          for (let i = int(5); i > 0; i--) {
            let k = clean(str(1, 6)) || 'k'
            if (k === 's' || k === 'ixlib') k += 'x'
            params[k] = int(4) === 0 && !k.endsWith('64') ? int(2000) : clean(str(0, 8))
          }
          const client = new ImgixClient({
            domain: 'demo.imgix.net',
            secureURLToken: token ?? undefined,
            includeLibraryParam,
            useHTTPS,
          })
          const ctor = [
            'demo.imgix.net',
            { profile: 'imgix-js', key: token, includeLibraryParam, useHttps: useHTTPS },
          ]
          if (kind === 'buildUrlJs') {
            add({
              seed,
              op: 'buildUrl',
              ctor,
              args: [path, params],
              jscore: asSent(client.buildURL(path, params), token, md5),
            })
          } else {
            const variant = int(4)
            const opts = [
              {},
              { widths: [100, 250, 777] },
              { devicePixelRatios: [1, 2, 3], variableQualities: { 1: 70, 2: 40 } },
              { disableVariableQuality: true },
            ][variant]
            const extra = [{}, { w: 320 }, { h: 200, ar: '16:9' }][int(3)]
            const p = { ...params, ...extra }
            add({
              seed,
              op: 'buildSrcset',
              ctor,
              args: [path, p, opts],
              jscore: srcsetAsSent(client.buildSrcSet(path, p, opts), token, md5),
            })
          }
          break
        }
        case 'buildSrcset': {
          const o = {}
          if (chance(0.3)) o.widths = Array.from({ length: int(5) }, () => g.maybeWrong(int(3000), 0.05))
          if (chance(0.3)) o.minWidth = g.maybeWrong(pick([50, 100, 200, 0, -1, 1.5]), 0.05)
          if (chance(0.3)) o.maxWidth = g.maybeWrong(pick([500, 8192, 9000, 100]), 0.05)
          if (chance(0.3)) o.tolerance = g.maybeWrong(pick([0.08, 0.01, 0.5, 0.001, 2]), 0.05)
          if (chance(0.3)) o.devicePixelRatios = [pick([1, 1.5, 2, 0, 6]), pick([2, 3, 4.5])]
          if (chance(0.2))
            o.variableQualities = chance(0.5)
              ? { 1: int(100), 1.5: 60, x: 3 }
              : {
                  $map: [
                    [1, int(100)],
                    [2, pick([40, 101, -1])],
                  ],
                }
          if (chance(0.2)) o.disableVariableQuality = g.maybeWrong(chance(0.5), 0.1)
          if (chance(0.03)) o.minwidth = 1
          add({
            seed,
            op: 'buildSrcset',
            ctor: g.builderCtor(),
            args: [g.path(), g.params(), g.maybeWrong(o, 0.02)],
          })
          break
        }
        case 'buildUrls': {
          const items = Array.from({ length: int(4) }, () =>
            chance(0.5) ? [g.path(), g.params()] : [g.path()],
          )
          if (chance(0.1)) items.push(g.maybeWrong('x', 1))
          add({ seed, op: 'buildUrls', ctor: g.builderCtor(), args: [items] })
          break
        }
        case 'signUrl': {
          const opt = [
            undefined,
            undefined,
            undefined,
            undefined,
            { expires: 1700000000 + int(1000) },
            { expires: 1700000000 + int(1000) },
            { expiresIn: int(100000), now: 1700000000 },
            { expires: 1.5 },
            { expires: 1, expiresIn: 2 },
            { now: 5 },
          ][int(10)]
          add({ seed, op: 'signUrl', ctor: g.signerCtor(), args: [g.maybeWrong(g.url(), 0.03), opt] })
          break
        }
        case 'signUrls':
          add({
            seed,
            op: 'signUrls',
            ctor: g.signerCtor(),
            args: [Array.from({ length: int(4) }, () => g.url())],
          })
          break
        case 'verifyUrl': {
          const ctor = g.signerCtor()
          let u = g.url()
          try {
            const s = new native.Signer(...revive(ctor))
            u = chance(0.5) ? s.signUrl(u, { expires: 1700000000 + int(200) }) : s.signUrl(u)
            if (chance(0.3)) u = u.slice(0, -1) + (u.endsWith('0') ? '1' : '0')
          } catch {}
          add({ seed, op: 'verifyUrl', ctor, args: [u, { now: 1700000000 + int(400) }] })
          break
        }
        case 'targetWidths':
          add({
            seed,
            op: 'targetWidths',
            args: [
              g.maybeWrong(pick([100, 50, 1, 0, 500, 8192]), 0.1),
              g.maybeWrong(pick([8192, 1000, 100, 10000]), 0.1),
              g.maybeWrong(pick([0.08, 0.01, 0.3, 0.005, 1]), 0.1),
            ],
          })
          break
        case 'signOriginRequest':
          add({
            seed,
            op: 'signOriginRequest',
            args: [
              g.maybeWrong(pick(KEYS), 0.05),
              g.maybeWrong(str(0, 8), 0.05),
              g.maybeWrong(1700000000 + int(1000), 0.05),
            ],
          })
          break
        case 'verifyOriginRequest': {
          const key = pick(KEYS.slice(0, 6))
          const ts = 1700000000 + int(1000)
          const id = withoutNulOrSurrogate(str(1, 6))
          let sig = ''
          try {
            sig = native.signOriginRequest(key, id, ts)
          } catch {}
          const pairs = [
            ['X-Imgix-Signature', chance(0.2) ? sig.toLowerCase() : sig],
            ['x-imgix-signature-timestamp', String(ts)],
            ['X-IMGIX-Signature-Request-Id', id],
          ]
          if (chance(0.2)) pairs.pop()
          if (chance(0.1)) pairs.push(['x-imgix-signature', sig])
          add({
            seed,
            op: 'verifyOriginRequest',
            args: [key, g.headers(pairs), { now: ts + int(600) - 300, tolerance: pick([300, 10, 1000]) }],
          })
          break
        }
        case 'verifyBasicAuth': {
          const [u, p] = [str(1, 5), str(0, 5)]
          const enc = Buffer.from(`${chance(0.7) ? u : 'x'}:${p}`).toString('base64')
          add({
            seed,
            op: 'verifyBasicAuth',
            args: [
              u,
              p,
              g.headers([['Authorization', pick(['Basic ', 'basic ', 'Bearer ', 'Basic  ']) + enc]]),
            ],
          })
          break
        }
        case 'verifyOriginSecret': {
          const secret = str(1, 8)
          add({
            seed,
            op: 'verifyOriginSecret',
            args: [secret, g.headers([['x-imgix-origin-secret', chance(0.7) ? secret : `${secret}x`]])],
          })
          break
        }
      }
    }
  }
  return cases
}

export { generate }
