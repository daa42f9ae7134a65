//! Node bindings for imgsign (napi-rs).
//!
//! This crate converts JavaScript values into core types and core errors into JavaScript
//! `Error`s with a stable `.code`; every rule lives in the core crate.
#![allow(missing_docs)]

use imgsign::{BuilderOptions, ErrorCode, ParamValue, Profile, Provider, SignOptions, SrcsetOptions};
use napi::bindgen_prelude::{Array, Function, JsObjectValue, JsValue, Object, Unknown};
use napi::{Env, ValueType};
use napi_derive::napi;

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

/// The `.code` of a thrown error: one of the core's stable code strings.
pub struct Code(&'static str);

impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        self.0
    }
}

type Error = napi::Error<Code>;
type Result<T> = std::result::Result<T, Error>;

fn coded(code: ErrorCode, message: impl Into<String>) -> Error {
    napi::Error::new(Code(code.as_str()), message.into())
}

fn core(e: imgsign::Error) -> Error {
    coded(e.code(), e.message())
}

/// An error from the N-API layer itself (an exception thrown by a getter, a failed call);
/// its reason never holds a key because keys are never passed through napi calls that fail.
fn host(field: &str, code: ErrorCode) -> impl Fn(napi::Error) -> Error + '_ {
    move |e| coded(code, format!("{field}: {}", e.reason))
}

// ---------------------------------------------------------------------------------------
// Value conversion (type conversion only; the core validates every value)
// ---------------------------------------------------------------------------------------

fn type_name(t: ValueType) -> &'static str {
    match t {
        ValueType::Undefined => "undefined",
        ValueType::Null => "null",
        ValueType::Boolean => "a boolean",
        ValueType::Number => "a number",
        ValueType::String => "a string",
        ValueType::Symbol => "a symbol",
        ValueType::Object => "an object",
        ValueType::Function => "a function",
        ValueType::External => "an external",
        _ => "an unsupported value",
    }
}

fn value_type(v: &Unknown<'_>, field: &str, code: ErrorCode) -> Result<ValueType> {
    v.get_type().map_err(host(field, code))
}

fn is_nullish(t: ValueType) -> bool {
    matches!(t, ValueType::Undefined | ValueType::Null)
}

/// An optional argument: omitted, `undefined` and `null` are all "not given".
fn given<'e>(v: Option<Unknown<'e>>, field: &str, code: ErrorCode) -> Result<Option<Unknown<'e>>> {
    match v {
        Some(v) if !is_nullish(value_type(&v, field, code)?) => Ok(Some(v)),
        _ => Ok(None),
    }
}

fn to_string(v: Unknown<'_>, field: &str, code: ErrorCode) -> Result<String> {
    let t = value_type(&v, field, code)?;
    if t != ValueType::String {
        return Err(coded(code, format!("{field}: expected a string, got {}", type_name(t))));
    }
    <String as napi::bindgen_prelude::FromNapiValue>::from_unknown(v).map_err(host(field, code))
}

fn to_f64(v: Unknown<'_>, field: &str, code: ErrorCode) -> Result<f64> {
    let t = value_type(&v, field, code)?;
    if t != ValueType::Number {
        return Err(coded(code, format!("{field}: expected a number, got {}", type_name(t))));
    }
    <f64 as napi::bindgen_prelude::FromNapiValue>::from_unknown(v).map_err(host(field, code))
}

fn to_bool(v: Unknown<'_>, field: &str, code: ErrorCode) -> Result<bool> {
    let t = value_type(&v, field, code)?;
    if t != ValueType::Boolean {
        return Err(coded(code, format!("{field}: expected a boolean, got {}", type_name(t))));
    }
    <bool as napi::bindgen_prelude::FromNapiValue>::from_unknown(v).map_err(host(field, code))
}

/// A JS number that must be an integer in `i64` range (a timestamp, a duration).
fn to_i64(v: Unknown<'_>, field: &str, code: ErrorCode) -> Result<i64> {
    let f = to_f64(v, field, code)?;
    if !f.is_finite() || f.fract() != 0.0 || f.abs() > 9_007_199_254_740_991.0 {
        return Err(coded(code, format!("{field}: expected a safe integer")));
    }
    #[allow(clippy::cast_possible_truncation)]
    Ok(f as i64)
}

fn to_array<'e>(v: Unknown<'e>, field: &str, code: ErrorCode) -> Result<Array<'e>> {
    let t = value_type(&v, field, code)?;
    if t != ValueType::Object || !v.is_array().map_err(host(field, code))? {
        return Err(coded(code, format!("{field}: expected an array, got {}", type_name(t))));
    }
    <Array as napi::bindgen_prelude::FromNapiValue>::from_unknown(v).map_err(host(field, code))
}

