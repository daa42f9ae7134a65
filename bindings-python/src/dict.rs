//! The pairs of a `dict` for the hot calls, by `PyDict_Next` itself.
//!
//! PyO3's dict iterator asks for the dict's size before every item (a function call under
//! the limited API) to detect a change during iteration; here nothing runs between two
//! items, so one loop of `PyDict_Next` reads them, each pair taken as owned references at
//! once (so that they outlive anything that might change the dict later in the call).
#![allow(unsafe_code)]

use crate::convert::Items;
use pyo3::prelude::*;
use pyo3::{ffi, types::PyDict};
use std::ptr;

/// Appends the pairs of `dict` to `items`, in order.
pub fn items<'py>(dict: &Bound<'py, PyDict>, items: &mut Items<'py>) {
    each(dict, |pair| items.push(pair));
}

/// Gives each pair of `dict` to `f`, in order, as owned references.
pub fn each<'py>(dict: &Bound<'py, PyDict>, mut f: impl FnMut((Bound<'py, PyAny>, Bound<'py, PyAny>))) {
    let py = dict.py();
    let mut pos: ffi::Py_ssize_t = 0;
    let mut key = ptr::null_mut();
    let mut value = ptr::null_mut();
    // SAFETY: `dict` is a live dict and the GIL is held (`py`). `PyDict_Next` returns
    // nonzero with `key` and `value` set to non-null borrowed references, which are made
    // owned references (an incref each) before anything else runs; no Python code runs
    // between two calls, so the dict is not changed while it is iterated.
    while unsafe { ffi::PyDict_Next(dict.as_ptr(), &mut pos, &mut key, &mut value) } != 0 {
        // SAFETY: see above.
        f(unsafe { (Bound::from_borrowed_ptr(py, key), Bound::from_borrowed_ptr(py, value)) });
    }
}
