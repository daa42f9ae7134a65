//! Python values into Rust values: type conversion only, every rule is the core's. A `bool`
//! is never taken for an `int` (or a float), and a `str` with a lone surrogate is the
//! coded error of its argument.

use crate::errors::{Arg, OrRaise};
use imgsign::{ParamRef, ParamValue};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyString};
use smallvec::SmallVec;

/// A value that is present: `None` is "not given".
fn given<'a, 'py>(obj: Option<&'a Bound<'py, PyAny>>) -> Option<&'a Bound<'py, PyAny>> {
    obj.filter(|o| !o.is_none())
}

pub fn str_arg(obj: &Bound<'_, PyAny>, arg: Arg<'_>) -> PyResult<String> {
    str_ref(obj, arg).map(str::to_owned)
}

/// A `str` borrowed as UTF-8 (CPython 3.10+ lends it without a copy).
pub fn str_ref<'a>(obj: &'a Bound<'_, PyAny>, arg: Arg<'_>) -> PyResult<&'a str> {
    let s = obj.cast::<PyString>().map_err(|_| arg.wrong_type(obj, "a str"))?;
    s.to_str().map_err(|_| arg.ill_formed(obj.py()))
}

pub fn opt_str(obj: Option<&Bound<'_, PyAny>>, arg: Arg<'_>) -> PyResult<Option<String>> {
    given(obj).map(|o| str_arg(o, arg)).transpose()
}

/// An `int` (not a `bool`) as i64.
pub fn int_arg(obj: &Bound<'_, PyAny>, arg: Arg<'_>) -> PyResult<i64> {
    if obj.is_instance_of::<PyBool>() || !obj.is_instance_of::<PyInt>() {
        return Err(arg.wrong_type(obj, "an int"));
    }
    obj.extract::<i64>().map_err(|_| arg.out_of_range(obj.py(), "a 64-bit integer"))
}

pub fn opt_int(obj: Option<&Bound<'_, PyAny>>, arg: Arg<'_>) -> PyResult<Option<i64>> {
    given(obj).map(|o| int_arg(o, arg)).transpose()
}

/// An `int` or `float` (not a `bool`) as f64.
pub fn float_arg(obj: &Bound<'_, PyAny>, arg: Arg<'_>) -> PyResult<f64> {
    if obj.is_instance_of::<PyBool>() || !(obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyFloat>()) {
        return Err(arg.wrong_type(obj, "a number"));
    }
    obj.extract::<f64>().map_err(|_| arg.out_of_range(obj.py(), "a float"))
}

/// A srcset width: an `int` as an integer, a `float` as a float (not a `bool`).
pub fn width_arg(obj: &Bound<'_, PyAny>, arg: Arg<'_>) -> PyResult<imgsign::Width> {
    if obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<PyBool>() {
        return int_arg(obj, arg).map(imgsign::Width::Int);
    }
    float_arg(obj, arg).map(imgsign::Width::Float)
}

pub fn opt_float(obj: Option<&Bound<'_, PyAny>>, arg: Arg<'_>) -> PyResult<Option<f64>> {
    given(obj).map(|o| float_arg(o, arg)).transpose()
}

pub fn opt_bool(obj: Option<&Bound<'_, PyAny>>, arg: Arg<'_>) -> PyResult<Option<bool>> {
    let Some(obj) = given(obj) else { return Ok(None) };
    obj.cast::<PyBool>().map(|b| Some(b.is_true())).map_err(|_| arg.wrong_type(obj, "a bool"))
}

/// The items of an iterable that is not a `str` (`name[i]` names the failing one).
pub fn seq<'py>(obj: &Bound<'py, PyAny>, arg: Arg<'_>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if obj.is_instance_of::<PyString>() {
        return Err(arg.wrong_type(obj, "a sequence"));
    }
    let iter = obj.try_iter().map_err(|_| arg.wrong_type(obj, "a sequence"))?;
    iter.collect()
}