fn array_items<'e>(a: &Array<'e>, field: &str, code: ErrorCode) -> Result<Vec<Unknown<'e>>> {
    (0..a.len())
        .map(|i| {
            a.get::<Unknown>(i)
                .map_err(host(field, code))?
                .ok_or_else(|| coded(code, format!("{field}[{i}]: missing")))
        })
        .collect()
}

fn string_list(v: Unknown<'_>, field: &str, code: ErrorCode) -> Result<Vec<String>> {
    let a = to_array(v, field, code)?;
    array_items(&a, field, code)?
        .into_iter()
        .enumerate()
        .map(|(i, item)| to_string(item, &format!("{field}[{i}]"), code))
        .collect()
}

/// A pair's key: a string, or a number (a `Map<number, number>` of ratios) written in its
/// shortest round-trip form so that the core can read it back exactly.
fn key_string(k: Unknown<'_>, field: &str, code: ErrorCode) -> Result<String> {
    if value_type(&k, field, code)? == ValueType::Number {
        return Ok(to_f64(k, field, code)?.to_string());
    }
    to_string(k, field, code)
}

/// `[key, value]` pairs from an array of 2-element arrays.
fn pair_items<'e>(pairs: &Array<'e>, field: &str, code: ErrorCode) -> Result<Vec<(String, Unknown<'e>)>> {
    array_items(pairs, field, code)?
        .into_iter()
        .enumerate()
        .map(|(i, pair)| {
            let at = format!("{field}[{i}]");
            let pair = to_array(pair, &at, code)?;
            if pair.len() != 2 {
                return Err(coded(code, format!("{at}: expected a [key, value] pair")));
            }
            let mut kv = array_items(&pair, &at, code)?.into_iter();
            let (Some(k), Some(val)) = (kv.next(), kv.next()) else {
                return Err(coded(code, format!("{at}: expected a [key, value] pair")));
            };
            Ok((key_string(k, &format!("{at}[0]"), code)?, val))
        })
        .collect()
}

/// The entries of a plain object (own enumerable string keys, in JS order), of a `Map`
/// (insertion order) or of an array of `[key, value]` pairs (in order; may repeat a key).
fn entries<'e>(
    env: &Env,
    v: Unknown<'e>,
    field: &str,
    code: ErrorCode,
) -> Result<Vec<(String, Unknown<'e>)>> {
    let t = value_type(&v, field, code)?;
    if t != ValueType::Object {
        return Err(coded(
            code,
            format!("{field}: expected an object, a Map or [key, value] pairs, got {}", type_name(t)),
        ));
    }
    if v.is_array().map_err(host(field, code))? {
        let a =
            <Array as napi::bindgen_prelude::FromNapiValue>::from_unknown(v).map_err(host(field, code))?;
        return pair_items(&a, field, code);
    }
    let obj = <Object as napi::bindgen_prelude::FromNapiValue>::from_unknown(v).map_err(host(field, code))?;
    let names = obj.get_property_names().map_err(host(field, code))?;
    let names = <Array as napi::bindgen_prelude::FromNapiValue>::from_unknown(names.to_unknown())
        .map_err(host(field, code))?;
    if names.len() == 0 {
        // A Map has no own enumerable keys: only then is the (slower) Map check needed.
        let global = env.get_global().map_err(host(field, code))?;
        let map_ctor: Unknown = global.get_named_property_unchecked("Map").map_err(host(field, code))?;
        if v.instanceof(map_ctor).map_err(host(field, code))? {
            let array_ctor: Object =
                global.get_named_property_unchecked("Array").map_err(host(field, code))?;
            let from: Function<Unknown, Array> =
                array_ctor.get_named_property_unchecked("from").map_err(host(field, code))?;
            let pairs = from.apply(array_ctor, v).map_err(host(field, code))?;
            return pair_items(&pairs, field, code);
        }
    }
    // Read each value by the key value napi already gave us (no re-internalized C string).
    let mut out = Vec::with_capacity(names.len() as usize);
    for i in 0..names.len() {
        let Some(name) = names.get::<Unknown>(i).map_err(host(field, code))? else { continue };
        let val: Unknown = obj.get_property(name).map_err(host(field, code))?;
        let k = <String as napi::bindgen_prelude::FromNapiValue>::from_unknown(name)
            .map_err(host(field, code))?;
        out.push((k, val));
    }
    Ok(out)
}

