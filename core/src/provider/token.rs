//! The token-style schemes (docs/schemes.md): ImageKit, Bunny CDN, Cloudflare Images, Akamai
//! EdgeAuth, Uploadcare, Glide, KeyCDN. Each is one value of the model, built from the token
//! parts ([`MessagePiece`], [`TokenQuery`], [`FieldToken`]).

use crate::scheme::{
    Alphabet, Covered, Effect, Encoding, Escape, Expiry, ExpiryForm, Field, FieldSource, FieldToken, Grammar,
    Hash, IpForm, KeyForm, MessagePiece, Mix, OptionDefault, OptionKind, OptionSpec, Parts, Placement,
    Primitive, QueryForm, Scheme, SecretForms, TokenParam, TokenQuery, Truncate,
};

const HEX: Encoding = Encoding { alphabet: Alphabet::HexLower, truncate: Truncate::None };
const B64: Encoding = Encoding { alphabet: Alphabet::Base64Url { pad: false }, truncate: Truncate::None };
const fn text_key(key_name: &'static str) -> SecretForms {
    SecretForms { key_name, key: KeyForm::Text, salt: None, salt_optional: false }
}
const fn expiry(name: &'static str, form: ExpiryForm, required: bool) -> Option<Expiry> {
    Some(Expiry { name, form, required })
}
const fn text(name: &'static str, help: &'static str) -> OptionSpec {
    OptionSpec { name, kind: OptionKind::Text, default: OptionDefault::Unset, help, effect: Effect::Named }
}
const fn flag(name: &'static str, help: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        kind: OptionKind::Bool,
        default: OptionDefault::Bool(false),
        help,
        effect: Effect::Named,
    }
}
const PATH: MessagePiece = MessagePiece::Path { decoded: false, leading_slash: true, or_param: None };

// ------------------------------------------------------------------------------ ImageKit

/// ImageKit: hex HMAC-SHA1 of the URL after the endpoint and the expiry (`9999999999` when
/// the URL does not expire); `ik-t` (when expiring) and `ik-s` last.
pub(crate) static IMAGEKIT: Scheme = Scheme {
    name: "imagekit",
    formula: "ik-s = hex(hmac_sha1(private_key, url after the endpoint + (ik-t or 9999999999))); ik-t, ik-s last",
    secrets: text_key("private_key"),
    parts: Parts {
        covered: Covered::Pieces(&[
            MessagePiece::UrlAfter("endpoint"),
            MessagePiece::Expiry { never: "9999999999" },
        ]),
        primitive: Primitive { mix: Mix::Hmac, hash: Hash::Sha1 },
        encoding: HEX,
        placement: Placement::LastQueryParam("ik-s"),
        expiry: expiry("ik-t", ExpiryForm::BeforeSignature, false),
    },
    options: &[text("endpoint", "the URL endpoint (https://ik.imagekit.io/<id>/), required; not signed")],
    values: &[],
    grammar: Grammar::Query,
};

// ------------------------------------------------------------------------------ Bunny CDN

const BUNNY_VALUE_PARAMS: &[(&str, &str)] = &[
    ("token_path", "token_path"),
    ("countries", "token_countries"),
    ("countries_blocked", "token_countries_blocked"),
    ("limit", "limit"),
];
const BUNNY_TOKEN: TokenQuery = TokenQuery {
    token: "token",
    segment: "bcdn_token",
    form_option: "form",
    prefix: "HS256-",
    bound_flag: "1-",
    value_params: BUNNY_VALUE_PARAMS,
    ignore: Some(("ignore_params", "token_ignore_params")),
};
const BUNNY_PATH: MessagePiece =
    MessagePiece::Path { decoded: false, leading_slash: true, or_param: Some("token_path") };
const BUNNY_EXPIRES: Option<Expiry> = expiry("expires", ExpiryForm::Token, true);

