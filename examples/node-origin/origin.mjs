// An image origin that checks two things before serving:
//  - /signed/...: the request target must carry a valid signature (and unexpired `expires`),
//    checked with Signer.verify against the current and previous keys, on `req.url` as the
//    request line carried it (the signature covers the path and query only);
//  - /proxy/...: the request must come from imgix (Web Proxy source), checked with the
//    X-Imgix-Signature headers via verifyOriginRequest.
// Anything else, or any failed check, is 403 with the stable error code in the body.
//
//   IMGSIGN_KEY=... IMGSIGN_ORIGIN_KEY=... node origin.mjs
import http from 'node:http'
import { Signer, verifyOriginRequest } from 'imgsign'

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

export function createHandler({ provider = 'imgix', key, previousKeys = [], originKey, now = () => undefined }) {
  const signer = new Signer(provider, key, { previousKeys })
  return (req, res) => {
    const deny = (code) => res.writeHead(403, { 'content-type': 'text/plain' }).end(`forbidden: ${code}\n`)
    try {
      if (req.url?.startsWith('/signed/')) {
        // The request target exactly as received: no URL to rebuild, no host to know.
        signer.verify(req.url, { now: now() })
      } else if (req.url?.startsWith('/proxy/')) {
        // Node's req.headers (lowercase names) is accepted as it is.
        verifyOriginRequest(originKey, req.headers, { now: now() })
      } else {
        return deny('unknown_route')
      }
    } catch (e) {
      return deny(e.code ?? 'internal')
    }
    res.writeHead(200, { 'content-type': 'image/gif', 'content-length': PIXEL.length }).end(PIXEL)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const key = process.env.IMGSIGN_KEY
  const originKey = process.env.IMGSIGN_ORIGIN_KEY
  if (!key || !originKey) {
    console.error('set IMGSIGN_KEY and IMGSIGN_ORIGIN_KEY')
    process.exit(2)
  }
  const port = Number(process.env.PORT ?? 8080)
  const server = http.createServer(createHandler({ key, originKey }))
  server.listen(port, '127.0.0.1', () => console.log(`origin on http://127.0.0.1:${server.address().port}/`))
}
