//! The wire format between the JavaScript glue (`bindings-node/wasm/glue.mjs`) and this
//! module. The glue writes each argument as a tagged value, exactly as JavaScript sees it
//! (its type and contents, nothing interpreted); this module decides everything else.
//!
//! All integers are little-endian. A value is one tag byte and its payload:
//!
//! | tag | value | payload |
//! |---|---|---|
//! | 0 | `undefined` | |
//! | 1 | `null` | |
//! | 2 / 3 | `false` / `true` | |
//! | 4 | a number | `f64` |
//! | 5 | a string | `u32` byte length, UTF-8 |
//! | 6 | an array | `u32` count, `u32` byte length of the items, the values |
//! | 7 | a `Map` | `u32` count, `u32` byte length, key value, value value, ... |
//! | 8 | any other object | `u32` count, `u32` byte length, then per enumerable key the key (a string value) and the value |
//! | 9 / 10 / 11 | a function / symbol / bigint | |
//! | 12 | an object nested deeper than any argument reads | |
//! | 13 | an ASCII string (results only) | as tag 5 |
//! | 14 | a string that is not well-formed UTF-16 (a lone surrogate) | as tag 5, each lone surrogate as U+FFFD |
//!
//! A container's byte length lets a value be read without reading what it holds: the
//! arguments are decoded in place, without building a tree, and a container's items are
//! read when a conversion walks them.
//!
//! A call's input is a `u32` count of arguments and the arguments. Its output is a `u32`
//! length of what follows, a status byte (0: the result value follows; 1: an error code
//! string and a message string follow).

/// Tag bytes.
pub mod tag {
    /// `undefined`.
    pub const UNDEFINED: u8 = 0;
    /// `null`.
    pub const NULL: u8 = 1;
    /// `false`.
    pub const FALSE: u8 = 2;
    /// `true`.
    pub const TRUE: u8 = 3;
    /// A number.
    pub const NUMBER: u8 = 4;
    /// A string.
    pub const STRING: u8 = 5;
    /// An array.
    pub const ARRAY: u8 = 6;
    /// A `Map`.
    pub const MAP: u8 = 7;
    /// Any other object (its enumerable string keys).
    pub const OBJECT: u8 = 8;
    /// A function.
    pub const FUNCTION: u8 = 9;
    /// A symbol.
    pub const SYMBOL: u8 = 10;
    /// A bigint.
    pub const BIGINT: u8 = 11;
    /// An object nested deeper than any argument is read.
    pub const DEEP: u8 = 12;
    /// An ASCII string (results only).
    pub const ASCII: u8 = 13;
    /// A string holding a lone surrogate (written with U+FFFD in its place).
    pub const ILL_FORMED: u8 = 14;
}

/// Output status bytes.
pub mod status {
    /// The result value follows.
    pub const OK: u8 = 0;
    /// An error code and a message follow.
    pub const ERROR: u8 = 1;
}

/// The input is not in the wire format (only a mismatched glue can cause it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Malformed;

/// A JavaScript value as the glue wrote it; containers are read lazily.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Val<'a> {
    /// `undefined` (also a missing argument).
    Undefined,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Num(f64),
    /// A string.
    Str(&'a str),
    /// A string that is not well-formed UTF-16 (lone surrogates read as U+FFFD).
    IllFormed(&'a str),
    /// An array.
    Array(List<'a>),
    /// A `Map`'s entries, in insertion order.
    Map(List<'a>),
    /// Any other object's enumerable string-keyed properties, in JavaScript's order.
    Object(List<'a>),
    /// A value no argument accepts; the text is its type as an error message names it.
    Other(&'static str),
}

impl Val<'_> {
    /// The value's type as error messages name it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Val::Undefined => "undefined",
            Val::Null => "null",
            Val::Bool(_) => "a boolean",
            Val::Num(_) => "a number",
            Val::Str(_) | Val::IllFormed(_) => "a string",
            Val::Array(_) | Val::Map(_) | Val::Object(_) => "an object",
            Val::Other(name) => name,
        }
    }

    /// `undefined` or `null`.
    pub fn is_nullish(&self) -> bool {
        matches!(self, Val::Undefined | Val::Null)
    }
}

/// A container's items, not yet read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct List<'a> {
    len: usize,
    bytes: &'a [u8],
}

impl<'a> List<'a> {
    /// How many items (array values, Map entries or object properties).
    pub fn len(&self) -> usize {
        self.len
    }

    /// No items.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// An array's values.
    pub fn values(self) -> impl Iterator<Item = Result<Val<'a>, Malformed>> {
        let mut r = Reader { buf: self.bytes };
        (0..self.len).map(move |_| r.value())
    }

    /// A `Map`'s entries or an object's properties: `(key, value)`.
    pub fn pairs(self) -> impl Iterator<Item = Result<(Val<'a>, Val<'a>), Malformed>> {
        let mut r = Reader { buf: self.bytes };
        (0..self.len).map(move |_| Ok((r.value()?, r.value()?)))
    }
}

