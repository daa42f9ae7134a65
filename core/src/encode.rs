//! Percent-encoding tables and value stringification (docs/behaviour.md, "Building").

use crate::error::{ErrorCode, Result, err};
use base64::Engine;
use std::fmt::Write;

/// A set of bytes left as they are; every other byte becomes `%XX` (uppercase hex).
pub(crate) struct Keep([bool; 256]);

/// `t` with the bytes of `extra` kept too.
// Const evaluation: an out-of-range index would fail the build, never run time.
#[allow(clippy::indexing_slicing)]
const fn with(mut t: [bool; 256], extra: &[u8]) -> Keep {
    let mut i = 0;
    while i < extra.len() {
        t[extra[i] as usize] = true;
        i += 1;
    }
    Keep(t)
}

/// ASCII letters and digits and the bytes of `extra`.
#[allow(clippy::indexing_slicing)]
pub(crate) const fn keep_alnum_and(extra: &[u8]) -> Keep {
    let mut t = [false; 256];
    let mut b = 0usize;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    with(t, extra)
}

/// RFC 3986 unreserved (`A-Z a-z 0-9 - . _ ~`) and the bytes of `extra`.
const fn keep_set(extra: &[u8]) -> Keep {
    with(keep_alnum_and(b"-._~").0, extra)
}

/// Printable ASCII (`!` to `~`) except the bytes of `excluded`.
#[allow(clippy::indexing_slicing)]
pub(crate) const fn keep_printable_except(excluded: &[u8]) -> Keep {
    let mut t = [false; 256];
    let mut b = 0x21usize;
    while b < 0x7f {
        t[b] = true;
        b += 1;
    }
    let mut i = 0;
    while i < excluded.len() {
        t[excluded[i] as usize] = false;
        i += 1;
    }
    Keep(t)
}

/// RFC 3986 unreserved: `A-Z a-z 0-9 - . _ ~`.
pub(crate) static UNRESERVED: Keep = keep_set(b"");
/// Ordinary paths: unreserved plus `/ & $ ; = @ ,` (canonical and imgix-python).
pub(crate) static PATH: Keep = keep_set(b"/&$;=@,");
/// imgix-python keys (`quote(k)`, safe `/`).
pub(crate) static IMGIX_PYTHON_KEY: Keep = keep_set(b"/");
/// imgix-js components (JavaScript's `encodeURIComponent`).
pub(crate) static IMGIX_JS_COMPONENT: Keep = keep_set(b"!'()*");
/// imgix-js components of a signed query: as above but `'`, which clients send as `%27` in
/// a query (the WHATWG special-query set), is written `%27` so the signature covers it.
pub(crate) static IMGIX_JS_SIGNED_QUERY: Keep = keep_set(b"!()*");
/// RFC 3986 `pchar` and `/`: unreserved plus `! $ & ' ( ) * + , ; = : @ /`, the bytes a path
/// may carry unencoded (the request target of a path used as given, from its decoded form).
pub(crate) static PATH_CHARS: Keep = keep_set(b"!$&'()*+,;=:@/");
/// imgix-js paths: `encodeURI`, then `# ? : +` re-encoded.
pub(crate) static IMGIX_JS_PATH: Keep = keep_set(b"!'()*;,/@&=$");
/// imgix-swift paths: Foundation's `urlPathAllowed` (which has no `;`) without `# ? : +`.
pub(crate) static IMGIX_SWIFT_PATH: Keep = keep_set(b"!$&'()*,/=@");
/// imgix-java paths: each segment through `URLEncoder.encode` with `+` as `%20` and
/// `! ' ( ) ~` put back, the segments joined by `/`.
pub(crate) static IMGIX_JAVA_PATH: Keep = keep_set(b"!'()*/");

#[inline]
fn hex_digit(n: u8) -> char {
    char::from(if n < 10 { b'0' + n } else { b'A' + (n & 0x0f) - 10 })
}

