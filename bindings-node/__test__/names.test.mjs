// The typed name lists: index.d.ts's unions and the runtime lists are the core's, and the
// type guards accept exactly those names.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import imgsign from '../index.js'

const dts = readFileSync(new URL('../index.d.ts', import.meta.url), 'utf8')

/** The members of `export type NAME = 'a' | 'b'` in index.d.ts. */
function union(name) {
  const m = dts.match(new RegExp(`export type ${name} =([^/]*?)\\n(?:/|// </names>)`))
  assert.ok(m, `${name} in index.d.ts`)
  return [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1])
}

test('the unions in index.d.ts are the core lists', () => {
  assert.deepEqual(union('ProviderName'), imgsign.providerNames())
  assert.deepEqual(union('ProfileName'), imgsign.profileNames())
  assert.deepEqual(union('ImgsignErrorCode'), imgsign.errorCodes())
  assert.ok(imgsign.providerNames().includes('imgix'))
})

test('every provider and profile the lists name is accepted by the constructors', () => {
  for (const provider of imgsign.providerNames()) {
    // An unsigned builder takes every provider without the secrets its scheme needs; a
    // scheme whose URLs need an option (imagekit's endpoint) names that option, not the
    // provider.
    try {
      assert.equal(new imgsign.UrlBuilder('demo.imgix.net', { provider }).provider, provider)
    } catch (e) {
      assert.equal(e.code, 'invalid_param', provider)
      assert.ok(e.message.startsWith('options['), `${provider}: ${e.message}`)
    }
  }
  for (const profile of imgsign.profileNames()) {
    assert.equal(new imgsign.UrlBuilder('demo.imgix.net', { profile }).profile, profile)
  }
})

test('isImgsignError narrows to errors with one of the core codes', () => {
  let caught
  try {
    new imgsign.Signer('imgix', '')
  } catch (e) {
    caught = e
  }
  assert.ok(imgsign.isImgsignError(caught))
  assert.equal(caught.code, 'invalid_key')
  assert.equal(imgsign.isImgsignError(new Error('x')), false)
  assert.equal(imgsign.isImgsignError(Object.assign(new Error('x'), { code: 'ENOENT' })), false)
  assert.equal(imgsign.isImgsignError({ code: 'invalid_key', message: 'not an Error' }), false)
  assert.equal(imgsign.isImgsignError(undefined), false)
})

test('the name guards take exactly the names as written', () => {
  assert.ok(imgsign.isProviderName('imgix'))
  assert.equal(imgsign.isProviderName('imgx'), false)
  assert.equal(imgsign.isProviderName(1), false)
  assert.ok(imgsign.isProfileName('imgix-js'))
  assert.equal(imgsign.isProfileName('imgix_js'), false)
})

test('the ESM entry exports the same guards and lists', async () => {
  const esm = await import('../index.mjs')
  for (const name of [
    'isImgsignError',
    'isProviderName',
    'isProfileName',
    'providerNames',
    'profileNames',
    'profileDefaults',
    'errorCodes',
  ]) {
    assert.equal(esm[name], imgsign[name], name)
  }
})
