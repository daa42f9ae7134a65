//! JavaScript values into Rust values: type conversion only, every rule is the core's. A
//! wrong type, an ill-formed string or an unsafe integer is the core's error for the
//! argument it was given for (`Arg`).

use crate::error::{Arg, Result};
use imgsign::ParamValue;
use napi::JsString;
use napi::bindgen_prelude::{Array, FromNapiValue, Function, JsObjectValue, JsValue, Object, Unknown};
use napi::{Env, ValueType};

/// How a message names a JavaScript type (never the value).
pub fn type_name(t: ValueType) -> &'static str {
    match t {
        ValueType::Undefined => "undefined",
        ValueType::Null => "null",
        ValueType::Boolean => "a boolean",
        ValueType::Number => "a number",
        ValueType::String => "a string",
        ValueType::Symbol => "a symbol",
        ValueType::Object => "an object",
        ValueType::Function => "a function",
        _ => "an unsupported value",
    }
}

pub fn type_of(v: &Unknown<'_>, arg: Arg<'_>) -> Result<ValueType> {
    v.get_type().map_err(arg.host())
}

pub fn is_nullish(t: ValueType) -> bool {
    matches!(t, ValueType::Undefined | ValueType::Null)
}

/// An optional argument: omitted, `undefined` and `null` are all "not given".
pub fn given<'e>(v: Option<Unknown<'e>>, arg: Arg<'_>) -> Result<Option<Unknown<'e>>> {
    match v {
        Some(v) if !is_nullish(type_of(&v, arg)?) => Ok(Some(v)),
        _ => Ok(None),
    }
}

/// A well-formed string. napi hands strings over as UTF-8 with every lone surrogate replaced
/// by U+FFFD, so only a string holding U+FFFD is read again as UTF-16 to tell the two apart.
pub fn string(v: Unknown<'_>, arg: Arg<'_>) -> Result<String> {
    let t = type_of(&v, arg)?;
    if t != ValueType::String {
        return Err(arg.wrong_type("a string", type_name(t)));
    }
    let s = String::from_unknown(v).map_err(arg.host())?;
    if s.contains('\u{FFFD}') {
        let units = JsString::from_unknown(v).and_then(JsString::into_utf16).map_err(arg.host())?;
        units.as_str().map_err(|_| arg.ill_formed())?;
    }
    Ok(s)
}

pub fn number(v: Unknown<'_>, arg: Arg<'_>) -> Result<f64> {
    let t = type_of(&v, arg)?;
    if t != ValueType::Number {
        return Err(arg.wrong_type("a number", type_name(t)));
    }
    f64::from_unknown(v).map_err(arg.host())
}

pub fn boolean(v: Unknown<'_>, arg: Arg<'_>) -> Result<bool> {
    let t = type_of(&v, arg)?;
    if t != ValueType::Boolean {
        return Err(arg.wrong_type("a boolean", type_name(t)));
    }
    bool::from_unknown(v).map_err(arg.host())
}

/// A JS number that is an integer in the safe range (a timestamp, a width).
pub fn integer(v: Unknown<'_>, arg: Arg<'_>) -> Result<i64> {
    let f = number(v, arg)?;
    if !f.is_finite() || f.fract() != 0.0 || f.abs() > 9_007_199_254_740_991.0 {
        return Err(arg.out_of_range("a safe integer"));
    }
    #[allow(clippy::cast_possible_truncation)]
    Ok(f as i64)
}

fn is_array(v: &Unknown<'_>, arg: Arg<'_>) -> Result<bool> {
    v.is_array().map_err(arg.host())
}

/// The items of an array (a hole is an error naming its index).
pub fn array<'e>(v: Unknown<'e>, arg: Arg<'_>) -> Result<Vec<Unknown<'e>>> {
    let t = type_of(&v, arg)?;
    if t != ValueType::Object || !is_array(&v, arg)? {
        return Err(arg.wrong_type("an array", type_name(t)));
    }
    let a = Array::from_unknown(v).map_err(arg.host())?;
    items(&a, arg)
}

fn items<'e>(a: &Array<'e>, arg: Arg<'_>) -> Result<Vec<Unknown<'e>>> {
    (0..a.len())
        .map(|i| {
            a.get::<Unknown>(i).map_err(arg.host())?.ok_or_else(|| arg.invalid(format!("[{i}] is missing")))
        })
        .collect()
}

/// Every item of an array converted by `item` (`name[i]` names the failing one).
pub fn list<T>(v: Unknown<'_>, arg: Arg<'_>, item: fn(Unknown<'_>, Arg<'_>) -> Result<T>) -> Result<Vec<T>> {
    array(v, arg)?
        .into_iter()
        .enumerate()
        .map(|(i, x)| item(x, Arg::new(arg.op, &format!("{}[{i}]", arg.name))))
        .collect()
}

