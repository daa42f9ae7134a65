// The batch calls (signUrls, buildUrls, Sources.signUrls) with plain arguments cross in one
// shared Buffer (index.js, src/fast.rs); everything else takes napi-rs's regular functions.
// Over the vectors, each batch must answer what the regular path answers, value for value and
// error for error (code and message, the core's `urls[i]: ...` location included), and what
// the single calls answer one by one.

import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import imgsign from 'imgsign'
import { builderOf } from './vector-objects.mjs'

const file = fileURLToPath(new URL('../../conformance/vectors.json', import.meta.url))
const vectors = JSON.parse(readFileSync(file, 'utf8')).vectors

const outcome = (f) => {
  try {
    return { value: f() }
  } catch (error) {
    assert.equal(typeof error.code, 'string', `not an imgsign error: ${error}`)
    return { code: error.code, message: error.message }
  }
}

// The object `make` makes, or undefined for a vector whose object cannot be made (it has
// nothing to batch).
const made = (make) => {
  const o = outcome(make)
  return o.code === undefined ? o.value : undefined
}

// Three copies of `x` with `bad` (when given) at index 1, so that an error names urls[1].
const three = (x, bad) => (bad === undefined ? [x, x, x] : [x, bad, x])

// The batch of `xs` against its regular path and the single calls of its items.
function check(what, fast, regular, single, xs, location) {
  const got = outcome(() => fast(xs))
  assert.deepEqual(
    got,
    outcome(() => regular(xs)),
    `${what}: fast and regular batch agree`,
  )
  const one = xs.map((x) => outcome(() => single(x)))
  const failed = one.findIndex((o) => o.code !== undefined)
  if (failed < 0) {
    assert.deepEqual(got, { value: one.map((o) => o.value) }, `${what}: the batch is the single calls`)
  } else {
    const first = one[failed]
    const expected = { code: first.code, message: `${location}[${failed}]: ${first.message}` }
    assert.deepEqual(got, expected, `${what}: the first bad item is named`)
  }
}

const signers = vectors.filter(
  (v) => v.kind === 'sign_url' && v.input.expires === null && Object.keys(v.input.values).length === 0,
)
test('signUrls: the fast batch agrees with the regular one and with signUrl', () => {
  assert.ok(signers.length > 100)
  for (const { id, input: i } of signers) {
    const s = made(() => new imgsign.Signer(i.provider, i.key, { salt: i.salt, options: i.options }))
    if (s === undefined) continue
    const good = s.signUrl.bind(s)
    const regular = (urls) => s.signUrls(urls, {})
    check(id, (u) => s.signUrls(u), regular, good, three(i.url), 'urls')
    check(`${id} (second bad)`, (u) => s.signUrls(u), regular, good, three(i.url, 'not a url'), 'urls')
  }
})

const builds = vectors.filter((v) => {
  if (v.kind !== 'build_url' || v.input.call_disable_path_encoding != null) return false
  const keys = v.input.params.map(([k]) => k)
  // A plain object can hold them: unique keys, none that JavaScript would reorder.
  return new Set(keys).size === keys.length && !keys.some((k) => /^(0|[1-9][0-9]*)$/.test(k))
})
test('buildUrls: the fast batch agrees with the regular one and with buildUrl', () => {
  assert.ok(builds.length > 500)
  let checked = 0
  for (const { id, input: i } of builds) {
    const b = made(() => builderOf(i))
    if (b === undefined) continue
    checked++
    const plain = [i.path, Object.fromEntries(i.params)]
    // Params as a Map do not pack: that batch takes the regular path.
    const regular = (items) => b.buildUrls(items.map(([p, o]) => [p, o && new Map(Object.entries(o))]))
    const single = ([p, o]) => b.buildUrl(p, o)
    check(id, (x) => b.buildUrls(x), regular, single, three(plain), 'items')
    check(
      `${id} (second bad)`,
      (x) => b.buildUrls(x),
      regular,
      single,
      three(plain, ['/a', { '': 1 }]),
      'items',
    )
  }
  assert.ok(checked > 500)
})

const sets = vectors.filter((v) => v.kind === 'sources' && ['sign_url', 'sign_urls'].includes(v.input.op))
test('Sources.signUrl and signUrls: the fast calls agree with the regular ones', () => {
  assert.ok(sets.length > 5)
  for (const { id, input: i } of sets) {
    if (i.expires != null || i.expires_in != null) continue
    const set = made(
      () =>
        new imgsign.Sources(
          i.sources.map((s) => [
            s.name,
            {
              domain: s.domain,
              pathPrefix: s.path_prefix,
              provider: s.provider,
              key: s.key,
              salt: s.salt,
              options: s.options,
              profile: s.profile,
              useHttps: s.use_https,
              includeLibraryParam: s.include_library_param,
              disablePathEncoding: s.disable_path_encoding,
            },
          ]),
        ),
    )
    if (set === undefined) continue
    const urls = i.urls ?? [i.url]
    for (const url of urls) {
      assert.deepEqual(
        outcome(() => set.signUrl(url)),
        outcome(() => set.signUrl(url, {})),
        `${id}: signUrl`,
      )
    }
    const single = (u) => set.signUrl(u, {})
    check(
      id,
      (u) => set.signUrls(u),
      (u) => set.signUrls(u, {}),
      single,
      urls,
      'urls',
    )
    if (urls.length > 0) {
      check(
        `${id} (x3)`,
        (u) => set.signUrls(u),
        (u) => set.signUrls(u, {}),
        single,
        three(urls[0]),
        'urls',
      )
    }
  }
})

