//! JavaScript values (as [`Val`]) into core types: type conversion only, with the shapes and
//! messages of the Node addon. A wrong type, an ill-formed string or an unsafe integer is the
//! core's error for the argument it was given for ([`Arg`]); every value is validated by the
//! core.

use std::borrow::Cow;

use imgsign::{ArgumentProblem, Error, ErrorCode, Operation, ParamRef};

use crate::wire::{List, Malformed, Val};

/// Result of a conversion or a core call.
pub type Result<T> = std::result::Result<T, Error>;

impl From<Malformed> for Error {
    fn from(_: Malformed) -> Error {
        Error::new(ErrorCode::InvalidParam, "arguments: not in the wire format")
    }
}

/// One argument of one operation: what a bad value of it is, by the core's rule.
#[derive(Clone, Copy)]
pub struct Arg<'a> {
    /// The operation.
    pub op: Operation,
    /// The argument as the message names it (camelCase, with a location: `widths[2]`).
    pub name: &'a str,
}

impl<'a> Arg<'a> {
    /// `name` of `op`.
    pub fn new(op: Operation, name: &'a str) -> Self {
        Arg { op, name }
    }

    /// The core's code for this argument.
    pub fn code(&self) -> ErrorCode {
        imgsign::argument_error_code(self.op, self.name)
    }

    /// The value is not of the type the argument takes (`got` names a type, never the value).
    pub fn wrong_type(&self, expected: &str, got: &str) -> Error {
        imgsign::argument_error(self.op, self.name, ArgumentProblem::WrongType { expected, got })
    }

    /// A string that is not well-formed UTF-16 (a lone surrogate).
    pub fn ill_formed(&self) -> Error {
        imgsign::argument_error(self.op, self.name, ArgumentProblem::IllFormedString)
    }

    /// A number the argument cannot hold.
    pub fn out_of_range(&self, expected: &str) -> Error {
        imgsign::argument_error(self.op, self.name, ArgumentProblem::OutOfRange { expected })
    }

    /// The argument's own error with a message of the binding (a shape).
    pub fn invalid(&self, message: impl std::fmt::Display) -> Error {
        Error::new(self.code(), format!("{}: {message}", self.name))
    }
}

/// Prefixes an error's message with a location (`items[3]: ...`).
pub fn at(e: Error, location: &str) -> Error {
    Error::new(e.code(), format!("{location}: {}", e.message()))
}

/// An optional argument: omitted, `undefined` and `null` are all "not given".
pub fn given(v: Val<'_>) -> Option<Val<'_>> {
    (!v.is_nullish()).then_some(v)
}

/// A well-formed string.
pub fn string<'a>(v: Val<'a>, arg: Arg<'_>) -> Result<&'a str> {
    match v {
        Val::Str(s) => Ok(s),
        Val::IllFormed(_) => Err(arg.ill_formed()),
        _ => Err(arg.wrong_type("a string", v.type_name())),
    }
}

/// A number.
pub fn number(v: Val<'_>, arg: Arg<'_>) -> Result<f64> {
    match v {
        Val::Num(x) => Ok(x),
        _ => Err(arg.wrong_type("a number", v.type_name())),
    }
}

/// A boolean.
pub fn boolean(v: Val<'_>, arg: Arg<'_>) -> Result<bool> {
    match v {
        Val::Bool(b) => Ok(b),
        _ => Err(arg.wrong_type("a boolean", v.type_name())),
    }
}

/// A JavaScript number that is an integer in the safe range (a timestamp, a width).
pub fn integer(v: Val<'_>, arg: Arg<'_>) -> Result<i64> {
    let f = number(v, arg)?;
    if !f.is_finite() || f.fract() != 0.0 || f.abs() > 9_007_199_254_740_991.0 {
        return Err(arg.out_of_range("a safe integer"));
    }
    #[allow(clippy::cast_possible_truncation)]
    Ok(f as i64)
}

/// An array's items.
pub fn array<'a>(v: Val<'a>, arg: Arg<'_>) -> Result<List<'a>> {
    match v {
        Val::Array(items) => Ok(items),
        _ => Err(arg.wrong_type("an array", v.type_name())),
    }
}

/// Every item of an array converted by `item` (`name[i]` names the failing one).
pub fn list<'a, T>(v: Val<'a>, arg: Arg<'_>, item: impl Fn(Val<'a>, Arg<'_>) -> Result<T>) -> Result<Vec<T>> {
    let items = array(v, arg)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, x) in items.values().enumerate() {
        out.push(item(x?, Arg::new(arg.op, &format!("{}[{i}]", arg.name)))?);
    }
    Ok(out)
}

