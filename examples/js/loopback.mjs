// Test helpers for the JavaScript framework examples: servers on 127.0.0.1 with an
// ephemeral port, raw GETs (the target is sent byte for byte, never normalised), and the
// conformance vectors every provider signs and verifies with.
import { readFileSync } from 'node:fs'
import http from 'node:http'

export const listen = (server) =>
  new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(server.address().port))
  })

export const close = (server) =>
  new Promise((resolve) => {
    server.closeAllConnections?.()
    server.close(() => resolve())
  })

export const get = (port, target, headers = {}) =>
  new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, headers, agent: false }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      )
    })
    req.on('error', reject)
    req.end()
  })

const vectors = JSON.parse(
  readFileSync(new URL('../../conformance/vectors.json', import.meta.url), 'utf8'),
).vectors

// Every valid origin-form `verify` vector, and the request target of every valid
// `verify_url` vector (where the URL is in the form a client sends), without per-call values, grouped by signer and
// clock: each provider the core has, as the vectors pin it. `signerOptions` holds the
// signer's options the vector gives (previous keys; and salt, previous salts and scheme
// options where the vector has them).
export function verifyGroups() {
  const groups = new Map()
  const OPTIONS = {
    previous_keys: 'previousKeys',
    salt: 'salt',
    previous_salts: 'previousSalts',
    options: 'options',
  }
  for (const v of vectors) {
    if (!('expected' in v) || (v.input.values && Object.keys(v.input.values).length > 0)) continue
    let target
    if (v.kind === 'verify' && v.input.target.startsWith('/')) {
      target = v.input.target
    } else if (v.kind === 'verify_url') {
      // A valid URL already in the form a client sends: its path and query are the target.
      const u = new URL(v.input.url)
      const raw = v.input.url.slice(v.input.url.indexOf('/', v.input.url.indexOf('//') + 2)).split('#')[0]
      if (u.pathname + u.search !== raw || !raw.startsWith('/')) continue
      target = raw
    } else {
      continue
    }
    if (target.length > 8192) continue // beyond what HTTP servers take in a request line (431)
    const { provider, key, now } = v.input
    const signerOptions = {}
    for (const [field, name] of Object.entries(OPTIONS)) {
      if (v.input[field] != null) signerOptions[name] = v.input[field]
    }
    const id = JSON.stringify([provider, key, signerOptions, now])
    if (!groups.has(id)) groups.set(id, { provider, key, signerOptions, now, targets: [] })
    groups.get(id).targets.push(target)
  }
  return [...groups.values()]
}

// The same target with a byte added to the end of its path.
export const tamper = (target) => {
  const q = target.indexOf('?')
  const at = q === -1 ? target.length : q
  return `${target.slice(0, at)}x${target.slice(at)}`
}

export const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')
