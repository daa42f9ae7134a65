//! Building URLs from a domain, a path and params (docs/behaviour.md, "Building").

use crate::digest::SigningKey;
use crate::encode::ParamValue;
use crate::encode::{self, AsParam, encode_into};
use crate::error::{ErrorCode, Result, err};
use crate::params::{
    Items, check_keys, duplicate_in_sorted, duplicate_key, key_cmp, normalize_params, object_literal_index,
    sort_by_key_bytes, sort_by_raw_nfc, sort_by_raw_utf16,
};
use crate::profile::{JAVA_ENCODED_PROXY, LibraryParam, Order, PathStyle, Profile, Rules};
use crate::provider::Provider;
use crate::scheme::{Grammar, Named, Placement, Resolved, resolve};
use crate::secrets::{self, Secrets};
use crate::signature::{check_emitted_len, message, push_signature, sign_segment, signed_path};
use crate::tokens;
use crate::validate::{check_domain, check_verbatim_path, check_verbatim_path_for, has_dot_segment};
use std::borrow::Cow;
use std::fmt;

/// Options of a [`UrlBuilder`]. Every field is optional: `None` is "not given" and takes the
/// core's default (the one place defaults live), so `BuilderOptions::default()` is imgix, no
/// key (unsigned URLs), canonical, https, the profile's library param (none in canonical),
/// path encoding on.
#[derive(Clone, Default, PartialEq)]
pub struct BuilderOptions {
    /// The provider whose scheme signs the URLs (not given: imgix).
    pub provider: Option<Provider>,
    /// The signing key; not given builds unsigned URLs.
    pub key: Option<String>,
    /// The salt that goes with the key, for a scheme that has one.
    pub salt: Option<String>,
    /// The scheme's options by name (docs/schemes.md); a `Null` value is not given.
    pub options: Vec<(String, ParamValue)>,
    /// The encoding profile (not given: canonical).
    pub profile: Option<Profile>,
    /// `https://` (true) or `http://` (not given: true).
    pub use_https: Option<bool>,
    /// Add the library-identifying `ixlib` param (not given: the profile's default, which is
    /// what its library does: false in canonical, true in the compatibility profiles).
    pub include_library_param: Option<bool>,
    /// Use paths as given, only the one-leading-`/` rule applies (not given: false).
    pub disable_path_encoding: Option<bool>,
}

impl BuilderOptions {
    /// The provider a builder made with these options uses: the one given, else the core's
    /// default.
    pub fn provider_or_default(&self) -> Provider {
        self.provider.unwrap_or(Provider::Imgix)
    }
}

impl fmt::Debug for BuilderOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BuilderOptions")
            .field("provider", &self.provider)
            .field("key", &self.key.as_ref().map(|_| "<redacted>"))
            .field("salt", &self.salt.as_ref().map(|_| "<redacted>"))
            .field("options", &self.options)
            .field("profile", &self.profile)
            .field("use_https", &self.use_https)
            .field("include_library_param", &self.include_library_param)
            .field("disable_path_encoding", &self.disable_path_encoding)
            .finish()
    }
}

/// Options of one [`UrlBuilder::build_url_with`] call. `None` is "not given": the builder's
/// own setting applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UrlOptions {
    /// Use this call's path as given (not given: the builder's `disable_path_encoding`).
    pub disable_path_encoding: Option<bool>,
}

/// How one call writes its URL (what differs from the builder's own settings).
#[derive(Clone, Copy, Default)]
pub(crate) struct Call<'o> {
    /// The call's `disable_path_encoding` (not given: the builder's).
    pub(crate) disable_path_encoding: Option<bool>,
    /// The path is exactly what a client sends (a parsed URL's): written unchanged.
    pub(crate) path_as_sent: bool,
    /// `scheme://host[:port]` written instead of the builder's scheme and domain.
    pub(crate) origin: Option<&'o str>,
}

