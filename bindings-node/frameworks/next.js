// Next.js (App Router) helpers (`imgsign/next`): signed `src`/`srcSet` for `<img>` and
// `next/image` through Next's own `getImageProps` and a signing loader, and a route handler
// that redirects a keyless public path to its signed URL, so client components work without
// the key.
//
// This module imports neither Next nor the native core: the builder and `getImageProps` are
// handed in by the app, from a server-only module of its own:
//
//   // lib/images.js
//   import 'server-only'
//   import { getImageProps } from 'next/image'
//   import { UrlBuilder } from 'imgsign'
//   import { createImages } from 'imgsign/next'
//   export const images = createImages({ builder: new UrlBuilder(domain, { key }), getImageProps })
//
//   images.imageProps({ src: '/a.jpg', width: 800, height: 600, alt: '', params: { fit: 'crop' } })
//   // -> the props of <img>: src and srcSet signed, sizes, width, height, ...
//   // app/img/[...path]/route.js
//   export const GET = images.redirect({ prefix: '/img' })
//
//   // in a client component: no key, no core (imgsign/next/client is plain JavaScript)
//   import { publicLoader } from 'imgsign/next/client'
//   <Image loader={publicLoader({ prefix: '/img' })} src="/a.jpg" width={800} height={600} alt="" />
//
// Widths come from Next (its `deviceSizes`/`imageSizes` and the image's `width`); each URL is
// one entry of the core's srcset at that width, so the width param and its encoding are the
// core's for every provider. Next's `quality` is not used: give `q` (or your provider's
// quality param) in `params`.

// The signed URL of `src` at `width`, with `params`: the core's one-width srcset entry.
function urlAt(builder, src, width, params) {
  const entry = builder.buildSrcset(src, params ?? null, { widths: [width] })
  return entry.slice(0, entry.lastIndexOf(' '))
}

function createImages(options) {
  // A builder, or the source of a Sources set (its builder, under its path prefix).
  const builder = options?.sources ? options.sources.source(options.source) : options?.builder
  if (!builder || typeof builder.buildSrcset !== 'function') {
    throw new TypeError('imgsign: createImages() needs { builder } or { sources, source }')
  }
  const getImageProps = options.getImageProps

  // A `next/image` loader signing every width, with fixed params.
  const loaderWith =
    (params) =>
    ({ src, width }) =>
      urlAt(builder, src, width, params)

  return {
    builder,
    loader: loaderWith(undefined),
    loaderWith,
    imageProps({ params, ...props }) {
      if (typeof getImageProps !== 'function') {
        throw new TypeError('imgsign: createImages() was given no getImageProps (import it from next/image)')
      }
      return getImageProps({ ...props, loader: loaderWith(params) }).props
    },
    // A route handler `GET(request)`: `${prefix}/<path>?<params>` is answered with a 302 to
    // the signed URL of `<path>` with those params; `width=<n>` (as `publicLoader` writes it)
    // picks the width. Only the params named in `allowParams` pass, when it is given.
    redirect({ prefix = '', allowParams } = {}) {
      const allowed = allowParams ? new Set(allowParams) : null
      return function GET(request) {
        const url = new URL(request.url)
        if (!url.pathname.startsWith(`${prefix}/`)) return new Response('not found', { status: 404 })
        let path
        try {
          path = decodeURIComponent(url.pathname.slice(prefix.length))
        } catch {
          return new Response('malformed_url', { status: 400 })
        }
        const params = []
        let width = null
        for (const [k, v] of url.searchParams) {
          if (k === 'width') width = Number(v)
          else if (!allowed || allowed.has(k)) params.push([k, v])
        }
        let location
        try {
          location = width === null ? builder.buildUrl(path, params) : urlAt(builder, path, width, params)
        } catch (e) {
          const code = typeof e?.code === 'string' ? e.code : 'internal'
          return new Response(code, { status: 400, headers: { 'X-Imgsign-Error': code } })
        }
        return new Response(null, { status: 302, headers: { Location: location } })
      }
    },
  }
}

module.exports = { createImages }
