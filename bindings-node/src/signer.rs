//! `Signer`: signs URLs as given and verifies them.

use crate::convert::{list, string};
use crate::error::{Arg, Result, core};
use crate::options::{SignUrlOptions, SignerOptions, VerifyUrlOptions};
use imgsign::Operation as Op;
use napi::Env;
use napi::bindgen_prelude::{Object, Unknown};
use napi_derive::napi;

/// Signs URLs as given and verifies them. The key lives in native memory only: it is not a
/// JavaScript property, and `util.inspect`, `JSON.stringify` and `toString` show the
/// provider only.
#[napi]
pub struct Signer {
    inner: imgsign::Signer,
}

#[napi]
impl Signer {
    /// Creates a signer for `provider` with `key`. `options.previousKeys` are accepted by
    /// `verifyUrl` too (key rotation); a scheme with a salt takes `options.salt` and one of
    /// `options.previousSalts` per previous key; `options.options` are the scheme's options
    /// by name (`{ signatureSize: 8 }`, docs/schemes.md).
    /// @throws {Error} `.code` `invalid_param` (unknown provider or option), `invalid_key`.
    #[napi(constructor, catch_unwind)]
    pub fn new(
        env: Env,
        #[napi(ts_arg_type = "ProviderName")] provider: Unknown,
        #[napi(ts_arg_type = "string")] key: Unknown,
        #[napi(ts_arg_type = "SignerOptions")] options: Option<Unknown>,
    ) -> Result<Self> {
        let provider = string(provider, Arg::new(Op::Signer, "provider"))?;
        let key = string(key, Arg::new(Op::Signer, "key"))?;
        let mut options = SignerOptions::read(&env, Op::Signer, options)?;
        let provider = imgsign::Provider::from_name(&provider).map_err(core)?;
        let secrets = options.secrets(key);
        let named = options.options.map(|o| o.0).unwrap_or_default();
        let inner = imgsign::Signer::with(provider, &secrets, &named).map_err(core)?;
        Ok(Signer { inner })
    }

    /// The provider name.
    #[napi(getter, ts_return_type = "ProviderName")]
    pub fn provider(&self) -> &'static str {
        self.inner.provider().name()
    }

    /// Signs `url` as given, replacing any existing signature. With `expires` (UNIX seconds)
    /// or `expiresIn` (seconds after `now`, the system clock when not given) the scheme's
    /// expiry is set before signing; `values` are the per-call values it signs.
    /// @throws {Error} `.code` `invalid_url`, `invalid_param`.
    #[napi(catch_unwind)]
    pub fn sign_url(
        &self,
        env: Env,
        #[napi(ts_arg_type = "string")] url: Unknown,
        #[napi(ts_arg_type = "SignUrlOptions")] options: Option<Unknown>,
    ) -> Result<String> {
        let url = string(url, Arg::new(Op::SignUrl, "url"))?;
        let options = SignUrlOptions::read(&env, Op::SignUrl, options)?;
        self.inner.sign_url_with(&url, &options.into()).map_err(core)
    }

    /// Signs many URLs in one call; fails as a whole on the first bad URL (its index is named).
    /// The options are those of `signUrl`, the same for every URL.
    #[napi(catch_unwind)]
    pub fn sign_urls(
        &self,
        env: Env,
        #[napi(ts_arg_type = "string[]")] urls: Unknown,
        #[napi(ts_arg_type = "SignUrlOptions")] options: Option<Unknown>,
    ) -> Result<Vec<String>> {
        let urls = list(urls, Arg::new(Op::SignUrls, "urls"), string)?;
        let options = SignUrlOptions::read(&env, Op::SignUrls, options)?;
        self.inner.sign_urls_with(&urls, &options.into()).map_err(core)
    }

    /// Verifies `url` under the key or any previous key, and its `expires` against `now`
    /// (the system clock when not given). Returns nothing when valid.
    /// @throws {Error} `.code` `missing_signature`, `signature_mismatch`, `expired`, `malformed_url`.
    #[napi(catch_unwind)]
    pub fn verify_url(
        &self,
        env: Env,
        #[napi(ts_arg_type = "string")] url: Unknown,
        #[napi(ts_arg_type = "VerifyUrlOptions")] options: Option<Unknown>,
    ) -> Result<()> {
        let url = string(url, Arg::new(Op::VerifyUrl, "url"))?;
        let options = VerifyUrlOptions::read(&env, Op::VerifyUrl, options)?;
        self.inner.verify_url_with(&url, &options.into()).map_err(core)
    }

    /// Verifies what a server receives: a request target (`req.url`: `/a.jpg?w=1&s=…`, the
    /// path and query exactly as the request line carries them) or a full URL, and its
    /// `expires` against `now` (the system clock when not given). Returns nothing when valid.
    /// @throws {Error} `.code` `missing_signature`, `signature_mismatch`, `expired`, `malformed_url`.
    #[napi(catch_unwind)]
    pub fn verify(
        &self,
        env: Env,
        #[napi(ts_arg_type = "string")] target: Unknown,
        #[napi(ts_arg_type = "VerifyUrlOptions")] options: Option<Unknown>,
    ) -> Result<()> {
        let target = string(target, Arg::new(Op::Verify, "target"))?;
        let options = VerifyUrlOptions::read(&env, Op::Verify, options)?;
        self.inner.verify_with(&target, &options.into()).map_err(core)
    }

    /// A token on its own (for a cookie or a header), for a scheme whose signature is a
    /// token; the options are those of `signUrl`. A scheme that signs URLs only throws
    /// `invalid_param`.
    /// @throws {Error} `.code` `invalid_param`.
    #[napi(catch_unwind)]
    pub fn sign_token(
        &self,
        env: Env,
        #[napi(ts_arg_type = "SignUrlOptions")] options: Option<Unknown>,
    ) -> Result<String> {
        let options = SignUrlOptions::read(&env, Op::SignToken, options)?;
        self.inner.sign_token(&options.into()).map_err(core)
    }

    /// Verifies a token on its own (from a cookie or a header) against `now` (the system
    /// clock when not given) and the per-call `values`. Returns nothing when valid.
    /// @throws {Error} `.code` `missing_signature`, `signature_mismatch`, `expired`, `malformed_url`.
    #[napi(catch_unwind)]
    pub fn verify_token(
        &self,
        env: Env,
        #[napi(ts_arg_type = "string")] token: Unknown,
        #[napi(ts_arg_type = "VerifyUrlOptions")] options: Option<Unknown>,
    ) -> Result<()> {
        let token = string(token, Arg::new(Op::VerifyToken, "token"))?;
        let options = VerifyUrlOptions::read(&env, Op::VerifyToken, options)?;
        self.inner.verify_token(&token, &options.into()).map_err(core)
    }

    /// `Signer(<provider>)`: never the key.
    #[napi(js_name = "toString")]
    pub fn to_string_js(&self) -> String {
        format!("Signer({})", self.inner.provider().name())
    }

    /// `{ provider }`: never the key.
    #[napi(js_name = "toJSON", ts_return_type = "{ provider: ProviderName }")]
    pub fn to_json(&self, env: Env) -> napi::Result<Object<'_>> {
        let mut o = Object::new(&env)?;
        o.set("provider", self.inner.provider().name())?;
        Ok(o)
    }
}
