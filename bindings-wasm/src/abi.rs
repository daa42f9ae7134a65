//! The module's exports: an input area the glue writes a call into, and one entry point.
//!
//! The input area is a `Vec<AtomicU64>`: JavaScript writes into this memory between calls,
//! and atomics are how Rust reads memory that something else writes, so no `unsafe` read
//! is needed (on wasm32 without threads these are plain loads). The only `unsafe` in this
//! crate is the `no_mangle` export attribute.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::api::{self, Objects};
use crate::wire::{Writer, read_args, status};

#[derive(Default)]
struct State {
    input: Vec<AtomicU64>,
    bytes: Vec<u8>,
    out: Writer,
    objects: Objects,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn address<T>(p: *const T) -> u32 {
    u32::try_from(p as usize).unwrap_or(0)
}

fn reserve(st: &mut State, len: usize) -> u32 {
    let words = len.div_ceil(8).max(1);
    if st.input.len() < words {
        let target = words.next_power_of_two().max(1024);
        st.input.resize_with(target, || AtomicU64::new(0));
    }
    address(st.input.as_ptr())
}

/// Copies (and clears, since an input may hold a key) the first `len` input bytes.
fn take_input(st: &mut State, len: usize) {
    st.bytes.clear();
    let words = len.div_ceil(8);
    for w in st.input.iter().take(words) {
        st.bytes.extend_from_slice(&w.swap(0, Ordering::Relaxed).to_le_bytes());
    }
    st.bytes.truncate(len);
}

/// Runs one call on the bytes in `st.bytes`; `st.out` holds the output afterwards: a `u32`
/// length of the rest, the status byte, then the value or the error's code and message.
fn dispatch(st: &mut State, op: u32, handle: u32) {
    let State { bytes, out, objects, .. } = st;
    out.buf.clear();
    out.buf.extend_from_slice(&[0; 4]);
    out.status(status::OK);
    let result = read_args(bytes)
        .map_err(imgsign::Error::from)
        .and_then(|args| api::run(objects, op, handle, &args, out));
    if let Err(e) = result {
        out.buf.truncate(4);
        out.status(status::ERROR);
        out.str(e.code().as_str());
        out.str(e.message());
    }
    bytes.fill(0);
    let n = u32::try_from(out.buf.len() - 4).unwrap_or(u32::MAX);
    if let Some(prefix) = out.buf.get_mut(..4) {
        prefix.copy_from_slice(&n.to_le_bytes());
    }
}

/// Calls `op` with an encoded input, returning the output bytes (length prefix included).
/// The same path as the exports, for host-side tests.
pub fn call(op: u32, handle: u32, input: &[u8]) -> Vec<u8> {
    STATE.with(|cell| {
        let mut st = cell.borrow_mut();
        st.bytes.clear();
        st.bytes.extend_from_slice(input);
        dispatch(&mut st, op, handle);
        st.out.buf.clone()
    })
}

/// How many `Signer`/`UrlBuilder` objects are alive (for tests of the release path).
pub fn live_objects() -> usize {
    STATE.with(|cell| cell.borrow().objects.len())
}

/// Makes the input area at least `len` bytes long (keeping its contents) and returns its
/// address.
#[allow(unsafe_code)] // `no_mangle` exports the function; no unsafe operation is involved.
#[unsafe(no_mangle)]
pub extern "C" fn isg_input(len: u32) -> u32 {
    let len = usize::try_from(len).unwrap_or(usize::MAX);
    STATE.with(|cell| cell.try_borrow_mut().map_or(0, |mut st| reserve(&mut st, len)))
}

/// Runs operation `op` on object `handle` with the `len`-byte call in the input area and
/// returns the address of the output.
#[allow(unsafe_code)] // `no_mangle` exports the function; no unsafe operation is involved.
#[unsafe(no_mangle)]
pub extern "C" fn isg_call(op: u32, handle: u32, len: u32) -> u32 {
    let len = usize::try_from(len).unwrap_or(usize::MAX);
    STATE.with(|cell| {
        let Ok(mut st) = cell.try_borrow_mut() else { return 0 };
        take_input(&mut st, len);
        dispatch(&mut st, op, handle);
        address(st.out.buf.as_ptr())
    })
}
