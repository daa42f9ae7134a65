//! UniFFI bindings of imgsign for Swift (module `Imgsign`) and Kotlin (package `io.imgsign`).
//!
//! This crate only converts types and maps errors: every rule (encoding, validation,
//! defaults, signing) lives in the `imgsign` core crate. Optional fields and arguments that
//! the caller leaves out are passed to the core as "not given" and the core's own defaults
//! apply.
//!
//! Objects ([`Signer`], [`UrlBuilder`]) are immutable and shared through `Arc`, so they are
//! safe to use from any thread. Batch calls (`sign_urls`, `build_urls`, `build_srcset`)
//! cross the language boundary once for a whole list.

use std::sync::Arc;

uniffi::setup_scaffolding!();

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

/// Every failure of imgsign: one variant per stable code (SPEC §4). `code` is the code string
/// (`invalid_key`, `signature_mismatch`, ...), the same in every language; `message` names the
/// field at fault and never contains a key or secret.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Error)]
pub enum ImgsignError {
    /// The builder's domain is not a valid host name.
    InvalidDomain {
        /// `invalid_domain`.
        code: String,
        /// What is wrong (never a secret).
        message: String,
    },
    /// A key, token or secret is missing, malformed or outside the provider's limits.
    InvalidKey {
        /// `invalid_key`.
        code: String,
        /// What is wrong (never a secret).
        message: String,
    },
    /// A URL (or a path used verbatim) cannot be signed as given.
    InvalidUrl {
        /// `invalid_url`.
        code: String,
        /// What is wrong (never a secret).
        message: String,
    },
    /// A parameter, name or option value is not acceptable.
    InvalidParam {
        /// `invalid_param`.
        code: String,
        /// What is wrong (never a secret).
        message: String,
    },
    /// srcset or target-width options are out of range.
    InvalidSrcset {
        /// `invalid_srcset`.
        code: String,
        /// What is wrong (never a secret).
        message: String,
    },
    /// Verification: no signature was present.
    MissingSignature {
        /// `missing_signature`.
        code: String,
        /// What is wrong (never a secret).
        message: String,
    },
    /// Verification: the signature does not match any key.
    SignatureMismatch {
        /// `signature_mismatch`.
        code: String,
        /// What is wrong (never a secret).
        message: String,
    },
    /// Verification: past the expiry or outside the timestamp tolerance.
    Expired {
        /// `expired`.
        code: String,
        /// What is wrong (never a secret).
        message: String,
    },
    /// Verification: the URL cannot be parsed or its signature/expiry is misplaced.
    MalformedUrl {
        /// `malformed_url`.
        code: String,
        /// What is wrong (never a secret).
        message: String,
    },
    /// Origin verification: a header is present but not of the documented form.
    MalformedHeader {
        /// `malformed_header`.
        code: String,
        /// What is wrong (never a secret).
        message: String,
    },
}

impl std::fmt::Display for ImgsignError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (code, message) = self.parts();
        write!(f, "{code}: {message}")
    }
}

impl std::error::Error for ImgsignError {}

impl ImgsignError {
    fn parts(&self) -> (&str, &str) {
        match self {
            ImgsignError::InvalidDomain { code, message }
            | ImgsignError::InvalidKey { code, message }
            | ImgsignError::InvalidUrl { code, message }
            | ImgsignError::InvalidParam { code, message }
            | ImgsignError::InvalidSrcset { code, message }
            | ImgsignError::MissingSignature { code, message }
            | ImgsignError::SignatureMismatch { code, message }
            | ImgsignError::Expired { code, message }
            | ImgsignError::MalformedUrl { code, message }
            | ImgsignError::MalformedHeader { code, message } => (code, message),
        }
    }
}

impl From<imgsign::Error> for ImgsignError {
    fn from(e: imgsign::Error) -> Self {
        use imgsign::ErrorCode as C;
        let code = e.code().as_str().to_owned();
        let message = e.message().to_owned();
        match e.code() {
            C::InvalidDomain => ImgsignError::InvalidDomain { code, message },
            C::InvalidKey => ImgsignError::InvalidKey { code, message },
            C::InvalidUrl => ImgsignError::InvalidUrl { code, message },
            C::InvalidParam => ImgsignError::InvalidParam { code, message },
            C::InvalidSrcset => ImgsignError::InvalidSrcset { code, message },
            C::MissingSignature => ImgsignError::MissingSignature { code, message },
            C::SignatureMismatch => ImgsignError::SignatureMismatch { code, message },
            C::Expired => ImgsignError::Expired { code, message },
            C::MalformedUrl => ImgsignError::MalformedUrl { code, message },
            C::MalformedHeader => ImgsignError::MalformedHeader { code, message },
        }
    }
}

