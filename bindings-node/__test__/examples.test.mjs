// Exercises examples/node-ssr and examples/node-origin on loopback.

import assert from 'node:assert/strict'
import http from 'node:http'
import { test } from 'node:test'
import { Signer, signOriginRequest } from 'imgsign'
import { createHandler } from '../../examples/node-origin/origin.mjs'
import { createServer } from '../../examples/node-ssr/server.mjs'

const listen = (server) =>
  new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)),
  )
const close = (server) => new Promise((resolve) => server.close(resolve))
const unescapeHtml = (s) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

test('node-ssr: every src and srcset URL of the rendered page verifies', async () => {
  const key = 'ssr-KEY-123'
  const server = createServer({ domain: 'demo.imgix.net', key })
  const base = await listen(server)
  try {
    const res = await fetch(`${base}/?q=60`)
    assert.equal(res.status, 200)
    const html = await res.text()
    const urls = []
    for (const [, src] of html.matchAll(/ src="([^"]*)"/g)) urls.push(unescapeHtml(src))
    for (const [, srcset] of html.matchAll(/ srcset="([^"]*)"/g)) {
      for (const entry of unescapeHtml(srcset).split(',\n')) {
        const [u, descriptor] = entry.split(' ')
        assert.match(descriptor, /^\d+w$|^\d+(\.\d+)?x$/)
        urls.push(u)
      }
    }
    assert.ok(urls.length > 30, `found ${urls.length} URLs`)
    const signer = new Signer('imgix', key)
    for (const u of urls) {
      assert.ok(u.startsWith('https://demo.imgix.net/'), u)
      assert.match(u, /[?&]q=60&|[?&]q=60$|q=60/)
      signer.verifyUrl(u)
    }
    // A different key rejects them: the check above could fail.
    assert.throws(() => new Signer('imgix', 'other-key').verifyUrl(urls[0]), { code: 'signature_mismatch' })
    assert.equal((await fetch(`${base}/nope`)).status, 404)
  } finally {
    await close(server)
  }
})

test('node-origin: signed URLs and origin-request headers, 403 on failure', async () => {
  const key = 'origin-url-key'
  const originKey = 'proxy-secret-0123456789'
  const NOW = 1_700_000_000
  let base
  const server = http.createServer((req, res) =>
    createHandler({ key, previousKeys: ['retired-key'], originKey, now: () => NOW })(req, res),
  )
  base = await listen(server)
  try {
    const signer = new Signer('imgix', key)
    const get = (path, headers = {}) =>
      fetch(base + path, { headers }).then(async (r) => [r.status, r.status === 200 ? '' : await r.text()])
    const good = signer.signUrl(`${base}/signed/a.jpg?w=100`)
    assert.deepEqual(await get(good.slice(base.length)), [200, ''])
    const rotated = new Signer('imgix', 'retired-key').signUrl(`${base}/signed/a.jpg?w=100`)
    assert.deepEqual(await get(rotated.slice(base.length)), [200, ''])
    const bad = good.replace('w=100', 'w=101')
    assert.deepEqual(await get(bad.slice(base.length)), [403, 'forbidden: signature_mismatch\n'])
    const expired = signer.signUrl(`${base}/signed/a.jpg`, { expires: NOW - 1 })
    assert.deepEqual(await get(expired.slice(base.length)), [403, 'forbidden: expired\n'])
    const fresh = signer.signUrl(`${base}/signed/a.jpg`, { expiresIn: 60, now: NOW })
    assert.deepEqual(await get(fresh.slice(base.length)), [200, ''])
    assert.deepEqual(await get('/signed/a.jpg?w=100'), [403, 'forbidden: missing_signature\n'])

    const id = 'req-42'
    const headers = (ts, sigKey = originKey) => ({
      'X-Imgix-Signature': signOriginRequest(sigKey, id, ts),
      'X-Imgix-Signature-Timestamp': String(ts),
      'X-Imgix-Signature-Request-Id': id,
    })
    assert.deepEqual(await get('/proxy/a.jpg', headers(NOW)), [200, ''])
    assert.deepEqual(await get('/proxy/a.jpg', headers(NOW, 'wrong-key')), [
      403,
      'forbidden: signature_mismatch\n',
    ])
    assert.deepEqual(await get('/proxy/a.jpg', headers(NOW - 3600)), [403, 'forbidden: expired\n'])
    assert.deepEqual(await get('/proxy/a.jpg'), [403, 'forbidden: missing_signature\n'])
    const noTs = headers(NOW)
    delete noTs['X-Imgix-Signature-Timestamp']
    assert.deepEqual(await get('/proxy/a.jpg', noTs), [403, 'forbidden: malformed_header\n'])
    assert.deepEqual(await get('/elsewhere'), [403, 'forbidden: unknown_route\n'])
  } finally {
    await close(server)
  }
})
