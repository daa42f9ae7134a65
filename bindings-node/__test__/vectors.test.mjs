// Runs every vector of conformance/vectors.json through the Node API (one subtest each).
// An unknown kind fails.

import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import imgsign from 'imgsign'
import { builderOf } from './vector-objects.mjs'

const file = fileURLToPath(new URL('../../conformance/vectors.json', import.meta.url))
const doc = JSON.parse(readFileSync(file, 'utf8'))

const builder = builderOf

// A vector's signer: sign_* vectors have no previous keys.
const signerOf = (i) =>
  new imgsign.Signer(i.provider, i.key, {
    previousKeys: i.previous_keys,
    salt: i.salt,
    previousSalts: i.previous_salts,
    options: i.options,
  })

// A `sources` vector's set, as [name, source] pairs (a name may repeat, in order).
const sourcesOf = (list) =>
  new imgsign.Sources(
    list.map((s) => [
      s.name,
      {
        domain: s.domain,
        pathPrefix: s.path_prefix,
        provider: s.provider,
        key: s.key,
        previousKeys: s.previous_keys,
        salt: s.salt,
        previousSalts: s.previous_salts,
        options: s.options,
        profile: s.profile,
        useHttps: s.use_https,
        includeLibraryParam: s.include_library_param,
        disablePathEncoding: s.disable_path_encoding,
      },
    ]),
  )

// A `sources` batch's options: the given ones only.
const batchOptions = (i) =>
  Object.fromEntries(
    [
      ['expires', i.expires],
      ['expiresIn', i.expires_in],
      ['now', i.now],
    ].filter(([, v]) => v !== null),
  )

const SOURCES = {
  sign_url: (set, i) => set.signUrl(i.url, i.expires === null ? undefined : { expires: i.expires }),
  sign_urls: (set, i) => set.signUrls(i.urls, batchOptions(i)),
  verify_url: (set, i) => set.verifyUrl(i.url, { now: i.now }) ?? null,
  verify: (set, i) => set.verify(i.target, i.host, { now: i.now }) ?? null,
  build_url: (set, i) => set.source(i.name).buildUrl(i.path, i.params),
}

const outcome = (f) => {
  try {
    return { value: f() }
  } catch (error) {
    return { error, code: error.code }
  }
}