/// The `str` items of `items` borrowed as UTF-8 (a failing one is named `name[i]`, as
/// [`list`] names it; the name is only written for an error).
pub fn str_refs<'a>(items: &'a [Bound<'_, PyAny>], arg: Arg<'_>) -> PyResult<Vec<&'a str>> {
    items
        .iter()
        .enumerate()
        .map(|(i, x)| str_ref(x, arg).or_else(|_| str_ref(x, arg.part(&format!("{}[{i}]", arg.name)))))
        .collect()
}

/// Runs a batch of `n` items in the core, releasing the GIL while it works when the batch is
/// long enough: a short one takes less time than releasing and taking it back (about
/// 150 ns), as a single call does.
pub fn batch<T: Send>(
    py: Python<'_>,
    n: usize,
    run: impl FnOnce() -> imgsign::Result<T> + Send,
) -> PyResult<T> {
    if n >= 16 { py.detach(run) } else { run() }.or_raise(py)
}

/// Every item of a sequence converted by `item`, each named `name[i]`.
pub fn list<T>(
    obj: &Bound<'_, PyAny>,
    arg: Arg<'_>,
    item: fn(&Bound<'_, PyAny>, Arg<'_>) -> PyResult<T>,
) -> PyResult<Vec<T>> {
    seq(obj, arg)?.iter().enumerate().map(|(i, x)| item(x, arg.part(&format!("{}[{i}]", arg.name)))).collect()
}

pub fn opt_list<T>(
    obj: Option<&Bound<'_, PyAny>>,
    arg: Arg<'_>,
    item: fn(&Bound<'_, PyAny>, Arg<'_>) -> PyResult<T>,
) -> PyResult<Option<Vec<T>>> {
    given(obj).map(|o| list(o, arg, item)).transpose()
}

/// A Mapping's `items()` or an iterable of `(key, value)` pairs, in order.
pub fn pairs<'py>(
    obj: &Bound<'py, PyAny>,
    arg: Arg<'_>,
) -> PyResult<Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)>> {
    if let Ok(dict) = obj.cast::<PyDict>() {
        return Ok(dict.iter().collect());
    }
    let expected = "a mapping or (key, value) pairs";
    let items = if obj.hasattr("items")? { obj.call_method0("items")? } else { obj.clone() };
    if items.is_instance_of::<PyString>() {
        return Err(arg.wrong_type(obj, expected));
    }
    let iter = items.try_iter().map_err(|_| arg.wrong_type(obj, expected))?;
    let mut out = Vec::new();
    for (i, item) in iter.enumerate() {
        let item = item?;
        let pair = item
            .extract()
            .map_err(|_| arg.invalid(obj.py(), format!("[{i}]: expected a (key, value) pair")))?;
        out.push(pair);
    }
    Ok(out)
}

/// A param value: `str`, `int`, `float`, `bool` (written `true`/`false`) or None (dropped).
fn param_value(v: &Bound<'_, PyAny>, arg: Arg<'_>) -> PyResult<ParamValue> {
    if v.is_none() {
        Ok(ParamValue::Null)
    } else if let Ok(b) = v.cast::<PyBool>() {
        Ok(ParamValue::Bool(b.is_true()))
    } else if v.is_instance_of::<PyInt>() {
        int_arg(v, arg).map(ParamValue::Int)
    } else if let Ok(f) = v.cast::<PyFloat>() {
        Ok(ParamValue::Float(f.value()))
    } else if v.is_instance_of::<PyString>() {
        str_arg(v, arg).map(ParamValue::Str)
    } else {
        Err(arg.wrong_type(v, "str, int, float, bool or None"))
    }
}

/// `Mapping[str, str | int | float | bool | None]` or pairs (None: no params), in order.
pub fn params(obj: Option<&Bound<'_, PyAny>>, arg: Arg<'_>) -> PyResult<Vec<(String, ParamValue)>> {
    let Some(obj) = given(obj) else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for (i, (k, v)) in pairs(obj, arg)?.iter().enumerate() {
        let key = str_arg(k, arg.part(&format!("{}[{i}]", arg.name)))?;
        let at = format!("{}[{}]", arg.name, imgsign::excerpt(&key));
        out.push((key, param_value(v, arg.part(&at))?));
    }
    Ok(out)
}

