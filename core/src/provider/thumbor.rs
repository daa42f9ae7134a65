//! thumbor and imagor: HMAC of the path after the signature's segment (without its `/`),
//! base64url with padding, in the first path segment (`unsafe` when unsigned).

use crate::scheme::{
    Alphabet, Anchor, Covered, Effect, Encoding, Fallback, Grammar, Hash, KeyForm, Mix, OptionDefault,
    OptionKind, OptionSpec, Parts, PathForm, Piece, Placement, Primitive, Scheme, SecretForms, Slot,
    Truncate,
};

const PARTS: Parts = Parts {
    covered: Covered::PathAfterSignature { leading_slash: false, unsigned_segment: None },
    primitive: Primitive { mix: Mix::Hmac, hash: Hash::Sha1 },
    encoding: Encoding { alphabet: Alphabet::Base64Url { pad: true }, truncate: Truncate::None },
    placement: Placement::PathSegment {
        anchor: Anchor::Start { prefix_option: None },
        slot: Slot::Always { marker: "unsafe" },
    },
    expiry: None,
};

const fn value(param: &'static str, prefix: &'static str, omit: Option<&'static str>) -> Piece {
    Piece::Value { param, prefix, omit, choices: None, default: Fallback::None }
}

/// thumbor's URL grammar, in the order of its docs and libthumbor:
/// `[meta/][trim[:...]/][LxT:RxB/][fit-in/][-]Wx[-]H/[halign/][valign/][smart/][filters:.../]image`.
static GRAMMAR: [Piece; 14] = [
    Piece::Signature,
    Piece::Flag { param: "meta", word: "meta" },
    Piece::Word { param: "trim", word: "trim" },
    value("crop", "", None),
    Piece::Flag { param: "fit_in", word: "fit-in" },
    Piece::Flag { param: "full_fit_in", word: "full-fit-in" },
    Piece::Flag { param: "adaptive_fit_in", word: "adaptive-fit-in" },
    Piece::Flag { param: "adaptive_full_fit_in", word: "adaptive-full-fit-in" },
    Piece::Size { width: "width", height: "height", flip: "flip", flop: "flop" },
    Piece::Value {
        param: "halign",
        prefix: "",
        omit: Some("center"),
        choices: Some(&["left", "center", "right"]),
        default: Fallback::None,
    },
    Piece::Value {
        param: "valign",
        prefix: "",
        omit: Some("middle"),
        choices: Some(&["top", "middle", "bottom"]),
        default: Fallback::None,
    },
    Piece::Flag { param: "smart", word: "smart" },
    value("filters", "filters:", None),
    Piece::Path(PathForm::Sent),
];

/// thumbor (`SECURITY_KEY`), as libthumbor signs.
pub(crate) static THUMBOR: Scheme = Scheme {
    name: "thumbor",
    formula: "b64url_padded(hmac_sha1(security_key, path after the signature, without its /)), the first segment",
    secrets: SecretForms { key_name: "security_key", key: KeyForm::Text, salt: None, salt_optional: false },
    parts: PARTS,
    options: &[],
    values: &[],
    grammar: Grammar::Path(&GRAMMAR),
};

/// imagor (`IMAGOR_SECRET`, `IMAGOR_SIGNER_TYPE`, `IMAGOR_SIGNER_TRUNCATE`): thumbor's URLs,
/// with the HMAC's hash and a truncation as options.
pub(crate) static IMAGOR: Scheme = Scheme {
    name: "imagor",
    formula: "b64url_padded(hmac_{sha1,sha256,sha512}(secret, path after the signature))[..truncate], the first segment",
    secrets: SecretForms { key_name: "secret", key: KeyForm::Text, salt: None, salt_optional: false },
    parts: PARTS,
    options: &[
        OptionSpec {
            name: "algorithm",
            kind: OptionKind::Choice(&["sha1", "sha256", "sha512"]),
            default: OptionDefault::Text("sha1"),
            help: "the HMAC's hash (IMAGOR_SIGNER_TYPE)",
            effect: Effect::Hash,
        },
        OptionSpec {
            name: "truncate",
            kind: OptionKind::Int { min: 17, max: 88 },
            default: OptionDefault::Unset,
            help: "characters of the signature kept (IMAGOR_SIGNER_TRUNCATE; imagor needs 17)",
            effect: Effect::TruncateChars,
        },
    ],
    values: &[],
    grammar: Grammar::Path(&GRAMMAR),
};
