// Runtime-neutral checks, run unchanged in Node, Deno, Bun, workerd, the Edge Runtime and
// Chromium: no imports, plain ECMAScript. Each runtime gives `runAll` the package it loaded
// and the data the harness prepared (the conformance vectors and the differential cases
// whose expected outcomes the native addon and @imgix/js-core computed in Node).

// The same calls as bindings-node/__test__/vectors.test.mjs, kind by kind. An unknown kind
// fails.
function builder(m, i) {
  return new m.UrlBuilder(i.domain, {
    provider: i.provider,
    key: i.key,
    salt: i.salt,
    options: i.options,
    profile: i.profile,
    useHttps: i.use_https,
    includeLibraryParam: i.include_library_param,
    disablePathEncoding: i.disable_path_encoding,
  })
}

// A vector's signer: sign_* vectors have no previous keys.
function signerOf(m, i) {
  return new m.Signer(i.provider, i.key, {
    previousKeys: i.previous_keys,
    salt: i.salt,
    previousSalts: i.previous_salts,
    options: i.options,
  })
}

// A `sources` vector's set, as [name, source] pairs (a name may repeat, in order).
function sourcesOf(m, list) {
  return new m.Sources(
    list.map((s) => [
      s.name,
      {
        domain: s.domain,
        pathPrefix: s.path_prefix,
        provider: s.provider,
        key: s.key,
        previousKeys: s.previous_keys,
        salt: s.salt,
        previousSalts: s.previous_salts,
        options: s.options,
        profile: s.profile,
        useHttps: s.use_https,
        includeLibraryParam: s.include_library_param,
        disablePathEncoding: s.disable_path_encoding,
      },
    ]),
  )
}

// A `sources` batch's options: the given ones only.
const batchOptions = (i) =>
  Object.fromEntries(
    [
      ['expires', i.expires],
      ['expiresIn', i.expires_in],
      ['now', i.now],
    ].filter(([, v]) => v !== null),
  )

const SOURCES = {
  sign_url: (set, i) => set.signUrl(i.url, i.expires === null ? undefined : { expires: i.expires }),
  sign_urls: (set, i) => set.signUrls(i.urls, batchOptions(i)),
  verify_url: (set, i) => set.verifyUrl(i.url, { now: i.now }) ?? null,
  verify: (set, i) => set.verify(i.target, i.host, { now: i.now }) ?? null,
  build_url: (set, i) => set.source(i.name).buildUrl(i.path, i.params),
}

function runSources(m, i) {
  const op = SOURCES[i.op]
  if (!op) throw new Error(`unknown sources op ${JSON.stringify(i.op)}`)
  return op(sourcesOf(m, i.sources), i)
}

function outcome(f) {
  try {
    return { value: f() }
  } catch (error) {
    return { error, code: error?.code }
  }
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b)
}