struct Reader<'a> {
    buf: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Malformed> {
        if n > self.buf.len() {
            return Err(Malformed);
        }
        let (head, rest) = self.buf.split_at(n);
        self.buf = rest;
        Ok(head)
    }

    fn byte(&mut self) -> Result<u8, Malformed> {
        self.take(1)?.first().copied().ok_or(Malformed)
    }

    fn u32(&mut self) -> Result<usize, Malformed> {
        let b: [u8; 4] = self.take(4)?.try_into().map_err(|_| Malformed)?;
        usize::try_from(u32::from_le_bytes(b)).map_err(|_| Malformed)
    }

    fn f64(&mut self) -> Result<f64, Malformed> {
        let b: [u8; 8] = self.take(8)?.try_into().map_err(|_| Malformed)?;
        Ok(f64::from_le_bytes(b))
    }

    fn str(&mut self) -> Result<&'a str, Malformed> {
        let n = self.u32()?;
        std::str::from_utf8(self.take(n)?).map_err(|_| Malformed)
    }

    fn list(&mut self) -> Result<List<'a>, Malformed> {
        let len = self.u32()?;
        let n = self.u32()?;
        // Every item takes at least one byte, so a bad count cannot claim much.
        if len > n {
            return Err(Malformed);
        }
        Ok(List { len, bytes: self.take(n)? })
    }

    fn value(&mut self) -> Result<Val<'a>, Malformed> {
        Ok(match self.byte()? {
            tag::UNDEFINED => Val::Undefined,
            tag::NULL => Val::Null,
            tag::FALSE => Val::Bool(false),
            tag::TRUE => Val::Bool(true),
            tag::NUMBER => Val::Num(self.f64()?),
            tag::STRING | tag::ASCII => Val::Str(self.str()?),
            tag::ILL_FORMED => Val::IllFormed(self.str()?),
            tag::ARRAY => Val::Array(self.list()?),
            tag::MAP => Val::Map(self.list()?),
            tag::OBJECT => Val::Object(self.list()?),
            tag::FUNCTION => Val::Other("a function"),
            tag::SYMBOL => Val::Other("a symbol"),
            tag::BIGINT => Val::Other("an unsupported value"),
            tag::DEEP => Val::Other("an object"),
            _ => return Err(Malformed),
        })
    }
}

/// The most arguments any operation takes.
pub const MAX_ARGS: usize = 4;

/// A call's arguments; a missing one reads as `undefined`.
pub struct Args<'a> {
    vals: [Val<'a>; MAX_ARGS],
}

impl<'a> Args<'a> {
    /// Argument `i`.
    pub fn get(&self, i: usize) -> Val<'a> {
        self.vals.get(i).copied().unwrap_or(Val::Undefined)
    }
}

/// Decodes a call's arguments (containers stay unread).
pub fn read_args(input: &[u8]) -> Result<Args<'_>, Malformed> {
    let mut r = Reader { buf: input };
    let n = r.u32()?;
    if n > MAX_ARGS {
        return Err(Malformed);
    }
    let mut vals = [Val::Undefined; MAX_ARGS];
    for slot in vals.iter_mut().take(n) {
        *slot = r.value()?;
    }
    if r.buf.is_empty() { Ok(Args { vals }) } else { Err(Malformed) }
}

/// Writes a call's output (after the length prefix, which the caller adds).
#[derive(Default)]
pub struct Writer {
    /// The bytes written so far.
    pub buf: Vec<u8>,
}

impl Writer {
    fn len_u32(&mut self, n: usize) {
        // Every length written here is of a string or list the core built from inputs that
        // are themselves far below 4 GiB (the wasm32 address space).
        self.buf.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
    }

    /// A status byte.
    pub fn status(&mut self, s: u8) {
        self.buf.push(s);
    }

    /// `undefined`.
    pub fn undefined(&mut self) {
        self.buf.push(tag::UNDEFINED);
    }

    /// `null`.
    pub fn null(&mut self) {
        self.buf.push(tag::NULL);
    }

    /// A boolean.
    pub fn bool(&mut self, b: bool) {
        self.buf.push(if b { tag::TRUE } else { tag::FALSE });
    }