/// Bunny's current scheme (HS256).
const BUNNY_HS256: Parts = Parts {
    covered: Covered::Pieces(&[
        BUNNY_PATH,
        MessagePiece::Expiry { never: "" },
        MessagePiece::Ip(IpForm::Prefix64),
        MessagePiece::Query(QueryForm::Sorted),
    ]),
    primitive: Primitive { mix: Mix::Hmac, hash: Hash::Sha256 },
    encoding: B64,
    placement: Placement::TokenQuery(&BUNNY_TOKEN),
    expiry: BUNNY_EXPIRES,
};
/// The basic (V1) scheme: MD5 of key, path, expiry and the address as text; no params.
const BUNNY_BASIC: Parts = Parts {
    covered: Covered::Pieces(&[PATH, MessagePiece::Expiry { never: "" }, MessagePiece::Ip(IpForm::Text)]),
    primitive: Primitive { mix: Mix::KeyFirst, hash: Hash::Md5 },
    placement: Placement::TokenQuery(&TokenQuery { prefix: "", bound_flag: "", ignore: None, ..BUNNY_TOKEN }),
    ..BUNNY_HS256
};
/// The pre-2026 scheme: SHA-256 of key, path, expiry, sorted params and the address as text.
const BUNNY_LEGACY: Parts = Parts {
    covered: Covered::Pieces(&[
        BUNNY_PATH,
        MessagePiece::Expiry { never: "" },
        MessagePiece::Query(QueryForm::Sorted),
        MessagePiece::Ip(IpForm::Text),
    ]),
    primitive: Primitive { mix: Mix::KeyFirst, hash: Hash::Sha256 },
    placement: Placement::TokenQuery(&TokenQuery { prefix: "", bound_flag: "", ..BUNNY_TOKEN }),
    ..BUNNY_HS256
};

/// Bunny CDN token authentication.
pub(crate) static BUNNY: Scheme = Scheme {
    name: "bunny",
    formula: "token = HS256-[1-]b64url(hmac_sha256(key, path + expires + packed ip + sorted params)); \
              basic: b64url(md5(key + path + expires [+ ip])); legacy: b64url(sha256(key + path + expires + params + ip))",
    secrets: text_key("token key"),
    parts: BUNNY_HS256,
    options: &[
        OptionSpec {
            name: "scheme",
            kind: OptionKind::Choice(&["hs256", "basic", "legacy"]),
            default: OptionDefault::Text("hs256"),
            help: "hs256 (current), basic (V1, MD5) or legacy (the pre-2026 SHA-256 signers)",
            effect: Effect::Variant(&[BUNNY_HS256, BUNNY_BASIC, BUNNY_LEGACY]),
        },
        OptionSpec {
            name: "form",
            kind: OptionKind::Choice(&["query", "directory"]),
            default: OptionDefault::Text("query"),
            help: "the token in the query, or as the first path segment (/bcdn_token=.../path)",
            effect: Effect::Named,
        },
        flag("ignore_params", "sign no query param (token_ignore_params=true)"),
    ],
    values: &[
        text("ip", "the client address the token is bound to (IPv6: its /64)"),
        text("token_path", "a path prefix the token allows (one token for a directory)"),
        text("countries", "countries allowed (token_countries, e.g. CA,US)"),
        text("countries_blocked", "countries refused (token_countries_blocked)"),
        OptionSpec {
            name: "limit",
            kind: OptionKind::Int { min: 0, max: i64::MAX },
            default: OptionDefault::Unset,
            help: "a speed limit in kB/s (limit)",
            effect: Effect::Named,
        },
    ],
    grammar: Grammar::Query,
};

// ------------------------------------------------------------------------------ Cloudflare Images

/// Cloudflare Images signed URLs: the documented Worker's steps.
pub(crate) static CLOUDFLARE_IMAGES: Scheme = Scheme {
    name: "cloudflare-images",
    formula: "sig = hex(hmac_sha256(key, path + \"?\" + query with exp, as URLSearchParams writes it)), after exp",
    secrets: text_key("signing key"),
    parts: Parts {
        covered: Covered::Pieces(&[PATH, MessagePiece::Text("?"), MessagePiece::Query(QueryForm::Form)]),
        primitive: Primitive { mix: Mix::Hmac, hash: Hash::Sha256 },
        encoding: HEX,
        placement: Placement::LastQueryParam("sig"),
        expiry: expiry("exp", ExpiryForm::QueryParam, true),
    },
    options: &[],
    values: &[],
    grammar: Grammar::Query,
};

// ------------------------------------------------------------------------------ Akamai, Uploadcare

