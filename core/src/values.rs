//! How each profile writes a param value: the canonical rule, and the way each official
//! library prints what its caller gives it (docs/behaviour.md, "Values").

use crate::encode::{ParamRef, write_float, write_int};
use crate::error::{ErrorCode, Result, err};
use std::fmt::Write;

/// How a profile turns a [`ParamValue`] into the text of a param.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ValueStyle {
    /// imgsign's own rule: floats in the shortest form without exponent, `true`/`false`,
    /// null drops the param.
    Canonical,
    /// Python's `str()` (imgix-python): `True`/`False`, `None` written as a value, floats as
    /// `repr` (`1.0`, `1e+21`, `1e-07`).
    Python,
    /// JavaScript's `String()` (@imgix/js-core): `true`/`false`, null dropped, numbers as
    /// `Number.prototype.toString` (`1e+21`, `1e-7`).
    JavaScript,
    /// `String(describing:)` of an `NSNumber` (imgix-swift on Apple platforms): booleans `1`/`0`,
    /// doubles as `%0.16g`; null dropped.
    Swift,
    /// Java's `String.valueOf` (imgix-java): `true`/`false`, doubles as `Double.toString`
    /// (`2.0`, `1.0E21`); null dropped.
    Java,
}

impl ValueStyle {
    /// The text of a boolean.
    pub(crate) const fn boolean(self, b: bool) -> &'static str {
        match (self, b) {
            (ValueStyle::Python, true) => "True",
            (ValueStyle::Python, false) => "False",
            (ValueStyle::Swift, true) => "1",
            (ValueStyle::Swift, false) => "0",
            (_, true) => "true",
            (_, false) => "false",
        }
    }

    /// The text of a null value, or `None` when null drops the param.
    pub(crate) const fn null(self) -> Option<&'static str> {
        match self {
            ValueStyle::Python => Some("None"),
            _ => None,
        }
    }

    /// Appends a float the way this style prints it; NaN and infinities are `invalid_param`
    /// in every style (a URL param that is not a number is never what a caller meant), the
    /// error naming `field` (worded only then).
    pub(crate) fn write_float(self, out: &mut String, v: f64, field: impl FnOnce() -> String) -> Result<()> {
        match self {
            // The canonical writer checks finiteness itself.
            ValueStyle::Canonical => write_float(out, v, field),
            _ if !v.is_finite() => {
                err(ErrorCode::InvalidParam, format!("{}: float value must be finite", field()))
            }
            ValueStyle::Python => {
                python_repr(out, v);
                Ok(())
            }
            ValueStyle::JavaScript => {
                js_number(out, v);
                Ok(())
            }
            ValueStyle::Swift => {
                c_general(out, v, 16);
                Ok(())
            }
            ValueStyle::Java => {
                java_double(out, v);
                Ok(())
            }
        }
    }

    /// Appends a srcset width: an integer in decimal, a float as the style prints it (only
    /// imgix-python takes float widths; the others have made them integers by now).
    pub(crate) fn write_width(self, out: &mut String, w: crate::Width) {
        match w {
            crate::Width::Int(i) => write_int(out, i),
            crate::Width::Float(f) => {
                let _ = self.write_float(out, f, || "widths".to_owned());
            }
        }
    }
}

/// A whole float below 2^53 as an integer (exact there).
pub(crate) fn whole(w: f64) -> i64 {
    // Float-to-int `as` saturates and cannot fail; callers pass whole numbers.
    w as i64
}

/// The shortest decimal digits that read back to `v` (not zero, finite) and the exponent
/// `e` with `v = 0.d1d2d3… × 10^e` (the position of the decimal point).
fn shortest(v: f64) -> (String, i32) {
    let s = format!("{:e}", v.abs());
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let e = exp.parse::<i32>().unwrap_or(0) + 1;
    (digits, e)
}

fn push_zeros(out: &mut String, n: i32) {
    for _ in 0..n.max(0) {
        out.push('0');
    }
}

