//! Building URLs from a domain, a path and params (SPEC §2.2, §3).

use crate::encode::{self, JS_COMPONENT, JS_PATH, Keep, PATH, PY_KEY, ParamValue, UNRESERVED, encode_into};
use crate::error::excerpt;
use crate::error::{Error, ErrorCode, Result, err};
use crate::provider::{Provider, SigningKey, unknown_name};
use std::borrow::Cow;
use std::fmt;

/// The encoding profile of a [`UrlBuilder`] (SPEC §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Profile {
    /// imgsign's own rules: identical in every language (the default).
    #[default]
    Canonical,
    /// Byte-for-byte imgix-python 4.0.0 (`UrlBuilder.create_url` / `create_srcset`).
    ImgixPython,
    /// Byte-for-byte @imgix/js-core 3.8.0 (`buildURL` / `buildSrcSet`).
    ImgixJs,
}

impl Profile {
    /// Every profile, in a stable order.
    pub const ALL: [Profile; 3] = [Profile::Canonical, Profile::ImgixPython, Profile::ImgixJs];

    /// The profile's name: `canonical`, `imgix-python` or `imgix-js`.
    pub const fn name(self) -> &'static str {
        match self {
            Profile::Canonical => "canonical",
            Profile::ImgixPython => "imgix-python",
            Profile::ImgixJs => "imgix-js",
        }
    }

    /// Parses a profile name (`_` is accepted for `-`, ASCII case-insensitive).
    pub fn from_name(name: &str) -> Result<Profile> {
        let norm = name.replace('_', "-");
        match Profile::ALL.iter().find(|p| p.name().eq_ignore_ascii_case(&norm)) {
            Some(p) => Ok(*p),
            None => err(ErrorCode::InvalidParam, unknown_name("profile", Profile::ALL.map(Profile::name))),
        }
    }

    fn rules(self) -> &'static Rules {
        match self {
            Profile::Canonical => &CANONICAL,
            Profile::ImgixPython => &IMGIX_PYTHON,
            Profile::ImgixJs => &IMGIX_JS,
        }
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ProxyDetect {
    /// `http://` or `https://`, any case.
    SchemeAnyCase,
    /// Any path starting with the four letters `http` (imgix-python).
    HttpPrefix,
    /// `^https?://`, case-sensitive (js-core).
    SchemeExact,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    Sorted,
    JsObject,
}

