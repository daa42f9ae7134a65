// Express middleware (`imgsign/express`): serve only signed URLs, or only requests from imgix.
//
//   const { signedUrls, fromImgix } = require('imgsign/express')
//   app.use('/images', signedUrls({ signer }))                        // any provider's Signer
//   app.use('/images', signedUrls({ sources, source: 'images' }))     // a Sources set
//   app.use(signedUrls({ sources }))                    // the Host header picks the source
//   app.use('/proxy', fromImgix({ signatureKey, basicAuth: { username, password }, originSecret }))
//
// The signature is checked on `req.originalUrl`: the request target as the client sent it
// (Express strips the mount path from `req.url`, not from `originalUrl`). See check.js for
// the status codes and the `X-Imgsign-Error` header. Works with any `(req, res, next)`
// framework (Connect, plain `node:http` with a `next` of your own).
const { ERROR_HEADER, signedUrlCheck, fromImgixCheck, send } = require('./check.js')

function middleware(check, input) {
  return function imgsign(req, res, next) {
    const refused = check(input(req), req.headers.host)
    if (refused) return send(res, refused)
    next()
  }
}

function signedUrls(options) {
  return middleware(signedUrlCheck(options), (req) => req.originalUrl ?? req.url)
}

function fromImgix(options) {
  return middleware(fromImgixCheck(options), (req) => req.headers)
}

module.exports = { signedUrls, fromImgix, ERROR_HEADER }
