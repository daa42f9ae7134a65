// The Next.js example built with `next build` and served by `next start` on loopback: every
// image URL of the rendered page is signed and verifies, each keyless public path is
// redirected (302) to a signed URL, and the key reaches neither a response nor the built
// client bundle (.next/static) nor the server's log, although it was set at build time too.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import http from 'node:http'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import net from 'node:net'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { Signer } from 'imgsign'

const HERE = fileURLToPath(new URL('.', import.meta.url))
const NEXT = join(HERE, 'node_modules', '.bin', 'next')
const BUILD_KEY = 'next-build-time-KEY-7f3a'
const KEY = 'next-run-time-KEY-91c2'
const env = (extra) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra })

const files = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p) : [p]
  })

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })

async function waitFor(url, child, log) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${log.join('')}`)
    try {
      await fetch(url, { redirect: 'manual' })
      return
    } catch {
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  throw new Error(`next start did not answer:\n${log.join('')}`)
}

const rawGet = (port, path) =>
  new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers }))
      })
      .on('error', reject)
  })

const unescape = (s) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;/g, "'")

test('next build, then next start: signed URLs that verify, redirects, no key in bundle or responses', async () => {
  const build = spawnSync(NEXT, ['build'], { cwd: HERE, env: env({ IMGSIGN_KEY: BUILD_KEY }), encoding: 'utf8' })
  assert.equal(build.status, 0, build.stdout + build.stderr)
  assert.ok(!(build.stdout + build.stderr).includes(BUILD_KEY), 'no key in the build log')
  // The client bundle: every file the browser can load.
  const client = files(join(HERE, '.next', 'static'))
  assert.ok(client.some((f) => f.endsWith('.js')), 'the client bundle was built')
  // No signing code either: client components get the keyless loader only.
  for (const f of client) {
    const text = readFileSync(f, 'utf8')
    assert.ok(!/buildSrcset|UrlBuilder|imgsign\.wasm/.test(text), `signing code in ${f}`)
  }
  for (const f of files(join(HERE, '.next'))) {
    const text = readFileSync(f).toString('latin1')
    assert.ok(!text.includes(BUILD_KEY), `the build-time key is in ${f}`)
  }

  const port = await freePort()
  const log = []
  const child = spawn(NEXT, ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: HERE,
    env: env({ IMGSIGN_KEY: KEY }),
    detached: true,
  })
  child.stdout.on('data', (d) => log.push(String(d)))
  child.stderr.on('data', (d) => log.push(String(d)))
  const base = `http://127.0.0.1:${port}`
  try {
    await waitFor(base, child, log)
    const res = await fetch(`${base}/`)
    assert.equal(res.status, 200)
    const html = await res.text()
    assert.ok(!html.includes(KEY) && !html.includes(BUILD_KEY), 'no key in the page')
    const signer = new Signer('imgix', KEY)
    const urls = []
    for (const [, src] of html.matchAll(/ src="([^"]+)"/g)) urls.push(unescape(src))
    for (const [, set] of html.matchAll(/ srcSet="([^"]+)"/g)) {
      for (const entry of unescape(set).split(/,\s+/)) urls.push(entry.trim().split(' ')[0])
    }
    const signed = urls.filter((u) => u.startsWith('https://img.example.com/'))
    const keyless = urls.filter((u) => u.startsWith('/img/'))
    assert.ok(signed.length >= 30 && keyless.length >= 12, `${signed.length} signed, ${keyless.length} keyless`)
    assert.ok(signed.some((u) => u.includes('a%2Bb%20%281%29%21%27%2A.jpg')), 'the hard path is there')
    assert.ok(signed.some((u) => u.includes('/caf%C3%A9/%C3%BCn%C3%AFcode.png')), 'the Unicode path is there')
    for (const u of signed) signer.verifyUrl(u)
    assert.throws(() => new Signer('imgix', BUILD_KEY).verifyUrl(signed[0]), { code: 'signature_mismatch' })
    for (const u of keyless) {
      const r = await fetch(base + u, { redirect: 'manual' })
      assert.equal(r.status, 302, u)
      const location = r.headers.get('location')
      assert.ok(location.startsWith('https://img.example.com/photos/'), location)
      signer.verifyUrl(location)
      const width = new URL(base + u).searchParams.get('width')
      assert.ok(location.includes(`w=${width}&`), `${u} -> ${location}`)
    }
    const bad = await fetch(`${base}/img/photos/a.jpg?w=1.5x`, { redirect: 'manual' })
    assert.equal(bad.status, 302) // any param value is a string param: signed as given
    // A URL can only be built for the route's own prefix; the path is the builder's to encode.
    const encoded = await rawGet(port, "/img/photos/a+b%20(1)!'*.jpg?width=640")
    assert.equal(encoded.status, 302)
    assert.ok(encoded.headers.location.includes('/photos/a%2Bb%20%281%29%21%27%2A.jpg?w=640&s='))
    signer.verifyUrl(encoded.headers.location)
  } finally {
    process.kill(-child.pid, 'SIGTERM')
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)))
  }
  const serverLog = log.join('')
  assert.ok(!serverLog.includes(KEY) && !serverLog.includes(BUILD_KEY), 'no key in the server log')
})
