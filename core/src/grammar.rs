//! Path grammars ([`Grammar::Path`](crate::scheme::Grammar)): a builder's params and path
//! written as the pieces of a scheme's path, each in the form clients send.

use crate::encode::{Keep, base64url_into, encode_into, keep_alnum_and, keep_printable_except};
use crate::error::{ErrorCode, Result, err, excerpt};
use crate::params::{Item, check_keys, get_param};
use crate::scheme::{Covered, Fallback, PathForm, Piece, Placement, Resolved, Slot};
use crate::signature::path_prefix;
use std::borrow::Cow;

/// Bytes a browser sends as they are in a path, less `?` and `#` (which end it) and `\`
/// (which becomes `/`); `%` is kept, so what is already percent-encoded stays so.
static SENT: Keep = keep_printable_except(b"\"#<>?`{}\\");

/// imgproxy's `plain/` sources: RFC 3986 unreserved and `: / ! $ & ' ( ) * + , ; =`, so that
/// `%`, `?`, `@` and `#` are escaped as its docs require.
static PLAIN_SOURCE: Keep = keep_alnum_and(b"-._~:/!$&'()*+,;=");

/// Cloudinary's public ids: `A-Z a-z 0-9 _ . - / :` (its SDKs' `smart_escape`).
static RESOURCE_ID: Keep = keep_alnum_and(b"_.-/:");

/// The params a grammar's pieces name.
fn named(pieces: &[Piece]) -> Vec<&'static str> {
    let mut out = Vec::new();
    for p in pieces {
        match *p {
            Piece::Flag { param, .. } | Piece::Word { param, .. } | Piece::Value { param, .. } => {
                out.push(param)
            }
            Piece::Size { width, height, flip, flop } => out.extend([width, height, flip, flop]),
            Piece::Path(PathForm::Escaped { suffix }) => out.push(suffix),
            Piece::Signature | Piece::OptionText(_) | Piece::Rest(_) | Piece::Path(_) => {}
        }
    }
    out
}

fn bad_param<T>(name: &str, what: &str) -> Result<T> {
    err(ErrorCode::InvalidParam, format!("params[{}]: {what}", excerpt(name)))
}

/// `true` / `false`, as a boolean param is written.
fn flag(name: &str, value: &str) -> Result<bool> {
    match value {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => bad_param(name, "expected true or false"),
    }
}

fn integer(name: &str, value: Option<&str>) -> Result<i64> {
    match value.map(str::parse::<i64>) {
        None => Ok(0),
        Some(Ok(n)) if n >= 0 => Ok(n),
        Some(_) => bad_param(name, "expected an integer of 0 or more"),
    }
}

/// Appends a piece's text (in the form clients send), checked: not empty, and no `/` unless
/// the piece may span segments (a value: a chain of transformations, a filter's URL).
fn push_segment(out: &mut Vec<String>, name: &str, text: &str, spans: bool) -> Result<()> {
    if text.is_empty() || (!spans && text.contains('/')) {
        return bad_param(name, if spans { "must not be empty" } else { "must not be empty or hold a '/'" });
    }
    let mut s = String::with_capacity(text.len() + 8);
    encode_into(&mut s, text, &SENT, false);
    out.push(s);
    Ok(())
}

