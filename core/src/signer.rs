//! Signing URLs as given and verifying signed URLs (docs/behaviour.md, "Signing a URL as
//! given" and "Verifying"), for every scheme of the model (docs/schemes.md).

use crate::digest::SigningKey;
use crate::encode::ParamValue;
use crate::error::{ErrorCode, Result, err};
use crate::provider::Provider;
use crate::scheme::{Named, Placement, Resolved, read_named, resolve};
use crate::secrets::{self, Secrets};
use crate::sent::SentUrl;
use crate::signature::{
    MAX_URL_LEN, check_emitted_len, message, push_signature, sign_segment, signed_path, split_signature_and,
    strip_signature, value_at, verify_segment,
};
use crate::tokens;
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};
use subtle::ConstantTimeEq;

/// The current UNIX time in seconds (0 before the epoch).
pub fn unix_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// How [`Signer::sign_url_with`] and [`Signer::sign_token`] set an expiry, and the per-call
/// values a scheme signs for one URL or token only. `Default` is no expiry and no values.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SignOptions {
    /// Expire at this UNIX time (seconds).
    pub expires: Option<i64>,
    /// Expire this many seconds after `now`.
    pub expires_in: Option<i64>,
    /// The clock for `expires_in` (the system clock when `None`).
    pub now: Option<i64>,
    /// Per-call values by name (docs/schemes.md lists each scheme's); a `Null` value is not
    /// given.
    pub values: Vec<(String, ParamValue)>,
}

impl SignOptions {
    /// Checks the combination: at most one of `expires` and `expires_in`; `now` only
    /// together with `expires_in`.
    pub fn validate(&self) -> Result<()> {
        match (self.expires, self.expires_in, self.now) {
            (Some(_), Some(_), _) => {
                err(ErrorCode::InvalidParam, "expires, expires_in: give at most one of them")
            }
            (_, None, Some(_)) => err(ErrorCode::InvalidParam, "now: only used together with expires_in"),
            _ => Ok(()),
        }
    }

    /// The same options with the expiry made absolute: an `expires_in` becomes `expires`,
    /// counted from one reading of the clock (or `now`). A batch signed with the result
    /// expires at one second whatever signs each URL and however long it takes.
    pub fn resolved(&self) -> Result<SignOptions> {
        Ok(SignOptions { expires: self.expiry()?, expires_in: None, now: None, values: self.values.clone() })
    }

    /// The absolute expiry the options ask for, if any.
    fn expiry(&self) -> Result<Option<i64>> {
        self.validate()?;
        match (self.expires, self.expires_in) {
            (Some(at), _) if at < 0 => err(ErrorCode::InvalidParam, "expires: must not be negative"),
            (Some(at), _) => Ok(Some(at)),
            (None, Some(secs)) if secs < 0 => {
                err(ErrorCode::InvalidParam, "expires_in: must not be negative")
            }
            (None, Some(secs)) => Ok(Some(self.now.unwrap_or_else(unix_now).saturating_add(secs))),
            (None, None) => Ok(None),
        }
    }
}

/// How [`Signer::verify_url_with`], [`Signer::verify_with`] and [`Signer::verify_token`]
/// check: the clock for expiry and the per-call values the signature covers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VerifyOptions {
    /// The clock, UNIX seconds (the system clock when `None`).
    pub now: Option<i64>,
    /// Per-call values by name; a `Null` value is not given.
    pub values: Vec<(String, ParamValue)>,
}

/// Signs URLs as given and verifies them, for one provider. Holds the current key and any
/// previous keys (verification accepts all of them: key rotation), each with its salt for a
/// scheme that has one, and the scheme's options. Immutable, `Send + Sync`.
#[derive(Clone)]
pub struct Signer {
    provider: Provider,
    resolved: Resolved,
    /// The signing key first, then the previous keys.
    keys: Vec<SigningKey>,
}

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signer")
            .field("provider", &self.provider)
            .field("previous_keys", &self.previous_key_count())
            .finish_non_exhaustive()
    }
}

impl Signer {
    /// Creates a signer with a key and previous keys, for a scheme without a salt or options.
    pub fn new<S: AsRef<str>>(provider: Provider, key: &str, previous_keys: &[S]) -> Result<Signer> {
        Signer::with(provider, &Secrets::key(key, previous_keys), &[] as &[(&str, ParamValue)])
    }