/// `0.d1d2… × 10^e` written positionally: `0.000ddd`, `ddd000` (with `.0` after it when
/// `whole_suffix`), or `dd.ddd`.
fn push_positional(out: &mut String, digits: &str, e: i32, whole_suffix: bool) {
    let len = i32::try_from(digits.len()).unwrap_or(i32::MAX);
    if e <= 0 {
        out.push_str("0.");
        push_zeros(out, -e);
        out.push_str(digits);
    } else if e >= len {
        out.push_str(digits);
        push_zeros(out, e - len);
        if whole_suffix {
            out.push_str(".0");
        }
    } else {
        let point = usize::try_from(e).unwrap_or(0);
        out.push_str(digits.get(..point).unwrap_or(digits));
        out.push('.');
        out.push_str(digits.get(point..).unwrap_or_default());
    }
}

/// Python's `repr(float)`: the shortest digits, scientific when the exponent is below -4 or
/// at least 16, else positional with at least one fractional digit.
fn python_repr(out: &mut String, v: f64) {
    if v.is_sign_negative() {
        out.push('-');
    }
    if v == 0.0 {
        out.push_str("0.0");
        return;
    }
    let (digits, e) = shortest(v);
    let exp = e - 1;
    if (-4..16).contains(&exp) {
        push_positional(out, &digits, e, true);
    } else {
        sci_mantissa(out, &digits, false);
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs());
    }
}

/// `d` or `d.ddd` of a scientific form; with `min_one_fraction`, `d.0`.
fn sci_mantissa(out: &mut String, digits: &str, min_one_fraction: bool) {
    let (first, rest) = digits.split_at(1.min(digits.len()));
    out.push_str(first);
    if !rest.is_empty() {
        out.push('.');
        out.push_str(rest);
    } else if min_one_fraction {
        out.push_str(".0");
    }
}

/// JavaScript's `Number.prototype.toString()` (ECMAScript `Number::toString`, radix 10).
fn js_number(out: &mut String, v: f64) {
    if v == 0.0 {
        out.push('0');
        return;
    }
    if v < 0.0 {
        out.push('-');
    }
    let (digits, n) = shortest(v);
    if -6 < n && n <= 21 {
        push_positional(out, &digits, n, false);
    } else {
        sci_mantissa(out, &digits, false);
        let exp = n - 1;
        let _ = write!(out, "e{}{}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs());
    }
}

/// Java's `Double.toString` (the shortest digits, as Java 19 and later choose them):
/// positional with at least one fractional digit from 10^-3 up to 10^7, else
/// `d.dddE<exp>`.
fn java_double(out: &mut String, v: f64) {
    if v.is_sign_negative() {
        out.push('-');
    }
    if v == 0.0 {
        out.push_str("0.0");
        return;
    }
    let (digits, e) = shortest(v);
    if (1e-3..1e7).contains(&v.abs()) {
        push_positional(out, &digits, e, true);
    } else {
        sci_mantissa(out, &digits, true);
        let _ = write!(out, "E{}", e - 1);
    }
}

/// C's `%.<precision>g` (what `NSNumber`'s description of a double uses, `%0.16g`): the
/// value rounded to `precision` significant digits, positional when the exponent is at
/// least -4 and below `precision`, else `d.ddde±XX`; trailing zeros removed.
fn c_general(out: &mut String, v: f64, precision: usize) {
    if v.is_sign_negative() {
        out.push('-');
    }
    if v == 0.0 {
        out.push('0');
        return;
    }
    let p = precision.max(1);
    let s = format!("{:.*e}", p - 1, v.abs());
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp = exp.parse::<i32>().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let p = i32::try_from(p).unwrap_or(i32::MAX);
    if exp >= -4 && exp < p {
        push_positional(out, digits, exp + 1, false);
    } else {
        sci_mantissa(out, digits, false);
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs());
    }
}