/// The pairs of a `dict` of params as a hot call reads them: on the stack up to eight.
pub type Items<'py> = SmallVec<[(Bound<'py, PyAny>, Bound<'py, PyAny>); 8]>;

/// Params borrowed from [`Items`], on the stack up to eight.
pub type Borrowed<'a> = SmallVec<[(&'a str, ParamRef<'a>); 8]>;

/// Reads `obj`, when it is a `dict`, into `items`; false when it is not one (None included).
pub fn dict_items<'py>(obj: Option<&Bound<'py, PyAny>>, items: &mut Items<'py>) -> bool {
    let Some(dict) = given(obj).and_then(|o| o.cast::<PyDict>().ok()) else { return false };
    crate::dict::items(dict, items);
    true
}

/// Borrows `items` into `out` as params, without a copy of any string or any error text made
/// up front; false when a pair needs [`params`] (which also words its error).
pub fn borrowed_params<'a>(
    items: &'a [(Bound<'_, PyAny>, Bound<'_, PyAny>)],
    out: &mut Borrowed<'a>,
) -> bool {
    for (k, v) in items {
        let (Some(k), Some(v)) = (borrowed_str(k), borrowed_value(v)) else { return false };
        out.push((k, v));
    }
    true
}

/// A `str` borrowed as UTF-8: the exact type by a pointer comparison, a subclass by the
/// type's flags.
#[inline]
fn borrowed_str<'a>(v: &'a Bound<'_, PyAny>) -> Option<&'a str> {
    match v.cast_exact::<PyString>() {
        Ok(s) => s.to_str().ok(),
        Err(_) => v.cast::<PyString>().ok()?.to_str().ok(),
    }
}

/// A param value as [`param_value`] reads it, borrowed; None for anything it would refuse.
/// The exact types come first (a pointer comparison each); `bool` is never an exact `int`.
#[inline]
fn borrowed_value<'a>(v: &'a Bound<'_, PyAny>) -> Option<ParamRef<'a>> {
    if let Ok(s) = v.cast_exact::<PyString>() {
        s.to_str().ok().map(ParamRef::Str)
    } else if v.is_exact_instance_of::<PyInt>() {
        v.extract::<i64>().ok().map(ParamRef::Int)
    } else if v.is_none() {
        Some(ParamRef::Null)
    } else if let Ok(b) = v.cast::<PyBool>() {
        Some(ParamRef::Bool(b.is_true()))
    } else if let Ok(f) = v.cast_exact::<PyFloat>() {
        Some(ParamRef::Float(f.value()))
    } else if let Ok(s) = v.cast::<PyString>() {
        s.to_str().ok().map(ParamRef::Str)
    } else if v.is_instance_of::<PyInt>() {
        v.extract::<i64>().ok().map(ParamRef::Int)
    } else if let Ok(f) = v.cast::<PyFloat>() {
        Some(ParamRef::Float(f.value()))
    } else {
        None
    }
}

/// Headers as a `Mapping[str, str]` or `(name, value)` pairs, in order.
pub fn headers(obj: &Bound<'_, PyAny>, arg: Arg<'_>) -> PyResult<Vec<(String, String)>> {
    pairs(obj, arg)?
        .iter()
        .enumerate()
        .map(|(i, (k, v))| {
            let at = format!("{}[{i}]", arg.name);
            Ok((str_arg(k, arg.part(&at))?, str_arg(v, arg.part(&at))?))
        })
        .collect()
}

/// Quality per device-pixel ratio: a mapping or `(ratio, quality)` pairs.
pub fn variable_qualities(obj: Option<&Bound<'_, PyAny>>, arg: Arg<'_>) -> PyResult<Option<Vec<(f64, i64)>>> {
    let Some(obj) = given(obj) else { return Ok(None) };
    let items = pairs(obj, arg)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, (ratio, quality)) in items.iter().enumerate() {
        let at = format!("{}[{i}]", arg.name);
        out.push((float_arg(ratio, arg.part(&at))?, int_arg(quality, arg.part(&at))?));
    }
    Ok(Some(out))
}