/// An options object: `undefined`/`null` is "no options"; an unknown key is an error naming it.
fn read_options<'e>(
    env: &Env,
    v: Option<Unknown<'e>>,
    field: &str,
    allowed: &[&str],
) -> Result<Vec<(String, Unknown<'e>)>> {
    let Some(v) = v else { return Ok(Vec::new()) };
    if is_nullish(value_type(&v, field, ErrorCode::InvalidParam)?) {
        return Ok(Vec::new());
    }
    if v.is_array().map_err(host(field, ErrorCode::InvalidParam))? {
        return Err(coded(
            ErrorCode::InvalidParam,
            format!("{field}: expected an options object, got an array"),
        ));
    }
    let mut out = entries(env, v, field, ErrorCode::InvalidParam)?;
    if let Some((k, _)) = out.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
        return Err(coded(
            ErrorCode::InvalidParam,
            format!("{field}: unknown option {k:?} (expected one of {})", allowed.join(", ")),
        ));
    }
    // `undefined` and `null` values mean "not given".
    let mut kept = Vec::with_capacity(out.len());
    for (k, val) in out.drain(..) {
        if !is_nullish(value_type(&val, &k, ErrorCode::InvalidParam)?) {
            kept.push((k, val));
        }
    }
    Ok(kept)
}

fn param_value(v: Unknown<'_>, field: &dyn Fn() -> String) -> Result<ParamValue> {
    use napi::bindgen_prelude::FromNapiValue;
    let code = ErrorCode::InvalidParam;
    let t = v.get_type().map_err(|e| coded(code, format!("{}: {}", field(), e.reason)))?;
    let converted = match t {
        ValueType::String => String::from_unknown(v).map(ParamValue::Str),
        ValueType::Number => f64::from_unknown(v).map(ParamValue::Float),
        ValueType::Boolean => bool::from_unknown(v).map(ParamValue::Bool),
        ValueType::Null | ValueType::Undefined => Ok(ParamValue::Null),
        t => {
            return Err(coded(
                code,
                format!(
                    "{}: expected a string, number, boolean, null or undefined, got {}",
                    field(),
                    type_name(t)
                ),
            ));
        }
    };
    converted.map_err(|e| coded(code, format!("{}: {}", field(), e.reason)))
}

/// Decodes the packed params of `_buildUrlPacked` (see there).
fn unpack_params(packed: &str) -> Result<Vec<(&str, ParamValue)>> {
    let bad = || coded(ErrorCode::InvalidParam, "params: malformed packed params");
    let mut out = Vec::new();
    let mut rest = packed;
    while !rest.is_empty() {
        let mut chars = rest.chars();
        let tag = chars.next().ok_or_else(bad)?;
        let (key, tail) = chars.as_str().split_once('\0').ok_or_else(bad)?;
        let (value, tail) = tail.split_once('\0').ok_or_else(bad)?;
        rest = tail;
        let value = match tag {
            's' => ParamValue::Str(value.to_owned()),
            'n' => ParamValue::Float(value.parse::<f64>().map_err(|_| bad())?),
            't' => ParamValue::Bool(true),
            'f' => ParamValue::Bool(false),
            'z' => ParamValue::Null,
            _ => return Err(bad()),
        };
        out.push((key, value));
    }
    Ok(out)
}

fn params(env: &Env, v: Option<Unknown<'_>>, field: &str) -> Result<Vec<(String, ParamValue)>> {
    let Some(v) = v else { return Ok(Vec::new()) };
    if is_nullish(value_type(&v, field, ErrorCode::InvalidParam)?) {
        return Ok(Vec::new());
    }
    entries(env, v, field, ErrorCode::InvalidParam)?
        .into_iter()
        .map(|(k, val)| {
            let value = param_value(val, &|| format!("{field}[{}]", imgsign::excerpt(&k)))?;
            Ok((k, value))
        })
        .collect()
}

/// Header pairs from a plain object (Node's `req.headers`) or a `Map`. An array value (Node
/// gives some repeated headers as arrays) becomes one pair per element; `undefined` is
/// skipped. Name matching is the core's.
fn headers(env: &Env, v: Unknown<'_>) -> Result<Vec<(String, String)>> {
    let code = ErrorCode::InvalidParam;
    let mut out = Vec::new();
    for (name, val) in entries(env, v, "headers", code)? {
        let field = format!("headers[{name:?}]");
        let t = value_type(&val, &field, code)?;
        if t == ValueType::Undefined {
            continue;
        }
        if t == ValueType::Object && val.is_array().map_err(host(&field, code))? {
            for s in string_list(val, &field, code)? {
                out.push((name.clone(), s));
            }
        } else {
            out.push((name, to_string(val, &field, code)?));
        }
    }
    Ok(out)
}

fn key_arg(v: Unknown<'_>, field: &str) -> Result<String> {
    to_string(v, field, ErrorCode::InvalidKey)
}

