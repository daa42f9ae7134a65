//! Error values with stable codes (docs/behaviour.md, "Error codes").

use std::fmt;

/// The stable code of an error: the same string in every language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// The builder's domain is not a valid host name.
    InvalidDomain,
    /// A key, token or secret is missing, malformed or outside the provider's limits.
    InvalidKey,
    /// A URL (or a path used verbatim) cannot be signed as given.
    InvalidUrl,
    /// A parameter, name or option value is not acceptable.
    InvalidParam,
    /// srcset or target-width options are out of range.
    InvalidSrcset,
    /// Verification: no signature was present.
    MissingSignature,
    /// Verification: the signature does not match any key.
    SignatureMismatch,
    /// Verification: the URL or request is past its expiry / outside the tolerance.
    Expired,
    /// Verification: the URL cannot be parsed or its signature/expiry is misplaced.
    MalformedUrl,
    /// Origin verification: a header is present but not of the documented form.
    MalformedHeader,
    /// Verification: the token's start time is still to come.
    NotYetValid,
    /// Verification: the token is bound to another client address, or to one and none was
    /// given.
    IpMismatch,
    /// Verification: the token's ACL (or allowed path) does not cover the requested path.
    AclMismatch,
    /// Sources: no source has that name, or takes the URL's host and path.
    UnknownSource,
}

impl ErrorCode {
    /// Every code, in a stable order.
    pub const ALL: [ErrorCode; 14] = [
        ErrorCode::InvalidDomain,
        ErrorCode::InvalidKey,
        ErrorCode::InvalidUrl,
        ErrorCode::InvalidParam,
        ErrorCode::InvalidSrcset,
        ErrorCode::MissingSignature,
        ErrorCode::SignatureMismatch,
        ErrorCode::Expired,
        ErrorCode::MalformedUrl,
        ErrorCode::MalformedHeader,
        ErrorCode::NotYetValid,
        ErrorCode::IpMismatch,
        ErrorCode::AclMismatch,
        ErrorCode::UnknownSource,
    ];

    /// The code as written in every language (`snake_case`).
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidDomain => "invalid_domain",
            ErrorCode::InvalidKey => "invalid_key",
            ErrorCode::InvalidUrl => "invalid_url",
            ErrorCode::InvalidParam => "invalid_param",
            ErrorCode::InvalidSrcset => "invalid_srcset",
            ErrorCode::MissingSignature => "missing_signature",
            ErrorCode::SignatureMismatch => "signature_mismatch",
            ErrorCode::Expired => "expired",
            ErrorCode::MalformedUrl => "malformed_url",
            ErrorCode::MalformedHeader => "malformed_header",
            ErrorCode::NotYetValid => "not_yet_valid",
            ErrorCode::IpMismatch => "ip_mismatch",
            ErrorCode::AclMismatch => "acl_mismatch",
            ErrorCode::UnknownSource => "unknown_source",
        }
    }

    /// Parses a code string.
    pub fn from_name(name: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.iter().copied().find(|c| c.as_str() == name)
    }

    /// True for the codes that only verification returns.
    pub const fn is_verify_failure(self) -> bool {
        matches!(
            self,
            ErrorCode::MissingSignature
                | ErrorCode::SignatureMismatch
                | ErrorCode::Expired
                | ErrorCode::MalformedUrl
                | ErrorCode::MalformedHeader
                | ErrorCode::NotYetValid
                | ErrorCode::IpMismatch
                | ErrorCode::AclMismatch
        )
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error: a stable [`ErrorCode`] and a message that names the field at fault.
/// Messages never contain a key or secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    code: ErrorCode,
    message: String,
}

impl Error {
    /// Creates an error.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Error {
        Error { code, message: message.into() }
    }

    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The human-readable message (without the code).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Prefixes the message with a location, e.g. `urls[3]` (batch calls name the failing
    /// item this way).
    pub fn at(mut self, location: &str) -> Error {
        self.message = format!("{location}: {}", self.message);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for Error {}

/// Result alias used throughout the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Longest excerpt of a caller's value shown in a message, in characters.
pub const MESSAGE_EXCERPT_CHARS: usize = 40;

/// How a message shows a caller's value that is not a secret (a param name, a path): quoted
/// with Rust's escapes (so control characters are visible), cut after
/// [`MESSAGE_EXCERPT_CHARS`] characters with `…` after the closing quote. This is the one
/// truncation rule: bindings use it rather than their own. Values that may be secrets (keys,
/// and names or domains that could be a misplaced key) are never shown at all.
pub fn excerpt(text: &str) -> String {
    match text.char_indices().nth(MESSAGE_EXCERPT_CHARS) {
        Some((cut, _)) => format!("{:?}…", text.get(..cut).unwrap_or_default()),
        None => format!("{text:?}"),
    }
}

pub(crate) fn err<T>(code: ErrorCode, message: impl Into<String>) -> Result<T> {
    Err(Error::new(code, message))
}
