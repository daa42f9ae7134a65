//! The token parts of the scheme model (docs/schemes.md, "Token parts"): messages made of
//! pieces ([`MessagePiece`]), a query rewritten around a token ([`TokenQuery`]), and tokens of
//! named fields ([`FieldToken`], carried by a [`TokenParam`]). Signing, verifying and the
//! token-on-its-own calls of every scheme built from these parts are here; each step reads
//! the scheme's parts, never its name.

use crate::digest::{Chunk, Signature, SigningKey};
use crate::error::{ErrorCode, Result, err, excerpt};
use crate::forms::{
    Escape as Esc, PhpKey, escape_into, form_urlencode_into, ip_prefix_bytes, percent_decode, php_key_cmp,
    php_urlencode_into, quote_plus_lower_into, wildcard_match,
};
use crate::scheme::{Covered, Expiry, ExpiryForm, Named, Parts, Placement, Resolved};
use crate::signature::{MAX_URL_LEN, check_emitted_len, piece_key, split_signature};
use crate::signer::unix_now;
use std::net::IpAddr;
use subtle::ConstantTimeEq;

// ==================================================================================== parts

/// One piece of a message ([`Covered::Pieces`]), hashed in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessagePiece {
    /// These bytes.
    Text(&'static str),
    /// The URL (origin, path, and the query sent before the signature) after the URL prefix
    /// held by the option of this name, which every signer of the scheme must be given
    /// (ImageKit's `endpoint`, a trailing `/` added when missing).
    UrlAfter(&'static str),
    /// The path.
    Path {
        /// Percent-decoded (as a PHP server hands it to its application), else as sent.
        decoded: bool,
        /// Whether its leading `/`s are signed.
        leading_slash: bool,
        /// A signed param of this name, when present, is signed instead of the path, and the
        /// path must start with it (Bunny's `token_path`: one token for a directory).
        or_param: Option<&'static str>,
    },
    /// The query sent before the signature, in this form.
    Query(QueryForm),
    /// The expiry in decimal; this text when the URL does not expire.
    Expiry {
        /// What is signed without an expiry (ImageKit's `9999999999`; empty for none).
        never: &'static str,
    },
    /// The client address of the per-call value `ip`, when given (nothing otherwise).
    Ip(IpForm),
    /// The key, for [`crate::scheme::Mix::KeyInside`].
    Key,
}

/// How the query is signed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryForm {
    /// Exactly as sent (the signature param removed).
    AsSent,
    /// Re-serialised as WHATWG `URLSearchParams` writes it (space `+`, `~` as `%7E`), and
    /// emitted so (Cloudflare's documented Worker).
    Form,
    /// Decoded (`+` is a space), sorted by name (code point), joined `k=v&k=v` unencoded;
    /// emitted percent-encoded in that order (Bunny).
    Sorted,
    /// As PHP's `$_GET` holds it (decoded, `.` and space in names read as `_`, the last
    /// value of a name kept), sorted by PHP 8's `ksort` and written by `http_build_query`
    /// (Glide). A name with `[` or `]` (a PHP array) is refused.
    Php,
}

/// How a client address is signed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IpForm {
    /// 4 packed bytes for IPv4; an IPv6 address's /64 then 8 zero bytes.
    Prefix64,
    /// The address as text, as given.
    Text,
}

/// The query rewritten around a token ([`Placement::TokenQuery`]): `?<token>=<prefix>[<bound
/// flag>]<signature>`, the signed params percent-encoded in their signed order, then
/// `&<expiry>=<at>`; in the directory form the same, minus the `?`, is the first path
/// segment (`/<segment>=…/path`), so relative URLs under it keep the token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenQuery {
    /// The token's param name (`token`).
    pub token: &'static str,
    /// The directory form's segment name (`bcdn_token`).
    pub segment: &'static str,
    /// The option choosing `query` or `directory`.
    pub form_option: &'static str,
    /// Written before the signature (`HS256-`).
    pub prefix: &'static str,
    /// Written after the prefix when the token is bound to a client address (`1-`); a
    /// verifier then needs the address. Empty: nothing says whether a token is bound.
    pub bound_flag: &'static str,
    /// Per-call values signed and emitted as params: (value name, param name).
    pub value_params: &'static [(&'static str, &'static str)],
    /// The option that signs no param of the URL: (option name, the param it writes as
    /// `=true`). Value params other than a [`MessagePiece::Path`]'s `or_param` are then refused.
    pub ignore: Option<(&'static str, &'static str)>,
}

/// The last query param carries a token of fields ([`Placement::TokenParam`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenParam {
    /// The param name.
    pub name: &'static str,
    /// The option that renames it, if any (`token_name`).
    pub name_option: Option<&'static str>,
    /// The path is written with exactly one trailing `/` (Uploadcare).
    pub trailing_slash: bool,
    /// Whether the URL may carry other params (Uploadcare's carry operations in the path).
    pub query: bool,
}

/// A token of named fields, `name=value` joined by a delimiter, the digest last as
/// `<hmac>=<hex>` (Akamai EdgeAuth; [`Covered::Fields`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldToken {
    /// The fields, in order. Some are hashed only, never written.
    pub fields: &'static [Field],
    /// Between fields (`~`), unless the option below gives another.
    pub delimiter: &'static str,
    /// The option giving the field delimiter, if any.
    pub delimiter_option: Option<&'static str>,
    /// Between the entries of a list (several ACLs: `!`).
    pub list_delimiter: &'static str,
    /// The option giving the list delimiter, if any.
    pub list_delimiter_option: Option<&'static str>,
    /// The name of the digest's field (`hmac`).
    pub digest: &'static str,
}

/// One field of a [`FieldToken`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// Its name (`exp`).
    pub name: &'static str,
    /// Where its value comes from.
    pub source: FieldSource,
    /// How its value is escaped.
    pub escape: Escape,
}