// ---------------------------------------------------------------------------------------
// TypeScript shapes (documentation and typing only; conversion is done above)
// ---------------------------------------------------------------------------------------

/// Options of `new Signer(...)`.
#[napi(object)]
pub struct SignerOptions {
    /// Keys that `verifyUrl` also accepts (key rotation). Never used for signing.
    pub previous_keys: Option<Vec<String>>,
}

/// Options of `Signer.signUrl`. At most one of `expires` and `expiresIn`.
#[napi(object)]
pub struct SignUrlOptions {
    /// Absolute expiry, UNIX seconds: `expires=<value>` is added before signing.
    pub expires: Option<i64>,
    /// Expiry relative to `now`, in seconds.
    pub expires_in: Option<i64>,
    /// The clock for `expiresIn`, UNIX seconds (default: the system clock).
    pub now: Option<i64>,
}

/// Options of `Signer.verifyUrl`.
#[napi(object)]
pub struct VerifyUrlOptions {
    /// The clock for the `expires` check, UNIX seconds (default: the system clock).
    pub now: Option<i64>,
}

/// Options of `new UrlBuilder(domain, ...)`.
#[napi(object)]
pub struct UrlBuilderOptions {
    /// The provider name (not given: the core's default provider).
    pub provider: Option<String>,
    /// The signing key; omitted or `null` builds unsigned URLs.
    #[napi(ts_type = "string | null")]
    pub key: Option<String>,
    /// The encoding profile name (not given: the core's default profile).
    pub profile: Option<String>,
    /// `https://` (`true`) or `http://` (not given: the core's default).
    pub use_https: Option<bool>,
    /// Add the library-identifying `ixlib` param (not given: the core's default).
    pub include_library_param: Option<bool>,
    /// Use paths as given (not given: the core's default).
    pub disable_path_encoding: Option<bool>,
}

/// Options of `UrlBuilder.buildSrcset`.
#[napi(object, js_name = "SrcsetOptions")]
pub struct SrcsetOptionsTs {
    /// Explicit widths of a fluid srcset.
    pub widths: Option<Vec<u32>>,
    /// Smallest generated width (not given: the core's default).
    pub min_width: Option<u32>,
    /// Largest generated width (not given: the core's default).
    pub max_width: Option<u32>,
    /// Tolerance between consecutive widths (not given: the core's default).
    pub tolerance: Option<f64>,
    /// Ratios of a fixed srcset (not given: the core's default).
    pub device_pixel_ratios: Option<Vec<f64>>,
    /// Quality per ratio, e.g. `{ "1": 80, "1.5": 60 }` or `new Map([[1, 80]])`, overriding
    /// the core's default qualities for those ratios.
    #[napi(ts_type = "Record<string, number> | Map<number, number>")]
    pub variable_qualities: Option<std::collections::HashMap<String, i64>>,
    /// Add no generated `q` to fixed entries (not given: the core's default).
    pub disable_variable_quality: Option<bool>,
}

/// Options of `verifyOriginRequest`.
#[napi(object)]
pub struct VerifyOriginRequestOptions {
    /// The clock, UNIX seconds (default: the system clock).
    pub now: Option<i64>,
    /// Accepted clock difference in seconds (not given: the core's default).
    pub tolerance: Option<i64>,
}

// ---------------------------------------------------------------------------------------
// Signer
// ---------------------------------------------------------------------------------------

/// Signs URLs as given and verifies them (SPEC §2.1, §2.3). The key lives in native memory
/// only: it is not a JavaScript property, and `util.inspect`, `JSON.stringify` and
/// `toString` show the provider only.
#[napi]
pub struct Signer {
    inner: imgsign::Signer,
}

#[napi]
impl Signer {
    /// Creates a signer for `provider` (`imgix`, `gumlet`, `pixta`, `imageboss`) with `key`.
    /// `options.previousKeys` are accepted by `verifyUrl` too (key rotation).
    /// @throws {Error} `.code` `invalid_param` (unknown provider or option), `invalid_key`.
    #[napi(constructor, catch_unwind)]
    pub fn new(
        env: Env,
        #[napi(ts_arg_type = "string")] provider: Unknown,
        #[napi(ts_arg_type = "string")] key: Unknown,
        #[napi(ts_arg_type = "SignerOptions")] options: Option<Unknown>,
    ) -> Result<Self> {
        let provider =
            Provider::from_name(&to_string(provider, "provider", ErrorCode::InvalidParam)?).map_err(core)?;
        let key = key_arg(key, "key")?;
        let mut previous: Vec<String> = Vec::new();
        for (k, v) in read_options(&env, options, "options", &["previousKeys"])? {
            if k == "previousKeys" {
                previous = string_list(v, "previousKeys", ErrorCode::InvalidKey)?;
            }
        }
        let inner = imgsign::Signer::new(provider, &key, &previous).map_err(core)?;
        Ok(Signer { inner })
    }

