//! The options objects, each declared once: the struct is both the TypeScript shape (the
//! `index.d.ts` interface) and what its reader fills, field by field, from the JavaScript
//! object. Every field is optional: `undefined`, `null` or leaving it out is "not given",
//! and the core's default applies.

use crate::convert::{entries, integer, is_nullish, number, string, type_name, type_of};
use crate::error::{Arg, Result, core};
use imgsign::Operation;
use napi::bindgen_prelude::{JsValue, Unknown};
use napi::{Env, ValueType};
use napi_derive::napi;

/// A value an options field holds, read from JavaScript.
pub trait FromJs: Sized {
    fn from_js(env: &Env, v: Unknown<'_>, arg: Arg<'_>) -> Result<Self>;
}

impl FromJs for String {
    fn from_js(_: &Env, v: Unknown<'_>, arg: Arg<'_>) -> Result<Self> {
        string(v, arg)
    }
}

impl FromJs for bool {
    fn from_js(_: &Env, v: Unknown<'_>, arg: Arg<'_>) -> Result<Self> {
        crate::convert::boolean(v, arg)
    }
}

impl FromJs for i64 {
    fn from_js(_: &Env, v: Unknown<'_>, arg: Arg<'_>) -> Result<Self> {
        integer(v, arg)
    }
}

impl FromJs for f64 {
    fn from_js(_: &Env, v: Unknown<'_>, arg: Arg<'_>) -> Result<Self> {
        number(v, arg)
    }
}

impl<T: FromJs> FromJs for Vec<T> {
    fn from_js(env: &Env, v: Unknown<'_>, arg: Arg<'_>) -> Result<Self> {
        crate::convert::array(v, arg)?
            .into_iter()
            .enumerate()
            .map(|(i, x)| T::from_js(env, x, Arg::new(arg.op, &format!("{}[{i}]", arg.name))))
            .collect()
    }
}

/// Quality per device-pixel ratio: `{ "1": 80, "1.5": 60 }` or `new Map([[1, 80]])`.
pub struct VariableQualities(pub Vec<(f64, i64)>);

impl FromJs for VariableQualities {
    fn from_js(env: &Env, v: Unknown<'_>, arg: Arg<'_>) -> Result<Self> {
        let mut out = Vec::new();
        for (ratio, quality) in entries(env, v, arg)? {
            let at = format!("{}[{}]", arg.name, imgsign::excerpt(&ratio));
            let at = Arg::new(arg.op, &at);
            let r = ratio.trim().parse::<f64>().ok().filter(|_| !ratio.trim().is_empty());
            let r = r.ok_or_else(|| at.wrong_type("a number as the ratio", "another string"))?;
            out.push((r, integer(quality, at)?));
        }
        Ok(VariableQualities(out))
    }
}

/// A scheme's options or per-call values by name (an object, a `Map` or `[name, value]`
/// pairs), each value a string, number or boolean; names and values are checked by the core.
pub struct Named(pub Vec<(String, imgsign::ParamValue)>);

impl FromJs for Named {
    fn from_js(env: &Env, v: Unknown<'_>, arg: Arg<'_>) -> Result<Self> {
        crate::convert::params(env, Some(v), arg).map(Named)
    }
}

/// `fooBar` (JavaScript) is the field `foo_bar`.
fn is_field(key: &str, field: &str) -> bool {
    let mut f = field.bytes();
    for k in key.bytes() {
        let matched = if k.is_ascii_uppercase() {
            f.next() == Some(b'_') && f.next() == Some(k.to_ascii_lowercase())
        } else {
            k != b'_' && f.next() == Some(k)
        };
        if !matched {
            return false;
        }
    }
    f.next().is_none()
}

fn camel(field: &str) -> String {
    let mut parts = field.split('_');
    let mut out = parts.next().unwrap_or_default().to_owned();
    for p in parts {
        let mut c = p.chars();
        out.extend(c.next().map(|c| c.to_ascii_uppercase()));
        out.push_str(c.as_str());
    }
    out
}

