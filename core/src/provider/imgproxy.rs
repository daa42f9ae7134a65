//! imgproxy: HMAC-SHA256 of the salt and the path after the signature's segment, base64url
//! without padding, in the first path segment (`insecure` when unsigned).

use crate::scheme::{
    Alphabet, Anchor, Covered, Effect, Encoding, Grammar, Hash, KeyForm, Mix, OptionDefault, OptionKind,
    OptionSpec, Parts, PathForm, Piece, Placement, Primitive, Scheme, SecretForms, Slot, Truncate,
};

/// imgproxy (self-hosted; `IMGPROXY_KEY`, `IMGPROXY_SALT`, `IMGPROXY_SIGNATURE_SIZE`).
pub(crate) static IMGPROXY: Scheme = Scheme {
    name: "imgproxy",
    formula: "b64url(hmac_sha256(key, salt + path after the signature)[..signature_size]), the first path segment",
    secrets: SecretForms {
        key_name: "key",
        key: KeyForm::Hex,
        salt: Some(KeyForm::Hex),
        salt_optional: false,
    },
    parts: Parts {
        covered: Covered::PathAfterSignature { leading_slash: true, unsigned_segment: None },
        primitive: Primitive { mix: Mix::Hmac, hash: Hash::Sha256 },
        encoding: Encoding { alphabet: Alphabet::Base64Url { pad: false }, truncate: Truncate::None },
        placement: Placement::PathSegment {
            anchor: Anchor::Start { prefix_option: Some("path_prefix") },
            slot: Slot::Always { marker: "insecure" },
        },
        expiry: None,
    },
    options: &[
        OptionSpec {
            name: "signature_size",
            kind: OptionKind::Int { min: 1, max: 32 },
            default: OptionDefault::Int(32),
            help: "bytes of the HMAC kept (IMGPROXY_SIGNATURE_SIZE)",
            effect: Effect::TruncateBytes,
        },
        OptionSpec {
            name: "path_prefix",
            kind: OptionKind::Text,
            default: OptionDefault::Unset,
            help: "an unsigned path before the signature (IMGPROXY_PATH_PREFIX, /info)",
            effect: Effect::Named,
        },
        OptionSpec {
            name: "source_encoding",
            kind: OptionKind::Choice(&["base64", "plain"]),
            default: OptionDefault::Text("base64"),
            help: "how a builder writes the source URL",
            effect: Effect::Named,
        },
    ],
    values: &[],
    grammar: Grammar::Path(&[
        Piece::Signature,
        Piece::Rest(':'),
        Piece::Path(PathForm::Source { option: "source_encoding" }),
    ]),
};