/// The `(key, value)` entries of a plain object (enumerable string keys, in JavaScript's
/// order), of a `Map` (insertion order) or of an array of `[key, value]` pairs (in order; a
/// key may repeat). A pair's key may be a number (a `Map<number, number>` of ratios), written
/// in its shortest round-trip form.
pub fn entries<'a>(v: Val<'a>, arg: Arg<'_>) -> Result<Vec<(Cow<'a, str>, Val<'a>)>> {
    let pair_key = |k: Val<'a>, at: Arg<'_>| -> Result<Cow<'a, str>> {
        match k {
            Val::Num(x) => Ok(Cow::Owned(x.to_string())),
            _ => string(k, at).map(Cow::Borrowed),
        }
    };
    let mut out = Vec::new();
    match v {
        Val::Object(props) => {
            out.reserve(props.len());
            for p in props.pairs() {
                let (k, val) = p?;
                out.push((Cow::Borrowed(string(k, arg)?), val));
            }
        }
        Val::Map(entries) => {
            for (i, e) in entries.pairs().enumerate() {
                let (k, val) = e?;
                let at = format!("{}[{i}]", arg.name);
                out.push((pair_key(k, Arg::new(arg.op, &at))?, val));
            }
        }
        Val::Array(pairs) => {
            for (i, pair) in pairs.values().enumerate() {
                let at = format!("{}[{i}]", arg.name);
                let at = Arg::new(arg.op, &at);
                let pair = array(pair?, at)?;
                if pair.len() != 2 {
                    return Err(at.invalid("expected a [key, value] pair"));
                }
                let mut kv = pair.values();
                let (Some(k), Some(val)) = (kv.next(), kv.next()) else { return Err(Malformed.into()) };
                out.push((pair_key(k?, at)?, val?));
            }
        }
        _ => return Err(arg.wrong_type("an object, a Map or [key, value] pairs", v.type_name())),
    }
    Ok(out)
}

/// The given `(key, value)` entries of an options object of `op`, each key one of `fields`
/// (camelCase): `undefined`/`null`/omitted options, and `undefined`/`null` values, are "not
/// given".
pub fn options<'a>(op: Operation, v: Val<'a>, fields: &[&str]) -> Result<Vec<(Cow<'a, str>, Val<'a>)>> {
    let arg = Arg::new(op, "options");
    let mut kept = Vec::new();
    match v {
        Val::Undefined | Val::Null => return Ok(kept),
        Val::Object(_) | Val::Map(_) => {}
        Val::Array(_) => return Err(arg.wrong_type("an options object", "an array")),
        _ => return Err(arg.wrong_type("an options object", v.type_name())),
    }
    for (key, value) in entries(v, arg)? {
        if !fields.contains(&key.as_ref()) {
            let message = format!(
                "options: unknown option {} (expected {})",
                imgsign::excerpt(&key),
                fields.join(", ")
            );
            // An option the operation does not have: the core's code for an unknown argument.
            return Err(Error::new(Arg::new(op, &key).code(), message));
        }
        if !value.is_nullish() {
            kept.push((key, value));
        }
    }
    Ok(kept)
}