const EARLY: Escape = Escape::Early("escape_early");
static AKAMAI_FIELDS: FieldToken = FieldToken {
    fields: &[
        Field { name: "ip", source: FieldSource::ClientIp("ip"), escape: EARLY },
        Field { name: "st", source: FieldSource::Start("start"), escape: Escape::None },
        Field { name: "exp", source: FieldSource::Expiry, escape: Escape::None },
        Field { name: "acl", source: FieldSource::Acl("acl"), escape: Escape::None },
        Field { name: "id", source: FieldSource::Value("session_id"), escape: EARLY },
        Field { name: "data", source: FieldSource::Value("payload"), escape: EARLY },
        Field { name: "url", source: FieldSource::Url("url"), escape: EARLY },
        Field { name: "salt", source: FieldSource::Salt, escape: Escape::None },
    ],
    delimiter: "~",
    delimiter_option: Some("field_delimiter"),
    list_delimiter: "!",
    list_delimiter_option: Some("acl_delimiter"),
    digest: "hmac",
};
const TOKEN_EXPIRY: Option<Expiry> = expiry("exp", ExpiryForm::Token, true);

/// Akamai EdgeAuth tokens.
pub(crate) static AKAMAI: Scheme = Scheme {
    name: "akamai",
    formula: "token = fields (ip, st, exp, acl, id, data) + ~hmac=hex(hmac_sha256(hex key, fields [+ url] [+ salt]))",
    secrets: SecretForms {
        key_name: "key",
        key: KeyForm::Hex,
        salt: Some(KeyForm::Text),
        salt_optional: true,
    },
    parts: Parts {
        covered: Covered::Fields(&AKAMAI_FIELDS),
        primitive: Primitive { mix: Mix::Hmac, hash: Hash::Sha256 },
        encoding: HEX,
        placement: Placement::TokenParam(&TokenParam {
            name: "__token__",
            name_option: Some("token_name"),
            trailing_slash: false,
            query: true,
        }),
        expiry: TOKEN_EXPIRY,
    },
    options: &[
        OptionSpec {
            name: "algorithm",
            kind: OptionKind::Choice(&["sha256", "sha1", "md5"]),
            default: OptionDefault::Text("sha256"),
            help: "the HMAC's hash",
            effect: Effect::Hash,
        },
        OptionSpec {
            name: "token_name",
            kind: OptionKind::Text,
            default: OptionDefault::Text("__token__"),
            help: "the query param (or cookie) carrying the token",
            effect: Effect::Named,
        },
        OptionSpec {
            name: "field_delimiter",
            kind: OptionKind::Text,
            default: OptionDefault::Text("~"),
            help: "between fields",
            effect: Effect::Named,
        },
        OptionSpec {
            name: "acl_delimiter",
            kind: OptionKind::Text,
            default: OptionDefault::Text("!"),
            help: "between ACLs",
            effect: Effect::Named,
        },
        flag("escape_early", "escape ip, id, data and url before signing (quote_plus, lower-case hex)"),
    ],
    values: &[
        text("acl", "the ACL(s) the token allows (* is any run of characters); else a URL token"),
        text("url", "a token on its own: the URL it is for (signing a URL token, or verifying)"),
        OptionSpec {
            name: "start",
            kind: OptionKind::Int { min: 0, max: i64::MAX },
            default: OptionDefault::Unset,
            help: "valid from this UNIX time (st)",
            effect: Effect::Named,
        },
        text("ip", "the client address the token is bound to"),
        text("session_id", "a session id (id)"),
        text("payload", "opaque data (data)"),
    ],
    grammar: Grammar::Query,
};

static UPLOADCARE_ACL: FieldToken = FieldToken {
    fields: &[
        Field { name: "exp", source: FieldSource::Expiry, escape: Escape::None },
        Field { name: "acl", source: FieldSource::PathAcl("wildcard"), escape: Escape::Tilde },
    ],
    delimiter: "~",
    delimiter_option: None,
    list_delimiter: "!",
    list_delimiter_option: None,
    digest: "hmac",
};
static UPLOADCARE_URL: FieldToken = FieldToken {
    fields: &[
        Field { name: "exp", source: FieldSource::Expiry, escape: Escape::None },
        Field { name: "url", source: FieldSource::Url("url"), escape: Escape::DecodedPath },
    ],
    ..UPLOADCARE_ACL
};
const UPLOADCARE_PARAM: TokenParam =
    TokenParam { name: "token", name_option: None, trailing_slash: true, query: false };
