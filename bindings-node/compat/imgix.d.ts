// Types of `imgsign/compat/imgix`, a drop-in for @imgix/js-core 3.8.0 (the shapes of its own
// declarations).

export interface ImgixClientOptions {
  domain: string
  useHTTPS?: boolean
  includeLibraryParam?: boolean
  secureURLToken?: string | null
}

export type ImgixParamValue = string | number | boolean | null | undefined
export type ImgixParams = Record<string, ImgixParamValue | object | bigint>

export interface BuildURLOptions {
  disablePathEncoding?: boolean
}

export interface SrcSetOptions {
  widths?: number[]
  widthTolerance?: number
  minWidth?: number
  maxWidth?: number
  disableVariableQuality?: boolean
  devicePixelRatios?: number[]
  variableQualities?: Record<number | string, number>
  disablePathEncoding?: boolean
}

export declare class ImgixClient {
  readonly settings: {
    domain: string
    useHTTPS: boolean
    includeLibraryParam: boolean
    urlPrefix: string
    secureURLToken: string | null
    libraryParam?: string
  }
  constructor(opts: ImgixClientOptions)
  static version(): string
  buildURL(path?: string, params?: ImgixParams, options?: BuildURLOptions): string
  buildSrcSet(path: string, params?: ImgixParams, options?: SrcSetOptions): string
  static targetWidths(
    minWidth?: number,
    maxWidth?: number,
    widthTolerance?: number,
    cache?: Record<string, number[]>,
  ): number[]
}

export default ImgixClient