// argument_error: a real call of the operation with valid values for every argument but one.
const K = 'FOO123bar'
const signer = new imgsign.Signer('imgix', K)
const urlBuilder = new imgsign.UrlBuilder('demo.imgix.net', { key: K })
const BASE = {
  signer: { provider: 'imgix', key: K, previous_keys: [], salt: undefined, previous_salts: [], options: {} },
  sign_url: { url: 'https://demo.imgix.net/a.jpg', expires: undefined, expires_in: 60, now: 0, values: {} },
  sign_urls: {
    urls: ['https://demo.imgix.net/a.jpg'],
    expires: undefined,
    expires_in: 60,
    now: 0,
    values: {},
  },
  verify_url: { url: 'https://demo.imgix.net/a.jpg?s=0', now: 0, values: {} },
  verify: { target: '/a.jpg?s=0', now: 0, values: {} },
  sign_token: { expires: undefined, expires_in: 60, now: 0, values: {} },
  verify_token: { token: 'exp=1~hmac=00', now: 0, values: {} },
  url_builder: {
    domain: 'demo.imgix.net',
    provider: 'imgix',
    key: K,
    profile: 'canonical',
    use_https: true,
    include_library_param: false,
    disable_path_encoding: false,
    salt: undefined,
    options: {},
  },
  build_url: { path: '/a.jpg', params: { w: 1 }, disable_path_encoding: undefined },
  build_urls: { items: undefined, path: '/a.jpg', params: { w: 1 } },
  build_srcset: {
    path: '/a.jpg',
    params: { w: 1 },
    widths: undefined,
    min_width: 100,
    max_width: 200,
    tolerance: 0.1,
    device_pixel_ratios: [1],
    variable_qualities: { 1: 50 },
    disable_variable_quality: false,
    disable_path_encoding: undefined,
  },
  target_widths: { min_width: 100, max_width: 200, tolerance: 0.1, profile: 'canonical' },
  reconstruct: { original_url: 'https://demo.imgix.net/a.jpg?w=1', params: { h: 2 } },
  sign_origin_request: { key: K, request_id: 'r', timestamp: 1 },
  verify_origin_request: { key: K, headers: { 'X-Imgix-Signature': 'v1,00' }, now: 0, tolerance: 300 },
  verify_basic_auth: { username: 'u', password: 'p', headers: { Authorization: 'Basic dTpw' } },
  verify_origin_secret: { secret: 's', headers: { 'X-Imgix-Origin-Secret': 's' } },
  request_target: { path: '/a.jpg', query: 's=0' },
  sources: {
    name: 'a',
    domain: 'demo.imgix.net',
    path_prefix: '/x',
    key: K,
    previous_keys: [],
    use_https: true,
  },
  source: { name: 'a' },
}
const sourceSet = new imgsign.Sources({ a: { domain: 'demo.imgix.net', key: K } })
const CALL = {
  signer: (a) =>
    new imgsign.Signer(a.provider, a.key, {
      previousKeys: a.previous_keys,
      salt: a.salt,
      previousSalts: a.previous_salts,
      options: a.options,
    }),
  sign_url: (a) =>
    signer.signUrl(a.url, { expires: a.expires, expiresIn: a.expires_in, now: a.now, values: a.values }),
  sign_urls: (a) =>
    signer.signUrls(a.urls, { expires: a.expires, expiresIn: a.expires_in, now: a.now, values: a.values }),
  verify_url: (a) => signer.verifyUrl(a.url, { now: a.now, values: a.values }),
  verify: (a) => signer.verify(a.target, { now: a.now, values: a.values }),
  sign_token: (a) =>
    signer.signToken({ expires: a.expires, expiresIn: a.expires_in, now: a.now, values: a.values }),
  verify_token: (a) => signer.verifyToken(a.token, { now: a.now, values: a.values }),
  url_builder: (a) =>
    new imgsign.UrlBuilder(a.domain, {
      provider: a.provider,
      key: a.key,
      salt: a.salt,
      options: a.options,
      profile: a.profile,
      useHttps: a.use_https,
      includeLibraryParam: a.include_library_param,
      disablePathEncoding: a.disable_path_encoding,
    }),
  build_url: (a) => urlBuilder.buildUrl(a.path, a.params, { disablePathEncoding: a.disable_path_encoding }),
  build_urls: (a) => urlBuilder.buildUrls(a.items !== undefined ? a.items : [[a.path, a.params]]),
  build_srcset: (a) =>
    urlBuilder.buildSrcset(a.path, a.params, {
      widths: a.widths,
      minWidth: a.min_width,
      maxWidth: a.max_width,
      tolerance: a.tolerance,
      devicePixelRatios: a.device_pixel_ratios,
      variableQualities: a.variable_qualities,
      disableVariableQuality: a.disable_variable_quality,
      disablePathEncoding: a.disable_path_encoding,
    }),
  target_widths: (a) => imgsign.targetWidths(a.min_width, a.max_width, a.tolerance, a.profile),
  reconstruct: (a) => urlBuilder.reconstruct(a.original_url, a.params),
  sign_origin_request: (a) => imgsign.signOriginRequest(a.key, a.request_id, a.timestamp),
  verify_origin_request: (a) =>
    imgsign.verifyOriginRequest(a.key, a.headers, { now: a.now, tolerance: a.tolerance }),
  verify_basic_auth: (a) => imgsign.verifyBasicAuth(a.username, a.password, a.headers),
  verify_origin_secret: (a) => imgsign.verifyOriginSecret(a.secret, a.headers),
  request_target: (a) => urlBuilder.requestTarget(a.path, a.query),
  sources: (a) =>
    new imgsign.Sources([
      [
        a.name,
        {
          domain: a.domain,
          pathPrefix: a.path_prefix,
          key: a.key,
          previousKeys: a.previous_keys,
          useHttps: a.use_https,
        },
      ],
    ]),
  source: (a) => sourceSet.source(a.name),
}

