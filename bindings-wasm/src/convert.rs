//! JavaScript values (as [`Val`]) into core types: type conversion only, with the same
//! shapes and messages as the Node addon; every value is validated by the core.

use std::borrow::Cow;

use imgsign::{Error, ErrorCode, ParamValue};

use crate::wire::Val;

/// Result of a conversion or a core call.
pub type Result<T> = std::result::Result<T, Error>;

/// An error with `code`.
pub fn coded(code: ErrorCode, message: impl Into<String>) -> Error {
    Error::new(code, message)
}

fn expected(field: &str, code: ErrorCode, what: &str, v: &Val<'_>) -> Error {
    coded(code, format!("{field}: expected {what}, got {}", v.type_name()))
}

/// An optional argument: omitted, `undefined` and `null` are all "not given".
pub fn given<'v, 'a>(v: &'v Val<'a>) -> Option<&'v Val<'a>> {
    (!v.is_nullish()).then_some(v)
}

/// A string.
pub fn string<'a>(v: &Val<'a>, field: &str, code: ErrorCode) -> Result<&'a str> {
    match v {
        Val::Str(s) => Ok(s),
        _ => Err(expected(field, code, "a string", v)),
    }
}

/// A number.
pub fn number(v: &Val<'_>, field: &str, code: ErrorCode) -> Result<f64> {
    match v {
        Val::Num(x) => Ok(*x),
        _ => Err(expected(field, code, "a number", v)),
    }
}

/// A boolean.
pub fn boolean(v: &Val<'_>, field: &str, code: ErrorCode) -> Result<bool> {
    match v {
        Val::Bool(b) => Ok(*b),
        _ => Err(expected(field, code, "a boolean", v)),
    }
}

/// A JavaScript number that must be an integer in `i64` range (a timestamp, a width).
pub fn integer(v: &Val<'_>, field: &str, code: ErrorCode) -> Result<i64> {
    let f = number(v, field, code)?;
    if !f.is_finite() || f.fract() != 0.0 || f.abs() > 9_007_199_254_740_991.0 {
        return Err(coded(code, format!("{field}: expected a safe integer")));
    }
    #[allow(clippy::cast_possible_truncation)]
    Ok(f as i64)
}

/// An array's items.
pub fn array<'v, 'a>(v: &'v Val<'a>, field: &str, code: ErrorCode) -> Result<&'v [Val<'a>]> {
    match v {
        Val::Array(items) => Ok(items),
        _ => Err(expected(field, code, "an array", v)),
    }
}

/// An array of strings.
pub fn strings<'a>(v: &Val<'a>, field: &str, code: ErrorCode) -> Result<Vec<&'a str>> {
    array(v, field, code)?
        .iter()
        .enumerate()
        .map(|(i, s)| string(s, &format!("{field}[{i}]"), code))
        .collect()
}

/// An array of numbers, each converted by `each`.
pub fn numbers<T>(
    v: &Val<'_>,
    field: &str,
    code: ErrorCode,
    each: fn(&Val<'_>, &str, ErrorCode) -> Result<T>,
) -> Result<Vec<T>> {
    array(v, field, code)?.iter().enumerate().map(|(i, x)| each(x, &format!("{field}[{i}]"), code)).collect()
}

/// A pair's key: a string, or a number (a `Map<number, number>` of ratios) in its shortest
/// round-trip form, which the core reads back exactly.
fn key<'a>(k: &Val<'a>, field: &str, code: ErrorCode) -> Result<Cow<'a, str>> {
    match k {
        Val::Num(x) => Ok(Cow::Owned(x.to_string())),
        _ => string(k, field, code).map(Cow::Borrowed),
    }
}

/// `[key, value]` pairs from an array of 2-element arrays.
fn pairs<'v, 'a>(
    items: &'v [Val<'a>],
    field: &str,
    code: ErrorCode,
) -> Result<Vec<(Cow<'a, str>, &'v Val<'a>)>> {
    items
        .iter()
        .enumerate()
        .map(|(i, pair)| {
            let at = format!("{field}[{i}]");
            match array(pair, &at, code)? {
                [k, v] => Ok((key(k, &format!("{at}[0]"), code)?, v)),
                _ => Err(coded(code, format!("{at}: expected a [key, value] pair"))),
            }
        })
        .collect()
}

