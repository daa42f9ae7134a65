//! Several sources in one object (docs/behaviour.md, "Sources"): named sources, each a domain
//! (with an optional path prefix), a provider, a key with previous keys, a profile and the
//! builder's options. Signing and verifying choose the source by the URL's host and path;
//! building goes through one source by name.

use crate::builder::{BuilderOptions, UrlBuilder};
use crate::error::{Error, ErrorCode, Result, err, excerpt};
use crate::secrets::Secrets;
use crate::sent::SentUrl;
use crate::signer::{SignOptions, Signer, VerifyOptions};
use crate::validate::has_dot_segment;
use std::fmt;

/// The longest source name, in bytes.
pub const MAX_SOURCE_NAME_LEN: usize = 64;

/// One source of a [`Sources`] set, as given: its name and everything its builder and signer
/// take. Every optional field is "not given" when `None` and takes the core's default.
#[derive(Clone, Default, PartialEq)]
pub struct SourceSpec {
    /// The source's name: 1 to 64 ASCII letters, digits, `-`, `_` or `.`.
    pub name: String,
    /// The CDN host the source's URLs are built on and matched by (the builder's domain rule).
    pub domain: String,
    /// A path prefix (`/shop`): the source's URLs are those under it.
    pub path_prefix: Option<String>,
    /// Provider, key, salt, the scheme's options, profile and the other builder options
    /// (`BuilderOptions`); the signer takes the same provider, secrets and scheme options.
    pub options: BuilderOptions,
    /// Keys verification also accepts (key rotation); never used for signing.
    pub previous_keys: Vec<String>,
    /// One salt per previous key, for a scheme with a salt.
    pub previous_salts: Vec<String>,
}

impl fmt::Debug for SourceSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SourceSpec")
            .field("name", &self.name)
            .field("domain", &self.domain)
            .field("path_prefix", &self.path_prefix)
            .field("options", &self.options)
            .field("previous_keys", &self.previous_keys.len())
            .field("previous_salts", &self.previous_salts.len())
            .finish()
    }
}

/// One source of a [`Sources`] set: its builder (which refuses paths outside the prefix) and,
/// when it has a key, its signer.
#[derive(Clone)]
pub struct Source {
    name: String,
    host: String,
    prefix: Option<String>,
    builder: UrlBuilder,
    signer: Option<Signer>,
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Source")
            .field("name", &self.name)
            .field("host", &self.host)
            .field("path_prefix", &self.prefix)
            .field("provider", &self.builder.provider())
            .field("signed", &self.signer.is_some())
            .finish_non_exhaustive()
    }
}

impl Source {
    /// The source's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The host its URLs are matched by (the domain, lowercased).
    pub fn host(&self) -> &str {
        &self.host
    }

    /// Its path prefix, normalised (no trailing `/`), if it has one.
    pub fn path_prefix(&self) -> Option<&str> {
        self.prefix.as_deref()
    }

    /// Its builder: URLs on its domain, under its prefix (a path outside is `invalid_url`).
    pub fn builder(&self) -> &UrlBuilder {
        &self.builder
    }

    /// Its signer, when it has a key.
    pub fn signer(&self) -> Option<&Signer> {
        self.signer.as_ref()
    }

    /// The signer, or the error of a source without a key.
    fn signing(&self) -> Result<&Signer> {
        self.signer.as_ref().ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidKey,
                format!("sources[{}]: has no key, so it cannot sign or verify", self.name),
            )
        })
    }

    /// Whether a URL's host and path are this source's.
    fn matches(&self, host: &str, path: &str) -> bool {
        self.host == host && self.prefix.as_deref().is_none_or(|p| is_under(path, p))
    }
}

/// True when `path` is `prefix` or below it (`/shop` holds `/shop/a.jpg`, not `/shopping`).
pub(crate) fn is_under(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// A set of named sources. Signing and verifying choose the source by the URL's host (and
/// path prefix: the longest prefix the path is under wins, a source without a prefix takes
/// the rest of its host); building goes through [`Sources::source`]. Immutable, `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Sources {
    sources: Vec<Source>,
}

/// `Sources(<names>)`, the names in the order given: what every language shows for a set.
/// Never a key or a salt.
impl fmt::Display for Sources {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Sources(")?;
        for (i, s) in self.sources.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(&s.name)?;
        }
        f.write_str(")")
    }
}

