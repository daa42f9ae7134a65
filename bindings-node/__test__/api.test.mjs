// The public face: errors, option checking, params/headers shapes, secrecy, CJS/ESM, workers, CLI.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { inspect } from 'node:util'
import { Worker } from 'node:worker_threads'
import esmDefault, * as esm from 'imgsign'

const require = createRequire(import.meta.url)
const cjs = require('imgsign')
const {
  Signer,
  UrlBuilder,
  targetWidths,
  signOriginRequest,
  verifyOriginRequest,
  verifyBasicAuth,
  verifyOriginSecret,
} = cjs

const KEY = 'FOO123bar'
const PIXTA_URL = 'https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop'

function throwsCode(fn, code) {
  let caught
  try {
    fn()
  } catch (e) {
    caught = e
  }
  assert.ok(caught, `expected a thrown error with code ${code}`)
  assert.ok(caught instanceof Error, 'thrown value is an Error')
  assert.equal(caught.code, code)
  return caught
}

test('CommonJS require and ESM import expose the same objects', () => {
  assert.equal(typeof cjs.Signer, 'function')
  assert.equal(esm.Signer, cjs.Signer)
  assert.equal(esm.UrlBuilder, cjs.UrlBuilder)
  assert.equal(esmDefault.targetWidths, cjs.targetWidths)
  for (const name of [
    'targetWidths',
    'signOriginRequest',
    'verifyOriginRequest',
    'verifyBasicAuth',
    'verifyOriginSecret',
    'version',
  ]) {
    assert.equal(typeof esm[name], 'function', name)
  }
  assert.match(esm.version(), /^\d+\.\d+\.\d+/)
})

test('the Pixta worked example of docs/contract.md signs', () => {
  const s = new Signer('pixta', 'wakanda123@')
  assert.equal(s.signUrl(PIXTA_URL), `${PIXTA_URL}&s=7d0d58f62c945d0ca08269205228bbe7`)
  assert.deepEqual(s.signUrls([PIXTA_URL, PIXTA_URL]), [s.signUrl(PIXTA_URL), s.signUrl(PIXTA_URL)])
  s.verifyUrl(s.signUrl(PIXTA_URL))
})

test('errors are Error instances with a stable code and no key in the message', () => {
  const secret = ' very-secret-key'
  const e = throwsCode(() => new Signer('imgix', secret), 'invalid_key')
  assert.ok(!e.message.includes('very-secret-key'))
  assert.ok(!inspect(e).includes('very-secret-key'))
  throwsCode(() => new Signer('nope', KEY), 'invalid_param')
  throwsCode(() => new Signer('imgix', 42), 'invalid_key')
  throwsCode(() => new Signer('imgix', KEY, { previousKeys: ['ok', ''] }), 'invalid_key')
  throwsCode(() => new UrlBuilder('https://demo.imgix.net'), 'invalid_domain')
  throwsCode(() => new UrlBuilder('demo.imgix.net', { profile: 'x' }), 'invalid_param')
  throwsCode(() => new Signer('imgix', KEY).signUrl('ftp://x.y/a'), 'invalid_url')
  throwsCode(() => new Signer('imgix', KEY).signUrls(['https://a.b/c', 'nope']), 'invalid_url')
  throwsCode(() => targetWidths(500, 100), 'invalid_srcset')
  const b = new UrlBuilder('demo.imgix.net', { key: KEY })
  throwsCode(() => b.buildUrl('/a.jpg', { w: NaN }), 'invalid_param')
  throwsCode(() => b.buildUrl('/a.jpg', { w: {} }), 'invalid_param')
  throwsCode(() => b.buildUrls([['/a.jpg', { '': 1 }]]), 'invalid_param')
  throwsCode(() => b.buildSrcset('/a.jpg', null, { widths: [] }), 'invalid_srcset')
})

