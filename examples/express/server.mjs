// An image origin on Express: /images/... only for signed URLs (any provider's Signer),
// /proxy/... only for requests from imgix (origin signature, Basic auth, handshake header).
//
//   IMGSIGN_KEY=... IMGSIGN_ORIGIN_KEY=... node server.mjs
import express from 'express'
import { Signer } from 'imgsign'
import { fromImgix, signedUrls } from 'imgsign/express'

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

export function createApp({ provider = 'imgix', key, previousKeys = [], origin = {}, now }) {
  const app = express()
  // [readme:express]
  const signer = new Signer(provider, key, { previousKeys })
  app.use('/images', signedUrls({ signer, now })) // 403, or 410 once expired; X-Imgsign-Error
  app.use('/proxy', fromImgix(origin)) // { signatureKey, basicAuth: { username, password }, originSecret }
  // [/readme]
  app.get('/images/*path', (_req, res) => res.type('image/gif').send(PIXEL))
  app.get('/proxy/*path', (_req, res) => res.type('image/gif').send(PIXEL))
  return app
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { IMGSIGN_KEY: key, IMGSIGN_ORIGIN_KEY: signatureKey } = process.env
  if (!key || !signatureKey) {
    console.error('set IMGSIGN_KEY and IMGSIGN_ORIGIN_KEY')
    process.exit(2)
  }
  const server = createApp({ key, origin: { signatureKey } }).listen(
    Number(process.env.PORT ?? 8080),
    '127.0.0.1',
  )
  server.on('listening', () => console.log(`origin on http://127.0.0.1:${server.address().port}/`))
}