/// The given `(key, value)` entries of an options object, each key one of `fields`.
fn given_entries<'e>(
    env: &Env,
    op: Operation,
    v: Option<Unknown<'e>>,
    fields: &[&str],
) -> Result<Vec<(String, Unknown<'e>)>> {
    let arg = Arg::new(op, "options");
    let Some(v) = v else { return Ok(Vec::new()) };
    let t = type_of(&v, arg)?;
    if is_nullish(t) {
        return Ok(Vec::new());
    }
    if t != ValueType::Object || v.is_array().map_err(arg.host())? {
        let got = if t == ValueType::Object { "an array" } else { type_name(t) };
        return Err(arg.wrong_type("an options object", got));
    }
    let mut kept = Vec::new();
    for (key, value) in entries(env, v, arg)? {
        if !fields.iter().any(|f| is_field(&key, f)) {
            let expected: Vec<String> = fields.iter().map(|f| camel(f)).collect();
            let message = format!(
                "options: unknown option {} (expected {})",
                imgsign::excerpt(&key),
                expected.join(", ")
            );
            // An option the operation does not have: the core's code for an unknown argument.
            return Err(core(imgsign::Error::new(Arg::new(op, &key).code(), message)));
        }
        if !is_nullish(type_of(&value, Arg::new(op, &key))?) {
            kept.push((key, value));
        }
    }
    Ok(kept)
}

/// The reader of an options struct: `read!(Name { field, ... })` lists every field of the
/// struct (the destructuring below fails to compile when one is missing or unknown), and the
/// reader fills each from the JavaScript key of the same name in camelCase.
macro_rules! read {
    ($name:ident { $($field:ident),* $(,)? }) => {
        impl $name {
            /// Reads the options object of `op` (`undefined`/`null`/omitted: none given).
            pub fn read(env: &Env, op: Operation, v: Option<Unknown<'_>>) -> Result<Self> {
                let $name { $($field: _),* } = Self::default();
                let mut out = Self::default();
                for (key, value) in given_entries(env, op, v, &[$(stringify!($field)),*])? {
                    let arg = Arg::new(op, &key);
                    $(if is_field(&key, stringify!($field)) {
                        out.$field = Some(FromJs::from_js(env, value, arg)?);
                    })*
                }
                Ok(out)
            }
        }
    };
}

/// Options of `new Signer(...)`.
#[napi(object, object_to_js = false, object_from_js = false)]
#[derive(Default)]
pub struct SignerOptions {
    /// Keys that `verifyUrl` also accepts (key rotation). Never used for signing.
    pub previous_keys: Option<Vec<String>>,
    /// The salt that goes with the key, for a scheme that has one (imgproxy).
    pub salt: Option<String>,
    /// One salt per previous key, in the same order, for a scheme with a salt.
    pub previous_salts: Option<Vec<String>>,
    /// The scheme's options by name, e.g. `{ signatureSize: 8 }` (docs/schemes.md).
    #[napi(ts_type = "NamedValues")]
    pub options: Option<Named>,
}
read!(SignerOptions { previous_keys, salt, previous_salts, options });

/// Options of `Signer.signUrl` and `Signer.signToken`. At most one of `expires` and
/// `expiresIn`.
#[napi(object, object_to_js = false, object_from_js = false)]
#[derive(Default)]
pub struct SignUrlOptions {
    /// Absolute expiry, UNIX seconds: the scheme's expiry is set to it before signing.
    pub expires: Option<i64>,
    /// Expiry relative to `now`, in seconds.
    pub expires_in: Option<i64>,
    /// The clock for `expiresIn`, UNIX seconds (not given: the system clock).
    pub now: Option<i64>,
    /// Per-call values the scheme signs, by name (docs/schemes.md).
    #[napi(ts_type = "NamedValues")]
    pub values: Option<Named>,
}
read!(SignUrlOptions { expires, expires_in, now, values });

/// Options of `Signer.verifyUrl`, `Signer.verify` and `Signer.verifyToken`.
#[napi(object, object_to_js = false, object_from_js = false)]
#[derive(Default)]
pub struct VerifyUrlOptions {
    /// The clock for the expiry check, UNIX seconds (not given: the system clock).
    pub now: Option<i64>,
    /// Per-call values the signature covers, by name (docs/schemes.md).
    #[napi(ts_type = "NamedValues")]
    pub values: Option<Named>,
}
read!(VerifyUrlOptions { now, values });

