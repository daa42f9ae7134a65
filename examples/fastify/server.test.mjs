// The Fastify example and imgsign/fastify against real servers on loopback.
import Fastify from 'fastify'
import * as imgsign from 'imgsign'
import { fromImgix, signedUrls } from 'imgsign/fastify'
import { PIXEL } from '../js/loopback.mjs'
import { originSuite } from '../js/origin-suite.mjs'
import { createApp } from './server.mjs'

const running = async (app) => {
  await app.listen({ host: '127.0.0.1', port: 0 })
  return { port: app.server.address().port, close: () => app.close() }
}

originSuite(
  'fastify',
  {
    start: (options) => running(createApp(options)),
    guard: (options) => {
      const app = Fastify()
      app.register(signedUrls, options)
      app.get('/*', async (_request, reply) => reply.type('image/gif').send(PIXEL))
      return running(app)
    },
    check: (options) => fromImgix(Fastify(), options),
    // Fastify's router refuses a path whose escapes are not UTF-8 (`%E9`) with 400
    // FST_ERR_BAD_URL before any hook runs, so no plugin sees such a request.
    refusesPath: (target) => {
      try {
        decodeURIComponent(target.split('?')[0])
        return false
      } catch {
        return true
      }
    },
  },
  imgsign,
)
