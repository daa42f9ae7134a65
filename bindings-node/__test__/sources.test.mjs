// Sources: the shared fixture of conformance/sources/ (the lines the CLI, Python and Kotlin
// tests print too), and the JavaScript face of the set.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import imgsign from 'imgsign'

const dir = new URL('../../conformance/sources/', import.meta.url)
const cases = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8'))

// The sources file as an application reads it: each *_env from the environment.
function fixtureSources() {
  const env = cases.environment
  const doc = JSON.parse(readFileSync(new URL(cases.sources_file, dir), 'utf8'))
  const sources = {}
  for (const [name, f] of Object.entries(doc.sources)) {
    sources[name] = {
      domain: f.domain,
      pathPrefix: f.path_prefix,
      provider: f.provider,
      profile: f.profile,
      key: f.key_env === undefined ? undefined : env[f.key_env],
      previousKeys: (f.previous_keys_env ?? []).map((v) => env[v]),
    }
  }
  return new imgsign.Sources(sources)
}

const line = (call) => {
  try {
    return call() ?? 'valid'
  } catch (e) {
    assert.ok(imgsign.isImgsignError(e), String(e))
    return `error ${e.code}`
  }
}

test('the shared fixture', () => {
  const s = fixtureSources()
  const expected = (kind) => cases[kind].map((c) => c.expected)
  assert.deepEqual(
    cases.sign.map((c) => line(() => s.signUrl(c.url))),
    expected('sign'),
  )
  assert.deepEqual(
    cases.verify.map((c) => line(() => s.verifyUrl(c.url, { now: cases.now }))),
    expected('verify'),
  )
  assert.deepEqual(
    cases.build.map((c) => line(() => s.source(c.source).buildUrl(c.path, c.params))),
    expected('build'),
  )
  const first = cases.sign.slice(0, 5)
  assert.deepEqual(
    s.signUrls(first.map((c) => c.url)),
    first.map((c) => c.expected),
  )
})

test('source builders, verify by host, and errors', () => {
  const s = fixtureSources()
  assert.deepEqual(s.names, ['shop', 'archive', 'boss', 'books'])
  const archive = s.source('archive')
  assert.ok(archive instanceof imgsign.UrlBuilder)
  assert.equal(archive.pathPrefix, '/archive')
  assert.equal(new imgsign.UrlBuilder('demo.imgix.net').pathPrefix, null)
  const url = archive.buildUrl('/archive/a.jpg', { w: 1 })
  s.verify(url.slice('https://demo.imgix.net'.length), 'Demo.imgix.net:443', { now: cases.now })
  assert.throws(() => archive.buildUrl('/a.jpg'), { code: 'invalid_url' })
  assert.throws(() => s.source('nope'), { code: 'unknown_source' })
  assert.throws(() => new imgsign.Sources({ a: { domain: 5 } }), { code: 'invalid_domain' })
  assert.throws(() => new imgsign.Sources({}), { code: 'invalid_param' })
  const secret = 'SuperSecretK3y!'
  const set = new imgsign.Sources([['a', { domain: 'a.example.com', key: secret }]])
  for (const shown of [String(set), JSON.stringify(set), String(set.source('a'))]) {
    assert.ok(!shown.includes(secret), shown)
  }
  assert.throws(
    () => new imgsign.Sources({ a: { domain: 'a.example.com', key: `${secret}\n` } }),
    (e) => e.code === 'invalid_key' && !e.message.includes(secret),
  )
})
