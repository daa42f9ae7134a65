// Runs every vector of conformance/vectors.json through the Node API (one subtest each).
// An unknown kind fails.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import imgsign from 'imgsign'

const file = fileURLToPath(new URL('../../conformance/vectors.json', import.meta.url))
const doc = JSON.parse(readFileSync(file, 'utf8'))

const builder = (i) =>
  new imgsign.UrlBuilder(i.domain, {
    provider: i.provider,
    key: i.key,
    profile: i.profile,
    useHttps: i.use_https,
    includeLibraryParam: i.include_library_param,
    disablePathEncoding: i.disable_path_encoding,
  })

const outcome = (f) => {
  try {
    return { value: f() }
  } catch (error) {
    return { error, code: error.code }
  }
}

// Params and headers are given as [key, value] pairs, which the API accepts as they are
// (order kept, repeated keys possible).
const RUN = {
  sign_url: (i) => {
    const signer = new imgsign.Signer(i.provider, i.key)
    return i.expires === null ? signer.signUrl(i.url) : signer.signUrl(i.url, { expires: i.expires })
  },
  verify_url: (i) => {
    const signer = new imgsign.Signer(i.provider, i.key, { previousKeys: i.previous_keys })
    return signer.verifyUrl(i.url, { now: i.now }) ?? null
  },
  build_url: (i) => {
    const url = outcome(() => builder(i).buildUrl(i.path, i.params))
    // The same params as a plain object take the packed fast path: it must agree whenever
    // an object can express them (unique keys, no integer-like key that JS would reorder).
    const keys = i.params.map(([k]) => k)
    if (new Set(keys).size === keys.length && !keys.some((k) => /^(0|[1-9][0-9]*)$/.test(k))) {
      const viaObject = outcome(() => builder(i).buildUrl(i.path, Object.fromEntries(i.params)))
      assert.deepEqual([viaObject.value, viaObject.code], [url.value, url.code], 'plain-object params (fast path) agree with pairs')
    }
    if (url.error) throw url.error
    return url.value
  },
  build_srcset: (i) =>
    builder(i).buildSrcset(i.path, i.params, {
      widths: i.widths,
      minWidth: i.min_width,
      maxWidth: i.max_width,
      tolerance: i.tolerance,
      devicePixelRatios: i.device_pixel_ratios,
      variableQualities: i.variable_qualities === null ? null : new Map(i.variable_qualities),
      disableVariableQuality: i.disable_variable_quality,
    }),
  target_widths: (i) => imgsign.targetWidths(i.min_width, i.max_width, i.tolerance),
  sign_origin_request: (i) => imgsign.signOriginRequest(i.key, i.request_id, i.timestamp),
  verify_origin_request: (i) =>
    imgsign.verifyOriginRequest(i.key, i.headers, { now: i.now, tolerance: i.tolerance }) ?? null,
  verify_basic_auth: (i) => imgsign.verifyBasicAuth(i.username, i.password, i.headers) ?? null,
  verify_origin_secret: (i) => imgsign.verifyOriginSecret(i.secret, i.headers) ?? null,
}

test('vectors file is schema 1 and non-empty', () => {
  assert.equal(doc.schema_version, 1)
  assert.ok(doc.vectors.length > 0)
})

for (const v of doc.vectors) {
  test(`${v.kind}: ${v.id}`, () => {
    const run = RUN[v.kind]
    assert.ok(run, `unknown vector kind ${JSON.stringify(v.kind)}`)
    assert.ok(('expected' in v) !== ('error' in v), 'exactly one of expected/error')
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
