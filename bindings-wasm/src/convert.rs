//! JavaScript values (as [`Val`]) into core types: type conversion only, with the same
//! shapes and messages as the Node addon; every value is validated by the core.

use std::borrow::Cow;

use imgsign::{Error, ErrorCode, ParamValue};

use crate::wire::{List, Malformed, Val};

/// Result of a conversion or a core call.
pub type Result<T> = std::result::Result<T, Error>;

/// An error with `code`.
pub fn coded(code: ErrorCode, message: impl Into<String>) -> Error {
    Error::new(code, message)
}

impl From<Malformed> for Error {
    fn from(_: Malformed) -> Error {
        coded(ErrorCode::InvalidParam, "arguments: not in the wire format")
    }
}

fn expected(field: &str, code: ErrorCode, what: &str, v: Val<'_>) -> Error {
    coded(code, format!("{field}: expected {what}, got {}", v.type_name()))
}

/// An optional argument: omitted, `undefined` and `null` are all "not given".
pub fn given(v: Val<'_>) -> Option<Val<'_>> {
    (!v.is_nullish()).then_some(v)
}

/// A string.
pub fn string<'a>(v: Val<'a>, field: &str, code: ErrorCode) -> Result<&'a str> {
    match v {
        Val::Str(s) => Ok(s),
        _ => Err(expected(field, code, "a string", v)),
    }
}

/// A number.
pub fn number(v: Val<'_>, field: &str, code: ErrorCode) -> Result<f64> {
    match v {
        Val::Num(x) => Ok(x),
        _ => Err(expected(field, code, "a number", v)),
    }
}

/// A boolean.
pub fn boolean(v: Val<'_>, field: &str, code: ErrorCode) -> Result<bool> {
    match v {
        Val::Bool(b) => Ok(b),
        _ => Err(expected(field, code, "a boolean", v)),
    }
}

/// A JavaScript number that must be an integer in `i64` range (a timestamp, a width).
pub fn integer(v: Val<'_>, field: &str, code: ErrorCode) -> Result<i64> {
    let f = number(v, field, code)?;
    if !f.is_finite() || f.fract() != 0.0 || f.abs() > 9_007_199_254_740_991.0 {
        return Err(coded(code, format!("{field}: expected a safe integer")));
    }
    #[allow(clippy::cast_possible_truncation)]
    Ok(f as i64)
}

/// An array's items.
pub fn array<'a>(v: Val<'a>, field: &str, code: ErrorCode) -> Result<List<'a>> {
    match v {
        Val::Array(items) => Ok(items),
        _ => Err(expected(field, code, "an array", v)),
    }
}

/// An array, each item converted by `each` (given the item's field name).
pub fn list<'a, T>(
    v: Val<'a>,
    field: &str,
    code: ErrorCode,
    each: impl Fn(Val<'a>, &str, ErrorCode) -> Result<T>,
) -> Result<Vec<T>> {
    let items = array(v, field, code)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, x) in items.values().enumerate() {
        out.push(each(x?, &format!("{field}[{i}]"), code)?);
    }
    Ok(out)
}

/// An array of strings.
pub fn strings<'a>(v: Val<'a>, field: &str, code: ErrorCode) -> Result<Vec<&'a str>> {
    list(v, field, code, string)
}

/// A pair's key: a string, or a number (a `Map<number, number>` of ratios) in its shortest
/// round-trip form, which the core reads back exactly.
fn key<'a>(k: Val<'a>, field: &dyn Fn() -> String, code: ErrorCode) -> Result<Cow<'a, str>> {
    match k {
        Val::Num(x) => Ok(Cow::Owned(x.to_string())),
        Val::Str(s) => Ok(Cow::Borrowed(s)),
        _ => Err(expected(&field(), code, "a string", k)),
    }
}