/// Options of `new UrlBuilder(domain, ...)`.
#[napi(object, object_to_js = false, object_from_js = false)]
#[derive(Default)]
pub struct UrlBuilderOptions {
    /// The provider name (not given: the core's default provider).
    #[napi(ts_type = "ProviderName")]
    pub provider: Option<String>,
    /// The signing key; not given (or `null`) builds unsigned URLs.
    #[napi(ts_type = "string | null")]
    pub key: Option<String>,
    /// The salt that goes with the key, for a scheme that has one (imgproxy).
    pub salt: Option<String>,
    /// The scheme's options by name, e.g. `{ signatureSize: 8 }` (docs/schemes.md).
    #[napi(ts_type = "NamedValues")]
    pub options: Option<Named>,
    /// The encoding profile name (not given: the core's default profile).
    #[napi(ts_type = "ProfileName")]
    pub profile: Option<String>,
    /// `https://` (`true`) or `http://` (not given: the core's default).
    pub use_https: Option<bool>,
    /// Add the library-identifying `ixlib` param (not given: the core's default).
    pub include_library_param: Option<bool>,
    /// Use paths as given (not given: the core's default).
    pub disable_path_encoding: Option<bool>,
}
read!(UrlBuilderOptions {
    provider,
    key,
    salt,
    options,
    profile,
    use_https,
    include_library_param,
    disable_path_encoding
});

/// Options of `UrlBuilder.buildUrl`.
#[napi(object, object_to_js = false, object_from_js = false)]
#[derive(Default)]
pub struct BuildUrlOptions {
    /// Use this call's path as given (not given: the builder's `disablePathEncoding`).
    pub disable_path_encoding: Option<bool>,
}
read!(BuildUrlOptions { disable_path_encoding });

/// Options of `UrlBuilder.buildSrcset`.
#[napi(object, object_to_js = false, object_from_js = false)]
#[derive(Default)]
pub struct SrcsetOptions {
    /// Explicit widths of a fluid srcset (whole numbers; the `imgix-python` profile also
    /// takes fractions).
    pub widths: Option<Vec<f64>>,
    /// Smallest generated width (not given: the core's default).
    pub min_width: Option<f64>,
    /// Largest generated width (not given: the core's default).
    pub max_width: Option<f64>,
    /// Tolerance between consecutive widths (not given: the core's default).
    pub tolerance: Option<f64>,
    /// Ratios of a fixed srcset (not given: the core's default).
    pub device_pixel_ratios: Option<Vec<f64>>,
    /// Quality per ratio, e.g. `{ "1": 80, "1.5": 60 }` or `new Map([[1, 80]])`, overriding
    /// the core's default qualities for those ratios.
    #[napi(ts_type = "Record<string, number> | Map<number, number>")]
    pub variable_qualities: Option<VariableQualities>,
    /// Add no generated `q` to fixed entries (not given: the core's default).
    pub disable_variable_quality: Option<bool>,
    /// Use this call's path as given (not given: the builder's `disablePathEncoding`).
    pub disable_path_encoding: Option<bool>,
}
read!(SrcsetOptions {
    widths,
    min_width,
    max_width,
    tolerance,
    device_pixel_ratios,
    variable_qualities,
    disable_variable_quality,
    disable_path_encoding,
});

/// Options of `verifyOriginRequest`.
#[napi(object, object_to_js = false, object_from_js = false)]
#[derive(Default)]
pub struct VerifyOriginRequestOptions {
    /// The clock, UNIX seconds (not given: the system clock).
    pub now: Option<i64>,
    /// Accepted clock difference in seconds (not given: the core's default).
    pub tolerance: Option<i64>,
}
read!(VerifyOriginRequestOptions { now, tolerance });

impl From<SignUrlOptions> for imgsign::SignOptions {
    fn from(o: SignUrlOptions) -> Self {
        imgsign::SignOptions {
            expires: o.expires,
            expires_in: o.expires_in,
            now: o.now,
            values: o.values.map(|v| v.0).unwrap_or_default(),
        }
    }
}

impl From<VerifyUrlOptions> for imgsign::VerifyOptions {
    fn from(o: VerifyUrlOptions) -> Self {
        imgsign::VerifyOptions { now: o.now, values: o.values.map(|v| v.0).unwrap_or_default() }
    }
}