// argument_error: a real call of the operation with valid values for every argument but one.
const K = 'FOO123bar'
const BASE = {
  signer: { provider: 'imgix', key: K, previous_keys: [], salt: undefined, previous_salts: [], options: {} },
  sign_url: { url: 'https://demo.imgix.net/a.jpg', expires: undefined, expires_in: 60, now: 0, values: {} },
  sign_urls: {
    urls: ['https://demo.imgix.net/a.jpg'],
    expires: undefined,
    expires_in: 60,
    now: 0,
    values: {},
  },
  verify_url: { url: 'https://demo.imgix.net/a.jpg?s=0', now: 0, values: {} },
  verify: { target: '/a.jpg?s=0', now: 0, values: {} },
  sign_token: { expires: undefined, expires_in: 60, now: 0, values: {} },
  verify_token: { token: 'exp=1~hmac=00', now: 0, values: {} },
  url_builder: {
    domain: 'demo.imgix.net',
    provider: 'imgix',
    key: K,
    profile: 'canonical',
    use_https: true,
    include_library_param: false,
    disable_path_encoding: false,
    salt: undefined,
    options: {},
  },
  build_url: { path: '/a.jpg', params: { w: 1 }, disable_path_encoding: undefined },
  build_urls: { items: undefined, path: '/a.jpg', params: { w: 1 } },
  build_srcset: {
    path: '/a.jpg',
    params: { w: 1 },
    widths: undefined,
    min_width: 100,
    max_width: 200,
    tolerance: 0.1,
    device_pixel_ratios: [1],
    variable_qualities: { 1: 50 },
    disable_variable_quality: false,
    disable_path_encoding: undefined,
  },
  target_widths: { min_width: 100, max_width: 200, tolerance: 0.1, profile: 'canonical' },
  reconstruct: { original_url: 'https://demo.imgix.net/a.jpg?w=1', params: { h: 2 } },
  sign_origin_request: { key: K, request_id: 'r', timestamp: 1 },
  verify_origin_request: { key: K, headers: { 'X-Imgix-Signature': 'v1,00' }, now: 0, tolerance: 300 },
  verify_basic_auth: { username: 'u', password: 'p', headers: { Authorization: 'Basic dTpw' } },
  verify_origin_secret: { secret: 's', headers: { 'X-Imgix-Origin-Secret': 's' } },
  request_target: { path: '/a.jpg', query: 's=0' },
  sources: {
    name: 'a',
    domain: 'demo.imgix.net',
    path_prefix: '/x',
    key: K,
    previous_keys: [],
    use_https: true,
  },
  source: { name: 'a' },
}
const CALL = {
  signer: (m, a) =>
    new m.Signer(a.provider, a.key, {
      previousKeys: a.previous_keys,
      salt: a.salt,
      previousSalts: a.previous_salts,
      options: a.options,
    }),
  sign_url: (m, a) =>
    new m.Signer('imgix', K).signUrl(a.url, {
      expires: a.expires,
      expiresIn: a.expires_in,
      now: a.now,
      values: a.values,
    }),
  sign_urls: (m, a) =>
    new m.Signer('imgix', K).signUrls(a.urls, {
      expires: a.expires,
      expiresIn: a.expires_in,
      now: a.now,
      values: a.values,
    }),
  verify_url: (m, a) => new m.Signer('imgix', K).verifyUrl(a.url, { now: a.now, values: a.values }),
  verify: (m, a) => new m.Signer('imgix', K).verify(a.target, { now: a.now, values: a.values }),
  sign_token: (m, a) =>
    new m.Signer('imgix', K).signToken({
      expires: a.expires,
      expiresIn: a.expires_in,
      now: a.now,
      values: a.values,
    }),
  verify_token: (m, a) => new m.Signer('imgix', K).verifyToken(a.token, { now: a.now, values: a.values }),
  url_builder: (m, a) =>
    new m.UrlBuilder(a.domain, {
      provider: a.provider,
      key: a.key,
      salt: a.salt,
      options: a.options,
      profile: a.profile,
      useHttps: a.use_https,
      includeLibraryParam: a.include_library_param,
      disablePathEncoding: a.disable_path_encoding,
    }),
  build_url: (m, a) =>
    new m.UrlBuilder('demo.imgix.net', { key: K }).buildUrl(a.path, a.params, {
      disablePathEncoding: a.disable_path_encoding,
    }),
  reconstruct: (m, a) => new m.UrlBuilder('demo.imgix.net', { key: K }).reconstruct(a.original_url, a.params),
  build_urls: (m, a) =>
    new m.UrlBuilder('demo.imgix.net', { key: K }).buildUrls(
      a.items !== undefined ? a.items : [[a.path, a.params]],
    ),
  build_srcset: (m, a) =>
    new m.UrlBuilder('demo.imgix.net', { key: K }).buildSrcset(a.path, a.params, {
      widths: a.widths,
      minWidth: a.min_width,
      maxWidth: a.max_width,
      tolerance: a.tolerance,
      devicePixelRatios: a.device_pixel_ratios,
      variableQualities: a.variable_qualities,
      disableVariableQuality: a.disable_variable_quality,
      disablePathEncoding: a.disable_path_encoding,
    }),
  target_widths: (m, a) => m.targetWidths(a.min_width, a.max_width, a.tolerance, a.profile),
  sign_origin_request: (m, a) => m.signOriginRequest(a.key, a.request_id, a.timestamp),
  verify_origin_request: (m, a) =>
    m.verifyOriginRequest(a.key, a.headers, { now: a.now, tolerance: a.tolerance }),
  verify_basic_auth: (m, a) => m.verifyBasicAuth(a.username, a.password, a.headers),
  verify_origin_secret: (m, a) => m.verifyOriginSecret(a.secret, a.headers),
  request_target: (m, a) => new m.UrlBuilder('demo.imgix.net', { key: K }).requestTarget(a.path, a.query),
  sources: (m, a) =>
    new m.Sources([
      [
        a.name,
        {
          domain: a.domain,
          pathPrefix: a.path_prefix,
          key: a.key,
          previousKeys: a.previous_keys,
          useHttps: a.use_https,
        },
      ],
    ]),
  source: (m, a) => new m.Sources({ a: { domain: 'demo.imgix.net', key: K } }).source(a.name),
}

