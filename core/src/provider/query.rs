//! The schemes that sign the path and query and append the signature as the last query
//! param: imgix, Gumlet, Pixta, ImageBoss.

use crate::scheme::{
    Alphabet, Covered, Encoding, Expiry, ExpiryForm, Grammar, Hash, KeyForm, Mix, Parts, Placement,
    Primitive, Scheme, SecretForms, Truncate,
};

const HEX: Encoding = Encoding { alphabet: Alphabet::HexLower, truncate: Truncate::None };
const EXPIRES: Option<Expiry> =
    Some(Expiry { name: "expires", form: ExpiryForm::QueryParam, required: false });
const TEXT_KEY: SecretForms =
    SecretForms { key_name: "token", key: KeyForm::Text, salt: None, salt_optional: false };

/// imgix: lowercase hex MD5 of the token followed by the path and, with a query, `?query`.
pub(crate) static IMGIX: Scheme = Scheme {
    name: "imgix",
    formula: "s = hex(md5(token + path [+ \"?\" + query])), the last query param",
    secrets: TEXT_KEY,
    parts: Parts {
        covered: Covered::PathAndQuery { one_leading_slash: false },
        primitive: Primitive { mix: Mix::KeyFirst, hash: Hash::Md5 },
        encoding: HEX,
        placement: Placement::LastQueryParam("s"),
        expiry: EXPIRES,
    },
    options: &[],
    values: &[],
    grammar: Grammar::Query,
};

/// Gumlet: the imgix formula, the path with exactly one leading `/`.
pub(crate) static GUMLET: Scheme = Scheme {
    name: "gumlet",
    formula: "s = hex(md5(secret + path [+ \"?\" + query])), the path with one leading /, the last query param",
    secrets: SecretForms { key_name: "secret", ..TEXT_KEY },
    parts: Parts { covered: Covered::PathAndQuery { one_leading_slash: true }, ..IMGIX.parts },
    options: &[],
    values: &[],
    grammar: Grammar::Query,
};

/// Pixta: lowercase hex MD5 of `path[?query]` followed by the key.
pub(crate) static PIXTA: Scheme = Scheme {
    name: "pixta",
    formula: "s = hex(md5(path [+ \"?\" + query] + key)), the last query param",
    secrets: SecretForms { key_name: "key", ..TEXT_KEY },
    parts: Parts { primitive: Primitive { mix: Mix::KeyLast, hash: Hash::Md5 }, ..IMGIX.parts },
    options: &[],
    values: &[],
    grammar: Grammar::Query,
};

/// ImageBoss: lowercase hex HMAC-SHA256 of `path[?query]`, keyed with the secret.
pub(crate) static IMAGEBOSS: Scheme = Scheme {
    name: "imageboss",
    formula: "bossToken = hex(hmac_sha256(secret, path [+ \"?\" + query])), the last query param",
    secrets: SecretForms { key_name: "secret", ..TEXT_KEY },
    parts: Parts {
        primitive: Primitive { mix: Mix::Hmac, hash: Hash::Sha256 },
        placement: Placement::LastQueryParam("bossToken"),
        ..IMGIX.parts
    },
    options: &[],
    values: &[],
    grammar: Grammar::Query,
};