/// `(key, value)` entries of a plain object (own enumerable string keys, in JS order), of a
/// `Map` (insertion order) or of an array of `[key, value]` pairs (in order; a key may
/// repeat). A pair's key may be a number (a `Map<number, number>` of ratios), written in its
/// shortest round-trip form.
pub fn entries<'e>(env: &Env, v: Unknown<'e>, arg: Arg<'_>) -> Result<Vec<(String, Unknown<'e>)>> {
    let t = type_of(&v, arg)?;
    if t != ValueType::Object {
        return Err(arg.wrong_type("an object, a Map or [key, value] pairs", type_name(t)));
    }
    if is_array(&v, arg)? {
        return pairs(&Array::from_unknown(v).map_err(arg.host())?, arg);
    }
    let obj = Object::from_unknown(v).map_err(arg.host())?;
    let names = Array::from_unknown(obj.get_property_names().map_err(arg.host())?.to_unknown())
        .map_err(arg.host())?;
    // A Map has no own enumerable keys: only then is the (slower) Map check needed.
    if names.len() == 0 && is_map(env, v, arg)? {
        return pairs(&map_pairs(env, v, arg)?, arg);
    }
    let mut out = Vec::with_capacity(names.len() as usize);
    for name in items(&names, arg)? {
        // The value is read by the key napi gave, not by a re-encoded name.
        let value: Unknown = obj.get_property(name).map_err(arg.host())?;
        out.push((string(name, arg)?, value));
    }
    Ok(out)
}

fn is_map(env: &Env, v: Unknown<'_>, arg: Arg<'_>) -> Result<bool> {
    let global = env.get_global().map_err(arg.host())?;
    let map: Unknown = global.get_named_property_unchecked("Map").map_err(arg.host())?;
    v.instanceof(map).map_err(arg.host())
}

/// `Array.from(map)`: its `[key, value]` pairs.
fn map_pairs<'e>(env: &Env, v: Unknown<'e>, arg: Arg<'_>) -> Result<Array<'e>> {
    let array: Object =
        env.get_global().and_then(|g| g.get_named_property_unchecked("Array")).map_err(arg.host())?;
    let from: Function<Unknown, Array> = array.get_named_property_unchecked("from").map_err(arg.host())?;
    from.apply(array, v).map_err(arg.host())
}

fn pairs<'e>(a: &Array<'e>, arg: Arg<'_>) -> Result<Vec<(String, Unknown<'e>)>> {
    items(a, arg)?
        .into_iter()
        .enumerate()
        .map(|(i, pair)| {
            let at = format!("{}[{i}]", arg.name);
            let at = Arg::new(arg.op, &at);
            let (Ok([k, v]) | Err([k, v])) = <[Unknown; 2]>::try_from(array(pair, at)?)
                .map_err(|_| at.invalid("expected a [key, value] pair"))
                .map(Ok)?;
            let key = if type_of(&k, at)? == ValueType::Number {
                number(k, at)?.to_string()
            } else {
                string(k, at)?
            };
            Ok((key, v))
        })
        .collect()
}

/// A JavaScript number as the core's value ([`imgsign::ParamRef::from_number`]).
pub fn number_value(f: f64) -> ParamValue {
    imgsign::ParamRef::from_number(f).into()
}

/// A param value: string, number, boolean, or `null`/`undefined` (the param is dropped).
pub fn param_value(v: Unknown<'_>, arg: Arg<'_>) -> Result<ParamValue> {
    Ok(match type_of(&v, arg)? {
        ValueType::String => ParamValue::Str(string(v, arg)?),
        ValueType::Number => number_value(number(v, arg)?),
        ValueType::Boolean => ParamValue::Bool(boolean(v, arg)?),
        ValueType::Null | ValueType::Undefined => ParamValue::Null,
        t => return Err(arg.wrong_type("a string, number, boolean, null or undefined", type_name(t))),
    })
}

/// Params (an object, a `Map` or pairs; `null`/`undefined`/omitted is none), in order.
pub fn params(env: &Env, v: Option<Unknown<'_>>, arg: Arg<'_>) -> Result<Vec<(String, ParamValue)>> {
    let Some(v) = given(v, arg)? else { return Ok(Vec::new()) };
    entries(env, v, arg)?
        .into_iter()
        .map(|(k, val)| {
            let at = format!("{}[{}]", arg.name, imgsign::excerpt(&k));
            Ok((k, param_value(val, Arg::new(arg.op, &at))?))
        })
        .collect()
}

/// Header pairs from a plain object (Node's `req.headers`) or a `Map`. An array value (Node
/// gives some repeated headers as arrays) becomes one pair per element; `undefined` is
/// skipped. Name matching is the core's.
pub fn headers(env: &Env, v: Unknown<'_>, arg: Arg<'_>) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for (i, (name, val)) in entries(env, v, arg)?.into_iter().enumerate() {
        let at = format!("{}[{i}]", arg.name);
        let at = Arg::new(arg.op, &at);
        match type_of(&val, at)? {
            ValueType::Undefined => {}
            ValueType::Object if is_array(&val, at)? => {
                out.extend(list(val, at, string)?.into_iter().map(|s| (name.clone(), s)));
            }
            _ => out.push((name, string(val, at)?)),
        }
    }
    Ok(out)
}
