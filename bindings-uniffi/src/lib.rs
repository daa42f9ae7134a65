//! UniFFI bindings of imgsign for Swift (module `Imgsign`) and Kotlin (package `io.imgsign`).
//!
//! This crate only converts types and maps errors: every rule (encoding, validation,
//! defaults, signing) lives in the `imgsign` core crate. Optional fields and arguments that
//! the caller leaves out are passed to the core as "not given" and the core's own defaults
//! apply.
//!
//! Objects ([`Signer`], [`UrlBuilder`]) are immutable and shared through `Arc`, so they are
//! safe to use from any thread. Batch calls (`sign_urls`, `build_urls`, `build_srcset`)
//! cross the language boundary once for a whole list.

mod builder;
mod error;
mod fast;
mod signer;
mod sources;
mod types;

pub use builder::UrlBuilder;
pub use error::ImgsignError;
pub use signer::Signer;
pub use sources::{SourceSpec, Sources};
pub use types::{Header, InputString, Param, ParamValue, SrcsetOptions, UrlItem, VariableQuality};

use error::Result;
use imgsign::{ArgumentProblem, Operation as Op};
use types::{core_headers, opt_arg};

uniffi::setup_scaffolding!();

/// The fluid srcset widths between `min_width` and `max_width` with `tolerance`, by the rules
/// of `profile` (not given: canonical; a compatibility profile computes them as its library
/// does). The core's defaults apply for any argument not given.
#[uniffi::export(default(min_width = None, max_width = None, tolerance = None, profile = None))]
pub fn target_widths(
    min_width: Option<f64>,
    max_width: Option<f64>,
    tolerance: Option<f64>,
    profile: Option<InputString>,
) -> Result<Vec<i64>> {
    let profile = opt_arg(profile, Op::TargetWidths, "profile")?;
    let profile = profile.map(|p| imgsign::Profile::from_name(&p)).transpose()?;
    let widths = imgsign::target_widths_for(profile, min_width, max_width, tolerance)?;
    Ok(widths.into_iter().map(i64::from).collect())
}

/// The `X-Imgix-Signature` header value (`v1,<HEX>`) for an origin request.
#[uniffi::export]
pub fn sign_origin_request(key: InputString, request_id: InputString, timestamp: i64) -> Result<String> {
    let key = key.arg(Op::SignOriginRequest, "key")?;
    let request_id = request_id.arg(Op::SignOriginRequest, "request_id")?;
    Ok(imgsign::sign_origin_request(&key, &request_id, timestamp)?)
}

/// Verifies the origin-request signature headers, with `tolerance` seconds around `now`
/// (the system clock and the core's default tolerance when not given).
#[uniffi::export(default(now = None, tolerance = None))]
pub fn verify_origin_request(
    key: InputString,
    headers: Vec<Header>,
    now: Option<i64>,
    tolerance: Option<i64>,
) -> Result<()> {
    let key = key.arg(Op::VerifyOriginRequest, "key")?;
    let headers = core_headers(headers, Op::VerifyOriginRequest)?;
    Ok(imgsign::verify_origin_request(&key, &headers, now, tolerance)?)
}

/// Checks the `Authorization: Basic ...` header against the configured credentials.
#[uniffi::export]
pub fn verify_basic_auth(username: InputString, password: InputString, headers: Vec<Header>) -> Result<()> {
    let username = username.arg(Op::VerifyBasicAuth, "username")?;
    let password = password.arg(Op::VerifyBasicAuth, "password")?;
    let headers = core_headers(headers, Op::VerifyBasicAuth)?;
    Ok(imgsign::verify_basic_auth(&username, &password, &headers)?)
}

/// Checks the `X-Imgix-Origin-Secret` handshake header against the configured secret.
#[uniffi::export]
pub fn verify_origin_secret(secret: InputString, headers: Vec<Header>) -> Result<()> {
    let secret = secret.arg(Op::VerifyOriginSecret, "secret")?;
    let headers = core_headers(headers, Op::VerifyOriginSecret)?;
    Ok(imgsign::verify_origin_secret(&secret, &headers)?)
}

/// The error code (`invalid_url`, ...) a wrong-typed or ill-formed value of `argument` of
/// `operation` gets (names in `snake_case` or `camelCase`); `None` for an unknown
/// operation. The rule is the core's.
#[uniffi::export]
pub fn argument_error_code(operation: String, argument: String) -> Option<String> {
    Op::from_name(&operation).map(|op| imgsign::argument_error_code(op, &argument).as_str().to_owned())
}