/// Whether a value is "truthy" as Python and JavaScript see it (the official libraries
/// test `params.w || params.h` and `params.q or …` that way): null, `false`, zero and the
/// empty string are not. (NaN never gets this far: it is refused.)
pub(crate) fn truthy(v: &ParamRef<'_>) -> bool {
    match *v {
        ParamRef::Null => false,
        ParamRef::Bool(b) => b,
        ParamRef::Int(i) => i != 0,
        ParamRef::Float(f) => f != 0.0,
        ParamRef::Str(s) => !s.is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(style: ValueStyle, v: f64) -> String {
        let mut s = String::new();
        style.write_float(&mut s, v, || "x".to_owned()).unwrap();
        s
    }

    #[test]
    fn python_repr_matches_python() {
        let py = |v| f(ValueStyle::Python, v);
        assert_eq!(py(1.0), "1.0");
        assert_eq!(py(2.0), "2.0");
        assert_eq!(py(1.5), "1.5");
        assert_eq!(py(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(py(1e21), "1e+21");
        assert_eq!(py(1e16), "1e+16");
        assert_eq!(py(1e15), "1000000000000000.0");
        assert_eq!(py(1234567890123456.0), "1234567890123456.0");
        assert_eq!(py(1e-7), "1e-07");
        assert_eq!(py(0.0001), "0.0001");
        assert_eq!(py(0.00001), "1e-05");
        assert_eq!(py(-0.0), "-0.0");
        assert_eq!(py(-2.5e-300), "-2.5e-300");
        assert_eq!(py(1.5e300), "1.5e+300");
        assert_eq!(py(123.456), "123.456");
    }

    #[test]
    fn javascript_to_string_matches_ecmascript() {
        let js = |v| f(ValueStyle::JavaScript, v);
        assert_eq!(js(1.0), "1");
        assert_eq!(js(400.0), "400");
        assert_eq!(js(1.5), "1.5");
        assert_eq!(js(1e21), "1e+21");
        assert_eq!(js(1e20), "100000000000000000000");
        assert_eq!(js(1e-7), "1e-7");
        assert_eq!(js(0.000001), "0.000001");
        assert_eq!(js(-0.0), "0");
        assert_eq!(js(-1.25e-10), "-1.25e-10");
        assert_eq!(js(0.1 + 0.2), "0.30000000000000004");
    }

    #[test]
    fn java_double_to_string() {
        let j = |v| f(ValueStyle::Java, v);
        assert_eq!(j(2.0), "2.0");
        assert_eq!(j(1.5), "1.5");
        assert_eq!(j(1e21), "1.0E21");
        assert_eq!(j(1e-7), "1.0E-7");
        assert_eq!(j(0.001), "0.001");
        assert_eq!(j(1e7), "1.0E7");
        assert_eq!(j(9999999.0), "9999999.0");
        assert_eq!(j(0.30000000000000004), "0.30000000000000004");
        assert_eq!(j(1.25e-5), "1.25E-5");
        assert_eq!(j(-0.0), "-0.0");
    }

    #[test]
    fn nsnumber_description_is_percent_16g() {
        let sw = |v| f(ValueStyle::Swift, v);
        assert_eq!(sw(2.0), "2");
        assert_eq!(sw(1.5), "1.5");
        assert_eq!(sw(0.1 + 0.2), "0.3");
        assert_eq!(sw(1e21), "1e+21");
        assert_eq!(sw(1e-7), "1e-07");
        assert_eq!(sw(1e16), "1e+16");
        assert_eq!(sw(1e15), "1000000000000000");
        assert_eq!(sw(0.0001), "0.0001");
        assert_eq!(sw(123456789.125), "123456789.125");
        assert_eq!(sw(-0.0), "-0");
    }

    #[test]
    fn booleans_and_null_by_style() {
        assert_eq!(ValueStyle::Swift.boolean(true), "1");
        assert_eq!(ValueStyle::Python.boolean(false), "False");
        assert_eq!(ValueStyle::Java.boolean(true), "true");
        assert_eq!(ValueStyle::Python.null(), Some("None"));
        assert_eq!(ValueStyle::Canonical.null(), None);
        assert!(ValueStyle::Swift.write_float(&mut String::new(), f64::NAN, || "x".to_owned()).is_err());
    }
}