impl SignerOptions {
    /// The core's secrets: `key` and what these options add to it.
    pub fn secrets(&mut self, key: String) -> imgsign::Secrets {
        imgsign::Secrets {
            key,
            salt: self.salt.take(),
            previous_keys: self.previous_keys.take().unwrap_or_default(),
            previous_salts: self.previous_salts.take().unwrap_or_default(),
        }
    }
}

impl From<SrcsetOptions> for imgsign::SrcsetOptions {
    fn from(o: SrcsetOptions) -> Self {
        imgsign::SrcsetOptions {
            widths: o.widths.map(|ws| ws.into_iter().map(imgsign::Width::from_number).collect()),
            min_width: o.min_width,
            max_width: o.max_width,
            tolerance: o.tolerance,
            device_pixel_ratios: o.device_pixel_ratios,
            variable_qualities: o.variable_qualities.map(|q| q.0),
            disable_variable_quality: o.disable_variable_quality,
            disable_path_encoding: o.disable_path_encoding,
        }
    }
}

impl UrlBuilderOptions {
    /// The core's builder options (provider and profile names are looked up by the core).
    pub fn into_core(self) -> imgsign::Result<imgsign::BuilderOptions> {
        Ok(imgsign::BuilderOptions {
            provider: self.provider.map(|p| imgsign::Provider::from_name(&p)).transpose()?,
            key: self.key,
            salt: self.salt,
            options: self.options.map(|o| o.0).unwrap_or_default(),
            profile: self.profile.map(|p| imgsign::Profile::from_name(&p)).transpose()?,
            use_https: self.use_https,
            include_library_param: self.include_library_param,
            disable_path_encoding: self.disable_path_encoding,
        })
    }
}

/// One source of `new Sources(...)`: the core's `SourceSpec` (its name is the key it is
/// given under). `domain` is required; every other field not given takes the core's default.
#[napi(object, object_to_js = false, object_from_js = false)]
#[derive(Default)]
pub struct SourceOptions {
    /// The CDN host the source's URLs are built on and matched by.
    #[napi(ts_type = "string")]
    pub domain: Option<String>,
    /// A path prefix (`/shop`): the source takes the URLs under it on its host.
    pub path_prefix: Option<String>,
    /// The provider name (not given: the core's default provider).
    #[napi(ts_type = "ProviderName")]
    pub provider: Option<String>,
    /// The signing key; a source without one builds unsigned URLs and cannot sign.
    #[napi(ts_type = "string | null")]
    pub key: Option<String>,
    /// Keys verification also accepts (key rotation).
    pub previous_keys: Option<Vec<String>>,
    /// The salt that goes with the key, for a scheme that has one.
    pub salt: Option<String>,
    /// One salt per previous key, for a scheme with a salt.
    pub previous_salts: Option<Vec<String>>,
    /// The scheme's options by name (docs/schemes.md).
    #[napi(ts_type = "NamedValues")]
    pub options: Option<Named>,
    /// The encoding profile name (not given: the core's default profile).
    #[napi(ts_type = "ProfileName")]
    pub profile: Option<String>,
    /// `https://` (`true`) or `http://` (not given: the core's default).
    pub use_https: Option<bool>,
    /// Add the library-identifying `ixlib` param (not given: the core's default).
    pub include_library_param: Option<bool>,
    /// Use paths as given (not given: the core's default).
    pub disable_path_encoding: Option<bool>,
}
read!(SourceOptions {
    domain,
    path_prefix,
    provider,
    key,
    previous_keys,
    salt,
    previous_salts,
    options,
    profile,
    use_https,
    include_library_param,
    disable_path_encoding
});

impl SourceOptions {
    /// The core's source spec named `name`.
    pub fn into_core(self, name: String) -> imgsign::Result<imgsign::SourceSpec> {
        let builder = UrlBuilderOptions {
            provider: self.provider,
            key: self.key,
            salt: self.salt,
            options: self.options,
            profile: self.profile,
            use_https: self.use_https,
            include_library_param: self.include_library_param,
            disable_path_encoding: self.disable_path_encoding,
        };
        Ok(imgsign::SourceSpec {
            name,
            // The core's domain rule refuses an empty domain with its own message.
            domain: self.domain.unwrap_or_default(),
            path_prefix: self.path_prefix,
            options: builder.into_core()?,
            previous_keys: self.previous_keys.unwrap_or_default(),
            previous_salts: self.previous_salts.unwrap_or_default(),
        })
    }
}