/// The core's error for a value of the wrong type for `argument` of `operation` (what
/// Kotlin's `paramValueOf` throws): `expected` and `got` name types, never the value. `None`
/// for an unknown operation.
#[uniffi::export]
pub fn argument_type_error(
    operation: String,
    argument: String,
    expected: String,
    got: String,
) -> Option<ImgsignError> {
    let problem = ArgumentProblem::WrongType { expected: &expected, got: &got };
    Op::from_name(&operation).map(|op| imgsign::argument_error(op, &argument, problem).into())
}

/// The name of every provider the core knows, in its stable order (`imgix`, `gumlet`, ...).
/// The Swift package generates its provider constants from this list.
#[uniffi::export]
pub fn provider_names() -> Vec<String> {
    imgsign::Provider::ALL.iter().map(|p| p.name().to_owned()).collect()
}

/// What a profile assumes when an argument is not given, and the library it names in `ixlib`
/// (one entry of [`profile_defaults`]).
#[derive(uniffi::Record)]
pub struct ProfileDefaults {
    /// The profile's name.
    pub profile: String,
    /// Smallest fluid srcset width when none is given; absent when the profile has no srcset.
    pub min_width: Option<i64>,
    /// Largest fluid srcset width when none is given; absent when the profile has no srcset.
    pub max_width: Option<i64>,
    /// Tolerance between consecutive fluid widths when none is given; absent without srcset.
    pub tolerance: Option<f64>,
    /// The `ixlib` value the profile writes (`java-2.3.2`, ...).
    pub library_param: String,
    /// The version in that value: the official library's the profile reproduces.
    pub library_version: String,
    /// Whether `ixlib` is written when `include_library_param` is not given.
    pub include_library_param: bool,
}

/// Every profile's defaults, in the core's stable profile order.
#[uniffi::export]
pub fn profile_defaults() -> Vec<ProfileDefaults> {
    imgsign::profile_defaults()
        .into_iter()
        .map(|d| ProfileDefaults {
            profile: d.profile.name().to_owned(),
            min_width: d.min_width.map(i64::from),
            max_width: d.max_width.map(i64::from),
            tolerance: d.tolerance,
            library_param: d.library_param.to_owned(),
            library_version: d.library_version.to_owned(),
            include_library_param: d.include_library_param,
        })
        .collect()
}

/// The library version.
#[uniffi::export]
pub fn version() -> String {
    imgsign::VERSION.to_owned()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
    use super::*;
    use std::collections::HashMap;
    use std::sync::Arc;

    #[test]
    fn provider_names_are_the_core_list() {
        let names = provider_names();
        assert_eq!(names.len(), imgsign::Provider::ALL.len());
        for name in &names {
            assert_eq!(imgsign::Provider::from_name(name).unwrap().name(), name);
        }
    }

    #[test]
    fn pixta_seed_example() {
        let s = signer("pixta", "wakanda123@", vec![]).unwrap();
        let url = s
            .sign_url(
                "https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop".into(),
                None,
                None,
                None,
                HashMap::new(),
            )
            .unwrap();
        assert!(url.ends_with("&s=7d0d58f62c945d0ca08269205228bbe7"));
    }

    #[test]
    fn bytes_that_are_not_utf8_are_the_code_of_the_argument() {
        // Kotlin's encoding of "k\uD800": the surrogate as its own three bytes.
        let e = Signer::new(
            "imgix".into(),
            custom(b"k\xED\xA0\x80".to_vec()),
            vec![],
            None,
            vec![],
            HashMap::new(),
        )
        .err()
        .unwrap();
        assert_eq!(e.error_code(), "invalid_key");
        let e = signer("imgix", "k", vec![custom(vec![0xFF])]).err().unwrap();
        assert_eq!(e.error_code(), "invalid_key");
        let s = signer("imgix", "k", vec![]).unwrap();
        let url = custom(b"https://a.com/\xED\xA0\x80".to_vec());
        assert_eq!(
            s.sign_url(url, None, None, None, HashMap::new()).err().unwrap().error_code(),
            "invalid_url"
        );
        let bad_name = HashMap::from([(custom(vec![0xFF]), ParamValue::Int { value: 8 })]);
        let e = Signer::new("imgix".into(), "k".into(), vec![], None, vec![], bad_name).err().unwrap();
        assert_eq!(e.error_code(), "invalid_param");
        let bad_salt = Some(custom(vec![0xFF]));
        let e =
            Signer::new("imgix".into(), "k".into(), vec![], bad_salt, vec![], HashMap::new()).err().unwrap();
        assert_eq!(e.error_code(), "invalid_key");
    }

    fn signer(provider: &str, key: &str, previous: Vec<InputString>) -> Result<Arc<Signer>> {
        Signer::new(provider.into(), key.into(), previous, None, vec![], HashMap::new())
    }

    fn custom(bytes: Vec<u8>) -> InputString {
        InputString::from_bytes(bytes)
    }
}
