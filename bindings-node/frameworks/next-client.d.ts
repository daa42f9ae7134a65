// Types of imgsign/next/client.
import type { ImageLoader } from './next'

/** A loader writing the keyless public path (`${prefix}${src}?width=<n>`) the redirect route answers. */
export declare function publicLoader(options?: { prefix?: string }): ImageLoader