impl Sources {
    /// Creates the set. Each source is checked in order (its name, prefix, builder options and
    /// keys; an error names the source), then the set: names are unique, and no two sources
    /// have the same host and prefix.
    pub fn new(specs: &[SourceSpec]) -> Result<Sources> {
        if specs.is_empty() {
            return err(ErrorCode::InvalidParam, "sources: give at least one source");
        }
        let mut sources: Vec<Source> = Vec::with_capacity(specs.len());
        for spec in specs {
            check_name(&spec.name)?;
            if sources.iter().any(|s| s.name == spec.name) {
                return err(
                    ErrorCode::InvalidParam,
                    format!("sources: the name {} is given twice", spec.name),
                );
            }
            let source = source(spec).map_err(|e| e.at(&format!("sources[{}]", spec.name)))?;
            if let Some(other) = sources.iter().find(|s| s.host == source.host && s.prefix == source.prefix) {
                let place = source.prefix.as_deref().map_or(String::new(), |p| format!(" under {p}"));
                return err(
                    ErrorCode::InvalidParam,
                    format!(
                        "sources: {} and {} both take the URLs of {}{place} (give one of them a path prefix)",
                        other.name, source.name, source.host
                    ),
                );
            }
            sources.push(source);
        }
        Ok(Sources { sources })
    }

    /// The sources, in the order given.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The source named `name`, or `unknown_source`.
    pub fn source(&self, name: &str) -> Result<&Source> {
        match self.sources.iter().find(|s| s.name == name) {
            Some(s) => Ok(s),
            None => {
                let names: Vec<&str> = self.sources.iter().map(|s| s.name.as_str()).collect();
                err(
                    ErrorCode::UnknownSource,
                    format!(
                        "source: no source is named {} (the sources: {})",
                        excerpt(name),
                        names.join(", ")
                    ),
                )
            }
        }
    }

    /// The source of the URL with `host` (as a WHATWG parser writes it: lowercase, punycode)
    /// and `path` (as sent), or `unknown_source`.
    pub fn source_for(&self, host: &str, path: &str) -> Result<&Source> {
        let best = self
            .sources
            .iter()
            .filter(|s| s.matches(host, path))
            .max_by_key(|s| s.prefix.as_ref().map_or(0, |p| p.len() + 1));
        match best {
            Some(s) => Ok(s),
            None => err(
                ErrorCode::UnknownSource,
                format!("url: no source takes the host {} and path {}", excerpt(host), excerpt(path)),
            ),
        }
    }

    /// The source of a full URL (parsed as [`Signer::sign_url`] parses it; a URL that cannot
    /// be parsed is `code`).
    fn source_of_url(&self, url: &str, code: ErrorCode) -> Result<&Source> {
        let (host, path) = host_and_path(url, code)?;
        self.source_for(&host, &path)
    }

    /// Signs `url` with the key of its source.
    pub fn sign_url(&self, url: &str) -> Result<String> {
        self.source_of_url(url, ErrorCode::InvalidUrl)?.signing()?.sign_url(url)
    }

    /// Signs `url` with the key of its source, with the expiry `options` ask for.
    pub fn sign_url_with(&self, url: &str, options: &SignOptions) -> Result<String> {
        options.validate()?;
        self.source_of_url(url, ErrorCode::InvalidUrl)?.signing()?.sign_url_with(url, options)
    }

    /// Signs many URLs, each with the key of its source; fails on the first bad URL, naming
    /// its index.
    pub fn sign_urls<S: AsRef<str>>(&self, urls: &[S]) -> Result<Vec<String>> {
        self.sign_urls_with(urls, &SignOptions::default())
    }

    /// [`Sources::sign_urls`] with one expiry and one set of per-call values for every URL,
    /// as [`Signer::sign_urls_with`] takes them: an `expires_in` is counted from one reading
    /// of the clock, so every URL of the batch expires at the same second whichever source
    /// signs it. A bad combination of options fails before any URL is read.
    pub fn sign_urls_with<S: AsRef<str>>(&self, urls: &[S], options: &SignOptions) -> Result<Vec<String>> {
        let fixed = options.resolved()?;
        urls.iter()
            .enumerate()
            .map(|(i, u)| {
                let url = u.as_ref();
                self.source_of_url(url, ErrorCode::InvalidUrl)
                    .and_then(|source| source.signing()?.sign_url_with(url, &fixed))
                    .map_err(|e| e.at(&format!("urls[{i}]")))
            })
            .collect()
    }

    /// Verifies `url` with the keys of its source (see [`Signer::verify_url`]).
    pub fn verify_url(&self, url: &str, now: Option<i64>) -> Result<()> {
        self.verify_url_with(url, &VerifyOptions { now, ..VerifyOptions::default() })
    }

    /// Verifies `url` with the keys of its source, the clock and per-call values of `options`.
    pub fn verify_url_with(&self, url: &str, options: &VerifyOptions) -> Result<()> {
        self.source_of_url(url, ErrorCode::MalformedUrl)?.signing()?.verify_url_with(url, options)
    }

