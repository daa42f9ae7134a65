//! The signing-scheme model (docs/schemes.md): a provider's scheme is one [`Scheme`] value
//! built from a few composable parts, never a code path of its own.
//!
//! - [`SecretForms`]: the secrets a scheme takes (a key; a key and a salt) and how each is
//!   written (text, hex, base64);
//! - [`Parts`]: what is signed ([`Covered`]), the [`Primitive`] (digest or HMAC and its
//!   [`Hash`]), the [`Encoding`] (hex or base64url, truncated or not), where the signature
//!   goes ([`Placement`]) and the [`Expiry`];
//! - [`OptionSpec`]s: the options a caller may give by name, their types, ranges, defaults
//!   and what each changes ([`Effect`]); per-call values are declared the same way;
//! - the [`Grammar`] a builder writes URLs in.
//!
//! Options are resolved once, when a signer or builder is made ([`resolve`]): the result is
//! the scheme's parts with every option applied, and the option values by name for the parts
//! that read one (a path prefix, a token name).

use crate::encode::ParamValue;
use crate::error::{Error, ErrorCode, Result, err, excerpt};
pub use crate::tokens::{
    Escape, Field, FieldSource, FieldToken, IpForm, MessagePiece, QueryForm, TokenParam, TokenQuery,
};

/// One provider's signing scheme, as data.
#[derive(Debug)]
pub struct Scheme {
    /// The provider name as written everywhere (`imgix`, `imgproxy`, ...).
    pub name: &'static str,
    /// The formula in one line, for help texts and docs/schemes.md.
    pub formula: &'static str,
    /// The secrets the scheme takes and how each is written.
    pub secrets: SecretForms,
    /// What is signed, how, and where the signature goes (before options are applied).
    pub parts: Parts,
    /// The options a caller may give by name (`options={"signature_size": 8}`).
    pub options: &'static [OptionSpec],
    /// The values a call may give by name (`values={"ip": ...}`): what the scheme signs for
    /// one URL or token only. The effect of a value is always [`Effect::Named`].
    pub values: &'static [OptionSpec],
    /// How a builder writes the scheme's URLs.
    pub grammar: Grammar,
}

/// How a secret is written by the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyForm {
    /// Text, hashed as its UTF-8 bytes.
    Text,
    /// Hex digits (either case, an even number of them), hashed as the bytes they stand for.
    Hex,
    /// Base64 (standard or URL-safe alphabet, padding optional), hashed as the decoded bytes.
    Base64,
}

impl KeyForm {
    /// The form's name in help texts and docs (`text`, `hex`, `base64`).
    pub const fn name(self) -> &'static str {
        match self {
            KeyForm::Text => "text",
            KeyForm::Hex => "hex",
            KeyForm::Base64 => "base64",
        }
    }
}

/// The secrets of a scheme: always a key; a salt when the scheme has one (it is then
/// required). Key rotation gives previous keys (and, with a salt, one previous salt each).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SecretForms {
    /// What the provider calls the key (`key`, `api_secret`, `security key`), for help texts.
    pub key_name: &'static str,
    /// How the key is written.
    pub key: KeyForm,
    /// How the salt is written, when the scheme takes one.
    pub salt: Option<KeyForm>,
    /// Whether the salt may be left out (Akamai's: it is then not hashed); otherwise a scheme
    /// with a salt requires it.
    pub salt_optional: bool,
}

/// A hash function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hash {
    /// MD5 (16 bytes).
    Md5,
    /// SHA-1 (20 bytes).
    Sha1,
    /// SHA-256 (32 bytes).
    Sha256,
    /// SHA-512 (64 bytes).
    Sha512,
}

impl Hash {
    /// Every hash, in a stable order.
    pub const ALL: [Hash; 4] = [Hash::Md5, Hash::Sha1, Hash::Sha256, Hash::Sha512];

    /// The hash's name (`md5`, `sha1`, `sha256`, `sha512`): the values of an option whose
    /// effect is [`Effect::Hash`].
    pub const fn name(self) -> &'static str {
        match self {
            Hash::Md5 => "md5",
            Hash::Sha1 => "sha1",
            Hash::Sha256 => "sha256",
            Hash::Sha512 => "sha512",
        }
    }

    /// The hash of a name, if it is one.
    pub fn from_name(name: &str) -> Option<Hash> {
        Hash::ALL.iter().copied().find(|h| h.name() == name)
    }
}