/// Where a field's value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldSource {
    /// The per-call text value of this name, when given.
    Value(&'static str),
    /// The per-call client address of this name, when given; a verifier compares it with the
    /// address it is given (`ip_mismatch`).
    ClientIp(&'static str),
    /// The per-call UNIX time of this name, when given and not 0; a verifier refuses the
    /// token before it (`not_yet_valid`).
    Start(&'static str),
    /// The expiry.
    Expiry,
    /// The per-call ACLs of this name (several joined by the list delimiter); a verifier
    /// matches the requested path against them (`*` is any run of characters).
    Acl(&'static str),
    /// The URL's path as an ACL (`/<path>/`), with `/*` when the option of this name is true.
    PathAcl(&'static str),
    /// Hashed, never written, and only when the token has no ACL: the URL's path (signing or
    /// verifying a URL), or the per-call value of this name (a token on its own).
    Url(&'static str),
    /// Hashed, never written: the signer's salt, when it has one.
    Salt,
}

/// How a field's value is escaped before it is written and hashed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Escape {
    /// As given.
    None,
    /// When the option of this name is true: Python's `quote_plus` with lower-case hex
    /// (Akamai's `escape_early`, as its PyPI package writes it).
    Early(&'static str),
    /// The path percent-decoded, then `quote_plus` keeping `,`, lower-case hex, `~` as `%7e`
    /// (Uploadcare's URL tokens).
    DecodedPath,
    /// `~` written `%7e` (Uploadcare's ACLs).
    Tilde,
}

// ==================================================================================== context

/// What a call works with: the resolved scheme, the keys (the signing key first) and the
/// per-call values.
pub(crate) struct Ctx<'a> {
    pub(crate) resolved: &'a Resolved,
    pub(crate) keys: &'a [SigningKey],
    pub(crate) values: &'a Named,
}

/// A URL to sign or verify, as parsed: origin (none for a request target), path, query
/// (empty when none) and fragment.
pub(crate) struct Url<'a> {
    pub(crate) origin: Option<&'a str>,
    pub(crate) path: &'a str,
    pub(crate) query: &'a str,
    pub(crate) fragment: Option<&'a str>,
}

/// Whether the token engine signs URLs of these parts.
pub(crate) fn handles(parts: &Parts) -> bool {
    matches!(parts.covered, Covered::Pieces(_) | Covered::Fields(_))
        || matches!(parts.placement, Placement::TokenQuery(_) | Placement::TokenParam(_))
}

fn fail<T>(code: ErrorCode, m: impl Into<String>) -> Result<T> {
    err(code, m)
}

impl Ctx<'_> {
    fn parts(&self) -> &Parts {
        &self.resolved.parts
    }

    fn name(&self) -> &'static str {
        self.resolved.scheme.name
    }

    fn key(&self) -> Result<&SigningKey> {
        self.keys.first().map_or_else(|| fail(ErrorCode::InvalidKey, "key: missing"), Ok)
    }

    fn option_or(&self, option: Option<&str>, default: &'static str) -> String {
        option.and_then(|o| self.resolved.options.text(o)).unwrap_or(default).to_owned()
    }

    /// The expiry to sign with: required or refused as the scheme says.
    fn expiry(&self, expires: Option<i64>) -> Result<Option<(Expiry, i64)>> {
        match (self.parts().expiry, expires) {
            (Some(e), Some(at)) => Ok(Some((e, at))),
            (Some(e), None) if e.required => fail(
                ErrorCode::InvalidParam,
                format!("expires: {} URLs always expire (give expires or expires_in)", self.name()),
            ),
            (_, None) => Ok(None),
            (None, Some(_)) => {
                fail(ErrorCode::InvalidParam, format!("expires: {} URLs carry no expiry", self.name()))
            }
        }
    }

    /// Whether `given` matches `candidate` of some key: compared in constant time, every
    /// key tried.
    fn any_key(
        &self,
        given: &str,
        mut candidate: impl FnMut(&SigningKey) -> Result<Signature>,
    ) -> Result<bool> {
        let mut ok = false;
        for k in self.keys {
            ok |= bool::from(candidate(k)?.as_bytes().ct_eq(given.as_bytes()));
        }
        Ok(ok)
    }

    fn ip(&self, name: &str) -> Result<Option<&str>> {
        match self.values.text(name) {
            Some(ip) if ip.parse::<IpAddr>().is_err() => {
                fail(ErrorCode::InvalidParam, format!("values[{}]: not an IP address", excerpt(name)))
            }
            other => Ok(other),
        }
    }
}

/// Checks what a signer or builder of these parts needs at creation: the prefix option of a
/// [`MessagePiece::UrlAfter`] is given and is an http(s) URL without query or fragment (kept in
/// its parsed form, with one trailing `/`); delimiters are single characters.
pub(crate) fn check_resolved(resolved: &mut Resolved) -> Result<()> {
    match resolved.parts.covered {
        Covered::Pieces(pieces) => {
            for p in pieces {
                if let MessagePiece::UrlAfter(option) = p {
                    let normalised = parse_endpoint(resolved, option)?;
                    resolved.options.set_text(option, normalised);
                }
            }
        }
        Covered::Fields(ft) => {
            let get =
                |o: Option<&str>, d: &'static str| o.and_then(|o| resolved.options.text(o)).unwrap_or(d);
            let (f, l) =
                (get(ft.delimiter_option, ft.delimiter), get(ft.list_delimiter_option, ft.list_delimiter));
            for (opt, d) in [(ft.delimiter_option, f), (ft.list_delimiter_option, l)] {
                if d.chars().count() != 1 || d == "=" || f == l {
                    let name = opt.unwrap_or("delimiter");
                    return fail(
                        ErrorCode::InvalidParam,
                        format!(
                            "options[{}]: one character, not '=', unlike the other delimiter",
                            excerpt(name)
                        ),
                    );
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// The endpoint option as [`check_resolved`] left it.
fn endpoint<'r>(resolved: &'r Resolved, option: &str) -> Result<&'r str> {
    resolved.options.text(option).map_or_else(
        || {
            fail(
                ErrorCode::InvalidParam,
                format!("options[{}]: {} needs it", excerpt(option), resolved.scheme.name),
            )
        },
        Ok,
    )
}

fn parse_endpoint(resolved: &Resolved, option: &str) -> Result<String> {
    let at = format!("options[{}]", excerpt(option));
    let Some(text) = resolved.options.text(option) else {
        return fail(
            ErrorCode::InvalidParam,
            format!("{at}: {} needs it (the URL endpoint)", resolved.scheme.name),
        );
    };
    let bad =
        || fail(ErrorCode::InvalidParam, format!("{at}: expected an http(s) URL without query or fragment"));
    let Ok(url) = url::Url::parse(text) else { return bad() };
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return bad();
    }
    if url.query().is_some() || url.fragment().is_some() {
        return bad();
    }
    let mut s = url.as_str().to_owned();
    if !s.ends_with('/') {
        s.push('/');
    }
    Ok(s)
}

// ==================================================================================== queries

fn pieces(query: &str) -> impl Iterator<Item = &str> + Clone {
    query.split('&').take(if query.is_empty() { 0 } else { usize::MAX })
}

fn piece_value(piece: &str) -> &str {
    piece.split_once('=').map_or("", |(_, v)| v)
}

fn join<'a>(ps: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, p) in ps.enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(p);
    }
    out
}

/// A query re-serialised as `URLSearchParams` writes it; empty pieces dropped.
fn form_reserialize(query: &str) -> String {
    let mut out = String::with_capacity(query.len() + 8);
    for (i, p) in pieces(query).filter(|p| !p.is_empty()).enumerate() {
        if i > 0 {
            out.push('&');
        }
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        form_urlencode_into(&mut out, &percent_decode(k, true));
        out.push('=');
        form_urlencode_into(&mut out, &percent_decode(v, true));
    }
    out
}

/// The query as PHP's `$_GET` holds it, written by `ksort` + `http_build_query`.
fn php_canonical(query: &str, code: ErrorCode) -> Result<String> {
    let mut map: Vec<(PhpKey, Vec<u8>)> = Vec::new();
    for p in pieces(query).filter(|p| !p.is_empty()) {
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        let mut name = percent_decode(k, true);
        if name.iter().any(|b| matches!(b, b'[' | b']')) {
            return fail(
                code,
                format!("url: the param {} is a PHP array, which Glide does not sign", excerpt(k)),
            );
        }
        for b in &mut name {
            if matches!(b, b'.' | b' ') {
                *b = b'_';
            }
        }
        let key = PhpKey::new(&name);
        let value = percent_decode(v, true);
        match map.iter_mut().find(|(k2, _)| *k2 == key) {
            Some(slot) => slot.1 = value,
            None => map.push((key, value)),
        }
    }
    map.retain(|(k, _)| k.bytes() != b"s");
    map.sort_by(|a, b| php_key_cmp(&a.0, &b.0));
    let mut out = String::with_capacity(query.len() + 8);
    for (i, (k, v)) in map.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        php_urlencode_into(&mut out, &k.bytes());
        out.push('=');
        php_urlencode_into(&mut out, v);
    }
    Ok(out)
}