// A lone surrogate inside the argument's value, wherever it holds strings.
const illFormed = (v) => {
  const bad = 'x\uD800y'
  if (v === undefined) return bad
  if (typeof v === 'string') return v + bad
  if (Array.isArray(v)) return [...v, bad]
  return Object.keys(v).length === 0 ? { [bad]: 1 } : { ...v, [Object.keys(v)[0]]: bad }
}

const argumentError = (i) => {
  assert.ok(i.argument in BASE[i.operation], `${i.operation} has no argument ${i.argument}`)
  const base = BASE[i.operation]
  const value = i.problem === 'ill_formed_string' ? illFormed(base[i.argument]) : Symbol('wrong type')
  try {
    CALL[i.operation]({ ...base, [i.argument]: value })
  } catch (e) {
    assert.equal(imgsign.argumentErrorCode(i.operation, i.argument), e.code, 'the exposed rule agrees')
    assert.ok(!String(e.message).includes('\uD800'), 'the value is not shown')
    throw e
  }
  return 'no error'
}

// Params and headers are given as [key, value] pairs, which the API accepts as they are
// (order kept, repeated keys possible).
// index.js answers plain calls (no options object, plain-object params) by its fast path
// and the rest by the regular one: both must give the same value or error code.
const agree = (fast, regular, what) => {
  const [a, b] = [outcome(fast), outcome(regular)]
  assert.deepEqual([a.value, a.code], [b.value, b.code], `${what}: the fast path agrees with the regular one`)
}

