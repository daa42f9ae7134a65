//! # imgsign
//!
//! Builds, signs and verifies image-CDN URLs (imgix, Gumlet, Pixta, ImageBoss, and every
//! scheme of docs/schemes.md). This crate is the whole product: the Python, Node, Swift and Kotlin packages are thin skins over it, so
//! the same inputs give the same bytes in every language.
//!
//! ```
//! use imgsign::{Provider, Signer};
//! let signer = Signer::new(Provider::Pixta, "wakanda123@", &[] as &[&str])?;
//! let url = signer.sign_url(
//!     "https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop")?;
//! assert!(url.ends_with("&s=7d0d58f62c945d0ca08269205228bbe7"));
//! # Ok::<(), imgsign::Error>(())
//! ```
//!
//! Behaviour decisions are written down in `docs/behaviour.md` and pinned by the shared
//! conformance vectors.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

mod arguments;
mod builder;
mod digest;
mod encode;
mod error;
mod forms;
mod grammar;
mod origin;
mod params;
mod profile;
mod profile_defaults;
mod provider;
mod reconstruct;
mod scheme;
mod secrets;
mod sent;
mod signature;
mod signer;
mod sources;
mod srcset;
mod target;
mod tokens;
mod validate;
mod values;
mod widths;

pub use arguments::{ArgumentProblem, Operation, argument_error, argument_error_code};
pub use builder::{BuilderOptions, UrlBuilder, UrlOptions};
pub use encode::{AsParam, ParamRef, ParamValue};
pub use error::{Error, ErrorCode, MESSAGE_EXCERPT_CHARS, Result, excerpt};
pub use origin::{
    AUTHORIZATION_HEADER, DEFAULT_ORIGIN_TOLERANCE, MAX_HANDSHAKE_CHARS, MAX_SIGNING_KEY_CHARS,
    ORIGIN_SECRET_HEADER, REQUEST_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, sign_origin_request,
    verify_basic_auth, verify_origin_request, verify_origin_secret,
};
pub use profile::Profile;
pub use profile_defaults::{ProfileDefaults, profile_defaults};
pub use provider::Provider;
pub use scheme::{
    Alphabet, Anchor, Covered, Effect, Encoding, Expiry, ExpiryForm, Grammar, Hash, KeyForm, Mix,
    OptionDefault, OptionKind, OptionSpec, Parts, Placement, Primitive, Scheme, SecretForms, SegmentPattern,
    Setting, Slot, Truncate, option_from_text,
};
pub use secrets::Secrets;
pub use signature::MAX_URL_LEN;
pub use signer::{SignOptions, Signer, VerifyOptions, unix_now};
pub use sources::{MAX_SOURCE_NAME_LEN, Source, SourceSpec, Sources};
pub use srcset::{SrcsetOptions, Width};
pub use validate::is_valid_domain;
pub use widths::{
    DEFAULT_DEVICE_PIXEL_RATIOS, DEFAULT_MAX_WIDTH, DEFAULT_MIN_WIDTH, DEFAULT_QUALITIES,
    DEFAULT_WIDTH_TOLERANCE, DEFAULT_WIDTHS, target_widths, target_widths_for,
};

/// The library version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg(test)]
mod send_sync {
    fn assert_send_sync<T: Send + Sync>() {}
    #[test]
    fn objects_are_send_and_sync() {
        assert_send_sync::<crate::Signer>();
        assert_send_sync::<crate::UrlBuilder>();
        assert_send_sync::<crate::Sources>();
    }
}
