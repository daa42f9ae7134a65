//! What a signature covers and where it goes: the one place that derives the signed string,
//! for signing a URL as given, for building and for verifying. Sign and verify cannot
//! disagree because both go through these functions.
//!
//! Each [`Placement`](crate::scheme::Placement) of the scheme model has its steps here: the
//! last query param's are [`message`], [`strip_signature`], [`push_signature`] and
//! [`split_signature`].

use crate::digest::SigningKey;
use crate::encode::{Keep, keep_alnum_and};
use crate::error::{ErrorCode, Result, err};
use crate::scheme::{Anchor, Covered, Parts, Placement, Resolved, Slot};
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
    match piece.bytes().position(|b| b == b'=') {
        Some(i) => piece.get(..i).unwrap_or(piece),
        None => piece,
    }
}

/// `s.split(sep)` for an ASCII `sep`, by a plain byte search (a `char` pattern sets up a
/// searcher per call, which costs more than the search on short query pieces).
pub(crate) fn split_ascii(s: &str, sep: u8) -> impl Iterator<Item = &str> + Clone {
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        let rest = s.get(from..)?;
        match rest.bytes().position(|b| b == sep) {
            Some(i) => {
                start = Some(from + i + 1);
                rest.get(..i)
            }
            None => {
                start = None;
                Some(rest)
            }
        }
    })
}

/// Sign side: the query as it will be sent before the signature, from the query as given:
/// every piece whose raw key is the signature param is removed, other bytes are kept; with
/// `expires` (the expiry param's name and time), a `<name>=<at>` piece replaces the first
/// existing one (later ones are removed) or is appended. An empty result means no query.
pub(crate) fn strip_signature<'q>(query: &'q str, param: &str, expires: Option<(&str, i64)>) -> Cow<'q, str> {
    let pieces = || split_ascii(query, b'&').take(if query.is_empty() { 0 } else { usize::MAX });
    if expires.is_none() && find_piece(query.as_bytes(), 0, param.as_bytes()).is_none() {
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
    split_signature_and(query, param, None).map(|s| (s.signed, s.value))
}

/// What [`split_signature_and`] found.
pub(crate) struct Split<'q> {
    /// The query signed before the signature.
    pub(crate) signed: &'q str,
    /// The signature's value.
    pub(crate) value: &'q str,
    /// The pieces of the signed query with the other key: none, the start of the only one,
    /// or `Err` for more than one.
    pub(crate) other: std::result::Result<Option<usize>, ()>,
}

/// [`split_signature`] that also finds, in the same pass over the query, the pieces of the
/// signed query whose raw key is `other` (the expiry param).
pub(crate) fn split_signature_and<'q>(query: &'q str, param: &str, other: Option<&str>) -> Result<Split<'q>> {
    let q = query.as_bytes();
    let key = param.as_bytes();
    let other = other.map(str::as_bytes);
    // The start of the current piece, whether a piece before it has the signature's key,
    // and the pieces with the other key.
    let (mut at, mut before) = (0usize, false);
    let mut found: std::result::Result<Option<usize>, ()> = Ok(None);
    while let Some(amp) = next_amp(q, at) {
        before |= key_at(q, at, key);
        if let Some(o) = other
            && key_at(q, at, o)
        {
            found = match found {
                Ok(None) => Ok(Some(at)),
                _ => Err(()),
            };
        }
        at = amp + 1;
    }
    // `at` is the start of the last piece; the pieces before it make the signed query.
    match (key_at(q, at, key), before) {
        (true, false) => {
            let signed = query.get(..at.saturating_sub(1)).unwrap_or_default();
            let value = match q.get(at + key.len()) {
                Some(b'=') => query.get(at + key.len() + 1..).unwrap_or_default(),
                _ => "",
            };
            Ok(Split { signed, value, other: found })
        }
        (true, true) => {
            err(ErrorCode::MalformedUrl, format!("url: the {param} param is given more than once"))
        }
        (false, false) => err(ErrorCode::MissingSignature, format!("url: no {param} param")),
        (false, true) => {
            err(ErrorCode::MalformedUrl, format!("url: the {param} param must be the last param"))
        }
    }
}