    /// Verifies what a server for `host` receives (see [`Signer::verify`]): the source is the
    /// one of `host` (a Host header: a port and letter case do not matter) and the target's
    /// path, the path of a request target (`/a.jpg?…`) or of a full URL.
    pub fn verify(&self, target: &str, host: &str, now: Option<i64>) -> Result<()> {
        self.verify_with(target, host, &VerifyOptions { now, ..VerifyOptions::default() })
    }

    /// [`Sources::verify`] with the clock and per-call values of `options`.
    pub fn verify_with(&self, target: &str, host: &str, options: &VerifyOptions) -> Result<()> {
        let host = request_host(host)?;
        let path = if target.starts_with('/') {
            target.split(['?', '#']).next().unwrap_or_default().to_owned()
        } else {
            host_and_path(target, ErrorCode::MalformedUrl)?.1
        };
        self.source_for(&host, &path)?.signing()?.verify_with(target, options)
    }
}

/// The host (lowercase, without a port) and path of a URL in the form clients send it.
fn host_and_path(url: &str, code: ErrorCode) -> Result<(String, String)> {
    let sent = SentUrl::parse(url, code)?;
    let origin = sent.origin();
    let authority = origin.split_once("://").map_or(origin, |(_, a)| a);
    let host = match authority.rsplit_once(':') {
        // An IPv6 literal keeps its colons: only a port after `]` (or after a name) is cut.
        Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) && !h.ends_with(':') => h,
        _ => authority,
    };
    Ok((host.to_ascii_lowercase(), sent.path().to_owned()))
}

/// Builds one source from its spec.
fn source(spec: &SourceSpec) -> Result<Source> {
    let prefix = match &spec.path_prefix {
        Some(p) => normalize_prefix(p)?,
        None => None,
    };
    let builder = UrlBuilder::new(&spec.domain, spec.options.clone())?.with_path_prefix(prefix.clone());
    // The signer takes what the builder was given for signing: provider, secrets, options.
    let o = &spec.options;
    let signer = match &o.key {
        Some(key) => {
            let secrets = Secrets {
                key: key.clone(),
                salt: o.salt.clone(),
                previous_keys: spec.previous_keys.clone(),
                previous_salts: spec.previous_salts.clone(),
            };
            Some(Signer::with(builder.provider(), &secrets, &o.options)?)
        }
        None if !spec.previous_keys.is_empty() => {
            return err(ErrorCode::InvalidKey, "previous_keys: given without a key");
        }
        None if !spec.previous_salts.is_empty() => {
            return err(ErrorCode::InvalidKey, "previous_salts: given without a key");
        }
        None => None,
    };
    Ok(Source { name: spec.name.clone(), host: spec.domain.to_ascii_lowercase(), prefix, builder, signer })
}

/// The name rule: 1 to 64 ASCII letters, digits, `-`, `_` and `.`.
fn check_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= MAX_SOURCE_NAME_LEN
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if ok {
        Ok(())
    } else {
        err(
            ErrorCode::InvalidParam,
            format!(
                "sources: the name {} is not 1 to {MAX_SOURCE_NAME_LEN} letters, digits, '-', '_' or '.'",
                excerpt(name)
            ),
        )
    }
}

/// A path prefix as matched and built: `/` and segments of URL path characters (already
/// percent-encoded, as sent), no empty or dot segment; one trailing `/` is dropped, and `/`
/// alone is no prefix.
fn normalize_prefix(prefix: &str) -> Result<Option<String>> {
    let fail = |what: &str| err(ErrorCode::InvalidParam, format!("path_prefix: {what}"));
    let p = prefix.strip_suffix('/').unwrap_or(prefix);
    if p.is_empty() {
        return if prefix.is_empty() { fail("is empty (leave it out for none)") } else { Ok(None) };
    }
    if !p.starts_with('/') {
        return fail("must start with '/'");
    }
    let b = p.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        let ok = match c {
            b'%' => {
                b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                    && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
            }
            b'/' => b.get(i + 1) != Some(&b'/'),
            _ => c.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&c),
        };
        if !ok {
            return fail(&format!(
                "{} is not a path as sent (percent-encoded, without empty segments, '?' or '#')",
                excerpt(prefix)
            ));
        }
    }
    if has_dot_segment(p) {
        return fail("has a '.' or '..' segment, which browsers remove");
    }
    Ok(Some(p.to_owned()))
}

