//! The fast path of the hottest calls (`buildUrl`, `buildSrcset`, `signUrl`, `verifyUrl`,
//! `verify`, the batches `signUrls` and `buildUrls`, and `Sources`' `signUrl`, `signUrls`
//! and `verifyUrl`, with plain arguments), used by `index.js`.
//!
//! Measured on Node 20 (`bindings-node/README.md`, "Where the time goes"): a call of a
//! `#[napi]` class method costs about 400 ns before it does anything (napi-rs checks the
//! receiver's class and registers the borrow of `self`), and every argument costs 70-170 ns
//! to convert (a string is measured, allocated and copied by two Node-API calls). One
//! function with one `Buffer` argument and a string result, registered by hand, costs about
//! 120 ns. So JavaScript writes the whole call into one shared `Buffer` (ASCII unit by unit,
//! the rest by `Buffer#utf8Write`), and calls `_fast` ([`crate::crossing`]), which reads it
//! in place:
//!
//! | bytes | what |
//! |---|---|
//! | 0 | the operation ([`op`]) |
//! | 4..8 | the object's id (`u32`, little-endian), from its `_id` getter |
//! | 8..12 | the byte length of the arguments (`u32`) |
//! | 12.. | the arguments |
//!
//! A string is its UTF-8 byte length (`u32`) and bytes (`index.js` copies ASCII in a loop and
//! the rest with `Buffer#utf8Write`). `signUrl`, `verifyUrl` and `verify` send one string;
//! `buildUrl` and `buildSrcset` the path and then, per param, the key and a tagged value
//! ([`tag`]: a string, a number as its `f64`, `true`, `false`, or null/undefined). Values
//! reach the core as JavaScript gave them; a number that is a safe integer is passed as an
//! integer, which the core writes as it writes the integral float. Nothing is decided here:
//! `_fast` returns `null` when a string holds U+FFFD (which may stand for a lone surrogate
//! that `utf8Write` replaced), and `index.js` then takes the regular path, which names the
//! ill-formed argument.
//!
//! A batch answers with all its URLs in one string, their lengths written over the start of
//! the call's Buffer ([`crate::crossing`]), which `index.js` cuts them by.
//!
//! The objects a call names are found by id in a registry of this thread (each JavaScript
//! thread has its own objects): [`crate::UrlBuilder`], [`crate::Signer`] and
//! [`crate::Sources`] register on construction and unregister when they are dropped.

use crate::error::{Result, core};
use imgsign::{ParamRef, SrcsetOptions};
use smallvec::SmallVec;
use std::cell::RefCell;
use std::sync::Arc;

/// Operation bytes (the same numbers in `index.js`).
pub mod op {
    /// `builder.buildUrl(path, params)`.
    pub const BUILD_URL: u8 = 1;
    /// `builder.buildSrcset(path, params)`.
    pub const BUILD_SRCSET: u8 = 2;
    /// `signer.signUrl(url)`.
    pub const SIGN_URL: u8 = 3;
    /// `signer.verifyUrl(url)`.
    pub const VERIFY_URL: u8 = 4;
    /// `signer.verify(target)`.
    pub const VERIFY: u8 = 5;
    /// `signer.signUrls(urls)`: the strings one after another.
    pub const SIGN_URLS: u8 = 6;
    /// `builder.buildUrls(items)`: per item, its byte length (`u32`), then the path and
    /// params as `buildUrl` sends them.
    pub const BUILD_URLS: u8 = 7;
    /// `sources.signUrl(url)`.
    pub const SOURCES_SIGN_URL: u8 = 8;
    /// `sources.signUrls(urls)`, as `SIGN_URLS`.
    pub const SOURCES_SIGN_URLS: u8 = 9;
    /// `sources.verifyUrl(url)`.
    pub const SOURCES_VERIFY_URL: u8 = 10;
}

/// Value tags.
pub mod tag {
    /// A string.
    pub const STRING: u8 = b's';
    /// A number (`f64`, little-endian).
    pub const NUMBER: u8 = b'd';
    /// `true`.
    pub const TRUE: u8 = b't';
    /// `false`.
    pub const FALSE: u8 = b'f';
    /// `null` or `undefined` (the param is dropped).
    pub const NULL: u8 = b'z';
}

/// Objects by id, each slot reused after its object is dropped.
struct Slots<T> {
    items: Vec<Option<Arc<T>>>,
    free: Vec<u32>,
}

impl<T> Slots<T> {
    const fn new() -> Self {
        Slots { items: Vec::new(), free: Vec::new() }
    }

