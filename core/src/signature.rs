//! What a signature covers and where it goes: the one place that derives the signed string,
//! for signing a URL as given, for building and for verifying. Sign and verify cannot
//! disagree because both go through these functions.
//!
//! Each [`Placement`](crate::scheme::Placement) of the scheme model has its steps here: the
//! last query param's are [`message`], [`strip_signature`], [`push_signature`] and
//! [`split_signature`].

use crate::error::{ErrorCode, Result, err};
use crate::scheme::Covered;
use std::borrow::Cow;

/// Longest URL imgsign accepts or emits, in bytes: `sign_url` and `verify_url` refuse longer
/// input, and no signed or built URL is longer, so whatever imgsign signs, it can verify.
pub const MAX_URL_LEN: usize = 65_536;

/// The bytes a signature covers, as parts to feed the hash in order: the path alone when the
/// query sent before the signature is empty, else `path?query`.
pub(crate) struct Message<'a> {
    parts: [&'a str; 3],
}

impl<'a> Message<'a> {
    /// The parts, in order (empty parts are harmless to hash).
    pub(crate) fn parts(&self) -> &[&'a str; 3] {
        &self.parts
    }
}

/// The signed message of `path` (as the scheme signs it, see [`signed_path`]) and the query
/// sent before the signature.
pub(crate) fn message<'a>(path: &'a str, query: &'a str) -> Message<'a> {
    if query.is_empty() { Message { parts: [path, "", ""] } } else { Message { parts: [path, "?", query] } }
}

/// The path as a query-placement scheme signs and emits it: with `one_leading_slash`
/// (Gumlet) exactly one of its leading slashes is kept (`//a.jpg` is `/a.jpg`); otherwise the
/// path is taken as it is. The result is a suffix of `path`, so callers can cut the
/// difference off what they emit.
pub(crate) fn signed_path(covered: Covered, path: &str) -> &str {
    if !matches!(covered, Covered::PathAndQuery { one_leading_slash: true }) {
        return path;
    }
    let rest = path.trim_start_matches('/');
    let slashes = path.len() - rest.len();
    path.get(slashes.saturating_sub(1)..).unwrap_or(path)
}

/// The raw key of a query piece: the text before its first `=`.
pub(crate) fn piece_key(piece: &str) -> &str {
    piece.split_once('=').map_or(piece, |(k, _)| k)
}

/// Sign side: the query as it will be sent before the signature, from the query as given:
/// every piece whose raw key is the signature param is removed, other bytes are kept; with
/// `expires` (the expiry param's name and time), a `<name>=<at>` piece replaces the first
/// existing one (later ones are removed) or is appended. An empty result means no query.
pub(crate) fn strip_signature<'q>(query: &'q str, param: &str, expires: Option<(&str, i64)>) -> Cow<'q, str> {
    let pieces = || query.split('&').take(if query.is_empty() { 0 } else { usize::MAX });
    if expires.is_none() && !pieces().any(|p| piece_key(p) == param) {
        return Cow::Borrowed(query);
    }
    let mut out = String::with_capacity(query.len() + 24);
    let mut first = true;
    let mut expires_done = false;
    let mut push = |out: &mut String, piece: &str| {
        if !first {
            out.push('&');
        }
        first = false;
        out.push_str(piece);
    };
    for piece in pieces() {
        let key = piece_key(piece);
        if key == param {
            continue;
        }
        match expires {
            Some((name, _)) if key == name && expires_done => {}
            Some((name, at)) if key == name => {
                expires_done = true;
                push(&mut out, &format!("{name}={at}"));
            }
            _ => push(&mut out, piece),
        }
    }
    if let (Some((name, at)), false) = (expires, expires_done) {
        push(&mut out, &format!("{name}={at}"));
    }
    Cow::Owned(out)
}