fn decode_utf8(s: &str, plus: bool, code: ErrorCode) -> Result<String> {
    String::from_utf8(percent_decode(s, plus))
        .or_else(|_| fail(code, format!("url: {} is not UTF-8 once decoded", excerpt(s))))
}

fn push_pct(out: &mut String, s: &str) {
    escape_into(out, s.as_bytes(), b"-._~", false, Esc::Upper);
}

// ==================================================================================== pieces

/// The inputs of a message of pieces.
struct Inputs<'a> {
    /// The URL before the signature (origin + path + `?query`), for [`MessagePiece::UrlAfter`].
    url: &'a str,
    path: &'a str,
    /// The query in the form the pieces sign (already re-serialised or canonical).
    query: &'a str,
    expires: Option<&'a str>,
    ip: Option<&'a str>,
}

fn chunks<'a>(
    ctx: &Ctx<'_>,
    pieces_: &'static [MessagePiece],
    inp: &'a Inputs<'a>,
    scratch: &'a mut Vec<Vec<u8>>,
    code: ErrorCode,
) -> Result<Vec<Chunk<'a>>> {
    // Owned bytes first (decoded paths, packed addresses), borrowed afterwards.
    for p in pieces_ {
        match p {
            MessagePiece::Path { decoded: true, leading_slash, .. } => {
                let mut b = percent_decode(inp.path, false);
                if !leading_slash {
                    let n = b.iter().take_while(|&&c| c == b'/').count();
                    b.drain(..n);
                }
                scratch.push(b);
            }
            MessagePiece::Ip(IpForm::Prefix64) => {
                scratch.push(inp.ip.and_then(ip_prefix_bytes).unwrap_or_default());
            }
            _ => {}
        }
    }
    let mut owned = scratch.iter();
    let mut out = Vec::with_capacity(pieces_.len());
    for p in pieces_ {
        let c = match p {
            MessagePiece::Text(t) => Chunk::Bytes(t.as_bytes()),
            MessagePiece::UrlAfter(option) => {
                let ep = endpoint(ctx.resolved, option)?;
                match inp.url.strip_prefix(ep) {
                    Some(rest) => Chunk::Bytes(rest.as_bytes()),
                    None => {
                        let what = if code == ErrorCode::InvalidUrl { "signed" } else { "verified" };
                        return fail(code, format!("url: not under the endpoint, so it cannot be {what}"));
                    }
                }
            }
            MessagePiece::Path { decoded: true, .. } | MessagePiece::Ip(IpForm::Prefix64) => {
                Chunk::Bytes(owned.next().map_or(&[][..], Vec::as_slice))
            }
            MessagePiece::Path { leading_slash, .. } => {
                let p = if *leading_slash { inp.path } else { inp.path.trim_start_matches('/') };
                Chunk::Bytes(p.as_bytes())
            }
            MessagePiece::Query(_) => Chunk::Bytes(inp.query.as_bytes()),
            MessagePiece::Expiry { never } => Chunk::Bytes(inp.expires.unwrap_or(never).as_bytes()),
            MessagePiece::Ip(IpForm::Text) => Chunk::Bytes(inp.ip.unwrap_or_default().as_bytes()),
            MessagePiece::Key => Chunk::Key,
        };
        out.push(c);
    }
    Ok(out)
}

fn query_form(pieces_: &[MessagePiece]) -> Option<QueryForm> {
    pieces_.iter().find_map(|p| if let MessagePiece::Query(f) = p { Some(*f) } else { None })
}

fn reads_ip(pieces_: &[MessagePiece]) -> bool {
    pieces_.iter().any(|p| matches!(p, MessagePiece::Ip(_)))
}

fn or_param(pieces_: &[MessagePiece]) -> Option<&'static str> {
    pieces_.iter().find_map(|p| if let MessagePiece::Path { or_param, .. } = p { *or_param } else { None })
}

// ==================================================================================== sign a URL

/// Signs a URL of a token scheme.
pub(crate) fn sign_url(ctx: &Ctx<'_>, u: &Url<'_>, expires: Option<i64>) -> Result<String> {
    let parts = *ctx.parts();
    let out = match (parts.covered, parts.placement) {
        (Covered::Pieces(ps), Placement::LastQueryParam(sig)) => sign_last_param(ctx, ps, sig, u, expires)?,
        (Covered::Pieces(ps), Placement::TokenQuery(tq)) => sign_token_query(ctx, ps, tq, u, expires)?,
        (Covered::Fields(ft), Placement::TokenParam(tp)) => sign_token_param(ctx, ft, tp, u, expires)?,
        _ => {
            return fail(ErrorCode::InvalidParam, format!("{}: this placement is not available", ctx.name()));
        }
    };
    check_emitted_len(&out)?;
    Ok(out)
}