// A lone surrogate inside the argument's value, wherever it holds strings.
function illFormed(v) {
  const bad = 'x\uD800y'
  if (v === undefined) return bad
  if (typeof v === 'string') return v + bad
  if (Array.isArray(v)) return [...v, bad]
  return Object.keys(v).length === 0 ? { [bad]: 1 } : { ...v, [Object.keys(v)[0]]: bad }
}

function argumentError(m, i) {
  const base = BASE[i.operation]
  if (!base || !(i.argument in base)) throw new Error(`${i.operation} has no argument ${i.argument}`)
  const value = i.problem === 'ill_formed_string' ? illFormed(base[i.argument]) : Symbol('wrong type')
  try {
    CALL[i.operation](m, { ...base, [i.argument]: value })
  } catch (e) {
    if (m.argumentErrorCode(i.operation, i.argument) !== e.code)
      throw new Error(`argumentErrorCode disagrees with ${e.code}`)
    if (String(e.message).includes('\uD800')) throw new Error('the value is shown')
    throw e
  }
  return 'no error'
}

const RUN = {
  sign_url: (m, i) => {
    const signer = signerOf(m, i)
    return i.expires === null && Object.keys(i.values).length === 0
      ? signer.signUrl(i.url)
      : signer.signUrl(i.url, { expires: i.expires, values: i.values })
  },
  verify_url: (m, i) => signerOf(m, i).verifyUrl(i.url, { now: i.now, values: i.values }) ?? null,
  sign_token: (m, i) => signerOf(m, i).signToken({ expires: i.expires, values: i.values }),
  verify_tampered: (m, i) => {
    const signer = signerOf(m, i)
    const options = { now: i.now, values: i.values }
    signer.verifyUrl(i.url, options)
    for (const [start, end] of i.ranges) {
      for (let at = start; at < end; at++) {
        // The byte changed: `a` becomes `b`, anything else `a` (the URLs are ASCII).
        const changed = i.url.slice(0, at) + (i.url[at] === 'a' ? 'b' : 'a') + i.url.slice(at + 1)
        const got = outcome(() => signer.verifyUrl(changed, options))
        if (!got.error) throw new Error(`byte ${at} changed, the URL still verifies: ${changed}`)
        if (!i.codes.includes(got.code))
          throw new Error(`byte ${at} changed: ${got.code}, expected one of ${i.codes}`)
      }
    }
    return null
  },
  verify_token: (m, i) => signerOf(m, i).verifyToken(i.token, { now: i.now, values: i.values }) ?? null,
  sources: runSources,
  build_url: (m, i) => {
    if (i.call_disable_path_encoding != null) {
      return builder(m, i).buildUrl(i.path, i.params, { disablePathEncoding: i.call_disable_path_encoding })
    }
    const url = outcome(() => builder(m, i).buildUrl(i.path, i.params))
    // The same params as a plain object (where an object can express them: unique keys, no
    // integer-like key that JavaScript would reorder) and as a Map must agree.
    const keys = i.params.map(([k]) => k)
    if (new Set(keys).size === keys.length && !keys.some((k) => /^(0|[1-9][0-9]*)$/.test(k))) {
      for (const [shape, params] of [
        ['object', Object.fromEntries(i.params)],
        ['Map', new Map(i.params)],
      ]) {
        const other = outcome(() => builder(m, i).buildUrl(i.path, params))
        if (!same([other.value, other.code], [url.value, url.code])) {
          throw new Error(
            `params as ${shape} disagree with pairs: ${JSON.stringify([other.value, other.code])}`,
          )
        }
      }
    }
    if (url.error) throw url.error
    return url.value
  },
  build_srcset: (m, i) =>
    builder(m, i).buildSrcset(i.path, i.params, {
      widths: i.widths,
      minWidth: i.min_width,
      maxWidth: i.max_width,
      tolerance: i.tolerance,
      devicePixelRatios: i.device_pixel_ratios,
      variableQualities: i.variable_qualities === null ? null : new Map(i.variable_qualities),
      disableVariableQuality: i.disable_variable_quality,
      disablePathEncoding: i.call_disable_path_encoding,
    }),
  reconstruct: (m, i) => builder(m, i).reconstruct(i.original_url, i.params),
  verify: (m, i) => signerOf(m, i).verify(i.target, { now: i.now, values: i.values }) ?? null,
  argument_error: argumentError,
  request_target: (m, i) => builder(m, i).requestTarget(i.path, i.query),
  target_widths: (m, i) => m.targetWidths(i.min_width, i.max_width, i.tolerance, i.profile),
  sign_origin_request: (m, i) => m.signOriginRequest(i.key, i.request_id, i.timestamp),
  verify_origin_request: (m, i) =>
    m.verifyOriginRequest(i.key, i.headers, { now: i.now, tolerance: i.tolerance }) ?? null,
  verify_basic_auth: (m, i) => m.verifyBasicAuth(i.username, i.password, i.headers) ?? null,
  verify_origin_secret: (m, i) => m.verifyOriginSecret(i.secret, i.headers) ?? null,
  profile_defaults: (m, i) => profileDefaults(m, i.profile),
}

