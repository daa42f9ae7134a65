// The JavaScript side of imgsign's WebAssembly build: the same classes and functions as
// the native addon, over one module instance. Each runtime's entry file in this folder
// instantiates `imgsign.wasm` the way that runtime allows and passes its exports here.
//
// A call writes its arguments into the module's memory as tagged values (the wire format
// of bindings-wasm/src/wire.rs): each value's JavaScript type and contents, nothing
// interpreted. The module converts, validates and runs the call, and writes back the
// result or an error code and message, which become the same `Error` with `.code` that the
// native addon throws. No rule lives here.
//
// This file has no imports and one export statement (the last line), so that the build
// can also emit it as CommonJS (glue.cjs) for `require()`.

const T_UNDEFINED = 0
const T_NULL = 1
const T_FALSE = 2
const T_TRUE = 3
const T_NUMBER = 4
const T_STRING = 5
const T_ARRAY = 6
const T_MAP = 7
const T_OBJECT = 8
const T_FUNCTION = 9
const T_SYMBOL = 10
const T_BIGINT = 11
const T_DEEP = 12
const T_ASCII = 13
const T_ILL_FORMED = 14

// Operation numbers (bindings-wasm/src/api.rs, `op`).
const OP_SIGNER_NEW = 1
const OP_SIGN_URL = 2
const OP_SIGN_URLS = 3
const OP_VERIFY_URL = 4
const OP_BUILDER_NEW = 5
const OP_BUILD_URL = 6
const OP_BUILD_URLS = 7
const OP_BUILD_SRCSET = 8
const OP_TARGET_WIDTHS = 9
const OP_SIGN_ORIGIN_REQUEST = 10
const OP_VERIFY_ORIGIN_REQUEST = 11
const OP_VERIFY_BASIC_AUTH = 12
const OP_VERIFY_ORIGIN_SECRET = 13
const OP_VERSION = 14
const OP_FREE = 15
const OP_NOOP = 16
const OP_VERIFY = 17
const OP_ARGUMENT_ERROR_CODE = 18
const OP_NAMES = 19
const OP_SIGN_TOKEN = 20
const OP_VERIFY_TOKEN = 21
const OP_SOURCES_NEW = 22
const OP_SOURCES_SIGN_URL = 23
const OP_SOURCES_SIGN_URLS = 24
const OP_SOURCES_VERIFY_URL = 25
const OP_SOURCES_VERIFY = 26
const OP_SOURCE = 27
const OP_REQUEST_TARGET = 28
const OP_RECONSTRUCT = 29
const OP_PROFILE_DEFAULTS = 30

// Containers carry their item count and byte length (the module reads them lazily).
// Deeper than any argument is read (buildUrls items: array > item > params > pair > value);
// a deeper object is written as its type only, so a cyclic value cannot recurse forever.
const MAX_DEPTH = 6

// Strings up to this length are copied in a loop (see `strAt`).
const SHORT = 32

// Decodes UTF-8 from a memory buffer: `textReader(buffer)(start, end, ascii)`, where
// `ascii` says the bytes are ASCII (a result the module tagged so, such as every URL it
// builds or signs). An entry file may pass a faster one (Node's Buffer); TextDecoder is the
// portable default. For ASCII it decodes as windows-1252 (the 'latin1' label), which is the
// identity on ASCII bytes and skips UTF-8 validation: about 2.5x faster in V8. A runtime
// whose TextDecoder knows only UTF-8 uses it for both.
function latin1Decoder() {
  try {
    return new TextDecoder('latin1')
  } catch {
    return null
  }
}
// UTF-8 for every result, for runtimes whose TextDecoder has a fast path for UTF-8 only
// (per 110-character URL: Deno 0.5 µs against 1.3-1.9 µs for windows-1252, workerd about
// 0.2 against 0.4 µs; Chromium is the other way round, by about 10 %).
function utf8TextReader(buffer) {
  const decoder = new TextDecoder()
  const bytes = new Uint8Array(buffer)
  return (start, end) => decoder.decode(bytes.subarray(start, end))
}
function defaultTextReader(buffer) {
  const decoder = new TextDecoder()
  const ascii = latin1Decoder() ?? decoder
  const bytes = new Uint8Array(buffer)
  return (start, end, isAscii) => (isAscii ? ascii : decoder).decode(bytes.subarray(start, end))
}