    /// A number.
    pub fn num(&mut self, x: f64) {
        self.buf.push(tag::NUMBER);
        self.buf.extend_from_slice(&x.to_le_bytes());
    }

    /// A string, tagged ASCII when it is.
    pub fn str(&mut self, s: &str) {
        self.buf.push(if s.is_ascii() { tag::ASCII } else { tag::STRING });
        self.len_u32(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// An array of `n` values written by `items`.
    pub fn array(&mut self, n: usize, items: impl FnOnce(&mut Writer)) {
        self.buf.push(tag::ARRAY);
        self.len_u32(n);
        let at = self.buf.len();
        self.len_u32(0);
        items(self);
        let n = u32::try_from(self.buf.len() - at - 4).unwrap_or(u32::MAX);
        if let Some(slot) = self.buf.get_mut(at..at + 4) {
            slot.copy_from_slice(&n.to_le_bytes());
        }
    }

    /// An array of strings.
    pub fn strs<S: AsRef<str>>(&mut self, items: &[S]) {
        self.array(items.len(), |w| {
            for s in items {
                w.str(s.as_ref());
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(out: &mut Vec<u8>, text: &str) {
        out.extend_from_slice(&(text.len() as u32).to_le_bytes());
        out.extend_from_slice(text.as_bytes());
    }

    fn list(out: &mut Vec<u8>, t: u8, count: u32, items: &[u8]) {
        out.push(t);
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&(items.len() as u32).to_le_bytes());
        out.extend_from_slice(items);
    }

    #[test]
    fn reads_every_tag() {
        let mut b = vec![];
        b.extend_from_slice(&4u32.to_le_bytes());
        b.push(tag::STRING);
        s(&mut b, "ü");
        let mut props = vec![tag::STRING];
        s(&mut props, "w");
        props.push(tag::NULL);
        list(&mut b, tag::OBJECT, 1, &props);
        let mut entries = vec![tag::NUMBER];
        entries.extend_from_slice(&1f64.to_le_bytes());
        entries.push(tag::TRUE);
        list(&mut b, tag::MAP, 1, &entries);
        b.push(tag::SYMBOL);
        let args = read_args(&b).unwrap();
        assert_eq!(args.get(0), Val::Str("ü"));
        let Val::Object(o) = args.get(1) else { panic!() };
        assert_eq!(o.pairs().collect::<Result<Vec<_>, _>>().unwrap(), vec![(Val::Str("w"), Val::Null)]);
        let Val::Map(m) = args.get(2) else { panic!() };
        assert_eq!(m.pairs().collect::<Result<Vec<_>, _>>().unwrap(), vec![(Val::Num(1.0), Val::Bool(true))]);
        assert_eq!(args.get(3), Val::Other("a symbol"));
        assert_eq!(args.get(4), Val::Undefined);
    }

    #[test]
    fn rejects_truncated_or_trailing_or_bad_utf8() {
        assert!(read_args(&[]).is_err());
        assert!(read_args(&[1, 0, 0, 0]).is_err());
        assert!(read_args(&[5, 0, 0, 0]).is_err());
        assert!(read_args(&[1, 0, 0, 0, tag::STRING, 9, 0, 0, 0, b'a']).is_err());
        assert!(read_args(&[1, 0, 0, 0, tag::STRING, 1, 0, 0, 0, 0xff]).is_err());
        assert!(read_args(&[1, 0, 0, 0, tag::NULL, tag::NULL]).is_err());
        assert!(read_args(&[1, 0, 0, 0, 99]).is_err());
        // A count larger than the bytes it claims is refused.
        assert!(read_args(&[1, 0, 0, 0, tag::ARRAY, 9, 0, 0, 0, 1, 0, 0, 0, tag::NULL]).is_err());
        // Bad contents are found when the items are read.
        let b = [1, 0, 0, 0, tag::ARRAY, 1, 0, 0, 0, 1, 0, 0, 0, 99];
        let Val::Array(a) = read_args(&b).unwrap().get(0) else { panic!() };
        assert_eq!(a.values().next(), Some(Err(Malformed)));
    }

    #[test]
    fn writes_strings_and_arrays() {
        let mut w = Writer::default();
        w.str("ab");
        w.str("é");
        assert_eq!(w.buf, vec![tag::ASCII, 2, 0, 0, 0, b'a', b'b', tag::STRING, 2, 0, 0, 0, 0xc3, 0xa9]);
        let mut w = Writer::default();
        w.strs(&["x"]);
        assert_eq!(w.buf, vec![tag::ARRAY, 1, 0, 0, 0, 6, 0, 0, 0, tag::ASCII, 1, 0, 0, 0, b'x']);
    }
}