test('verify failures carry their codes', () => {
  const s = new Signer('imgix', KEY, { previousKeys: ['OLDkey1'] })
  const old = new Signer('imgix', 'OLDkey1')
  const url = 'https://demo.imgix.net/a.jpg?w=100'
  s.verifyUrl(old.signUrl(url)) // rotation: a previous key verifies
  throwsCode(() => s.verifyUrl(url), 'missing_signature')
  throwsCode(() => s.verifyUrl(`${url}&s=00000000000000000000000000000000`), 'signature_mismatch')
  const expiring = s.signUrl(url, { expires: 1000 })
  s.verifyUrl(expiring, { now: 999 })
  throwsCode(() => s.verifyUrl(expiring, { now: 1001 }), 'expired')
  throwsCode(() => s.verifyUrl('not a url'), 'malformed_url')
  assert.equal(s.signUrl(url, { expiresIn: 60, now: 1000 }), s.signUrl(url, { expires: 1060 }))
})

test('options objects reject unknown keys, naming the key', () => {
  const e1 = throwsCode(() => new Signer('imgix', KEY, { previousKey: [] }), 'invalid_param')
  assert.match(e1.message, /previousKey/)
  const b = new UrlBuilder('demo.imgix.net')
  const e2 = throwsCode(() => new UrlBuilder('demo.imgix.net', { useHTTPS: false }), 'invalid_param')
  assert.match(e2.message, /useHTTPS/)
  const e3 = throwsCode(() => b.buildSrcset('/a.jpg', {}, { minwidth: 200 }), 'invalid_param')
  assert.match(e3.message, /minwidth/)
  const e4 = throwsCode(
    () => new Signer('imgix', KEY).signUrl('https://a.b/c', { expire: 1 }),
    'invalid_param',
  )
  assert.match(e4.message, /expire/)
  throwsCode(() => verifyOriginRequest('k', {}, { now: 1, tol: 2 }), 'invalid_param')
  throwsCode(
    () => new Signer('imgix', KEY).signUrl('https://a.b/c', { expires: 1, expiresIn: 2 }),
    'invalid_param',
  )
})

test('params: object, Map and [key, value] pairs agree; numbers and null convert', () => {
  const b = new UrlBuilder('demo.imgix.net', { key: KEY })
  const fromObj = b.buildUrl('/a.jpg', {
    w: 400,
    h: 300,
    fit: 'crop',
    dpr: 1.5,
    mark: null,
    x: undefined,
    flip: true,
  })
  const fromMap = b.buildUrl(
    '/a.jpg',
    new Map([
      ['w', 400],
      ['h', 300],
      ['fit', 'crop'],
      ['dpr', 1.5],
      ['mark', null],
      ['flip', true],
    ]),
  )
  const fromPairs = b.buildUrl('/a.jpg', [
    ['w', '400'],
    ['h', '300'],
    ['fit', 'crop'],
    ['dpr', '1.5'],
    ['flip', 'true'],
  ])
  assert.equal(fromObj, fromMap)
  assert.equal(fromObj, fromPairs)
  assert.match(fromObj, /[?&]w=400&/)
  assert.ok(!fromObj.includes('mark'))
  assert.equal(b.buildUrl('/a.jpg'), b.buildUrl('/a.jpg', null))
  assert.deepEqual(b.buildUrls([['/a.jpg', { w: 400 }], ['/b.jpg']]), [
    b.buildUrl('/a.jpg', { w: 400 }),
    b.buildUrl('/b.jpg'),
  ])
  // variableQualities as object or Map
  const o = b.buildSrcset(
    '/a.jpg',
    { w: 100 },
    { devicePixelRatios: [1, 1.5], variableQualities: { 1: 80, 1.5: 60 } },
  )
  const m = b.buildSrcset(
    '/a.jpg',
    { w: 100 },
    {
      devicePixelRatios: [1, 1.5],
      variableQualities: new Map([
        [1, 80],
        [1.5, 60],
      ]),
    },
  )
  assert.equal(o, m)
  assert.match(o, /q=60/)
})