/// Quality per device-pixel ratio: `{ "1": 80, "1.5": 60 }` or `new Map([[1, 80]])`.
pub fn variable_qualities(v: Val<'_>, arg: Arg<'_>) -> Result<Vec<(f64, i64)>> {
    let mut out = Vec::new();
    for (ratio, quality) in entries(v, arg)? {
        let at = format!("{}[{}]", arg.name, imgsign::excerpt(&ratio));
        let at = Arg::new(arg.op, &at);
        let r = ratio.trim().parse::<f64>().ok().filter(|_| !ratio.trim().is_empty());
        let r = r.ok_or_else(|| at.wrong_type("a number as the ratio", "another string"))?;
        out.push((r, integer(quality, at)?));
    }
    Ok(out)
}

/// A srcset width ([`imgsign::Width::from_number`]).
pub fn width(v: Val<'_>, arg: Arg<'_>) -> Result<imgsign::Width> {
    Ok(imgsign::Width::from_number(number(v, arg)?))
}

/// A param value: string (borrowed from the call's input), number, boolean, or
/// `null`/`undefined` (the param is dropped). `arg` names the param; it is only worded when
/// the value is refused.
fn param_value<'a>(v: Val<'a>, arg: impl FnOnce() -> String, op: Operation) -> Result<ParamRef<'a>> {
    Ok(match v {
        Val::Str(s) => ParamRef::Str(s),
        Val::Num(x) => ParamRef::from_number(x),
        Val::Bool(b) => ParamRef::Bool(b),
        Val::Null | Val::Undefined => ParamRef::Null,
        Val::IllFormed(_) => return Err(Arg::new(op, &arg()).ill_formed()),
        _ => {
            let expected = "a string, number, boolean, null or undefined";
            return Err(Arg::new(op, &arg()).wrong_type(expected, v.type_name()));
        }
    })
}

/// Params (an object, a `Map` or pairs; `null`/`undefined`/omitted is none), in order.
pub fn params<'a>(v: Val<'a>, arg: Arg<'_>) -> Result<Vec<(Cow<'a, str>, ParamRef<'a>)>> {
    let Some(v) = given(v) else { return Ok(Vec::new()) };
    if let Val::Object(props) = v {
        // The usual case in one pass, without the intermediate entries: the same errors as
        // below (a bad key before any bad value, then the first bad value).
        let mut out = Vec::with_capacity(props.len());
        let mut bad_value = None;
        for p in props.pairs() {
            let (k, val) = p?;
            let k = string(k, arg)?;
            let value = match bad_value {
                None => param_value(val, || format!("{}[{}]", arg.name, imgsign::excerpt(k)), arg.op),
                Some(_) => Ok(ParamRef::Null),
            };
            match value {
                Ok(value) => out.push((Cow::Borrowed(k), value)),
                Err(e) => bad_value = Some(e),
            }
        }
        return match bad_value {
            Some(e) => Err(e),
            None => Ok(out),
        };
    }
    let entries = entries(v, arg)?;
    let mut out = Vec::with_capacity(entries.len());
    for (k, val) in entries {
        let value = param_value(val, || format!("{}[{}]", arg.name, imgsign::excerpt(&k)), arg.op)?;
        out.push((k, value));
    }
    Ok(out)
}

/// Header pairs from a plain object (Node's `req.headers`), a `Map` or pairs. An array value
/// becomes one pair per element; `undefined` is skipped. Name matching is the core's.
pub fn headers<'a>(v: Val<'a>, arg: Arg<'_>) -> Result<Vec<(Cow<'a, str>, &'a str)>> {
    let mut out = Vec::new();
    for (i, (name, val)) in entries(v, arg)?.into_iter().enumerate() {
        let at = format!("{}[{i}]", arg.name);
        let at = Arg::new(arg.op, &at);
        match val {
            Val::Undefined => {}
            Val::Array(_) => out.extend(list(val, at, string)?.into_iter().map(|s| (name.clone(), s))),
            _ => out.push((name, string(val, at)?)),
        }
    }
    Ok(out)
}