const UPLOADCARE_ACL_PARTS: Parts = Parts {
    covered: Covered::Fields(&UPLOADCARE_ACL),
    primitive: Primitive { mix: Mix::Hmac, hash: Hash::Sha256 },
    encoding: HEX,
    placement: Placement::TokenParam(&UPLOADCARE_PARAM),
    expiry: TOKEN_EXPIRY,
};
const UPLOADCARE_URL_PARTS: Parts =
    Parts { covered: Covered::Fields(&UPLOADCARE_URL), ..UPLOADCARE_ACL_PARTS };

/// Uploadcare signed delivery: Akamai tokens with Uploadcare's fixed choices.
pub(crate) static UPLOADCARE: Scheme = Scheme {
    name: "uploadcare",
    formula: "token = exp=E~acl=/<path>/[*]~hmac=hex(hmac_sha256(hex secret, exp~acl)); url mode: exp=E~hmac over exp~url=<path>",
    secrets: SecretForms { key_name: "secret", key: KeyForm::Hex, salt: None, salt_optional: false },
    parts: UPLOADCARE_ACL_PARTS,
    options: &[
        OptionSpec {
            name: "mode",
            kind: OptionKind::Choice(&["acl", "url"]),
            default: OptionDefault::Text("acl"),
            help: "an ACL token for the path, or a URL token",
            effect: Effect::Variant(&[UPLOADCARE_ACL_PARTS, UPLOADCARE_URL_PARTS]),
        },
        flag("wildcard", "an ACL token for the path and everything under it (/<path>/*)"),
    ],
    values: &[],
    grammar: Grammar::Query,
};

// ------------------------------------------------------------------------------ Glide

/// Glide (league/glide): MD5 of the key, `:`, the decoded path without its leading `/`, `?`
/// and the params as PHP reads and re-encodes them.
pub(crate) static GLIDE: Scheme = Scheme {
    name: "glide",
    formula: "s = hex(md5(key + \":\" + path without leading / + \"?\" + http_build_query(ksort(params)))), last",
    secrets: text_key("sign key"),
    parts: Parts {
        covered: Covered::Pieces(&[
            MessagePiece::Text(":"),
            MessagePiece::Path { decoded: true, leading_slash: false, or_param: None },
            MessagePiece::Text("?"),
            MessagePiece::Query(QueryForm::Php),
        ]),
        primitive: Primitive { mix: Mix::KeyFirst, hash: Hash::Md5 },
        encoding: HEX,
        placement: Placement::LastQueryParam("s"),
        expiry: None,
    },
    options: &[],
    values: &[],
    grammar: Grammar::Query,
};

// ------------------------------------------------------------------------------ KeyCDN

const KEYCDN_IMAGE: Parts = Parts {
    covered: Covered::Pieces(&[PATH, MessagePiece::Query(QueryForm::AsSent)]),
    primitive: Primitive { mix: Mix::KeyLast, hash: Hash::Md5 },
    encoding: B64,
    placement: Placement::LastQueryParam("token"),
    expiry: None,
};
const KEYCDN_ACCESS: Parts = Parts {
    covered: Covered::Pieces(&[PATH, MessagePiece::Key, MessagePiece::Expiry { never: "" }]),
    primitive: Primitive { mix: Mix::KeyInside, hash: Hash::Md5 },
    expiry: expiry("expire", ExpiryForm::AfterSignature, true),
    ..KEYCDN_IMAGE
};

/// KeyCDN: image-processing tokens and access-control tokens.
pub(crate) static KEYCDN: Scheme = Scheme {
    name: "keycdn",
    formula: "token = b64url(md5(path + query + secret)), last; access: b64url(md5(path + secret + expire)), then expire",
    secrets: text_key("secret"),
    parts: KEYCDN_IMAGE,
    options: &[OptionSpec {
        name: "mode",
        kind: OptionKind::Choice(&["image", "access"]),
        default: OptionDefault::Text("image"),
        help: "image-processing tokens (path and query) or access-control tokens (path and expiry)",
        effect: Effect::Variant(&[KEYCDN_IMAGE, KEYCDN_ACCESS]),
    }],
    values: &[],
    grammar: Grammar::Query,
};