impl Keep {
    #[inline]
    pub(crate) fn keeps(&self, b: u8) -> bool {
        self.0.get(b as usize).copied().unwrap_or(false)
    }

    /// Appends `bytes`, percent-encoding (uppercase hex) every byte this set does not keep.
    pub(crate) fn encode_bytes_into(&self, out: &mut String, bytes: &[u8]) {
        for &b in bytes {
            if self.keeps(b) {
                out.push(char::from(b));
            } else {
                out.push('%');
                out.push(hex_digit(b >> 4));
                out.push(hex_digit(b & 0x0f));
            }
        }
    }

    /// How many bytes at the start of `bytes` this set keeps: eight lookups at a time
    /// without a branch per byte, the block where the run ends read again byte by byte.
    #[inline]
    pub(crate) fn kept_prefix(&self, bytes: &[u8]) -> usize {
        let mut at = 0;
        let mut blocks = bytes.chunks_exact(8);
        for block in blocks.by_ref() {
            if !block.iter().fold(true, |all, &b| all & self.keeps(b)) {
                break;
            }
            at += 8;
        }
        let rest = bytes.get(at..).unwrap_or_default();
        at + rest.iter().position(|&b| !self.keeps(b)).unwrap_or(rest.len())
    }

    /// True when `s` would come out of [`Keep::encode_into`] unchanged.
    #[inline]
    pub(crate) fn is_clean(&self, s: &str) -> bool {
        s.bytes().all(|b| self.keeps(b))
    }
}

/// Appends `input` to `out`, percent-encoding every byte not in `keep`. With
/// `space_as_plus`, a space becomes `+` (Python's `quote_plus`).
#[inline]
pub(crate) fn encode_into(out: &mut String, input: &str, keep: &Keep, space_as_plus: bool) {
    let bytes = input.as_bytes();
    let clean = keep.kept_prefix(bytes);
    if clean == bytes.len() {
        // The common case: nothing to encode.
        out.push_str(input);
        return;
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate().skip(clean) {
        if keep.keeps(b) {
            continue;
        }
        out.push_str(input.get(start..i).unwrap_or_default());
        if space_as_plus && b == b' ' {
            out.push('+');
        } else {
            out.push('%');
            out.push(hex_digit(b >> 4));
            out.push(hex_digit(b & 0x0f));
        }
        start = i + 1;
    }
    out.push_str(input.get(start..).unwrap_or_default());
}

/// Appends base64url (no padding) of the UTF-8 bytes of `input`.
pub(crate) fn base64url_into(out: &mut String, input: &str) {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode_string(input.as_bytes(), out);
}

/// A parameter value as given by the caller: a string, an integer, a float or a boolean;
/// null drops the param.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamValue {
    /// A string, used as given.
    Str(String),
    /// An integer, written in decimal.
    Int(i64),
    /// A float, written in the shortest form that reads back to the same number, never in
    /// exponent form, without a trailing `.0`.
    Float(f64),
    /// A boolean, written `true` / `false`.
    Bool(bool),
    /// No value: the param is dropped.
    Null,
}

/// A param value borrowed from the caller: what a [`ParamValue`] holds, without owning its
/// string. Bindings pass their language's strings this way, so a call copies no param
/// value before the core writes it into the URL.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ParamRef<'a> {
    /// A string, used as given.
    Str(&'a str),
    /// An integer, written in decimal.
    Int(i64),
    /// A float, written as [`ParamValue::Float`] is.
    Float(f64),
    /// A boolean, written `true` / `false`.
    Bool(bool),
    /// No value: the param is dropped.
    Null,
}

impl ParamRef<'static> {
    /// The value of a number from a language with one number type (JavaScript): a safe
    /// integer (at most 2^53 - 1 in size, not `-0`) is an integer, anything else a float. The
    /// canonical profile writes both alike; the profiles that print like Python or Java tell
    /// them apart, so every JavaScript binding reads its numbers by this one rule.
    pub fn from_number(x: f64) -> ParamRef<'static> {
        if x.fract() == 0.0 && x.abs() <= 9_007_199_254_740_991.0 && !(x == 0.0 && x.is_sign_negative()) {
            #[allow(clippy::cast_possible_truncation)]
            return ParamRef::Int(x as i64);
        }
        ParamRef::Float(x)
    }
}

