// Types of imgsign/next.
import type { Params, Sources, UrlBuilder } from '../index'

/** What `next/image`'s `getImageProps` takes and gives, as far as imgsign uses it. */
export type GetImageProps = (props: Record<string, unknown> & { loader: ImageLoader }) => {
  props: ImgProps
}
/** A `next/image` loader. */
export type ImageLoader = (p: { src: string; width: number; quality?: number }) => string
/** The props of an `<img>` element, as `getImageProps` returns them. */
export interface ImgProps {
  src: string
  srcSet?: string
  sizes?: string
  width?: number
  height?: number
  [prop: string]: unknown
}

/** Options of `createImages`. */
export interface CreateImagesOptions {
  /** The builder that signs (it holds the key: keep it in server-only code). */
  builder?: UrlBuilder
  /** Or a set of sources, and the name of the source to build with. */
  sources?: Sources
  source?: string
  /** `getImageProps` from `next/image`. */
  getImageProps?: GetImageProps
}

/** Options of `images.redirect`. */
export interface RedirectOptions {
  /** The route's path prefix (`/img` for `app/img/[...path]/route.js`). */
  prefix?: string
  /** The only query params passed on (all when not given). */
  allowParams?: string[]
}

/** The helpers `createImages` returns. */
export interface Images {
  builder: UrlBuilder
  /** A loader signing every width. */
  loader: ImageLoader
  /** A loader signing every width, with these params. */
  loaderWith(params?: Params | null): ImageLoader
  /** `getImageProps` with a signing loader: `src` and `srcSet` signed. */
  imageProps(props: Record<string, unknown> & { src: string; params?: Params | null }): ImgProps
  /** A route handler answering a keyless public path with a 302 to its signed URL. */
  redirect(options?: RedirectOptions): (request: Request) => Response
}

/** The Next.js helpers over one builder. */
export declare function createImages(options: CreateImagesOptions): Images