/// Eight copies of a byte, for the word-at-a-time search of [`next_amp`].
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The index of the first `&` of `q` at or after `from`, eight bytes at a time.
#[inline]
fn next_amp(q: &[u8], from: usize) -> Option<usize> {
    let rest = q.get(from..)?;
    let mut words = rest.chunks_exact(8);
    let mut base = from;
    for word in words.by_ref() {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        let x = u64::from_le_bytes(w) ^ splat(b'&');
        // The lowest set bit is exact (a borrow only marks bytes above a true match).
        let hits = x.wrapping_sub(splat(1)) & !x & splat(0x80);
        if hits != 0 {
            return Some(base + (hits.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    words.remainder().iter().position(|&c| c == b'&').map(|i| base + i)
}

/// Whether the piece starting at `at` has the raw key `key` (the bytes before its first `=`;
/// a piece ends at `&` or the end).
#[inline]
fn key_at(q: &[u8], at: usize, key: &[u8]) -> bool {
    let end = at + key.len();
    // A byte loop: the keys are a few bytes, shorter than a call to `memcmp` costs.
    q.get(at..end).is_some_and(|s| s.iter().zip(key).all(|(a, b)| a == b))
        && matches!(q.get(end), None | Some(b'=' | b'&'))
}

/// The start of the first piece of the query `q` at or after the piece starting at `from`
/// whose raw key is `key` ([`piece_key`]); an empty query has no pieces.
pub(crate) fn find_piece(q: &[u8], from: usize, key: &[u8]) -> Option<usize> {
    if q.is_empty() {
        return None;
    }
    let mut at = from;
    loop {
        if key_at(q, at, key) {
            return Some(at);
        }
        at = next_amp(q, at)? + 1;
    }
}

/// The value of the piece starting at `at` whose raw key is `key_len` bytes long: what
/// follows its `=` up to the next `&` (empty without `=`).
pub(crate) fn value_at(q: &str, at: usize, key_len: usize) -> &str {
    let b = q.as_bytes();
    let end = next_amp(b, at).unwrap_or(b.len());
    match b.get(at + key_len) {
        Some(b'=') => q.get(at + key_len + 1..end).unwrap_or_default(),
        _ => "",
    }
}

/// A path split at its signature's segment ([`Placement::PathSegment`](crate::scheme::Placement)).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct SegmentSplit<'p> {
    /// The path up to the signature's segment, with the `/` before it.
    pub(crate) head: &'p str,
    /// The segment's text when it is there (a marker or a signature; for a framed slot, the
    /// signature without its frame).
    pub(crate) slot: Option<&'p str>,
    /// The segments after it, without the `/` between.
    pub(crate) rest: &'p str,
    /// The same with the `/` before it (a slice of the path, like `rest`).
    pub(crate) slashed: &'p str,
}

/// base64url's alphabet, with and without `=`.
static BASE64URL: Keep = keep_alnum_and(b"-_");
static BASE64URL_PADDED: Keep = keep_alnum_and(b"-_=");

/// Whether `s` is made of base64url characters (and `=` when `padding`).
fn is_signature_text(s: &str, padding: bool) -> bool {
    let alphabet = if padding { &BASE64URL_PADDED } else { &BASE64URL };
    s.bytes().all(|b| alphabet.keeps(b))
}

/// Splits `path` (as sent) at the signature's segment. `prefix` is the unsigned path prefix
/// of an [`Anchor::Start`] (from the scheme's option). A path that has no place for a
/// signature is `code` (`invalid_url` when signing, `malformed_url` when verifying).
pub(crate) fn split_segment<'p>(
    path: &'p str,
    anchor: Anchor,
    slot: Slot,
    prefix: Option<&str>,
    code: ErrorCode,
) -> Result<SegmentSplit<'p>> {
    let fail = |m: String| err(code, format!("url: {m}"));
    let head_len = match anchor {
        Anchor::Start { .. } => {
            let prefix = prefix.unwrap_or_default().trim_matches('/').as_bytes();
            let p = path.as_bytes();
            let head = if prefix.is_empty() { 1 } else { prefix.len() + 2 };
            let starts = p.first() == Some(&b'/')
                && (prefix.is_empty()
                    || (p.get(1..=prefix.len()) == Some(prefix) && p.get(head - 1) == Some(&b'/')));
            if !starts {
                let shown = crate::error::excerpt(&String::from_utf8_lossy(prefix));
                return fail(format!("the path does not start with the path prefix {shown}"));
            }
            head
        }
        Anchor::AfterPair(first, second) => {
            let mut offset = 1;
            let mut found = None;
            let mut segments = path.get(1..).unwrap_or_default().split('/').peekable();
            while let Some(seg) = segments.next() {
                if let Some(next) = segments.peek()
                    && first.contains(&seg)
                    && second.contains(next)
                {
                    found = Some(offset + seg.len() + 1 + next.len() + 1);
                    break;
                }
                offset += seg.len() + 1;
            }
            match found {
                Some(at) if at <= path.len() => at,
                _ => {
                    return fail(format!(
                        "no {} and {} segments (such as {}/{}) to put the signature after",
                        "resource type",
                        "delivery type",
                        first.first().copied().unwrap_or_default(),
                        second.first().copied().unwrap_or_default()
                    ));
                }
            }
        }
    };
    let head = path.get(..head_len).unwrap_or_default();
    let after = path.get(head_len..).unwrap_or_default();
    let (segment, following) = after.split_once('/').unwrap_or((after, ""));
    let split = match slot {
        Slot::Always { marker } => {
            if segment != marker && (segment.is_empty() || !is_signature_text(segment, true)) {
                return fail(format!("the first path segment must be {marker:?} or a signature"));
            }
            SegmentSplit {
                head,
                slot: Some(segment),
                rest: following,
                slashed: after.get(segment.len()..).unwrap_or_default(),
            }
        }
        Slot::Framed { open, close, lengths } => {
            let body = segment.strip_prefix(open).and_then(|b| b.strip_suffix(close));
            match body.filter(|b| lengths.contains(&b.len()) && is_signature_text(b, false)) {
                Some(body) => SegmentSplit {
                    head,
                    slot: Some(body),
                    rest: following,
                    slashed: after.get(segment.len()..).unwrap_or_default(),
                },
                None => SegmentSplit {
                    head,
                    slot: None,
                    rest: after,
                    slashed: path.get(head_len - 1..).unwrap_or_default(),
                },
            }
        }
    };
    if split.rest.is_empty() {
        return fail("nothing after the signature's segment to sign".to_owned());
    }
    Ok(split)
}

/// The message of a path-segment signature, as two parts of the path: what follows the
/// signature's segment (`slashed`, with its `/`), the `/` signed when the scheme signs it,
/// without the first segment of the scheme's unsigned pattern when `skip_unsigned` (only
/// when a segment follows it). The second value says whether a segment was left out.
pub(crate) fn segment_message(covered: Covered, slashed: &str, skip_unsigned: bool) -> ([&str; 2], bool) {
    let Covered::PathAfterSignature { leading_slash, unsigned_segment } = covered else {
        return ([slashed, ""], false);
    };
    let rest = slashed.get(1..).unwrap_or_default();
    let signed = if leading_slash { slashed } else { rest };
    if let (true, Some(pattern)) = (skip_unsigned, unsigned_segment) {
        let lead = signed.len() - rest.len();
        let mut offset = 0;
        for seg in rest.split('/') {
            let end = offset + seg.len();
            if end >= rest.len() {
                break;
            }
            if pattern.matches(seg) {
                let before = signed.get(..lead + offset).unwrap_or_default();
                let after = rest.get(end + 1..).unwrap_or_default();
                return ([before, after], true);
            }
            offset = end + 1;
        }
    }
    ([signed, ""], false)
}

/// The unsigned path prefix of a scheme whose signature is the first segment after one.
pub(crate) fn path_prefix(resolved: &Resolved) -> Option<&str> {
    resolved.path_prefix.as_deref()
}

/// Sign side of a path-segment placement: appends `path` (as sent) to `out` with the
/// signature of what the scheme covers in its segment (replacing the marker or an old
/// signature, or inserted). A path with no place for a signature is `invalid_url`.
pub(crate) fn sign_segment(
    out: &mut String,
    path: &str,
    resolved: &Resolved,
    key: &SigningKey,
) -> Result<()> {
    let Parts { covered, placement, .. } = resolved.parts;
    let Placement::PathSegment { anchor, slot } = placement else {
        return err(ErrorCode::InvalidParam, "url: not a path-segment scheme");
    };
    let split = split_segment(path, anchor, slot, path_prefix(resolved), ErrorCode::InvalidUrl)?;
    let (message, _) = segment_message(covered, split.slashed, true);
    let sig = key.sign_parts(&message);
    out.push_str(split.head);
    push_segment(out, slot, sig.as_str());
    out.push('/');
    out.push_str(split.rest);
    Ok(())
}

/// Verify side of a path-segment placement: the signature's segment of `path` (as received)
/// checked by `matches` against what the scheme covers. The unsigned marker, or no framed
/// segment, is `missing_signature`; a path with no place for one is `malformed_url`; a
/// signature that matches no key is `signature_mismatch`. With an unsigned segment pattern
/// (Cloudinary's version), a segment of that pattern is first taken as unsigned, then as
/// part of the id.
pub(crate) fn verify_segment(
    path: &str,
    resolved: &Resolved,
    matches: impl Fn(&[&str], &str) -> bool,
) -> Result<()> {
    let Parts { covered, placement, .. } = resolved.parts;
    let Placement::PathSegment { anchor, slot } = placement else {
        return err(ErrorCode::InvalidParam, "url: not a path-segment scheme");
    };
    let split = split_segment(path, anchor, slot, path_prefix(resolved), ErrorCode::MalformedUrl)?;
    let given = match (slot, split.slot) {
        (Slot::Always { marker }, Some(s)) if s == marker => {
            return err(
                ErrorCode::MissingSignature,
                format!("url: the signature's segment is the unsigned marker {marker:?}"),
            );
        }
        (_, Some(s)) => s,
        (_, None) => return err(ErrorCode::MissingSignature, "url: no signature segment"),
    };
    let (message, skipped) = segment_message(covered, split.slashed, true);
    if matches(&message, given)
        || (skipped && matches(&segment_message(covered, split.slashed, false).0, given))
    {
        return Ok(());
    }
    err(ErrorCode::SignatureMismatch, "url: the signature does not match the path")
}

/// Writes the signature's segment (framed when the slot is).
pub(crate) fn push_segment(out: &mut String, slot: Slot, sig: &str) {
    match slot {
        Slot::Always { .. } => out.push_str(sig),
        Slot::Framed { open, close, .. } => {
            out.push_str(open);
            out.push_str(sig);
            out.push_str(close);
        }
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

    #[test]
    fn split_ascii_splits_as_str_split_does() {
        for s in ["", "&", "a", "a&", "&a", "a&&b", "é=1&ü&", "w=1&h=2&s=x"] {
            assert_eq!(split_ascii(s, b'&').collect::<Vec<_>>(), s.split('&').collect::<Vec<_>>(), "{s:?}");
        }
    }
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

    /// The split of the signature (and the pieces with the expiry's key) by `str::split`, as
    /// it was written before the one-pass search: the reference for the proptest below.
    fn reference(query: &str, param: &str, other: &str) -> Option<(String, String, Option<Vec<usize>>)> {
        let (signed, last) = query.rsplit_once('&').unwrap_or(("", query));
        let before = signed.split('&').filter(|p| !signed.is_empty() && piece_key(p) == param).count();
        if piece_key(last) != param || before > 0 {
            return None;
        }
        let value = last.split_once('=').map_or("", |(_, v)| v);
        let mut starts = Vec::new();
        let mut at = 0;
        for piece in signed.split('&') {
            if piece_key(piece) == other {
                starts.push(at);
            }
            at += piece.len() + 1;
        }
        Some((signed.to_owned(), value.to_owned(), Some(starts)))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, failure_persistence: None,
                                                                ..proptest::prelude::ProptestConfig::default() })]
        /// The word-at-a-time search finds the pieces `str::split` finds, at any length.
        #[test]
        fn one_pass_split_agrees_with_str_split(query in "[sxe=&]{0,40}", long in "[a-z]{0,20}") {
            let query = format!("{long}{query}");
            let got = split_signature_and(&query, "s", Some("e")).ok().map(|s| {
                let others = match s.other {
                    Ok(None) => Some(vec![]),
                    Ok(Some(at)) => Some(vec![at]),
                    Err(()) => None,
                };
                (s.signed.to_owned(), s.value.to_owned(), others)
            });
            let want = reference(&query, "s", "e").map(|(signed, value, starts)| {
                let starts = starts.filter(|s| s.len() < 2);
                (signed, value, starts)
            });
            proptest::prop_assert_eq!(got, want, "{}", query);
            let has = split_ascii(&query, b'&').take(if query.is_empty() { 0 } else { usize::MAX })
                .any(|p| piece_key(p) == "s");
            proptest::prop_assert_eq!(find_piece(query.as_bytes(), 0, b"s").is_some(), has, "{}", query);
        }
    }

    const CLD: Anchor = Anchor::AfterPair(&["image", "video"], &["upload", "fetch"]);
    const FRAMED: Slot = Slot::Framed { open: "s--", close: "--", lengths: &[8, 32] };
    const START: Anchor = Anchor::Start { prefix_option: Some("path_prefix") };
    const ALWAYS: Slot = Slot::Always { marker: "insecure" };

    fn split<'p>(
        path: &'p str,
        a: Anchor,
        s: Slot,
        prefix: Option<&str>,
    ) -> Option<(&'p str, Option<&'p str>, &'p str)> {
        split_segment(path, a, s, prefix, ErrorCode::InvalidUrl).ok().map(|x| (x.head, x.slot, x.rest))
    }

    #[test]
    fn segments_are_found_by_the_anchor_and_the_slot() {
        assert_eq!(
            split("/insecure/w:1/plain/x", START, ALWAYS, None),
            Some(("/", Some("insecure"), "w:1/plain/x"))
        );
        assert_eq!(
            split("/info/abc/w:1/x", START, ALWAYS, Some("/info")),
            Some(("/info/", Some("abc"), "w:1/x"))
        );
        assert_eq!(split("/info/abc/x", START, ALWAYS, Some("info/")), Some(("/info/", Some("abc"), "x")));
        assert_eq!(split("/infox/abc/x", START, ALWAYS, Some("/info")), None);
        assert_eq!(split("/w:1/plain/x", START, ALWAYS, None), None, "an option is not a signature");
        assert_eq!(split("/insecure", START, ALWAYS, None), None, "nothing to sign");
        assert_eq!(split("/insecure/", START, ALWAYS, None), None, "nothing to sign");
        // A framed signature is found by its length, not by searching for "--".
        assert_eq!(
            split("/demo/image/upload/s----SjmNDA--/image.jpg", CLD, FRAMED, None),
            Some(("/demo/image/upload/", Some("--SjmNDA"), "image.jpg"))
        );
        assert_eq!(
            split("/demo/image/upload/c_fill/v1/a.jpg", CLD, FRAMED, None),
            Some(("/demo/image/upload/", None, "c_fill/v1/a.jpg"))
        );
        assert_eq!(
            split("/image/image/upload/s--abc--/a.jpg", CLD, FRAMED, None),
            Some(("/image/image/upload/", None, "s--abc--/a.jpg")),
            "a segment of another length is not a signature"
        );
        assert_eq!(split("/demo/raw/upload/a.jpg", CLD, FRAMED, None), None);
        assert_eq!(split("/demo/image/upload", CLD, FRAMED, None), None);
    }

    #[test]
    fn the_unsigned_segment_is_left_out_once() {
        use crate::scheme::SegmentPattern;
        let c = Covered::PathAfterSignature {
            leading_slash: false,
            unsigned_segment: Some(SegmentPattern::LetterDigits(b'v')),
        };
        assert_eq!(segment_message(c, "/c_fill/v12/a/v3/b.jpg", true), (["c_fill/", "a/v3/b.jpg"], true));
        assert_eq!(segment_message(c, "/v12/b.jpg", true), (["", "b.jpg"], true));
        assert_eq!(segment_message(c, "/a/v12", true), (["a/v12", ""], false), "the last segment is the id");
        assert_eq!(segment_message(c, "/c_fill/v12/b.jpg", false), (["c_fill/v12/b.jpg", ""], false));
        let i = Covered::PathAfterSignature { leading_slash: true, unsigned_segment: None };
        assert_eq!(segment_message(i, "/w:1/x", true), (["/w:1/x", ""], false));
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
