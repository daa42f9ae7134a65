// An image origin on Fastify: /images/... only for signed URLs (any provider's Signer),
// /proxy/... only for requests from imgix (origin signature, Basic auth, handshake header).
//
//   IMGSIGN_KEY=... IMGSIGN_ORIGIN_KEY=... node server.mjs
import Fastify from 'fastify'
import { Signer } from 'imgsign'
import { fromImgix, signedUrls } from 'imgsign/fastify'

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

export function createApp({ provider = 'imgix', key, previousKeys = [], origin = {}, now }) {
  const app = Fastify()
  // [readme:fastify]
  const signer = new Signer(provider, key, { previousKeys })
  app.register(async (images) => {
    await images.register(signedUrls, { signer, now }) // 403, or 410 once expired; X-Imgsign-Error
    images.get('/images/*', async (_request, reply) => reply.type('image/gif').send(PIXEL))
  })
  app.register(async (proxy) => {
    await proxy.register(fromImgix, origin) // { signatureKey, basicAuth: { username, password }, originSecret }
    proxy.get('/proxy/*', async (_request, reply) => reply.type('image/gif').send(PIXEL))
  })
  // [/readme]
  return app
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { IMGSIGN_KEY: key, IMGSIGN_ORIGIN_KEY: signatureKey } = process.env
  if (!key || !signatureKey) {
    console.error('set IMGSIGN_KEY and IMGSIGN_ORIGIN_KEY')
    process.exit(2)
  }
  const app = createApp({ key, origin: { signatureKey } })
  app
    .listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 8080) })
    .then((a) => console.log(`origin on ${a}`))
}
