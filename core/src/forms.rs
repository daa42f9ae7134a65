//! The byte rules that token schemes borrow from other software: WHATWG form encoding (what
//! `URLSearchParams` serialises), form decoding (`+` is a space), PHP's `urlencode` and
//! `ksort`, Python's `quote_plus` with lower-case hex (Akamai EdgeAuth's `escape_early`),
//! IP addresses as packed bytes, and ACL wildcards. Each is one function, named after the
//! rule it follows, so a scheme picks rules by name instead of a code path per provider.

use std::cmp::Ordering;
use std::net::IpAddr;

/// Percent-decodes `s` into bytes: `%XX` (either case) is the byte `XX`, a `%` not followed
/// by two hex digits stays `%`. With `plus_is_space`, `+` is a space first
/// (`application/x-www-form-urlencoded`).
pub(crate) fn percent_decode(s: &str, plus_is_space: bool) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let hex = || Some((hex_val(*b.get(i + 1)?)? << 4) | hex_val(*b.get(i + 2)?)?);
        match c {
            b'%' => {
                if let Some(v) = hex() {
                    out.push(v);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            b'+' if plus_is_space => out.push(b' '),
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

fn hex_val(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// How a byte that is not kept is written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Escape {
    /// `%XX`, upper-case hex.
    Upper,
    /// `%xx`, lower-case hex.
    Lower,
}

/// Appends `bytes`, keeping ASCII alphanumerics and the bytes of `keep`, writing a space as
/// `+` when `space_as_plus`, and every other byte as `%XX` / `%xx`.
pub(crate) fn escape_into(out: &mut String, bytes: &[u8], keep: &[u8], space_as_plus: bool, escape: Escape) {
    const UPPER: &[u8; 16] = b"0123456789ABCDEF";
    const LOWER: &[u8; 16] = b"0123456789abcdef";
    let digits = if escape == Escape::Upper { UPPER } else { LOWER };
    for &b in bytes {
        if b.is_ascii_alphanumeric() || keep.contains(&b) {
            out.push(char::from(b));
        } else if b == b' ' && space_as_plus {
            out.push('+');
        } else {
            out.push('%');
            out.push(char::from(digits.get(usize::from(b >> 4)).copied().unwrap_or(b'0')));
            out.push(char::from(digits.get(usize::from(b & 0x0f)).copied().unwrap_or(b'0')));
        }
    }
}

/// WHATWG `application/x-www-form-urlencoded` serialisation of one name or value (what
/// `URLSearchParams.toString()` writes): ASCII alphanumerics and `* - . _` kept, space `+`.
pub(crate) fn form_urlencode_into(out: &mut String, bytes: &[u8]) {
    escape_into(out, bytes, b"*-._", true, Escape::Upper);
}

/// PHP's `urlencode` (what `http_build_query` writes by default): ASCII alphanumerics and
/// `- _ .` kept, space `+`, everything else `%XX` (so `~` is `%7E`).
pub(crate) fn php_urlencode_into(out: &mut String, bytes: &[u8]) {
    escape_into(out, bytes, b"-_.", true, Escape::Upper);
}

/// Python's `quote_plus(s, safe)` with the hex of every escape lower-cased: ASCII
/// alphanumerics, `_ . - ~` and `safe` kept, space `+`.
pub(crate) fn quote_plus_lower_into(out: &mut String, bytes: &[u8], safe: &[u8]) {
    const BASE: &[u8] = b"_.-~";
    for &b in bytes {
        if safe.contains(&b) {
            out.push(char::from(b));
        } else {
            escape_into(out, &[b], BASE, true, Escape::Lower);
        }
    }
}

/// A PHP array key after `$_GET` parsing: a canonical decimal integer within `i64` becomes
/// an integer key, anything else stays a string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PhpKey {
    /// An integer key (`"10"`, `"-3"`; not `"010"`, `"+1"`, `"-0"`).
    Int(i64),
    /// A string key.
    Str(Vec<u8>),
}

impl PhpKey {
    /// The key PHP makes of the bytes `k`.
    pub(crate) fn new(k: &[u8]) -> PhpKey {
        let digits = k.strip_prefix(b"-").unwrap_or(k);
        let canonical = !digits.is_empty()
            && digits.iter().all(u8::is_ascii_digit)
            && (digits == b"0" && digits.len() == k.len() || digits.first() != Some(&b'0'));
        if canonical && let Some(n) = std::str::from_utf8(k).ok().and_then(|s| s.parse::<i64>().ok()) {
            return PhpKey::Int(n);
        }
        PhpKey::Str(k.to_vec())
    }

    /// The key as `http_build_query` writes it (before encoding).
    pub(crate) fn bytes(&self) -> Vec<u8> {
        match self {
            PhpKey::Int(n) => n.to_string().into_bytes(),
            PhpKey::Str(s) => s.clone(),
        }
    }

    fn number(&self) -> Option<f64> {
        match self {
            PhpKey::Int(n) => Some(*n as f64),
            PhpKey::Str(s) => php_numeric(s),
        }
    }
}

/// The value of a PHP 8 numeric string (optional leading and trailing white space, an
/// optional sign, digits with an optional fraction, an optional exponent), else `None`.
fn php_numeric(s: &[u8]) -> Option<f64> {
    let ws = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c');
    let start = s.iter().position(|c| !ws(c))?;
    let end = s.iter().rposition(|c| !ws(c)).map_or(start, |e| e + 1);
    let body = s.get(start..end)?;
    let mut i = usize::from(matches!(body.first(), Some(b'+' | b'-')));
    let int_digits = body.get(i..)?.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if body.get(i) == Some(&b'.') {
        frac_digits = body.get(i + 1..)?.iter().take_while(|c| c.is_ascii_digit()).count();
        i += 1 + frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if matches!(body.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        j += usize::from(matches!(body.get(j), Some(b'+' | b'-')));
        let exp_digits = body.get(j..)?.iter().take_while(|c| c.is_ascii_digit()).count();
        if exp_digits > 0 {
            i = j + exp_digits;
        }
    }
    if i != body.len() {
        return None;
    }
    std::str::from_utf8(body).ok()?.parse::<f64>().ok()
}

/// PHP 8's `<=>` on two array keys, which `ksort` uses by default: two integers, or an
/// integer and a numeric string, or two numeric strings compare as numbers; anything else
/// compares as bytes (an integer written in decimal).
pub(crate) fn php_key_cmp(a: &PhpKey, b: &PhpKey) -> Ordering {
    if let (PhpKey::Int(x), PhpKey::Int(y)) = (a, b) {
        return x.cmp(y);
    }
    if let (Some(x), Some(y)) = (a.number(), b.number()) {
        return x.partial_cmp(&y).unwrap_or(Ordering::Equal);
    }
    a.bytes().cmp(&b.bytes())
}

/// An IP address as Bunny CDN binds it: 4 packed bytes for IPv4; for IPv6 its /64 (the first
/// 8 bytes) followed by 8 zero bytes. `None` when `ip` is not an address.
pub(crate) fn ip_prefix_bytes(ip: &str) -> Option<Vec<u8>> {
    match ip.parse::<IpAddr>().ok()? {
        IpAddr::V4(v4) => Some(v4.octets().to_vec()),
        IpAddr::V6(v6) => {
            let mut b = v6.octets();
            if let Some(host) = b.get_mut(8..) {
                host.fill(0);
            }
            Some(b.to_vec())
        }
    }
}

/// True when `text` matches `pattern`, where `*` matches any run of bytes (`/` included)
/// and every other byte matches itself. Linear in the lengths: the pattern's literal pieces
/// are found left to right with `str::find` (two-way search) over a one-char-per-byte
/// image of both sides, so a hostile pattern cannot make it slow.
pub(crate) fn wildcard_match(pattern: &[u8], text: &[u8]) -> bool {
    let latin1 = |b: &[u8]| b.iter().map(|&c| char::from(c)).collect::<String>();
    let (pattern, text) = (latin1(pattern), latin1(text));
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    let middle: Vec<&str> = parts.collect();
    let Some((last, middle)) = middle.split_last() else {
        return rest.is_empty(); // no `*`: an exact match
    };
    for piece in middle {
        match rest.find(piece) {
            Some(at) => rest = rest.get(at + piece.len()..).unwrap_or_default(),
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(f: impl Fn(&mut String)) -> String {
        let mut out = String::new();
        f(&mut out);
        out
    }

    #[test]
    fn decoding() {
        assert_eq!(percent_decode("a+b%20c%2b%zz%4", true), b"a b c+%zz%4");
        assert_eq!(percent_decode("a+b%C3%A9", false), "a+bé".as_bytes());
    }

    #[test]
    fn encodings() {
        assert_eq!(s(|o| form_urlencode_into(o, "a b~*é".as_bytes())), "a+b%7E*%C3%A9");
        assert_eq!(s(|o| php_urlencode_into(o, b"a b~*-_.")), "a+b%7E%2A-_.");
        assert_eq!(s(|o| quote_plus_lower_into(o, b"/a b,~(x)", b",")), "%2fa+b,~%28x%29");
    }

    #[test]
    fn php_keys_sort_as_php_8() {
        let mut keys: Vec<PhpKey> =
            ["10", "9", "b", "A", "_", "1.5", "010"].iter().map(|k| PhpKey::new(k.as_bytes())).collect();
        keys.sort_by(php_key_cmp);
        let got: Vec<String> = keys.iter().map(|k| String::from_utf8(k.bytes()).unwrap()).collect();
        assert_eq!(got, ["1.5", "9", "10", "010", "A", "_", "b"]); // PHP 8.2 ksort (stable: 10 == 010)
        assert_eq!(PhpKey::new(b"-0"), PhpKey::Str(b"-0".to_vec()));
        assert_eq!(PhpKey::new(b"0"), PhpKey::Int(0));
        assert_eq!(PhpKey::new(b"99999999999999999999"), PhpKey::Str(b"99999999999999999999".to_vec()));
        assert_eq!(php_numeric(b" 1e3 "), Some(1000.0));
        assert_eq!(php_numeric(b"1e"), None);
        assert_eq!(php_numeric(b"inf"), None);
        assert_eq!(php_numeric(b"."), None);
    }

    #[test]
    fn ip_prefixes() {
        assert_eq!(ip_prefix_bytes("1.2.3.4"), Some(vec![1, 2, 3, 4]));
        let a = ip_prefix_bytes("2001:db8:1:2::1").unwrap();
        assert_eq!(a, ip_prefix_bytes("2001:db8:1:2:ffff::9").unwrap());
        assert_ne!(a, ip_prefix_bytes("2001:db8:1:3::1").unwrap());
        assert_eq!(a.len(), 16);
        assert_eq!(ip_prefix_bytes("1.2.3"), None);
    }

    #[test]
    fn wildcards() {
        assert!(wildcard_match(b"/images/*", b"/images/a/b.jpg"));
        assert!(!wildcard_match(b"/images/*", b"/images2/a"));
        assert!(wildcard_match(b"/a", b"/a"));
        assert!(!wildcard_match(b"/a", b"/ab"));
        assert!(wildcard_match(b"*", b""));
        assert!(wildcard_match(b"/*/x/*.jpg", b"/a/b/x/c.jpg"));
        assert!(!wildcard_match(b"/*/x/*.jpg", b"/a/b/x/c.png"));
        assert!(wildcard_match(b"a*a", b"aa"));
        assert!(!wildcard_match(b"a*a", b"a"));
        let long = vec![b'a'; 50_000];
        let mut pat = b"*a".repeat(1000);
        pat.push(b'b');
        assert!(!wildcard_match(&pat, &long));
    }
}
