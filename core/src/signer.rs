//! Signing URLs as given and verifying signed URLs (docs/behaviour.md, "Signing a URL as
//! given" and "Verifying").

use crate::error::{Error, ErrorCode, Result, err};
use crate::provider::{Provider, SigningKey};
use crate::signature::{
    MAX_URL_LEN, check_emitted_len, message, piece_key, push_signature, split_signature, strip_signature,
};
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};
use subtle::ConstantTimeEq;

/// The current UNIX time in seconds (0 before the epoch).
pub fn unix_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// How [`Signer::sign_url_with`] sets an expiry. `Default` is no expiry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SignOptions {
    /// Expire at this UNIX time (seconds).
    pub expires: Option<i64>,
    /// Expire this many seconds after `now`.
    pub expires_in: Option<i64>,
    /// The clock for `expires_in` (the system clock when `None`).
    pub now: Option<i64>,
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
}

/// Signs URLs as given and verifies them, for one provider. Holds the current key and any
/// previous keys (verification accepts all of them: key rotation). Immutable,
/// `Send + Sync`.
#[derive(Clone)]
pub struct Signer {
    provider: Provider,
    key: SigningKey,
    previous: Vec<SigningKey>,
}

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signer")
            .field("provider", &self.provider)
            .field("previous_keys", &self.previous.len())
            .finish_non_exhaustive()
    }
}

/// A URL split into the parts signing needs, borrowed from the parsed URL.
pub(crate) struct Parts {
    pub(crate) url: url::Url,
}

impl Parts {
    fn parse(input: &str, code: ErrorCode) -> Result<Parts> {
        Parts::parse_field(input, code, "url")
    }

    /// Parses `input` as a browser does (http or https with a host, within the length
    /// limit, no control characters or surrounding white space); a failure is `code`, its
    /// message naming `field`.
    pub(crate) fn parse_field(input: &str, code: ErrorCode, field: &str) -> Result<Parts> {
        let fail = |m: &str| -> Result<Parts> { Err(Error::new(code, format!("{field}: {m}"))) };
        if input.len() > MAX_URL_LEN {
            return fail(&format!("longer than {MAX_URL_LEN} bytes"));
        }
        if has_control(input) {
            return fail("contains a control character");
        }
        if input.starts_with(char::is_whitespace) || input.ends_with(char::is_whitespace) {
            return fail("has leading or trailing white space");
        }
        let url = match url::Url::parse(input) {
            Ok(u) => u,
            Err(e) => return fail(&format!("cannot be parsed ({e})")),
        };
        if url.scheme() != "http" && url.scheme() != "https" {
            return fail("scheme must be http or https");
        }
        if url.host_str().is_none_or(str::is_empty) {
            return fail("has no host");
        }
        Ok(Parts { url })
    }

    fn origin(&self) -> &str {
        &self.url[..url::Position::BeforePath]
    }

    fn query(&self) -> &str {
        self.url.query().unwrap_or("")
    }
}