/// A param value the builder reads: a [`ParamValue`] or a [`ParamRef`] (or a reference to
/// either).
pub trait AsParam {
    /// The value, borrowed.
    fn as_param(&self) -> ParamRef<'_>;
}

impl AsParam for ParamValue {
    #[inline]
    fn as_param(&self) -> ParamRef<'_> {
        match self {
            ParamValue::Str(s) => ParamRef::Str(s),
            ParamValue::Int(i) => ParamRef::Int(*i),
            ParamValue::Float(f) => ParamRef::Float(*f),
            ParamValue::Bool(b) => ParamRef::Bool(*b),
            ParamValue::Null => ParamRef::Null,
        }
    }
}

impl AsParam for ParamRef<'_> {
    #[inline]
    fn as_param(&self) -> ParamRef<'_> {
        *self
    }
}

impl<T: AsParam + ?Sized> AsParam for &T {
    #[inline]
    fn as_param(&self) -> ParamRef<'_> {
        (**self).as_param()
    }
}

impl From<ParamRef<'_>> for ParamValue {
    fn from(v: ParamRef<'_>) -> Self {
        match v {
            ParamRef::Str(s) => ParamValue::Str(s.to_owned()),
            ParamRef::Int(i) => ParamValue::Int(i),
            ParamRef::Float(f) => ParamValue::Float(f),
            ParamRef::Bool(b) => ParamValue::Bool(b),
            ParamRef::Null => ParamValue::Null,
        }
    }
}

impl From<&str> for ParamValue {
    fn from(v: &str) -> Self {
        ParamValue::Str(v.to_owned())
    }
}
impl From<String> for ParamValue {
    fn from(v: String) -> Self {
        ParamValue::Str(v)
    }
}
impl From<i64> for ParamValue {
    fn from(v: i64) -> Self {
        ParamValue::Int(v)
    }
}
impl From<i32> for ParamValue {
    fn from(v: i32) -> Self {
        ParamValue::Int(i64::from(v))
    }
}
impl From<u32> for ParamValue {
    fn from(v: u32) -> Self {
        ParamValue::Int(i64::from(v))
    }
}
impl From<f64> for ParamValue {
    fn from(v: f64) -> Self {
        ParamValue::Float(v)
    }
}
impl From<bool> for ParamValue {
    fn from(v: bool) -> Self {
        ParamValue::Bool(v)
    }
}
impl<T: Into<ParamValue>> From<Option<T>> for ParamValue {
    fn from(v: Option<T>) -> Self {
        v.map_or(ParamValue::Null, Into::into)
    }
}

/// Two decimal digits of every number below 100.
static DIGIT_PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// Writes an integer in decimal (without the formatting machinery: this is a hot path), two
/// digits at a time, into the output in one piece.
pub(crate) fn write_int(out: &mut String, v: i64) {
    let mut buf = [b'-'; 20];
    let mut n = v.unsigned_abs();
    let mut i = buf.len();
    while n >= 100 {
        let pair = (n % 100) as usize * 2;
        n /= 100;
        i -= 2;
        if let (Some(dst), Some(src)) = (buf.get_mut(i..i + 2), DIGIT_PAIRS.get(pair..pair + 2)) {
            dst.copy_from_slice(src);
        }
    }
    if n >= 10 {
        let pair = n as usize * 2;
        i -= 2;
        if let (Some(dst), Some(src)) = (buf.get_mut(i..i + 2), DIGIT_PAIRS.get(pair..pair + 2)) {
            dst.copy_from_slice(src);
        }
    } else {
        i -= 1;
        if let Some(d) = buf.get_mut(i) {
            *d = b'0' + n as u8;
        }
    }
    // `buf` starts as `-`: one more byte before the digits is the sign.
    if v < 0 {
        i -= 1;
    }
    out.extend(buf.get(i..).unwrap_or_default().iter().map(|&d| char::from(d)));
}

