// Types of imgsign/express.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Signer, Sources } from '../index'

/** Options of `signedUrls`: a `signer`, or a `sources` set (and the `source` to verify with). */
export interface SignedUrlsOptions {
  /** The signer whose signatures (and previous keys) are accepted: any provider. */
  signer?: Signer
  /** A set of sources: the one `source` names verifies, or the one the Host header picks. */
  sources?: Sources
  /** The name of the source of `sources` whose URLs this route serves. */
  source?: string
  /** The clock for `expires`, UNIX seconds (not given or `undefined`: the system clock). */
  now?: () => number | undefined
}

/** Options of `fromImgix`: each check that is given runs, in this order. */
export interface FromImgixOptions {
  /** The Web Proxy source's signing key: `X-Imgix-Signature` headers are checked. */
  signatureKey?: string
  /** Accepted clock difference of the origin signature, seconds (not given: the core's default). */
  tolerance?: number
  /** The `Authorization: Basic` credentials imgix sends. */
  basicAuth?: { username: string; password: string }
  /** The `X-Imgix-Origin-Secret` handshake value. */
  originSecret?: string
}

/** A Connect/Express middleware. */
export type Middleware = (
  req: IncomingMessage & { originalUrl?: string },
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void

/** Serves only requests whose target carries a valid signature: 403, or 410 once expired. */
export declare function signedUrls(options: SignedUrlsOptions): Middleware
/** Serves only requests from imgix (origin signature, Basic auth, handshake): 403 or 401. */
export declare function fromImgix(options: FromImgixOptions): Middleware
/** `X-Imgsign-Error`: the header that carries the error code of a refused request. */
export declare const ERROR_HEADER: 'X-Imgsign-Error'