/// The data that distinguishes one profile's URL encoding.
struct Rules {
    path: &'static Keep,
    proxy: &'static Keep,
    proxy_space_plus: bool,
    proxy_detect: ProxyDetect,
    key: &'static Keep,
    value: &'static Keep,
    b64_on_encoded_key: bool,
    order: Order,
    library_param: LibraryParam,
    empty_path_is_empty: bool,
    allow_empty_key: bool,
    domain_any_case: bool,
    lowercase_domain: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LibraryParam {
    /// Sorted in with the rest, replacing a user `ixlib`.
    Replace(&'static str),
    /// Placed first, a user `ixlib` kept as well.
    First(&'static str),
}

const IMGSIGN_IXLIB: &str = concat!("imgsign-", env!("CARGO_PKG_VERSION"));

static CANONICAL: Rules = Rules {
    path: &PATH,
    proxy: &UNRESERVED,
    proxy_space_plus: false,
    proxy_detect: ProxyDetect::SchemeAnyCase,
    key: &UNRESERVED,
    value: &UNRESERVED,
    b64_on_encoded_key: false,
    order: Order::Sorted,
    library_param: LibraryParam::Replace(IMGSIGN_IXLIB),
    empty_path_is_empty: false,
    allow_empty_key: false,
    domain_any_case: true,
    lowercase_domain: true,
};

static IMGIX_PYTHON: Rules = Rules {
    path: &PATH,
    proxy: &UNRESERVED,
    proxy_space_plus: true,
    proxy_detect: ProxyDetect::HttpPrefix,
    key: &PY_KEY,
    value: &UNRESERVED,
    b64_on_encoded_key: true,
    order: Order::Sorted,
    library_param: LibraryParam::Replace("python-4.0.0"),
    empty_path_is_empty: true,
    allow_empty_key: true,
    domain_any_case: false,
    lowercase_domain: false,
};

static IMGIX_JS: Rules = Rules {
    path: &JS_PATH,
    proxy: &JS_COMPONENT,
    proxy_space_plus: false,
    proxy_detect: ProxyDetect::SchemeExact,
    key: &JS_COMPONENT,
    value: &JS_COMPONENT,
    b64_on_encoded_key: false,
    order: Order::JsObject,
    library_param: LibraryParam::First("js-3.8.0"),
    empty_path_is_empty: false,
    allow_empty_key: true,
    domain_any_case: true,
    lowercase_domain: false,
};

/// Options of a [`UrlBuilder`]. Every field is optional: `None` is "not given" and takes the
/// core's default (the one place defaults live), so `BuilderOptions::default()` is imgix, no
/// key (unsigned URLs), canonical, https, no library param, path encoding on.
#[derive(Clone, Default, PartialEq)]
pub struct BuilderOptions {
    /// The provider whose scheme signs the URLs (not given: imgix).
    pub provider: Option<Provider>,
    /// The signing key; not given builds unsigned URLs.
    pub key: Option<String>,
    /// The encoding profile (not given: canonical).
    pub profile: Option<Profile>,
    /// `https://` (true) or `http://` (not given: true).
    pub use_https: Option<bool>,
    /// Add the library-identifying `ixlib` param (not given: false).
    pub include_library_param: Option<bool>,
    /// Use paths as given, only the one-leading-`/` rule applies (not given: false).
    pub disable_path_encoding: Option<bool>,
}

impl fmt::Debug for BuilderOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BuilderOptions")
            .field("provider", &self.provider)
            .field("key", &self.key.as_ref().map(|_| "<redacted>"))
            .field("profile", &self.profile)
            .field("use_https", &self.use_https)
            .field("include_library_param", &self.include_library_param)
            .field("disable_path_encoding", &self.disable_path_encoding)
            .finish()
    }
}

/// Builds (and signs, when it has a key) URLs on one domain. Immutable, `Send + Sync`,
/// cheap to call many times: the key's hash state is prepared once.
#[derive(Clone)]
pub struct UrlBuilder {
    domain: String,
    provider: Provider,
    key: Option<SigningKey>,
    profile: Profile,
    use_https: bool,
    include_library_param: bool,
    disable_path_encoding: bool,
}

impl fmt::Debug for UrlBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UrlBuilder")
            .field("domain", &self.domain)
            .field("provider", &self.provider)
            .field("profile", &self.profile)
            .field("signed", &self.key.is_some())
            .finish_non_exhaustive()
    }
}

/// One param after null-dropping and stringification.
pub(crate) type Item<'a> = (&'a str, Cow<'a, str>);

/// The params of one call, on the stack for the usual handful.
pub(crate) type Items<'a> = smallvec::SmallVec<[Item<'a>; 8]>;

/// Drops null params and turns values into strings (SPEC §3). Numbers are written once
/// into `scratch` (each followed by a NUL separator) and borrowed from there, so a call
/// allocates one buffer for all of them.
pub(crate) fn normalize_params<'a, K: AsRef<str>>(
    params: &'a [(K, ParamValue)],
    scratch: &'a mut String,
    out: &mut Items<'a>,
) -> Result<()> {
    for (k, v) in params {
        let field = || format!("params[{}]", excerpt(k.as_ref()));
        match v {
            ParamValue::Int(i) => {
                encode::write_int(scratch, *i);
                scratch.push('\0');
            }
            ParamValue::Float(f) => {
                encode::write_float(scratch, *f, &field())?;
                scratch.push('\0');
            }
            ParamValue::Str(_) | ParamValue::Bool(_) | ParamValue::Null => {}
        }
    }
    let mut numbers: &'a str = scratch;
    for (k, v) in params {
        let value: Cow<'a, str> = match v {
            ParamValue::Str(s) => Cow::Borrowed(s.as_str()),
            ParamValue::Null => continue,
            ParamValue::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            ParamValue::Int(_) | ParamValue::Float(_) => {
                let end = numbers.bytes().position(|b| b == 0).unwrap_or(numbers.len());
                let head = numbers.get(..end).unwrap_or_default();
                numbers = numbers.get(end + 1..).unwrap_or_default();
                Cow::Borrowed(head)
            }
        };
        out.push((k.as_ref(), value));
    }
    Ok(())
}

