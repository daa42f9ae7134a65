//! Providers and their signing schemes (docs/contract.md, "Providers").
//!
//! Every provider is one value of [`Provider`] with one row in [`Provider::scheme`]: adding
//! a fifth scheme is one new variant, one row and its conformance vectors.

use crate::error::{ErrorCode, Result, err};
use hmac::{Hmac, KeyInit, Mac};
use md5::{Digest, Md5};
use sha2::Sha256;
use std::fmt;

/// An image CDN whose signed URLs imgsign builds and verifies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provider {
    /// imgix: `s = md5(token + path [+ "?" + query])`.
    Imgix,
    /// Gumlet: the imgix formula, path with exactly one leading `/`.
    Gumlet,
    /// Pixta: `s = md5(path [+ "?" + query] + key)`.
    Pixta,
    /// ImageBoss: `bossToken = hmac_sha256(secret, path [+ "?" + query])`.
    ImageBoss,
}

/// How a provider turns the signed string into a signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Algorithm {
    /// Lowercase hex MD5 of the key followed by the signed string.
    Md5KeyFirst,
    /// Lowercase hex MD5 of the signed string followed by the key.
    Md5KeyLast,
    /// Lowercase hex HMAC-SHA256 of the signed string, keyed with the key.
    HmacSha256,
}

/// The data that defines one provider's scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scheme {
    /// Provider name as written everywhere (`imgix`, `gumlet`, `pixta`, `imageboss`).
    pub name: &'static str,
    /// Signature algorithm.
    pub algorithm: Algorithm,
    /// Name of the query param carrying the signature (always placed last).
    pub signature_param: &'static str,
    /// The path is signed and emitted with exactly one leading `/`.
    pub single_leading_slash: bool,
    /// Whether [`crate::UrlBuilder::reconstruct`] can take this provider's URLs apart: their
    /// params are the query, with the signature as one of them.
    pub reconstructs: bool,
}

impl Provider {
    /// Every provider, in a stable order.
    pub const ALL: [Provider; 4] = [Provider::Imgix, Provider::Gumlet, Provider::Pixta, Provider::ImageBoss];