/// How the key meets the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mix {
    /// `digest(key ‖ message)`.
    KeyFirst,
    /// `digest(message ‖ key)`.
    KeyLast,
    /// `HMAC(key, message)`. A salt, when the scheme has one, is the start of the message.
    Hmac,
    /// `digest(message)`, the key inside the message where a [`MessagePiece::Key`] puts it
    /// (KeyCDN's access tokens: path, key, expiry).
    KeyInside,
}

/// The primitive: a digest or an HMAC, and its hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Primitive {
    /// How the key meets the message.
    pub mix: Mix,
    /// The hash.
    pub hash: Hash,
}

/// The alphabet a digest is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alphabet {
    /// Lowercase hex.
    HexLower,
    /// Uppercase hex.
    HexUpper,
    /// base64url (`-` and `_`), with or without `=` padding.
    Base64Url {
        /// Whether `=` padding is written.
        pad: bool,
    },
}

/// Where a signature is cut short.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Truncate {
    /// The whole digest.
    None,
    /// The first N bytes of the digest, before encoding.
    Bytes(usize),
    /// The first N characters of the encoded signature.
    Chars(usize),
}

/// How a digest becomes the signature's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Encoding {
    /// The alphabet.
    pub alphabet: Alphabet,
    /// The truncation.
    pub truncate: Truncate,
}

/// A path segment that a signature does not cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentPattern {
    /// The letter followed by one or more ASCII digits (Cloudinary's version, `v1234`).
    LetterDigits(u8),
}

impl SegmentPattern {
    /// Whether `segment` is of this pattern.
    pub fn matches(self, segment: &str) -> bool {
        match self {
            SegmentPattern::LetterDigits(letter) => segment.split_at_checked(1).is_some_and(|(l, digits)| {
                l.as_bytes() == [letter] && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
            }),
        }
    }
}

/// What a signature covers, always as the bytes are sent (percent-encoding intact).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Covered {
    /// The path and, when the query sent before the signature is not empty, `?` and that
    /// query (the signature param and nothing else removed).
    PathAndQuery {
        /// The path is signed and emitted with exactly one leading `/` (Gumlet).
        one_leading_slash: bool,
    },
    /// The path after the signature's segment; the query is never signed.
    PathAfterSignature {
        /// Whether the `/` between the signature's segment and the rest is signed.
        leading_slash: bool,
        /// The first segment of this pattern is not signed (a verifier also tries it
        /// signed, since a public id may hold such a segment).
        unsigned_segment: Option<SegmentPattern>,
    },
    /// A message made of pieces, in order (docs/schemes.md, "Token parts").
    Pieces(&'static [MessagePiece]),
    /// The fields of a token, joined by a delimiter (Akamai EdgeAuth, Uploadcare).
    Fields(&'static FieldToken),
}

/// Where a path-segment signature sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The first segment of the path, or the first after the path prefix given in the
    /// option of this name (an unsigned part of the path, such as a server's route prefix).
    Start {
        /// The option holding a path prefix, if the scheme has one.
        prefix_option: Option<&'static str>,
    },
    /// The segment after the first two consecutive segments of the two sets (Cloudinary:
    /// the resource type and the delivery type, `image/upload`).
    AfterPair(&'static [&'static str], &'static [&'static str]),
}

/// How a path-segment signature is recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The segment is always there: the marker when the URL is unsigned (`insecure`,
    /// `unsafe`), else the signature. Signing replaces whatever it holds.
    Always {
        /// The unsigned marker. Verifying a URL that still holds it is `missing_signature`.
        marker: &'static str,
    },
    /// The segment is `open` + signature + `close`, and absent when the URL is unsigned.
    /// An existing one is recognised by its frame and its length (one of `lengths`), never
    /// by searching for `close`, which may occur inside a signature.
    Framed {
        /// What comes before the signature (`s--`).
        open: &'static str,
        /// What comes after it (`--`).
        close: &'static str,
        /// The signature lengths an existing segment may have.
        lengths: &'static [usize],
    },
}

