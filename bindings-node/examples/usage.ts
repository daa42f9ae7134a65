// The README's usage example: type-checked with `tsc --strict` and run by
// bindings-node/scripts/test.sh (scripts/readme_examples.py keeps the README's copy equal).
import assert from 'node:assert/strict'
import {
  isImgsignError,
  isProviderName,
  type Params,
  Signer,
  Sources,
  targetWidths,
  UrlBuilder,
} from 'imgsign'

// region readme
const builder = new UrlBuilder('demo.imgix.net', { key: 'FOO123bar', profile: 'canonical' })
const url = builder.buildUrl('/photos/a b.jpg', { w: 400, fit: 'crop' })
assert.match(url, /^https:\/\/demo\.imgix\.net\/photos\/a%20b\.jpg\?fit=crop&w=400&s=[0-9a-f]{32}$/)
const params: Params = { w: 400, dpr: 2, flip: true, mark: null } // null and undefined drop a param
builder.buildUrl('/a.jpg', params)
builder.buildSrcset('/photos/a.jpg', { fit: 'crop' }) // fluid: 100w ... 8192w
builder.buildSrcset('/photos/a.jpg', { w: 400 }) // fixed: 1x ... 5x
builder.buildSrcset('/photos/a.jpg', null, { widths: [320, 640], variableQualities: { 1: 80 } })
builder.buildUrls([['/a.jpg', { w: 100 }], ['/b.jpg']]) // [path, params?] pairs, one native call

const signer = new Signer('pixta', 'wakanda123@', { previousKeys: [] })
const signed = signer.signUrl(
  'https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop',
)
assert.equal(signed.slice(-35), '&s=7d0d58f62c945d0ca08269205228bbe7')
signer.signUrl(signed, { expiresIn: 3600 }) // or { expires: <UNIX seconds> }
signer.verifyUrl(signed) // returns nothing, throws on failure

try {
  signer.verifyUrl(signed.replace('w=400', 'w=401'))
  assert.fail('a tampered URL verified')
} catch (e) {
  if (!isImgsignError(e)) throw e
  assert.equal(e.code, 'signature_mismatch') // e.code: ImgsignErrorCode, a union of the core's codes
}

// An image URL an API returned, sized for this screen and signed again; a call's own options.
builder.reconstruct('https://demo.imgix.net/a.jpg?fit=crop', { w: 390, dpr: 2 })
builder.buildUrl('/a%20b.jpg', null, { disablePathEncoding: true })
assert.deepEqual(targetWidths(103, 200, 0.25, 'imgix-python'), [103, 154, 200]) // a profile's own widths

// Provider and profile names are literal unions; a name read from configuration is checked first.
const configured: string = process.env.IMAGE_CDN ?? 'imgix'
if (!isProviderName(configured)) throw new Error(`not a provider: ${configured}`)
new Signer(configured, 'FOO123bar')
// endregion readme

// region sources
const sources = new Sources({
  shop: { domain: 'demo.imgix.net', provider: 'imgix', key: process.env.SHOP_KEY ?? 'FOO123bar' },
  archive: { domain: 'demo.imgix.net', pathPrefix: '/archive', key: 'Arch1veKey', previousKeys: ['0ld'] },
  books: { domain: 'image.pvnservices.com', provider: 'pixta', key: 'wakanda123@' },
})
const book = sources.signUrl('https://image.pvnservices.com/books/a.jpg?w=400') // chosen by host and path
sources.verifyUrl(book)
const built = sources.source('archive').buildUrl('/archive/2019/a.jpg', { w: 800 }) // paths under its prefix
sources.verify(built.slice('https://demo.imgix.net'.length), 'demo.imgix.net') // req.url and req.headers.host
assert.throws(() => sources.signUrl('https://unknown.example.com/a.jpg'), { code: 'unknown_source' })
// endregion sources