fn sign_last_param(
    ctx: &Ctx<'_>,
    ps: &'static [MessagePiece],
    sig: &str,
    u: &Url<'_>,
    expires: Option<i64>,
) -> Result<String> {
    let expiry = ctx.expiry(expires)?;
    let form = query_form(ps);
    let decodes = matches!(form, Some(QueryForm::Form | QueryForm::Php));
    let is_sig = |p: &str| {
        let k = piece_key(p);
        k == sig || (decodes && percent_decode(k, true) == sig.as_bytes())
    };
    let exp_text = expiry.map(|(_, at)| at.to_string());
    let mut kept: Vec<String> = Vec::new();
    let mut placed = false;
    for p in pieces(u.query) {
        if is_sig(p) {
            continue;
        }
        if let Some((e, _)) = expiry {
            let named = piece_key(p) == e.name
                || (form == Some(QueryForm::Form) && percent_decode(piece_key(p), true) == e.name.as_bytes());
            if named {
                if e.form == ExpiryForm::QueryParam && !placed {
                    kept.push(format!("{}={}", e.name, exp_text.as_deref().unwrap_or_default()));
                    placed = true;
                }
                continue;
            }
        }
        kept.push(p.to_owned());
    }
    if let (Some((e, _)), false) = (expiry, placed)
        && e.form == ExpiryForm::QueryParam
    {
        kept.push(format!("{}={}", e.name, exp_text.as_deref().unwrap_or_default()));
    }
    let mut query = join(kept.iter().map(String::as_str));
    if form == Some(QueryForm::Form) {
        query = form_reserialize(&query);
    }
    let origin = u.origin.unwrap_or_default();
    let mut out = String::with_capacity(origin.len() + u.path.len() + query.len() + 120);
    out.push_str(origin);
    out.push_str(u.path);
    if !query.is_empty() {
        out.push('?');
        out.push_str(&query);
    }
    let signed_query = match form {
        Some(QueryForm::Php) => std::borrow::Cow::Owned(php_canonical(&query, ErrorCode::InvalidParam)?),
        _ => std::borrow::Cow::Borrowed(query.as_str()),
    };
    let inp =
        Inputs { url: &out, path: u.path, query: &signed_query, expires: exp_text.as_deref(), ip: None };
    let mut scratch = Vec::new();
    let msg = chunks(ctx, ps, &inp, &mut scratch, ErrorCode::InvalidUrl)?;
    let signature = ctx.key()?.sign_chunks(&msg);
    drop(msg);
    let mut url = out;
    url.push(if query.is_empty() { '?' } else { '&' });
    if let Some((e, _)) = expiry.filter(|(e, _)| e.form == ExpiryForm::BeforeSignature) {
        url.push_str(e.name);
        url.push('=');
        url.push_str(exp_text.as_deref().unwrap_or_default());
        url.push('&');
    }
    url.push_str(sig);
    url.push('=');
    url.push_str(signature.as_str());
    if let Some((e, _)) = expiry.filter(|(e, _)| e.form == ExpiryForm::AfterSignature) {
        url.push('&');
        url.push_str(e.name);
        url.push('=');
        url.push_str(exp_text.as_deref().unwrap_or_default());
    }
    push_fragment(&mut url, u.fragment);
    Ok(url)
}

fn push_fragment(out: &mut String, fragment: Option<&str>) {
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
}

/// The params a [`TokenQuery`] signs for a URL: decoded, the old token and expiry removed,
/// the value params set, sorted.
fn token_query_params(
    ctx: &Ctx<'_>,
    ps: &'static [MessagePiece],
    tq: &TokenQuery,
    expiry_name: &str,
    query: &str,
) -> Result<Vec<(String, String)>> {
    let mut params: Vec<(String, String)> = Vec::new();
    for p in pieces(query).filter(|p| !p.is_empty()) {
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        let (k, v) =
            (decode_utf8(k, true, ErrorCode::InvalidUrl)?, decode_utf8(v, true, ErrorCode::InvalidUrl)?);
        if k == tq.token || k == expiry_name {
            continue;
        }
        if params.iter().any(|(k2, _)| *k2 == k) {
            return fail(
                ErrorCode::InvalidUrl,
                format!("url: the param {} is given twice, which {} cannot sign", excerpt(&k), ctx.name()),
            );
        }
        params.push((k, v));
    }
    let form = query_form(ps);
    if form.is_none() && !params.is_empty() {
        return fail(
            ErrorCode::InvalidUrl,
            format!("url: {} signs no query param; remove the query", ctx.name()),
        );
    }
    let keep = or_param(ps);
    for (value, param) in tq.value_params {
        if let Some(v) = ctx.values.display(value) {
            let readable = form.is_some() || keep == Some(param);
            if !readable {
                return fail(
                    ErrorCode::InvalidParam,
                    format!("values[{}]: {} does not sign it", excerpt(value), ctx.name()),
                );
            }
            match params.iter_mut().find(|(k, _)| k == param) {
                Some(slot) => slot.1 = v,
                None => params.push(((*param).to_owned(), v)),
            }
        }
    }
    if let Some((option, param)) = tq.ignore
        && ctx.resolved.options.flag(option)
    {
        if let Some((value, _)) =
            tq.value_params.iter().find(|(v, p)| ctx.values.is_set(v) && Some(*p) != keep)
        {
            return fail(
                ErrorCode::InvalidParam,
                format!("values[{}]: options[{option}] signs no param, so it cannot be kept", excerpt(value)),
            );
        }
        params.retain(|(k, _)| Some(k.as_str()) == keep);
        params.push((param.to_owned(), "true".to_owned()));
    }
    params.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(params)
}

fn sign_token_query(
    ctx: &Ctx<'_>,
    ps: &'static [MessagePiece],
    tq: &TokenQuery,
    u: &Url<'_>,
    expires: Option<i64>,
) -> Result<String> {
    let Some((e, at)) = ctx.expiry(expires)? else {
        return fail(ErrorCode::InvalidParam, format!("expires: {} URLs always expire", ctx.name()));
    };
    let ip = ctx.ip("ip")?;
    if ip.is_some() && !reads_ip(ps) {
        return fail(ErrorCode::InvalidParam, format!("values[\"ip\"]: {} does not sign it", ctx.name()));
    }
    let seg_start = format!("/{}=", tq.segment);
    let path = if u.path.starts_with(&seg_start) {
        u.path.get(1..).and_then(|rest| rest.find('/')).and_then(|i| u.path.get(i + 1..)).unwrap_or("/")
    } else {
        u.path
    };
    let params = token_query_params(ctx, ps, tq, e.name, u.query)?;
    let signed_path = match or_param(ps).and_then(|n| params.iter().find(|(k, _)| k == n)) {
        Some((_, prefix)) => {
            if !path.starts_with(prefix.as_str()) {
                return fail(
                    ErrorCode::InvalidUrl,
                    format!("url: the path is not under {}", excerpt(prefix)),
                );
            }
            prefix.as_str()
        }
        None => path,
    };
    let signing_data = join_pairs(&params);
    let exp_text = at.to_string();
    let inp = Inputs { url: "", path: signed_path, query: &signing_data, expires: Some(&exp_text), ip };
    let mut scratch = Vec::new();
    let msg = chunks(ctx, ps, &inp, &mut scratch, ErrorCode::InvalidUrl)?;
    let signature = ctx.key()?.sign_chunks(&msg);
    let mut data = String::with_capacity(signing_data.len() * 2 + 64);
    data.push_str(tq.token);
    data.push('=');
    data.push_str(tq.prefix);
    if ip.is_some() {
        data.push_str(tq.bound_flag);
    }
    data.push_str(signature.as_str());
    for (k, v) in &params {
        data.push('&');
        push_pct(&mut data, k);
        data.push('=');
        push_pct(&mut data, v);
    }
    data.push('&');
    data.push_str(e.name);
    data.push('=');
    data.push_str(&exp_text);
    let origin = u.origin.unwrap_or_default();
    let directory = ctx.resolved.options.text(tq.form_option) == Some("directory");
    let mut out = String::with_capacity(origin.len() + path.len() + data.len() + 16);
    out.push_str(origin);
    if directory {
        out.push('/');
        out.push_str(tq.segment);
        out.push_str(data.get(tq.token.len()..).unwrap_or_default());
        out.push_str(path);
    } else {
        out.push_str(path);
        out.push('?');
        out.push_str(&data);
    }
    push_fragment(&mut out, u.fragment);
    Ok(out)
}