/// Where the signature goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// The last query param of this name (an existing one is replaced).
    LastQueryParam(&'static str),
    /// A path segment.
    PathSegment {
        /// Which segment.
        anchor: Anchor,
        /// How it is recognised.
        slot: Slot,
    },
    /// The query rewritten around a token: `token=…`, the signed params, the expiry last;
    /// or the same as the first path segment (Bunny CDN).
    TokenQuery(&'static TokenQuery),
    /// The last query param carries a token of fields ([`Covered::Fields`]).
    TokenParam(&'static TokenParam),
}

/// How an expiry is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExpiryForm {
    /// A query param `name=<UNIX seconds>`, signed with the rest of the query.
    QueryParam,
    /// A query param right before the signature param, written only when the URL expires;
    /// the message reads it through a [`MessagePiece::Expiry`] (ImageKit's `ik-t`).
    BeforeSignature,
    /// A query param right after the signature param, the last one (KeyCDN's `expire`).
    AfterSignature,
    /// Written by the placement itself ([`Placement::TokenQuery`], a token field).
    Token,
}

/// A scheme's expiry: UNIX seconds, under this name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expiry {
    /// The param name (`expires`).
    pub name: &'static str,
    /// How it is written.
    pub form: ExpiryForm,
    /// Whether every URL or token of the scheme expires (signing without an expiry is then
    /// `invalid_param`, verifying without one `malformed_url`).
    pub required: bool,
}

/// What is signed, how, and where the signature goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts {
    /// What the signature covers.
    pub covered: Covered,
    /// Digest or HMAC, and the hash.
    pub primitive: Primitive,
    /// How the digest is written.
    pub encoding: Encoding,
    /// Where the signature goes.
    pub placement: Placement,
    /// The expiry, for schemes whose URLs can expire.
    pub expiry: Option<Expiry>,
}

/// How a builder writes a scheme's URLs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grammar {
    /// A domain, a path and query params, encoded by the builder's profile.
    Query,
    /// A domain and a path made of these pieces, in order: the params of `build_url` fill
    /// the pieces that name them, and the path argument is the [`Piece::Path`]. A param no
    /// piece names is `invalid_param` (unless a [`Piece::Rest`] takes it).
    Path(&'static [Piece]),
}

/// One piece of a path grammar. Pieces that produce nothing (a param not given, a flag that
/// is false, a value equal to the one omitted) add no segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece {
    /// The signature's segment (the placement's marker on an unsigned builder, or nothing for
    /// a framed slot).
    Signature,
    /// The text of the option of this name, when it is set (Cloudinary's cloud name).
    OptionText(&'static str),
    /// A boolean param: true adds `word`.
    Flag {
        /// The param.
        param: &'static str,
        /// The segment it adds.
        word: &'static str,
    },
    /// A param that is true (adds `word`) or a text (adds `word:text`): thumbor's `trim`.
    Word {
        /// The param.
        param: &'static str,
        /// The segment's first word.
        word: &'static str,
    },
    /// A param's value after `prefix`, unless the value is `omit`; `default` when not given.
    Value {
        /// The param.
        param: &'static str,
        /// Written before the value (`v` for a version, `filters:`).
        prefix: &'static str,
        /// A value that adds nothing (thumbor's `center`).
        omit: Option<&'static str>,
        /// The values it takes, when it takes only some (checked, `invalid_param` otherwise).
        choices: Option<&'static [&'static str]>,
        /// The value when not given.
        default: Fallback,
    },
    /// Two integer params written `WxH` (0 for the one not given), each negated by a boolean
    /// param (`-300x200`; `-0` when the number is 0): thumbor's size and flips. Nothing when
    /// neither number nor flip is given.
    Size {
        /// The width param.
        width: &'static str,
        /// The height param.
        height: &'static str,
        /// The param that negates the width.
        flip: &'static str,
        /// The param that negates the height.
        flop: &'static str,
    },
    /// Every param no other piece names, in the caller's order, each one segment
    /// `name` + separator + value (imgproxy's processing options).
    Rest(char),
    /// The path argument, written in this form.
    Path(PathForm),
}