    /// Creates a signer with its secrets and the scheme's options by name (docs/schemes.md;
    /// a name may be written `snake_case` or `camelCase`, a `Null` value is not given). The
    /// secrets are checked first, in argument order, then the options.
    pub fn with<K: AsRef<str>>(
        provider: Provider,
        secrets: &Secrets,
        options: &[(K, ParamValue)],
    ) -> Result<Signer> {
        let scheme = provider.scheme();
        let decoded = secrets::decode(scheme, secrets)?;
        let mut resolved = resolve(scheme, options)?;
        tokens::check_resolved(&mut resolved)?;
        let keys = secrets::prepare(&resolved, &decoded)?;
        Ok(Signer { provider, resolved, keys })
    }

    /// The provider.
    pub fn provider(&self) -> Provider {
        self.provider
    }

    /// How many previous keys verification also accepts.
    pub fn previous_key_count(&self) -> usize {
        self.keys.len().saturating_sub(1)
    }

    /// The signing key (the first one; a signer always has it).
    fn key(&self) -> Result<&SigningKey> {
        match self.keys.first() {
            Some(k) => Ok(k),
            None => err(ErrorCode::InvalidKey, "key: missing"),
        }
    }

    /// The per-call values, checked against the scheme's.
    fn values(&self, values: &[(String, ParamValue)]) -> Result<Named> {
        let scheme = self.resolved.scheme;
        read_named(scheme, "values", scheme.values, values)
    }

    /// Signs `url` as given, replacing any existing signature param.
    pub fn sign_url(&self, url: &str) -> Result<String> {
        self.sign_with_expiry(url, None, &Named::default())
    }

    /// Signs `url` with `expires=<expires_at>` (UNIX seconds) set before signing.
    pub fn sign_url_expiring(&self, url: &str, expires_at: i64) -> Result<String> {
        self.sign_url_with(url, &SignOptions { expires: Some(expires_at), ..SignOptions::default() })
    }

    /// Signs `url` so that it expires `seconds` after `now` (the system clock when `None`).
    pub fn sign_url_expiring_in(&self, url: &str, seconds: i64, now: Option<i64>) -> Result<String> {
        self.sign_url_with(url, &SignOptions { expires_in: Some(seconds), now, ..SignOptions::default() })
    }

    /// Signs `url` with the expiry and per-call values `options` give (see
    /// [`SignOptions::validate`]). This is the one place that reads the options of every
    /// language's `sign_url`.
    pub fn sign_url_with(&self, url: &str, options: &SignOptions) -> Result<String> {
        let expires = options.expiry()?;
        let values = self.values(&options.values)?;
        self.sign_with_expiry(url, expires, &values)
    }

    /// Signs many URLs in one call; fails on the first bad URL, naming its index.
    pub fn sign_urls<S: AsRef<str>>(&self, urls: &[S]) -> Result<Vec<String>> {
        self.sign_urls_with(urls, &SignOptions::default())
    }

    /// [`Signer::sign_urls`] with one expiry and one set of per-call values for every URL
    /// (an `expires_in` is counted from one reading of the clock).
    pub fn sign_urls_with<S: AsRef<str>>(&self, urls: &[S], options: &SignOptions) -> Result<Vec<String>> {
        let expires = options.expiry()?;
        let values = self.values(&options.values)?;
        urls.iter()
            .enumerate()
            .map(|(i, u)| {
                self.sign_with_expiry(u.as_ref(), expires, &values).map_err(|e| e.at(&format!("urls[{i}]")))
            })
            .collect()
    }

    /// A token on its own (for a cookie or a header), for a scheme whose signature is a
    /// token; a scheme that signs URLs only refuses it (`invalid_param`).
    pub fn sign_token(&self, options: &SignOptions) -> Result<String> {
        let expires = options.expiry()?;
        let values = self.values(&options.values)?;
        tokens::sign_token(&self.token_ctx(&values), expires)
    }

    /// Verifies a token on its own (from a cookie or a header): its signature under the
    /// current or a previous key, then its expiry against `options.now`.
    pub fn verify_token(&self, token: &str, options: &VerifyOptions) -> Result<()> {
        let values = self.values(&options.values)?;
        tokens::verify_token(&self.token_ctx(&values), token, options.now)
    }

    fn token_ctx<'a>(&'a self, values: &'a Named) -> tokens::Ctx<'a> {
        tokens::Ctx { resolved: &self.resolved, keys: &self.keys, values }
    }

