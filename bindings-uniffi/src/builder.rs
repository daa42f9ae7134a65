//! `UrlBuilder`: builds (and signs) URLs for one domain.

use crate::error::Result;
use crate::types::{
    InputString, Param, ParamValue, SrcsetOptions, UrlItem, core_named, core_params, opt_arg,
};
use imgsign::Operation as Op;
use std::collections::HashMap;
use std::sync::Arc;

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

impl UrlBuilder {
    /// The builder of a source of a `Sources` set.
    pub(crate) fn from_core(inner: imgsign::UrlBuilder) -> Self {
        UrlBuilder { inner }
    }
}

#[uniffi::export]
impl UrlBuilder {
    /// Creates a builder for `domain`. Every option not given takes the core's default
    /// (without a key, URLs are unsigned). A scheme with a salt takes `salt`; `options` are
    /// the scheme's options by name (docs/schemes.md). The key and salt are arguments, not
    /// record fields, so that no generated `toString`/`description` can ever print them.
    #[uniffi::constructor(default(
        provider = None,
        key = None,
        profile = None,
        use_https = None,
        include_library_param = None,
        disable_path_encoding = None,
        salt = None,
        options
    ))]
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        domain: InputString,
        provider: Option<InputString>,
        key: Option<InputString>,
        profile: Option<InputString>,
        use_https: Option<bool>,
        include_library_param: Option<bool>,
        disable_path_encoding: Option<bool>,
        salt: Option<InputString>,
        options: HashMap<InputString, ParamValue>,
    ) -> Result<Arc<Self>> {
        let domain = domain.arg(Op::UrlBuilder, "domain")?;
        let provider = opt_arg(provider, Op::UrlBuilder, "provider")?;
        let key = opt_arg(key, Op::UrlBuilder, "key")?;
        let profile = opt_arg(profile, Op::UrlBuilder, "profile")?;
        let options = imgsign::BuilderOptions {
            provider: provider.map(|p| imgsign::Provider::from_name(&p)).transpose()?,
            key,
            salt: opt_arg(salt, Op::UrlBuilder, "salt")?,
            options: core_named(options, Op::UrlBuilder, "options")?,
            profile: profile.map(|p| imgsign::Profile::from_name(&p)).transpose()?,
            use_https,
            include_library_param,
            disable_path_encoding,
        };
        let inner = imgsign::UrlBuilder::new(&domain, options)?;
        Ok(Arc::new(UrlBuilder { inner }))
    }

    /// Builds (and signs) the URL for `path` with `params`; `disable_path_encoding` given
    /// here wins over the builder's.
    #[uniffi::method(default(params = [], disable_path_encoding = None))]
    pub fn build_url(
        &self,
        path: InputString,
        params: Vec<Param>,
        disable_path_encoding: Option<bool>,
    ) -> Result<String> {
        let path = path.arg(Op::BuildUrl, "path")?;
        let options = imgsign::UrlOptions { disable_path_encoding };
        Ok(self.inner.build_url_with(&path, &core_params(params, Op::BuildUrl)?, &options)?)
    }

    /// Takes `original_url` (an image URL an API returned, say), merges `params` into its
    /// query (new values win) and writes and signs it again by this builder's profile,
    /// provider and key, keeping the URL's scheme, host and port: the everyday mobile case of
    /// sizing an image for this device's width and density.
    #[uniffi::method(default(params = []))]
    pub fn reconstruct(&self, original_url: InputString, params: Vec<Param>) -> Result<String> {
        let url = original_url.arg(Op::Reconstruct, "original_url")?;
        Ok(self.inner.reconstruct(&url, &core_params(params, Op::Reconstruct)?)?)
    }

    /// The request target (`/path?query`) a client sent for a URL this builder built, from
    /// `path` as a server percent-decoded it and `query` as received: the path is encoded
    /// again by this builder's own rules (for servers that give no raw request target).
    pub fn request_target(&self, path: InputString, query: InputString) -> Result<String> {
        let path = path.arg(Op::RequestTarget, "path")?;
        let query = query.arg(Op::RequestTarget, "query")?;
        Ok(self.inner.request_target(&path, &query)?)
    }

    /// Builds many URLs in one crossing; fails on the first bad item, naming its index.
    pub fn build_urls(&self, items: Vec<UrlItem>) -> Result<Vec<String>> {
        let items = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let at = |e: imgsign::Error| e.at(&format!("items[{i}]"));
                let path = item.path.arg(Op::BuildUrls, "path").map_err(at)?;
                Ok((path, core_params(item.params, Op::BuildUrls).map_err(at)?))
            })
            .collect::<imgsign::Result<Vec<_>>>()?;
        Ok(self.inner.build_urls(&items)?)
    }

    /// Builds a srcset (fluid or fixed by the core's rules), every entry signed.
    #[uniffi::method(default(params = [], options))]
    pub fn build_srcset(
        &self,
        path: InputString,
        params: Vec<Param>,
        options: SrcsetOptions,
    ) -> Result<String> {
        let path = path.arg(Op::BuildSrcset, "path")?;
        Ok(self.inner.build_srcset(&path, &core_params(params, Op::BuildSrcset)?, &options.into())?)
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

    /// A source's path prefix (`Sources.source`): every path it builds is under it; none for
    /// a builder made on its own.
    pub fn path_prefix(&self) -> Option<String> {
        self.inner.path_prefix().map(str::to_owned)
    }
}