/// Sets `key` to `value`: in place if present (first occurrence), else appended.
pub(crate) fn set_param<'a>(items: &mut Items<'a>, key: &'a str, value: Cow<'a, str>) {
    match items.iter_mut().find(|(k, _)| *k == key) {
        Some(slot) => slot.1 = value,
        None => items.push((key, value)),
    }
}

pub(crate) fn get_param<'b>(items: &'b [Item<'_>], key: &str) -> Option<&'b str> {
    items.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_ref())
}

fn is_js_array_index(key: &str) -> Option<u32> {
    if key.is_empty() || key.len() > 10 || !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if key.len() > 1 && key.starts_with('0') {
        return None;
    }
    key.parse::<u32>().ok().filter(|v| *v != u32::MAX)
}

/// True when `domain` is a host name imgix accepts (see docs/behaviour.md).
pub fn is_valid_domain(domain: &str, any_case: bool) -> bool {
    let alnum =
        |c: char| c.is_ascii_digit() || c.is_ascii_lowercase() || (any_case && c.is_ascii_uppercase());
    let labels: Vec<&str> = domain.split('.').collect();
    let n = labels.len();
    if n < 2 || n - 2 > 125 {
        return false;
    }
    let (Some(last), Some(penult)) = (labels.last(), labels.get(n - 2)) else {
        return false;
    };
    if ends_in_number(last) {
        // Browsers read such a host as an IPv4 address: only a valid dotted quad works.
        return domain.parse::<std::net::Ipv4Addr>().is_ok();
    }
    let last_ok = (1..=63).contains(&last.len()) && last.chars().all(alnum);
    let penult_ok = (1..=63).contains(&penult.len())
        && penult.chars().next().is_some_and(alnum)
        && !penult.ends_with('-')
        && penult.chars().all(|c| alnum(c) || c == '-');
    let earlier_ok = labels
        .iter()
        .take(n - 2)
        .all(|l| (1..=62).contains(&l.len()) && l.chars().all(|c| alnum(c) || c == '-' || c == '_'));
    last_ok && penult_ok && earlier_ok
}

/// What is wrong with an invalid domain, in words that do not repeat it.
fn domain_problem(domain: &str, any_case: bool) -> &'static str {
    if domain.is_empty() {
        "is empty"
    } else if domain.contains("://") {
        "has a scheme"
    } else if domain.contains('/') {
        "has a path"
    } else if domain.contains(':') {
        "has a port"
    } else if domain.chars().any(|c| c.is_whitespace() || c.is_control()) {
        "has white space or a control character"
    } else if !domain.is_ascii() {
        "is not ASCII (give the punycode form)"
    } else if !any_case && domain.bytes().any(|b| b.is_ascii_uppercase()) {
        "has an uppercase letter"
    } else if domain.ends_with('.') {
        "ends with a dot"
    } else if domain.rsplit('.').next().is_some_and(ends_in_number) {
        "is read as an IPv4 address by browsers, and is not a valid one"
    } else {
        "is not a valid host name"
    }
}

/// WHATWG "ends in a number": a last label of digits, or `0x` and hex digits.
fn ends_in_number(label: &str) -> bool {
    if !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let b = label.as_bytes();
    b.len() >= 2
        && b.first() == Some(&b'0')
        && matches!(b.get(1), Some(b'x' | b'X'))
        && b.iter().skip(2).all(u8::is_ascii_hexdigit)
}

/// True when a segment of `path` (after its leading `/`) is a dot segment.
fn has_dot_segment(path: &str) -> bool {
    let b = path.as_bytes();
    let mut start = 0;
    for (i, &c) in b.iter().enumerate() {
        if c == b'/' {
            if i > start
                && matches!(b.get(start), Some(b'.' | b'%'))
                && is_dot_segment(path.get(start..i).unwrap_or_default())
            {
                return true;
            }
            start = i + 1;
        }
    }
    matches!(b.get(start), Some(b'.' | b'%')) && is_dot_segment(path.get(start..).unwrap_or_default())
}