    /// The provider name.
    #[napi(getter)]
    pub fn provider(&self) -> &'static str {
        self.inner.provider().name()
    }

    /// Signs `url` as given, replacing any existing signature. With `expires` (UNIX seconds)
    /// or `expiresIn` (seconds after `now`, default the system clock) an `expires` param is
    /// set before signing.
    /// @throws {Error} `.code` `invalid_url`, `invalid_param`.
    #[napi(catch_unwind)]
    pub fn sign_url(
        &self,
        env: Env,
        #[napi(ts_arg_type = "string")] url: Unknown,
        #[napi(ts_arg_type = "SignUrlOptions")] options: Option<Unknown>,
    ) -> Result<String> {
        let url = to_string(url, "url", ErrorCode::InvalidUrl)?;
        let mut opts = SignOptions::default();
        for (k, v) in read_options(&env, options, "options", &["expires", "expiresIn", "now"])? {
            match k.as_str() {
                "expires" => opts.expires = Some(to_i64(v, "expires", ErrorCode::InvalidParam)?),
                "expiresIn" => opts.expires_in = Some(to_i64(v, "expiresIn", ErrorCode::InvalidParam)?),
                _ => opts.now = Some(to_i64(v, "now", ErrorCode::InvalidParam)?),
            }
        }
        self.inner.sign_url_with(&url, &opts).map_err(core)
    }

    /// Signs many URLs in one call; fails as a whole on the first bad URL (its index is named).
    #[napi(catch_unwind)]
    pub fn sign_urls(&self, #[napi(ts_arg_type = "string[]")] urls: Unknown) -> Result<Vec<String>> {
        let urls = string_list(urls, "urls", ErrorCode::InvalidUrl)?;
        self.inner.sign_urls(&urls).map_err(core)
    }

    /// Verifies `url` under the key or any previous key, and its `expires` against `now`
    /// (default the system clock). Returns nothing when valid.
    /// @throws {Error} `.code` `missing_signature`, `signature_mismatch`, `expired`, `malformed_url`.
    #[napi(catch_unwind)]
    pub fn verify_url(
        &self,
        env: Env,
        #[napi(ts_arg_type = "string")] url: Unknown,
        #[napi(ts_arg_type = "VerifyUrlOptions")] options: Option<Unknown>,
    ) -> Result<()> {
        let url = to_string(url, "url", ErrorCode::MalformedUrl)?;
        let mut now = None;
        for (_, v) in read_options(&env, options, "options", &["now"])? {
            now = Some(to_i64(v, "now", ErrorCode::InvalidParam)?);
        }
        self.inner.verify_url(&url, now).map_err(core)
    }

    /// `Signer(<provider>)`: never the key.
    #[napi(js_name = "toString")]
    pub fn to_string_js(&self) -> String {
        format!("Signer({})", self.inner.provider().name())
    }

    /// `{ provider }`: never the key.
    #[napi(js_name = "toJSON", ts_return_type = "{ provider: string }")]
    pub fn to_json(&self, env: Env) -> napi::Result<Object<'_>> {
        let mut o = Object::new(&env)?;
        o.set("provider", self.inner.provider().name())?;
        Ok(o)
    }
}

// ---------------------------------------------------------------------------------------
// UrlBuilder
// ---------------------------------------------------------------------------------------

/// Builds (and, with a key, signs) URLs on one domain (SPEC §2.2, §2.4). The key lives in
/// native memory only.
#[napi]
pub struct UrlBuilder {
    inner: imgsign::UrlBuilder,
}

#[napi]
impl UrlBuilder {
    /// Creates a builder for `domain` (a bare host name such as `demo.imgix.net`).
    /// @throws {Error} `.code` `invalid_domain`, `invalid_key`, `invalid_param`.
    #[napi(constructor, catch_unwind)]
    pub fn new(
        env: Env,
        #[napi(ts_arg_type = "string")] domain: Unknown,
        #[napi(ts_arg_type = "UrlBuilderOptions")] options: Option<Unknown>,
    ) -> Result<Self> {
        let domain = to_string(domain, "domain", ErrorCode::InvalidDomain)?;
        let mut o = BuilderOptions::default();
        let allowed =
            ["provider", "key", "profile", "useHttps", "includeLibraryParam", "disablePathEncoding"];
        for (k, v) in read_options(&env, options, "options", &allowed)? {
            match k.as_str() {
                "provider" => {
                    o.provider = Some(
                        Provider::from_name(&to_string(v, "provider", ErrorCode::InvalidParam)?)
                            .map_err(core)?,
                    )
                }
                "key" => o.key = Some(key_arg(v, "key")?),
                "profile" => {
                    o.profile = Some(
                        Profile::from_name(&to_string(v, "profile", ErrorCode::InvalidParam)?)
                            .map_err(core)?,
                    )
                }
                "useHttps" => o.use_https = Some(to_bool(v, "useHttps", ErrorCode::InvalidParam)?),
                "includeLibraryParam" => {
                    o.include_library_param =
                        Some(to_bool(v, "includeLibraryParam", ErrorCode::InvalidParam)?)
                }
                _ => {
                    o.disable_path_encoding =
                        Some(to_bool(v, "disablePathEncoding", ErrorCode::InvalidParam)?)
                }
            }
        }
        let inner = imgsign::UrlBuilder::new(&domain, o).map_err(core)?;
        Ok(UrlBuilder { inner })
    }