    fn insert(&mut self, value: Arc<T>) -> u32 {
        if let Some(id) = self.free.pop()
            && let Some(slot) = self.items.get_mut(id as usize)
        {
            *slot = Some(value);
            return id;
        }
        self.items.push(Some(value));
        u32::try_from(self.items.len() - 1).unwrap_or(u32::MAX)
    }

    fn remove(&mut self, id: u32) {
        if let Some(slot) = self.items.get_mut(id as usize)
            && slot.take().is_some()
        {
            self.free.push(id);
        }
    }

    fn get(&self, id: u32) -> Option<Arc<T>> {
        self.items.get(id as usize).and_then(Clone::clone)
    }
}

struct Registry {
    builders: Slots<imgsign::UrlBuilder>,
    signers: Slots<imgsign::Signer>,
    sources: Slots<imgsign::Sources>,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = const {
        RefCell::new(Registry { builders: Slots::new(), signers: Slots::new(), sources: Slots::new() })
    };
}

/// Registers a builder; its id is what `index.js` writes into a call.
pub fn register_builder(b: &Arc<imgsign::UrlBuilder>) -> u32 {
    REGISTRY.with(|r| r.borrow_mut().builders.insert(Arc::clone(b)))
}

/// Registers a signer.
pub fn register_signer(s: &Arc<imgsign::Signer>) -> u32 {
    REGISTRY.with(|r| r.borrow_mut().signers.insert(Arc::clone(s)))
}

/// Registers a set of sources.
pub fn register_sources(s: &Arc<imgsign::Sources>) -> u32 {
    REGISTRY.with(|r| r.borrow_mut().sources.insert(Arc::clone(s)))
}

/// Forgets a builder (its JavaScript object was collected). At thread exit the registry may
/// already be gone: then there is nothing to forget.
pub fn unregister_builder(id: u32) {
    let _ = REGISTRY.try_with(|r| r.try_borrow_mut().map(|mut r| r.builders.remove(id)));
}

/// Forgets a signer.
pub fn unregister_signer(id: u32) {
    let _ = REGISTRY.try_with(|r| r.try_borrow_mut().map(|mut r| r.signers.remove(id)));
}

/// Forgets a set of sources.
pub fn unregister_sources(id: u32) {
    let _ = REGISTRY.try_with(|r| r.try_borrow_mut().map(|mut r| r.sources.remove(id)));
}

fn builder(id: u32) -> Option<Arc<imgsign::UrlBuilder>> {
    REGISTRY.with(|r| r.borrow().builders.get(id))
}

fn signer(id: u32) -> Option<Arc<imgsign::Signer>> {
    REGISTRY.with(|r| r.borrow().signers.get(id))
}

fn sources(id: u32) -> Option<Arc<imgsign::Sources>> {
    REGISTRY.with(|r| r.borrow().sources.get(id))
}

/// What a call answers: one string, or the strings of a batch (an array in JavaScript).
pub(crate) enum Answer {
    One(String),
    Many(Vec<String>),
}

/// Params as the core takes them, borrowed from the call.
type Params<'a> = SmallVec<[(&'a str, ParamRef<'a>); 8]>;

/// Reads the arguments of a call in place. `None`: not in the format, or a string holding
/// U+FFFD (the regular path answers).
struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.rest.split_at_checked(n)?;
        self.rest = rest;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }

    fn word(&mut self) -> Option<u32> {
        self.take(4).and_then(|b| <[u8; 4]>::try_from(b).ok()).map(u32::from_le_bytes)
    }

    fn str(&mut self) -> Option<&'a str> {
        let n = self.word()? as usize;
        let bytes = self.take(n)?;
        // 0xEF starts U+FFFD's UTF-8 (EF BF BD); the exact check only runs when one is there.
        if bytes.contains(&0xEF) && bytes.windows(3).any(|w| w == "\u{FFFD}".as_bytes()) {
            return None;
        }
        std::str::from_utf8(bytes).ok()
    }

    fn value(&mut self) -> Option<ParamRef<'a>> {
        Some(match self.byte()? {
            tag::STRING => ParamRef::Str(self.str()?),
            tag::NUMBER => ParamRef::from_number(f64::from_le_bytes(self.take(8)?.try_into().ok()?)),
            tag::TRUE => ParamRef::Bool(true),
            tag::FALSE => ParamRef::Bool(false),
            tag::NULL => ParamRef::Null,
            _ => return None,
        })
    }
}

