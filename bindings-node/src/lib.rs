//! Node bindings for imgsign (napi-rs).
//!
//! This crate converts JavaScript values into core types (`convert`, with the options
//! objects declared once in `options`) and core errors into JavaScript `Error`s with a
//! stable `.code` (`error`); every rule lives in the core crate.
#![allow(missing_docs)]

mod builder;
mod convert;
mod crossing;
mod error;
pub mod fast;
mod options;
mod signer;
mod sources;

pub use builder::UrlBuilder;
pub use signer::Signer;
pub use sources::Sources;

use convert::{given, headers, integer, number, string};
use error::{Arg, Result, core};
use imgsign::Operation as Op;
use napi::Env;
use napi::bindgen_prelude::Unknown;
use napi_derive::napi;
use options::VerifyOriginRequestOptions;

/// The fluid srcset widths from `minWidth` to `maxWidth`, `tolerance` apart, by the rules of
/// `profile` (not given: canonical; a compatibility profile computes them as its library
/// does). An argument not given, `undefined` or `null`, takes the core's default.
/// @throws {Error} `.code` `invalid_srcset`, `invalid_param`.
#[napi(catch_unwind)]
pub fn target_widths(
    #[napi(ts_arg_type = "number | null")] min_width: Option<Unknown>,
    #[napi(ts_arg_type = "number | null")] max_width: Option<Unknown>,
    #[napi(ts_arg_type = "number | null")] tolerance: Option<Unknown>,
    #[napi(ts_arg_type = "string | null")] profile: Option<Unknown>,
) -> Result<Vec<u32>> {
    let arg = |name| Arg::new(Op::TargetWidths, name);
    let min = given(min_width, arg("minWidth"))?.map(|v| number(v, arg("minWidth"))).transpose()?;
    let max = given(max_width, arg("maxWidth"))?.map(|v| number(v, arg("maxWidth"))).transpose()?;
    let tol = given(tolerance, arg("tolerance"))?.map(|v| number(v, arg("tolerance"))).transpose()?;
    let profile = given(profile, arg("profile"))?.map(|v| string(v, arg("profile"))).transpose()?;
    let profile = profile.map(|p| imgsign::Profile::from_name(&p)).transpose().map_err(core)?;
    imgsign::target_widths_for(profile, min, max, tol).map_err(core)
}

/// The `X-Imgix-Signature` header value imgix sends to a Web Proxy origin for this request:
/// `v1,<uppercase hex HMAC-SHA256>`.
/// @throws {Error} `.code` `invalid_key`, `invalid_param`.
#[napi(catch_unwind)]
pub fn sign_origin_request(
    #[napi(ts_arg_type = "string")] key: Unknown,
    #[napi(ts_arg_type = "string")] request_id: Unknown,
    #[napi(ts_arg_type = "number")] timestamp: Unknown,
) -> Result<String> {
    let key = string(key, Arg::new(Op::SignOriginRequest, "key"))?;
    let request_id = string(request_id, Arg::new(Op::SignOriginRequest, "requestId"))?;
    let timestamp = integer(timestamp, Arg::new(Op::SignOriginRequest, "timestamp"))?;
    imgsign::sign_origin_request(&key, &request_id, timestamp).map_err(core)
}

/// Verifies imgix's origin-request signature headers (`headers`: Node's `req.headers`, any
/// plain object or a `Map`; names are case-insensitive) against `key`, within `tolerance`
/// seconds of `now` (not given: the core's default tolerance and the system clock).
/// @throws {Error} `.code` `missing_signature`, `signature_mismatch`, `expired`, `malformed_header`, `invalid_key`.
#[napi(catch_unwind)]
pub fn verify_origin_request(
    env: Env,
    #[napi(ts_arg_type = "string")] key: Unknown,
    #[napi(ts_arg_type = "Headers")] headers: Unknown,
    #[napi(ts_arg_type = "VerifyOriginRequestOptions")] options: Option<Unknown>,
) -> Result<()> {
    let op = Op::VerifyOriginRequest;
    let key = string(key, Arg::new(op, "key"))?;
    let headers = self::headers(&env, headers, Arg::new(op, "headers"))?;
    let o = VerifyOriginRequestOptions::read(&env, op, options)?;
    imgsign::verify_origin_request(&key, &headers, o.now, o.tolerance).map_err(core)
}