type Result<T> = std::result::Result<T, ImgsignError>;

// ---------------------------------------------------------------------------------------
// Records and enums
// ---------------------------------------------------------------------------------------

/// A param value: string, integer, float, boolean, or null (null drops the param).
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum ParamValue {
    /// A string, used as given.
    Str {
        /// The value.
        value: String,
    },
    /// An integer, written in decimal.
    Int {
        /// The value.
        value: i64,
    },
    /// A float, written in the shortest round-trip form.
    Float {
        /// The value.
        value: f64,
    },
    /// A boolean, written `true` / `false`.
    Bool {
        /// The value.
        value: bool,
    },
    /// No value: the param is dropped.
    Null,
}

impl From<ParamValue> for imgsign::ParamValue {
    fn from(v: ParamValue) -> Self {
        match v {
            ParamValue::Str { value } => imgsign::ParamValue::Str(value),
            ParamValue::Int { value } => imgsign::ParamValue::Int(value),
            ParamValue::Float { value } => imgsign::ParamValue::Float(value),
            ParamValue::Bool { value } => imgsign::ParamValue::Bool(value),
            ParamValue::Null => imgsign::ParamValue::Null,
        }
    }
}

/// One query param, in the caller's order.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Param {
    /// The param name, unencoded.
    pub key: String,
    /// The param value.
    pub value: ParamValue,
}

/// One item of [`UrlBuilder::build_urls`]: a path and its params.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct UrlItem {
    /// The image path.
    pub path: String,
    /// Its params.
    #[uniffi(default)]
    pub params: Vec<Param>,
}

/// One HTTP header, as received (names compare case-insensitively in the core).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Header {
    /// The header name.
    pub name: String,
    /// The header value.
    pub value: String,
}

/// A quality override for one device-pixel ratio of a fixed srcset.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct VariableQuality {
    /// The device-pixel ratio.
    pub ratio: f64,
    /// The quality for that ratio.
    pub quality: i64,
}

/// srcset options. A field left `null`/`nil` takes the core's default (fluid widths from
/// 100 to 8192 with tolerance 0.08, ratios 1 to 5, variable quality on).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SrcsetOptions {
    /// Explicit widths of a fluid srcset.
    #[uniffi(default = None)]
    pub widths: Option<Vec<i64>>,
    /// Smallest generated width.
    #[uniffi(default = None)]
    pub min_width: Option<i64>,
    /// Largest generated width.
    #[uniffi(default = None)]
    pub max_width: Option<i64>,
    /// Tolerance between consecutive widths.
    #[uniffi(default = None)]
    pub tolerance: Option<f64>,
    /// Ratios of a fixed srcset.
    #[uniffi(default = None)]
    pub device_pixel_ratios: Option<Vec<f64>>,
    /// Quality per ratio.
    #[uniffi(default = None)]
    pub variable_qualities: Option<Vec<VariableQuality>>,
    /// Add no generated `q` to fixed entries.
    #[uniffi(default = None)]
    pub disable_variable_quality: Option<bool>,
}

impl From<SrcsetOptions> for imgsign::SrcsetOptions {
    fn from(o: SrcsetOptions) -> Self {
        let d = imgsign::SrcsetOptions::default();
        imgsign::SrcsetOptions {
            widths: o.widths.or(d.widths),
            min_width: o.min_width.unwrap_or(d.min_width),
            max_width: o.max_width.unwrap_or(d.max_width),
            tolerance: o.tolerance.unwrap_or(d.tolerance),
            device_pixel_ratios: o.device_pixel_ratios.or(d.device_pixel_ratios),
            variable_qualities: o
                .variable_qualities
                .map(|v| v.into_iter().map(|q| (q.ratio, q.quality)).collect())
                .or(d.variable_qualities),
            disable_variable_quality: o.disable_variable_quality.unwrap_or(d.disable_variable_quality),
        }
    }
}

fn core_params(params: Vec<Param>) -> Vec<(String, imgsign::ParamValue)> {
    params.into_iter().map(|p| (p.key, p.value.into())).collect()
}

fn core_headers(headers: &[Header]) -> Vec<(&str, &str)> {
    headers.iter().map(|h| (h.name.as_str(), h.value.as_str())).collect()
}

// ---------------------------------------------------------------------------------------
// Signer
// ---------------------------------------------------------------------------------------

/// Signs and verifies URLs for one provider and key (plus previous keys accepted by
/// verification, for key rotation). Immutable and thread-safe; no `close()` is needed.
#[derive(uniffi::Object)]
#[uniffi::export(Debug)]
pub struct Signer {
    inner: imgsign::Signer,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The core's Debug redacts the keys.
        self.inner.fmt(f)
    }
}

