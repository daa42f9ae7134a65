//! `Sources`: several named sources in one object; the matching rules are the core's.

use crate::builder::UrlBuilder;
use crate::convert::{entries, list, string};
use crate::error::{Arg, Result, at, core};
use crate::options::{SignUrlOptions, SourceOptions, VerifyUrlOptions};
use imgsign::Operation as Op;
use napi::Env;
use napi::bindgen_prelude::{Object, Unknown};
use napi_derive::napi;
use std::sync::Arc;

/// Several named sources in one object: `new Sources({ shop: { domain, key }, ... })`.
/// `signUrl`, `verifyUrl` and `verify` choose the source by the URL's host and path (the
/// longest path prefix wins); `source(name)` gives a source's `UrlBuilder`. A URL no source
/// takes, or an unknown name, throws `unknown_source`. The keys live in native memory only.
#[napi]
pub struct Sources {
    inner: Arc<imgsign::Sources>,
    /// The id `index.js` names this set by in the fast path (`fast.rs`).
    id: u32,
}

impl Drop for Sources {
    fn drop(&mut self) {
        crate::fast::unregister_sources(self.id);
    }
}

#[napi]
impl Sources {
    /// Creates the set from sources by name (a plain object, a `Map` or `[name, source]` pairs).
    /// @throws {Error} `.code` `invalid_param`, `invalid_domain`, `invalid_key`.
    #[napi(constructor, catch_unwind)]
    pub fn new(
        env: Env,
        #[napi(
            ts_arg_type = "Record<string, SourceOptions> | Map<string, SourceOptions> | Array<[string, SourceOptions]>"
        )]
        sources: Unknown,
    ) -> Result<Self> {
        let mut specs = Vec::new();
        for (name, spec) in entries(&env, sources, Arg::new(Op::Sources, "sources"))? {
            let location = format!("sources[{name}]");
            let options = SourceOptions::read(&env, Op::Sources, Some(spec)).map_err(|e| at(e, &location))?;
            specs.push(options.into_core(name).map_err(|e| core(e.at(&location)))?);
        }
        let inner = Arc::new(imgsign::Sources::new(&specs).map_err(core)?);
        let id = crate::fast::register_sources(&inner);
        Ok(Sources { inner, id })
    }

    /// The id of this set in the fast path of `index.js` (see `fast.rs`).
    /// @internal
    #[napi(getter, js_name = "_id")]
    pub fn fast_id(&self) -> u32 {
        self.id
    }

    /// The sources' names, in the order given.
    #[napi(getter)]
    pub fn names(&self) -> Vec<String> {
        self.inner.sources().iter().map(|s| s.name().to_owned()).collect()
    }

    /// The `UrlBuilder` of the source named `name` (a path outside its prefix throws
    /// `invalid_url`).
    /// @throws {Error} `.code` `unknown_source`.
    #[napi(catch_unwind)]
    pub fn source(&self, #[napi(ts_arg_type = "string")] name: Unknown) -> Result<UrlBuilder> {
        let name = string(name, Arg::new(Op::Source, "name"))?;
        let source = self.inner.source(&name).map_err(core)?;
        Ok(UrlBuilder::from_core(source.builder().clone()))
    }

    /// Signs `url` with the key of the source its host and path choose; the options are those
    /// of `Signer.signUrl`.
    /// @throws {Error} `.code` `unknown_source`, `invalid_url`, `invalid_param`, `invalid_key`.
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

    /// Signs many URLs in one call, each with the key of its source; fails as a whole on the
    /// first bad URL (its index is named). The options are those of `Signer.signUrls`, the
    /// same for every URL (`expiresIn` counted from one reading of the clock).
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

    /// Verifies `url` with the keys of its source (see `Signer.verifyUrl`).
    /// @throws {Error} `.code` `unknown_source`, `missing_signature`, `signature_mismatch`, `expired`, `malformed_url`.
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

    /// Verifies what a server for `host` (its Host header, `req.headers.host`: a port and
    /// letter case do not matter) receives: a request target (`req.url`) or a full URL, with
    /// the keys of the source of `host` and the target's path (see `Signer.verify`).
    /// @throws {Error} `.code` `unknown_source`, `missing_signature`, `signature_mismatch`, `expired`, `malformed_url`.
    #[napi(catch_unwind)]
    pub fn verify(
        &self,
        env: Env,
        #[napi(ts_arg_type = "string")] target: Unknown,
        #[napi(ts_arg_type = "string")] host: Unknown,
        #[napi(ts_arg_type = "VerifyUrlOptions")] options: Option<Unknown>,
    ) -> Result<()> {
        let target = string(target, Arg::new(Op::Verify, "target"))?;
        let host = string(host, Arg::new(Op::Verify, "host"))?;
        let options = VerifyUrlOptions::read(&env, Op::Verify, options)?;
        self.inner.verify_with(&target, &host, &options.into()).map_err(core)
    }

    /// `Sources(<names>)`: never a key.
    #[napi(js_name = "toString")]
    pub fn to_string_js(&self) -> String {
        self.inner.to_string()
    }

    /// `{ names }`: never a key.
    #[napi(js_name = "toJSON", ts_return_type = "{ names: string[] }")]
    pub fn to_json(&self, env: Env) -> napi::Result<Object<'_>> {
        let mut o = Object::new(&env)?;
        o.set("names", self.names())?;
        Ok(o)
    }
}
