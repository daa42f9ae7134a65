// Strings that are not well-formed UTF-16 and misplaced secrets: always a coded error (the
// code of the argument, by the core's rule), never a silently replaced character, never the
// secret in a message.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { inspect } from 'node:util'
import imgsign from 'imgsign'

const { Signer, UrlBuilder, signOriginRequest, verifyOriginRequest, verifyBasicAuth, verifyOriginSecret } =
  imgsign
const KEY = 'FOO123bar'
const SECRET = 'SuperSecretK3y!'

function code(fn) {
  try {
    fn()
  } catch (e) {
    assert.ok(e instanceof Error)
    return e.code
  }
  return 'no error'
}

test('a lone surrogate in any string argument is the coded error of that argument', () => {
  const s = new Signer('imgix', KEY)
  const b = new UrlBuilder('demo.imgix.net', { key: KEY })
  const basic = { authorization: 'Basic dTpw' }
  const cases = [
    ['invalid_key', () => new Signer('imgix', 'k\uD800')],
    ['invalid_key', () => new Signer('imgix', 'k\uDBFF')],
    ['invalid_key', () => new Signer('imgix', KEY, { previousKeys: ['old\uDC00'] })],
    ['invalid_param', () => new Signer('imgix\uD800', KEY)],
    ['invalid_domain', () => new UrlBuilder('demo.imgix.net\uD800')],
    ['invalid_key', () => new UrlBuilder('demo.imgix.net', { key: 'k\uD800' })],
    ['invalid_param', () => new UrlBuilder('demo.imgix.net', { profile: 'canonical\uD800' })],
    ['invalid_url', () => s.signUrl('https://a.com/\uD800')],
    ['invalid_url', () => s.signUrls(['https://a.com/x', 'https://a.com/\uDFFF'])],
    ['malformed_url', () => s.verifyUrl('https://a.com/\uD800?s=0')],
    ['invalid_url', () => b.buildUrl('/a\uD800.jpg', { w: 1 })],
    ['invalid_url', () => b.buildUrl('/a\uD800.jpg')],
    ['invalid_param', () => b.buildUrl('/a.jpg', { txt: 'a\uD800' })],
    ['invalid_param', () => b.buildUrl('/a.jpg', { 'w\uD800': 1 })],
    ['invalid_param', () => b.buildUrl('/a.jpg', new Map([['txt', 'a\uDFFF']]))],
    ['invalid_param', () => b.buildUrl('/a.jpg', [['txt', 'a\uDFFF']])],
    ['invalid_url', () => b.buildUrls([['/a.jpg'], ['/\uD800']])],
    ['invalid_param', () => b.buildUrls([['/a.jpg', { txt: '\uD800' }]])],
    ['invalid_url', () => b.buildSrcset('/\uD800.jpg')],
    ['invalid_key', () => signOriginRequest('0123456789abcdef\uD800', 'r', 1)],
    ['invalid_param', () => signOriginRequest('0123456789abcdef', 'r\uD800', 1)],
    ['invalid_key', () => verifyOriginRequest('k\uD800', {})],
    ['invalid_param', () => verifyOriginRequest('k', { 'x-imgix-signature': 'v1,\uD800' })],
    ['invalid_param', () => verifyOriginRequest('k', { 'x-imgix-signature': ['v1,00', 'v1,\uD800'] })],
    ['invalid_key', () => verifyOriginSecret('s\uD800', { 'x-imgix-origin-secret': 's\uDFFF' })],
    ['invalid_param', () => verifyOriginSecret('s', { 'x-imgix-origin-secret': 's\uDFFF' })],
    ['invalid_param', () => verifyOriginSecret('s', { 'x-imgix-origin-secret\uD800': 's' })],
    ['invalid_key', () => verifyBasicAuth('u\uD800', 'p', basic)],
    ['invalid_key', () => verifyBasicAuth('u', 'p\uDFFF', basic)],
  ]
  for (const [want, fn] of cases) assert.equal(code(fn), want, fn.toString())
})

test('U+FFFD itself is an ordinary character, and different lone surrogates never meet', () => {
  const s = new Signer('imgix', 'k\uFFFD')
  assert.match(s.signUrl('https://a.com/\uFFFD'), /%EF%BF%BD/)
  const b = new UrlBuilder('demo.imgix.net', { key: KEY })
  // The packed fast path (plain object) and the regular path (Map) agree on U+FFFD.
  assert.equal(
    b.buildUrl('/\uFFFD.jpg', { txt: 'a\uFFFD' }),
    b.buildUrl('/\uFFFD.jpg', new Map([['txt', 'a\uFFFD']])),
  )
  verifyOriginSecret('s\uFFFD', { 'x-imgix-origin-secret': 's\uFFFD' })
  assert.equal(
    code(() => verifyOriginSecret('s\uFFFD', { 'x-imgix-origin-secret': 's\uD800' })),
    'invalid_param',
  )
  // A surrogate pair is well-formed.
  assert.match(s.signUrl('https://a.com/\uD83D\uDE00'), /%F0%9F%98%80/)
})

test('a secret in the wrong position or a wrong type never appears in a message or inspect', () => {
  const sneaky = { toString: () => SECRET, valueOf: () => SECRET }
  const failures = [
    () => new Signer(SECRET, 'imgix'),
    () => new Signer(sneaky, KEY),
    () => new Signer('imgix', sneaky),
    () => new Signer('imgix', KEY, { previousKeys: [sneaky] }),
    () => new UrlBuilder(SECRET),
    () => new UrlBuilder('demo.imgix.net', { provider: SECRET }),
    () => new UrlBuilder('demo.imgix.net', { profile: SECRET }),
    () => new UrlBuilder('demo.imgix.net', { key: sneaky }),
    () => new Signer('imgix', KEY).signUrl(sneaky),
    () => new Signer('imgix', KEY).verifyUrl(SECRET),
    () => new UrlBuilder('demo.imgix.net').buildUrl('/a.jpg', { w: sneaky }),
    () => signOriginRequest(sneaky, 'r', 1),
    () => verifyOriginRequest('k', { 'x-imgix-signature': sneaky }),
    () => verifyOriginSecret(sneaky, {}),
    () => verifyBasicAuth('u', sneaky, {}),
  ]
  for (const fn of failures) {
    let caught
    try {
      fn()
    } catch (e) {
      caught = e
    }
    assert.ok(caught?.code, `no coded error from ${fn}`)
    for (const text of [caught.message, String(caught), inspect(caught)]) {
      assert.ok(!text.includes(SECRET), `secret leaked: ${text}`)
    }
  }
})

test('isSigned is named as in the other languages', () => {
  assert.equal(new UrlBuilder('demo.imgix.net', { key: KEY }).isSigned, true)
  assert.equal(new UrlBuilder('demo.imgix.net').isSigned, false)
  assert.equal(new UrlBuilder('demo.imgix.net').signed, undefined)
  assert.deepEqual(JSON.parse(JSON.stringify(new UrlBuilder('demo.imgix.net'))).isSigned, false)
})
