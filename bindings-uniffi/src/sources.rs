//! `Sources`: several named sources in one object; the matching rules are the core's.

use crate::builder::UrlBuilder;
use crate::error::Result;
use crate::signer::{Named, sign_options, verify_options};
use crate::types::{InputString, args, core_named, opt_arg};
use imgsign::Operation as Op;
use std::sync::Arc;

/// One source of a `Sources` set: a name, a domain (and optional path prefix) and what its
/// builder and signer take. Its `toString`/`description` shows the name and domain, never a
/// key or salt (they are constructor arguments, not record fields).
#[derive(uniffi::Object)]
#[uniffi::export(Debug, Display)]
pub struct SourceSpec {
    inner: imgsign::SourceSpec,
}

impl std::fmt::Debug for SourceSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}

impl std::fmt::Display for SourceSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SourceSpec({}, {})", self.inner.name, self.inner.domain)
    }
}

#[uniffi::export]
impl SourceSpec {
    /// A source named `name` on `domain`; every argument not given takes the core's default
    /// (a source without a key builds unsigned URLs and cannot sign). Names, domains, prefixes
    /// and keys are checked when the `Sources` set is made.
    #[uniffi::constructor(default(
        path_prefix = None,
        provider = None,
        key = None,
        previous_keys = [],
        salt = None,
        previous_salts = [],
        profile = None,
        use_https = None,
        include_library_param = None,
        disable_path_encoding = None,
        options
    ))]
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        name: InputString,
        domain: InputString,
        path_prefix: Option<InputString>,
        provider: Option<InputString>,
        key: Option<InputString>,
        previous_keys: Vec<InputString>,
        salt: Option<InputString>,
        previous_salts: Vec<InputString>,
        options: Named,
        profile: Option<InputString>,
        use_https: Option<bool>,
        include_library_param: Option<bool>,
        disable_path_encoding: Option<bool>,
    ) -> Result<Arc<Self>> {
        let name = name.arg(Op::Sources, "name")?;
        let at = format!("sources[{name}]");
        let located = |e: imgsign::Error| e.at(&at);
        let op = Op::Sources;
        let provider = opt_arg(provider, op, "provider").map_err(located)?;
        let profile = opt_arg(profile, op, "profile").map_err(located)?;
        let options = imgsign::BuilderOptions {
            provider: provider.map(|p| imgsign::Provider::from_name(&p)).transpose().map_err(located)?,
            key: opt_arg(key, op, "key").map_err(located)?,
            salt: opt_arg(salt, op, "salt").map_err(located)?,
            options: core_named(options, op, "options").map_err(located)?,
            profile: profile.map(|p| imgsign::Profile::from_name(&p)).transpose().map_err(located)?,
            use_https,
            include_library_param,
            disable_path_encoding,
        };
        let inner = imgsign::SourceSpec {
            domain: domain.arg(op, "domain").map_err(located)?,
            path_prefix: opt_arg(path_prefix, op, "path_prefix").map_err(located)?,
            previous_keys: args(previous_keys, op, "previous_keys").map_err(located)?,
            previous_salts: args(previous_salts, op, "previous_salts").map_err(located)?,
            options,
            name,
        };
        Ok(Arc::new(SourceSpec { inner }))
    }

    /// The source's name.
    pub fn name(&self) -> String {
        self.inner.name.clone()
    }
}

/// Several named sources in one object. `sign_url`, `verify_url` and `verify` choose the
/// source by the URL's host and path (the longest path prefix wins); `source(name)` gives a
/// source's `UrlBuilder`. A URL no source takes, or an unknown name, throws
/// `unknown_source`. Immutable and thread-safe.
#[derive(uniffi::Object)]
#[uniffi::export(Debug)]
pub struct Sources {
    inner: imgsign::Sources,
}

impl std::fmt::Debug for Sources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.inner)
    }
}

#[uniffi::export]
impl Sources {
    /// Creates the set; the core checks each source and the set (unique names, no two
    /// sources with the same host and prefix).
    #[uniffi::constructor]
    pub fn new(sources: Vec<Arc<SourceSpec>>) -> Result<Arc<Self>> {
        let specs: Vec<imgsign::SourceSpec> = sources.iter().map(|s| s.inner.clone()).collect();
        Ok(Arc::new(Sources { inner: imgsign::Sources::new(&specs)? }))
    }

    /// The sources' names, in the order given.
    pub fn names(&self) -> Vec<String> {
        self.inner.sources().iter().map(|s| s.name().to_owned()).collect()
    }

    /// The builder of the source named `name` (a path outside its prefix throws
    /// `invalid_url`).
    pub fn source(&self, name: InputString) -> Result<Arc<UrlBuilder>> {
        let name = name.arg(Op::Source, "name")?;
        Ok(Arc::new(UrlBuilder::from_core(self.inner.source(&name)?.builder().clone())))
    }

    /// Signs a URL with the key of the source its host and path choose; the arguments are
    /// those of `Signer.sign_url`.
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

    /// Signs many URLs in one crossing, each with the key of its source; fails on the first
    /// bad URL, naming its index. The expiry and per-call values are those of
    /// `Signer.sign_urls`, the same for every URL.
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

    /// Verifies a signed URL with the keys of its source (see `Signer.verify_url`).
    #[uniffi::method(default(now = None, values))]
    pub fn verify_url(&self, url: InputString, now: Option<i64>, values: Named) -> Result<()> {
        let url = url.arg(Op::VerifyUrl, "url")?;
        Ok(self.inner.verify_url_with(&url, &verify_options(Op::VerifyUrl, now, values)?)?)
    }

    /// Verifies what a server for `host` (its Host header: a port and letter case do not
    /// matter) receives: a request target or a full URL, with the keys of the source of
    /// `host` and the target's path (see `Signer.verify`).
    #[uniffi::method(default(now = None, values))]
    pub fn verify(
        &self,
        target: InputString,
        host: InputString,
        now: Option<i64>,
        values: Named,
    ) -> Result<()> {
        let target = target.arg(Op::Verify, "target")?;
        let host = host.arg(Op::Verify, "host")?;
        Ok(self.inner.verify_with(&target, &host, &verify_options(Op::Verify, now, values)?)?)
    }
}