    /// The domain URLs are built on.
    #[napi(getter)]
    pub fn domain(&self) -> String {
        self.inner.domain().to_owned()
    }

    /// The provider name.
    #[napi(getter)]
    pub fn provider(&self) -> &'static str {
        self.inner.provider().name()
    }

    /// The profile name.
    #[napi(getter)]
    pub fn profile(&self) -> &'static str {
        self.inner.profile().name()
    }

    /// Whether URLs are signed (the builder has a key).
    #[napi(getter)]
    pub fn signed(&self) -> bool {
        self.inner.is_signed()
    }

    /// Builds (and signs) the URL for `path` with `params` (a plain object or a `Map`).
    /// @throws {Error} `.code` `invalid_param`, `invalid_url`.
    #[napi(catch_unwind)]
    pub fn build_url(
        &self,
        env: Env,
        #[napi(ts_arg_type = "string")] path: Unknown,
        #[napi(
            ts_arg_type = "Record<string, string | number | boolean | null | undefined> | Map<string, string | number | boolean | null | undefined> | null"
        )]
        params: Option<Unknown>,
    ) -> Result<String> {
        let path = to_string(path, "path", ErrorCode::InvalidUrl)?;
        let params = self::params(&env, params, "params")?;
        self.inner.build_url(&path, &params).map_err(core)
    }

    /// Internal fast path of `buildUrl` (used by `lib.js`, not part of the API): params packed
    /// by JavaScript into one string, each entry `<tag><key>\0<value>\0` with tag `s` (string),
    /// `n` (number, as `String(n)`), `t`/`f` (boolean) or `z` (null/undefined). One string
    /// crosses the boundary instead of several values per param; the values reach the core
    /// unchanged (a JavaScript number's `String(n)` reads back to the same `f64`).
    /// @internal
    #[napi(js_name = "_buildUrlPacked", catch_unwind)]
    pub fn build_url_packed(&self, path: String, packed: String) -> Result<String> {
        let params = unpack_params(&packed)?;
        self.inner.build_url(&path, &params).map_err(core)
    }

    /// Builds many URLs in one call. `items` is an array of `[path, params?]` pairs; fails as
    /// a whole on the first bad item (its index is named).
    #[napi(catch_unwind)]
    pub fn build_urls(
        &self,
        env: Env,
        #[napi(
            ts_arg_type = "Array<[path: string, params?: Record<string, string | number | boolean | null | undefined> | Map<string, string | number | boolean | null | undefined> | null]>"
        )]
        items: Unknown,
    ) -> Result<Vec<String>> {
        let code = ErrorCode::InvalidParam;
        let list = to_array(items, "items", code)?;
        let mut converted: Vec<(String, Vec<(String, ParamValue)>)> = Vec::with_capacity(list.len() as usize);
        for (i, item) in array_items(&list, "items", code)?.into_iter().enumerate() {
            let at = format!("items[{i}]");
            let pair = to_array(item, &at, code)?;
            let mut parts = array_items(&pair, &at, code)?.into_iter();
            let Some(path) = parts.next() else {
                return Err(coded(code, format!("{at}: expected [path, params?]")));
            };
            let path = to_string(path, &format!("{at}[0]"), ErrorCode::InvalidUrl)?;
            let p = params(&env, parts.next(), &format!("{at}[1]"))?;
            if parts.next().is_some() {
                return Err(coded(code, format!("{at}: expected [path, params?]")));
            }
            converted.push((path, p));
        }
        self.inner.build_urls(&converted).map_err(core)
    }

    /// Builds a srcset for `path` with `params`: fluid (width descriptors) or fixed (density
    /// descriptors), each entry a signed URL; entries are joined by a comma and a newline.
    /// @throws {Error} `.code` `invalid_srcset`, `invalid_param`, `invalid_url`.
    #[napi(catch_unwind)]
    pub fn build_srcset(
        &self,
        env: Env,
        #[napi(ts_arg_type = "string")] path: Unknown,
        #[napi(
            ts_arg_type = "Record<string, string | number | boolean | null | undefined> | Map<string, string | number | boolean | null | undefined> | null"
        )]
        params: Option<Unknown>,
        #[napi(ts_arg_type = "SrcsetOptions")] options: Option<Unknown>,
    ) -> Result<String> {
        let path = to_string(path, "path", ErrorCode::InvalidUrl)?;
        let params = self::params(&env, params, "params")?;
        let o = srcset_options(&env, options)?;
        self.inner.build_srcset(&path, &params, &o).map_err(core)
    }

    /// `UrlBuilder(<provider>, <domain>)`: never the key.
    #[napi(js_name = "toString")]
    pub fn to_string_js(&self) -> String {
        format!("UrlBuilder({}, {})", self.inner.provider().name(), self.inner.domain())
    }

    /// `{ domain, provider, profile, signed }`: never the key.
    #[napi(
        js_name = "toJSON",
        ts_return_type = "{ domain: string; provider: string; profile: string; signed: boolean }"
    )]
    pub fn to_json(&self, env: Env) -> napi::Result<Object<'_>> {
        let mut o = Object::new(&env)?;
        o.set("domain", self.inner.domain())?;
        o.set("provider", self.inner.provider().name())?;
        o.set("profile", self.inner.profile().name())?;
        o.set("signed", self.inner.is_signed())?;
        Ok(o)
    }
}