const RUN = {
  sources: (i) => {
    const op = SOURCES[i.op]
    assert.ok(op, `unknown sources op ${i.op}`)
    return op(sourcesOf(i.sources), i)
  },
  sign_url: (i) => {
    const signer = signerOf(i)
    if (i.expires !== null || Object.keys(i.values).length > 0) {
      return signer.signUrl(i.url, { expires: i.expires, values: i.values })
    }
    agree(
      () => signer.signUrl(i.url),
      () => signer.signUrl(i.url, {}),
      'signUrl',
    )
    return signer.signUrl(i.url)
  },
  verify_url: (i) => {
    const signer = signerOf(i)
    if (Object.keys(i.values).length === 0) {
      agree(
        () => signer.verifyUrl(i.url),
        () => signer.verifyUrl(i.url, {}),
        'verifyUrl',
      )
    }
    return signer.verifyUrl(i.url, { now: i.now, values: i.values }) ?? null
  },
  verify: (i) => {
    const signer = signerOf(i)
    if (Object.keys(i.values).length === 0) {
      agree(
        () => signer.verify(i.target),
        () => signer.verify(i.target, {}),
        'verify',
      )
    }
    return signer.verify(i.target, { now: i.now, values: i.values }) ?? null
  },
  sign_token: (i) => signerOf(i).signToken({ expires: i.expires, values: i.values }),
  verify_tampered: (i) => {
    const signer = signerOf(i)
    const options = { now: i.now, values: i.values }
    signer.verifyUrl(i.url, options)
    for (const [start, end] of i.ranges) {
      for (let at = start; at < end; at++) {
        // The byte changed: `a` becomes `b`, anything else `a` (the URLs are ASCII).
        const changed = i.url.slice(0, at) + (i.url[at] === 'a' ? 'b' : 'a') + i.url.slice(at + 1)
        const got = outcome(() => signer.verifyUrl(changed, options))
        assert.ok(got.error, `byte ${at} changed, the URL still verifies: ${changed}`)
        assert.ok(i.codes.includes(got.code), `byte ${at} changed: ${got.code}, expected one of ${i.codes}`)
      }
    }
    return null
  },
  verify_token: (i) => signerOf(i).verifyToken(i.token, { now: i.now, values: i.values }) ?? null,
  build_url: (i) => {
    if (i.call_disable_path_encoding != null) {
      return builder(i).buildUrl(i.path, i.params, { disablePathEncoding: i.call_disable_path_encoding })
    }
    const url = outcome(() => builder(i).buildUrl(i.path, i.params))
    // The same params as a plain object take the packed fast path: it must agree whenever
    // an object can express them (unique keys, no integer-like key that JS would reorder).
    const keys = i.params.map(([k]) => k)
    if (new Set(keys).size === keys.length && !keys.some((k) => /^(0|[1-9][0-9]*)$/.test(k))) {
      const viaObject = outcome(() => builder(i).buildUrl(i.path, Object.fromEntries(i.params)))
      assert.deepEqual(
        [viaObject.value, viaObject.code],
        [url.value, url.code],
        'plain-object params (fast path) agree with pairs',
      )
    }
    if (url.error) throw url.error
    return url.value
  },
  build_srcset: (i) => {
    const keys = i.params.map(([k]) => k)
    const plain = [
      i.widths,
      i.min_width,
      i.max_width,
      i.tolerance,
      i.device_pixel_ratios,
      i.variable_qualities,
    ]
    if (
      plain.every((o) => o === null) &&
      i.disable_variable_quality === null &&
      (i.call_disable_path_encoding ?? null) === null &&
      new Set(keys).size === keys.length &&
      !keys.some((k) => /^(0|[1-9][0-9]*)$/.test(k))
    ) {
      agree(
        () => builder(i).buildSrcset(i.path, Object.fromEntries(i.params)),
        () => builder(i).buildSrcset(i.path, i.params, {}),
        'buildSrcset',
      )
    }
    return builder(i).buildSrcset(i.path, i.params, {
      widths: i.widths,
      minWidth: i.min_width,
      maxWidth: i.max_width,
      tolerance: i.tolerance,
      devicePixelRatios: i.device_pixel_ratios,
      variableQualities: i.variable_qualities === null ? null : new Map(i.variable_qualities),
      disableVariableQuality: i.disable_variable_quality,
      disablePathEncoding: i.call_disable_path_encoding,
    })
  },
  target_widths: (i) => imgsign.targetWidths(i.min_width, i.max_width, i.tolerance, i.profile),
  reconstruct: (i) => builder(i).reconstruct(i.original_url, i.params),
  sign_origin_request: (i) => imgsign.signOriginRequest(i.key, i.request_id, i.timestamp),
  verify_origin_request: (i) =>
    imgsign.verifyOriginRequest(i.key, i.headers, { now: i.now, tolerance: i.tolerance }) ?? null,
  verify_basic_auth: (i) => imgsign.verifyBasicAuth(i.username, i.password, i.headers) ?? null,
  verify_origin_secret: (i) => imgsign.verifyOriginSecret(i.secret, i.headers) ?? null,
  request_target: (i) => builder(i).requestTarget(i.path, i.query),
  argument_error: argumentError,
  profile_defaults: (i) => snakeKeys(only(imgsign.profileDefaults().filter((d) => d.profile === i.profile))),
}

function only(list) {
  assert.equal(list.length, 1, 'exactly one entry')
  return list[0]
}

// The vectors write field names in snake_case; JavaScript has them in camelCase.
function snakeKeys(o) {
  return Object.fromEntries(
    Object.entries(o).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
  )
}

test('vectors file is schema 1 and non-empty', () => {
  assert.equal(doc.schema_version, 1)
  assert.ok(doc.vectors.length > 0)
})

for (const v of doc.vectors) {
  test(`${v.kind}: ${v.id}`, () => {
    const run = RUN[v.kind]
    assert.ok(run, `unknown vector kind ${JSON.stringify(v.kind)}`)
    assert.ok('expected' in v !== 'error' in v, 'exactly one of expected/error')
    if ('error' in v) {
      assert.throws(
        () => run(v.input),
        (e) => {
          assert.ok(e instanceof Error, 'an Error instance')
          assert.equal(e.code, v.error)
          return true
        },
      )
    } else {
      assert.deepEqual(run(v.input), v.expected)
    }
  })
}
