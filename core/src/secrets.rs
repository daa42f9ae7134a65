//! The secrets a signer or builder is given, checked against the scheme's
//! [`SecretForms`](crate::scheme::SecretForms) and prepared once per key.

use crate::digest::{SigningKey, secret_bytes};
use crate::error::{ErrorCode, Result, err};
use crate::scheme::{Covered, Resolved, Scheme};
use std::fmt;

/// A signer's secrets: the key that signs, and for a scheme with a salt (imgproxy) the salt
/// that goes with it; previous keys (and their salts, one each, in the same order) are
/// accepted by verification only, so a key can be rotated out while URLs signed with it
/// keep working. How each secret is written (text, hex, base64) is the scheme's.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secrets {
    /// The signing key.
    pub key: String,
    /// The salt, for a scheme that has one (required there, refused elsewhere).
    pub salt: Option<String>,
    /// Keys verification also accepts.
    pub previous_keys: Vec<String>,
    /// One salt per previous key, for a scheme with a salt.
    pub previous_salts: Vec<String>,
}

impl Secrets {
    /// A key alone, with previous keys.
    pub fn key<S: AsRef<str>>(key: &str, previous_keys: &[S]) -> Secrets {
        Secrets {
            key: key.to_owned(),
            previous_keys: previous_keys.iter().map(|k| k.as_ref().to_owned()).collect(),
            ..Secrets::default()
        }
    }
}

impl fmt::Debug for Secrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Secrets")
            .field("key", &"<redacted>")
            .field("salt", &self.salt.as_ref().map(|_| "<redacted>"))
            .field("previous_keys", &self.previous_keys.len())
            .field("previous_salts", &self.previous_salts.len())
            .finish()
    }
}

/// A key and its salt, decoded by the scheme's forms.
pub(crate) struct Decoded {
    field: String,
    key: Vec<u8>,
    salt: Option<Vec<u8>>,
}

/// Checks and decodes the secrets for `scheme`: the key (field `key`), the salt a scheme with
/// a salt needs (refused by one without), and each previous key with its salt. The first is
/// the signing key.
pub(crate) fn decode(scheme: &Scheme, secrets: &Secrets) -> Result<Vec<Decoded>> {
    let forms = scheme.secrets;
    let mut out = Vec::with_capacity(1 + secrets.previous_keys.len());
    out.push(Decoded {
        field: "key".to_owned(),
        key: secret_bytes("key", &secrets.key, forms.key)?,
        salt: None,
    });
    for (i, k) in secrets.previous_keys.iter().enumerate() {
        let field = format!("previous_keys[{i}]");
        out.push(Decoded { key: secret_bytes(&field, k, forms.key)?, field, salt: None });
    }
    match forms.salt {
        None => {
            if secrets.salt.is_some() {
                return err(ErrorCode::InvalidKey, format!("salt: {} takes no salt", scheme.name));
            }
            if !secrets.previous_salts.is_empty() {
                return err(ErrorCode::InvalidKey, format!("previous_salts: {} takes no salt", scheme.name));
            }
        }
        Some(_) if forms.salt_optional && secrets.salt.is_none() && secrets.previous_salts.is_empty() => {}
        Some(form) => {
            let Some(salt) = &secrets.salt else {
                return err(
                    ErrorCode::InvalidKey,
                    format!("salt: {} needs a salt ({})", scheme.name, form.name()),
                );
            };
            if secrets.previous_salts.len() != secrets.previous_keys.len() {
                return err(
                    ErrorCode::InvalidKey,
                    format!(
                        "previous_salts: give one salt per previous key ({} keys, {} salts)",
                        secrets.previous_keys.len(),
                        secrets.previous_salts.len()
                    ),
                );
            }
            let salts = std::iter::once(("salt".to_owned(), salt)).chain(
                secrets.previous_salts.iter().enumerate().map(|(i, s)| (format!("previous_salts[{i}]"), s)),
            );
            for (d, (field, s)) in out.iter_mut().zip(salts) {
                d.salt = Some(secret_bytes(&field, s, form)?);
            }
        }
    }
    Ok(out)
}

/// Prepares the decoded secrets for the resolved scheme (its primitive and encoding). A
/// salt starts every message, except in a token of fields, where it is a field of its own
/// (kept with the key for the token's parts to hash).
pub(crate) fn prepare(resolved: &Resolved, decoded: &[Decoded]) -> Result<Vec<SigningKey>> {
    let parts = resolved.parts;
    let salt_is_field = matches!(parts.covered, Covered::Fields(_));
    decoded
        .iter()
        .map(|d| {
            let (lead, field) =
                if salt_is_field { (None, d.salt.as_deref()) } else { (d.salt.as_deref(), None) };
            let key = SigningKey::new(&d.field, parts.primitive, parts.encoding, &d.key, lead)?;
            Ok(key.with_field_salt(field))
        })
        .collect()
}
