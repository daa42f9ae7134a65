// Type-checked with `tsc --noEmit --strict` (never run): uses the whole public API through the
// package's own entry point, as a TypeScript user imports it.

import type { IncomingHttpHeaders } from 'node:http'
import {
  argumentErrorCode,
  errorCodes,
  type Headers,
  type ImgsignError,
  type ImgsignErrorCode,
  isImgsignError,
  isProfileName,
  isProviderName,
  type Params,
  type ProfileDefaults,
  type ProfileName,
  type ProviderName,
  profileDefaults,
  profileNames,
  providerNames,
  Signer,
  type SignerOptions,
  type SignUrlOptions,
  type SrcsetOptions,
  signOriginRequest,
  targetWidths,
  UrlBuilder,
  type UrlBuilderOptions,
  type VerifyOriginRequestOptions,
  verifyBasicAuth,
  verifyOriginRequest,
  verifyOriginSecret,
  version,
} from 'imgsign'
import ImgixClient, { type SrcSetOptions as ImgixSrcSetOptions } from 'imgsign/compat/imgix'

const signerOptions: SignerOptions = { previousKeys: ['old'] }
const signer: Signer = new Signer('imgix', 'key', signerOptions)
const provider: string = signer.provider
const signUrlOptions: SignUrlOptions = { expiresIn: 60, now: 1_700_000_000 }
const one: string = signer.signUrl('https://demo.imgix.net/a.jpg', signUrlOptions)
const two: string = signer.signUrl('https://demo.imgix.net/a.jpg', { expires: 1_800_000_000 })
const many: string[] = signer.signUrls([one, two])
signer.verifyUrl(one)
signer.verifyUrl(one, { now: 1_700_000_000 })
const json: { provider: string } = signer.toJSON()

const builderOptions: UrlBuilderOptions = {
  provider: 'imgix',
  key: null,
  profile: 'canonical',
  useHttps: true,
  includeLibraryParam: false,
  disablePathEncoding: false,
}
const builder = new UrlBuilder('demo.imgix.net', builderOptions)
const info: { domain: string; provider: string; profile: string; isSigned: boolean } = builder.toJSON()
const isSigned: boolean = builder.isSigned
const domain: string = builder.domain
const url: string = builder.buildUrl('/a.jpg', { w: 400, fit: 'crop', flip: true, mark: null, x: undefined })
const url2: string = builder.buildUrl('/a.jpg', new Map<string, string | number>([['w', 400]]))
const url3: string = builder.buildUrl('/a.jpg')
const urls: string[] = builder.buildUrls([['/a.jpg', { w: 1 }], ['/b.jpg'], ['/c.jpg', null]])
const srcsetOptions: SrcsetOptions = {
  widths: [100, 200],
  minWidth: 100,
  maxWidth: 8192,
  tolerance: 0.08,
  devicePixelRatios: [1, 2],
  variableQualities: { '1': 80, '1.5': 60 },
  disableVariableQuality: false,
}
const srcset: string = builder.buildSrcset('/a.jpg', { w: 300 }, srcsetOptions)
const srcset2: string = builder.buildSrcset('/a.jpg', null, { variableQualities: new Map([[1, 80]]) })
const widths: number[] = targetWidths()
const widths2: number[] = targetWidths(100, 1000, 0.1)
const header: string = signOriginRequest('key', 'request-id', 1_700_000_000)
const headers: IncomingHttpHeaders = { 'x-imgix-signature': header }
const originOptions: VerifyOriginRequestOptions = { now: 1_700_000_000, tolerance: 300 }
verifyOriginRequest('key', headers, originOptions)
verifyOriginRequest('key', new Map([['X-Imgix-Signature', header]]))
verifyBasicAuth('user', 'pass', headers)
verifyOriginSecret('secret', headers)
const v: string = version()
const params: Params = [
  ['w', 1],
  ['w', 2],
]
const pairs: string = builder.buildUrl('/a.jpg', params)
const someHeaders: Headers = new Map([['x-imgix-origin-secret', 's']])
verifyOriginSecret('s', someHeaders)
const code: ImgsignErrorCode | null = argumentErrorCode('signUrl', 'url')

try {
  new Signer('imgix', '')
} catch (e) {
  if (isImgsignError(e)) {
    const typed: ImgsignErrorCode = e.code
    const asError: ImgsignError = e
    void [typed, asError]
  }
}

// The js-core drop-in and the mobile-era additions.
const client = new ImgixClient({
  domain: 'demo.imgix.net',
  secureURLToken: 'key',
  includeLibraryParam: false,
})
const jsUrl: string = client.buildURL(
  '/a.jpg',
  { w: 400, flip: true, q: null },
  { disablePathEncoding: false },
)
const jsSrcsetOptions: ImgixSrcSetOptions = { widths: [100, 200], widthTolerance: 0.1 }
const jsSrcset: string = client.buildSrcSet('/a.jpg', {}, jsSrcsetOptions)
const jsWidths: number[] = ImgixClient.targetWidths(100, 400, 0.1, {})
const jsVersion: string = ImgixClient.version()
const mobile = new UrlBuilder('demo.imgix.net', { profile: 'imgix-swift', key: 'key' })
const rebuilt: string = mobile.reconstruct('https://demo.imgix.net/a.jpg?w=1', { w: 390, dpr: 3 })
const verbatim: string = mobile.buildUrl('/a%20b.jpg', null, { disablePathEncoding: true })
const pythonWidths: number[] = targetWidths(103, 200, 0.25, 'imgix-python')
// Names are the core's literal unions: a typo is a compile error, a string is narrowed first.
const providers: ProviderName[] = providerNames()
const profiles: ProfileName[] = profileNames()
const codes: ImgsignErrorCode[] = errorCodes()
const jsDefaults: ProfileDefaults | undefined = profileDefaults().find((d) => d.profile === 'imgix-js')
const defaultMin: number | null | undefined = jsDefaults?.minWidth
const jsLibraryVersion: string | undefined = jsDefaults?.libraryVersion
const builtProvider: ProviderName = builder.provider
const builtProfile: ProfileName = builder.profile
const name: string = 'gumlet'
if (isProviderName(name)) new Signer(name, 'key')
if (isProfileName(name)) new UrlBuilder('demo.imgix.net', { profile: name })
// @ts-expect-error: not a provider name of the core
new Signer('imgx', 'key')
// @ts-expect-error: not a profile name of the core
new UrlBuilder('demo.imgix.net', { profile: 'imgix_js' })
// @ts-expect-error: a plain string is not a ProviderName
new Signer(name as string, 'key')
void [providers, profiles, codes, defaultMin, jsLibraryVersion, builtProvider, builtProfile]

void [
  jsUrl,
  jsSrcset,
  jsWidths,
  jsVersion,
  rebuilt,
  verbatim,
  pythonWidths,
  provider,
  many,
  json,
  info,
  isSigned,
  pairs,
  code,
  domain,
  url,
  url2,
  url3,
  urls,
  srcset,
  srcset2,
  widths,
  widths2,
  v,
]
