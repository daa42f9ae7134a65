//! The primitives of the scheme model: secrets decoded by their form, hash states prepared
//! once per key, and digests written as signatures by the scheme's encoding.

use crate::error::{ErrorCode, Result, err};
use crate::scheme::{Alphabet, Encoding, Hash, KeyForm, Mix, Primitive, Truncate};
use base64::Engine;
use hmac::{Hmac, KeyInit, Mac};
use md5::{Digest, Md5};
use sha1::Sha1;
use sha2::{Sha256, Sha512};
use std::fmt;

/// True for C0 and C1 control characters and DEL.
pub(crate) fn is_control(c: char) -> bool {
    c.is_control()
}

/// Checks a signing key / token / salt (docs/behaviour.md, "Keys"): non-empty, no control
/// characters, no leading or trailing white space. `field` names it in the message.
pub(crate) fn validate_key(field: &str, key: &str) -> Result<()> {
    if key.is_empty() {
        return err(ErrorCode::InvalidKey, format!("{field}: must not be empty"));
    }
    if key.chars().any(is_control) {
        return err(
            ErrorCode::InvalidKey,
            format!("{field}: contains a control character (a stray newline?)"),
        );
    }
    if key.starts_with(char::is_whitespace) || key.ends_with(char::is_whitespace) {
        return err(ErrorCode::InvalidKey, format!("{field}: has leading or trailing white space"));
    }
    Ok(())
}

/// The bytes a secret stands for, by its form. The secret itself is never in a message.
pub(crate) fn secret_bytes(field: &str, secret: &str, form: KeyForm) -> Result<Vec<u8>> {
    validate_key(field, secret)?;
    match form {
        KeyForm::Text => Ok(secret.as_bytes().to_vec()),
        KeyForm::Hex => hex::decode(secret).or_else(|_| {
            err(ErrorCode::InvalidKey, format!("{field}: must be hex (an even number of digits 0-9, a-f)"))
        }),
        KeyForm::Base64 => {
            use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
            let body = secret.trim_end_matches('=');
            STANDARD_NO_PAD
                .decode(body)
                .or_else(|_| URL_SAFE_NO_PAD.decode(body))
                .or_else(|_| err(ErrorCode::InvalidKey, format!("{field}: must be base64")))
        }
    }
}

/// A hash state that has seen part of a message. SHA-512's state, twice the size of the
/// others, is boxed: each signature clones a state, and the enum is as large as its largest
/// variant.
#[derive(Clone)]
enum Plain {
    Md5(Md5),
    Sha1(Sha1),
    Sha256(Sha256),
    Sha512(Box<Sha512>),
}

/// An HMAC state, keyed, that may have seen part of a message (SHA-512 boxed, as above).
#[derive(Clone)]
enum Keyed {
    Md5(Hmac<Md5>),
    Sha1(Hmac<Sha1>),
    Sha256(Hmac<Sha256>),
    Sha512(Box<Hmac<Sha512>>),
}

impl Plain {
    fn new(h: Hash) -> Plain {
        match h {
            Hash::Md5 => Plain::Md5(Md5::new()),
            Hash::Sha1 => Plain::Sha1(Sha1::new()),
            Hash::Sha256 => Plain::Sha256(Sha256::new()),
            Hash::Sha512 => Plain::Sha512(Box::new(Sha512::new())),
        }
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            Plain::Md5(s) => Digest::update(s, data),
            Plain::Sha1(s) => Digest::update(s, data),
            Plain::Sha256(s) => Digest::update(s, data),
            Plain::Sha512(s) => Digest::update(s.as_mut(), data),
        }
    }

    fn finish(self) -> Raw {
        match self {
            Plain::Md5(s) => Raw::of(&s.finalize()),
            Plain::Sha1(s) => Raw::of(&s.finalize()),
            Plain::Sha256(s) => Raw::of(&s.finalize()),
            Plain::Sha512(s) => Raw::of(&s.finalize()),
        }
    }
}