/// Runs the call written in `call` (see the module documentation): the answer, or `None`
/// when the regular path must answer. `crate::crossing` calls it. The batch calls go to the
/// core's own batch functions, which name a failing item (`urls[3]: ...`).
pub(crate) fn run(call: &[u8]) -> Option<Result<Answer>> {
    let mut header = Reader { rest: call };
    let operation = header.byte()?;
    header.take(3)?;
    let id = header.word()?;
    let len = header.word()? as usize;
    let mut r = Reader { rest: header.take(len)? };
    let one = |x: imgsign::Result<String>| Some(x.map(Answer::One).map_err(core));
    let many = |x: imgsign::Result<Vec<String>>| Some(x.map(Answer::Many).map_err(core));
    match operation {
        op::BUILD_URL | op::BUILD_SRCSET => {
            let b = builder(id)?;
            let (path, params) = r.build::<Params<'_>>()?;
            one(if operation == op::BUILD_URL {
                b.build_url(path, &params)
            } else {
                b.build_srcset(path, &params, &SrcsetOptions::default())
            })
        }
        op::BUILD_URLS => {
            let b = builder(id)?;
            let mut items: Vec<(&str, Vec<_>)> = Vec::new();
            while !r.rest.is_empty() {
                let n = r.word()? as usize;
                let (path, params) = Reader { rest: r.take(n)? }.build()?;
                items.push((path, params));
            }
            many(b.build_urls(&items))
        }
        op::SIGN_URL | op::VERIFY_URL | op::VERIFY => {
            let s = signer(id)?;
            let url = r.only()?;
            one(match operation {
                op::SIGN_URL => s.sign_url(url),
                op::VERIFY_URL => s.verify_url(url, None).map(|()| String::new()),
                _ => s.verify(url, None).map(|()| String::new()),
            })
        }
        op::SIGN_URLS => many(signer(id)?.sign_urls(r.strings(&mut SmallVec::new())?)),
        op::SOURCES_SIGN_URL => one(sources(id)?.sign_url(r.only()?)),
        op::SOURCES_VERIFY_URL => one(sources(id)?.verify_url(r.only()?, None).map(|()| String::new())),
        op::SOURCES_SIGN_URLS => many(sources(id)?.sign_urls(r.strings(&mut SmallVec::new())?)),
        _ => None,
    }
}

impl<'a> Reader<'a> {
    /// The path and params of `buildUrl`, to the end.
    fn build<P: Default + Extend<(&'a str, ParamRef<'a>)>>(mut self) -> Option<(&'a str, P)> {
        let path = self.str()?;
        let mut params = P::default();
        while !self.rest.is_empty() {
            params.extend(std::iter::once((self.str()?, self.value()?)));
        }
        Some((path, params))
    }

    /// The one string of a call, and nothing after it.
    fn only(mut self) -> Option<&'a str> {
        let s = self.str()?;
        self.rest.is_empty().then_some(s)
    }

    /// Strings, to the end, into `out` (on the caller's stack).
    fn strings<'o>(mut self, out: &'o mut SmallVec<[&'a str; 16]>) -> Option<&'o [&'a str]> {
        while !self.rest.is_empty() {
            out.push(self.str()?);
        }
        Some(out)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn string(out: &mut Vec<u8>, s: &str) {
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        out.extend_from_slice(s.as_bytes());
    }

    #[test]
    fn strings_with_a_replacement_character_are_declined() {
        let mut b = vec![];
        string(&mut b, "a\u{FFFD}b");
        assert_eq!(Reader { rest: &b }.str(), None);
        b.clear();
        string(&mut b, "é€");
        assert_eq!(Reader { rest: &b }.str(), Some("é€"));
        assert_eq!(Reader { rest: b.get(..5).unwrap() }.str(), None);
    }

    #[test]
    fn values_are_read_by_tag() {
        let mut b = vec![tag::STRING];
        string(&mut b, "crop");
        b.push(tag::NUMBER);
        b.extend_from_slice(&400f64.to_le_bytes());
        b.extend_from_slice(&[tag::TRUE, tag::FALSE, tag::NULL]);
        let mut r = Reader { rest: &b };
        let got: Vec<_> = std::iter::from_fn(|| r.value()).collect();
        assert_eq!(
            got,
            [
                ParamRef::Str("crop"),
                ParamRef::Int(400),
                ParamRef::Bool(true),
                ParamRef::Bool(false),
                ParamRef::Null
            ]
        );
        assert_eq!(Reader { rest: b"?" }.value(), None);
    }
}
