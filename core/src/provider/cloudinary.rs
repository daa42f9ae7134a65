//! Cloudinary: `s--` + the first characters of base64url(SHA(transformation + "/" + public
//! id + api_secret)) + `--`, a path segment after the resource and delivery types; the
//! version segment is not signed.

use crate::scheme::{
    Alphabet, Anchor, Covered, Effect, Encoding, Fallback, Grammar, Hash, KeyForm, Mix, OptionDefault,
    OptionKind, OptionSpec, Parts, PathForm, Piece, Placement, Primitive, Scheme, SecretForms,
    SegmentPattern, Setting, Slot, Truncate,
};

/// The resource types of a delivery URL.
const RESOURCE_TYPES: &[&str] = &["image", "video", "raw"];

/// The delivery types of a delivery URL.
const DELIVERY_TYPES: &[&str] = &[
    "upload",
    "private",
    "authenticated",
    "fetch",
    "list",
    "multi",
    "text",
    "asset",
    "sprite",
    "facebook",
    "twitter",
    "twitter_name",
    "gravatar",
    "youtube",
    "hulu",
    "vimeo",
    "animoto",
    "worldstarhiphop",
    "dailymotion",
];

/// Cloudinary's signed delivery URLs (`sign_url`), as its SDKs sign them.
pub(crate) static CLOUDINARY: Scheme = Scheme {
    name: "cloudinary",
    formula: "s--b64url(sha1(transformation/public_id + api_secret))[..8]--, after the delivery type; v<version> unsigned",
    secrets: SecretForms { key_name: "api_secret", key: KeyForm::Text, salt: None, salt_optional: false },
    parts: Parts {
        covered: Covered::PathAfterSignature {
            leading_slash: false,
            unsigned_segment: Some(SegmentPattern::LetterDigits(b'v')),
        },
        primitive: Primitive { mix: Mix::KeyLast, hash: Hash::Sha1 },
        encoding: Encoding { alphabet: Alphabet::Base64Url { pad: true }, truncate: Truncate::Chars(8) },
        placement: Placement::PathSegment {
            anchor: Anchor::AfterPair(RESOURCE_TYPES, DELIVERY_TYPES),
            slot: Slot::Framed { open: "s--", close: "--", lengths: &[8, 32] },
        },
        expiry: None,
    },
    options: &[
        OptionSpec {
            name: "signature_algorithm",
            kind: OptionKind::Choice(&["sha1", "sha256"]),
            default: OptionDefault::Text("sha1"),
            help: "the digest of the short signature",
            effect: Effect::Hash,
        },
        OptionSpec {
            name: "long_url_signature",
            kind: OptionKind::Bool,
            default: OptionDefault::Bool(false),
            help: "the long form: SHA-256, 32 characters",
            effect: Effect::Preset(&[Setting::Hash(Hash::Sha256), Setting::Truncate(Truncate::Chars(32))]),
        },
        OptionSpec {
            name: "cloud_name",
            kind: OptionKind::Text,
            default: OptionDefault::Unset,
            help: "the first path segment of a built URL (not given: none, as on a private CDN)",
            effect: Effect::Named,
        },
    ],
    values: &[],
    grammar: Grammar::Path(&[
        Piece::OptionText("cloud_name"),
        Piece::Value {
            param: "resource_type",
            prefix: "",
            omit: None,
            choices: Some(RESOURCE_TYPES),
            default: Fallback::Value("image"),
        },
        Piece::Value {
            param: "type",
            prefix: "",
            omit: None,
            choices: Some(DELIVERY_TYPES),
            default: Fallback::Value("upload"),
        },
        Piece::Signature,
        Piece::Value {
            param: "transformation",
            prefix: "",
            omit: None,
            choices: None,
            default: Fallback::None,
        },
        Piece::Value {
            param: "version",
            prefix: "v",
            omit: None,
            choices: None,
            default: Fallback::InFolder("1"),
        },
        Piece::Path(PathForm::Escaped { suffix: "format" }),
    ]),
};