impl Keyed {
    fn new(h: Hash, key: &[u8]) -> Option<Keyed> {
        Some(match h {
            Hash::Md5 => Keyed::Md5(Hmac::new_from_slice(key).ok()?),
            Hash::Sha1 => Keyed::Sha1(Hmac::new_from_slice(key).ok()?),
            Hash::Sha256 => Keyed::Sha256(Hmac::new_from_slice(key).ok()?),
            Hash::Sha512 => Keyed::Sha512(Box::new(Hmac::new_from_slice(key).ok()?)),
        })
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            Keyed::Md5(s) => Mac::update(s, data),
            Keyed::Sha1(s) => Mac::update(s, data),
            Keyed::Sha256(s) => Mac::update(s, data),
            Keyed::Sha512(s) => Mac::update(s.as_mut(), data),
        }
    }

    fn finish(self) -> Raw {
        match self {
            Keyed::Md5(s) => Raw::of(&s.finalize().into_bytes()),
            Keyed::Sha1(s) => Raw::of(&s.finalize().into_bytes()),
            Keyed::Sha256(s) => Raw::of(&s.finalize().into_bytes()),
            Keyed::Sha512(s) => Raw::of(&s.finalize().into_bytes()),
        }
    }
}

/// A digest, on the stack.
struct Raw {
    buf: [u8; 64],
    len: usize,
}

impl Raw {
    fn of(digest: &[u8]) -> Raw {
        let mut buf = [0u8; 64];
        let len = digest.len().min(64);
        if let (Some(dst), Some(src)) = (buf.get_mut(..len), digest.get(..len)) {
            dst.copy_from_slice(src);
        }
        Raw { buf, len }
    }

    fn bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }
}

/// Longest signature text: base64 with padding of a 64-byte digest is 88 characters, hex 128.
const MAX_SIG: usize = 128;

/// The two hex digits of every byte, at compile time: one lookup per byte.
// Const evaluation: an out-of-range index would fail the build, never run time.
#[allow(clippy::indexing_slicing)]
const fn hex_pairs(digits: &[u8; 16]) -> [[u8; 2]; 256] {
    let mut t = [[0u8; 2]; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = [digits[i >> 4], digits[i & 15]];
        i += 1;
    }
    t
}

static HEX_PAIRS_LOWER: [[u8; 2]; 256] = hex_pairs(b"0123456789abcdef");
static HEX_PAIRS_UPPER: [[u8; 2]; 256] = hex_pairs(b"0123456789ABCDEF");

/// A signature as text, on the stack.
pub(crate) struct Signature {
    buf: [u8; MAX_SIG],
    len: usize,
}

impl Signature {
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII hex digits and base64url characters are ever written into `buf`.
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }

    fn encode(raw: &Raw, encoding: Encoding) -> Signature {
        let mut bytes = raw.bytes();
        if let Truncate::Bytes(n) = encoding.truncate {
            bytes = bytes.get(..n.min(bytes.len())).unwrap_or(bytes);
        }
        let mut buf = [0u8; MAX_SIG];
        let mut len = match encoding.alphabet {
            Alphabet::HexLower | Alphabet::HexUpper => {
                let len = (bytes.len() * 2).min(MAX_SIG);
                let pairs =
                    if encoding.alphabet == Alphabet::HexUpper { &HEX_PAIRS_UPPER } else { &HEX_PAIRS_LOWER };
                for (pair, &byte) in buf.chunks_exact_mut(2).zip(bytes.iter().take(len / 2)) {
                    if let Some(digits) = pairs.get(usize::from(byte)) {
                        pair.copy_from_slice(digits);
                    }
                }
                len
            }
            Alphabet::Base64Url { pad } => {
                use base64::engine::general_purpose::{URL_SAFE, URL_SAFE_NO_PAD};
                let engine = if pad { &URL_SAFE } else { &URL_SAFE_NO_PAD };
                engine.encode_slice(bytes, &mut buf).unwrap_or(0)
            }
        };
        if let Truncate::Chars(n) = encoding.truncate {
            len = len.min(n);
        }
        Signature { buf, len }
    }
}

/// A validated secret prepared for one resolved scheme: the hash state that does not depend
/// on the message (the key, a salt) is computed once, so each signature costs only the
/// message's own blocks.
#[derive(Clone)]
pub(crate) struct SigningKey {
    state: State,
    encoding: Encoding,
    /// A salt hashed as a field of its own (a token of fields), not as the message's start.
    field_salt: Option<Box<[u8]>>,
}