/// Renders the unsigned path of `pieces` for `path` and the normalised `items` (the
/// signature's segment holds the placement's marker, or nothing for a framed slot).
pub(crate) fn render(
    pieces: &[Piece],
    resolved: &Resolved,
    path: &str,
    items: &[Item<'_>],
) -> Result<String> {
    check_keys(items, false, true)?;
    let names = named(pieces);
    let rest = pieces.iter().find_map(|p| if let Piece::Rest(sep) = p { Some(*sep) } else { None });
    if rest.is_none()
        && let Some((k, _)) = items.iter().find(|(k, _)| !names.contains(k))
    {
        let list = names.join(", ");
        return bad_param(
            k,
            &format!("not part of {}'s URLs (expected one of {list})", resolved.scheme.name),
        );
    }
    if path.is_empty() {
        return err(ErrorCode::InvalidUrl, "path: must not be empty");
    }
    let id = render_path(pieces, resolved, path, items)?;
    let mut segments: Vec<String> = Vec::with_capacity(pieces.len() + items.len());
    for piece in pieces {
        match *piece {
            Piece::Signature => {
                if let Some(prefix) = path_prefix(resolved) {
                    let prefix = prefix.trim_matches('/');
                    if !prefix.is_empty() {
                        let mut s = String::new();
                        encode_into(&mut s, prefix, &SENT, false);
                        segments.push(s);
                    }
                }
                if let Placement::PathSegment { slot: Slot::Always { marker }, .. } = resolved.parts.placement
                {
                    segments.push(marker.to_owned());
                }
            }
            Piece::OptionText(option) => {
                if let Some(text) = resolved.options.text(option) {
                    push_segment(&mut segments, option, text, false)?;
                }
            }
            Piece::Flag { param, word } => {
                if let Some(v) = get_param(items, param)
                    && flag(param, v)?
                {
                    segments.push(word.to_owned());
                }
            }
            Piece::Word { param, word } => match get_param(items, param) {
                None | Some("false") => {}
                Some("true") => segments.push(word.to_owned()),
                Some(text) => push_segment(&mut segments, param, &format!("{word}:{text}"), true)?,
            },
            Piece::Value { param, prefix, omit, choices, default } => {
                let value = match (get_param(items, param), default) {
                    (Some(v), _) => Some(Cow::Borrowed(v)),
                    (None, Fallback::Value(v)) => Some(Cow::Borrowed(v)),
                    (None, Fallback::InFolder(v)) if in_folder(resolved.parts.covered, &id) => {
                        Some(Cow::Borrowed(v))
                    }
                    (None, _) => None,
                };
                let Some(value) = value else { continue };
                if let Some(choices) = choices
                    && !choices.contains(&value.as_ref())
                {
                    return bad_param(param, &format!("expected one of {}", choices.join(", ")));
                }
                if Some(value.as_ref()) != omit {
                    push_segment(&mut segments, param, &format!("{prefix}{value}"), true)?;
                }
            }
            Piece::Size { width, height, flip, flop } => {
                let (w, h) =
                    (integer(width, get_param(items, width))?, integer(height, get_param(items, height))?);
                let flipped = |p| get_param(items, p).map_or(Ok(false), |v| flag(p, v));
                let (fw, fh) = (flipped(flip)?, flipped(flop)?);
                if w != 0 || h != 0 || fw || fh {
                    let sign = |f: bool| if f { "-" } else { "" };
                    segments.push(format!("{}{w}x{}{h}", sign(fw), sign(fh)));
                }
            }
            Piece::Rest(sep) => {
                for (k, v) in items.iter().filter(|(k, _)| !names.contains(k)) {
                    let ok_name = k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
                    if !ok_name {
                        return bad_param(k, "an option name is letters, digits and _");
                    }
                    if !v.bytes().all(|b| SENT.keeps(b) && b != b'/' && b != b'%') {
                        return bad_param(k, "holds a character a URL segment cannot carry as it is");
                    }
                    segments.push(format!("{k}{sep}{v}"));
                }
            }
            Piece::Path(_) => segments.push(id.clone()),
        }
    }
    let mut out = String::with_capacity(segments.iter().map(|s| s.len() + 1).sum());
    for s in &segments {
        out.push('/');
        out.push_str(s);
    }
    Ok(out)
}

/// The path argument in the grammar's form.
fn render_path(pieces: &[Piece], resolved: &Resolved, path: &str, items: &[Item<'_>]) -> Result<String> {
    let form = pieces.iter().find_map(|p| if let Piece::Path(f) = p { Some(*f) } else { None });
    let mut out = String::with_capacity(path.len() * 3 / 2 + 8);
    match form {
        None | Some(PathForm::Sent) => encode_into(&mut out, path, &SENT, false),
        Some(PathForm::Source { option }) => match resolved.options.text(option) {
            Some("plain") => {
                out.push_str("plain/");
                encode_into(&mut out, path, &PLAIN_SOURCE, false);
            }
            _ => base64url_into(&mut out, path),
        },
        Some(PathForm::Escaped { suffix }) => {
            let collapsed = collapse_slashes(path);
            let is_url = starts_with_url(&collapsed);
            let decoded: Cow<'_, [u8]> = if is_url {
                Cow::Borrowed(collapsed.as_bytes())
            } else {
                Cow::Owned(percent_decode(&collapsed))
            };
            RESOURCE_ID.encode_bytes_into(&mut out, &decoded);
            if let Some(ext) = get_param(items, suffix) {
                out.push('.');
                encode_into(&mut out, ext, &RESOURCE_ID, false);
            }
        }
    }
    Ok(out)
}

/// `http:/` or `https:/` at the start, any case of the scheme.
fn starts_with_url(s: &str) -> bool {
    let lower = |n: usize| s.get(..n).map(str::to_ascii_lowercase);
    lower(6).as_deref() == Some("http:/") || lower(7).as_deref() == Some("https:/")
}

/// Whether a resource id (as written) is in a folder: it has a `/`, is not a URL, and does
/// not start with a segment of the unsigned pattern (then that segment is its version).
fn in_folder(covered: Covered, id: &str) -> bool {
    let Covered::PathAfterSignature { unsigned_segment, .. } = covered else { return false };
    let first = id.split('/').next().unwrap_or_default();
    let starts_with_version = unsigned_segment.is_some_and(|p| id.contains('/') && p.matches(first));
    id.contains('/') && !starts_with_url(id) && !starts_with_version
}

/// Runs of `/` become one, except a run right after a `:` (`https://` stays): the
/// replacement of `([^:])/+` by `\1/`, as Cloudinary's SDKs do it.
fn collapse_slashes(s: &str) -> Cow<'_, str> {
    if !s.contains("//") {
        return Cow::Borrowed(s);
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        out.push(c);
        i += 1;
        if c != b':' && b.get(i) == Some(&b'/') {
            out.push(b'/');
            while b.get(i) == Some(&b'/') {
                i += 1;
            }
        }
    }
    // Only ASCII `/` bytes were removed, so the bytes are still UTF-8.
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| s.to_owned()))
}

/// Percent-decoding of valid `%XX` sequences, as bytes; other bytes as they are.
fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let hex = |j: usize| b.get(j).and_then(|h| char::from(*h).to_digit(16));
        match (c, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push(u8::try_from(hi * 16 + lo).unwrap_or(0));
                i += 3;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slashes_collapse_but_not_after_a_colon() {
        assert_eq!(collapse_slashes("a//b///c.jpg"), "a/b/c.jpg");
        assert_eq!(collapse_slashes("https://a.com//b"), "https://a.com/b");
        assert_eq!(collapse_slashes("a/b"), "a/b");
    }

    #[test]
    fn decoding_keeps_what_is_not_an_escape() {
        assert_eq!(percent_decode("my%20folder/100%.jpg%2"), b"my folder/100%.jpg%2");
        assert_eq!(percent_decode("caf%C3%A9"), "café".as_bytes());
    }

    #[test]
    fn sent_form_escapes_what_browsers_rewrite() {
        let mut s = String::new();
        encode_into(&mut s, "a b/\"x\"?#é%41{}\\", &SENT, false);
        assert_eq!(s, "a%20b/%22x%22%3F%23%C3%A9%41%7B%7D%5C");
    }
}