/// True for a `.` or `..` path segment, also written with `%2e`.
fn is_dot_segment(seg: &str) -> bool {
    let b = seg.as_bytes();
    let mut dots = 0;
    let mut i = 0;
    while i < b.len() {
        match b.get(i..i + 3) {
            Some([b'%', b'2', b'e' | b'E']) => i += 3,
            _ if b.get(i) == Some(&b'.') => i += 1,
            _ => return false,
        }
        dots += 1;
    }
    dots == 1 || dots == 2
}

impl UrlBuilder {
    /// Creates a builder for `domain` (a bare host name such as `demo.imgix.net`).
    pub fn new(domain: &str, options: BuilderOptions) -> Result<UrlBuilder> {
        let provider = options.provider.unwrap_or(Provider::Imgix);
        let profile = options.profile.unwrap_or_default();
        let rules = profile.rules();
        if !is_valid_domain(domain, rules.domain_any_case) {
            // The domain is not shown: with arguments swapped it could be the key.
            return err(
                ErrorCode::InvalidDomain,
                format!(
                    "domain: {} (expected a bare host name such as \"demo.imgix.net\"{})",
                    domain_problem(domain, rules.domain_any_case),
                    if rules.domain_any_case { "" } else { ", lowercase only in this profile" }
                ),
            );
        }
        let key = match &options.key {
            Some(k) => Some(SigningKey::new("key", provider, k)?),
            None => None,
        };
        Ok(UrlBuilder {
            domain: if rules.lowercase_domain { domain.to_ascii_lowercase() } else { domain.to_owned() },
            provider,
            key,
            profile,
            use_https: options.use_https.unwrap_or(true),
            include_library_param: options.include_library_param.unwrap_or(false),
            disable_path_encoding: options.disable_path_encoding.unwrap_or(false),
        })
    }

    /// The domain URLs are built on (lowercased in the canonical profile).
    pub fn domain(&self) -> &str {
        &self.domain
    }
    /// The provider.
    pub fn provider(&self) -> Provider {
        self.provider
    }
    /// The encoding profile.
    pub fn profile(&self) -> Profile {
        self.profile
    }
    /// Whether URLs use `https://`.
    pub fn use_https(&self) -> bool {
        self.use_https
    }
    /// Whether the library param is added.
    pub fn include_library_param(&self) -> bool {
        self.include_library_param
    }
    /// Whether paths are used as given.
    pub fn disable_path_encoding(&self) -> bool {
        self.disable_path_encoding
    }
    /// Whether the builder signs its URLs.
    pub fn is_signed(&self) -> bool {
        self.key.is_some()
    }

    /// Builds (and signs) the URL for `path` with `params`.
    pub fn build_url<K: AsRef<str>>(&self, path: &str, params: &[(K, ParamValue)]) -> Result<String> {
        let mut scratch = String::new();
        let mut items = Items::new();
        normalize_params(params, &mut scratch, &mut items)?;
        self.emit(path, &mut items)
    }

    /// Builds many URLs in one call; fails on the first bad item, naming its index.
    pub fn build_urls<P: AsRef<str>, K: AsRef<str>>(
        &self,
        items: &[(P, Vec<(K, ParamValue)>)],
    ) -> Result<Vec<String>> {
        items
            .iter()
            .enumerate()
            .map(|(i, (path, params))| {
                self.build_url(path.as_ref(), params).map_err(|e| e.at(&format!("items[{i}]")))
            })
            .collect()
    }

