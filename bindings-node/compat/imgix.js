// `imgsign/compat/imgix`: a drop-in for @imgix/js-core 3.8.0, byte for byte. Replace
//   const ImgixClient = require('@imgix/js-core')   (or import ImgixClient from ...)
// with
//   const ImgixClient = require('imgsign/compat/imgix')
// and every URL and srcset stays the same. The class takes js-core's arguments in js-core's
// shapes and calls imgsign's `imgix-js` profile: every rule (encoding, key order, value
// printing, srcset, defaults) is the core's, this file only converts argument shapes. What
// differs is in docs/migrate-imgix-js.md (errors are imgsign's coded errors, an empty
// secureURLToken is an error, a signed URL is written as clients send it, a `.`/`..` path
// segment is refused, the `encoder` option is not supported).

const { UrlBuilder, targetWidths, profileDefaults } = require('../index.js')

const PROFILE = 'imgix-js'
// The profile's version and srcset defaults are the core's (js-core's own, pinned by the
// vectors).
const DEFAULTS = profileDefaults().find((d) => d.profile === PROFILE)

// js-core writes any value with encodeURIComponent, which converts it with String(): the
// types imgsign takes pass as they are (the profile prints them as JavaScript does), any other
// object or a bigint as its String().
function value(v) {
  if (v === null || v === undefined) return v
  const t = typeof v
  if (t === 'string' || t === 'number' || t === 'boolean') return v
  return String(v)
}

function params(p) {
  if (p === null || p === undefined) return p
  if (typeof p !== 'object' || Array.isArray(p) || p instanceof Map) return p
  const out = {}
  for (const key of Object.keys(p)) out[key] = value(p[key])
  return out
}

function noEncoder(options) {
  if (options && options.encoder !== undefined) {
    const e = new Error('options.encoder: a custom encoder is not supported (imgsign encodes by its profile)')
    e.code = 'invalid_param'
    throw e
  }
}

// js-core reads its boolean options by truthiness.
function flag(v) {
  return v === undefined ? undefined : Boolean(v)
}

class ImgixClient {
  constructor(opts = {}) {
    const { secureURLToken = null, ...rest } = opts
    this.settings = {
      domain: null,
      useHTTPS: true,
      includeLibraryParam: DEFAULTS.includeLibraryParam,
      urlPrefix: 'https://',
      ...rest,
    }
    // The token is read as js-core has it (`settings.secureURLToken`) but is not enumerable,
    // so printing, logging or serialising the client or its settings never shows it.
    Object.defineProperty(this.settings, 'secureURLToken', {
      value: secureURLToken,
      writable: true,
      configurable: true,
      enumerable: false,
    })
    this.targetWidthsCache = {}
    // The settings merged as js-core merges them (an option given as undefined is falsy).
    this._builder = new UrlBuilder(this.settings.domain, {
      profile: PROFILE,
      key: this.settings.secureURLToken,
      useHttps: Boolean(this.settings.useHTTPS),
      includeLibraryParam: Boolean(this.settings.includeLibraryParam),
    })
    if (this.settings.includeLibraryParam) this.settings.libraryParam = DEFAULTS.libraryParam
    this.settings.urlPrefix = this.settings.useHTTPS ? 'https://' : 'http://'
  }

  static version() {
    return DEFAULTS.libraryVersion
  }

  buildURL(rawPath = '', p = {}, options = {}) {
    noEncoder(options)
    return this._builder.buildUrl(rawPath, params(p), {
      disablePathEncoding: flag(options?.disablePathEncoding),
    })
  }

  buildSrcSet(path, p = {}, options = {}) {
    noEncoder(options)
    const o = options || {}
    return this._builder.buildSrcset(path, params(p), {
      widths: o.widths,
      minWidth: o.minWidth,
      maxWidth: o.maxWidth,
      tolerance: o.widthTolerance,
      devicePixelRatios: o.devicePixelRatios,
      variableQualities: o.variableQualities,
      disableVariableQuality: flag(o.disableVariableQuality),
      disablePathEncoding: flag(o.disablePathEncoding),
    })
  }

  // js-core memoizes the widths in `cache` under `${tolerance}/${min}/${max}`, the defaults
  // filled in first (an argument given as undefined takes its default, as in js-core).
  static targetWidths(
    minWidth = DEFAULTS.minWidth,
    maxWidth = DEFAULTS.maxWidth,
    widthTolerance = DEFAULTS.tolerance,
    cache = {},
  ) {
    const cacheKey = `${widthTolerance}/${Math.floor(minWidth)}/${Math.floor(maxWidth)}`
    if (cache && cacheKey in cache) return cache[cacheKey]
    const widths = targetWidths(minWidth, maxWidth, widthTolerance, PROFILE)
    if (cache) cache[cacheKey] = widths
    return widths
  }
}

module.exports = ImgixClient
module.exports.default = ImgixClient
module.exports.ImgixClient = ImgixClient
