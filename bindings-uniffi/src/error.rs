//! The one error type of the Swift and Kotlin packages.

use imgsign::ErrorCode;

/// Every failure of imgsign: one variant per stable code, each carrying the message. The
/// code is not stored: [`ImgsignError::error_code`] derives it from the variant, so it is
/// the core's code string (`invalid_key`, `signature_mismatch`, ...) in every language.
/// `detail` names the field at fault and never contains a key or secret.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Error)]
#[uniffi::export(Display)]
pub enum ImgsignError {
    /// `invalid_domain`: the builder's domain is not a valid host name.
    InvalidDomain {
        /// What is wrong (never a secret).
        detail: String,
    },
    /// `invalid_key`: a key, token or secret is missing, malformed or outside the limits.
    InvalidKey {
        /// What is wrong (never a secret).
        detail: String,
    },
    /// `invalid_url`: a URL (or a path used verbatim) cannot be signed as given.
    InvalidUrl {
        /// What is wrong (never a secret).
        detail: String,
    },
    /// `invalid_param`: a parameter, name or option value is not acceptable.
    InvalidParam {
        /// What is wrong (never a secret).
        detail: String,
    },
    /// `invalid_srcset`: srcset or target-width options are out of range.
    InvalidSrcset {
        /// What is wrong (never a secret).
        detail: String,
    },
    /// `missing_signature`: verification found no signature.
    MissingSignature {
        /// What is wrong (never a secret).
        detail: String,
    },
    /// `signature_mismatch`: the signature does not match any key.
    SignatureMismatch {
        /// What is wrong (never a secret).
        detail: String,
    },
    /// `expired`: past the expiry or outside the timestamp tolerance.
    Expired {
        /// What is wrong (never a secret).
        detail: String,
    },
    /// `malformed_url`: the URL cannot be parsed or its signature/expiry is misplaced.
    MalformedUrl {
        /// What is wrong (never a secret).
        detail: String,
    },
    /// `malformed_header`: a header is present but not of the documented form.
    MalformedHeader {
        /// What is wrong (never a secret).
        detail: String,
    },
    /// `not_yet_valid`: the token's start time is still to come.
    NotYetValid {
        /// What is wrong (never a secret).
        detail: String,
    },
    /// `ip_mismatch`: the token is bound to another client address, or to one and none was
    /// given.
    IpMismatch {
        /// What is wrong (never a secret).
        detail: String,
    },
    /// `acl_mismatch`: the token's ACL or allowed path does not cover the requested path.
    AclMismatch {
        /// What is wrong (never a secret).
        detail: String,
    },
    /// `unknown_source`: no source has that name, or takes the URL's host and path.
    UnknownSource {
        /// What is wrong (never a secret).
        detail: String,
    },
}

#[uniffi::export]
impl ImgsignError {
    /// The stable code (`invalid_key`, `signature_mismatch`, ...), the same in every language.
    pub fn error_code(&self) -> String {
        self.code().as_str().to_owned()
    }

    /// The message naming the field at fault, without the code (never a key or secret).
    pub fn error_detail(&self) -> String {
        self.detail().to_owned()
    }
}

impl ImgsignError {
    /// The core's code of this variant.
    pub(crate) fn code(&self) -> ErrorCode {
        match self {
            ImgsignError::InvalidDomain { .. } => ErrorCode::InvalidDomain,
            ImgsignError::InvalidKey { .. } => ErrorCode::InvalidKey,
            ImgsignError::InvalidUrl { .. } => ErrorCode::InvalidUrl,
            ImgsignError::InvalidParam { .. } => ErrorCode::InvalidParam,
            ImgsignError::InvalidSrcset { .. } => ErrorCode::InvalidSrcset,
            ImgsignError::MissingSignature { .. } => ErrorCode::MissingSignature,
            ImgsignError::SignatureMismatch { .. } => ErrorCode::SignatureMismatch,
            ImgsignError::Expired { .. } => ErrorCode::Expired,
            ImgsignError::MalformedUrl { .. } => ErrorCode::MalformedUrl,
            ImgsignError::MalformedHeader { .. } => ErrorCode::MalformedHeader,
            ImgsignError::NotYetValid { .. } => ErrorCode::NotYetValid,
            ImgsignError::IpMismatch { .. } => ErrorCode::IpMismatch,
            ImgsignError::AclMismatch { .. } => ErrorCode::AclMismatch,
            ImgsignError::UnknownSource { .. } => ErrorCode::UnknownSource,
        }
    }

    fn detail(&self) -> &str {
        match self {
            ImgsignError::InvalidDomain { detail }
            | ImgsignError::InvalidKey { detail }
            | ImgsignError::InvalidUrl { detail }
            | ImgsignError::InvalidParam { detail }
            | ImgsignError::InvalidSrcset { detail }
            | ImgsignError::MissingSignature { detail }
            | ImgsignError::SignatureMismatch { detail }
            | ImgsignError::Expired { detail }
            | ImgsignError::MalformedUrl { detail }
            | ImgsignError::MalformedHeader { detail }
            | ImgsignError::NotYetValid { detail }
            | ImgsignError::IpMismatch { detail }
            | ImgsignError::AclMismatch { detail } => detail,
            ImgsignError::UnknownSource { detail } => detail,
        }
    }
}

/// `<code>: <detail>`, as the core writes its errors (`toString` in Kotlin).
impl std::fmt::Display for ImgsignError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code(), self.detail())
    }
}

impl std::error::Error for ImgsignError {}

impl From<imgsign::Error> for ImgsignError {
    fn from(e: imgsign::Error) -> Self {
        let detail = e.message().to_owned();
        match e.code() {
            ErrorCode::InvalidDomain => ImgsignError::InvalidDomain { detail },
            ErrorCode::InvalidKey => ImgsignError::InvalidKey { detail },
            ErrorCode::InvalidUrl => ImgsignError::InvalidUrl { detail },
            ErrorCode::InvalidParam => ImgsignError::InvalidParam { detail },
            ErrorCode::InvalidSrcset => ImgsignError::InvalidSrcset { detail },
            ErrorCode::MissingSignature => ImgsignError::MissingSignature { detail },
            ErrorCode::SignatureMismatch => ImgsignError::SignatureMismatch { detail },
            ErrorCode::Expired => ImgsignError::Expired { detail },
            ErrorCode::MalformedUrl => ImgsignError::MalformedUrl { detail },
            ErrorCode::MalformedHeader => ImgsignError::MalformedHeader { detail },
            ErrorCode::NotYetValid => ImgsignError::NotYetValid { detail },
            ErrorCode::IpMismatch => ImgsignError::IpMismatch { detail },
            ErrorCode::AclMismatch => ImgsignError::AclMismatch { detail },
            ErrorCode::UnknownSource => ImgsignError::UnknownSource { detail },
        }
    }
}

pub(crate) type Result<T> = std::result::Result<T, ImgsignError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_code_maps_to_its_variant_and_back() {
        for code in ErrorCode::ALL {
            let e: ImgsignError = imgsign::Error::new(code, "m").into();
            assert_eq!((e.error_code().as_str(), e.error_detail().as_str()), (code.as_str(), "m"));
            assert_eq!(e.to_string(), imgsign::Error::new(code, "m").to_string());
        }
    }
}