/// The host name of a Host header (or a bare host): lowercased, punycode, without a port.
fn request_host(host: &str) -> Result<String> {
    let fail = || {
        err(ErrorCode::InvalidParam, "host: expected a host name such as img.example.com (a port is allowed)")
    };
    if host.is_empty()
        || host.bytes().any(|b| matches!(b, b'/' | b'?' | b'#' | b'@' | b'\\') || b <= b' ' || b == 0x7f)
    {
        return fail();
    }
    match url::Url::parse(&format!("http://{host}/")) {
        Ok(u) if u.path() == "/" => Ok(u.host_str().unwrap_or_default().to_owned()),
        _ => fail(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Provider;

    fn spec(name: &str, domain: &str, prefix: Option<&str>, key: &str) -> SourceSpec {
        SourceSpec {
            name: name.into(),
            domain: domain.into(),
            path_prefix: prefix.map(str::to_owned),
            options: BuilderOptions { key: Some(key.into()), ..BuilderOptions::default() },
            previous_keys: vec![],
            previous_salts: vec![],
        }
    }

    #[test]
    fn a_set_shows_its_names_in_order_and_never_a_key() {
        let set = Sources::new(&[
            spec("shop", "img.example.com", None, "Sup3rSecretK3y"),
            spec("archive", "img.example.com", Some("/archive"), "0therSecretK3y"),
        ])
        .unwrap();
        let shown = set.to_string();
        assert_eq!(shown, "Sources(shop, archive)");
        assert!(!format!("{shown}{set:?}").contains("SecretK3y"));
    }

    #[test]
    fn the_longest_prefix_wins_and_the_rest_goes_to_the_plain_source() {
        let set = Sources::new(&[
            spec("all", "img.example.com", None, "k1"),
            spec("shop", "img.example.com", Some("/shop/"), "k2"),
            spec("shoes", "img.example.com", Some("/shop/shoes"), "k3"),
        ])
        .unwrap();
        let name = |path: &str| set.source_for("img.example.com", path).map(|s| s.name().to_owned());
        assert_eq!(name("/a.jpg").unwrap(), "all");
        assert_eq!(name("/shop").unwrap(), "shop");
        assert_eq!(name("/shop/a.jpg").unwrap(), "shop");
        assert_eq!(name("/shopping/a.jpg").unwrap(), "all");
        assert_eq!(name("/shop/shoes/a.jpg").unwrap(), "shoes");
        assert_eq!(
            set.source_for("other.example.com", "/a.jpg").unwrap_err().code(),
            ErrorCode::UnknownSource
        );
    }

    #[test]
    fn a_source_signs_what_it_builds_and_the_set_verifies_it() {
        let mut b = spec("b", "b.example.com", Some("/p"), "kb");
        b.options.provider = Some(Provider::ImageBoss);
        let set = Sources::new(&[spec("a", "a.example.com", None, "ka"), b]).unwrap();
        let built = set
            .source("b")
            .unwrap()
            .builder()
            .build_url("/p/x.jpg", &[("w", crate::ParamValue::Int(1))])
            .unwrap();
        assert!(built.contains("bossToken="), "{built}");
        set.verify_url(&built, None).unwrap();
        assert_eq!(set.sign_url(&built).unwrap(), built);
        let e = set
            .source("b")
            .unwrap()
            .builder()
            .build_url("/x.jpg", &[] as &[(&str, crate::ParamValue)])
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidUrl);
        set.verify(built.trim_start_matches("https://b.example.com"), "B.example.com:8443", None).unwrap();
    }

    #[test]
    fn the_set_is_checked() {
        let code = |specs: &[SourceSpec]| Sources::new(specs).unwrap_err().code();
        assert_eq!(code(&[]), ErrorCode::InvalidParam);
        let a = spec("a", "a.example.com", None, "k");
        assert_eq!(code(&[a.clone(), a.clone()]), ErrorCode::InvalidParam);
        assert_eq!(code(&[a.clone(), spec("b", "A.example.com", Some("/"), "k")]), ErrorCode::InvalidParam);
        assert_eq!(code(&[spec("a b", "a.example.com", None, "k")]), ErrorCode::InvalidParam);
        assert_eq!(code(&[spec("a", "a.example.com", Some("shop"), "k")]), ErrorCode::InvalidParam);
        assert_eq!(code(&[spec("a", "a.example.com", Some("/a/../b"), "k")]), ErrorCode::InvalidParam);
        assert_eq!(code(&[spec("a", "a.example.com", None, "")]), ErrorCode::InvalidKey);
        assert_eq!(code(&[spec("a", "a/b", None, "k")]), ErrorCode::InvalidDomain);
        let e = Sources::new(&[spec("a", "a.example.com", None, " k")]).unwrap_err();
        assert!(e.message().starts_with("sources[a]: key:"), "{}", e.message());
    }
}