// Whether a string is well-formed UTF-16 (no lone surrogate).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const wellFormed =
  typeof String.prototype.isWellFormed === 'function'
    ? (s) => s.isWellFormed()
    : (s) => !LONE_SURROGATE.test(s)

// The low-level caller: encodes arguments, runs one operation, decodes its result.
function createCaller(exports, textReader = defaultTextReader) {
  const memory = exports.memory
  const input = exports.isg_input
  const call = exports.isg_call
  const encoder = new TextEncoder()
  let u8 = new Uint8Array(memory.buffer)
  let dv = new DataView(memory.buffer)
  let text = textReader(memory.buffer)
  let cap = 1 << 16
  let base = input(cap)
  let pos = 0 // write offset from `base`
  let rp = 0 // read address

  // Growing memory detaches the old buffer (its views read as empty).
  function views() {
    if (u8.byteLength === 0) {
      u8 = new Uint8Array(memory.buffer)
      dv = new DataView(memory.buffer)
      text = textReader(memory.buffer)
    }
  }

  function ensure(n) {
    if (pos + n <= cap) return
    let c = cap * 2
    while (c < pos + n) c *= 2
    base = input(c) // keeps what is written so far
    cap = c
    views()
  }

  // Each writer below is called after `ensure` made room for what it writes.
  function put(b) {
    u8[base + pos++] = b
  }

  function putU32(n) {
    dv.setUint32(base + pos, n, true)
    pos += 4
  }

  // A number value (room: 9).
  function putNum(x) {
    const at = base + pos
    u8[at] = T_NUMBER
    dv.setFloat64(at + 1, x, true)
    pos += 9
  }

  // A string value at address `at` (room: 5 + 3 * length), returning the address after it:
  // its tag, UTF-8 length and bytes. A short string is copied in a loop while it is ASCII
  // (a loop beats encodeInto's fixed cost up to about 30 characters in V8); a longer one,
  // and whatever follows a non-ASCII character, goes through encodeInto. A string with a
  // lone surrogate (which has no UTF-8 form: encodeInto writes U+FFFD) is tagged as such,
  // for the module to refuse it.
  function strAt(s, at) {
    const n = s.length
    const b = u8
    let p = at + 5
    let i = 0
    if (n <= SHORT) {
      for (; i < n; i++) {
        const c = s.charCodeAt(i)
        if (c > 0x7f) break
        b[p++] = c
      }
    }
    b[at] = T_STRING
    if (i < n) {
      const rest = i === 0 ? s : s.slice(i)
      const written = encoder.encodeInto(rest, b.subarray(p, p + 3 * (n - i))).written
      // Every UTF-16 unit is one UTF-8 byte only when the string is ASCII.
      if (written !== n - i && !wellFormed(rest)) b[at] = T_ILL_FORMED
      p += written
    }
    dv.setUint32(at + 1, p - at - 5, true)
    return p
  }

  function putStr(s) {
    pos = strAt(s, base + pos) - base
  }

  function val(v, depth) {
    const type = typeof v
    if (type === 'string') {
      ensure(5 + 3 * v.length)
      putStr(v)
      return
    }
    ensure(9)
    if (type === 'number') {
      putNum(v)
    } else if (type === 'boolean') {
      put(v ? T_TRUE : T_FALSE)
    } else if (type === 'undefined') {
      put(T_UNDEFINED)
    } else if (v === null) {
      put(T_NULL)
    } else if (type === 'function') {
      put(T_FUNCTION)
    } else if (type === 'symbol') {
      put(T_SYMBOL)
    } else if (type === 'bigint') {
      put(T_BIGINT)
    } else if (depth >= MAX_DEPTH) {
      put(T_DEEP)
    } else if (Array.isArray(v)) {
      const n = v.length
      put(T_ARRAY)
      putU32(n)
      const at = pos
      putU32(0)
      for (let i = 0; i < n; i++) val(v[i], depth + 1)
      dv.setUint32(base + at, pos - at - 4, true)
    } else {
      object(v, depth)
    }
  }

  // Enumerable string keys in for-in order (what the native addon reads); an object
  // without any that is a Map is read as its entries.
  function object(v, depth) {
    const start = pos
    ensure(9)
    put(T_OBJECT)
    pos += 8 // count and byte length, written below
    let n = 0
    for (const k in v) {
      // The usual params (a string or a number for a key) in one step, without `val`.
      const x = v[k]
      if (typeof x === 'string') {
        ensure(10 + 3 * (k.length + x.length))
        pos = strAt(x, strAt(k, base + pos)) - base
      } else if (typeof x === 'number') {
        ensure(14 + 3 * k.length)
        const p = strAt(k, base + pos)
        u8[p] = T_NUMBER
        dv.setFloat64(p + 1, x, true)
        pos = p + 9 - base
      } else {
        ensure(5 + 3 * k.length)
        putStr(k)
        val(x, depth + 1)
      }
      n++
    }
    if (n === 0 && v instanceof Map) {
      u8[base + start] = T_MAP
      for (const [k, x] of v) {
        val(k, depth + 1)
        val(x, depth + 1)
        n++
      }
    }
    dv.setUint32(base + start + 1, n, true)
    dv.setUint32(base + start + 5, pos - start - 9, true)
  }

  function read() {
    const t = u8[rp++]
    if (t === T_ASCII || t === T_STRING || t === T_ILL_FORMED) {
      const n = dv.getUint32(rp, true)
      const at = rp + 4
      rp = at + n
      return text(at, rp, t === T_ASCII)
    }
    if (t === T_NUMBER) {
      const x = dv.getFloat64(rp, true)
      rp += 8
      return x
    }
    if (t === T_ARRAY) {
      const n = dv.getUint32(rp, true)
      rp += 8 // count, byte length
      const a = new Array(n)
      for (let i = 0; i < n; i++) a[i] = read()
      return a
    }
    if (t === T_UNDEFINED) return undefined
    if (t === T_NULL) return null
    if (t === T_TRUE) return true
    if (t === T_FALSE) return false
    throw new Error('imgsign: unexpected result from the WebAssembly module')
  }

  return {
    // Starts a call with `n` arguments; then `arg(v)` each.
    begin(n) {
      views()
      pos = 0
      ensure(4)
      putU32(n)
    },
    arg(v) {
      val(v, 0)
    },
    // Runs `op` on `handle`; returns the result or throws the coded Error.
    run(op, handle) {
      const out = call(op, handle, pos)
      views()
      rp = out + 5
      if (u8[out + 4] === 0) return read()
      const code = read()
      const error = new Error(read())
      error.code = code
      throw error
    },
  }
}