    /// Encodes the path by the profile's rules and the provider's slash rule.
    fn encode_path(&self, path: &str, out: &mut String) -> Result<()> {
        let rules = self.profile.rules();
        let start = out.len();
        if path.is_empty() && rules.empty_path_is_empty {
            // imgix-python: an empty path gives no `/` at all.
        } else {
            let rest = path.strip_prefix('/').unwrap_or(path);
            out.push('/');
            if self.disable_path_encoding {
                check_verbatim_path(rest)?;
                out.push_str(rest);
            } else {
                let proxy = match rules.proxy_detect {
                    ProxyDetect::SchemeAnyCase => {
                        starts_with_ci(rest, "http://") || starts_with_ci(rest, "https://")
                    }
                    ProxyDetect::HttpPrefix => rest.starts_with("http"),
                    ProxyDetect::SchemeExact => rest.starts_with("http://") || rest.starts_with("https://"),
                };
                if proxy {
                    encode_into(out, rest, rules.proxy, rules.proxy_space_plus);
                } else {
                    encode_into(out, rest, rules.path, false);
                }
            }
        }
        if out.get(start..).is_some_and(has_dot_segment) {
            return err(
                ErrorCode::InvalidUrl,
                "path: a '.' or '..' segment is removed by browsers before the request, so the signature could never match",
            );
        }
        if self.provider.scheme().single_leading_slash {
            let slashes = out.get(start..).map_or(0, |p| p.len() - p.trim_start_matches('/').len());
            if slashes != 1 {
                let tail = out.get(start + slashes..).unwrap_or_default().to_owned();
                out.truncate(start);
                out.push('/');
                out.push_str(&tail);
            }
        }
        Ok(())
    }

    /// Emits the URL for `path` and normalised `items`.
    pub(crate) fn emit(&self, path: &str, items: &mut Items<'_>) -> Result<String> {
        let r = self.render(path, items, None)?;
        let mut out = r.url;
        if let Some(key) = &self.key {
            let sig = key.sign_parts(&[out.get(r.path_start..).unwrap_or_default()]);
            push_signature(&mut out, r.has_query, self.provider.scheme().signature_param, sig.as_str());
        }
        Ok(out)
    }

    /// Writes a fluid srcset straight into one string: one signed URL per width, as the
    /// value of the param `slot`, each followed by ` <width>w`, joined by `",\n"`.
    /// Everything before the slot is rendered and hashed once. `items` must hold `slot`
    /// (its value is ignored).
    pub(crate) fn emit_widths(
        &self,
        path: &str,
        items: &mut Items<'_>,
        slot: &'static str,
        widths: &[i64],
    ) -> Result<String> {
        let r = self.render(path, items, Some(slot))?;
        let Some(at) = r.slot_at else {
            return err(ErrorCode::InvalidParam, format!("params[{slot:?}]: internal slot not rendered"));
        };
        let head = r.url.get(..at).unwrap_or_default();
        let tail = r.url.get(at..).unwrap_or_default();
        let sig_param = self.provider.scheme().signature_param;
        let prefed = self.key.as_ref().map(|k| k.with_prefix(head.get(r.path_start..).unwrap_or_default()));
        let mut out = String::with_capacity(widths.len() * (r.url.len() + sig_param.len() + 80));
        let mut value = String::with_capacity(20);
        for (i, w) in widths.iter().enumerate() {
            if i > 0 {
                out.push_str(",\n");
            }
            value.clear();
            encode::write_int(&mut value, *w);
            out.push_str(head);
            out.push_str(&value);
            out.push_str(tail);
            if let Some(k) = &prefed {
                let sig = k.sign_parts(&[&value, tail]);
                push_signature(&mut out, r.has_query, sig_param, sig.as_str());
            }
            out.push(' ');
            out.push_str(&value);
            out.push('w');
        }
        Ok(out)
    }

