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
//! | 6 | an array | `u32` count, values |
//! | 7 | a `Map` | `u32` count, key value, value value, ... |
//! | 8 | any other object | `u32` count, then per enumerable key: `u32` length, UTF-8 key, value |
//! | 9 / 10 / 11 | a function / symbol / bigint | |
//! | 12 | an object nested deeper than any argument reads | |
//! | 13 | an ASCII string (results only) | as tag 5 |
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
    /// An ASCII string (results only: the glue decodes it without a UTF-8 decoder).
    pub const ASCII: u8 = 13;
}

/// Output status bytes.
pub mod status {
    /// The result value follows.
    pub const OK: u8 = 0;
    /// An error code and a message follow.
    pub const ERROR: u8 = 1;
}

/// A JavaScript value as the glue wrote it.
#[derive(Debug, PartialEq)]
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
    /// An array.
    Array(Vec<Val<'a>>),
    /// A `Map`'s entries, in insertion order.
    Map(Vec<(Val<'a>, Val<'a>)>),
    /// Any other object's enumerable string-keyed properties, in JavaScript's order.
    Object(Vec<(&'a str, Val<'a>)>),
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
            Val::Str(_) => "a string",
            Val::Array(_) | Val::Map(_) | Val::Object(_) => "an object",
            Val::Other(name) => name,
        }
    }

    /// `undefined` or `null`.
    pub fn is_nullish(&self) -> bool {
        matches!(self, Val::Undefined | Val::Null)
    }
}

/// Reads values from a call's input. `None` means the input is not in the wire format,
/// which only a mismatched glue can cause.
struct Reader<'a> {
    buf: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.buf.len() {
            return None;
        }
        let (head, rest) = self.buf.split_at(n);
        self.buf = rest;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }

    fn u32(&mut self) -> Option<usize> {
        let b: [u8; 4] = self.take(4)?.try_into().ok()?;
        usize::try_from(u32::from_le_bytes(b)).ok()
    }

    fn f64(&mut self) -> Option<f64> {
        let b: [u8; 8] = self.take(8)?.try_into().ok()?;
        Some(f64::from_le_bytes(b))
    }

    fn str(&mut self) -> Option<&'a str> {
        let n = self.u32()?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    /// A count, bounded by what is left so that a bad count cannot reserve much memory.
    fn count(&mut self) -> Option<usize> {
        let n = self.u32()?;
        (n <= self.buf.len()).then_some(n)
    }

    fn value(&mut self) -> Option<Val<'a>> {
        Some(match self.byte()? {
            tag::UNDEFINED => Val::Undefined,
            tag::NULL => Val::Null,
            tag::FALSE => Val::Bool(false),
            tag::TRUE => Val::Bool(true),
            tag::NUMBER => Val::Num(self.f64()?),
            tag::STRING | tag::ASCII => Val::Str(self.str()?),
            tag::ARRAY => {
                let n = self.count()?;
                Val::Array((0..n).map(|_| self.value()).collect::<Option<_>>()?)
            }
            tag::MAP => {
                let n = self.count()?;
                Val::Map((0..n).map(|_| Some((self.value()?, self.value()?))).collect::<Option<_>>()?)
            }
            tag::OBJECT => {
                let n = self.count()?;
                Val::Object((0..n).map(|_| Some((self.str()?, self.value()?))).collect::<Option<_>>()?)
            }
            tag::FUNCTION => Val::Other("a function"),
            tag::SYMBOL => Val::Other("a symbol"),
            tag::BIGINT => Val::Other("a bigint"),
            tag::DEEP => Val::Other("an object"),
            _ => return None,
        })
    }
}

/// Decodes a call's arguments; `None` if the input is not in the wire format.
pub fn read_args(input: &[u8]) -> Option<Vec<Val<'_>>> {
    let mut r = Reader { buf: input };
    let n = r.count()?;
    let args = (0..n).map(|_| r.value()).collect::<Option<Vec<_>>>()?;
    r.buf.is_empty().then_some(args)
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

    /// The header of an array of `n` values (the values follow).
    pub fn array(&mut self, n: usize) {
        self.buf.push(tag::ARRAY);
        self.len_u32(n);
    }

    /// An array of strings.
    pub fn strs<S: AsRef<str>>(&mut self, items: &[S]) {
        self.array(items.len());
        for s in items {
            self.str(s.as_ref());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(out: &mut Vec<u8>, text: &str) {
        out.extend_from_slice(&(text.len() as u32).to_le_bytes());
        out.extend_from_slice(text.as_bytes());
    }

    #[test]
    fn reads_every_tag() {
        let mut b = vec![];
        b.extend_from_slice(&5u32.to_le_bytes());
        b.push(tag::STRING);
        s(&mut b, "ü");
        b.push(tag::NUMBER);
        b.extend_from_slice(&1.5f64.to_le_bytes());
        b.push(tag::OBJECT);
        b.extend_from_slice(&1u32.to_le_bytes());
        s(&mut b, "w");
        b.push(tag::NULL);
        b.push(tag::MAP);
        b.extend_from_slice(&1u32.to_le_bytes());
        b.push(tag::NUMBER);
        b.extend_from_slice(&1f64.to_le_bytes());
        b.push(tag::TRUE);
        b.push(tag::SYMBOL);
        let args = read_args(&b).unwrap();
        assert_eq!(
            args,
            vec![
                Val::Str("ü"),
                Val::Num(1.5),
                Val::Object(vec![("w", Val::Null)]),
                Val::Map(vec![(Val::Num(1.0), Val::Bool(true))]),
                Val::Other("a symbol"),
            ]
        );
    }

    #[test]
    fn rejects_truncated_or_trailing_or_bad_utf8() {
        assert!(read_args(&[]).is_none());
        assert!(read_args(&[1, 0, 0, 0]).is_none());
        assert!(read_args(&[1, 0, 0, 0, tag::STRING, 9, 0, 0, 0, b'a']).is_none());
        assert!(read_args(&[1, 0, 0, 0, tag::STRING, 1, 0, 0, 0, 0xff]).is_none());
        assert!(read_args(&[1, 0, 0, 0, tag::NULL, tag::NULL]).is_none());
        assert!(read_args(&[1, 0, 0, 0, 99]).is_none());
        // A count larger than the input cannot reserve memory.
        assert!(read_args(&[1, 0, 0, 0, tag::ARRAY, 0xff, 0xff, 0xff, 0x7f]).is_none());
    }

    #[test]
    fn writes_ascii_and_utf8_strings() {
        let mut w = Writer::default();
        w.str("ab");
        w.str("é");
        assert_eq!(w.buf, vec![tag::ASCII, 2, 0, 0, 0, b'a', b'b', tag::STRING, 2, 0, 0, 0, 0xc3, 0xa9]);
    }
}
