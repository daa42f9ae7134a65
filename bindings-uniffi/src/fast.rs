//! A byte-array fast path for the hottest Kotlin calls, outside UniFFI's interface.
//!
//! A warmed UniFFI call from the JVM spends most of its time on JNA `Structure`s: every
//! `RustBuffer` argument and result and every call status is one, and a string argument
//! takes two more crossings (`rustbuffer_alloc`, `rustbuffer_free`). These few plain
//! `extern "C"` functions take UTF-8 bytes and write the result into a byte array the caller
//! owns, so that Kotlin (JNA direct mapping, `FastPath.kt`) crosses once with primitive
//! arrays. They convert and call the very same exported methods as the UniFFI path, and
//! decide nothing. A method's error comes back on this path too, written exactly as UniFFI
//! writes an `ImgsignError` (its variant index and message), so the Kotlin wrapper raises it
//! with the generated converter: the same coded `ImgsignException`, without repeating the
//! work (a forged URL used to cost its check twice plus a UniFFI call, about 100 times a
//! valid one). Only a caught panic or an unknown handle returns [`FALLBACK`], and the wrapper
//! repeats the call through UniFFI. Swift does not use them; they are not part of the UniFFI
//! interface, so the generated sources do not change.
//!
//! Contract of every function: the object argument is a handle the Kotlin wrapper owns (a
//! clone of the generated class's handle, `Arc::into_raw` of the object, taken once when the
//! wrapper is made and freed by [`imgsign_fast_free_signer`] / [`imgsign_fast_free_url_builder`]
//! when it is collected; the wrapper stays reachable for the whole call); `(ptr, len)` pairs are byte arrays of that length; `out` holds `out_cap`
//! bytes. The return value is the result's length in bytes, written to `out` when it fits
//! and otherwise kept for [`imgsign_fast_take`] (nothing is computed twice); [`ERROR`] minus
//! the length of an error kept for [`imgsign_fast_take`]; or [`FALLBACK`].
#![allow(unsafe_code)]

use crate::types::{InputString, Param, ParamValue};
use crate::{ImgsignError, Signer, UrlBuilder};
use std::cell::RefCell;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// "Repeat the call through UniFFI": a caught panic or an unknown handle.
pub const FALLBACK: i32 = -1;

/// An error: `ERROR - n` means the method failed and its `ImgsignError`, lowered as UniFFI
/// lowers it (`n` bytes), waits for [`imgsign_fast_take`].
pub const ERROR: i32 = -2;

thread_local! {
    /// The answer of this thread's last call that did not go into `out`: a result longer
    /// than `out`, or a lowered error. Taken (and cleared) by [`imgsign_fast_take`]; it never
    /// holds a key (results are URLs, and messages never contain secrets).
    static PENDING: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Keeps `bytes` for [`imgsign_fast_take`]; false when this thread's storage is gone.
fn pend(bytes: Vec<u8>) -> bool {
    PENDING.try_with(|p| p.try_borrow_mut().map(|mut p| *p = bytes).is_ok()).unwrap_or(false)
}

/// The return value for a failed method: its error kept, as UniFFI would lower it.
fn failed(e: ImgsignError) -> i32 {
    let bytes = <ImgsignError as uniffi::LowerError<crate::UniFfiTag>>::lower_error(e).destroy_into_vec();
    match i32::try_from(bytes.len()).ok().and_then(|n| ERROR.checked_sub(n)) {
        Some(code) if pend(bytes) => code,
        _ => FALLBACK,
    }
}

/// Copies the kept answer into `out` and clears it; its length, or [`FALLBACK`] when
/// nothing is kept or `out` is smaller than the answer (which stays kept).
///
/// # Safety
/// `out` points to at least `out_cap` writable bytes (or is null).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn imgsign_fast_take(out: *mut u8, out_cap: i32) -> i32 {
    let take = || -> Option<i32> {
        PENDING
            .try_with(|p| {
                let mut p = p.try_borrow_mut().ok()?;
                let len = i32::try_from(p.len()).ok()?;
                if p.is_empty() || len > out_cap || out.is_null() {
                    return None;
                }
                // SAFETY: `out` holds `out_cap >= len` bytes, and the kept bytes are this
                // module's own allocation, which cannot overlap the caller's array.
                unsafe { std::ptr::copy_nonoverlapping(p.as_ptr(), out, p.len()) };
                *p = Vec::new();
                Some(len)
            })
            .ok()
            .flatten()
    };
    catch_unwind(take).ok().flatten().unwrap_or(FALLBACK)
}

