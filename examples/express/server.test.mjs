// The Express example and imgsign/express against real servers on loopback.
import express from 'express'
import * as imgsign from 'imgsign'
import { fromImgix, signedUrls } from 'imgsign/express'
import { close, PIXEL } from '../js/loopback.mjs'
import { originSuite } from '../js/origin-suite.mjs'
import { createApp } from './server.mjs'

const running = async (app) => {
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  return { port: server.address().port, close: () => close(server) }
}

originSuite(
  'express',
  {
    start: (options) => running(createApp(options)),
    guard: (options) => {
      const app = express()
      app.use(signedUrls(options))
      app.use((_req, res) => res.type('image/gif').send(PIXEL))
      return running(app)
    },
    check: (options) => fromImgix(options),
  },
  imgsign,
)
