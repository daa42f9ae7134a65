//! `UrlBuilder`: builds (and, with a key, signs) URLs on one domain.

use crate::convert::{array, params, string};
use crate::error::{Arg, Result, at, core};
use crate::options::{BuildUrlOptions, SrcsetOptions, UrlBuilderOptions};
use imgsign::Operation as Op;
use napi::Env;
use napi::bindgen_prelude::{Object, Unknown};
use napi_derive::napi;
use std::sync::Arc;

/// Builds (and, with a key, signs) URLs on one domain. The key lives in native memory only.
#[napi]
pub struct UrlBuilder {
    inner: Arc<imgsign::UrlBuilder>,
    /// The id `index.js` names this builder by in the fast path (`fast.rs`).
    id: u32,
}

impl Drop for UrlBuilder {
    fn drop(&mut self) {
        crate::fast::unregister_builder(self.id);
    }
}

impl UrlBuilder {
    /// The builder of a source of a `Sources` set (registered for the fast path as well).
    pub(crate) fn from_core(inner: imgsign::UrlBuilder) -> Self {
        let inner = Arc::new(inner);
        let id = crate::fast::register_builder(&inner);
        UrlBuilder { inner, id }
    }
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
        let domain = string(domain, Arg::new(Op::UrlBuilder, "domain"))?;
        let options = UrlBuilderOptions::read(&env, Op::UrlBuilder, options)?;
        let inner =
            Arc::new(imgsign::UrlBuilder::new(&domain, options.into_core().map_err(core)?).map_err(core)?);
        let id = crate::fast::register_builder(&inner);
        Ok(UrlBuilder { inner, id })
    }

    /// The id of this builder in the fast path of `index.js` (see `fast.rs`).
    /// @internal
    #[napi(getter, js_name = "_id")]
    pub fn fast_id(&self) -> u32 {
        self.id
    }

    /// The domain URLs are built on.
    #[napi(getter)]
    pub fn domain(&self) -> String {
        self.inner.domain().to_owned()
    }

    /// The provider name.
    #[napi(getter, ts_return_type = "ProviderName")]
    pub fn provider(&self) -> &'static str {
        self.inner.provider().name()
    }

    /// The profile name.
    #[napi(getter, ts_return_type = "ProfileName")]
    pub fn profile(&self) -> &'static str {
        self.inner.profile().name()
    }

    /// Whether URLs are signed (the builder has a key).
    #[napi(getter)]
    pub fn is_signed(&self) -> bool {
        self.inner.is_signed()
    }

    /// A source's path prefix (`Sources.source`): every path it builds is under it; `null`
    /// for a builder made on its own.
    #[napi(getter)]
    pub fn path_prefix(&self) -> Option<String> {
        self.inner.path_prefix().map(str::to_owned)
    }

    /// Builds (and signs) the URL for `path` with `params` (a plain object, a `Map` or
    /// `[key, value]` pairs); `options.disablePathEncoding` given here wins over the
    /// builder's.
    /// @throws {Error} `.code` `invalid_param`, `invalid_url`.
    #[napi(catch_unwind)]
    pub fn build_url(
        &self,
        env: Env,
        #[napi(ts_arg_type = "string")] path: Unknown,
        #[napi(ts_arg_type = "Params | null")] params: Option<Unknown>,
        #[napi(ts_arg_type = "BuildUrlOptions")] options: Option<Unknown>,
    ) -> Result<String> {
        let path = string(path, Arg::new(Op::BuildUrl, "path"))?;
        let params = self::params(&env, params, Arg::new(Op::BuildUrl, "params"))?;
        let o = BuildUrlOptions::read(&env, Op::BuildUrl, options)?;
        let options = imgsign::UrlOptions { disable_path_encoding: o.disable_path_encoding };
        self.inner.build_url_with(&path, &params, &options).map_err(core)
    }

    /// Takes `originalUrl` (an image URL an API returned, say), merges `params` into its
    /// query (new values win) and writes and signs it again by this builder's profile,
    /// provider and key, keeping the URL's scheme, host and port.
    /// @throws {Error} `.code` `invalid_url`, `invalid_param`.
    #[napi(catch_unwind)]
    pub fn reconstruct(
        &self,
        env: Env,
        #[napi(ts_arg_type = "string")] original_url: Unknown,
        #[napi(ts_arg_type = "Params | null")] params: Option<Unknown>,
    ) -> Result<String> {
        let url = string(original_url, Arg::new(Op::Reconstruct, "originalUrl"))?;
        let params = self::params(&env, params, Arg::new(Op::Reconstruct, "params"))?;
        self.inner.reconstruct(&url, &params).map_err(core)
    }

    /// The request target (`/path?query`) a client sent for a URL this builder built, from
    /// `path` as a server percent-decoded it and `query` as received: the path is encoded
    /// again by this builder's own rules. For servers that give no raw request target (Node's
    /// `req.url` is raw: pass that to `Signer.verify` instead).
    /// @throws {Error} `.code` `malformed_url`.
    #[napi(catch_unwind)]
    pub fn request_target(
        &self,
        #[napi(ts_arg_type = "string")] path: Unknown,
        #[napi(ts_arg_type = "string")] query: Unknown,
    ) -> Result<String> {
        let path = string(path, Arg::new(Op::RequestTarget, "path"))?;
        let query = string(query, Arg::new(Op::RequestTarget, "query"))?;
        self.inner.request_target(&path, &query).map_err(core)
    }

    /// Builds many URLs in one call. `items` is an array of `[path, params?]` pairs; fails as
    /// a whole on the first bad item (its index is named).
    #[napi(catch_unwind)]
    pub fn build_urls(
        &self,
        env: Env,
        #[napi(ts_arg_type = "Array<[path: string, params?: Params | null]>")] items: Unknown,
    ) -> Result<Vec<String>> {
        let mut converted = Vec::new();
        for (i, item) in array(items, Arg::new(Op::BuildUrls, "items"))?.into_iter().enumerate() {
            let location = format!("items[{i}]");
            let shape =
                || Arg::new(Op::BuildUrls, "items").invalid(format!("[{i}]: expected [path, params?]"));
            let (path, p) = match array(item, Arg::new(Op::BuildUrls, &location))?.as_slice() {
                [path] => (*path, None),
                [path, p] => (*path, Some(*p)),
                _ => return Err(shape()),
            };
            let path = string(path, Arg::new(Op::BuildUrls, "path")).map_err(|e| at(e, &location))?;
            let p = params(&env, p, Arg::new(Op::BuildUrls, "params")).map_err(|e| at(e, &location))?;
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
        #[napi(ts_arg_type = "Params | null")] params: Option<Unknown>,
        #[napi(ts_arg_type = "SrcsetOptions")] options: Option<Unknown>,
    ) -> Result<String> {
        let path = string(path, Arg::new(Op::BuildSrcset, "path"))?;
        let params = self::params(&env, params, Arg::new(Op::BuildSrcset, "params"))?;
        let options = SrcsetOptions::read(&env, Op::BuildSrcset, options)?;
        self.inner.build_srcset(&path, &params, &options.into()).map_err(core)
    }

    /// `UrlBuilder(<provider>, <domain>)`: never the key.
    #[napi(js_name = "toString")]
    pub fn to_string_js(&self) -> String {
        format!("UrlBuilder({}, {})", self.inner.provider().name(), self.inner.domain())
    }

    /// `{ domain, provider, profile, isSigned }`: never the key.
    #[napi(
        js_name = "toJSON",
        ts_return_type = "{ domain: string; provider: ProviderName; profile: ProfileName; isSigned: boolean }"
    )]
    pub fn to_json(&self, env: Env) -> napi::Result<Object<'_>> {
        let mut o = Object::new(&env)?;
        o.set("domain", self.inner.domain())?;
        o.set("provider", self.inner.provider().name())?;
        o.set("profile", self.inner.profile().name())?;
        o.set("isSigned", self.inner.is_signed())?;
        Ok(o)
    }
}