/// The entries of a plain object (enumerable string keys, in JavaScript's order), of a
/// `Map` (insertion order) or of an array of `[key, value]` pairs (in order; may repeat a key).
pub fn entries<'v, 'a>(
    v: &'v Val<'a>,
    field: &str,
    code: ErrorCode,
) -> Result<Vec<(Cow<'a, str>, &'v Val<'a>)>> {
    match v {
        Val::Array(items) => pairs(items, field, code),
        Val::Map(items) => items
            .iter()
            .enumerate()
            .map(|(i, (k, val))| Ok((key(k, &format!("{field}[{i}][0]"), code)?, val)))
            .collect(),
        Val::Object(props) => Ok(props.iter().map(|(k, val)| (Cow::Borrowed(*k), val)).collect()),
        _ => Err(expected(field, code, "an object, a Map or [key, value] pairs", v)),
    }
}

/// An options object: `undefined`/`null` is "no options"; an unknown key is an error naming
/// it; an `undefined` value is "not given".
pub fn options<'v, 'a>(
    v: &'v Val<'a>,
    field: &str,
    allowed: &[&str],
) -> Result<Vec<(Cow<'a, str>, &'v Val<'a>)>> {
    let code = ErrorCode::InvalidParam;
    if v.is_nullish() {
        return Ok(Vec::new());
    }
    if let Val::Array(_) = v {
        return Err(coded(code, format!("{field}: expected an options object, got an array")));
    }
    let mut out = entries(v, field, code)?;
    if let Some((k, _)) = out.iter().find(|(k, _)| !allowed.contains(&k.as_ref())) {
        return Err(coded(
            code,
            format!("{field}: unknown option {k:?} (expected one of {})", allowed.join(", ")),
        ));
    }
    out.retain(|(_, val)| **val != Val::Undefined);
    Ok(out)
}

fn param_value(v: &Val<'_>, field: &dyn Fn() -> String) -> Result<ParamValue> {
    Ok(match v {
        Val::Str(s) => ParamValue::Str((*s).to_owned()),
        Val::Num(x) => ParamValue::Float(*x),
        Val::Bool(b) => ParamValue::Bool(*b),
        Val::Null | Val::Undefined => ParamValue::Null,
        _ => {
            return Err(coded(
                ErrorCode::InvalidParam,
                format!(
                    "{}: expected a string, number, boolean, null or undefined, got {}",
                    field(),
                    v.type_name()
                ),
            ));
        }
    })
}

/// URL params: a plain object, a `Map` or `[key, value]` pairs; `undefined`/`null` is none.
pub fn params<'a>(v: &Val<'a>, field: &str) -> Result<Vec<(Cow<'a, str>, ParamValue)>> {
    if v.is_nullish() {
        return Ok(Vec::new());
    }
    entries(v, field, ErrorCode::InvalidParam)?
        .into_iter()
        .map(|(k, val)| {
            let value = param_value(val, &|| format!("{field}[{k:?}]"))?;
            Ok((k, value))
        })
        .collect()
}

/// Header pairs from a plain object (Node's `req.headers`), a `Map` or pairs. An array value
/// becomes one pair per element; `undefined` is skipped. Name matching is the core's.
pub fn headers<'a>(v: &Val<'a>) -> Result<Vec<(Cow<'a, str>, &'a str)>> {
    let code = ErrorCode::InvalidParam;
    let mut out = Vec::new();
    for (name, val) in entries(v, "headers", code)? {
        let field = format!("headers[{name:?}]");
        match val {
            Val::Undefined => {}
            Val::Array(_) => {
                for s in strings(val, &field, code)? {
                    out.push((name.clone(), s));
                }
            }
            _ => out.push((name, string(val, &field, code)?)),
        }
    }
    Ok(out)
}