    /// Renders the unsigned URL; with `slot`, records where that param's value goes.
    fn render(&self, path: &str, items: &mut Items<'_>, slot: Option<&str>) -> Result<Rendered> {
        let rules = self.profile.rules();
        let sig_param = self.provider.scheme().signature_param;
        if self.key.is_some() {
            items.retain(|(k, _)| *k != sig_param);
        }
        let mut first_param: Option<&'static str> = None;
        let js_reorder =
            rules.order == Order::JsObject && items.iter().any(|(k, _)| is_js_array_index(k).is_some());
        let fast = !js_reorder && items.iter().all(|(k, _)| rules.key.is_clean(k));
        // Sorted fast path: duplicates are found next to each other after sorting.
        check_keys(items, rules.allow_empty_key, !(fast && rules.order == Order::Sorted))?;

        if fast {
            // Fast path (the common case): every key is its own encoding, so the items are
            // ordered and written as they are, without a second list.
            if rules.order == Order::Sorted {
                sort_by_key_bytes(items);
                if let Some(w) = items.windows(2).find(|w| w.first().map(|a| a.0) == w.get(1).map(|b| b.0)) {
                    let k = w.first().map_or("", |a| a.0);
                    return err(
                        ErrorCode::InvalidParam,
                        format!("params[{}]: key given more than once", excerpt(k)),
                    );
                }
            }
            if self.include_library_param {
                match rules.library_param {
                    LibraryParam::Replace(v) => {
                        items.retain(|(k, _)| *k != "ixlib");
                        items.push(("ixlib", Cow::Borrowed(v)));
                        if rules.order == Order::Sorted {
                            sort_by_key_bytes(items);
                        }
                    }
                    LibraryParam::First(v) => first_param = Some(v),
                }
            }
            let fields = items.iter().map(|(k, v)| (*k, v.as_ref(), k.ends_with("64")));
            return self.write(path, first_param, fields, slot);
        }

        // General path: encode keys (borrowed when already clean), decide base64, order.
        struct Enc<'b> {
            key: Cow<'b, str>,
            value: &'b str,
            b64: bool,
        }
        let mut enc: Vec<Enc<'_>> = Vec::with_capacity(items.len() + 1);
        for (k, v) in items.iter() {
            let key: Cow<'_, str> = if rules.key.is_clean(k) {
                Cow::Borrowed(k)
            } else {
                let mut s = String::with_capacity(k.len() * 3);
                encode_into(&mut s, k, rules.key, false);
                Cow::Owned(s)
            };
            let b64 = if rules.b64_on_encoded_key { key.ends_with("64") } else { k.ends_with("64") };
            enc.push(Enc { key, value: v.as_ref(), b64 });
        }
        if self.include_library_param {
            match rules.library_param {
                LibraryParam::Replace(v) => {
                    enc.retain(|e| e.key != "ixlib");
                    enc.push(Enc { key: Cow::Borrowed("ixlib"), value: v, b64: false });
                }
                LibraryParam::First(v) => first_param = Some(v),
            }
        }
        match rules.order {
            Order::Sorted => enc.sort_unstable_by(|a, b| key_cmp(&a.key, &b.key)),
            Order::JsObject => {
                if js_reorder {
                    let mut indexed: Vec<(Option<u32>, usize, Enc<'_>)> = items
                        .iter()
                        .map(|(k, _)| is_js_array_index(k))
                        .zip(enc.drain(..))
                        .enumerate()
                        .map(|(i, (idx, e))| (idx, i, e))
                        .collect();
                    indexed.sort_by_key(|(idx, i, _)| match idx {
                        Some(n) => (0u8, u64::from(*n)),
                        None => (1u8, *i as u64),
                    });
                    enc.extend(indexed.into_iter().map(|(_, _, e)| e));
                }
            }
        }
        let fields = enc.iter().map(|e| (e.key.as_ref(), e.value, e.b64));
        self.write(path, first_param, fields, slot)
    }

    /// Writes the unsigned URL from ordered `(encoded key, raw value, base64)` fields.
    fn write<'f>(
        &self,
        path: &str,
        first_param: Option<&str>,
        fields: impl Iterator<Item = (&'f str, &'f str, bool)> + Clone,
        slot: Option<&str>,
    ) -> Result<Rendered> {
        let rules = self.profile.rules();
        let scheme = if self.use_https { "https://" } else { "http://" };
        let mut capacity = scheme.len() + self.domain.len() + path.len() * 3 + 80;
        for (k, v, _) in fields.clone() {
            capacity += k.len() + v.len() * 3 + 2;
        }
        let mut out = String::with_capacity(capacity);
        out.push_str(scheme);
        out.push_str(&self.domain);
        let path_start = out.len();
        self.encode_path(path, &mut out)?;
        let mut has_query = false;
        let mut slot_at = None;
        if let Some(v) = first_param {
            out.push_str("?ixlib=");
            out.push_str(v);
            has_query = true;
        }
        for (key, value, b64) in fields {
            out.push(if has_query { '&' } else { '?' });
            has_query = true;
            out.push_str(key);
            out.push('=');
            if slot.is_some_and(|k| key == k) && !b64 {
                slot_at = Some(out.len());
            } else if b64 {
                encode::base64url_into(&mut out, value);
            } else {
                encode_into(&mut out, value, rules.value, false);
            }
        }
        Ok(Rendered { url: out, path_start, has_query, slot_at })
    }
}