fn join_pairs(params: &[(String, String)]) -> String {
    let mut out = String::new();
    for (i, (k, v)) in params.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(k);
        out.push('=');
        out.push_str(v);
    }
    out
}

fn sign_token_param(
    ctx: &Ctx<'_>,
    ft: &FieldToken,
    tp: &TokenParam,
    u: &Url<'_>,
    expires: Option<i64>,
) -> Result<String> {
    let name = ctx.option_or(tp.name_option, tp.name);
    let path_buf;
    let path = if tp.trailing_slash {
        path_buf = format!("/{}/", u.path.trim_matches('/'));
        path_buf.as_str()
    } else {
        u.path
    };
    let kept: Vec<&str> = pieces(u.query).filter(|p| piece_key(p) != name).collect();
    if !tp.query && kept.iter().any(|p| !p.is_empty()) {
        return fail(ErrorCode::InvalidUrl, format!("url: {} URLs carry no query", ctx.name()));
    }
    for f in ft.fields {
        if let FieldSource::Url(value) = f.source
            && ctx.values.is_set(value)
        {
            return fail(
                ErrorCode::InvalidParam,
                format!("values[{}]: a signed URL's token covers its own path", excerpt(value)),
            );
        }
    }
    let token = make_token(ctx, ft, Some(path), expires)?;
    let query = join(kept.iter().copied());
    let origin = u.origin.unwrap_or_default();
    let mut out = String::with_capacity(origin.len() + path.len() + query.len() + token.len() + 16);
    out.push_str(origin);
    out.push_str(path);
    out.push('?');
    if !query.is_empty() {
        out.push_str(&query);
        out.push('&');
    }
    out.push_str(&name);
    out.push('=');
    out.push_str(&token);
    push_fragment(&mut out, u.fragment);
    Ok(out)
}

// ==================================================================================== fields

struct Delims {
    field: String,
    list: String,
}

fn delims(ctx: &Ctx<'_>, ft: &FieldToken) -> Delims {
    Delims {
        field: ctx.option_or(ft.delimiter_option, ft.delimiter),
        list: ctx.option_or(ft.list_delimiter_option, ft.list_delimiter),
    }
}

fn escape(ctx: &Ctx<'_>, e: Escape, value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    match e {
        Escape::None => out.push_str(value),
        Escape::Early(option) if ctx.resolved.options.flag(option) => {
            quote_plus_lower_into(&mut out, value.as_bytes(), b"");
        }
        Escape::Early(_) => out.push_str(value),
        Escape::DecodedPath => {
            quote_plus_lower_into(&mut out, &percent_decode(value, false), b",");
            out = out.replace('~', "%7e");
        }
        Escape::Tilde => out.push_str(&value.replace('~', "%7e")),
    }
    out
}

/// `value` as a query value clients send unchanged: the bytes a WHATWG parser would
/// percent-encode in a query (controls, space, `"`, `#`, `'`, `<`, `>`, DEL and non-ASCII), and
/// `&`, which would end the param, written `%XX`; `%` itself is left alone.
fn query_value(value: &str) -> String {
    let rewritten = |b: u8| b <= b' ' || b >= 0x7f || matches!(b, b'"' | b'#' | b'&' | b'\'' | b'<' | b'>');
    if !value.bytes().any(rewritten) {
        return value.to_owned();
    }
    let mut out = String::with_capacity(value.len() + 8);
    let mut start = 0;
    for (i, b) in value.bytes().enumerate() {
        if rewritten(b) {
            out.push_str(value.get(start..i).unwrap_or_default());
            escape_into(&mut out, &[b], b"", false, Esc::Upper);
            start = i + 1;
        }
    }
    out.push_str(value.get(start..).unwrap_or_default());
    out
}

fn has_acl(ctx: &Ctx<'_>, ft: &FieldToken) -> bool {
    ft.fields.iter().any(|f| match f.source {
        FieldSource::Acl(v) => ctx.values.is_set(v),
        FieldSource::PathAcl(_) => true,
        _ => false,
    })
}