// The entry of `profileDefaults()` for `profile`, its field names in the vectors' snake_case.
function profileDefaults(m, profile) {
  const found = m.profileDefaults().filter((d) => d.profile === profile)
  if (found.length !== 1) throw new Error(`${found.length} profileDefaults entries for ${profile}`)
  return Object.fromEntries(
    Object.entries(found[0]).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
  )
}

function checkVector(m, v) {
  const run = RUN[v.kind]
  if (!run) throw new Error(`unknown vector kind ${JSON.stringify(v.kind)}`)
  if ('expected' in v === 'error' in v) throw new Error('exactly one of expected/error')
  const got = outcome(() => run(m, v.input))
  if ('error' in v) {
    if (!got.error) throw new Error(`expected error ${v.error}, got ${JSON.stringify(got.value)}`)
    if (!(got.error instanceof Error)) throw new Error('the thrown value is not an Error')
    if (got.code !== v.error)
      throw new Error(`expected code ${v.error}, got ${got.code}: ${got.error.message}`)
  } else {
    if (got.error)
      throw new Error(`expected ${JSON.stringify(v.expected)}, threw ${got.code}: ${got.error.message}`)
    if (!same(got.value, v.expected))
      throw new Error(`expected ${JSON.stringify(v.expected)}, got ${JSON.stringify(got.value)}`)
  }
}

// Differential cases are JSON; these markers stand for what JSON cannot carry.
function revive(x) {
  if (Array.isArray(x)) return x.map(revive)
  if (x === null || typeof x !== 'object') return x
  if ('$map' in x) return new Map(revive(x.$map))
  if ('$undefined' in x) return undefined
  if ('$number' in x) return Number(x.$number) // NaN, Infinity, -Infinity, -0
  const o = {}
  for (const k of Object.keys(x)) o[k] = revive(x[k])
  return o
}