/// An unsigned URL and the offsets signing needs.
struct Rendered {
    url: String,
    path_start: usize,
    has_query: bool,
    slot_at: Option<usize>,
}

fn push_signature(out: &mut String, has_query: bool, sig_param: &str, sig: &str) {
    out.push(if has_query { '&' } else { '?' });
    out.push_str(sig_param);
    out.push('=');
    out.push_str(sig);
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes().get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Byte order of keys; a plain loop beats `memcmp` calls for short keys.
fn key_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Sorts params by key bytes: an insertion sort for the usual handful of params.
fn sort_by_key_bytes(items: &mut [Item<'_>]) {
    if items.len() > 16 {
        items.sort_unstable_by(|a, b| key_cmp(a.0, b.0));
        return;
    }
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 {
            let less = match (items.get(j), items.get(j - 1)) {
                (Some(cur), Some(prev)) => key_cmp(cur.0, prev.0).is_lt(),
                _ => false,
            };
            if !less {
                break;
            }
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

fn check_keys(items: &[Item<'_>], allow_empty: bool, check_duplicates: bool) -> Result<()> {
    for (i, (k, _)) in items.iter().enumerate() {
        if k.is_empty() && !allow_empty {
            return err(ErrorCode::InvalidParam, "params: a param key must not be empty");
        }
        if check_duplicates && items.iter().skip(i + 1).any(|(other, _)| other == k) {
            return err(ErrorCode::InvalidParam, format!("params[{}]: key given more than once", excerpt(k)));
        }
    }
    Ok(())
}

/// A path used verbatim must already be a valid URL path.
fn check_verbatim_path(p: &str) -> Result<()> {
    let bad = |what: &str| -> Result<()> {
        Err(Error::new(
            ErrorCode::InvalidUrl,
            format!("path: {what} cannot be used with disable_path_encoding (encode it first)"),
        ))
    };
    let bytes = p.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            0..=0x1f | 0x7f => return bad("a control character"),
            b' ' => return bad("a space"),
            b'#' => return bad("'#'"),
            b'?' => return bad("'?'"),
            b'"' | b'<' | b'>' | b'`' | b'{' | b'}' | b'^' => {
                return bad("a character browsers percent-encode");
            }
            b'\\' => return bad("'\\\\' (browsers turn it into '/')"),
            0x80..=0xff => return bad("a non-ASCII character"),
            b'%' => {
                let ok = bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                    && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
                if !ok {
                    return bad("'%' not followed by two hex digits");
                }
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains() {
        for ok in ["demo.imgix.net", "127.0.0.1", "-x.imgix.net", "a_b.imgix.net", "a.b"] {
            assert!(is_valid_domain(ok, false), "{ok}");
        }
        for bad in [
            "m.1",
            "a.0x1f",
            "a.0x",
            "1.2.3",
            "01.2.3.4",
            "256.1.1.1",
            "1.2.3.4.5",
            "localhost",
            "https://a.net",
            "a.net:80",
            "a.net/x",
            "a.net.",
            "a_b.net",
            "a-.net",
            "",
            "a..net",
            "a.net\n",
        ] {
            assert!(!is_valid_domain(bad, true), "{bad}");
        }
        assert!(is_valid_domain("Demo.Imgix.NET", true));
        assert!(!is_valid_domain("Demo.Imgix.NET", false));
    }

    #[test]
    fn js_index_keys() {
        assert_eq!(is_js_array_index("2"), Some(2));
        assert_eq!(is_js_array_index("02"), None);
        assert_eq!(is_js_array_index("4294967295"), None);
        assert_eq!(is_js_array_index("x"), None);
    }
}