/// True when `s` has a C0 control, DEL or a C1 control (U+0080–U+009F, UTF-8 `C2 80`–`C2 9F`).
fn has_control(s: &str) -> bool {
    let b = s.as_bytes();
    // A quick pass the compiler can vectorise; the exact check only when it finds a suspect.
    if !b.iter().fold(false, |hit, &c| hit | (c < 0x20) | (c == 0x7f) | (c == 0xc2)) {
        return false;
    }
    b.iter().enumerate().any(|(i, &c)| {
        c < 0x20 || c == 0x7f || (c == 0xc2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })
}

impl Signer {
    /// Creates a signer. `previous_keys` are accepted by verification only.
    pub fn new<S: AsRef<str>>(provider: Provider, key: &str, previous_keys: &[S]) -> Result<Signer> {
        let key = SigningKey::new("key", provider, key)?;
        let previous = previous_keys
            .iter()
            .enumerate()
            .map(|(i, k)| SigningKey::new(&format!("previous_keys[{i}]"), provider, k.as_ref()))
            .collect::<Result<Vec<_>>>()?;
        Ok(Signer { provider, key, previous })
    }

    /// The provider.
    pub fn provider(&self) -> Provider {
        self.provider
    }

    /// How many previous keys verification also accepts.
    pub fn previous_key_count(&self) -> usize {
        self.previous.len()
    }

    /// Signs `url` as given, replacing any existing signature param.
    pub fn sign_url(&self, url: &str) -> Result<String> {
        self.sign_with_expiry(url, None)
    }

    /// Signs `url` with `expires=<expires_at>` (UNIX seconds) set before signing.
    pub fn sign_url_expiring(&self, url: &str, expires_at: i64) -> Result<String> {
        if expires_at < 0 {
            return err(ErrorCode::InvalidParam, "expires: must not be negative");
        }
        self.sign_with_expiry(url, Some(expires_at))
    }

    /// Signs `url` so that it expires `seconds` after `now` (the system clock when `None`).
    pub fn sign_url_expiring_in(&self, url: &str, seconds: i64, now: Option<i64>) -> Result<String> {
        if seconds < 0 {
            return err(ErrorCode::InvalidParam, "expires_in: must not be negative");
        }
        let at = now.unwrap_or_else(unix_now).saturating_add(seconds);
        self.sign_url_expiring(url, at)
    }

    /// Signs `url` with the expiry `options` ask for (see [`SignOptions::validate`]). This
    /// is the one place that reads the options of every language's `sign_url`.
    pub fn sign_url_with(&self, url: &str, options: &SignOptions) -> Result<String> {
        options.validate()?;
        match (options.expires, options.expires_in) {
            (Some(at), _) => self.sign_url_expiring(url, at),
            (None, Some(secs)) => self.sign_url_expiring_in(url, secs, options.now),
            (None, None) => self.sign_url(url),
        }
    }

    /// Signs many URLs in one call; fails on the first bad URL, naming its index.
    pub fn sign_urls<S: AsRef<str>>(&self, urls: &[S]) -> Result<Vec<String>> {
        urls.iter()
            .enumerate()
            .map(|(i, u)| self.sign_url(u.as_ref()).map_err(|e| e.at(&format!("urls[{i}]"))))
            .collect()
    }

    fn sign_with_expiry(&self, input: &str, expires: Option<i64>) -> Result<String> {
        let parts = Parts::parse(input, ErrorCode::InvalidUrl)?;
        let scheme = self.provider.scheme();
        let path = scheme.signed_path(parts.url.path());
        let query = strip_signature(parts.query(), scheme.signature_param, expires);
        let sig = self.key.sign(&message(path, &query));
        let fragment = parts.url.fragment();
        let mut out = String::with_capacity(
            parts.origin().len() + path.len() + query.len() + fragment.map_or(0, str::len) + 80,
        );
        out.push_str(parts.origin());
        out.push_str(path);
        if !query.is_empty() {
            out.push('?');
            out.push_str(&query);
        }
        push_signature(&mut out, query.is_empty(), scheme.signature_param, sig.as_str());
        if let Some(fragment) = fragment {
            out.push('#');
            out.push_str(fragment);
        }
        check_emitted_len(&out)?;
        Ok(out)
    }

    /// Verifies `url`: its signature under the current or a previous key, then its
    /// `expires` against `now` (the system clock when `None`).
    pub fn verify_url(&self, url: &str, now: Option<i64>) -> Result<()> {
        let parts = Parts::parse(url, ErrorCode::MalformedUrl)?;
        self.verify_parts(parts.url.path(), parts.query(), now)
    }

    /// Verifies what a server receives: the request target of an HTTP request in origin form
    /// (`/a.jpg?w=1&s=…`, the bytes of the request line, verified as received, without
    /// re-encoding), or a full URL (verified as [`Signer::verify_url`] does). An origin-form
    /// target is printable ASCII without `#` (a fragment is never sent), at most
    /// [`MAX_URL_LEN`] bytes; anything else is `malformed_url`. Integrations pass what their
    /// server gives them (`req.url`, `RAW_URI`, `scope["raw_path"]` and the query) and never
    /// rebuild a URL.
    pub fn verify(&self, target: &str, now: Option<i64>) -> Result<()> {
        if !target.starts_with('/') {
            return self.verify_url(target, now);
        }
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
        self.verify_parts(path, query, now)
    }

    /// Verifies a path and the query received with it (both exactly as sent).
    fn verify_parts(&self, path: &str, query: &str, now: Option<i64>) -> Result<()> {
        let scheme = self.provider.scheme();
        let sig_param = scheme.signature_param;
        let (signed_query, given) = split_signature(query, sig_param)?;
        let msg = message(scheme.signed_path(path), signed_query);
        let matched = std::iter::once(&self.key)
            .chain(self.previous.iter())
            .any(|k| bool::from(k.sign(&msg).as_bytes().ct_eq(given.as_bytes())));
        if !matched {
            return err(
                ErrorCode::SignatureMismatch,
                format!("url: the {sig_param} param does not match the path and query"),
            );
        }
        let mut expires = signed_query.split('&').filter(|p| piece_key(p) == "expires");
        if let Some(piece) = expires.next() {
            if expires.next().is_some() {
                return err(ErrorCode::MalformedUrl, "url: expires given more than once");
            }
            let value = piece.split_once('=').map_or("", |(_, v)| v);
            let at = (!value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()))
                .then(|| value.parse::<i64>().ok())
                .flatten();
            let Some(at) = at else {
                return err(ErrorCode::MalformedUrl, "url: expires is not a UNIX timestamp in seconds");
            };
            if now.unwrap_or_else(unix_now) > at {
                return err(ErrorCode::Expired, format!("url: expired at {at}"));
            }
        }
        Ok(())
    }
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
        let both = SignOptions { expires: Some(1), expires_in: Some(2), now: None };
        assert_eq!(code(both), Err(ErrorCode::InvalidParam));
        let stray_now = SignOptions { now: Some(5), ..SignOptions::default() };
        assert_eq!(code(stray_now), Err(ErrorCode::InvalidParam));
    }
}
