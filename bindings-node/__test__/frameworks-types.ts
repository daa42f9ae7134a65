// Type-checked with `tsc --noEmit --strict` (never run): the framework subpaths as a
// TypeScript user imports them.

import http from 'node:http'
import { Signer, UrlBuilder } from 'imgsign'
import { ERROR_HEADER, fromImgix, type Middleware, signedUrls } from 'imgsign/express'
import * as fastify from 'imgsign/fastify'
import { createImages, type ImgProps } from 'imgsign/next'
import { publicLoader } from 'imgsign/next/client'

const signer = new Signer('imgix', 'key')
const guard: Middleware = signedUrls({ signer, now: () => 1_700_000_000 })
const origin: Middleware = fromImgix({ signatureKey: 'k', basicAuth: { username: 'u', password: 'p' } })
const header: 'X-Imgsign-Error' = ERROR_HEADER
http.createServer((req, res) => guard(req, res, () => origin(req, res, () => res.end(header))))

const plugin: (instance: unknown, options: fastify.SignedUrlsOptions) => Promise<void> = fastify.signedUrls
void plugin
void fastify.fromImgix

const builder = new UrlBuilder('demo.imgix.net', { key: 'key' })
const target: string = builder.requestTarget('/a b.jpg', 'w=1&s=0')
const images = createImages({ builder, getImageProps: (props) => ({ props: { src: String(props.src) } }) })
const props: ImgProps = images.imageProps({ src: '/a.jpg', width: 100, params: { fit: 'crop' } })
const url: string =
  images.loader({ src: '/a.jpg', width: 640 }) + publicLoader({ prefix: '/img' })({ src: '/a.jpg', width: 1 })
const route: (request: Request) => Response = images.redirect({ prefix: '/img', allowParams: ['fit'] })
void [target, props, url, route]
