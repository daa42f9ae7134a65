// Differential test: `imgsign/compat/imgix` (through require, import and the default
// export) against the official @imgix/js-core 3.8.0, on seeded inputs covering every value
// type js-core takes in params (strings, numbers of every kind, booleans, null, undefined,
// arrays, objects, bigints), every option of buildURL, buildSrcSet and targetWidths, and the
// client options. The shim keeps js-core's bytes except where imgsign's documented rules
// apply (docs/migrate-imgix-js.md): a signed URL is written as clients send it, a path with a
// `.`/`..` segment or a verbatim path that is not a valid URL path is refused, a user `s` is
// dropped when signing (not generated), NaN and infinities are refused (not generated), a
// `...64` value that is not a string is encoded as its text (js-core throws; tested apart).

import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { test } from 'node:test'
import { UrlBuilder } from 'imgsign'
import ShimDefault, { ImgixClient as ShimNamed } from 'imgsign/compat/imgix'

const require = createRequire(import.meta.url)
const ImgixClient = require('@imgix/js-core')
const ShimRequired = require('imgsign/compat/imgix')

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

const POOL = [...'abcXYZ019-._~ +#%?&=!\'()*/:@,;$"<[]|\\^`{}', 'é', '日本', '😀', '%20', '%zz', '..', '.']
const NUMBERS = [
  0,
  -0,
  1,
  2,
  400,
  -3,
  1.5,
  0.1,
  0.30000000000000004,
  1e21,
  1e-7,
  123456789.125,
  2 ** 53,
  -2.5e-5,
]

function gen(seed) {
  const r = rng(seed)
  const int = (n) => Math.floor(r() * n)
  const pick = (xs) => xs[int(xs.length)]
  const str = (min, max) => {
    let s = ''
    for (let i = min + int(max - min + 1); i > 0; i--) s += pick(POOL)
    return s
  }
  const value = (key) => {
    if (key.endsWith('64')) return pick([str(0, 6), null, undefined])
    switch (int(9)) {
      case 0:
        return pick(NUMBERS)
      case 1:
        return r() < 0.5
      case 2:
        return null
      case 3:
        return undefined
      case 4:
        return [int(9), str(0, 2)]
      case 5:
        return { a: 1 }
      case 6:
        return BigInt(int(99))
      default:
        return str(0, 8)
    }
  }
  const key = () => {
    const k = pick([
      String(int(12)),
      `${str(1, 3)}64`,
      pick(['w', 'h', 'q', 'dpr', 'fit', 'ixlib', 'ar']),
      str(1, 5),
      '',
    ])
    return k === 's' ? 'sx' : k
  }
  const params = {}
  for (let n = int(5); n > 0; n--) {
    const k = key()
    params[k] = value(k)
  }
  const pk = int(5)
  const path =
    pk === 0 ? `${pick(['http://', 'https://'])}example.com/${str(0, 6)}` : pick(['/', '']) + str(0, 10)
  return {
    path,
    params,
    client: {
      domain: pick(['demo.imgix.net', 'Demo.Imgix.NET', 'assets.example.com']),
      secureURLToken: pick([undefined, null, 'FOO123bar', 'tok+en/=x']),
      includeLibraryParam: pick([undefined, true, false, 0, 1]),
      useHTTPS: pick([undefined, true, false]),
    },
    dpe: pick([undefined, undefined, true, false]),
  }
}

