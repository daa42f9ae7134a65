// Type check (tsc --noEmit): `imgsign/wasm` has the same types as `imgsign`, so code written
// against one compiles against the other.
import * as native from 'imgsign'
import * as wasm from 'imgsign/wasm'
import { Signer, type SrcsetOptions, UrlBuilder, type UrlBuilderOptions } from 'imgsign/wasm'

const options: UrlBuilderOptions = { key: 'k', profile: 'imgix-js' }
const b: native.UrlBuilder = new UrlBuilder('demo.imgix.net', options)
const s: native.Signer = new Signer('pixta', 'wakanda123@')
const srcset: SrcsetOptions = { widths: [100, 200], variableQualities: new Map([[1, 80]]) }
const url: string = b.buildUrl('/a.jpg', { w: 400, fit: 'crop' })
const set: string = b.buildSrcset('/a.jpg', null, srcset)
const signed: string[] = s.signUrls([url])
const widths: number[] = wasm.targetWidths(100, 800)
const same: typeof native.verifyOriginRequest = wasm.verifyOriginRequest
const defaults: native.ProfileDefaults[] = wasm.profileDefaults()
const alsoSame: typeof wasm.Signer = native.Signer
void [set, signed, widths, same, defaults, alsoSame]