/// When a [`Piece::Value`] is not given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fallback {
    /// Nothing.
    None,
    /// This value.
    Value(&'static str),
    /// This value when the path is in a folder (has a `/`), is not an `http:`/`https:` URL and
    /// does not start with a segment of the covered part's unsigned pattern (Cloudinary's
    /// `v1` for public ids in folders, as its SDKs write it).
    InFolder(&'static str),
}

/// How a builder writes the path argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathForm {
    /// As clients send it: bytes a browser would percent-encode (space, `"`, `<`, `>`, `` ` ``,
    /// `{`, `}`, `\`, controls, non-ASCII) and `?`, `#` are written `%XX`; `%` is kept, so an
    /// already-encoded path stays as it is.
    Sent,
    /// A source URL in the form the option of this name chooses: `base64` (base64url without
    /// padding) or `plain` (`plain/` and the URL percent-encoded: every byte but the RFC 3986
    /// unreserved ones and `: / ! $ & ' ( ) * + , ; =`).
    Source {
        /// The option that chooses.
        option: &'static str,
    },
    /// A resource id, percent-decoded, then every byte but `A-Z a-z 0-9 _ . - / :` written
    /// `%XX` (a URL, `http:` or `https:`, is not decoded first); runs of `/` become one (not
    /// after a `:`); then `.` and the value of the param `suffix`, when given (Cloudinary's
    /// public id and format).
    Escaped {
        /// The param whose value follows a `.`.
        suffix: &'static str,
    },
}

/// The type of an option's (or a per-call value's) value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionKind {
    /// An integer in `min..=max`.
    Int {
        /// Smallest value.
        min: i64,
        /// Largest value.
        max: i64,
    },
    /// `true` or `false`.
    Bool,
    /// One of these names (ASCII case-insensitive).
    Choice(&'static [&'static str]),
    /// Any text without control characters.
    Text,
}

impl OptionKind {
    /// How help texts name the type (`an integer from 1 to 32`, `one of sha1, sha256`).
    pub fn describe(self) -> String {
        match self {
            OptionKind::Int { min, max: i64::MAX } => format!("an integer, {min} or more"),
            OptionKind::Int { min, max } => format!("an integer from {min} to {max}"),
            OptionKind::Bool => "true or false".to_owned(),
            OptionKind::Choice(names) => format!("one of {}", names.join(", ")),
            OptionKind::Text => "text".to_owned(),
        }
    }
}

/// An option's value when the caller does not give it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionDefault {
    /// Not set: the option changes nothing.
    Unset,
    /// This integer.
    Int(i64),
    /// This boolean.
    Bool(bool),
    /// This choice or text.
    Text(&'static str),
}

impl OptionDefault {
    /// The default as help texts write it (`None` when unset).
    pub fn describe(self) -> Option<String> {
        match self {
            OptionDefault::Unset => None,
            OptionDefault::Int(i) => Some(i.to_string()),
            OptionDefault::Bool(b) => Some(b.to_string()),
            OptionDefault::Text(t) => Some(t.to_owned()),
        }
    }
}

/// A setting an option can impose on the parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    /// The primitive's hash.
    Hash(Hash),
    /// The encoding's truncation.
    Truncate(Truncate),
}

/// What an option changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Nothing by itself: a part or the grammar reads the value by name.
    Named,
    /// The primitive's hash: a [`OptionKind::Choice`] of hash names.
    Hash,
    /// The truncation to this many bytes of the digest: an [`OptionKind::Int`].
    TruncateBytes,
    /// The truncation to this many characters of the encoded signature: an
    /// [`OptionKind::Int`].
    TruncateChars,
    /// When the [`OptionKind::Bool`] option is true, these settings (applied after the
    /// options with other effects).
    Preset(&'static [Setting]),
    /// A [`OptionKind::Choice`] between whole sets of parts, one per choice, in the order
    /// of the choices (applied before every other option).
    Variant(&'static [Parts]),
}

/// One option (or per-call value) of a scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionSpec {
    /// The name, `snake_case` (each language may write it in its own casing).
    pub name: &'static str,
    /// Its type.
    pub kind: OptionKind,
    /// Its value when not given.
    pub default: OptionDefault,
    /// What it does, in one line.
    pub help: &'static str,
    /// What it changes.
    pub effect: Effect,
}

/// A resolved option value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Value {
    Int(i64),
    Bool(bool),
    Text(String),
}