fn srcset_options(env: &Env, v: Option<Unknown<'_>>) -> Result<SrcsetOptions> {
    let code = ErrorCode::InvalidSrcset;
    let allowed = [
        "widths",
        "minWidth",
        "maxWidth",
        "tolerance",
        "devicePixelRatios",
        "variableQualities",
        "disableVariableQuality",
    ];
    let mut o = SrcsetOptions::default();
    for (k, v) in read_options(env, v, "options", &allowed)? {
        match k.as_str() {
            "widths" => {
                let a = to_array(v, "widths", code)?;
                let items = array_items(&a, "widths", code)?;
                o.widths = Some(
                    items
                        .into_iter()
                        .enumerate()
                        .map(|(i, w)| to_i64(w, &format!("widths[{i}]"), code))
                        .collect::<Result<_>>()?,
                );
            }
            "minWidth" => o.min_width = Some(to_i64(v, "minWidth", code)?),
            "maxWidth" => o.max_width = Some(to_i64(v, "maxWidth", code)?),
            "tolerance" => o.tolerance = Some(to_f64(v, "tolerance", code)?),
            "devicePixelRatios" => {
                let a = to_array(v, "devicePixelRatios", code)?;
                let items = array_items(&a, "devicePixelRatios", code)?;
                o.device_pixel_ratios = Some(
                    items
                        .into_iter()
                        .enumerate()
                        .map(|(i, r)| to_f64(r, &format!("devicePixelRatios[{i}]"), code))
                        .collect::<Result<_>>()?,
                );
            }
            "variableQualities" => {
                let mut pairs = Vec::new();
                for (ratio, q) in entries(env, v, "variableQualities", code)? {
                    let field = format!("variableQualities[{ratio:?}]");
                    let r: f64 = match ratio.trim().parse::<f64>() {
                        Ok(r) if !ratio.trim().is_empty() => r,
                        _ => return Err(coded(code, format!("{field}: the ratio is not a number"))),
                    };
                    pairs.push((r, to_i64(q, &field, code)?));
                }
                o.variable_qualities = Some(pairs);
            }
            _ => o.disable_variable_quality = Some(to_bool(v, "disableVariableQuality", code)?),
        }
    }
    Ok(o)
}

// ---------------------------------------------------------------------------------------
// Functions
// ---------------------------------------------------------------------------------------

/// The canonical fluid srcset widths from `minWidth` to `maxWidth`, `tolerance` apart (an
/// argument not given, `undefined` or `null`, takes the core's default).
/// @throws {Error} `.code` `invalid_srcset`.
#[napi(catch_unwind)]
pub fn target_widths(
    #[napi(ts_arg_type = "number | null")] min_width: Option<Unknown>,
    #[napi(ts_arg_type = "number | null")] max_width: Option<Unknown>,
    #[napi(ts_arg_type = "number | null")] tolerance: Option<Unknown>,
) -> Result<Vec<u32>> {
    let code = ErrorCode::InvalidSrcset;
    let min = given(min_width, "minWidth", code)?.map(|v| to_i64(v, "minWidth", code)).transpose()?;
    let max = given(max_width, "maxWidth", code)?.map(|v| to_i64(v, "maxWidth", code)).transpose()?;
    let tol = given(tolerance, "tolerance", code)?.map(|v| to_f64(v, "tolerance", code)).transpose()?;
    imgsign::target_widths(min, max, tol).map_err(core)
}