/** js-core's URL as clients send it, signed over what is sent. */
function asSent(url, token) {
  if (!token) return url
  const m = /^(.*?)[?&]s=[0-9a-f]{32}$/.exec(url)
  assert.ok(m, url)
  const u = new URL(m[1])
  const sent = u.pathname + u.search
  const s = createHash('md5')
    .update(token + sent)
    .digest('hex')
  // The host as js-core wrote it (the host is not signed; a client lowercases it).
  const origin = /^https?:\/\/[^/?#]+/.exec(url)[0]
  return `${origin}${sent}${u.search ? '&' : '?'}s=${s}`
}

const asSentSrcset = (srcset, token) =>
  srcset
    .split(',\n')
    .map((entry) => {
      const cut = entry.lastIndexOf(' ')
      return `${asSent(entry.slice(0, cut), token)}${entry.slice(cut)}`
    })
    .join(',\n')

const run = (f) => {
  try {
    return { ok: f() }
  } catch (error) {
    return { error }
  }
}

const dotSegment = (url) =>
  url
    .replace(/^https?:\/\/[^/?]+/, '')
    .split('?')[0]
    .split('/')
    .some((seg) => ['.', '..'].includes(seg.toLowerCase().replaceAll('%2e', '.')))

const verbatimOk = (path) =>
  run(() => new UrlBuilder('a.imgix.net', { disablePathEncoding: true }).buildUrl(path)).ok !== undefined

/** The shim gives js-core's result (as sent), throws where js-core throws, refuses what imgsign refuses. */
function same(ours, theirs, sent, refused, what) {
  const lib = run(theirs)
  if (lib.error || refused(lib.ok)) {
    assert.throws(ours, (e) => typeof e.code === 'string', `${what}: js-core gives ${lib.ok ?? lib.error}`)
    return
  }
  assert.equal(ours(), sent(lib.ok), what)
}

const CASES = 500

for (const [name, Shim] of [
  ['import', ShimDefault],
  ['named import', ShimNamed],
  ['require', ShimRequired],
]) {
  test(`${name}: ImgixClient.buildURL equals js-core on ${CASES} inputs of every value type`, () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const c = gen(seed)
      const options = c.dpe === undefined ? {} : { disablePathEncoding: c.dpe }
      const refused = (url) => dotSegment(url) || (c.dpe && !verbatimOk(c.path.replace(/^\//, '')))
      const client = run(() => new ImgixClient(c.client))
      if (client.error) {
        assert.throws(
          () => new Shim(c.client),
          (e) => typeof e.code === 'string',
        )
        continue
      }
      const ours = new Shim(c.client)
      same(
        () => ours.buildURL(c.path, c.params, options),
        () => client.ok.buildURL(c.path, c.params, options),
        (url) => asSent(url, c.client.secureURLToken),
        refused,
        `seed ${seed}`,
      )
    }
  })
}

test(`ImgixClient.buildSrcSet equals js-core (fluid and fixed, every option) on ${CASES / 2} inputs`, () => {
  for (let seed = 5000; seed < 5000 + CASES / 2; seed++) {
    const c = gen(seed)
    const r = rng(seed * 31)
    const pick = (xs) => xs[Math.floor(r() * xs.length)]
    const options = {}
    for (const [k, v] of [
      ['widths', pick([undefined, [100, 250, 777], [320.5], [], [0, 50]])],
      ['minWidth', pick([undefined, 100, 200, 8192, 0, 150.5])],
      ['maxWidth', pick([undefined, 400, 8192, 9000])],
      ['widthTolerance', pick([undefined, 0.05, 0.25, 0.001])],
      ['devicePixelRatios', pick([undefined, [1, 2, 3], [1.5, 2], [6], []])],
      ['variableQualities', pick([undefined, { 1: 70, 2: 40 }, { 1.5: 10 }])],
      ['disableVariableQuality', pick([undefined, true, false])],
      ['disablePathEncoding', c.dpe],
    ]) {
      if (v !== undefined) options[k] = v
    }
    const params = {
      ...c.params,
      ...pick([{}, { w: 320 }, { w: 0 }, { h: 200, ar: '16:9' }, { q: 0, w: 1 }]),
    }
    const client = run(() => new ImgixClient(c.client))
    if (client.error) continue
    const ours = new ShimDefault(c.client)
    const refused = (set) =>
      set.split(',\n').some((e) => dotSegment(e.slice(0, e.lastIndexOf(' ')))) ||
      (options.disablePathEncoding && !verbatimOk(c.path.replace(/^\//, '')))
    same(
      () => ours.buildSrcSet(c.path, params, options),
      () => client.ok.buildSrcSet(c.path, params, options),
      (set) => asSentSrcset(set, c.client.secureURLToken),
      refused,
      `seed ${seed} ${JSON.stringify([params, options], (_, v) => (typeof v === 'bigint' ? `${v}n` : v))}`,
    )
  }
})

test('ImgixClient.targetWidths equals js-core, with its cache', () => {
  for (const args of [
    [],
    [100, 8192, 0.08],
    [103, 200, 0.25],
    [1, 10, 0.01],
    [500, 500],
    [300, 200],
    [0, 10],
    [100.5, 200],
    [100, 200, 0.001],
    [7000, 10000],
  ]) {
    const lib = run(() => ImgixClient.targetWidths(...args))
    if (lib.error) assert.throws(() => ShimDefault.targetWidths(...args))
    else assert.deepEqual(ShimDefault.targetWidths(...args), lib.ok, JSON.stringify(args))
  }
  const cache = {}
  const first = ShimDefault.targetWidths(100, 200, 0.1, cache)
  assert.deepEqual(Object.keys(cache), ['0.1/100/200'])
  assert.equal(ShimDefault.targetWidths(100, 200, 0.1, cache), first, 'a cached list is returned as it is')
  // The defaults are part of the cache key: js-core's own key for a call without a range.
  for (const args of [[], [undefined, 400], [undefined, undefined, 0.2]]) {
    const [ourCache, theirCache] = [{}, {}]
    ShimDefault.targetWidths(...[...args, undefined, undefined, undefined].slice(0, 3), ourCache)
    ImgixClient.targetWidths(...[...args, undefined, undefined, undefined].slice(0, 3), theirCache)
    assert.deepEqual(Object.keys(ourCache), Object.keys(theirCache), JSON.stringify(args))
  }
})

test("the public surface is js-core's", () => {
  assert.equal(ShimDefault.version(), ImgixClient.version())
  assert.equal(ShimDefault, ShimRequired)
  const ours = new ShimDefault({ domain: 'demo.imgix.net' })
  const theirs = new ImgixClient({ domain: 'demo.imgix.net' })
  for (const k of [
    'domain',
    'useHTTPS',
    'includeLibraryParam',
    'urlPrefix',
    'secureURLToken',
    'libraryParam',
  ]) {
    assert.deepEqual(ours.settings[k], theirs.settings[k], k)
  }
  assert.equal(ours.buildURL('/a.jpg', { w: 100 }), theirs.buildURL('/a.jpg', { w: 100 }))
  assert.throws(() => ours.buildURL('/a.jpg', {}, { encoder: (s) => s }), { code: 'invalid_param' })
})

test('the token is readable in settings, as in js-core, but never printed or serialised', async () => {
  const { inspect } = await import('node:util')
  const token = 'Sh0uldNeverPr1nt'
  const ours = new ShimDefault({ domain: 'demo.imgix.net', secureURLToken: token })
  assert.equal(ours.settings.secureURLToken, token)
  assert.equal(
    ours.buildURL('/a.jpg', { w: 1 }),
    new ImgixClient({ domain: 'demo.imgix.net', secureURLToken: token }).buildURL('/a.jpg', { w: 1 }),
  )
  for (const shown of [inspect(ours, { depth: 9, showHidden: false }), JSON.stringify(ours), String(ours)]) {
    assert.ok(!shown.includes(token), shown)
  }
})

test('a ...64 value that is not a string is encoded as its text (js-core throws)', () => {
  const ours = new ShimDefault({ domain: 'demo.imgix.net', includeLibraryParam: false })
  assert.throws(() => new ImgixClient({ domain: 'demo.imgix.net' }).buildURL('/a.jpg', { mark64: 12 }))
  assert.equal(ours.buildURL('/a.jpg', { mark64: 12 }), 'https://demo.imgix.net/a.jpg?mark64=MTI')
})