    /// The expiry param of the scheme, for a URL that is to expire.
    fn expiry_name(&self, expires: Option<i64>) -> Result<Option<(&'static str, i64)>> {
        match (expires, self.resolved.parts.expiry) {
            (None, _) => Ok(None),
            (Some(at), Some(e)) => Ok(Some((e.name, at))),
            (Some(_), None) => err(
                ErrorCode::InvalidParam,
                format!("expires: {} URLs carry no expiry", self.provider.name()),
            ),
        }
    }

    fn sign_with_expiry(&self, input: &str, expires: Option<i64>, values: &Named) -> Result<String> {
        if tokens::handles(&self.resolved.parts) {
            let parts = SentUrl::parse(input, ErrorCode::InvalidUrl)?;
            let u = tokens::Url {
                origin: Some(parts.origin()),
                path: parts.path(),
                query: parts.query().unwrap_or_default(),
                fragment: parts.fragment(),
            };
            return tokens::sign_url(&self.token_ctx(values), &u, expires);
        }
        let expiry = self.expiry_name(expires)?;
        let parts = SentUrl::parse(input, ErrorCode::InvalidUrl)?;
        let scheme = self.resolved.parts;
        let Placement::LastQueryParam(param) = scheme.placement else {
            return self.sign_in_path(&parts);
        };
        let path = signed_path(scheme.covered, parts.path());
        let query = strip_signature(parts.query().unwrap_or_default(), param, expiry);
        let sig = self.key()?.sign(&message(path, &query));
        let fragment = parts.fragment();
        let mut out = String::with_capacity(
            parts.origin().len() + path.len() + query.len() + fragment.map_or(0, str::len) + 80,
        );
        out.push_str(parts.origin());
        out.push_str(path);
        if !query.is_empty() {
            out.push('?');
            out.push_str(&query);
        }
        push_signature(&mut out, query.is_empty(), param, sig.as_str());
        if let Some(fragment) = fragment {
            out.push('#');
            out.push_str(fragment);
        }
        check_emitted_len(&out)?;
        Ok(out)
    }

    /// Signs a URL whose signature is a path segment: the query and fragment are kept and
    /// not signed.
    fn sign_in_path(&self, parts: &SentUrl<'_>) -> Result<String> {
        let (path, query, fragment) = (parts.path(), parts.query(), parts.fragment());
        let mut out =
            String::with_capacity(parts.origin().len() + path.len() + query.map_or(0, str::len) + 96);
        out.push_str(parts.origin());
        sign_segment(&mut out, path, &self.resolved, self.key()?)?;
        if let Some(query) = query {
            out.push('?');
            out.push_str(query);
        }
        if let Some(fragment) = fragment {
            out.push('#');
            out.push_str(fragment);
        }
        check_emitted_len(&out)?;
        Ok(out)
    }

    /// Verifies `url`: its signature under the current or a previous key, then its
    /// expiry against `now` (the system clock when `None`).
    pub fn verify_url(&self, url: &str, now: Option<i64>) -> Result<()> {
        self.verify_url_with(url, &VerifyOptions { now, ..VerifyOptions::default() })
    }

    /// [`Signer::verify_url`] with per-call values.
    pub fn verify_url_with(&self, url: &str, options: &VerifyOptions) -> Result<()> {
        let values = self.values(&options.values)?;
        let parts = SentUrl::parse(url, ErrorCode::MalformedUrl)?;
        if tokens::handles(&self.resolved.parts) {
            let u = tokens::Url {
                origin: Some(parts.origin()),
                path: parts.path(),
                query: parts.query().unwrap_or_default(),
                fragment: None,
            };
            return tokens::verify(&self.token_ctx(&values), &u, options.now);
        }
        self.verify_parts(parts.path(), parts.query().unwrap_or_default(), options.now, &values)
    }

    /// Verifies what a server receives: the request target of an HTTP request in origin form
    /// (`/a.jpg?w=1&s=…`, the bytes of the request line, verified as received, without
    /// re-encoding), or a full URL (verified as [`Signer::verify_url`] does). An origin-form
    /// target is printable ASCII without `#` (a fragment is never sent), at most
    /// [`MAX_URL_LEN`] bytes; anything else is `malformed_url`. Integrations pass what their
    /// server gives them (`req.url`, `RAW_URI`, `scope["raw_path"]` and the query) and never
    /// rebuild a URL.
    pub fn verify(&self, target: &str, now: Option<i64>) -> Result<()> {
        self.verify_with(target, &VerifyOptions { now, ..VerifyOptions::default() })
    }