#[uniffi::export]
impl Signer {
    /// Creates a signer. `provider` is `imgix`, `gumlet`, `pixta` or `imageboss`.
    #[uniffi::constructor(default(previous_keys = []))]
    pub fn new(provider: String, key: String, previous_keys: Vec<String>) -> Result<Arc<Self>> {
        let provider = imgsign::Provider::from_name(&provider)?;
        let inner = imgsign::Signer::new(provider, &key, &previous_keys)?;
        Ok(Arc::new(Signer { inner }))
    }

    /// Signs a URL as given, replacing any existing signature.
    pub fn sign_url(&self, url: String) -> Result<String> {
        Ok(self.inner.sign_url(&url)?)
    }

    /// Signs a URL with an `expires` param set to `expires_at` (UNIX seconds).
    pub fn sign_url_expiring(&self, url: String, expires_at: i64) -> Result<String> {
        Ok(self.inner.sign_url_expiring(&url, expires_at)?)
    }

    /// Signs a URL that expires `seconds` after `now` (the system clock when not given).
    #[uniffi::method(default(now = None))]
    pub fn sign_url_expiring_in(&self, url: String, seconds: i64, now: Option<i64>) -> Result<String> {
        Ok(self.inner.sign_url_expiring_in(&url, seconds, now)?)
    }

    /// Signs many URLs in one crossing; fails on the first bad URL, naming its index.
    pub fn sign_urls(&self, urls: Vec<String>) -> Result<Vec<String>> {
        Ok(self.inner.sign_urls(&urls)?)
    }

    /// Verifies a signed URL against the key and previous keys, and its `expires` against
    /// `now` (the system clock when not given). Throws the failing check.
    #[uniffi::method(default(now = None))]
    pub fn verify_url(&self, url: String, now: Option<i64>) -> Result<()> {
        Ok(self.inner.verify_url(&url, now)?)
    }

    /// The provider name.
    pub fn provider(&self) -> String {
        self.inner.provider().name().to_owned()
    }
}

// ---------------------------------------------------------------------------------------
// UrlBuilder
// ---------------------------------------------------------------------------------------

/// Builds (and signs, when it has a key) URLs for one domain. Immutable and thread-safe; no
/// `close()` is needed.
#[derive(uniffi::Object)]
#[uniffi::export(Debug)]
pub struct UrlBuilder {
    inner: imgsign::UrlBuilder,
}

impl std::fmt::Debug for UrlBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}

#[uniffi::export]
impl UrlBuilder {
    /// Creates a builder for `domain`. Every option not given takes the core's default
    /// (provider `imgix`, no key = unsigned URLs, profile `canonical`, https, no library
    /// param, path encoding on). The key is an argument, not a record field, so that no
    /// generated `toString`/`description` can ever print it.
    #[uniffi::constructor(default(
        provider = None,
        key = None,
        profile = None,
        use_https = None,
        include_library_param = None,
        disable_path_encoding = None
    ))]
    pub fn new(
        domain: String,
        provider: Option<String>,
        key: Option<String>,
        profile: Option<String>,
        use_https: Option<bool>,
        include_library_param: Option<bool>,
        disable_path_encoding: Option<bool>,
    ) -> Result<Arc<Self>> {
        let d = imgsign::BuilderOptions::default();
        let options = imgsign::BuilderOptions {
            provider: match provider {
                Some(p) => imgsign::Provider::from_name(&p)?,
                None => d.provider,
            },
            key: key.or(d.key),
            profile: match profile {
                Some(p) => imgsign::Profile::from_name(&p)?,
                None => d.profile,
            },
            use_https: use_https.unwrap_or(d.use_https),
            include_library_param: include_library_param.unwrap_or(d.include_library_param),
            disable_path_encoding: disable_path_encoding.unwrap_or(d.disable_path_encoding),
        };
        let inner = imgsign::UrlBuilder::new(&domain, options)?;
        Ok(Arc::new(UrlBuilder { inner }))
    }

    /// Builds (and signs) the URL for `path` with `params`.
    #[uniffi::method(default(params = []))]
    pub fn build_url(&self, path: String, params: Vec<Param>) -> Result<String> {
        Ok(self.inner.build_url(&path, &core_params(params))?)
    }

    /// Builds many URLs in one crossing; fails on the first bad item, naming its index.
    pub fn build_urls(&self, items: Vec<UrlItem>) -> Result<Vec<String>> {
        let items: Vec<(String, Vec<(String, imgsign::ParamValue)>)> =
            items.into_iter().map(|i| (i.path, core_params(i.params))).collect();
        Ok(self.inner.build_urls(&items)?)
    }

    /// Builds a srcset (fluid or fixed by the core's rules), every entry signed.
    #[uniffi::method(default(params = [], options))]
    pub fn build_srcset(&self, path: String, params: Vec<Param>, options: SrcsetOptions) -> Result<String> {
        Ok(self.inner.build_srcset(&path, &core_params(params), &options.into())?)
    }

    /// The domain.
    pub fn domain(&self) -> String {
        self.inner.domain().to_owned()
    }

    /// The provider name.
    pub fn provider(&self) -> String {
        self.inner.provider().name().to_owned()
    }

    /// The profile name.
    pub fn profile(&self) -> String {
        self.inner.profile().name().to_owned()
    }

    /// Whether the builder signs its URLs.
    pub fn is_signed(&self) -> bool {
        self.inner.is_signed()
    }
}

