//! A URL as clients send it (docs/behaviour.md, "Signing a URL as given"): parsed as a
//! browser parses it (WHATWG, the `url` crate), or, when it is already in the form a browser
//! keeps byte for byte, taken as it is without the full parser (the common case: a URL that
//! imgsign or a CDN's SDK wrote). Both give the same bytes; the tests check it.

use crate::error::{Error, ErrorCode, Result};
use crate::signature::MAX_URL_LEN;
use std::borrow::Cow;

/// An absolute `http`/`https` URL in its sent form, split into origin, path, query and
/// fragment.
pub(crate) struct SentUrl<'a> {
    text: Cow<'a, str>,
    /// End of `scheme://host[:port]`.
    origin_end: usize,
    /// End of the path (the `?`, the `#` or the end).
    path_end: usize,
    /// End of `?query` (the `#` or the end); equal to `path_end` when there is no query.
    query_end: usize,
}

/// True when `s` has a C0 control, DEL or a C1 control (U+0080–U+009F, UTF-8 `C2 80`–`C2 9F`).
fn has_control(s: &str) -> bool {
    let b = s.as_bytes();
    // A quick pass the compiler can vectorise; the exact check only when it finds a suspect.
    if !b.iter().fold(false, |hit, &c| hit | (c < 0x20) | (c == 0x7f) | (c == 0xc2)) {
        return false;
    }
    b.iter().enumerate().any(|(i, &c)| {
        c < 0x20 || c == 0x7f || (c == 0xc2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })
}

/// `.` or `..`, also written with `%2e` in any case: a segment browsers remove.
fn is_dot_segment(seg: &[u8]) -> bool {
    if seg.len() > 6 || !matches!(seg.first(), Some(b'.' | b'%')) {
        return false;
    }
    let mut lower = [0u8; 6];
    for (l, c) in lower.iter_mut().zip(seg) {
        *l = c.to_ascii_lowercase();
    }
    matches!(lower.get(..seg.len()), Some(b"." | b"%2e" | b".." | b".%2e" | b"%2e." | b"%2e%2e"))
}

/// The marks the fast path takes in a path and in a query, besides ASCII letters and digits.
const MARKS: &[u8] = b"-._~!$&()*+,;=:@/%";

/// Byte classes of [`CLASS`], one bit each.
const IN_PATH: u8 = 1;
const IN_QUERY: u8 = 2;
/// A lowercase letter, digit or `-` of a [`plain_host`] label.
const IN_HOST: u8 = 32;

/// `t` with `bit` set for every byte of `bytes`.
// Const evaluation: an out-of-range index would fail the build, never run time.
#[allow(clippy::indexing_slicing)]
const fn mark(mut t: [u8; 256], bytes: &[u8], bit: u8) -> [u8; 256] {
    let mut i = 0;
    while i < bytes.len() {
        t[bytes[i] as usize] |= bit;
        i += 1;
    }
    t
}

/// The class bits of every byte, at compile time.
static CLASS: [u8; 256] = {
    const LOWER: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    const UPPER: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const DIGITS: &[u8] = b"0123456789";
    let mut t = [0u8; 256];
    t = mark(t, LOWER, IN_PATH | IN_QUERY | IN_HOST);
    t = mark(t, UPPER, IN_PATH | IN_QUERY);
    t = mark(t, DIGITS, IN_PATH | IN_QUERY | IN_HOST);
    t = mark(t, MARKS, IN_PATH | IN_QUERY);
    // A parser encodes `'` in a query only; `?` is data in a query only.
    t = mark(t, b"'", IN_PATH);
    t = mark(t, b"?", IN_QUERY);
    t = mark(t, b"-", IN_HOST);
    t
};

/// Whether `c` is a byte the fast path takes in a path (`'` too) or, with `query`, in a
/// query (`?` too, not `'`, which a parser encodes there).
#[inline(always)]
fn kept(c: u8, query: bool) -> bool {
    class(c) & if query { IN_QUERY } else { IN_PATH } != 0
}

#[inline(always)]
fn class(c: u8) -> u8 {
    // A u8 index into 256 entries is always in bounds.
    CLASS.get(usize::from(c)).copied().unwrap_or(0)
}

/// Whether a `/`-separated segment of `part` may be a dot segment: one starts with `.` or `%`
/// (the first counts as following a `/`). One pass of comparisons without branches, which
/// the compiler vectorises; a `true` needs the exact check.
pub(crate) fn dot_segment_suspect(part: &[u8]) -> bool {
    let first = matches!(part.first(), Some(b'.' | b'%'));
    let next = part.get(1..).unwrap_or_default();
    first
        | part.iter().zip(next).fold(false, |hit, (&a, &c)| hit | ((a == b'/') & ((c == b'.') | (c == b'%'))))
}

/// Scans a path (`query` false) or a query (`query` true) from `start` for as long as its
/// bytes are ones the fast path takes ([`kept`]). Returns where it stopped: the end of `b`,
/// or a byte that is not taken there. It is the end of the part only when that byte is `?`
/// (ends a path) or `#` (ends either), which are never taken in a path, nor `#` in a query,
/// so the caller checks that byte. The second value says whether the part had every `%`
/// followed by two hex digits and (for a path) no dot segment; the exact checks run only for
/// a `%`, or a segment that starts with `.` or `%`.
fn scan(b: &[u8], start: usize, query: bool) -> (usize, bool) {
    let rest = b.get(start..).unwrap_or_default();
    let (len, percent) = if query { taken_prefix::<true>(rest) } else { taken_prefix::<false>(rest) };
    let part = rest.get(..len).unwrap_or_default();
    let hex = |i: usize| part.get(i).is_some_and(u8::is_ascii_hexdigit);
    if percent && part.iter().enumerate().any(|(i, &c)| c == b'%' && !(hex(i + 1) && hex(i + 2))) {
        return (start + len, false);
    }
    if query || !dot_segment_suspect(part) {
        return (start + len, true);
    }
    (start + len, !part.split(|&c| c == b'/').any(is_dot_segment))
}

/// Whether the fast path does not take `c` in a path (`QUERY` false) or a query: the
/// complement of [`kept`], written as comparisons (ranges where the excluded bytes are
/// adjacent) so that a pass over a block of bytes vectorises. A test checks it against the
/// table for every byte.
#[inline(always)]
fn refused<const QUERY: bool>(c: u8) -> bool {
    let outside = c.wrapping_sub(0x21) >= 0x5e; // not `!`..=`~`
    let common = (c.wrapping_sub(b'"') < 2) // `"` `#`
        | (c == b'<')
        | (c.wrapping_sub(b'[') < 4) // `[` `\` `]` `^`
        | (c == b'`')
        | (c.wrapping_sub(b'{') < 3); // `{` `|` `}`
    // In a path `>` and `?` (adjacent); in a query `>` and `'`.
    let own = if QUERY { (c == b'>') | (c == b'\'') } else { c.wrapping_sub(b'>') < 2 };
    outside | common | own
}

/// How many bytes at the start of `s` the fast path takes in a path (`QUERY` false) or a
/// query, and whether they have a `%`. Sixteen bytes at a time by comparisons the compiler
/// vectorises; the block where the run ends is read again byte by byte.
fn taken_prefix<const QUERY: bool>(s: &[u8]) -> (usize, bool) {
    let (mut len, mut percent) = (0usize, false);
    let mut blocks = s.chunks_exact(16);
    for block in blocks.by_ref() {
        let (mut bad, mut pct) = (false, false);
        for &c in block {
            bad |= refused::<QUERY>(c);
            pct |= c == b'%';
        }
        if bad {
            return tail_prefix::<QUERY>(block, len, percent);
        }
        percent |= pct;
        len += 16;
    }
    tail_prefix::<QUERY>(blocks.remainder(), len, percent)
}

/// [`taken_prefix`] byte by byte over `block`, continuing from `len` and `percent`.
fn tail_prefix<const QUERY: bool>(block: &[u8], mut len: usize, mut percent: bool) -> (usize, bool) {
    for &c in block {
        if refused::<QUERY>(c) {
            break;
        }
        percent |= c == b'%';
        len += 1;
    }
    (len, percent)
}

/// A lowercase host of letters, digits, `-` and `.`, without empty labels, no label starting
/// `xn--` (punycode, which a parser checks), the last label starting with a letter (so it is
/// never read as an IPv4 address).
fn plain_host(host: &[u8]) -> bool {
    let punycode = |label: usize| host.get(label..label + 4) == Some(b"xn--");
    let mut label_start = 0;
    for (i, &c) in host.iter().enumerate() {
        if class(c) & IN_HOST != 0 {
            continue;
        }
        if c != b'.' || i == label_start || punycode(label_start) {
            return false;
        }
        label_start = i + 1;
    }
    host.get(label_start).is_some_and(u8::is_ascii_lowercase) && !punycode(label_start)
}

/// The split of `input` when a WHATWG parser would keep it byte for byte: `http` or `https`,
/// a [`plain_host`] with no port or user, a path starting with `/` with no dot segment, and
/// path, query and fragment of bytes it keeps with valid escapes. `None`: use the full parser.
fn fast_split(input: &str) -> Option<(usize, usize, usize)> {
    let b = input.as_bytes();
    let host_start = if input.starts_with("https://") {
        8
    } else if input.starts_with("http://") {
        7
    } else {
        return None;
    };
    let rest = b.get(host_start..)?;
    let host_len = rest.iter().position(|&c| c == b'/')?;
    if !plain_host(rest.get(..host_len)?) {
        return None;
    }
    let origin_end = host_start + host_len;
    let (path_end, ok) = scan(b, origin_end, false);
    if !ok {
        return None;
    }
    let query_end = match b.get(path_end) {
        None | Some(b'#') => path_end,
        Some(b'?') => match scan(b, path_end + 1, true) {
            (end, true) if matches!(b.get(end), None | Some(b'#')) => end,
            _ => return None,
        },
        Some(_) => return None,
    };
    if let Some(fragment) = b.get(query_end + 1..)
        && !fragment.iter().all(|&c| kept(c, false) || c == b'?' || c == b'#')
    {
        return None;
    }
    Some((origin_end, path_end, query_end))
}

impl<'a> SentUrl<'a> {
    /// Parses `input` as a browser does. `code` is the error code of an input that is not an
    /// `http`/`https` URL with a host, has a control character or surrounding white space, or
    /// is longer than [`MAX_URL_LEN`].
    pub(crate) fn parse(input: &'a str, code: ErrorCode) -> Result<SentUrl<'a>> {
        SentUrl::parse_field(input, code, "url")
    }

    /// [`SentUrl::parse`], its messages naming `field` (`original_url` for reconstruct).
    pub(crate) fn parse_field(input: &'a str, code: ErrorCode, field: &str) -> Result<SentUrl<'a>> {
        let fail = |m: &str| -> Result<SentUrl<'a>> { Err(Error::new(code, format!("{field}: {m}"))) };
        if input.len() > MAX_URL_LEN {
            return fail(&format!("longer than {MAX_URL_LEN} bytes"));
        }
        // What the fast path takes has no control character or white space.
        if let Some((origin_end, path_end, query_end)) = fast_split(input) {
            return Ok(SentUrl { text: Cow::Borrowed(input), origin_end, path_end, query_end });
        }
        if has_control(input) {
            return fail("contains a control character");
        }
        if input.starts_with(char::is_whitespace) || input.ends_with(char::is_whitespace) {
            return fail("has leading or trailing white space");
        }
        let url = match url::Url::parse(input) {
            Ok(u) => u,
            Err(e) => return fail(&format!("cannot be parsed ({e})")),
        };
        if url.scheme() != "http" && url.scheme() != "https" {
            return fail("scheme must be http or https");
        }
        if url.host_str().is_none_or(str::is_empty) {
            return fail("has no host");
        }
        let origin_end = url[..url::Position::BeforePath].len();
        let path_end = url[..url::Position::AfterPath].len();
        let query_end = url[..url::Position::AfterQuery].len();
        Ok(SentUrl { text: Cow::Owned(url.into()), origin_end, path_end, query_end })
    }

    /// `scheme://host[:port]`.
    pub(crate) fn origin(&self) -> &str {
        self.text.get(..self.origin_end).unwrap_or_default()
    }

    /// The path, as sent.
    pub(crate) fn path(&self) -> &str {
        self.text.get(self.origin_end..self.path_end).unwrap_or_default()
    }

    /// The query without its `?`, when there is a `?`.
    pub(crate) fn query(&self) -> Option<&str> {
        (self.query_end > self.path_end)
            .then(|| self.text.get(self.path_end + 1..self.query_end).unwrap_or_default())
    }

    /// The fragment without its `#`, when there is a `#`.
    pub(crate) fn fragment(&self) -> Option<&str> {
        (self.text.len() > self.query_end).then(|| self.text.get(self.query_end + 1..).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The split by the full parser, for comparison.
    fn full(input: &str) -> Option<(String, String, Option<String>, Option<String>)> {
        let u = url::Url::parse(input).ok()?;
        Some((
            u[..url::Position::BeforePath].to_owned(),
            u.path().to_owned(),
            u.query().map(str::to_owned),
            u.fragment().map(str::to_owned),
        ))
    }

    fn fast(input: &str) -> Option<(String, String, Option<String>, Option<String>)> {
        fast_split(input)?;
        let s = SentUrl::parse(input, ErrorCode::InvalidUrl).ok()?;
        Some((
            s.origin().to_owned(),
            s.path().to_owned(),
            s.query().map(str::to_owned),
            s.fragment().map(str::to_owned),
        ))
    }

    #[test]
    fn the_fast_path_agrees_with_the_full_parser() {
        let taken = [
            "https://demo.imgix.net/a.jpg?w=1&s=x",
            "http://res.cloudinary.com/demo/image/upload/s----SjmNDA--/v1/a%20b.jpg",
            "https://i.example.com/insecure/rs:fill:300/plain/https://e.com/a.jpg@png",
            "https://t.example.com/abc=/300x200/filters:a(1):b(2)/x.com/i.jpg?",
            "https://a.com/x#frag?y#z",
            "https://a.com/?",
            "https://a.com/it's/(1)!*~:@,;.jpg?a=b:c@d",
            "https://a.com//a//b",
            "https://a.com/..x/x..",
        ];
        for input in taken {
            assert!(fast_split(input).is_some(), "{input} should take the fast path");
            assert_eq!(fast(input), full(input), "{input}");
        }
        let left = [
            "https://Demo.imgix.net/a",
            "https://a.com:443/a",
            "https://a.com",
            "https://a.com/./b",
            "https://a.com/a/../b",
            "https://a.com/%2e%2E/b",
            "https://a.com/.%2E/b",
            "https://a.com/a b",
            "https://a.com/a\\b",
            "https://a.com/é",
            "https://a.com/a?it's",
            "https://a.com/%zz",
            "https://1.2.3/a",
            "https://a.com/a|b",
            "ftp://a.com/a",
            "https://user@a.com/a",
            "https://xn--zz.com/a",
            "https://a.com./a",
        ];
        for input in left {
            assert!(fast_split(input).is_none(), "{input} should take the full parser");
        }
    }

    #[test]
    fn the_comparisons_are_the_table() {
        for c in 0..=255u8 {
            assert_eq!(refused::<false>(c), !kept(c, false), "path byte {c:#04x}");
            assert_eq!(refused::<true>(c), !kept(c, true), "query byte {c:#04x}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, failure_persistence: None,
                                                                ..proptest::prelude::ProptestConfig::default() })]
        /// Whatever the fast path takes, the full parser splits into the same bytes.
        #[test]
        fn taken_means_kept_byte_for_byte(
            scheme in "https?",
            host in "[a-z0-9.-]{1,12}",
            rest in "[/a-zA-Z0-9.%~!$&'()*+,;=:@?#_-]{0,30}",
        ) {
            let input = format!("{scheme}://{host}/{rest}");
            if fast_split(&input).is_some() {
                proptest::prop_assert_eq!(fast(&input), full(&input), "{}", input);
            }
        }
    }
}