    /// [`Signer::verify`] with per-call values.
    pub fn verify_with(&self, target: &str, options: &VerifyOptions) -> Result<()> {
        if !target.starts_with('/') {
            return self.verify_url_with(target, options);
        }
        let values = self.values(&options.values)?;
        let fail = |m: &str| err(ErrorCode::MalformedUrl, format!("target: {m}"));
        if target.len() > MAX_URL_LEN {
            return fail(&format!("longer than {MAX_URL_LEN} bytes"));
        }
        if let Some(b) = target.bytes().find(|b| !b.is_ascii_graphic() || *b == b'#') {
            return fail(match b {
                b'#' => "has a fragment ('#'), which is never sent to a server",
                b' ' => "has a space (a request target is sent percent-encoded)",
                0x80..=0xff => "has a non-ASCII character (a request target is sent percent-encoded)",
                _ => "has a control character",
            });
        }
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        if tokens::handles(&self.resolved.parts) {
            let u = tokens::Url { origin: None, path, query, fragment: None };
            return tokens::verify(&self.token_ctx(&values), &u, options.now);
        }
        self.verify_parts(path, query, options.now, &values)
    }

    /// Whether `given` is the signature of the message `parts` under any key (constant time
    /// for each comparison; every key is tried, the signing key first).
    fn matches(&self, parts: &[&str], given: &str) -> bool {
        self.keys.iter().any(|k| same(k.sign_parts(parts).as_bytes(), given.as_bytes()))
    }

    /// Verifies a path and the query received with it (both exactly as sent).
    fn verify_parts(&self, path: &str, query: &str, now: Option<i64>, values: &Named) -> Result<()> {
        let _ = values;
        let scheme = self.resolved.parts;
        let Placement::LastQueryParam(sig_param) = scheme.placement else {
            return verify_segment(path, &self.resolved, |parts, given| self.matches(parts, given));
        };
        let expiry = scheme.expiry;
        let split = split_signature_and(query, sig_param, expiry.map(|e| e.name))?;
        let msg = message(signed_path(scheme.covered, path), split.signed);
        if !self.matches(msg.parts(), split.value) {
            return err(
                ErrorCode::SignatureMismatch,
                format!("url: the {sig_param} param does not match the path and query"),
            );
        }
        let Some(expiry) = expiry else { return Ok(()) };
        let name = expiry.name;
        match split.other {
            Err(()) => err(ErrorCode::MalformedUrl, format!("url: {name} given more than once")),
            Ok(Some(at)) => check_expiry(name, value_at(split.signed, at, name.len()), now),
            Ok(None) => Ok(()),
        }
    }
}

/// Whether `a` and `b` are equal, in time that depends on their length only (which is not a
/// secret: every signature of a scheme has the same). The bytes are folded first, so one
/// constant-time comparison of the result decides.
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    bool::from(diff.ct_eq(&0))
}

/// Checks an expiry value as received: a decimal UNIX time (`malformed_url` otherwise), not
/// before `now` (`expired`).
pub(crate) fn check_expiry(name: &str, value: &str, now: Option<i64>) -> Result<()> {
    let at = (!value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()))
        .then(|| value.parse::<i64>().ok())
        .flatten();
    let Some(at) = at else {
        return err(ErrorCode::MalformedUrl, format!("url: {name} is not a UNIX timestamp in seconds"));
    };
    if now.unwrap_or_else(unix_now) > at {
        return err(ErrorCode::Expired, format!("url: expired at {at}"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_options_are_read_in_one_place() {
        let s = Signer::new(Provider::Imgix, "FOO123bar", &[] as &[&str]).unwrap();
        let url = "https://demo.imgix.net/a.jpg?w=1";
        let code = |o: SignOptions| s.sign_url_with(url, &o).map_err(|e| e.code());
        assert_eq!(code(SignOptions::default()), Ok(s.sign_url(url).unwrap()));
        let at = SignOptions { expires: Some(1060), ..SignOptions::default() };
        let rel = SignOptions { expires_in: Some(60), now: Some(1000), ..SignOptions::default() };
        assert_eq!(code(at), code(rel));
        let both = SignOptions { expires: Some(1), expires_in: Some(2), ..SignOptions::default() };
        assert_eq!(code(both), Err(ErrorCode::InvalidParam));
        let stray_now = SignOptions { now: Some(5), ..SignOptions::default() };
        assert_eq!(code(stray_now), Err(ErrorCode::InvalidParam));
    }
}