/// Checks the `Authorization: Basic ...` header in `headers` against `username`/`password`
/// in constant time.
/// @throws {Error} `.code` `missing_signature`, `signature_mismatch`, `malformed_header`, `invalid_key`.
#[napi(catch_unwind)]
pub fn verify_basic_auth(
    env: Env,
    #[napi(ts_arg_type = "string")] username: Unknown,
    #[napi(ts_arg_type = "string")] password: Unknown,
    #[napi(ts_arg_type = "Headers")] headers: Unknown,
) -> Result<()> {
    let op = Op::VerifyBasicAuth;
    let username = string(username, Arg::new(op, "username"))?;
    let password = string(password, Arg::new(op, "password"))?;
    let headers = self::headers(&env, headers, Arg::new(op, "headers"))?;
    imgsign::verify_basic_auth(&username, &password, &headers).map_err(core)
}

/// Checks the `X-Imgix-Origin-Secret` handshake header in `headers` against `secret` in
/// constant time.
/// @throws {Error} `.code` `missing_signature`, `signature_mismatch`, `malformed_header`, `invalid_key`.
#[napi(catch_unwind)]
pub fn verify_origin_secret(
    env: Env,
    #[napi(ts_arg_type = "string")] secret: Unknown,
    #[napi(ts_arg_type = "Headers")] headers: Unknown,
) -> Result<()> {
    let op = Op::VerifyOriginSecret;
    let secret = string(secret, Arg::new(op, "secret"))?;
    let headers = self::headers(&env, headers, Arg::new(op, "headers"))?;
    imgsign::verify_origin_secret(&secret, &headers).map_err(core)
}

/// The error code a wrong-typed or ill-formed value of `argument` of `operation` gets
/// (`argumentErrorCode('signUrl', 'url') === 'invalid_url'`); `null` for an unknown
/// operation. The rule is the core's (see docs/behaviour.md).
#[napi(ts_return_type = "ImgsignErrorCode | null")]
pub fn argument_error_code(operation: String, argument: String) -> Option<&'static str> {
    Op::from_name(&operation).map(|op| imgsign::argument_error_code(op, &argument).as_str())
}

/// Every provider name of the core, in its stable order.
#[napi(ts_return_type = "ProviderName[]")]
pub fn provider_names() -> Vec<&'static str> {
    imgsign::Provider::ALL.iter().map(|p| p.name()).collect()
}

/// Every profile name of the core, in its stable order.
#[napi(ts_return_type = "ProfileName[]")]
pub fn profile_names() -> Vec<&'static str> {
    imgsign::Profile::ALL.iter().map(|p| p.name()).collect()
}

/// What a profile assumes when an argument is not given, and the library it names in `ixlib`.
#[napi(object, object_from_js = false, use_nullable = true)]
pub struct ProfileDefaults {
    /// The profile.
    #[napi(ts_type = "ProfileName")]
    pub profile: &'static str,
    /// Smallest fluid srcset width when none is given (`null`: the profile has no srcset).
    pub min_width: Option<u32>,
    /// Largest fluid srcset width when none is given (`null`: the profile has no srcset).
    pub max_width: Option<u32>,
    /// Tolerance between consecutive fluid widths when none is given (`null`: no srcset).
    pub tolerance: Option<f64>,
    /// The `ixlib` value the profile writes (`js-3.8.0`, ...).
    pub library_param: &'static str,
    /// The version in that value: the official library's the profile reproduces.
    pub library_version: &'static str,
    /// Whether `ixlib` is written when `includeLibraryParam` is not given.
    pub include_library_param: bool,
}

/// Every profile's defaults, in the order of `profileNames()`.
#[napi]
pub fn profile_defaults() -> Vec<ProfileDefaults> {
    imgsign::profile_defaults()
        .into_iter()
        .map(|d| ProfileDefaults {
            profile: d.profile.name(),
            min_width: d.min_width,
            max_width: d.max_width,
            tolerance: d.tolerance,
            library_param: d.library_param,
            library_version: d.library_version,
            include_library_param: d.include_library_param,
        })
        .collect()
}

/// Every error code of the core, in its stable order.
#[napi(ts_return_type = "ImgsignErrorCode[]")]
pub fn error_codes() -> Vec<&'static str> {
    imgsign::ErrorCode::ALL.iter().map(|c| c.as_str()).collect()
}

/// The library version.
#[napi]
pub fn version() -> &'static str {
    imgsign::VERSION
}
