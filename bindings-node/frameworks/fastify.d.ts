// Types of imgsign/fastify.
import type { FromImgixOptions, SignedUrlsOptions } from './express'

export type { FromImgixOptions, SignedUrlsOptions } from './express'

/** A Fastify plugin that adds an `onRequest` hook to the context registering it. */
// biome-ignore lint/suspicious/noExplicitAny: any Fastify instance type fits.
export type Plugin<Options> = (instance: any, options: Options) => Promise<void>

/** Serves only requests whose target carries a valid signature: 403, or 410 once expired. */
export declare const signedUrls: Plugin<SignedUrlsOptions>
/** Serves only requests from imgix (origin signature, Basic auth, handshake): 403 or 401. */
export declare const fromImgix: Plugin<FromImgixOptions>
/** `X-Imgsign-Error`: the header that carries the error code of a refused request. */
export declare const ERROR_HEADER: 'X-Imgsign-Error'