/// The object behind a handle of the generated bindings, borrowed for the call.
///
/// # Safety
/// `handle` is 0 or a live handle of a `T` (UniFFI's `Handle::from_arc`) that the caller keeps
/// alive until the borrow ends.
unsafe fn object<'a, T>(handle: u64) -> Option<&'a T> {
    // SAFETY: by the contract above, a non-zero handle is `Arc::into_raw` of a live `T`.
    unsafe { (handle as usize as *const T).as_ref() }
}

/// The `len` bytes at `ptr`.
///
/// # Safety
/// `ptr` points to at least `len` readable bytes (or `len` is 0), unchanged while borrowed.
unsafe fn slice<'a>(ptr: *const u8, len: i32) -> Option<&'a [u8]> {
    let len = usize::try_from(len).ok()?;
    if len == 0 {
        return Some(&[]);
    }
    if ptr.is_null() {
        return None;
    }
    // SAFETY: by the contract above.
    Some(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// The `len` bytes at `ptr` as a string argument (UTF-8 is checked where UniFFI's is).
///
/// # Safety
/// As [`slice`].
unsafe fn input(ptr: *const u8, len: i32) -> Option<InputString> {
    // SAFETY: by the contract of `slice`.
    unsafe { slice(ptr, len) }.map(|b| InputString::from_bytes(b.to_vec()))
}

/// Runs `f` (no unwinding crosses the C boundary) and writes its string into `out`, or
/// keeps it (too long for `out`) or its error for [`imgsign_fast_take`]. `f` gives None for
/// an unknown handle.
///
/// # Safety
/// `out` points to at least `out_cap` writable bytes (or is null).
unsafe fn answer(
    out: *mut u8,
    out_cap: i32,
    f: impl FnOnce() -> Option<Result<String, ImgsignError>>,
) -> i32 {
    let s = match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Some(Ok(s))) => s,
        Ok(Some(Err(e))) => return failed(e),
        _ => return FALLBACK,
    };
    let Ok(len) = i32::try_from(s.len()) else { return FALLBACK };
    if len <= out_cap && !out.is_null() {
        // SAFETY: `out` holds `out_cap >= len` bytes, and a fresh `String` cannot overlap it.
        unsafe { std::ptr::copy_nonoverlapping(s.as_ptr(), out, s.len()) };
    } else if !pend(s.into_bytes()) {
        return FALLBACK;
    }
    len
}

/// Frees a handle of a `T` (`Arc::into_raw`); 0 is ignored.
///
/// # Safety
/// `handle` is 0 or a handle of a `T` that nothing uses afterwards.
unsafe fn free<T>(handle: u64) {
    if handle != 0 {
        // SAFETY: by the contract above, this is the handle's one and last use.
        drop(unsafe { std::sync::Arc::from_raw(handle as usize as *const T) });
    }
}

/// Frees the wrapper's own `Signer` handle.
///
/// # Safety
/// See [`free`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn imgsign_fast_free_signer(signer: u64) {
    // SAFETY: the caller keeps to the contract of `free`.
    unsafe { free::<Signer>(signer) }
}

/// Frees the wrapper's own `UrlBuilder` handle.
///
/// # Safety
/// See [`free`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn imgsign_fast_free_url_builder(builder: u64) {
    // SAFETY: the caller keeps to the contract of `free`.
    unsafe { free::<UrlBuilder>(builder) }
}

/// `Signer::sign_url(url)` without expiry or values.
///
/// # Safety
/// See the module's contract.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn imgsign_fast_sign_url(
    signer: u64,
    url: *const u8,
    url_len: i32,
    out: *mut u8,
    out_cap: i32,
) -> i32 {
    // SAFETY: the caller keeps to the module's contract.
    unsafe {
        answer(out, out_cap, || {
            let url = input(url, url_len)?;
            Some(object::<Signer>(signer)?.sign_url(url, None, None, None, HashMap::new()))
        })
    }
}

/// `Signer::verify_url(url, now)` (`target` 0) or `Signer::verify(target, now)` (`target` 1)
/// without values; `now` is given when `has_now` is 1. Returns 0 when it verifies, and
/// otherwise as the module says (the failing check kept).
///
/// # Safety
/// See the module's contract.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn imgsign_fast_verify(
    signer: u64,
    target: i32,
    has_now: i32,
    now: i64,
    url: *const u8,
    url_len: i32,
) -> i32 {
    let run = || -> Option<Result<(), ImgsignError>> {
        // SAFETY: the caller keeps to the module's contract.
        let (signer, url) = unsafe { (object::<Signer>(signer)?, input(url, url_len)?) };
        let now = (has_now == 1).then_some(now);
        match target {
            0 => Some(signer.verify_url(url, now, HashMap::new())),
            1 => Some(signer.verify(url, now, HashMap::new())),
            _ => None,
        }
    };
    match catch_unwind(AssertUnwindSafe(run)) {
        Ok(Some(Ok(()))) => 0,
        Ok(Some(Err(e))) => failed(e),
        _ => FALLBACK,
    }
}