/// A token of fields: for a URL (`path` given: a URL field covers it) or on its own.
fn make_token(ctx: &Ctx<'_>, ft: &FieldToken, path: Option<&str>, expires: Option<i64>) -> Result<String> {
    let Some((_, end)) = ctx.expiry(expires)? else {
        return fail(ErrorCode::InvalidParam, format!("expires: {} tokens always expire", ctx.name()));
    };
    let d = delims(ctx, ft);
    let acl = has_acl(ctx, ft);
    let mut written: Vec<String> = Vec::new();
    let mut hashed: Vec<String> = Vec::new();
    for f in ft.fields {
        let value = match f.source {
            FieldSource::Value(v) => ctx.values.text(v).map(str::to_owned),
            FieldSource::ClientIp(v) => ctx.ip(v)?.map(str::to_owned),
            FieldSource::Start(v) => match ctx.values.int(v) {
                Some(st) if st < 0 => {
                    return fail(
                        ErrorCode::InvalidParam,
                        format!("values[{}]: must not be negative", excerpt(v)),
                    );
                }
                Some(st) if st >= end => {
                    return fail(ErrorCode::InvalidParam, "expires: the token would end before it starts");
                }
                Some(0) | None => None,
                Some(st) => Some(st.to_string()),
            },
            FieldSource::Expiry => Some(end.to_string()),
            FieldSource::Acl(v) => ctx.values.text(v).map(str::to_owned),
            FieldSource::PathAcl(option) => {
                let p = path.unwrap_or_default().trim_matches('/');
                Some(format!("/{p}/{}", if ctx.resolved.options.flag(option) { "*" } else { "" }))
            }
            FieldSource::Url(v) => {
                if acl {
                    None
                } else {
                    let u = match path {
                        Some(p) => p.to_owned(),
                        None => match ctx.values.text(v) {
                            Some(u) => u.to_owned(),
                            None => {
                                return fail(
                                    ErrorCode::InvalidParam,
                                    "values: a token covers an ACL (acl) or a URL (url): give one",
                                );
                            }
                        },
                    };
                    hashed.push(format!("{}={}", f.name, escape(ctx, f.escape, &u)));
                    None
                }
            }
            FieldSource::Salt => None,
        };
        if let Some(v) = value {
            let v = escape(ctx, f.escape, &v);
            // In a URL the token is a query value: written (and so hashed) as clients send it.
            let v = if path.is_some() { query_value(&v) } else { v };
            written.push(format!("{}={v}", f.name));
        }
    }
    if path.is_none() {
        let url_value =
            ft.fields.iter().find_map(|f| if let FieldSource::Url(v) = f.source { Some(v) } else { None });
        let acl_value =
            ft.fields.iter().find_map(|f| if let FieldSource::Acl(v) = f.source { Some(v) } else { None });
        if let (Some(u), Some(a)) = (url_value, acl_value)
            && ctx.values.is_set(u)
            && ctx.values.is_set(a)
        {
            return fail(
                ErrorCode::InvalidParam,
                "values: a token covers an ACL (acl) or a URL (url), not both",
            );
        }
    }
    let key = ctx.key()?;
    let digest = fields_digest(ft, &d, &written, &hashed, key);
    let mut token = String::with_capacity(written.iter().map(String::len).sum::<usize>() + 80);
    for w in &written {
        token.push_str(w);
        token.push_str(&d.field);
    }
    token.push_str(ft.digest);
    token.push('=');
    token.push_str(digest.as_str());
    Ok(token)
}

/// The digest of a token of fields: the written fields, the hashed-only ones, and the salt
/// (when the key has one), joined by the field delimiter.
fn fields_digest(
    ft: &FieldToken,
    d: &Delims,
    written: &[String],
    hashed: &[String],
    key: &SigningKey,
) -> Signature {
    let salt_field = ft.fields.iter().find(|f| f.source == FieldSource::Salt);
    let mut msg: Vec<u8> = Vec::with_capacity(256);
    let mut first = true;
    let mut push = |msg: &mut Vec<u8>, b: &[u8]| {
        if !first {
            msg.extend_from_slice(d.field.as_bytes());
        }
        first = false;
        msg.extend_from_slice(b);
    };
    for w in written.iter().chain(hashed) {
        push(&mut msg, w.as_bytes());
    }
    if let (Some(f), Some(salt)) = (salt_field, key.field_salt()) {
        let mut b = Vec::with_capacity(salt.len() + f.name.len() + 1);
        b.extend_from_slice(f.name.as_bytes());
        b.push(b'=');
        b.extend_from_slice(salt);
        push(&mut msg, &b);
    }
    key.sign_chunks(&[Chunk::Bytes(&msg)])
}

/// A token on its own (for a cookie or a header).
pub(crate) fn sign_token(ctx: &Ctx<'_>, expires: Option<i64>) -> Result<String> {
    match ctx.parts().covered {
        Covered::Fields(ft) if !ft.fields.iter().any(|f| matches!(f.source, FieldSource::PathAcl(_))) => {
            make_token(ctx, ft, None, expires)
        }
        _ => fail(
            ErrorCode::InvalidParam,
            format!("sign_token: {} signs URLs; its signature is not a token on its own", ctx.name()),
        ),
    }
}

/// Verifies a token of fields for the requested `path`.
fn verify_fields(ctx: &Ctx<'_>, ft: &FieldToken, token: &str, path: &str, now: Option<i64>) -> Result<()> {
    let d = delims(ctx, ft);
    if token.is_empty() {
        return fail(ErrorCode::MissingSignature, "token: empty");
    }
    let fields: Vec<&str> = token.split(d.field.as_str()).collect();
    let known = |n: &str| n == ft.digest || ft.fields.iter().any(|f| f.name == n && written_field(f.source));
    let names: Vec<&str> = fields.iter().map(|f| piece_key_eq(f)).collect();
    if !names.contains(&ft.digest) {
        return fail(ErrorCode::MissingSignature, format!("token: no {} field", ft.digest));
    }
    for (i, f) in fields.iter().enumerate() {
        let n = names.get(i).copied().unwrap_or_default();
        if !f.contains('=') || !known(n) || names.iter().filter(|m| **m == n).count() > 1 {
            return fail(
                ErrorCode::MalformedUrl,
                format!("token: the field {} is not one the token has", excerpt(n)),
            );
        }
    }
    if names.last() != Some(&ft.digest) {
        return fail(ErrorCode::MalformedUrl, format!("token: the {} field must be the last", ft.digest));
    }
    let value_of = |source: fn(&FieldSource) -> bool| {
        ft.fields.iter().find(|f| source(&f.source)).and_then(|f| {
            fields.iter().zip(&names).find(|(_, n)| **n == f.name).map(|(fv, _)| piece_value(fv))
        })
    };
    let given = fields.last().map(|f| piece_value(f)).unwrap_or_default();
    let written: Vec<String> =
        fields.iter().take(fields.len().saturating_sub(1)).map(|f| (*f).to_owned()).collect();
    let received_acl = ft.fields.iter().any(|f| {
        matches!(f.source, FieldSource::Acl(_) | FieldSource::PathAcl(_)) && names.contains(&f.name)
    });
    let mut hashed = Vec::new();
    if !received_acl && let Some(f) = ft.fields.iter().find(|f| matches!(f.source, FieldSource::Url(_))) {
        hashed.push(format!("{}={}", f.name, escape(ctx, f.escape, path)));
    }
    let Some(exp) = value_of(|s| *s == FieldSource::Expiry) else {
        return fail(ErrorCode::MalformedUrl, "token: no expiry field");
    };
    let exp = timestamp("exp", exp)?;
    let st = value_of(|s| matches!(s, FieldSource::Start(_))).map(|v| timestamp("st", v)).transpose()?;
    let ok = ctx.any_key(given, |k| Ok(fields_digest(ft, &d, &written, &hashed, k)))?;
    if !ok {
        return fail(ErrorCode::SignatureMismatch, "token: the digest does not match its fields");
    }
    let now = now.unwrap_or_else(unix_now);
    if let Some(st) = st
        && now < st
    {
        return fail(ErrorCode::NotYetValid, format!("token: valid from {st}"));
    }
    if now > exp {
        return fail(ErrorCode::Expired, format!("token: expired at {exp}"));
    }
    // ACLs given by the caller may be a list; an ACL made of the path is one ACL.
    let acl = value_of(|s| matches!(s, FieldSource::Acl(_))).map(|a| (a, true));
    if let Some((acl, list)) =
        acl.or_else(|| value_of(|s| matches!(s, FieldSource::PathAcl(_))).map(|a| (a, false)))
    {
        let path_b = percent_decode(path, false);
        let covers = |a: &str| wildcard_match(&percent_decode(a, false), &path_b);
        if !(if list { acl.split(d.list.as_str()).any(covers) } else { covers(acl) }) {
            return fail(ErrorCode::AclMismatch, "token: its ACL does not cover the path");
        }
    }
    if let Some(f) = ft.fields.iter().find(|f| matches!(f.source, FieldSource::ClientIp(_)))
        && let (Some(bound), FieldSource::ClientIp(v)) =
            (value_of(|s| matches!(s, FieldSource::ClientIp(_))), f.source)
    {
        let client = ctx.ip(v)?;
        if client.map(|c| escape(ctx, f.escape, c)).as_deref() != Some(bound) {
            return fail(ErrorCode::IpMismatch, "token: bound to another client address");
        }
    }
    Ok(())
}