    /// The provider's scheme.
    pub const fn scheme(self) -> &'static Scheme {
        match self {
            Provider::Imgix => &Scheme {
                name: "imgix",
                algorithm: Algorithm::Md5KeyFirst,
                signature_param: "s",
                single_leading_slash: false,
                reconstructs: true,
            },
            Provider::Gumlet => &Scheme {
                name: "gumlet",
                algorithm: Algorithm::Md5KeyFirst,
                signature_param: "s",
                single_leading_slash: true,
                reconstructs: true,
            },
            Provider::Pixta => &Scheme {
                name: "pixta",
                algorithm: Algorithm::Md5KeyLast,
                signature_param: "s",
                single_leading_slash: false,
                reconstructs: true,
            },
            Provider::ImageBoss => &Scheme {
                name: "imageboss",
                algorithm: Algorithm::HmacSha256,
                signature_param: "bossToken",
                single_leading_slash: false,
                reconstructs: true,
            },
        }
    }

    /// The provider's name.
    pub const fn name(self) -> &'static str {
        self.scheme().name
    }

    /// Parses a provider name (`imgix`, `gumlet`, `pixta`, `imageboss`; ASCII case-insensitive).
    pub fn from_name(name: &str) -> Result<Provider> {
        match Provider::ALL.iter().find(|p| p.name().eq_ignore_ascii_case(name)) {
            Some(p) => Ok(*p),
            None => err(ErrorCode::InvalidParam, unknown_name("provider", Provider::ALL.map(Provider::name))),
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The message for a name that is not one of `names`. The name given is not shown: a
/// provider or profile argument is where a key lands when arguments are swapped.
pub(crate) fn unknown_name<const N: usize>(field: &str, names: [&str; N]) -> String {
    format!("{field}: unknown {field} (expected one of {}; the value given is not shown)", names.join(", "))
}

/// True for C0 and C1 control characters and DEL.
pub(crate) fn is_control(c: char) -> bool {
    c.is_control()
}

/// Checks a signing key / token (docs/behaviour.md, "Keys"): non-empty, no control characters, no
/// leading or trailing white space. `field` names it in the message.
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

/// A validated key prepared for one provider: the hash state that does not depend on the
/// message is computed once, so each signature costs only the message's own blocks.
#[derive(Clone)]
pub(crate) struct SigningKey {
    state: KeyState,
}

#[derive(Clone)]
enum KeyState {
    Md5Prefix(Md5),
    Md5Suffix(Box<[u8]>),
    /// Pixta with part of the message already fed: the rest, then the key.
    Md5Between(Md5, Box<[u8]>),
    Hmac(Hmac<Sha256>),
}

/// Longest signature in hex (HMAC-SHA256).
pub(crate) const MAX_SIG_HEX: usize = 64;

/// A signature written as lowercase hex, on the stack.
pub(crate) struct HexSig {
    buf: [u8; MAX_SIG_HEX],
    len: usize,
}

impl HexSig {
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII hex digits are ever written into `buf`.
        std::str::from_utf8(self.buf.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }

    fn from_digest(digest: &[u8]) -> HexSig {
        let mut buf = [0u8; MAX_SIG_HEX];
        let len = (digest.len() * 2).min(MAX_SIG_HEX);
        if let Some(dst) = buf.get_mut(..len) {
            // Lengths are equal by construction; an error is impossible.
            let _ = hex::encode_to_slice(digest.get(..len / 2).unwrap_or_default(), dst);
        }
        HexSig { buf, len }
    }
}

impl SigningKey {
    /// Validates `key` and prepares it for `provider`.
    pub(crate) fn new(field: &str, provider: Provider, key: &str) -> Result<SigningKey> {
        validate_key(field, key)?;
        let state = match provider.scheme().algorithm {
            Algorithm::Md5KeyFirst => {
                let mut h = Md5::new();
                h.update(key.as_bytes());
                KeyState::Md5Prefix(h)
            }
            Algorithm::Md5KeyLast => KeyState::Md5Suffix(key.as_bytes().into()),
            Algorithm::HmacSha256 => match Hmac::<Sha256>::new_from_slice(key.as_bytes()) {
                Ok(m) => KeyState::Hmac(m),
                Err(_) => return err(ErrorCode::InvalidKey, format!("{field}: unusable key")),
            },
        };
        Ok(SigningKey { state })
    }

    /// A key state with `prefix` (the start of every message to come) already hashed.
    pub(crate) fn with_prefix(&self, prefix: &str) -> SigningKey {
        let state = match &self.state {
            KeyState::Md5Prefix(h) => {
                let mut h = h.clone();
                h.update(prefix.as_bytes());
                KeyState::Md5Prefix(h)
            }
            KeyState::Md5Suffix(key) => {
                let mut h = Md5::new();
                h.update(prefix.as_bytes());
                KeyState::Md5Between(h, key.clone())
            }
            KeyState::Md5Between(h, key) => {
                let mut h = h.clone();
                h.update(prefix.as_bytes());
                KeyState::Md5Between(h, key.clone())
            }
            KeyState::Hmac(m) => {
                let mut m = m.clone();
                m.update(prefix.as_bytes());
                KeyState::Hmac(m)
            }
        };
        SigningKey { state }
    }

    /// Signs a message (see [`crate::signature::message`]).
    pub(crate) fn sign(&self, message: &crate::signature::Message<'_>) -> HexSig {
        self.sign_parts(message.parts())
    }

    /// Signs the already-joined string `path [+ "?" + query]`, given as parts.
    pub(crate) fn sign_parts(&self, parts: &[&str]) -> HexSig {
        match &self.state {
            KeyState::Md5Prefix(h) => {
                let mut h = h.clone();
                for p in parts {
                    h.update(p.as_bytes());
                }
                HexSig::from_digest(&h.finalize())
            }
            KeyState::Md5Suffix(key) => {
                let mut h = Md5::new();
                for p in parts {
                    h.update(p.as_bytes());
                }
                h.update(key);
                HexSig::from_digest(&h.finalize())
            }
            KeyState::Md5Between(h, key) => {
                let mut h = h.clone();
                for p in parts {
                    h.update(p.as_bytes());
                }
                h.update(key);
                HexSig::from_digest(&h.finalize())
            }
            KeyState::Hmac(m) => {
                let mut m = m.clone();
                for p in parts {
                    m.update(p.as_bytes());
                }
                HexSig::from_digest(&m.finalize().into_bytes())
            }
        }
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SigningKey(<redacted>)")
    }
}
