//! `Signer`: signs URLs as given and verifies them.

use crate::error::Result;
use crate::types::{InputString, ParamValue, args, core_named, opt_arg};
use imgsign::Operation as Op;
use std::collections::HashMap;
use std::sync::Arc;

/// A scheme's options or per-call values by name (docs/schemes.md).
pub(crate) type Named = HashMap<InputString, ParamValue>;

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

pub(crate) fn sign_options(
    op: Op,
    expires: Option<i64>,
    expires_in: Option<i64>,
    now: Option<i64>,
    values: Named,
) -> imgsign::Result<imgsign::SignOptions> {
    Ok(imgsign::SignOptions { expires, expires_in, now, values: core_named(values, op, "values")? })
}

pub(crate) fn verify_options(
    op: Op,
    now: Option<i64>,
    values: Named,
) -> imgsign::Result<imgsign::VerifyOptions> {
    Ok(imgsign::VerifyOptions { now, values: core_named(values, op, "values")? })
}

#[uniffi::export]
impl Signer {
    /// Creates a signer for a provider of the core (`imgix`, ...) and its key. A scheme with
    /// a salt (imgproxy) takes `salt` and one of `previous_salts` per previous key;
    /// `options` are the scheme's options by name (docs/schemes.md).
    #[uniffi::constructor(default(previous_keys = [], salt = None, previous_salts = [], options))]
    pub fn new(
        provider: InputString,
        key: InputString,
        previous_keys: Vec<InputString>,
        salt: Option<InputString>,
        previous_salts: Vec<InputString>,
        options: Named,
    ) -> Result<Arc<Self>> {
        let provider = imgsign::Provider::from_name(&provider.arg(Op::Signer, "provider")?)?;
        let secrets = imgsign::Secrets {
            key: key.arg(Op::Signer, "key")?,
            previous_keys: args(previous_keys, Op::Signer, "previous_keys")?,
            salt: opt_arg(salt, Op::Signer, "salt")?,
            previous_salts: args(previous_salts, Op::Signer, "previous_salts")?,
        };
        let options = core_named(options, Op::Signer, "options")?;
        let inner = imgsign::Signer::with(provider, &secrets, &options)?;
        Ok(Arc::new(Signer { inner }))
    }

    /// Signs a URL as given, replacing any existing signature. With `expires` (UNIX seconds)
    /// or `expires_in` (seconds after `now`, the system clock when not given) the scheme's
    /// expiry is set before signing; `values` are the per-call values it signs.
    #[uniffi::method(default(expires = None, expires_in = None, now = None, values))]
    pub fn sign_url(
        &self,
        url: InputString,
        expires: Option<i64>,
        expires_in: Option<i64>,
        now: Option<i64>,
        values: Named,
    ) -> Result<String> {
        let url = url.arg(Op::SignUrl, "url")?;
        let options = sign_options(Op::SignUrl, expires, expires_in, now, values)?;
        Ok(self.inner.sign_url_with(&url, &options)?)
    }

    /// Signs a URL with the scheme's expiry set to `expires_at` (UNIX seconds).
    pub fn sign_url_expiring(&self, url: InputString, expires_at: i64) -> Result<String> {
        Ok(self.inner.sign_url_expiring(&url.arg(Op::SignUrl, "url")?, expires_at)?)
    }

    /// Signs a URL that expires `seconds` after `now` (the system clock when not given).
    #[uniffi::method(default(now = None))]
    pub fn sign_url_expiring_in(&self, url: InputString, seconds: i64, now: Option<i64>) -> Result<String> {
        Ok(self.inner.sign_url_expiring_in(&url.arg(Op::SignUrl, "url")?, seconds, now)?)
    }

    /// Signs many URLs in one crossing; fails on the first bad URL, naming its index. The
    /// expiry and per-call values are those of `sign_url`, the same for every URL.
    #[uniffi::method(default(expires = None, expires_in = None, now = None, values))]
    pub fn sign_urls(
        &self,
        urls: Vec<InputString>,
        expires: Option<i64>,
        expires_in: Option<i64>,
        now: Option<i64>,
        values: Named,
    ) -> Result<Vec<String>> {
        let urls = args(urls, Op::SignUrls, "urls")?;
        let options = sign_options(Op::SignUrls, expires, expires_in, now, values)?;
        Ok(self.inner.sign_urls_with(&urls, &options)?)
    }

    /// A token on its own (for a cookie or a header), for a scheme whose signature is a
    /// token; the arguments are those of `sign_url`. A scheme that signs URLs only throws
    /// `invalid_param`.
    #[uniffi::method(default(expires = None, expires_in = None, now = None, values))]
    pub fn sign_token(
        &self,
        expires: Option<i64>,
        expires_in: Option<i64>,
        now: Option<i64>,
        values: Named,
    ) -> Result<String> {
        let options = sign_options(Op::SignToken, expires, expires_in, now, values)?;
        Ok(self.inner.sign_token(&options)?)
    }

    /// Verifies a signed URL against the key and previous keys, and its expiry against
    /// `now` (the system clock when not given), with the per-call `values` it was signed
    /// with. Throws the failing check.
    #[uniffi::method(default(now = None, values))]
    pub fn verify_url(&self, url: InputString, now: Option<i64>, values: Named) -> Result<()> {
        let url = url.arg(Op::VerifyUrl, "url")?;
        Ok(self.inner.verify_url_with(&url, &verify_options(Op::VerifyUrl, now, values)?)?)
    }

    /// Verifies what a server receives: a request target (`/a.jpg?w=1&s=…`, the path and
    /// query exactly as the request line carries them) or a full URL, and its expiry
    /// against `now` (the system clock when not given). Throws the failing check.
    #[uniffi::method(default(now = None, values))]
    pub fn verify(&self, target: InputString, now: Option<i64>, values: Named) -> Result<()> {
        let target = target.arg(Op::Verify, "target")?;
        Ok(self.inner.verify_with(&target, &verify_options(Op::Verify, now, values)?)?)
    }

    /// Verifies a token on its own (from a cookie or a header) against the keys, its expiry
    /// against `now` and the per-call `values`. Throws the failing check.
    #[uniffi::method(default(now = None, values))]
    pub fn verify_token(&self, token: InputString, now: Option<i64>, values: Named) -> Result<()> {
        let token = token.arg(Op::VerifyToken, "token")?;
        Ok(self.inner.verify_token(&token, &verify_options(Op::VerifyToken, now, values)?)?)
    }

    /// The provider name.
    pub fn provider(&self) -> String {
        self.inner.provider().name().to_owned()
    }
}