// The public API (the same names, shapes and errors as the native addon).
function createApi(exports, textReader) {
  const c = createCaller(exports, textReader)
  const clock = () => Math.floor(Date.now() / 1000)
  const registry =
    typeof FinalizationRegistry === 'function'
      ? new FinalizationRegistry((handle) => {
          c.begin(0)
          c.run(OP_FREE, handle)
        })
      : null

  class Signer {
    #handle
    #shown
    #provider
    constructor(provider, key, options) {
      c.begin(3)
      c.arg(provider)
      c.arg(key)
      c.arg(options)
      const [handle, shown, name] = c.run(OP_SIGNER_NEW, 0)
      this.#handle = handle
      this.#shown = shown
      this.#provider = name
      if (registry) registry.register(this, handle)
    }
    get provider() {
      return this.#provider
    }
    signUrl(url, options) {
      const h = this.#handle
      c.begin(3)
      c.arg(url)
      c.arg(options)
      c.arg(options == null ? undefined : clock())
      return c.run(OP_SIGN_URL, h)
    }
    signUrls(urls, options) {
      const h = this.#handle
      c.begin(3)
      c.arg(urls)
      c.arg(options)
      c.arg(options == null ? undefined : clock())
      return c.run(OP_SIGN_URLS, h)
    }
    verifyUrl(url, options) {
      const h = this.#handle
      c.begin(3)
      c.arg(url)
      c.arg(options)
      c.arg(clock())
      c.run(OP_VERIFY_URL, h)
    }
    verify(target, options) {
      const h = this.#handle
      c.begin(3)
      c.arg(target)
      c.arg(options)
      c.arg(clock())
      c.run(OP_VERIFY, h)
    }
    signToken(options) {
      const h = this.#handle
      c.begin(2)
      c.arg(options)
      c.arg(options == null ? undefined : clock())
      return c.run(OP_SIGN_TOKEN, h)
    }
    verifyToken(token, options) {
      const h = this.#handle
      c.begin(3)
      c.arg(token)
      c.arg(options)
      c.arg(clock())
      c.run(OP_VERIFY_TOKEN, h)
    }
    toString() {
      return this.#shown
    }
    toJSON() {
      return { provider: this.#provider }
    }
  }

  // What `new UrlBuilder` is given by `Sources#source` instead of a domain: the module's
  // answer for a builder it already made.
  const MADE = {}

  class UrlBuilder {
    #handle
    #shown
    #domain
    #provider
    #profile
    #signed
    #pathPrefix
    constructor(domain, options, made) {
      let answer = made
      if (domain !== MADE) {
        c.begin(2)
        c.arg(domain)
        c.arg(options)
        answer = c.run(OP_BUILDER_NEW, 0)
      }
      const [handle, shown, d, provider, profile, signed, pathPrefix] = answer
      this.#handle = handle
      this.#shown = shown
      this.#domain = d
      this.#provider = provider
      this.#profile = profile
      this.#signed = signed
      this.#pathPrefix = pathPrefix
      if (registry) registry.register(this, handle)
    }
    get domain() {
      return this.#domain
    }
    get provider() {
      return this.#provider
    }
    get profile() {
      return this.#profile
    }
    get isSigned() {
      return this.#signed
    }
    get pathPrefix() {
      return this.#pathPrefix
    }
    buildUrl(path, params, options) {
      const h = this.#handle
      c.begin(3)
      c.arg(path)
      c.arg(params)
      c.arg(options)
      return c.run(OP_BUILD_URL, h)
    }
    reconstruct(originalUrl, params) {
      const h = this.#handle
      c.begin(2)
      c.arg(originalUrl)
      c.arg(params)
      return c.run(OP_RECONSTRUCT, h)
    }
    requestTarget(path, query) {
      const h = this.#handle
      c.begin(2)
      c.arg(path)
      c.arg(query)
      return c.run(OP_REQUEST_TARGET, h)
    }
    buildUrls(items) {
      const h = this.#handle
      c.begin(1)
      c.arg(items)
      return c.run(OP_BUILD_URLS, h)
    }
    buildSrcset(path, params, options) {
      const h = this.#handle
      c.begin(3)
      c.arg(path)
      c.arg(params)
      c.arg(options)
      return c.run(OP_BUILD_SRCSET, h)
    }
    toString() {
      return this.#shown
    }
    toJSON() {
      return {
        domain: this.#domain,
        provider: this.#provider,
        profile: this.#profile,
        isSigned: this.#signed,
      }
    }
  }

  class Sources {
    #handle
    #shown
    #names
    constructor(sources) {
      c.begin(1)
      c.arg(sources)
      const [handle, shown, names] = c.run(OP_SOURCES_NEW, 0)
      this.#handle = handle
      this.#shown = shown
      this.#names = names
      if (registry) registry.register(this, handle)
    }
    get names() {
      return this.#names.slice()
    }
    source(name) {
      const h = this.#handle
      c.begin(1)
      c.arg(name)
      return new UrlBuilder(MADE, undefined, c.run(OP_SOURCE, h))
    }
    signUrl(url, options) {
      const h = this.#handle
      c.begin(3)
      c.arg(url)
      c.arg(options)
      c.arg(options == null ? undefined : clock())
      return c.run(OP_SOURCES_SIGN_URL, h)
    }
    signUrls(urls, options) {
      const h = this.#handle
      c.begin(3)
      c.arg(urls)
      c.arg(options)
      c.arg(options == null ? undefined : clock())
      return c.run(OP_SOURCES_SIGN_URLS, h)
    }
    verifyUrl(url, options) {
      const h = this.#handle
      c.begin(3)
      c.arg(url)
      c.arg(options)
      c.arg(clock())
      c.run(OP_SOURCES_VERIFY_URL, h)
    }
    verify(target, host, options) {
      const h = this.#handle
      c.begin(4)
      c.arg(target)
      c.arg(host)
      c.arg(options)
      c.arg(clock())
      c.run(OP_SOURCES_VERIFY, h)
    }
    toString() {
      return this.#shown
    }
    toJSON() {
      return { names: this.names }
    }
  }

  function targetWidths(minWidth, maxWidth, tolerance, profile) {
    c.begin(4)
    c.arg(minWidth)
    c.arg(maxWidth)
    c.arg(tolerance)
    c.arg(profile)
    return c.run(OP_TARGET_WIDTHS, 0)
  }

  function signOriginRequest(key, requestId, timestamp) {
    c.begin(3)
    c.arg(key)
    c.arg(requestId)
    c.arg(timestamp)
    return c.run(OP_SIGN_ORIGIN_REQUEST, 0)
  }

  function verifyOriginRequest(key, headers, options) {
    c.begin(4)
    c.arg(key)
    c.arg(headers)
    c.arg(options)
    c.arg(clock())
    c.run(OP_VERIFY_ORIGIN_REQUEST, 0)
  }

  function verifyBasicAuth(username, password, headers) {
    c.begin(3)
    c.arg(username)
    c.arg(password)
    c.arg(headers)
    c.run(OP_VERIFY_BASIC_AUTH, 0)
  }

  function verifyOriginSecret(secret, headers) {
    c.begin(2)
    c.arg(secret)
    c.arg(headers)
    c.run(OP_VERIFY_ORIGIN_SECRET, 0)
  }

  function argumentErrorCode(operation, argument) {
    c.begin(2)
    c.arg(operation)
    c.arg(argument)
    return c.run(OP_ARGUMENT_ERROR_CODE, 0)
  }

  function version() {
    c.begin(0)
    return c.run(OP_VERSION, 0)
  }

  // The core's lists, read once; each call returns a fresh copy. The guards are the same as
  // index.js gives the native addon.
  c.begin(0)
  const [providers, profiles, codes] = c.run(OP_NAMES, 0)
  const providerSet = new Set(providers)
  const profileSet = new Set(profiles)
  const codeSet = new Set(codes)
  const providerNames = () => providers.slice()
  const profileNames = () => profiles.slice()
  const errorCodes = () => codes.slice()
  // Every profile's defaults, read once; each call returns fresh objects.
  c.begin(0)
  const defaults = c.run(OP_PROFILE_DEFAULTS, 0)
  const profileDefaults = () =>
    defaults.map(
      ([profile, minWidth, maxWidth, tolerance, libraryParam, libraryVersion, includeLibraryParam]) => ({
        profile,
        minWidth,
        maxWidth,
        tolerance,
        libraryParam,
        libraryVersion,
        includeLibraryParam,
      }),
    )
  const isImgsignError = (e) => e instanceof Error && typeof e.code === 'string' && codeSet.has(e.code)
  const isProviderName = (name) => typeof name === 'string' && providerSet.has(name)
  const isProfileName = (name) => typeof name === 'string' && profileSet.has(name)

  return {
    Signer,
    UrlBuilder,
    Sources,
    targetWidths,
    signOriginRequest,
    verifyOriginRequest,
    verifyBasicAuth,
    verifyOriginSecret,
    version,
    argumentErrorCode,
    providerNames,
    profileNames,
    profileDefaults,
    errorCodes,
    isImgsignError,
    isProviderName,
    isProfileName,
  }
}

// What an entry file throws when the engine refuses the module (an engine older than the
// features it needs: WebAssembly SIMD and reference types): which engines run it, with the
// engine's own error as the cause. Any other error is returned as it is.
function compileError(error) {
  if (!(error instanceof WebAssembly.CompileError)) return error
  return new Error(
    'imgsign: this JavaScript engine cannot compile the WebAssembly build, which needs ' +
      'WebAssembly SIMD and reference types (Node 18+, Deno, Bun, Cloudflare Workers, ' +
      `Chrome and Edge 96+, Firefox 89+, Safari 16.4+): ${error.message}`,
    { cause: error },
  )
}

// For the benchmark only: the cost of one call through the glue with these arguments,
// doing nothing in the module.
function createNoop(exports, textReader) {
  const c = createCaller(exports, textReader)
  return function noop(...args) {
    c.begin(args.length)
    for (const a of args) c.arg(a)
    return c.run(OP_NOOP, 0)
  }
}

export { compileError, createApi, createNoop, utf8TextReader }