test('headers: Node-style object with lowercase names, Map, arrays', () => {
  const key = 'origin-key-123'
  const ts = 1_700_000_000
  const sig = signOriginRequest(key, 'req-1', ts)
  assert.match(sig, /^v1,[0-9A-F]{64}$/)
  const nodeHeaders = {
    'x-imgix-signature': sig,
    'x-imgix-signature-timestamp': String(ts),
    'x-imgix-signature-request-id': 'req-1',
    host: 'a',
  }
  verifyOriginRequest(key, nodeHeaders, { now: ts + 10 })
  verifyOriginRequest(key, new Map(Object.entries(nodeHeaders)), { now: ts })
  throwsCode(() => verifyOriginRequest(key, nodeHeaders, { now: ts + 1000 }), 'expired')
  verifyOriginRequest(key, nodeHeaders, { now: ts + 1000, tolerance: 2000 })
  throwsCode(
    () =>
      verifyOriginRequest(key, { ...nodeHeaders, 'x-imgix-signature-request-id': ['a', 'b'] }, { now: ts }),
    'malformed_header',
  )
  throwsCode(() => verifyOriginRequest(key, {}, { now: ts }), 'missing_signature')
  const auth = { authorization: `Basic ${Buffer.from('user:pass').toString('base64')}` }
  verifyBasicAuth('user', 'pass', auth)
  throwsCode(() => verifyBasicAuth('user', 'wrong', auth), 'signature_mismatch')
  verifyOriginSecret('handshake', { 'x-imgix-origin-secret': 'handshake' })
  throwsCode(
    () => verifyOriginSecret('handshake', { 'x-imgix-origin-secret': 'other' }),
    'signature_mismatch',
  )
})

test('inspect, JSON and toString never show the key', () => {
  const key = 'SuperSecretKey987'
  const s = new Signer('imgix', key, { previousKeys: ['OldSecretKey654'] })
  const b = new UrlBuilder('demo.imgix.net', { key })
  for (const obj of [s, b]) {
    const shown = [
      inspect(obj, { showHidden: true, depth: 5, getters: true }),
      JSON.stringify(obj),
      String(obj),
      `${obj}`,
      Object.keys(obj).join(),
    ]
    for (const text of shown) {
      assert.ok(!text.includes(key) && !text.includes('OldSecretKey654'), text)
    }
    assert.deepEqual(
      Object.getOwnPropertyNames(obj).filter((n) => /key/i.test(n)),
      [],
    )
  }
  assert.equal(JSON.stringify(s), '{"provider":"imgix"}')
  assert.equal(String(b), 'UrlBuilder(imgix, demo.imgix.net)')
})

test('worker_threads give the same results as the main thread', async () => {
  const work = (m) => {
    const b = new m.UrlBuilder('demo.imgix.net', { key: 'FOO123bar' })
    const s = new m.Signer('gumlet', 'k3y')
    return [
      b.buildUrl('/ü a.jpg', { w: 400, txt: 'a&b' }),
      b.buildSrcset('/x.png', { h: 10 }),
      s.signUrl('https://x.gumlet.io//a.jpg'),
      m.targetWidths(300, 900, 0.1).join(),
    ]
  }
  const expected = work(cjs)
  const src = `const { parentPort, workerData } = require('node:worker_threads');
    const m = require(workerData.path); const work = ${work.toString()}; parentPort.postMessage(work(m));`
  const results = await Promise.all(
    [0, 1].map(
      () =>
        new Promise((resolve, reject) => {
          const w = new Worker(src, { eval: true, workerData: { path: require.resolve('imgsign') } })
          w.once('message', resolve)
          w.once('error', reject)
        }),
    ),
  )
  for (const r of results) assert.deepEqual(r, expected)
})