impl Value {
    fn of_default(d: OptionDefault) -> Option<Value> {
        match d {
            OptionDefault::Unset => None,
            OptionDefault::Int(i) => Some(Value::Int(i)),
            OptionDefault::Bool(b) => Some(Value::Bool(b)),
            OptionDefault::Text(t) => Some(Value::Text(t.to_owned())),
        }
    }
}

/// Values by name, every declared name with its given or default value (`None`: unset).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Named(Vec<(&'static str, Option<Value>)>);

impl Named {
    /// The text of the option `name`, when it is set.
    pub(crate) fn text(&self, name: &str) -> Option<&str> {
        match self.get(name) {
            Some(Value::Text(t)) => Some(t),
            _ => None,
        }
    }

    /// The integer of the option `name`, when it is set.
    pub(crate) fn int(&self, name: &str) -> Option<i64> {
        match self.get(name) {
            Some(Value::Int(i)) => Some(*i),
            _ => None,
        }
    }

    /// Replaces the text of the option `name` (a part's normalised form of what was given).
    pub(crate) fn set_text(&mut self, name: &str, text: String) {
        if let Some(slot) = self.0.iter_mut().find(|(n, _)| *n == name) {
            slot.1 = Some(Value::Text(text));
        }
    }

    /// The value of `name` written as text (an integer in decimal), when it is set.
    pub(crate) fn display(&self, name: &str) -> Option<String> {
        match self.get(name)? {
            Value::Int(i) => Some(i.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Text(t) => Some(t.clone()),
        }
    }

    /// Whether the boolean option `name` is set and true.
    pub(crate) fn flag(&self, name: &str) -> bool {
        matches!(self.get(name), Some(Value::Bool(true)))
    }

    /// Whether `name` has a value (given, or a default).
    pub(crate) fn is_set(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(n, _)| *n == name).and_then(|(_, v)| v.as_ref())
    }
}

/// A scheme with its options applied.
#[derive(Clone, Debug)]
pub(crate) struct Resolved {
    pub(crate) scheme: &'static Scheme,
    pub(crate) parts: Parts,
    pub(crate) options: Named,
    /// The unsigned path prefix of an [`Anchor::Start`] placement, as the segments between
    /// the first `/` and the signature's (`info`, `a/b`), read once from its option.
    pub(crate) path_prefix: Option<String>,
}

/// The name of an option as the core spells it: `signatureSize` is `signature_size`.
pub(crate) fn option_name(name: &str) -> String {
    crate::arguments::snake_case(name)
}