test('batches that do not pack take the regular path and answer the same', () => {
  const s = new imgsign.Signer('imgix', 'FOO123bar')
  const b = new imgsign.UrlBuilder('demo.imgix.net', { key: 'FOO123bar' })
  const url = 'https://demo.imgix.net/a.jpg?w=1'
  const cases = [
    [() => s.signUrls(new Proxy([url], {})), 'invalid_url', 'urls: expected an array, got an object'],
    // biome-ignore lint/suspicious/noSparseArray: a hole is what is tested
    [() => s.signUrls([url, , url]), 'invalid_url', 'urls[1]: expected a string, got undefined'],
    [() => s.signUrls([url, 3]), 'invalid_url', 'urls[1]: expected a string, got a number'],
    [() => s.signUrls([url, 'https://demo.imgix.net/\uD800']), 'invalid_url', undefined],
    [() => b.buildUrls([['/a'], new Proxy(['/b'], {})]), 'invalid_param', undefined],
    [() => b.buildUrls([['/a', { w: 1 }, 3]]), 'invalid_param', 'items: [0]: expected [path, params?]'],
    [() => b.buildUrls([['/a', { w: [1] }]]), 'invalid_param', undefined],
  ]
  for (const [f, code, message] of cases) {
    const got = outcome(f)
    assert.equal(got.code, code, String(f))
    if (message !== undefined) assert.equal(got.message, message)
  }
  assert.deepEqual(s.signUrls([]), [])
  assert.deepEqual(b.buildUrls([]), [])
})

test('a getter that calls imgsign while a batch is written sends the batch the regular way', () => {
  const s = new imgsign.Signer('imgix', 'FOO123bar')
  const urls = ['https://demo.imgix.net/a.jpg']
  Object.defineProperty(urls, 1, {
    enumerable: true,
    get: () => {
      s.signUrl('https://demo.imgix.net/a-much-longer-path-that-overwrites-the-buffer.jpg')
      return 'https://demo.imgix.net/b.jpg'
    },
  })
  assert.deepEqual(s.signUrls(urls), [s.signUrl(urls[0]), s.signUrl('https://demo.imgix.net/b.jpg')])
  const b = new imgsign.UrlBuilder('demo.imgix.net', { key: 'FOO123bar' })
  const params = {}
  Object.defineProperty(params, 'w', {
    enumerable: true,
    get: () => {
      b.buildUrl('/another-long-path-written-over-the-first.jpg', { h: 1 })
      return 400
    },
  })
  assert.deepEqual(b.buildUrls([['/a.jpg', params]]), [b.buildUrl('/a.jpg', { w: 400 })])
})

test('a getter whose own call writes into the Buffer and then declines leaves the outer call right', () => {
  // The inner calls write a path (or URL) of the same length over the outer one's, then take
  // the regular path without crossing: the outer call must not sign what they wrote.
  const b = new imgsign.UrlBuilder('demo.imgix.net', { key: 'FOO123bar' })
  const params = {}
  Object.defineProperty(params, 'w', {
    enumerable: true,
    get: () => {
      b.buildUrl('/b.jpg', new Map([['h', 1]]))
      return 400
    },
  })
  const want = b.buildUrl('/a.jpg', { w: 400 })
  assert.equal(b.buildUrl('/a.jpg', params), want)
  assert.deepEqual(b.buildUrls([['/a.jpg', params]]), [want])
  const s = new imgsign.Signer('imgix', 'FOO123bar')
  const urls = ['https://demo.imgix.net/a.jpg']
  Object.defineProperty(urls, 1, {
    enumerable: true,
    get: () => {
      assert.throws(() => s.signUrls(['https://demo.imgix.net/z.jpg', 1]))
      return 'https://demo.imgix.net/b.jpg'
    },
  })
  assert.deepEqual(s.signUrls(urls), [s.signUrl(urls[0]), s.signUrl('https://demo.imgix.net/b.jpg')])
})

test('a batch larger than the kept Buffer is answered, and later calls still work', () => {
  const s = new imgsign.Signer('imgix', 'FOO123bar')
  const urls = Array.from({ length: 20000 }, (_, i) => `https://demo.imgix.net/item-${i}.jpg?w=${i}`)
  const signed = s.signUrls(urls)
  assert.equal(signed.length, urls.length)
  for (const k of [0, 1, 9999, 19999]) assert.equal(signed[k], s.signUrl(urls[k]))
})