/// `UrlBuilder::build_url(path, params)`; `params` packed by `FastPath.kt` (see [`unpack`]).
///
/// # Safety
/// See the module's contract.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn imgsign_fast_build_url(
    builder: u64,
    path: *const u8,
    path_len: i32,
    params: *const u8,
    params_len: i32,
    out: *mut u8,
    out_cap: i32,
) -> i32 {
    // SAFETY: the caller keeps to the module's contract.
    unsafe {
        answer(out, out_cap, || {
            let path = input(path, path_len)?;
            let params = unpack(slice(params, params_len)?)?;
            Some(object::<UrlBuilder>(builder)?.build_url(path, params, None))
        })
    }
}

/// Params packed in order, each `key` then a tag and its value: `S` string, `I` i64 (little
/// endian), `F` f64 bits (little endian), `B` one byte 0/1, `N` null; a string is its byte
/// length (u32, little endian) then its UTF-8 bytes. None when the packing is malformed.
fn unpack(mut b: &[u8]) -> Option<Vec<Param>> {
    fn chunk<const N: usize>(b: &mut &[u8]) -> Option<[u8; N]> {
        let (head, rest) = b.split_first_chunk::<N>()?;
        *b = rest;
        Some(*head)
    }
    fn string(b: &mut &[u8]) -> Option<InputString> {
        let len = usize::try_from(u32::from_le_bytes(chunk(b)?)).ok()?;
        let (s, rest) = b.split_at_checked(len)?;
        *b = rest;
        Some(InputString::from_bytes(s.to_vec()))
    }
    let mut params = Vec::new();
    while !b.is_empty() {
        let key = string(&mut b)?;
        let value = match chunk::<1>(&mut b)? {
            [b'S'] => ParamValue::Str { value: string(&mut b)? },
            [b'I'] => ParamValue::Int { value: i64::from_le_bytes(chunk(&mut b)?) },
            [b'F'] => ParamValue::Float { value: f64::from_bits(u64::from_le_bytes(chunk(&mut b)?)) },
            [b'B'] => ParamValue::Bool { value: chunk::<1>(&mut b)? == [1] },
            [b'N'] => ParamValue::Null,
            _ => return None,
        };
        params.push(Param { key, value });
    }
    Some(params)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use std::sync::Arc;

    /// The handle the generated bindings hold, made the way UniFFI lowers an object.
    fn handle<T>(object: Arc<T>) -> u64
    where
        Arc<T>: uniffi::Lower<crate::UniFfiTag, FfiType = uniffi::Handle>,
    {
        <Arc<T> as uniffi::Lower<crate::UniFfiTag>>::lower(object).as_raw()
    }

    /// Calls `f` with no room for the result, then takes the kept result (computed once).
    fn call(f: impl FnOnce(*mut u8, i32) -> i32) -> Option<String> {
        let n = f(std::ptr::null_mut(), 0);
        let mut out = vec![0u8; usize::try_from(n).ok()?];
        assert_eq!(unsafe { imgsign_fast_take(out.as_mut_ptr(), n) }, n);
        // Taken once: nothing is kept afterwards.
        assert_eq!(unsafe { imgsign_fast_take(out.as_mut_ptr(), n) }, FALLBACK);
        Some(String::from_utf8(out).unwrap())
    }

    /// The kept error of a call that returned `code`, as bytes.
    fn kept_error(code: i32) -> Vec<u8> {
        assert!(code <= ERROR, "{code}");
        let n = ERROR - code;
        let mut out = vec![0u8; usize::try_from(n).unwrap()];
        if n > 0 {
            // Too small an array leaves it kept.
            assert_eq!(unsafe { imgsign_fast_take(out.as_mut_ptr(), n - 1) }, FALLBACK);
        }
        assert_eq!(unsafe { imgsign_fast_take(out.as_mut_ptr(), n) }, n);
        out
    }

    /// An error as UniFFI lowers it for Kotlin.
    fn lowered(e: ImgsignError) -> Vec<u8> {
        <ImgsignError as uniffi::LowerError<crate::UniFfiTag>>::lower_error(e).destroy_into_vec()
    }

    #[test]
    fn the_fast_path_answers_as_the_uniffi_methods_do() {
        let signer =
            Signer::new("imgix".into(), "FOO123bar".into(), vec![], None, vec![], HashMap::new()).unwrap();
        let url = "https://demo.imgix.net/a.png?w=1";
        let expected = signer.sign_url(url.into(), None, None, None, HashMap::new()).unwrap();
        let h = handle(signer.clone());
        assert_eq!(Arc::strong_count(&signer), 2);
        let got =
            call(|out, cap| unsafe { imgsign_fast_sign_url(h, url.as_ptr(), url.len() as i32, out, cap) });
        assert_eq!(got.as_deref(), Some(expected.as_str()));
        let ok = unsafe { imgsign_fast_verify(h, 0, 0, 0, expected.as_ptr(), expected.len() as i32) };
        assert_eq!(ok, 0);
        // A failed check comes back as the UniFFI method's error, in UniFFI's own bytes.
        let tampered = expected.replace("w=1", "w=2");
        let bad = unsafe { imgsign_fast_verify(h, 0, 0, 0, tampered.as_ptr(), tampered.len() as i32) };
        let want = signer.verify_url(tampered.as_str().into(), None, HashMap::new()).unwrap_err();
        assert!(matches!(want, ImgsignError::SignatureMismatch { .. }), "{want:?}");
        assert_eq!(kept_error(bad), lowered(want));
        let target = &tampered["https://demo.imgix.net".len()..];
        let bad = unsafe { imgsign_fast_verify(h, 1, 1, 0, target.as_ptr(), target.len() as i32) };
        let want = signer.verify(target.into(), Some(0), HashMap::new()).unwrap_err();
        assert_eq!(kept_error(bad), lowered(want));
        // So does a bad argument (a lone surrogate, which Kotlin encodes as its own bytes).
        let lone = [0xED, 0xA0, 0x80];
        let r = unsafe { imgsign_fast_sign_url(h, lone.as_ptr(), 3, std::ptr::null_mut(), 0) };
        let want = signer.sign_url(InputString::from_bytes(lone.to_vec()), None, None, None, HashMap::new());
        assert_eq!(kept_error(r), lowered(want.unwrap_err()));
        // An unknown handle is left to the UniFFI path.
        let r = unsafe { imgsign_fast_sign_url(0, url.as_ptr(), url.len() as i32, std::ptr::null_mut(), 0) };
        assert_eq!(r, FALLBACK);
        unsafe { imgsign_fast_free_signer(h) };
        assert_eq!(Arc::strong_count(&signer), 1);

        let builder = UrlBuilder::new(
            "demo.imgix.net".into(),
            None,
            Some("FOO123bar".into()),
            None,
            None,
            None,
            None,
            None,
            HashMap::new(),
        )
        .unwrap();
        let params = || {
            vec![
                Param { key: "w".into(), value: ParamValue::Int { value: 400 } },
                Param { key: "fit".into(), value: ParamValue::Str { value: "crop".into() } },
                Param { key: "q".into(), value: ParamValue::Float { value: 0.5 } },
                Param { key: "x".into(), value: ParamValue::Bool { value: true } },
                Param { key: "n".into(), value: ParamValue::Null },
            ]
        };
        let expected = builder.build_url("/a b.png".into(), params(), None).unwrap();
        let mut packed = Vec::new();
        for (k, tag, v) in [
            (&b"w"[..], b'I', 400i64.to_le_bytes().to_vec()),
            (b"fit", b'S', [&4u32.to_le_bytes()[..], b"crop"].concat()),
            (b"q", b'F', 0.5f64.to_bits().to_le_bytes().to_vec()),
            (b"x", b'B', vec![1]),
            (b"n", b'N', vec![]),
        ] {
            packed.extend_from_slice(&(k.len() as u32).to_le_bytes());
            packed.extend_from_slice(k);
            packed.push(tag);
            packed.extend_from_slice(&v);
        }
        let h = handle(builder);
        let path = "/a b.png";
        let got = call(|out, cap| unsafe {
            imgsign_fast_build_url(
                h,
                path.as_ptr(),
                path.len() as i32,
                packed.as_ptr(),
                packed.len() as i32,
                out,
                cap,
            )
        });
        assert_eq!(got.as_deref(), Some(expected.as_str()));
        // A malformed packing (a key cut short) is refused, never read past.
        let r = unsafe {
            imgsign_fast_build_url(
                h,
                path.as_ptr(),
                path.len() as i32,
                packed.as_ptr(),
                3,
                std::ptr::null_mut(),
                0,
            )
        };
        assert_eq!(r, FALLBACK);
        unsafe { imgsign_fast_free_url_builder(h) };
    }
}