// One differential case: a constructor and a call, as the generator wrote them.
function execCase(m, c) {
  const a = revive(c.args)
  switch (c.op) {
    case 'buildUrl':
    case 'buildUrls':
    case 'buildSrcset': {
      const b = new m.UrlBuilder(...revive(c.ctor))
      return b[c.op](...a)
    }
    case 'signUrl':
    case 'signUrls':
    case 'verifyUrl': {
      const s = new m.Signer(...revive(c.ctor))
      return s[c.op](...a) ?? null
    }
    case 'targetWidths':
    case 'signOriginRequest':
    case 'verifyOriginRequest':
    case 'verifyBasicAuth':
    case 'verifyOriginSecret':
      return m[c.op](...a) ?? null
    default:
      throw new Error(`unknown differential op ${c.op}`)
  }
}

function checkCase(m, c) {
  const got = outcome(() => execCase(m, c))
  const want = c.expected
  if ('code' in want) {
    if (!got.error) throw new Error(`expected error ${want.code}, got ${JSON.stringify(got.value)}`)
    if (!(got.error instanceof Error)) throw new Error('the thrown value is not an Error')
    if (got.code !== want.code)
      throw new Error(`expected code ${want.code}, got ${got.code}: ${got.error.message}`)
  } else {
    if (got.error)
      throw new Error(`expected ${JSON.stringify(want.value)}, threw ${got.code}: ${got.error.message}`)
    if (!same(got.value, want.value))
      throw new Error(`expected ${JSON.stringify(want.value)}, got ${JSON.stringify(got.value)}`)
  }
  if ('jscore' in c && !same(got.value, c.jscore)) {
    throw new Error(`@imgix/js-core gives ${JSON.stringify(c.jscore)}, got ${JSON.stringify(got.value)}`)
  }
}