/// Calls `f` with each entry of a plain object (enumerable string keys, in JavaScript's
/// order), of a `Map` (insertion order) or of an array of `[key, value]` pairs (in order;
/// may repeat a key).
pub fn each_entry<'a>(
    v: Val<'a>,
    field: &str,
    code: ErrorCode,
    mut f: impl FnMut(Cow<'a, str>, Val<'a>) -> Result<()>,
) -> Result<()> {
    match v {
        Val::Object(props) => {
            for p in props.props() {
                let (k, val) = p?;
                f(Cow::Borrowed(k), val)?;
            }
        }
        Val::Map(entries) => {
            for (i, e) in entries.entries().enumerate() {
                let (k, val) = e?;
                f(key(k, &|| format!("{field}[{i}][0]"), code)?, val)?;
            }
        }
        Val::Array(pairs) => {
            for (i, pair) in pairs.values().enumerate() {
                let at = || format!("{field}[{i}]");
                let pair = match pair? {
                    Val::Array(p) if p.len() == 2 => p,
                    Val::Array(_) => {
                        return Err(coded(code, format!("{}: expected a [key, value] pair", at())));
                    }
                    other => return Err(expected(&at(), code, "an array", other)),
                };
                let mut kv = pair.values();
                let (Some(k), Some(val)) = (kv.next(), kv.next()) else { return Err(Malformed.into()) };
                f(key(k?, &|| format!("{}[0]", at()), code)?, val?)?;
            }
        }
        _ => return Err(expected(field, code, "an object, a Map or [key, value] pairs", v)),
    }
    Ok(())
}

/// An options object: `undefined`/`null` is "no options"; an unknown key is an error naming
/// it; an `undefined` value is "not given".
pub fn options<'a>(v: Val<'a>, field: &str, allowed: &[&str]) -> Result<Vec<(Cow<'a, str>, Val<'a>)>> {
    let code = ErrorCode::InvalidParam;
    if v.is_nullish() {
        return Ok(Vec::new());
    }
    if let Val::Array(_) = v {
        return Err(coded(code, format!("{field}: expected an options object, got an array")));
    }
    let mut out = Vec::new();
    each_entry(v, field, code, |k, val| {
        out.push((k, val));
        Ok(())
    })?;
    if let Some((k, _)) = out.iter().find(|(k, _)| !allowed.contains(&k.as_ref())) {
        return Err(coded(
            code,
            format!("{field}: unknown option {k:?} (expected one of {})", allowed.join(", ")),
        ));
    }
    out.retain(|(_, val)| *val != Val::Undefined);
    Ok(out)
}

/// A JavaScript number as a param value: a safe integer is an integer (which the core writes
/// without float formatting), anything else a float. The core writes an integral float the
/// same way (`400.0` and `-0.0` as `400` and `0`), so this only takes the faster path.
fn number_param(x: f64) -> ParamValue {
    if x.fract() == 0.0 && x.abs() <= 9_007_199_254_740_991.0 {
        #[allow(clippy::cast_possible_truncation)]
        return ParamValue::Int(x as i64);
    }
    ParamValue::Float(x)
}

fn param_value(v: Val<'_>, field: &dyn Fn() -> String) -> Result<ParamValue> {
    Ok(match v {
        Val::Str(s) => ParamValue::Str(s.to_owned()),
        Val::Num(x) => number_param(x),
        Val::Bool(b) => ParamValue::Bool(b),
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
pub fn params<'a>(v: Val<'a>, field: &str) -> Result<Vec<(Cow<'a, str>, ParamValue)>> {
    let mut out = Vec::new();
    if v.is_nullish() {
        return Ok(out);
    }
    each_entry(v, field, ErrorCode::InvalidParam, |k, val| {
        let value = param_value(val, &|| format!("{field}[{k:?}]"))?;
        out.push((k, value));
        Ok(())
    })?;
    Ok(out)
}

/// Header pairs from a plain object (Node's `req.headers`), a `Map` or pairs. An array value
/// becomes one pair per element; `undefined` is skipped. Name matching is the core's.
pub fn headers<'a>(v: Val<'a>) -> Result<Vec<(Cow<'a, str>, &'a str)>> {
    let code = ErrorCode::InvalidParam;
    let mut out = Vec::new();
    each_entry(v, "headers", code, |name, val| {
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
        Ok(())
    })?;
    Ok(out)
}