/// The `X-Imgix-Signature` header value imgix sends to a Web Proxy origin for this request:
/// `v1,<uppercase hex HMAC-SHA256>`.
/// @throws {Error} `.code` `invalid_key`, `invalid_param`.
#[napi(catch_unwind)]
pub fn sign_origin_request(
    #[napi(ts_arg_type = "string")] key: Unknown,
    #[napi(ts_arg_type = "string")] request_id: Unknown,
    #[napi(ts_arg_type = "number")] timestamp: Unknown,
) -> Result<String> {
    let key = key_arg(key, "key")?;
    let request_id = to_string(request_id, "requestId", ErrorCode::InvalidParam)?;
    let timestamp = to_i64(timestamp, "timestamp", ErrorCode::InvalidParam)?;
    imgsign::sign_origin_request(&key, &request_id, timestamp).map_err(core)
}

/// Verifies imgix's origin-request signature headers (`headers`: Node's `req.headers`, any
/// plain object or a `Map`; names are case-insensitive) against `key`, within `tolerance`
/// seconds (not given: the core's default) of `now` (default the system clock).
/// @throws {Error} `.code` `missing_signature`, `signature_mismatch`, `expired`, `malformed_header`, `invalid_key`.
#[napi(catch_unwind)]
pub fn verify_origin_request(
    env: Env,
    #[napi(ts_arg_type = "string")] key: Unknown,
    #[napi(ts_arg_type = "Record<string, string | string[] | undefined> | Map<string, string | string[]>")]
    headers: Unknown,
    #[napi(ts_arg_type = "VerifyOriginRequestOptions")] options: Option<Unknown>,
) -> Result<()> {
    let key = key_arg(key, "key")?;
    let headers = self::headers(&env, headers)?;
    let (mut now, mut tolerance) = (None, None);
    for (k, v) in read_options(&env, options, "options", &["now", "tolerance"])? {
        if k == "now" {
            now = Some(to_i64(v, "now", ErrorCode::InvalidParam)?);
        } else {
            tolerance = Some(to_i64(v, "tolerance", ErrorCode::InvalidParam)?);
        }
    }
    imgsign::verify_origin_request(&key, &headers, now, tolerance).map_err(core)
}

/// Checks the `Authorization: Basic ...` header in `headers` against `username`/`password`
/// in constant time.
/// @throws {Error} `.code` `missing_signature`, `signature_mismatch`, `malformed_header`, `invalid_key`.
#[napi(catch_unwind)]
pub fn verify_basic_auth(
    env: Env,
    #[napi(ts_arg_type = "string")] username: Unknown,
    #[napi(ts_arg_type = "string")] password: Unknown,
    #[napi(ts_arg_type = "Record<string, string | string[] | undefined> | Map<string, string | string[]>")]
    headers: Unknown,
) -> Result<()> {
    let username = key_arg(username, "username")?;
    let password = key_arg(password, "password")?;
    let headers = self::headers(&env, headers)?;
    imgsign::verify_basic_auth(&username, &password, &headers).map_err(core)
}

/// Checks the `X-Imgix-Origin-Secret` handshake header in `headers` against `secret` in
/// constant time.
/// @throws {Error} `.code` `missing_signature`, `signature_mismatch`, `malformed_header`, `invalid_key`.
#[napi(catch_unwind)]
pub fn verify_origin_secret(
    env: Env,
    #[napi(ts_arg_type = "string")] secret: Unknown,
    #[napi(ts_arg_type = "Record<string, string | string[] | undefined> | Map<string, string | string[]>")]
    headers: Unknown,
) -> Result<()> {
    let secret = key_arg(secret, "secret")?;
    let headers = self::headers(&env, headers)?;
    imgsign::verify_origin_secret(&secret, &headers).map_err(core)
}

/// The error code a wrong-typed or ill-formed value of `argument` of `operation` gets
/// (`argumentErrorCode('signUrl', 'url') === 'invalid_url'`); `null` for an unknown
/// operation. The rule is the core's (see docs/behaviour.md).
#[napi]
pub fn argument_error_code(operation: String, argument: String) -> Option<&'static str> {
    imgsign::Operation::from_name(&operation).map(|op| imgsign::argument_error_code(op, &argument).as_str())
}

/// The library version.
#[napi]
pub fn version() -> &'static str {
    imgsign::VERSION
}
