// The tests the Express and Fastify examples share, against real servers on loopback.
// `framework.start(options)` starts the example app (createApp) and resolves to
// `{ port, close }`; `framework.guard(signerOptions)` starts a bare app whose every route is
// guarded by the integration's `signedUrls`, for the provider sweep. `imgsign` is the
// package as the example resolves it (this folder has no node_modules of its own).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { get, tamper, verifyGroups } from './loopback.mjs'

const KEY = 'origin-suite-key-1'
const ORIGIN_KEY = 'proxy-secret-0123456789'
const BASIC = { username: 'imgix', password: 'p@ss-word!' }
const HANDSHAKE = 'handshake-secret-42'
const SECRETS = [KEY, ORIGIN_KEY, BASIC.password, HANDSHAKE]
const NOW = 1_700_000_000

const noSecret = (r) => {
  const text = r.body.toString('utf8') + JSON.stringify(r.headers)
  for (const s of SECRETS) assert.ok(!text.includes(s), 'no secret in a response')
  return r
}

// The core's answer for a request target: null when it verifies, else the error's code.
function verdict(signer, target, now) {
  try {
    signer.verify(target, { now })
    return null
  } catch (e) {
    return e.code
  }
}

export function originSuite(name, framework, imgsign) {
  const { Signer, Sources, UrlBuilder, signOriginRequest } = imgsign
  test(`${name}: every provider's valid vectors are served, one changed byte is refused`, async () => {
    const groups = verifyGroups()
    const providers = new Set(groups.map((g) => g.provider))
    assert.ok(providers.size >= 4, `providers: ${[...providers]}`)
    const refused = new Map()
    for (const g of groups) {
      const signer = new Signer(g.provider, g.key, g.signerOptions)
      const server = await framework.guard({ signer, now: () => g.now })
      try {
        for (const t of g.targets) {
          if (framework.refusesPath?.(t)) {
            // The framework answers before any hook runs (see the framework's refusesPath).
            assert.equal((await get(server.port, t)).status, 400, `${g.provider} ${t}`)
            continue
          }
          const ok = await get(server.port, t)
          assert.equal(ok.status, 200, `${g.provider} ${t}: ${ok.body}`)
          // A changed path is refused by every scheme that covers the whole path; a token
          // scheme may cover only a prefix of it (Bunny's token_path, an ACL), and then the
          // server must answer what the core answers for the same bytes.
          const changed = tamper(t)
          const bad = await get(server.port, changed)
          const code = verdict(signer, changed, g.now)
          const status = code === null ? 200 : code === 'expired' ? 410 : 403
          assert.equal(bad.status, status, `${g.provider} ${changed}`)
          if (code !== null) {
            assert.equal(bad.headers['x-imgsign-error'], code)
            refused.set(g.provider, (refused.get(g.provider) ?? 0) + 1)
          }
        }
      } finally {
        await server.close()
      }
    }
    // Every provider's changed targets are refused, bar the few a prefix token still covers.
    for (const p of providers) assert.ok((refused.get(p) ?? 0) > 0, `${p}: no changed target refused`)
  })

  test(`${name}: the example serves built and signed URLs, refuses tampered (403) and expired (410) ones`, async () => {
    const origin = { signatureKey: ORIGIN_KEY, basicAuth: BASIC, originSecret: HANDSHAKE }
    const server = await framework.start({ key: KEY, previousKeys: ['retired-key'], origin, now: () => NOW })
    try {
      const builder = new UrlBuilder('img.example.com', { key: KEY })
      const js = new UrlBuilder('img.example.com', { key: KEY, profile: 'imgix-js' })
      const signer = new Signer('imgix', KEY)
      const sent = (url) => url.slice('https://img.example.com'.length)
      const urls = [
        builder.buildUrl("/images/a+b (1)!'*.jpg", { w: 400 }),
        builder.buildUrl('/images/café/ünïcode 2.png', { w: 400, fit: 'crop' }),
        js.buildUrl("/images/a+b (1)!'*.jpg", { w: 400, txt: "it's" }),
        ...builder
          .buildSrcset('/images/lake side.png', { w: 300 })
          .split(',\n')
          .map((e) => e.split(' ')[0]),
        signer.signUrl("https://img.example.com/images/a+b(1)!'*.jpg?w=1"),
        new Signer('imgix', 'retired-key').signUrl('https://img.example.com/images/old.jpg'),
        signer.signUrl('https://img.example.com/images/soon.jpg', { expiresIn: 60, now: NOW }),
      ]
      for (const u of urls) {
        const r = noSecret(await get(server.port, sent(u)))
        assert.equal(r.status, 200, `${sent(u)}: ${r.body}`)
        assert.equal(r.headers['content-type'], 'image/gif')
        const bad = noSecret(await get(server.port, tamper(sent(u))))
        assert.deepEqual(
          [bad.status, bad.headers['x-imgsign-error'], bad.body.toString()],
          [403, 'signature_mismatch', 'signature_mismatch'],
        )
      }
      const missing = noSecret(await get(server.port, '/images/a.jpg?w=1'))
      assert.deepEqual([missing.status, missing.headers['x-imgsign-error']], [403, 'missing_signature'])
      const expired = sent(signer.signUrl('https://img.example.com/images/a.jpg', { expires: NOW - 1 }))
      const gone = noSecret(await get(server.port, expired))
      assert.deepEqual(
        [gone.status, gone.headers['x-imgsign-error'], gone.body.toString()],
        [410, 'expired', 'expired'],
      )
    } finally {
      await server.close()
    }
  })

  test(`${name}: /proxy serves imgix's origin requests only (signature, Basic auth, handshake)`, async () => {
    const now = Math.floor(Date.now() / 1000)
    const origin = { signatureKey: ORIGIN_KEY, basicAuth: BASIC, originSecret: HANDSHAKE }
    const server = await framework.start({ key: KEY, origin })
    try {
      const id = 'req-42'
      const basic = `Basic ${Buffer.from(`${BASIC.username}:${BASIC.password}`).toString('base64')}`
      const headers = (over = {}) => ({
        'X-Imgix-Signature': signOriginRequest(ORIGIN_KEY, id, now),
        'X-Imgix-Signature-Timestamp': String(now),
        'X-Imgix-Signature-Request-Id': id,
        Authorization: basic,
        'X-Imgix-Origin-Secret': HANDSHAKE,
        ...over,
      })
      const call = async (h) => {
        const r = noSecret(await get(server.port, '/proxy/a.jpg', h))
        return [r.status, r.headers['x-imgsign-error'] ?? null, r.headers['www-authenticate'] ?? null]
      }
      assert.deepEqual(await call(headers()), [200, null, null])
      assert.deepEqual(
        await call(headers({ 'X-Imgix-Signature': signOriginRequest('wrong-key', id, now) })),
        [403, 'signature_mismatch', null],
      )
      const stale = now - 3600
      assert.deepEqual(
        await call(
          headers({
            'X-Imgix-Signature': signOriginRequest(ORIGIN_KEY, id, stale),
            'X-Imgix-Signature-Timestamp': String(stale),
          }),
        ),
        [403, 'expired', null],
      )
      assert.deepEqual(await call({}), [403, 'missing_signature', null])
      const noTimestamp = headers()
      delete noTimestamp['X-Imgix-Signature-Timestamp']
      assert.deepEqual(await call(noTimestamp), [403, 'malformed_header', null])
      const challenge = 'Basic realm="imgsign", charset="UTF-8"'
      assert.deepEqual(await call(headers({ Authorization: 'Basic aW1naXg6d3Jvbmc=' })), [
        401,
        'signature_mismatch',
        challenge,
      ])
      const noAuth = headers()
      delete noAuth.Authorization
      assert.deepEqual(await call(noAuth), [401, 'missing_signature', challenge])
      assert.deepEqual(await call(headers({ 'X-Imgix-Origin-Secret': 'guess' })), [
        403,
        'signature_mismatch',
        null,
      ])
      // The images route is not opened by origin headers.
      const r = await get(server.port, '/images/a.jpg', headers())
      assert.deepEqual([r.status, r.headers['x-imgsign-error']], [403, 'missing_signature'])
    } finally {
      await server.close()
    }
  })

  test(`${name}: a Sources set: the named source, or the one the Host header picks`, async () => {
    const sources = new Sources({
      photos: { domain: 'photos.example.com', key: 'photos-key-1' },
      shop: { domain: 'photos.example.com', pathPrefix: '/shop', key: 'shop-key-2', provider: 'gumlet' },
      avatars: { domain: 'avatars.example.com', key: 'avatars-key-3', profile: 'imgix-js' },
    })
    const sent = (url) => url.slice(url.indexOf('/', 'https://'.length))
    const photo = sent(sources.source('photos').buildUrl("/a+b (1)!'*.jpg", { w: 1 }))
    const shop = sent(sources.source('shop').buildUrl('/shop/café.jpg', { w: 1 }))
    const avatar = sent(sources.source('avatars').buildUrl("/u/it's.png", { w: 1 }))
    const byHost = await framework.guard({ sources })
    try {
      const at = async (target, host) => {
        const r = await get(byHost.port, target, { Host: host })
        return [r.status, r.headers['x-imgsign-error'] ?? null]
      }
      assert.deepEqual(await at(photo, 'photos.example.com'), [200, null])
      assert.deepEqual(await at(shop, 'photos.example.com:443'), [200, null])
      assert.deepEqual(await at(avatar, 'AVATARS.example.com'), [200, null])
      assert.deepEqual(await at(avatar, 'photos.example.com'), [403, 'signature_mismatch'])
      assert.deepEqual(await at(photo, 'elsewhere.example.com'), [403, 'unknown_source'])
    } finally {
      await byHost.close()
    }
    const named = await framework.guard({ sources, source: 'avatars' })
    try {
      assert.equal((await get(named.port, avatar, { Host: '127.0.0.1' })).status, 200)
      const r = await get(named.port, photo)
      assert.deepEqual([r.status, r.headers['x-imgsign-error']], [403, 'signature_mismatch'])
    } finally {
      await named.close()
    }
    await assert.rejects(async () => framework.guard({ sources, source: 'nope' }), { code: 'unknown_source' })
  })

  test(`${name}: a bad secret fails at start-up with the core's code, not on the first request`, async () => {
    const fails = (options, expected) => assert.rejects(async () => framework.check(options), expected)
    await fails({ signatureKey: 'k'.repeat(33) }, { code: 'invalid_key' })
    await fails({ basicAuth: { username: 'a:b', password: 'p' } }, { code: 'invalid_key' })
    await fails({ originSecret: 'trailing\n' }, { code: 'invalid_key' })
    await fails({}, TypeError)
  })
}