test('canonical output equals the Rust CLI (imgsign build)', () => {
  const bin = fileURLToPath(new URL('../../target/debug/imgsign', import.meta.url))
  assert.ok(existsSync(bin), 'the CLI binary target/debug/imgsign must be built (cargo build -p imgsign-cli)')
  const cases = [
    ['demo.imgix.net', 'imgix', 'canonical', '/photos/a b.jpg', { w: '400', h: '300', fit: 'crop' }],
    [
      'demo.imgix.net',
      'imgix',
      'canonical',
      '/ünï/ço de.png',
      { txt: 'hello, world & co', mark64: 'https://x.y/z.png' },
    ],
    ['demo.imgix.net', 'imgix', 'canonical', 'https://example.com/img.jpg?a=1', { q: '50' }],
    ['img.gumlet.io', 'gumlet', 'canonical', '//a/b.jpg', { w: '10' }],
    ['image.pvnservices.com', 'pixta', 'canonical', '/books/x.jpg', { fit: 'crop', w: '400' }],
    ['img.imageboss.me', 'imageboss', 'canonical', '/cover/300x300/x.jpg', {}],
    ['demo.imgix.net', 'imgix', 'imgix-js', '/a (1)!.jpg', { txt: "it's" }],
    ['demo.imgix.net', 'imgix', 'imgix-python', '/a b.jpg', { w: '400' }],
  ]
  for (const [domain, provider, profile, path, params] of cases) {
    const args = [
      'build',
      '--domain',
      domain,
      '--key',
      KEY,
      '--provider',
      provider,
      '--profile',
      profile,
      path,
      ...Object.entries(params).map(([k, v]) => `${k}=${v}`),
    ]
    const cli = execFileSync(bin, args, { encoding: 'utf8' }).trim()
    const node = new UrlBuilder(domain, { provider, profile, key: KEY }).buildUrl(path, params)
    assert.equal(node, cli, JSON.stringify(args))
  }
})

test('token schemes: batch signing with one expiry and values, their reason codes', () => {
  const s = new cjs.Signer('bunny', 'zone-key')
  const urls = ['https://z.b-cdn.net/a.jpg', 'https://z.b-cdn.net/b.jpg?w=1']
  const opts = { expires: 1700003600, values: { ip: '203.0.113.7' } }
  const many = s.signUrls(urls, opts)
  assert.deepEqual(
    many,
    urls.map((u) => s.signUrl(u, opts)),
  )
  assert.ok(many.every((u) => u.includes('token=HS256-1-')))
  assert.equal(s.verifyUrl(many[0], { now: 1700000000, values: { ip: '203.0.113.7' } }), undefined)
  assert.throws(() => s.verifyUrl(many[0], { now: 1700000000 }), { code: 'ip_mismatch' })
  assert.throws(() => s.signUrls(urls), { code: 'invalid_param' })
  const a = new cjs.Signer('akamai', '0a1b2c3d')
  const token = a.signToken({ expires: 1700003600, values: { acl: '/v/*', start: 1700000000 } })
  a.verifyToken(token, { now: 1700000000, values: { url: '/v/a.m3u8' } })
  assert.throws(() => a.verifyToken(token, { now: 1700000000, values: { url: '/w/a' } }), {
    code: 'acl_mismatch',
  })
  assert.throws(() => a.verifyToken(token, { now: 1699999999, values: { url: '/v/a' } }), {
    code: 'not_yet_valid',
  })
})

test('profileDefaults: one entry per profile, what an argument not given means', () => {
  const defaults = cjs.profileDefaults()
  assert.deepEqual(
    defaults.map((d) => d.profile),
    cjs.profileNames(),
  )
  for (const d of defaults) {
    assert.ok(d.libraryParam.endsWith(`-${d.libraryVersion}`), d.profile)
    if (d.minWidth === null) {
      assert.equal(d.maxWidth, null)
      assert.equal(d.tolerance, null)
      throwsCode(() => cjs.targetWidths(null, null, null, d.profile), 'invalid_param')
      continue
    }
    assert.deepEqual(
      cjs.targetWidths(null, null, null, d.profile),
      cjs.targetWidths(d.minWidth, d.maxWidth, d.tolerance, d.profile),
    )
    const url = new cjs.UrlBuilder('demo.imgix.net', { profile: d.profile }).buildUrl('/a.jpg')
    assert.equal(url.includes(`ixlib=${d.libraryParam}`), d.includeLibraryParam, url)
  }
})
