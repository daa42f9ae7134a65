//! `Signer`: signs URLs as given and verifies them.

use crate::error::Result;
use crate::types::{InputString, args};
use imgsign::Operation as Op;
use std::sync::Arc;

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
    /// Creates a signer for a provider of the core (`imgix`, ...) and its key.
    #[uniffi::constructor(default(previous_keys = []))]
    pub fn new(
        provider: InputString,
        key: InputString,
        previous_keys: Vec<InputString>,
    ) -> Result<Arc<Self>> {
        let provider = imgsign::Provider::from_name(&provider.arg(Op::Signer, "provider")?)?;
        let key = key.arg(Op::Signer, "key")?;
        let previous_keys = args(previous_keys, Op::Signer, "previous_keys")?;
        let inner = imgsign::Signer::new(provider, &key, &previous_keys)?;
        Ok(Arc::new(Signer { inner }))
    }

    /// Signs a URL as given, replacing any existing signature.
    pub fn sign_url(&self, url: InputString) -> Result<String> {
        Ok(self.inner.sign_url(&url.arg(Op::SignUrl, "url")?)?)
    }

    /// Signs a URL with an `expires` param set to `expires_at` (UNIX seconds).
    pub fn sign_url_expiring(&self, url: InputString, expires_at: i64) -> Result<String> {
        Ok(self.inner.sign_url_expiring(&url.arg(Op::SignUrl, "url")?, expires_at)?)
    }

    /// Signs a URL that expires `seconds` after `now` (the system clock when not given).
    #[uniffi::method(default(now = None))]
    pub fn sign_url_expiring_in(&self, url: InputString, seconds: i64, now: Option<i64>) -> Result<String> {
        Ok(self.inner.sign_url_expiring_in(&url.arg(Op::SignUrl, "url")?, seconds, now)?)
    }

    /// Signs many URLs in one crossing; fails on the first bad URL, naming its index.
    pub fn sign_urls(&self, urls: Vec<InputString>) -> Result<Vec<String>> {
        Ok(self.inner.sign_urls(&args(urls, Op::SignUrls, "urls")?)?)
    }

    /// Verifies a signed URL against the key and previous keys, and its `expires` against
    /// `now` (the system clock when not given). Throws the failing check.
    #[uniffi::method(default(now = None))]
    pub fn verify_url(&self, url: InputString, now: Option<i64>) -> Result<()> {
        Ok(self.inner.verify_url(&url.arg(Op::VerifyUrl, "url")?, now)?)
    }

    /// The provider name.
    pub fn provider(&self) -> String {
        self.inner.provider().name().to_owned()
    }
}