fn written_field(s: FieldSource) -> bool {
    !matches!(s, FieldSource::Url(_) | FieldSource::Salt)
}

fn piece_key_eq(f: &str) -> &str {
    f.split_once('=').map_or(f, |(k, _)| k)
}

fn timestamp(name: &str, value: &str) -> Result<i64> {
    let at = (!value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()))
        .then(|| value.parse::<i64>().ok())
        .flatten();
    at.map_or_else(
        || fail(ErrorCode::MalformedUrl, format!("url: {name} is not a UNIX timestamp in seconds")),
        Ok,
    )
}

fn check_time(name: &str, value: &str, now: Option<i64>) -> Result<()> {
    let at = timestamp(name, value)?;
    if now.unwrap_or_else(unix_now) > at {
        return fail(ErrorCode::Expired, format!("url: expired at {at}"));
    }
    Ok(())
}

/// Verifies a token on its own, for the requested path given as the per-call value of the
/// token's URL field.
pub(crate) fn verify_token(ctx: &Ctx<'_>, token: &str, now: Option<i64>) -> Result<()> {
    let Covered::Fields(ft) = ctx.parts().covered else {
        return fail(
            ErrorCode::InvalidParam,
            format!("verify_token: {} signs URLs; its signature is not a token on its own", ctx.name()),
        );
    };
    if token.len() > MAX_URL_LEN {
        return fail(ErrorCode::MalformedUrl, format!("token: longer than {MAX_URL_LEN} bytes"));
    }
    let url_value =
        ft.fields.iter().find_map(|f| if let FieldSource::Url(v) = f.source { Some(v) } else { None });
    let Some(path) = url_value.and_then(|v| ctx.values.text(v)) else {
        return fail(
            ErrorCode::InvalidParam,
            "values: give the requested path (url) to verify a token against",
        );
    };
    verify_fields(ctx, ft, token, path, now)
}

// ==================================================================================== verify a URL

/// Verifies a URL (or request target) of a token scheme.
pub(crate) fn verify(ctx: &Ctx<'_>, u: &Url<'_>, now: Option<i64>) -> Result<()> {
    let parts = *ctx.parts();
    match (parts.covered, parts.placement) {
        (Covered::Pieces(ps), Placement::LastQueryParam(sig)) => verify_last_param(ctx, ps, sig, u, now),
        (Covered::Pieces(ps), Placement::TokenQuery(tq)) => verify_token_query(ctx, ps, tq, u, now),
        (Covered::Fields(ft), Placement::TokenParam(tp)) => {
            let name = ctx.option_or(tp.name_option, tp.name);
            let (_, token) = split_signature(u.query, &name)?;
            verify_fields(ctx, ft, token, u.path, now)
        }
        _ => fail(ErrorCode::InvalidParam, format!("{}: this placement is not available", ctx.name())),
    }
}

fn verify_last_param(
    ctx: &Ctx<'_>,
    ps: &'static [MessagePiece],
    sig: &str,
    u: &Url<'_>,
    now: Option<i64>,
) -> Result<()> {
    let expiry = ctx.parts().expiry;
    let all: Vec<&str> = pieces(u.query).collect();
    let (signed, given, mut exp_value): (Vec<&str>, &str, Option<&str>) = match expiry {
        Some(e) if e.form == ExpiryForm::AfterSignature => {
            let n_sig = all.iter().filter(|p| piece_key(p) == sig).count();
            if n_sig == 0 {
                return fail(ErrorCode::MissingSignature, format!("url: no {sig} param"));
            }
            let n_exp = all.iter().filter(|p| piece_key(p) == e.name).count();
            match all.as_slice() {
                [rest @ .., s, x]
                    if n_sig == 1 && n_exp == 1 && piece_key(s) == sig && piece_key(x) == e.name =>
                {
                    (rest.to_vec(), piece_value(s), Some(piece_value(x)))
                }
                _ if n_exp == 0 => return fail(ErrorCode::MalformedUrl, format!("url: no {} param", e.name)),
                _ => {
                    return fail(
                        ErrorCode::MalformedUrl,
                        format!("url: {sig} and {} must be the last params", e.name),
                    );
                }
            }
        }
        _ => {
            let (q, given) = split_signature(u.query, sig)?;
            (pieces(q).collect(), given, None)
        }
    };
    let mut signed = signed;
    if let Some(e) = expiry.filter(|e| e.form == ExpiryForm::BeforeSignature) {
        if signed.last().is_some_and(|p| piece_key(p) == e.name) {
            exp_value = signed.pop().map(piece_value);
        }
        if signed.iter().any(|p| piece_key(p) == e.name) {
            return fail(ErrorCode::MalformedUrl, format!("url: {} must come right before {sig}", e.name));
        }
    }
    if let Some(e) = expiry.filter(|e| e.form == ExpiryForm::QueryParam) {
        let mut found = signed.iter().filter(|p| piece_key(p) == e.name);
        exp_value = found.next().map(|p| piece_value(p));
        if found.next().is_some() {
            return fail(ErrorCode::MalformedUrl, format!("url: {} given more than once", e.name));
        }
    }
    if let (Some(e), None) = (expiry, exp_value)
        && e.required
    {
        return fail(ErrorCode::MalformedUrl, format!("url: no {} param", e.name));
    }
    if let Some(v) = exp_value {
        timestamp(expiry.map_or("expires", |e| e.name), v)?;
    }
    let query = join(signed.iter().copied());
    let signed_query = match query_form(ps) {
        Some(QueryForm::Php) => std::borrow::Cow::Owned(php_canonical(&query, ErrorCode::MalformedUrl)?),
        _ => std::borrow::Cow::Borrowed(query.as_str()),
    };
    let base = match u.origin {
        Some(o) => o.to_owned(),
        None => target_origin(ctx, ps)?,
    };
    let mut full = String::with_capacity(base.len() + u.path.len() + query.len() + 1);
    full.push_str(&base);
    full.push_str(u.path);
    if !query.is_empty() {
        full.push('?');
        full.push_str(&query);
    }
    let inp = Inputs { url: &full, path: u.path, query: &signed_query, expires: exp_value, ip: None };
    let mut scratch = Vec::new();
    let msg = chunks(ctx, ps, &inp, &mut scratch, ErrorCode::MalformedUrl)?;
    let ok = ctx.any_key(given, |k| Ok(k.sign_chunks(&msg)))?;
    if !ok {
        return fail(ErrorCode::SignatureMismatch, format!("url: the {sig} param does not match the URL"));
    }
    if let (Some(e), Some(v)) = (expiry, exp_value) {
        check_time(e.name, v, now)?;
    }
    Ok(())
}