/// Reads the values a caller gave for `specs` (`field` is `options` or `values`): every
/// name known (either casing), given once, of the right type and range. `None` values are
/// not given. The result has every spec, with its value or its default.
pub(crate) fn read_named<K: AsRef<str>>(
    scheme: &Scheme,
    field: &str,
    specs: &'static [OptionSpec],
    given: &[(K, ParamValue)],
) -> Result<Named> {
    // The common case (a scheme without per-call values, none given) allocates nothing.
    if specs.is_empty() && given.is_empty() {
        return Ok(Named(Vec::new()));
    }
    let mut values: Vec<(&'static str, Option<Value>, bool)> =
        specs.iter().map(|s| (s.name, Value::of_default(s.default), false)).collect();
    for (raw, value) in given {
        let raw = raw.as_ref();
        let name = option_name(raw);
        let Some((i, spec)) = specs.iter().enumerate().find(|(_, s)| s.name == name) else {
            return err(ErrorCode::InvalidParam, unknown(scheme, field, raw, specs));
        };
        let Some(slot) = values.get_mut(i) else { continue };
        if slot.2 {
            return err(
                ErrorCode::InvalidParam,
                format!("{field}[{}]: given more than once", excerpt(spec.name)),
            );
        }
        if let Some(v) = read_value(field, spec, value)? {
            *slot = (spec.name, Some(v), true);
        }
    }
    Ok(Named(values.into_iter().map(|(n, v, _)| (n, v)).collect()))
}

fn unknown(scheme: &Scheme, field: &str, raw: &str, specs: &[OptionSpec]) -> String {
    let what = if field == "values" { "value" } else { "option" };
    if specs.is_empty() {
        return format!("{field}: {} takes no {what}s (got {})", scheme.name, excerpt(raw));
    }
    let names: Vec<&str> = specs.iter().map(|s| s.name).collect();
    format!("{field}: {} is not a {what} of {} (expected {})", excerpt(raw), scheme.name, names.join(", "))
}

/// One value, checked against its spec (`Null` is not given).
fn read_value(field: &str, spec: &OptionSpec, value: &ParamValue) -> Result<Option<Value>> {
    let at = format!("{field}[{}]", excerpt(spec.name));
    let wrong = || -> Result<Option<Value>> {
        err(ErrorCode::InvalidParam, format!("{at}: expected {}", spec.kind.describe()))
    };
    let v = match (spec.kind, value) {
        (_, ParamValue::Null) => return Ok(None),
        (OptionKind::Int { min, max }, v) => {
            let i = match v {
                ParamValue::Int(i) => *i,
                // A JavaScript number arrives as a float: an integral one is an integer.
                #[allow(clippy::cast_possible_truncation)]
                ParamValue::Float(f) if f.fract() == 0.0 && f.abs() < 9.007_199_254_740_992e15 => *f as i64,
                _ => return wrong(),
            };
            if i < min || i > max {
                return wrong();
            }
            Value::Int(i)
        }
        (OptionKind::Bool, ParamValue::Bool(b)) => Value::Bool(*b),
        (OptionKind::Choice(names), ParamValue::Str(s)) => {
            match names.iter().find(|n| n.eq_ignore_ascii_case(s)) {
                Some(n) => Value::Text((*n).to_owned()),
                None => return wrong(),
            }
        }
        (OptionKind::Text, ParamValue::Str(s)) => {
            if s.chars().any(char::is_control) {
                return err(ErrorCode::InvalidParam, format!("{at}: contains a control character"));
            }
            Value::Text(s.clone())
        }
        _ => return wrong(),
    };
    Ok(Some(v))
}

/// The value of an option given as text (the command line): read by the option's type.
/// An unknown name is `invalid_param`, as it is for any other caller.
pub fn option_from_text(scheme: &Scheme, field: &str, name: &str, text: &str) -> Result<ParamValue> {
    let specs = if field == "values" { scheme.values } else { scheme.options };
    let Some(spec) = specs.iter().find(|s| s.name == option_name(name)) else {
        return err(ErrorCode::InvalidParam, unknown(scheme, field, name, specs));
    };
    let at = format!("{field}[{}]", excerpt(spec.name));
    Ok(match spec.kind {
        OptionKind::Int { .. } => match text.trim().parse::<i64>() {
            Ok(i) => ParamValue::Int(i),
            Err(_) => {
                return err(ErrorCode::InvalidParam, format!("{at}: expected {}", spec.kind.describe()));
            }
        },
        OptionKind::Bool => match text.trim() {
            "true" => ParamValue::Bool(true),
            "false" => ParamValue::Bool(false),
            _ => return err(ErrorCode::InvalidParam, format!("{at}: expected true or false")),
        },
        OptionKind::Choice(_) | OptionKind::Text => ParamValue::Str(text.to_owned()),
    })
}

/// Applies the options `given` to `scheme`'s parts: variants first, then hashes and
/// truncations, then presets.
pub(crate) fn resolve<K: AsRef<str>>(scheme: &'static Scheme, given: &[(K, ParamValue)]) -> Result<Resolved> {
    let options = read_named(scheme, "options", scheme.options, given)?;
    let mut parts = scheme.parts;
    let value = |spec: &OptionSpec| options.get(spec.name);
    for spec in scheme.options {
        if let (Effect::Variant(variants), OptionKind::Choice(names), Some(Value::Text(t))) =
            (spec.effect, spec.kind, value(spec))
        {
            let i = names.iter().position(|n| n == t);
            parts = *i.and_then(|i| variants.get(i)).ok_or_else(|| internal(scheme, spec))?;
        }
    }
    for spec in scheme.options {
        match (spec.effect, value(spec)) {
            (Effect::Hash, Some(Value::Text(t))) => {
                parts.primitive.hash = Hash::from_name(t).ok_or_else(|| internal(scheme, spec))?;
            }
            (Effect::TruncateBytes, Some(Value::Int(n))) => {
                parts.encoding.truncate = Truncate::Bytes(usize::try_from(*n).unwrap_or(0));
            }
            (Effect::TruncateChars, Some(Value::Int(n))) => {
                parts.encoding.truncate = Truncate::Chars(usize::try_from(*n).unwrap_or(0));
            }
            _ => {}
        }
    }
    for spec in scheme.options {
        if let (Effect::Preset(settings), Some(Value::Bool(true))) = (spec.effect, value(spec)) {
            for s in settings {
                match *s {
                    Setting::Hash(h) => parts.primitive.hash = h,
                    Setting::Truncate(t) => parts.encoding.truncate = t,
                }
            }
        }
    }
    let path_prefix = match parts.placement {
        Placement::PathSegment { anchor: Anchor::Start { prefix_option: Some(name) }, .. } => {
            options.text(name).map(|p| p.trim_matches('/').to_owned()).filter(|p| !p.is_empty())
        }
        _ => None,
    };
    Ok(Resolved { scheme, parts, options, path_prefix })
}

/// A scheme table whose option does not fit its effect: a defect of the table, caught by
/// the tests of every scheme, reported rather than panicking.
fn internal(scheme: &Scheme, spec: &OptionSpec) -> Error {
    Error::new(
        ErrorCode::InvalidParam,
        format!("options[{}]: {} has no such setting", excerpt(spec.name), scheme.name),
    )
}

impl Scheme {
    /// The query param carrying the signature, for a scheme that signs in the query.
    pub fn query_param(&self) -> Option<&'static str> {
        match self.parts.placement {
            Placement::LastQueryParam(p) => Some(p),
            Placement::TokenQuery(t) => Some(t.token),
            Placement::TokenParam(t) => Some(t.name),
            Placement::PathSegment { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::Provider;

    /// Every scheme's table is consistent: each option's effect fits its type, each default
    /// is a value of the type, names are `snake_case` and unique.
    #[test]
    fn every_scheme_table_is_consistent() {
        for p in Provider::ALL {
            let s = p.scheme();
            let all: Vec<&OptionSpec> = s.options.iter().chain(s.values.iter()).collect();
            for (i, o) in all.iter().enumerate() {
                assert!(
                    o.name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                    "{}",
                    o.name
                );
                assert!(all.iter().skip(i + 1).all(|x| x.name != o.name), "{} twice", o.name);
                assert!(!o.help.is_empty());
                match (o.kind, o.default) {
                    (_, OptionDefault::Unset) => {}
                    (OptionKind::Int { min, max }, OptionDefault::Int(d)) => {
                        assert!((min..=max).contains(&d))
                    }
                    (OptionKind::Bool, OptionDefault::Bool(_))
                    | (OptionKind::Text, OptionDefault::Text(_)) => {}
                    (OptionKind::Choice(names), OptionDefault::Text(d)) => assert!(names.contains(&d)),
                    other => panic!("{} {}: default does not fit {other:?}", s.name, o.name),
                }
                match (o.effect, o.kind) {
                    (Effect::Named, _)
                    | (Effect::TruncateBytes | Effect::TruncateChars, OptionKind::Int { .. })
                    | (Effect::Preset(_), OptionKind::Bool) => {}
                    (Effect::Hash, OptionKind::Choice(names)) => {
                        assert!(names.iter().all(|n| Hash::from_name(n).is_some()))
                    }
                    (Effect::Variant(v), OptionKind::Choice(names)) => assert_eq!(v.len(), names.len()),
                    other => panic!("{} {}: effect does not fit {other:?}", s.name, o.name),
                }
            }
            for v in s.values {
                assert_eq!(v.effect, Effect::Named, "{} {}", s.name, v.name);
            }
            // The defaults resolve.
            resolve(s, &[] as &[(&str, ParamValue)]).unwrap();
        }
    }

    #[test]
    fn names_in_either_casing() {
        assert_eq!(option_name("signatureSize"), "signature_size");
        assert_eq!(option_name("signature_size"), "signature_size");
    }

    #[test]
    fn version_segments() {
        let v = SegmentPattern::LetterDigits(b'v');
        assert!(v.matches("v1234") && v.matches("v1"));
        assert!(
            !v.matches("v") && !v.matches("va1") && !v.matches("x12") && !v.matches("v12a") && !v.matches("")
        );
    }

    static VARIANT_A: Parts = Provider::Imgix.scheme().parts;
    static VARIANT_B: Parts = Provider::Pixta.scheme().parts;
    static TEST: Scheme = Scheme {
        name: "test",
        formula: "test",
        secrets: SecretForms { key_name: "key", key: KeyForm::Text, salt: None, salt_optional: false },
        parts: VARIANT_A,
        options: &[
            OptionSpec {
                name: "mode",
                kind: OptionKind::Choice(&["a", "b"]),
                default: OptionDefault::Text("a"),
                help: "variant",
                effect: Effect::Variant(&[VARIANT_A, VARIANT_B]),
            },
            OptionSpec {
                name: "algorithm",
                kind: OptionKind::Choice(&["md5", "sha256"]),
                default: OptionDefault::Unset,
                help: "hash",
                effect: Effect::Hash,
            },
            OptionSpec {
                name: "size",
                kind: OptionKind::Int { min: 1, max: 32 },
                default: OptionDefault::Int(32),
                help: "bytes",
                effect: Effect::TruncateBytes,
            },
            OptionSpec {
                name: "long",
                kind: OptionKind::Bool,
                default: OptionDefault::Bool(false),
                help: "preset",
                effect: Effect::Preset(&[
                    Setting::Hash(Hash::Sha512),
                    Setting::Truncate(Truncate::Chars(40)),
                ]),
            },
            OptionSpec {
                name: "prefix",
                kind: OptionKind::Text,
                default: OptionDefault::Unset,
                help: "text",
                effect: Effect::Named,
            },
        ],
        values: &[],
        grammar: Grammar::Query,
    };

    fn code<T: std::fmt::Debug>(r: Result<T>) -> ErrorCode {
        r.unwrap_err().code()
    }

    #[test]
    fn options_apply_by_effect() {
        let r = resolve(&TEST, &[("mode", ParamValue::from("B")), ("algorithm", "sha256".into())]).unwrap();
        assert_eq!(r.parts.primitive, Primitive { mix: Mix::KeyLast, hash: Hash::Sha256 });
        assert_eq!(r.parts.encoding.truncate, Truncate::Bytes(32));
        let r = resolve(&TEST, &[("size", ParamValue::Float(8.0)), ("long", true.into())]).unwrap();
        assert_eq!(r.parts.primitive.hash, Hash::Sha512);
        assert_eq!(r.parts.encoding.truncate, Truncate::Chars(40));
        let r = resolve(&TEST, &[("prefix", ParamValue::from("/info")), ("size", ParamValue::Null)]).unwrap();
        assert_eq!(r.options.text("prefix"), Some("/info"));
        assert_eq!(r.parts.encoding.truncate, Truncate::Bytes(32));
    }

    #[test]
    fn options_are_checked() {
        assert_eq!(code(resolve(&TEST, &[("nope", ParamValue::Int(1))])), ErrorCode::InvalidParam);
        assert_eq!(code(resolve(&TEST, &[("size", ParamValue::Int(33))])), ErrorCode::InvalidParam);
        assert_eq!(code(resolve(&TEST, &[("size", ParamValue::Float(8.5))])), ErrorCode::InvalidParam);
        assert_eq!(code(resolve(&TEST, &[("size", ParamValue::from("8"))])), ErrorCode::InvalidParam);
        assert_eq!(code(resolve(&TEST, &[("mode", ParamValue::from("c"))])), ErrorCode::InvalidParam);
        assert_eq!(code(resolve(&TEST, &[("long", ParamValue::Int(1))])), ErrorCode::InvalidParam);
        assert_eq!(code(resolve(&TEST, &[("prefix", ParamValue::from("a\nb"))])), ErrorCode::InvalidParam);
        let twice = [("size", ParamValue::Int(8)), ("size", ParamValue::Int(9))];
        assert!(resolve(&TEST, &twice).unwrap_err().message().contains("more than once"));
        assert_eq!(option_from_text(&TEST, "options", "size", "8"), Ok(ParamValue::Int(8)));
        assert_eq!(option_from_text(&TEST, "options", "long", "true"), Ok(ParamValue::Bool(true)));
        assert_eq!(code(option_from_text(&TEST, "options", "long", "yes")), ErrorCode::InvalidParam);
        assert_eq!(code(option_from_text(&TEST, "options", "x", "1")), ErrorCode::InvalidParam);
    }
}
