// What the Express, Fastify and Next.js integrations share: running the core's checks on
// what a Node server receives, and how a failed check is answered. Nothing is decided about
// signatures here: the core verifies; this file only picks the inputs (the request target
// exactly as received, `req.url`; the request headers) and maps a failure to a response.
//
// A failed check is answered with the error code as the body and in the `X-Imgsign-Error`
// header, never with a key. Signed URLs: 410 Gone once expired (the URL was good), 403
// Forbidden for a missing, wrong or malformed signature. Requests from imgix to an origin:
// 401 with a `WWW-Authenticate: Basic` challenge for a missing or wrong Basic-auth
// `Authorization` header, 403 for a failed origin signature or handshake secret (also when
// its timestamp is out of tolerance: the resource is not gone, the request is refused).
const core = require('../index.js')

const ERROR_HEADER = 'X-Imgsign-Error'

function refusal(error, status) {
  if (!error || typeof error.code !== 'string') throw error
  return { status, code: error.code, headers: { [ERROR_HEADER]: error.code } }
}

// A function `(target, host) => null | refusal` for signed URLs: of `options.signer` (any
// provider), or of a `Sources` set (`options.sources`), with the keys of the source that
// `options.source` names, or else of the source the request's Host header (and the target's
// path) choose.
function signedUrlCheck(options) {
  const { signer, sources, source } = options ?? {}
  const now = options?.now ?? (() => undefined)
  let verify
  if (sources && typeof sources.verify === 'function') {
    // The named source's own domain as the host: the set picks it (and, on one host, the
    // source whose path prefix the path is under).
    const host = source === undefined ? null : sources.source(source).domain
    verify = (target, requestHost) => sources.verify(target, host ?? requestHost ?? '', { now: now() })
  } else if (signer && typeof signer.verify === 'function') {
    verify = (target) => signer.verify(target, { now: now() })
  } else {
    throw new TypeError('imgsign: signedUrls() needs { signer } or { sources, source? }')
  }
  return (target, host) => {
    try {
      verify(target, host)
      return null
    } catch (e) {
      return refusal(e, e?.code === 'expired' ? 410 : 403)
    }
  }
}

// A function `(headers) => null | refusal` for requests from imgix to an origin: the origin
// signature (`signatureKey`), Basic auth (`basicAuth: { username, password }`) and the
// handshake header (`originSecret`), each when configured, in that order. The secrets are
// checked once here by the core, so a bad one fails at start-up, not on the first request.
function fromImgixCheck(options = {}) {
  const { signatureKey, basicAuth, originSecret, tolerance } = options
  const checks = []
  const probe = (f) => {
    try {
      f({})
    } catch (e) {
      if (e?.code !== 'missing_signature') throw e
    }
  }
  if (signatureKey !== undefined) {
    const f = (h) => core.verifyOriginRequest(signatureKey, h, { tolerance })
    probe(f)
    checks.push([f, 403, null])
  }
  if (basicAuth !== undefined) {
    const f = (h) => core.verifyBasicAuth(basicAuth.username, basicAuth.password, h)
    probe(f)
    checks.push([f, 401, { 'WWW-Authenticate': 'Basic realm="imgsign", charset="UTF-8"' }])
  }
  if (originSecret !== undefined) {
    const f = (h) => core.verifyOriginSecret(originSecret, h)
    probe(f)
    checks.push([f, 403, null])
  }
  if (checks.length === 0) {
    throw new TypeError('imgsign: fromImgix() needs signatureKey, basicAuth or originSecret')
  }
  return (headers) => {
    for (const [check, status, extra] of checks) {
      try {
        check(headers)
      } catch (e) {
        const r = refusal(e, status)
        if (extra) Object.assign(r.headers, extra)
        return r
      }
    }
    return null
  }
}

// Writes a refusal on a Node `http.ServerResponse`.
function send(res, r) {
  res.statusCode = r.status
  for (const [name, value] of Object.entries(r.headers)) res.setHeader(name, value)
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(r.code))
  res.end(r.code)
}

module.exports = { ERROR_HEADER, signedUrlCheck, fromImgixCheck, send }