/// A piece of a message given to [`SigningKey::sign_chunks`].
#[derive(Clone, Copy, Debug)]
pub(crate) enum Chunk<'a> {
    /// These bytes.
    Bytes(&'a [u8]),
    /// The key's bytes, for [`Mix::KeyInside`] (nothing for the other mixes, which place the
    /// key themselves).
    Key,
}

#[derive(Clone)]
enum State {
    /// `digest(key ‖ message)`, the key (and any prefix) already fed.
    Prefix(Plain),
    /// `digest(message ‖ key)`: the state after any prefix, then the key.
    Suffix(Plain, Box<[u8]>),
    /// `HMAC(key, salt ‖ message)`, the salt (and any prefix) already fed.
    Hmac(Keyed),
    /// `digest(message)` with the key where the message puts it: the state after any salt
    /// and prefix, and the key.
    Inside(Plain, Box<[u8]>),
}

impl SigningKey {
    /// Prepares `key` (and `salt`, for a scheme that has one: it starts every message) for
    /// `primitive` and `encoding`. The bytes are decoded already (see [`secret_bytes`]).
    pub(crate) fn new(
        field: &str,
        primitive: Primitive,
        encoding: Encoding,
        key: &[u8],
        salt: Option<&[u8]>,
    ) -> Result<SigningKey> {
        let salt = salt.unwrap_or_default();
        let state = match primitive.mix {
            Mix::KeyFirst => {
                let mut h = Plain::new(primitive.hash);
                h.update(key);
                h.update(salt);
                State::Prefix(h)
            }
            Mix::KeyLast => {
                let mut h = Plain::new(primitive.hash);
                h.update(salt);
                State::Suffix(h, key.into())
            }
            Mix::Hmac => match Keyed::new(primitive.hash, key) {
                Some(mut m) => {
                    m.update(salt);
                    State::Hmac(m)
                }
                None => return err(ErrorCode::InvalidKey, format!("{field}: unusable key")),
            },
            Mix::KeyInside => {
                let mut h = Plain::new(primitive.hash);
                h.update(salt);
                State::Inside(h, key.into())
            }
        };
        Ok(SigningKey { state, encoding, field_salt: None })
    }

    /// The key with a salt that a token of fields hashes as a field of its own.
    pub(crate) fn with_field_salt(mut self, salt: Option<&[u8]>) -> SigningKey {
        self.field_salt = salt.map(Into::into);
        self
    }

    /// The salt a token of fields hashes, if the signer has one.
    pub(crate) fn field_salt(&self) -> Option<&[u8]> {
        self.field_salt.as_deref()
    }