/// Writes a float the canonical way (see [`ParamValue::Float`]); `field` names the value
/// in the error (it is only called then).
pub(crate) fn write_float(out: &mut String, v: f64, field: impl FnOnce() -> String) -> Result<()> {
    if !v.is_finite() {
        return err(ErrorCode::InvalidParam, format!("{}: float value must be finite", field()));
    }
    if v == 0.0 {
        out.push('0');
    } else {
        // Rust's `Display` for f64 is the shortest round-trip form, without exponent,
        // and without a trailing `.0` for whole numbers.
        let _ = write!(out, "{v}");
    }
    Ok(())
}

/// Formats a device-pixel ratio or similar small number like a float param.
pub(crate) fn format_number(v: f64) -> String {
    let mut s = String::new();
    let _ = write_float(&mut s, v, String::new);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_type_number_is_an_integer_only_when_it_is_a_safe_integer() {
        assert_eq!(ParamRef::from_number(400.0), ParamRef::Int(400));
        assert!(
            matches!(ParamRef::from_number(-0.0), ParamRef::Float(f) if f == 0.0 && f.is_sign_negative())
        );
        assert_eq!(ParamRef::from_number(0.5), ParamRef::Float(0.5));
        assert_eq!(ParamRef::from_number(9_007_199_254_740_991.0), ParamRef::Int(9_007_199_254_740_991));
        assert_eq!(ParamRef::from_number(9_007_199_254_740_992.0), ParamRef::Float(9_007_199_254_740_992.0));
        assert_eq!(ParamRef::from_number(1e21), ParamRef::Float(1e21));
        assert!(matches!(ParamRef::from_number(f64::NAN), ParamRef::Float(f) if f.is_nan()));
        assert_eq!(ParamRef::from_number(f64::NEG_INFINITY), ParamRef::Float(f64::NEG_INFINITY));
        assert_eq!(crate::Width::from_number(320.0), crate::Width::Int(320));
        assert_eq!(crate::Width::from_number(320.5), crate::Width::Float(320.5));
    }

    #[test]
    fn integers_are_written_as_rust_writes_them() {
        let mut edges = vec![i64::MIN, i64::MIN + 1, i64::MAX, i64::MAX - 1];
        for p in 0..19 {
            let t = 10i64.pow(p);
            edges.extend([t - 1, t, t + 1, -t + 1, -t, -t - 1]);
        }
        for v in edges {
            let mut out = String::from("x=");
            write_int(&mut out, v);
            assert_eq!(out, format!("x={v}"));
        }
    }

    #[test]
    fn floats_are_shortest_without_exponent() {
        assert_eq!(format_number(1.0), "1");
        assert_eq!(format_number(0.1), "0.1");
        assert_eq!(format_number(1e-7), "0.0000001");
        assert_eq!(format_number(1e21), "1000000000000000000000");
        assert_eq!(format_number(-0.0), "0");
        assert_eq!(format_number(1.5), "1.5");
        let mut s = String::new();
        assert!(write_float(&mut s, f64::NAN, || "x".to_owned()).is_err());
    }

    #[test]
    fn ints_in_decimal() {
        for v in [0, 7, -7, 10, 800, i64::MAX, i64::MIN] {
            let mut s = String::new();
            write_int(&mut s, v);
            assert_eq!(s, v.to_string());
        }
    }

    #[test]
    fn encodes_with_uppercase_hex() {
        let mut s = String::new();
        encode_into(&mut s, "a b+ö/", &UNRESERVED, false);
        assert_eq!(s, "a%20b%2B%C3%B6%2F");
        s.clear();
        encode_into(&mut s, "a b", &UNRESERVED, true);
        assert_eq!(s, "a+b");
    }
}