/// Builds (and signs, when it has a key) URLs on one domain. Immutable, `Send + Sync`,
/// cheap to call many times: the key's hash state is prepared once.
#[derive(Clone)]
pub struct UrlBuilder {
    domain: String,
    provider: Provider,
    resolved: Resolved,
    key: Option<SigningKey>,
    profile: Profile,
    use_https: bool,
    include_library_param: bool,
    disable_path_encoding: bool,
    /// A source's path prefix (`Sources`): a path that is not under it is refused.
    path_prefix: Option<String>,
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

impl UrlBuilder {
    /// Creates a builder for `domain` (a bare host name such as `demo.imgix.net`).
    pub fn new(domain: &str, options: BuilderOptions) -> Result<UrlBuilder> {
        let provider = options.provider_or_default();
        let profile = options.profile.unwrap_or_default();
        let rules = profile.rules();
        check_domain(domain, rules.domain_any_case)?;
        let scheme = provider.scheme();
        let decoded = match &options.key {
            Some(k) => {
                let secrets = Secrets { key: k.clone(), salt: options.salt.clone(), ..Secrets::default() };
                Some(secrets::decode(scheme, &secrets)?)
            }
            None if options.salt.is_some() => {
                return err(
                    ErrorCode::InvalidKey,
                    "salt: given without a key (an unsigned builder takes no salt)",
                );
            }
            None => None,
        };
        let mut resolved = resolve(scheme, &options.options)?;
        tokens::check_resolved(&mut resolved)?;
        if let Grammar::Path(_) = scheme.grammar {
            // A path grammar is not a query: a profile's encoding and the library param do not apply.
            let refused = [
                ("profile", options.profile.is_some_and(|p| p != Profile::Canonical)),
                ("include_library_param", options.include_library_param == Some(true)),
                ("disable_path_encoding", options.disable_path_encoding == Some(true)),
            ];
            if let Some((field, _)) = refused.iter().find(|(_, r)| *r) {
                return err(
                    ErrorCode::InvalidParam,
                    format!(
                        "{field}: not available for {} URLs, which carry their options in the path, not in a query",
                        scheme.name
                    ),
                );
            }
        }
        let key = match decoded {
            Some(d) => secrets::prepare(&resolved, &d)?.into_iter().next(),
            None => None,
        };
        Ok(UrlBuilder {
            domain: if rules.lowercase_domain { domain.to_ascii_lowercase() } else { domain.to_owned() },
            provider,
            resolved,
            key,
            profile,
            use_https: options.use_https.unwrap_or(true),
            include_library_param: options.include_library_param.unwrap_or(rules.library_param_default),
            disable_path_encoding: options.disable_path_encoding.unwrap_or(false),
            path_prefix: None,
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
    /// The path prefix of a source's builder ([`crate::Sources`]): every URL it builds is under it.
    pub fn path_prefix(&self) -> Option<&str> {
        self.path_prefix.as_deref()
    }

    /// The builder of a source with `prefix` (normalised by `Sources`).
    pub(crate) fn with_path_prefix(mut self, prefix: Option<String>) -> UrlBuilder {
        self.path_prefix = prefix;
        self
    }

    /// Refuses an emitted path that is not under the source's prefix.
    fn check_prefix(&self, emitted: &str) -> Result<()> {
        match &self.path_prefix {
            Some(prefix) if !crate::sources::is_under(emitted, prefix) => err(
                ErrorCode::InvalidUrl,
                format!(
                    "path: {} is not under this source's path prefix {prefix}",
                    crate::error::excerpt(emitted)
                ),
            ),
            _ => Ok(()),
        }
    }

    pub(crate) fn rules(&self) -> &'static Rules {
        self.profile.rules()
    }

    /// The query param the signature goes in (every scheme built with the query grammar
    /// signs in the query).
    pub(crate) fn signature_param(&self) -> Result<&'static str> {
        match self.resolved.parts.placement {
            Placement::LastQueryParam(p) => Ok(p),
            Placement::TokenQuery(t) => Ok(t.token),
            Placement::TokenParam(t) => Ok(t.name),
            Placement::PathSegment { .. } => {
                err(ErrorCode::InvalidParam, format!("{}: not built from query params", self.provider.name()))
            }
        }
    }

    /// Builds (and signs) the URL for `path` with `params`.
    /// `params` are [`crate::ParamValue`]s or borrowed [`crate::ParamRef`]s.
    pub fn build_url<K: AsRef<str>, V: AsParam>(&self, path: &str, params: &[(K, V)]) -> Result<String> {
        self.build_url_with(path, params, &UrlOptions::default())
    }

    /// Builds (and signs) the URL for `path` with `params` and this call's `options`.
    pub fn build_url_with<K: AsRef<str>, V: AsParam>(
        &self,
        path: &str,
        params: &[(K, V)],
        options: &UrlOptions,
    ) -> Result<String> {
        with_scratch(|scratch| {
            let mut items = Items::new();
            normalize_params(params, self.rules().values, scratch, &mut items)?;
            let call = Call { disable_path_encoding: options.disable_path_encoding, ..Call::default() };
            self.emit(path, &mut items, &call)
        })
    }

    /// Builds many URLs in one call; fails on the first bad item, naming its index.
    pub fn build_urls<P: AsRef<str>, K: AsRef<str>, V: AsParam>(
        &self,
        items: &[(P, Vec<(K, V)>)],
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
    fn encode_path(&self, path: &str, call: &Call<'_>, out: &mut String) -> Result<()> {
        let rules = self.rules();
        let start = out.len();
        let verbatim = call.disable_path_encoding.unwrap_or(self.disable_path_encoding);
        if call.path_as_sent {
            // A parsed URL's path: already what clients send, so it is used as it is.
            out.push_str(path);
        } else if path.is_empty() && rules.empty_path_is_empty && self.key.is_none() {
            // imgix-python writes an empty path as nothing; clients send `/`, so a signed URL
            // gets the `/` it is signed over.
        } else {
            let rest = path.strip_prefix('/').unwrap_or(path);
            let java = rules.path_style == PathStyle::JavaSegments;
            if verbatim {
                check_verbatim_path(rest)?;
                out.push('/');
                out.push_str(rest);
            } else if java && JAVA_ENCODED_PROXY.iter().any(|p| rest.starts_with(p)) {
                // imgix-java passes an encoded web-proxy path through: only a valid one.
                check_verbatim_path_for(
                    rest,
                    "an encoded web-proxy path is used as given by imgix-java, so",
                )?;
                out.push('/');
                out.push_str(rest);
            } else if java && !rules.is_proxy(rest) {
                // Java's `split("/")` drops trailing empty segments.
                out.push('/');
                encode_into(out, rest.trim_end_matches('/'), rules.path, false);
            } else {
                rules.encode_path_into(path, out);
            }
        }
        if out.get(start..).is_some_and(has_dot_segment) {
            return err(
                ErrorCode::InvalidUrl,
                "path: a '.' or '..' segment is removed by browsers before the request, so the signature could never match",
            );
        }
        // The scheme's path rule (Gumlet: one leading `/`), the same helper signing uses.
        let emitted = out.get(start..).unwrap_or_default();
        let cut = emitted.len() - signed_path(self.resolved.parts.covered, emitted).len();
        if cut > 0 {
            out.replace_range(start..start + cut, "");
        }
        Ok(())
    }

    /// Emits the URL for `path` and normalised `items`, signed when the builder has a key.
    pub(crate) fn emit(&self, path: &str, items: &mut Items<'_>, call: &Call<'_>) -> Result<String> {
        if let Grammar::Path(pieces) = self.resolved.scheme.grammar {
            return self.emit_path(pieces, path, items, call);
        }
        if tokens::handles(&self.resolved.parts) {
            return self.emit_token(path, items, call);
        }
        let sig_param = self.signature_param()?;
        let r = self.render(path, items, None, call)?;
        let signature = self.key.as_ref().map(|key| {
            let (path, query) = r.message_parts();
            (key.sign(&message(path, query)), query.is_empty())
        });
        let mut out = r.url;
        if let Some((sig, query_is_empty)) = signature {
            push_signature(&mut out, query_is_empty, sig_param, sig.as_str());
            // What imgsign signs, it can verify: a signed URL obeys the one length limit.
            check_emitted_len(&out)?;
        }
        Ok(out)
    }

    /// A token scheme's URL: rendered unsigned by the profile, then signed as given by the
    /// scheme's parts (the same steps as `sign_url`, with no expiry and no per-call values).
    fn emit_token(&self, path: &str, items: &mut Items<'_>, call: &Call<'_>) -> Result<String> {
        let r = self.render(path, items, None, call)?;
        let Some(key) = &self.key else { return Ok(r.url) };
        let values = Named::default();
        let ctx = tokens::Ctx { resolved: &self.resolved, keys: std::slice::from_ref(key), values: &values };
        let u = tokens::Url {
            origin: r.url.get(..r.path_start),
            path: r.url.get(r.path_start..r.path_end).unwrap_or_default(),
            query: r.url.get(r.path_end + 1..).unwrap_or_default(),
            fragment: None,
        };
        tokens::sign_url(&ctx, &u, None)
    }

    /// Emits the URL of a path grammar: the pieces rendered, then signed in their segment
    /// as `sign_url` signs (the same function), when the builder has a key.
    fn emit_path(
        &self,
        pieces: &[crate::scheme::Piece],
        path: &str,
        items: &Items<'_>,
        call: &Call<'_>,
    ) -> Result<String> {
        if call.disable_path_encoding == Some(true) {
            // As the builder option: a path grammar writes its own path.
            return err(
                ErrorCode::InvalidParam,
                format!(
                    "disable_path_encoding: not available for {} URLs, which carry their options in the path, not in a query",
                    self.resolved.scheme.name
                ),
            );
        }
        let rendered = crate::grammar::render(pieces, &self.resolved, path, items)?;
        if has_dot_segment(&rendered) {
            return err(
                ErrorCode::InvalidUrl,
                "path: a '.' or '..' segment is removed by browsers before the request, so the signature could never match",
            );
        }
        let scheme = if self.use_https { "https://" } else { "http://" };
        let mut out = String::with_capacity(scheme.len() + self.domain.len() + rendered.len() + 48);
        out.push_str(scheme);
        out.push_str(&self.domain);
        match &self.key {
            Some(key) => {
                sign_segment(&mut out, &rendered, &self.resolved, key)?;
                check_emitted_len(&out)?;
            }
            None => out.push_str(&rendered),
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
        widths: &[crate::Width],
        call: &Call<'_>,
    ) -> Result<String> {
        if matches!(self.resolved.scheme.grammar, Grammar::Path(_)) || tokens::handles(&self.resolved.parts) {
            // Each entry through the grammar, or signed as given by a token scheme: the
            // width is one of its params.
            let mut out = String::new();
            for (i, w) in widths.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                let mut value = String::new();
                self.rules().values.write_width(&mut value, *w);
                crate::params::set_param(items, slot, std::borrow::Cow::Owned(value.clone()));
                out.push_str(&self.emit(path, items, call)?);
                out.push(' ');
                out.push_str(&value);
                out.push('w');
            }
            return Ok(out);
        }
        let r = self.render(path, items, Some(slot), call)?;
        let Some(at) = r.slot_at else {
            return err(ErrorCode::InvalidParam, format!("params[{slot:?}]: internal slot not rendered"));
        };
        let head = r.url.get(..at).unwrap_or_default();
        let tail = r.url.get(at..).unwrap_or_default();
        let sig_param = self.signature_param()?;
        // The query holds the slot, so each entry's message is `path?query` = everything after
        // the origin: the head is hashed once, then each width and the tail.
        let prefed = self.key.as_ref().map(|k| k.with_prefix(head.get(r.path_start..).unwrap_or_default()));
        let mut out = String::with_capacity(widths.len() * (r.url.len() + sig_param.len() + 80));
        let mut value = String::with_capacity(20);
        for (i, w) in widths.iter().enumerate() {
            if i > 0 {
                out.push_str(",\n");
            }
            let entry_start = out.len();
            value.clear();
            self.rules().values.write_width(&mut value, *w);
            out.push_str(head);
            out.push_str(&value);
            out.push_str(tail);
            if let Some(k) = &prefed {
                let sig = k.sign_parts(&[&value, tail]);
                push_signature(&mut out, false, sig_param, sig.as_str());
                check_emitted_len(out.get(entry_start..).unwrap_or_default())?;
            }
            out.push(' ');
            out.push_str(&value);
            out.push('w');
        }
        Ok(out)
    }

    /// Renders the unsigned URL; with `slot`, records where that param's value goes.
    fn render(
        &self,
        path: &str,
        items: &mut Items<'_>,
        slot: Option<&str>,
        call: &Call<'_>,
    ) -> Result<Rendered> {
        let rules = self.rules();
        let signed = self.key.is_some();
        if signed {
            let sig_param = self.signature_param()?;
            items.retain(|(k, _)| *k != sig_param);
        }
        let (key_set, _) = rules.query_sets(signed);
        let sorted = rules.order == Order::Sorted;
        // Sorted orders find duplicates next to each other once sorted; the others check here.
        check_keys(items, rules.allow_empty_key, !sorted)?;
        if let (true, LibraryParam::Replace(v)) = (self.include_library_param, rules.library_param) {
            // As the libraries do: the library param replaces a user's and is ordered with
            // the rest.
            // A user's given twice is still a duplicate, as any other key: the sorted orders'
            // check below would no longer see it once replaced.
            if sorted && items.iter().filter(|(k, _)| *k == LIBRARY_PARAM).nth(1).is_some() {
                return duplicate_key(LIBRARY_PARAM);
            }
            items.retain(|(k, _)| *k != LIBRARY_PARAM);
            items.push((LIBRARY_PARAM, Cow::Borrowed(v)));
        }
        match rules.order {
            Order::RawNfc => sort_by_raw_nfc(items),
            Order::RawUtf16 => sort_by_raw_utf16(items),
            Order::Sorted | Order::ObjectLiteral => {}
        }
        let reorder = rules.order == Order::ObjectLiteral
            && items.iter().any(|(k, _)| object_literal_index(k).is_some());
        if !reorder && items.iter().all(|(k, _)| key_set.is_clean(k)) {
            // Fast path (the common case): every key is its own encoding, so the items are
            // ordered and written as they are, without a second list.
            if sorted {
                sort_by_key_bytes(items);
                if let Some(k) = duplicate_in_sorted(items.iter().map(|(k, _)| *k)) {
                    return duplicate_key(k);
                }
            }
            let fields = items.iter().map(|(k, v)| (*k, v.as_ref(), k.ends_with("64")));
            return self.write(path, fields, slot, call);
        }
        // General path: keys encoded (borrowed when already clean), base64 decided, ordered.
        let mut fields: Vec<Field<'_>> = items
            .iter()
            .map(|(k, v)| {
                let key: Cow<'_, str> = if key_set.is_clean(k) {
                    Cow::Borrowed(k)
                } else {
                    let mut s = String::with_capacity(k.len() * 3);
                    encode_into(&mut s, k, key_set, false);
                    Cow::Owned(s)
                };
                let b64 = rules.is_base64(k, &key);
                Field { raw: k, index: object_literal_index(k), key, value: v.as_ref(), b64 }
            })
            .collect();
        if sorted {
            fields.sort_unstable_by(|a, b| key_cmp(&a.key, &b.key));
            // Encoding is one-to-one, so equal encoded keys are equal keys.
            if let Some(w) = fields.windows(2).find(|w| w.first().map(|f| &f.key) == w.get(1).map(|f| &f.key))
            {
                return duplicate_key(w.first().map_or("", |f| f.raw));
            }
        } else if reorder {
            // Integer-like keys first, ascending; the rest keep their order (a stable sort).
            fields.sort_by_key(|f| f.index.map_or((1u8, 0u32), |n| (0, n)));
        }
        let fields = fields.iter().map(|f| (f.key.as_ref(), f.value, f.b64));
        self.write(path, fields, slot, call)
    }

    /// Writes the unsigned URL from ordered `(encoded key, raw value, base64)` fields, with
    /// a library param that goes first (imgix-js) in front.
    fn write<'f>(
        &self,
        path: &str,
        fields: impl Iterator<Item = (&'f str, &'f str, bool)> + Clone,
        slot: Option<&str>,
        call: &Call<'_>,
    ) -> Result<Rendered> {
        let rules = self.rules();
        let (_, value_set) = rules.query_sets(self.key.is_some());
        let first = match (self.include_library_param, rules.library_param) {
            (true, LibraryParam::First(v)) => Some(v),
            _ => None,
        };
        let scheme = if self.use_https { "https://" } else { "http://" };
        let origin_len = call.origin.map_or(scheme.len() + self.domain.len(), str::len);
        let mut capacity = origin_len + path.len() * 3 + 80;
        for (k, v, _) in fields.clone() {
            capacity += k.len() + v.len() * 3 + 2;
        }
        let mut out = String::with_capacity(capacity);
        match call.origin {
            Some(origin) => out.push_str(origin),
            None => {
                out.push_str(scheme);
                out.push_str(&self.domain);
            }
        }
        let path_start = out.len();
        self.encode_path(path, call, &mut out)?;
        let path_end = out.len();
        self.check_prefix(out.get(path_start..path_end).unwrap_or_default())?;
        let mut slot_at = None;
        let mut write_field = |out: &mut String, key: &str, value: &str, b64: bool| {
            out.push(if out.len() == path_end { '?' } else { '&' });
            out.push_str(key);
            out.push('=');
            if slot.is_some_and(|k| key == k) && !b64 {
                slot_at = Some(out.len());
            } else if b64 {
                encode::base64url_into(out, value);
            } else {
                encode_into(out, value, value_set, false);
            }
        };
        if let Some(v) = first {
            write_field(&mut out, LIBRARY_PARAM, v, false);
        }
        for (key, value, b64) in fields {
            write_field(&mut out, key, value, b64);
        }
        Ok(Rendered { url: out, path_start, path_end, slot_at })
    }
}

thread_local! {
    /// The text of a call's numbers ([`normalize_params`]), kept between calls on a thread
    /// so a build allocates only its output.
    static SCRATCH: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Runs `f` with an empty scratch string: the thread's own, or a new one when that is in use
/// or gone (a call from a thread-local destructor).
fn with_scratch<T>(mut f: impl FnMut(&mut String) -> T) -> T {
    let mut out = None;
    let _ = SCRATCH.try_with(|cell| {
        if let Ok(mut scratch) = cell.try_borrow_mut() {
            scratch.clear();
            out = Some(f(&mut scratch));
            if scratch.capacity() > 4096 {
                // A call with very many numbers does not keep its buffer.
                *scratch = String::new();
            }
        }
    });
    match out {
        Some(out) => out,
        None => f(&mut String::new()),
    }
}

/// The name of the library-identifying param.
pub(crate) const LIBRARY_PARAM: &str = "ixlib";

/// One param of the general path: its encoded key, raw value and base64 decision.
struct Field<'a> {
    raw: &'a str,
    index: Option<u32>,
    key: Cow<'a, str>,
    value: &'a str,
    b64: bool,
}

/// An unsigned URL and the offsets signing needs.
struct Rendered {
    url: String,
    path_start: usize,
    /// Where the path ends: the `?` of the query, or the end.
    path_end: usize,
    slot_at: Option<usize>,
}

impl Rendered {
    /// The path and the query (without its `?`) that the signature covers.
    fn message_parts(&self) -> (&str, &str) {
        let path = self.url.get(self.path_start..self.path_end).unwrap_or_default();
        let query = self.url.get(self.path_end + 1..).unwrap_or_default();
        (path, query)
    }
}