/// For a request target (no origin): the origin of the scheme's URL prefix, so the prefix's
/// path is matched against the target's.
fn target_origin(ctx: &Ctx<'_>, ps: &[MessagePiece]) -> Result<String> {
    for p in ps {
        if let MessagePiece::UrlAfter(option) = p {
            let ep = endpoint(ctx.resolved, option)?;
            let host_end = ep.find("://").map_or(0, |i| i + 3);
            let cut = ep.get(host_end..).and_then(|r| r.find('/')).map_or(ep.len(), |i| host_end + i);
            return Ok(ep.get(..cut).unwrap_or_default().to_owned());
        }
    }
    Ok(String::new())
}

fn verify_token_query(
    ctx: &Ctx<'_>,
    ps: &'static [MessagePiece],
    tq: &TokenQuery,
    u: &Url<'_>,
    now: Option<i64>,
) -> Result<()> {
    let exp_name = ctx.parts().expiry.map_or("expires", |e| e.name);
    let seg_start = format!("/{}=", tq.segment);
    let (path, raw): (&str, Vec<String>) = if u.path.starts_with(&seg_start) {
        let body = u.path.get(1..).unwrap_or_default();
        let (seg, rest) = match body.find('/') {
            Some(i) => (body.get(..i).unwrap_or_default(), body.get(i..).unwrap_or("/")),
            None => (body, "/"),
        };
        let mut ps: Vec<String> = seg.split('&').map(str::to_owned).collect();
        if let Some(first) = ps.first_mut() {
            *first = format!("{}={}", tq.token, piece_value(first));
        }
        (rest, ps)
    } else {
        (u.path, pieces(u.query).filter(|p| !p.is_empty()).map(str::to_owned).collect())
    };
    let mut token = None;
    let mut exp = None;
    let mut params: Vec<(String, String)> = Vec::new();
    for p in &raw {
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        let (k, v) =
            (decode_utf8(k, true, ErrorCode::MalformedUrl)?, decode_utf8(v, true, ErrorCode::MalformedUrl)?);
        let slot = if k == tq.token {
            &mut token
        } else if k == exp_name {
            &mut exp
        } else {
            if params.iter().any(|(k2, _)| *k2 == k) {
                return fail(
                    ErrorCode::MalformedUrl,
                    format!("url: the param {} is given twice", excerpt(&k)),
                );
            }
            params.push((k, v));
            continue;
        };
        if slot.is_some() {
            return fail(ErrorCode::MalformedUrl, "url: the token or its expiry is given twice");
        }
        *slot = Some(v);
    }
    let Some(token) = token else {
        return fail(ErrorCode::MissingSignature, format!("url: no {} param", tq.token));
    };
    let Some(exp) = exp else {
        return fail(ErrorCode::MalformedUrl, format!("url: no {exp_name} param"));
    };
    timestamp(exp_name, &exp)?;
    let keep = or_param(ps);
    if let Some((_, param)) = tq.ignore
        && params.iter().any(|(k, v)| k == param && v == "true")
    {
        params.retain(|(k, _)| k == param || Some(k.as_str()) == keep);
    }
    if query_form(ps).is_none() {
        params.retain(|(k, _)| Some(k.as_str()) == keep);
    }
    params.sort_by(|a, b| a.0.cmp(&b.0));
    let allowed = keep.and_then(|n| params.iter().find(|(k, _)| k == n)).map(|(_, v)| v.clone());
    let signed_path = allowed.as_deref().unwrap_or(path);
    let Some(body) = token.strip_prefix(tq.prefix) else {
        return fail(ErrorCode::SignatureMismatch, format!("url: the {} is not of this scheme", tq.token));
    };
    let client = ctx.ip("ip")?;
    // (signature, client address) pairs to try. A flagged token is bound; an unflagged one
    // whose signature happens to begin like the flag is tried as it is too. Without a flag
    // in the scheme, nothing says whether a token is bound: the address given, then none.
    let mut candidates: Vec<(&str, Option<&str>)> = Vec::new();
    let flagged = (!tq.bound_flag.is_empty()).then(|| body.strip_prefix(tq.bound_flag)).flatten();
    if let (Some(b), Some(ip)) = (flagged, client) {
        candidates.push((b, Some(ip)));
    }
    if tq.bound_flag.is_empty()
        && reads_ip(ps)
        && let Some(ip) = client
    {
        candidates.push((body, Some(ip)));
    }
    candidates.push((body, None));
    let signing_data = join_pairs(&params);
    let mut ok = false;
    for (sig, ip) in candidates {
        let inp = Inputs { url: "", path: signed_path, query: &signing_data, expires: Some(&exp), ip };
        let mut scratch = Vec::new();
        let msg = chunks(ctx, ps, &inp, &mut scratch, ErrorCode::MalformedUrl)?;
        ok |= ctx.any_key(sig, |k| Ok(k.sign_chunks(&msg)))?;
    }
    if !ok {
        if flagged.is_some() && client.is_none() {
            return fail(
                ErrorCode::IpMismatch,
                "url: the token is bound to a client address (give values[\"ip\"])",
            );
        }
        return fail(ErrorCode::SignatureMismatch, format!("url: the {} does not match the URL", tq.token));
    }
    check_time(exp_name, &exp, now)?;
    if let Some(prefix) = allowed
        && !path.starts_with(prefix.as_str())
    {
        return fail(ErrorCode::AclMismatch, format!("url: the token allows {} only", excerpt(&prefix)));
    }
    Ok(())
}
