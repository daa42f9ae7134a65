// Server-side rendering with signed image URLs: every request renders a page whose <img>
// tags carry signed src and srcset attributes, built by one UrlBuilder.
//
//   IMGSIGN_KEY=... node server.mjs        # then open http://127.0.0.1:3000/
import http from 'node:http'
import { UrlBuilder } from 'imgsign'

const PHOTOS = [
  { path: '/photos/harbour at dawn.jpg', alt: 'Harbour at dawn', params: { fit: 'crop', ar: '16:9' } },
  { path: '/photos/café/ünïcode.png', alt: 'Café', params: { auto: 'format,compress' } },
  { path: '/photos/portrait.jpg', alt: 'Portrait', params: { w: 320, h: 400, fit: 'facearea' } },
]

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])

export function renderPage(builder, query) {
  const quality = Number(query.get('q') ?? 75)
  const figures = PHOTOS.map(({ path, alt, params }) => {
    const p = { ...params, q: quality }
    const src = builder.buildUrl(path, { ...p, w: p.w ?? 800 })
    const srcset = builder.buildSrcset(path, p, { maxWidth: 2400 })
    return `  <figure>
    <img src="${escapeHtml(src)}" srcset="${escapeHtml(srcset)}" sizes="(max-width: 800px) 100vw, 800px" alt="${escapeHtml(alt)}">
    <figcaption>${escapeHtml(alt)}</figcaption>
  </figure>`
  })
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Gallery</title></head>
<body>
<h1>Gallery</h1>
${figures.join('\n')}
</body>
</html>
`
}

export function createServer({ domain, key, provider = 'imgix' }) {
  // One builder for the process: the key's hash state is prepared once.
  const builder = new UrlBuilder(domain, { provider, key })
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n')
      return
    }
    try {
      const html = renderPage(builder, url.searchParams)
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html)
    } catch (e) {
      // imgsign errors carry a stable .code and never contain the key.
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`error: ${e.code ?? 'internal'}\n`)
    }
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const key = process.env.IMGSIGN_KEY
  if (!key) {
    console.error('set IMGSIGN_KEY to your imgix secure URL token')
    process.exit(2)
  }
  const server = createServer({ domain: process.env.IMGSIGN_DOMAIN ?? 'demo.imgix.net', key })
  const port = Number(process.env.PORT ?? 3000)
  server.listen(port, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}/`))
}