// ---------------------------------------------------------------------------------------
// Functions
// ---------------------------------------------------------------------------------------

/// The fluid srcset widths between `min_width` and `max_width` with `tolerance` (the core's
/// defaults for any argument not given).
#[uniffi::export(default(min_width = None, max_width = None, tolerance = None))]
pub fn target_widths(
    min_width: Option<i64>,
    max_width: Option<i64>,
    tolerance: Option<f64>,
) -> Result<Vec<i64>> {
    let widths = imgsign::target_widths(
        min_width.unwrap_or(imgsign::DEFAULT_MIN_WIDTH),
        max_width.unwrap_or(imgsign::DEFAULT_MAX_WIDTH),
        tolerance.unwrap_or(imgsign::DEFAULT_TOLERANCE),
    )?;
    Ok(widths.into_iter().map(i64::from).collect())
}

/// The `X-Imgix-Signature` header value (`v1,<HEX>`) for an origin request.
#[uniffi::export]
pub fn sign_origin_request(key: String, request_id: String, timestamp: i64) -> Result<String> {
    Ok(imgsign::sign_origin_request(&key, &request_id, timestamp)?)
}

/// Verifies the origin-request signature headers, with `tolerance` seconds around `now`
/// (the system clock and the core's default tolerance when not given).
#[uniffi::export(default(now = None, tolerance = None))]
pub fn verify_origin_request(
    key: String,
    headers: Vec<Header>,
    now: Option<i64>,
    tolerance: Option<i64>,
) -> Result<()> {
    Ok(imgsign::verify_origin_request(
        &key,
        &core_headers(&headers),
        now,
        tolerance.unwrap_or(imgsign::DEFAULT_ORIGIN_TOLERANCE),
    )?)
}

/// Checks the `Authorization: Basic ...` header against the configured credentials.
#[uniffi::export]
pub fn verify_basic_auth(username: String, password: String, headers: Vec<Header>) -> Result<()> {
    Ok(imgsign::verify_basic_auth(&username, &password, &core_headers(&headers))?)
}

/// Checks the `X-Imgix-Origin-Secret` handshake header against the configured secret.
#[uniffi::export]
pub fn verify_origin_secret(secret: String, headers: Vec<Header>) -> Result<()> {
    Ok(imgsign::verify_origin_secret(&secret, &core_headers(&headers))?)
}

/// The name of every provider the core knows, in its stable order (`imgix`, `gumlet`, ...).
/// The Swift package generates its provider constants from this list.
#[uniffi::export]
pub fn provider_names() -> Vec<String> {
    imgsign::Provider::ALL.iter().map(|p| p.name().to_owned()).collect()
}

/// The library version.
#[uniffi::export]
pub fn version() -> String {
    imgsign::VERSION.to_owned()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn every_core_code_maps_to_its_variant() {
        for code in imgsign::ErrorCode::ALL {
            let e: ImgsignError = imgsign::Error::new(code, "m").into();
            assert_eq!(e.parts(), (code.as_str(), "m"));
        }
    }

    #[test]
    fn provider_names_are_the_core_list() {
        let names = provider_names();
        assert_eq!(names.len(), imgsign::Provider::ALL.len());
        for name in &names {
            assert_eq!(imgsign::Provider::from_name(name).unwrap().name(), name);
        }
    }

    #[test]
    fn pixta_seed_example() {
        let s = Signer::new("pixta".into(), "wakanda123@".into(), vec![]).unwrap();
        let url = s
            .sign_url(
                "https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop".into(),
            )
            .unwrap();
        assert!(url.ends_with("&s=7d0d58f62c945d0ca08269205228bbe7"));
    }
}