/// Emit side: appends the signature piece after a URL whose query (before the signature) is
/// empty (`?<param>=<sig>`) or not (`&<param>=<sig>`). [`split_signature`] is its inverse.
pub(crate) fn push_signature(out: &mut String, query_is_empty: bool, param: &str, sig: &str) {
    out.push(if query_is_empty { '?' } else { '&' });
    out.push_str(param);
    out.push('=');
    out.push_str(sig);
}

/// Verify side: splits a received query into the query signed before the signature and the
/// signature's value. The signature param must appear exactly once, as the last piece:
/// absent is `missing_signature`; present but not last, or present more than once, is
/// `malformed_url`.
pub(crate) fn split_signature<'q>(query: &'q str, param: &str) -> Result<(&'q str, &'q str)> {
    let (signed, last) = query.rsplit_once('&').unwrap_or(("", query));
    let before = signed.split('&').filter(|p| !signed.is_empty() && piece_key(p) == param).count();
    let last_is_signature = piece_key(last) == param;
    match (last_is_signature, before) {
        (true, 0) => Ok((signed, last.split_once('=').map_or("", |(_, v)| v))),
        (true, _) => err(ErrorCode::MalformedUrl, format!("url: the {param} param is given more than once")),
        (false, 0) => err(ErrorCode::MissingSignature, format!("url: no {param} param")),
        (false, _) => err(ErrorCode::MalformedUrl, format!("url: the {param} param must be the last param")),
    }
}

/// The one length rule for what imgsign emits: a URL over [`MAX_URL_LEN`] is `invalid_url`.
pub(crate) fn check_emitted_len(url: &str) -> Result<()> {
    if url.len() > MAX_URL_LEN {
        return err(
            ErrorCode::InvalidUrl,
            format!("url: the result would be {} bytes, longer than {MAX_URL_LEN}", url.len()),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::Provider;

    #[test]
    fn push_and_split_are_inverse() {
        for query in ["", "a=1", "a=1&", "&", "&&", "a=1&&b=2", "=", "s2=1"] {
            let mut url = String::from(query);
            push_signature(&mut url, query.is_empty(), "s", "abc");
            let q = url.trim_start_matches('?');
            assert_eq!(split_signature(q, "s").ok(), Some((query, "abc")), "{query:?} -> {url:?}");
        }
    }

    #[test]
    fn stripping_removes_every_signature_piece() {
        assert_eq!(strip_signature("&s=1", "s", None), "");
        assert_eq!(strip_signature("s=1&", "s", None), "");
        assert_eq!(strip_signature("s&a=1&&s=2", "s", None), "a=1&");
        assert_eq!(strip_signature("a=1&&b=2", "s", None), "a=1&&b=2");
        assert_eq!(strip_signature("expires=1&w=1&expires=2", "s", Some(("expires", 9))), "expires=9&w=1");
        assert_eq!(strip_signature("", "s", Some(("expires", 9))), "expires=9");
    }

    #[test]
    fn one_signature_param_exactly_once_and_last() {
        fn code(q: &str) -> std::result::Result<(&str, &str), ErrorCode> {
            split_signature(q, "s").map_err(|e| e.code())
        }
        assert_eq!(code("a=1"), Err(ErrorCode::MissingSignature));
        assert_eq!(code("s=1&a=1"), Err(ErrorCode::MalformedUrl));
        assert_eq!(code("s=1&s=2"), Err(ErrorCode::MalformedUrl));
        assert_eq!(code("s&a=1&s=2"), Err(ErrorCode::MalformedUrl));
        assert_eq!(code("a=1&s"), Ok(("a=1", "")));
    }

    #[test]
    fn gumlet_keeps_one_leading_slash() {
        let g = Provider::Gumlet.scheme().parts.covered;
        assert_eq!(signed_path(g, "///a//b"), "/a//b");
        assert_eq!(signed_path(g, "/a"), "/a");
        assert_eq!(signed_path(g, ""), "");
        assert_eq!(signed_path(Provider::Imgix.scheme().parts.covered, "//a"), "//a");
    }
}