// The public face, beyond the vectors: the documented example, secrecy, error shape.
const API_CHECKS = {
  'pixta example signs and verifies': (m) => {
    const url = 'https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop'
    const s = new m.Signer('pixta', 'wakanda123@')
    const signed = s.signUrl(url)
    if (signed !== `${url}&s=7d0d58f62c945d0ca08269205228bbe7`) throw new Error(signed)
    if (!same(s.signUrls([url, url]), [signed, signed])) throw new Error('signUrls')
    s.verifyUrl(signed)
  },
  'the key never shows': (m) => {
    const key = 'SuperSecretKey987'
    const s = new m.Signer('imgix', key, { previousKeys: ['OldSecretKey654'] })
    const b = new m.UrlBuilder('demo.imgix.net', { key })
    for (const obj of [s, b]) {
      for (const text of [
        JSON.stringify(obj),
        String(obj),
        `${obj}`,
        Object.keys(obj).join(),
        Object.getOwnPropertyNames(obj).join(),
      ]) {
        if (text.includes(key) || text.includes('OldSecretKey654')) throw new Error(text)
      }
    }
    if (JSON.stringify(s) !== '{"provider":"imgix"}') throw new Error(JSON.stringify(s))
    if (String(b) !== 'UrlBuilder(imgix, demo.imgix.net)') throw new Error(String(b))
    if (
      !same(b.toJSON(), { domain: 'demo.imgix.net', provider: 'imgix', profile: 'canonical', isSigned: true })
    )
      throw new Error('toJSON')
    if (
      s.provider !== 'imgix' ||
      b.domain !== 'demo.imgix.net' ||
      b.isSigned !== true ||
      b.profile !== 'canonical'
    )
      throw new Error('getters')
  },
  'errors are Error instances with a code and no key in the message': (m) => {
    const secret = ' very-secret-key'
    const e = outcome(() => new m.Signer('imgix', secret)).error
    if (!(e instanceof Error) || e.code !== 'invalid_key' || e.message.includes('very-secret-key'))
      throw new Error(String(e))
    const t = outcome(() => new m.UrlBuilder(42)).error
    if (!(t instanceof Error) || t.code !== 'invalid_domain') throw new Error(String(t?.code))
  },
  'the clock is read where no now is given': (m) => {
    const s = new m.Signer('imgix', 'FOO123bar')
    const url = 'https://demo.imgix.net/a.jpg'
    const soon = s.signUrl(url, { expiresIn: 3600 })
    s.verifyUrl(soon)
    s.verify(soon.slice('https://demo.imgix.net'.length))
    const past = s.signUrl(url, { expires: 1000 })
    const e = outcome(() => s.verifyUrl(past)).error
    if (e?.code !== 'expired') throw new Error(`expired URL: ${e?.code}`)
    const now = Math.floor(Date.now() / 1000)
    const sig = m.signOriginRequest('origin-key-123', 'req-1', now)
    m.verifyOriginRequest('origin-key-123', {
      'x-imgix-signature': sig,
      'x-imgix-signature-timestamp': String(now),
      'x-imgix-signature-request-id': 'req-1',
    })
  },
  'a cyclic or deep value is an error, not a hang': (m) => {
    const b = new m.UrlBuilder('demo.imgix.net')
    const cyclic = []
    cyclic.push(cyclic)
    const e1 = outcome(() => b.buildUrls(cyclic)).error
    if (e1?.code !== 'invalid_url') throw new Error(String(e1?.code))
    const self = {}
    self.self = self
    const e2 = outcome(() => b.buildUrl('/a.jpg', self)).error
    if (e2?.code !== 'invalid_param') throw new Error(String(e2?.code))
  },
  'many objects and large inputs': (m) => {
    const b = new m.UrlBuilder('demo.imgix.net', { key: 'FOO123bar' })
    const long = `${'x'.repeat(20000)}é`
    const big = b.buildUrl('/a.jpg', { txt: long })
    if (!big.includes(`${'x'.repeat(20000)}%C3%A9`) || big !== b.buildUrl('/a.jpg', [['txt', long]]))
      throw new Error('large input')
    new m.Signer('imgix', 'FOO123bar').verifyUrl(big)
    for (let i = 0; i < 3000; i++) new m.Signer('gumlet', `k${i}`).signUrl('https://x.gumlet.io/a.jpg')
  },
  'strings of every length around the glue copy loop limit arrive intact': (m) => {
    // The wasm glue copies short strings in a loop and longer ones with encodeInto.
    const b = new m.UrlBuilder('demo.imgix.net')
    for (let n = 1; n <= 70; n++) {
      for (const at of [0, n >> 1, n - 1]) {
        const chars = Array.from({ length: n }, (_, i) => (i === at ? 'é' : 'x'))
        const s = chars.join('')
        const want = chars.map((c) => (c === 'é' ? '%C3%A9' : c)).join('')
        const ascii = 'x'.repeat(n)
        if (b.buildUrl('/a.jpg', { t: s }) !== `https://demo.imgix.net/a.jpg?t=${want}`)
          throw new Error(`value of ${n} characters, é at ${at}`)
        if (b.buildUrl('/a.jpg', { [s]: ascii }) !== `https://demo.imgix.net/a.jpg?${want}=${ascii}`)
          throw new Error(`key of ${n} characters, é at ${at}`)
        const lone = chars.map((c) => (c === 'é' ? '\ud800' : c)).join('')
        for (const params of [{ t: lone }, { [lone]: 1 }]) {
          const e = outcome(() => b.buildUrl('/a.jpg', params)).error
          if (e?.code !== 'invalid_param') throw new Error(`lone surrogate in ${n} characters: ${e?.code}`)
        }
      }
    }
  },
}

function runAll(m, data) {
  const report = { passed: 0, failed: 0, failures: [], counts: { vectors: 0, differential: 0, api: 0 } }
  const check = (group, name, f) => {
    report.counts[group]++
    try {
      f()
      report.passed++
    } catch (e) {
      report.failed++
      if (report.failures.length < 20) report.failures.push(`${group} ${name}: ${e?.message}`)
    }
  }
  if (data.vectors.schema_version !== 1 || !(data.vectors.vectors.length > 0)) {
    check('vectors', 'schema', () => {
      throw new Error('vectors file is not schema 1 or is empty')
    })
  }
  for (const v of data.vectors.vectors) check('vectors', `${v.kind}: ${v.id}`, () => checkVector(m, v))
  for (const c of data.differential) check('differential', `${c.op} #${c.seed}`, () => checkCase(m, c))
  for (const [name, f] of Object.entries(API_CHECKS)) check('api', name, () => f(m))
  return report
}

export { execCase, RUN, revive, runAll }
