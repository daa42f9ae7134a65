// Differential test: the `imgix-js` profile against the official @imgix/js-core 3.8.0 on
// generated tricky inputs (seeded, so a failure is reproducible). imgsign keeps js-core's
// bytes except where clients would send something else ("what clients rewrite is never
// signed", docs/behaviour.md): a signed URL is js-core's URL as a WHATWG parser sends it
// (`'` in the query becomes `%27`), signed by imgix's formula md5(token + path + query).

import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { test } from 'node:test'
import { UrlBuilder } from 'imgsign'

const require = createRequire(import.meta.url)
const ImgixClient = require('@imgix/js-core')

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
]

function gen(seed) {
  const r = rng(seed)
  const int = (n) => Math.floor(r() * n)
  const pick = (xs) => xs[int(xs.length)]
  const str = (min, max) => {
    let s = ''
    const n = min + int(max - min + 1)
    for (let i = 0; i < n; i++) s += pick(POOL)
    return s
  }
  const key = () => {
    const kind = int(6)
    let k
    if (kind === 0)
      k = String(int(20)) // digit-only keys (JS enumerates them first)
    else if (kind === 1)
      k = `${str(1, 4)}64` // base64 keys
    else if (kind === 2) k = pick(['w', 'h', 'fit', 'txt', 'mark', 'q', 'dpr', 'expires'])
    else k = str(1, 6)
    return k === 's' || k === 'ixlib' ? `${k}x` : k
  }
  let path
  const pk = int(5)
  if (pk === 0) path = `${pick(['http://', 'https://'])}example.com/${str(0, 8)}`
  else if (pk === 1) path = ''
  else path = pick(['/', '']) + str(1, 12)
  const params = {}
  const n = int(5)
  for (let i = 0; i < n; i++) {
    const k = key()
    // js-core base64-encodes `*64` values with Buffer.from, which throws on numbers.
    params[k] = int(4) === 0 && !k.endsWith('64') ? int(2000) : str(0, 8)
  }
  return {
    path,
    params,
    includeLibraryParam: r() < 0.5,
    token: r() < 0.7 ? pick(['FOO123bar', '123456', 'tok+en/=x', 'ü-key']) : null,
    useHTTPS: r() < 0.8,
  }
}

/** js-core's URL as clients send it, signed over what is sent. */
function asSent(url, token) {
  if (token === null) return url
  const m = /^(.*?)[?&]s=[0-9a-f]{32}$/.exec(url)
  assert.ok(m, url)
  const u = new URL(m[1])
  const sent = u.pathname + u.search
  const s = createHash('md5')
    .update(token + sent)
    .digest('hex')
  return `${u.origin}${sent}${u.search ? '&' : '?'}s=${s}`
}

function srcsetAsSent(srcset, token) {
  return srcset
    .split(',\n')
    .map((entry) => {
      const cut = entry.lastIndexOf(' ')
      return `${asSent(entry.slice(0, cut), token)}${entry.slice(cut)}`
    })
    .join(',\n')
}

const CASES = 400

test(`buildUrl equals js-core buildURL on ${CASES} generated inputs`, () => {
  let checked = 0
  for (let seed = 1; seed <= CASES; seed++) {
    const c = gen(seed)
    const client = new ImgixClient({
      domain: 'demo.imgix.net',
      secureURLToken: c.token ?? undefined,
      includeLibraryParam: c.includeLibraryParam,
      useHTTPS: c.useHTTPS,
    })
    const ours = new UrlBuilder('demo.imgix.net', {
      profile: 'imgix-js',
      key: c.token,
      includeLibraryParam: c.includeLibraryParam,
      useHttps: c.useHTTPS,
    })
    const expected = asSent(client.buildURL(c.path, c.params), c.token)
    assert.equal(ours.buildUrl(c.path, c.params), expected, `seed ${seed}: ${JSON.stringify(c)}`)
    checked++
  }
  assert.equal(checked, CASES)
})

test(`buildSrcset equals js-core buildSrcSet (fluid and fixed) on generated inputs`, () => {
  for (let seed = 1000; seed < 1000 + CASES / 4; seed++) {
    const c = gen(seed)
    const r = rng(seed * 7)
    const client = new ImgixClient({
      domain: 'demo.imgix.net',
      secureURLToken: c.token ?? undefined,
      includeLibraryParam: c.includeLibraryParam,
    })
    const ours = new UrlBuilder('demo.imgix.net', {
      profile: 'imgix-js',
      key: c.token,
      includeLibraryParam: c.includeLibraryParam,
    })
    const variants = [
      [{}, {}],
      [
        { minWidth: 200 + Math.floor(r() * 300), maxWidth: 1000 + Math.floor(r() * 3000) },
        { minWidth: undefined, maxWidth: undefined },
      ],
      [{ widthTolerance: 0.05 + r() * 0.2 }, { tolerance: undefined }],
      [{ widths: [100, 250, 777] }, { widths: undefined }],
      [{ devicePixelRatios: [1, 2, 3], variableQualities: { 1: 70, 2: 40 } }, {}],
      [{ disableVariableQuality: true }, {}],
    ]
    for (const [jsOpts] of variants) {
      const opts = {}
      if (jsOpts.minWidth) opts.minWidth = jsOpts.minWidth
      if (jsOpts.maxWidth) opts.maxWidth = jsOpts.maxWidth
      if (jsOpts.widthTolerance) opts.tolerance = jsOpts.widthTolerance
      if (jsOpts.widths) opts.widths = jsOpts.widths
      if (jsOpts.devicePixelRatios) opts.devicePixelRatios = jsOpts.devicePixelRatios
      if (jsOpts.variableQualities) opts.variableQualities = jsOpts.variableQualities
      if (jsOpts.disableVariableQuality) opts.disableVariableQuality = true
      for (const extra of [{}, { w: 320 }, { h: 200, ar: '16:9' }]) {
        const params = { ...c.params, ...extra }
        const expected = srcsetAsSent(client.buildSrcSet(c.path, params, jsOpts), c.token)
        assert.equal(
          ours.buildSrcset(c.path, params, opts),
          expected,
          `seed ${seed} ${JSON.stringify([c, params, jsOpts])}`,
        )
      }
    }
  }
})
