// Fastify plugins (`imgsign/fastify`): serve only signed URLs, or only requests from imgix.
//
//   const { signedUrls, fromImgix } = require('imgsign/fastify')
//   fastify.register(async (images) => {
//     await images.register(signedUrls, { signer })          // any provider's Signer
//     // or { sources, source: 'images' } (a Sources set), or { sources } (the Host header picks)
//     images.get('/images/*', handler)
//   })
//   fastify.register(async (proxy) => {
//     await proxy.register(fromImgix, { signatureKey, basicAuth: { username, password }, originSecret })
//     proxy.get('/proxy/*', handler)
//   })
//
// Each plugin adds an `onRequest` hook to the context that registers it (it does not
// encapsulate itself), so it guards the routes of that context. The signature is checked on
// the request target as received (`request.raw.url`). See check.js for the status codes and
// the `X-Imgsign-Error` header.
const { ERROR_HEADER, signedUrlCheck, fromImgixCheck } = require('./check.js')

function plugin(name, makeCheck, input) {
  async function register(fastify, options) {
    const check = makeCheck(options)
    fastify.addHook('onRequest', async (request, reply) => {
      const refused = check(input(request), request.headers.host)
      if (refused) {
        reply
          .code(refused.status)
          .headers(refused.headers)
          .type('text/plain; charset=utf-8')
          .send(refused.code)
        return reply
      }
    })
  }
  // What fastify-plugin sets: the hook applies to the registering context.
  register[Symbol.for('skip-override')] = true
  register[Symbol.for('fastify.display-name')] = name
  return register
}

const signedUrls = plugin('imgsign-signed-urls', signedUrlCheck, (request) => request.raw.url)
const fromImgix = plugin('imgsign-from-imgix', fromImgixCheck, (request) => request.headers)

module.exports = { signedUrls, fromImgix, ERROR_HEADER }
