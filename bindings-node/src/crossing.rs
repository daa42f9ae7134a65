//! `_fast(call)`, the one function of this package registered by hand rather than by
//! `#[napi]`: the hot calls of `index.js` go through it (see [`crate::fast`]), so every
//! nanosecond of its crossing is paid on every `buildUrl`, `buildSrcset`, `signUrl`,
//! `verifyUrl` and `verify`, and every batch.
//!
//! Measured on Node 20 (`README.md`, "Performance"), the same call with a constant
//! 130-character result: through `#[napi]` with a `BufferSlice` argument and a `String`
//! result about 200-220 ns; by hand about 120 ns. The difference is napi-rs's generated
//! wrapper (its argument array, the `BufferSlice` conversion, which type-checks the value
//! and asks for its typed-array info, and the `String` result, which V8 decodes as UTF-8)
//! against one `napi_get_cb_info`, one `napi_get_buffer_info` and, since every URL the core
//! writes for these calls is normally ASCII, `napi_create_string_latin1` (a copy, no
//! decoding). A result with a non-ASCII byte (a path used as given) is created from UTF-8.
//!
//! Errors are napi-rs's own: a core error is thrown by `JsError::throw_into`, as the
//! `#[napi]` functions throw it, with the same `.code` and message. Anything this function
//! cannot read, and a panic, return `null`, and `index.js` then takes the regular path
//! (which answers the same thing, or throws).
#![allow(unsafe_code)]
// The unit tests build napi-rs without its registration: nothing calls `exports` there.
#![cfg_attr(test, allow(dead_code))]

use crate::fast::{self, Answer};
use napi::bindgen_prelude::{JsObjectValue, Object};
use napi::{Env, JsError, sys};
use napi_derive::napi;
use std::ptr;

/// `_fast(call: Buffer): string | string[] | null` (a batch's string: its URLs one after
/// another, their lengths written over the start of `call`).
unsafe extern "C" fn fast_call(env: sys::napi_env, info: sys::napi_callback_info) -> sys::napi_value {
    let mut argc = 1;
    let mut argv = [ptr::null_mut(); 1];
    let mut data = ptr::null_mut();
    let mut len = 0;
    // SAFETY: `env` and `info` are the ones Node passed to this callback; `argv` has room for
    // the `argc` (1) values asked for (Node fills the rest with `undefined`), and the `this`
    // and data pointers may be null. `napi_get_buffer_info` fails on anything but a Buffer or
    // typed array (`undefined` included), and writes its data pointer and byte length.
    let read = unsafe {
        sys::napi_get_cb_info(env, info, &mut argc, argv.as_mut_ptr(), ptr::null_mut(), ptr::null_mut())
            == sys::Status::napi_ok
            && sys::napi_get_buffer_info(env, argv[0], &mut data, &mut len) == sys::Status::napi_ok
    };
    if !read || data.is_null() {
        return null(env);
    }
    let answer = {
        // SAFETY: Node lends the Buffer's `len` bytes at `data` for the length of this call,
        // and no JavaScript runs before it returns, so nothing else writes them meanwhile.
        let call = unsafe { std::slice::from_raw_parts(data.cast::<u8>().cast_const(), len) };
        std::panic::catch_unwind(|| fast::run(call))
    };
    match answer {
        Ok(Some(Ok(Answer::One(text)))) => string(env, &text),
        Ok(Some(Ok(Answer::Many(texts)))) => {
            // SAFETY: as above; the answer owns its strings, so nothing borrows the bytes now.
            let call = unsafe { std::slice::from_raw_parts_mut(data.cast::<u8>(), len) };
            joined(env, &texts, call).unwrap_or_else(|| array(env, &texts))
        }
        Ok(Some(Err(e))) => {
            // SAFETY: `env` is this callback's; a thrown error leaves the result unused.
            unsafe { JsError::from(e).throw_into(env) };
            ptr::null_mut()
        }
        Ok(None) | Err(_) => null(env),
    }
}

/// A JavaScript string of `text`: one byte per character when it is ASCII.
fn string(env: sys::napi_env, text: &str) -> sys::napi_value {
    let mut out = ptr::null_mut();
    let len = isize::try_from(text.len()).unwrap_or(isize::MAX);
    let chars = text.as_ptr().cast();
    // SAFETY: `chars` points at `len` initialized bytes, which Node copies before returning;
    // ASCII is the same text read as Latin-1, anything else is read as the UTF-8 it is.
    let status = unsafe {
        if text.is_ascii() {
            sys::napi_create_string_latin1(env, chars, len, &mut out)
        } else {
            sys::napi_create_string_utf8(env, chars, len, &mut out)
        }
    };
    if status == sys::Status::napi_ok { out } else { ptr::null_mut() }
}

/// A JavaScript array of `texts`, each made by [`string`]; `null` when Node-API fails.
fn array(env: sys::napi_env, texts: &[String]) -> sys::napi_value {
    let mut out = ptr::null_mut();
    // SAFETY: `env` is the running callback's; `out` receives the new array.
    if unsafe { sys::napi_create_array_with_length(env, texts.len(), &mut out) } != sys::Status::napi_ok {
        return null(env);
    }
    for (i, text) in texts.iter().enumerate() {
        let item = string(env, text);
        let Ok(index) = u32::try_from(i) else { return null(env) };
        // SAFETY: `out` is the array made above and `item` a string of this callback (or
        // null, which `napi_set_element` refuses).
        if item.is_null() || unsafe { sys::napi_set_element(env, out, index, item) } != sys::Status::napi_ok {
            return null(env);
        }
    }
    out
}

/// The ASCII `texts` as one Latin-1 string, their lengths (`u32`, little-endian) written
/// over the start of `call` for `index.js` to cut it by. `None` when a text is not ASCII or
/// the lengths do not fit (then [`array`] answers).
fn joined(env: sys::napi_env, texts: &[String], call: &mut [u8]) -> Option<sys::napi_value> {
    if !texts.iter().all(|t| t.is_ascii()) || call.len() < 4 * texts.len() {
        return None;
    }
    if let [one] = texts {
        // One text needs no cutting (nor its length).
        return Some(string(env, one)).filter(|s| !s.is_null());
    }
    let mut all = Vec::with_capacity(texts.iter().map(String::len).sum());
    for (t, slot) in texts.iter().zip(call.chunks_exact_mut(4)) {
        all.extend_from_slice(t.as_bytes());
        slot.copy_from_slice(&u32::try_from(t.len()).ok()?.to_le_bytes());
    }
    let mut out = ptr::null_mut();
    let len = isize::try_from(all.len()).ok()?;
    // SAFETY: `all` holds `len` initialized bytes, which Node copies before returning.
    let status = unsafe { sys::napi_create_string_latin1(env, all.as_ptr().cast(), len, &mut out) };
    (status == sys::Status::napi_ok).then_some(out)
}

/// JavaScript `null`.
fn null(env: sys::napi_env) -> sys::napi_value {
    let mut out = ptr::null_mut();
    // SAFETY: `env` is the running callback's.
    unsafe { sys::napi_get_null(env, &mut out) };
    out
}

/// Adds `_fast` to the module's exports.
#[napi(module_exports)]
pub fn exports(mut exports: Object, env: Env) -> napi::Result<()> {
    exports.set_named_property("_fast", env.create_function::<(), ()>("_fast", fast_call)?)
}