    /// Signs the message given as chunks, in order (bytes, and the key where
    /// [`Mix::KeyInside`] puts it).
    pub(crate) fn sign_chunks(&self, chunks: &[Chunk<'_>]) -> Signature {
        fn feed(chunks: &[Chunk<'_>], key: &[u8], mut update: impl FnMut(&[u8])) {
            for c in chunks {
                match c {
                    Chunk::Bytes(b) => update(b),
                    Chunk::Key => update(key),
                }
            }
        }
        let raw = match &self.state {
            State::Prefix(h) => {
                let mut h = h.clone();
                feed(chunks, &[], |b| h.update(b));
                h.finish()
            }
            State::Suffix(h, key) => {
                let mut h = h.clone();
                feed(chunks, &[], |b| h.update(b));
                h.update(key);
                h.finish()
            }
            State::Hmac(m) => {
                let mut m = m.clone();
                feed(chunks, &[], |b| m.update(b));
                m.finish()
            }
            State::Inside(h, key) => {
                let mut h = h.clone();
                feed(chunks, key, |b| h.update(b));
                h.finish()
            }
        };
        Signature::encode(&raw, self.encoding)
    }

    /// A key state with `prefix` (the start of every message to come) already hashed.
    pub(crate) fn with_prefix(&self, prefix: &str) -> SigningKey {
        let mut state = self.state.clone();
        match &mut state {
            State::Prefix(h) | State::Suffix(h, _) | State::Inside(h, _) => h.update(prefix.as_bytes()),
            State::Hmac(m) => m.update(prefix.as_bytes()),
        }
        SigningKey { state, encoding: self.encoding, field_salt: self.field_salt.clone() }
    }

    /// Signs a message (see [`crate::signature::message`]).
    pub(crate) fn sign(&self, message: &crate::signature::Message<'_>) -> Signature {
        self.sign_parts(message.parts())
    }

    /// Signs the message given as parts, in order.
    pub(crate) fn sign_parts(&self, parts: &[&str]) -> Signature {
        let raw = match &self.state {
            State::Prefix(h) => {
                let mut h = h.clone();
                for p in parts {
                    h.update(p.as_bytes());
                }
                h.finish()
            }
            State::Suffix(h, key) => {
                let mut h = h.clone();
                for p in parts {
                    h.update(p.as_bytes());
                }
                h.update(key);
                h.finish()
            }
            State::Hmac(m) => {
                let mut m = m.clone();
                for p in parts {
                    m.update(p.as_bytes());
                }
                m.finish()
            }
            State::Inside(h, key) => {
                let mut h = h.clone();
                for p in parts {
                    h.update(p.as_bytes());
                }
                h.update(key);
                h.finish()
            }
        };
        Signature::encode(&raw, self.encoding)
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SigningKey(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(mix: Mix, hash: Hash, alphabet: Alphabet, truncate: Truncate, key: &[u8], msg: &str) -> String {
        let k = SigningKey::new("key", Primitive { mix, hash }, Encoding { alphabet, truncate }, key, None)
            .unwrap();
        k.sign_parts(&[msg]).as_str().to_owned()
    }

    #[test]
    fn known_digests() {
        use Alphabet::*;
        // RFC 2202 / 4231 test case 2 (key "Jefe").
        let m = "what do ya want for nothing?";
        assert_eq!(
            sig(Mix::Hmac, Hash::Md5, HexLower, Truncate::None, b"Jefe", m),
            "750c783e6ab0b503eaa86e310a5db738"
        );
        assert_eq!(
            sig(Mix::Hmac, Hash::Sha1, HexLower, Truncate::None, b"Jefe", m),
            "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"
        );
        assert_eq!(sig(Mix::Hmac, Hash::Sha512, HexUpper, Truncate::Bytes(4), b"Jefe", m), "164B7A7B");
        // md5("") and sha1("abc").
        assert_eq!(
            sig(Mix::KeyFirst, Hash::Md5, HexLower, Truncate::None, b"", ""),
            "d41d8cd98f00b204e9800998ecf8427e"
        );
        assert_eq!(
            sig(Mix::KeyLast, Hash::Sha1, Base64Url { pad: true }, Truncate::None, b"c", "ab"),
            "qZk-NkcGgWq6PiVxeFDCbJzQ2J0="
        );
        assert_eq!(
            sig(Mix::KeyLast, Hash::Sha1, Base64Url { pad: true }, Truncate::Chars(8), b"c", "ab"),
            "qZk-NkcG"
        );
        assert_eq!(
            sig(Mix::KeyLast, Hash::Sha1, Base64Url { pad: false }, Truncate::Bytes(1), b"c", "ab"),
            "qQ"
        );
    }

    #[test]
    fn secrets_by_form() {
        assert_eq!(secret_bytes("key", "736563726574", KeyForm::Hex).unwrap(), b"secret");
        assert_eq!(secret_bytes("key", "68656C6C6F", KeyForm::Hex).unwrap(), b"hello");
        for bad in ["abc", "zz", "0x12"] {
            assert_eq!(secret_bytes("key", bad, KeyForm::Hex).unwrap_err().code(), ErrorCode::InvalidKey);
        }
        assert_eq!(secret_bytes("key", "c2VjcmV0", KeyForm::Base64).unwrap(), b"secret");
        assert_eq!(secret_bytes("key", "-_8=", KeyForm::Base64).unwrap(), [0xfb, 0xff]);
        assert_eq!(secret_bytes("key", "+/8", KeyForm::Base64).unwrap(), [0xfb, 0xff]);
        assert_eq!(secret_bytes("key", "a b", KeyForm::Base64).unwrap_err().code(), ErrorCode::InvalidKey);
        let e = secret_bytes("salt", "not hex!", KeyForm::Hex).unwrap_err();
        assert!(e.message().starts_with("salt:") && !e.message().contains("not hex!"), "{e}");
    }
}
