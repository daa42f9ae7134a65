//! imgix Web Proxy origin authentication (docs/contract.md, "Operations"; docs/behaviour.md,
//! "Origin requests"): per-request HMAC signatures,
//! Basic auth and the handshake header, all compared in constant time.

use crate::digest::is_control;
use crate::error::{ErrorCode, Result, err};
use crate::signer::unix_now;
use base64::Engine;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Header carrying `v1,<HEX>`.
pub const SIGNATURE_HEADER: &str = "X-Imgix-Signature";
/// Header carrying the UNIX timestamp of the request.
pub const TIMESTAMP_HEADER: &str = "X-Imgix-Signature-Timestamp";
/// Header carrying imgix's request id.
pub const REQUEST_ID_HEADER: &str = "X-Imgix-Signature-Request-Id";
/// Header carrying the handshake secret.
pub const ORIGIN_SECRET_HEADER: &str = "X-Imgix-Origin-Secret";
/// Header carrying Basic credentials.
pub const AUTHORIZATION_HEADER: &str = "Authorization";
/// Default replay tolerance of [`verify_origin_request`], in seconds.
pub const DEFAULT_ORIGIN_TOLERANCE: i64 = 300;
/// Longest request signing key, in characters.
pub const MAX_SIGNING_KEY_CHARS: usize = 32;
/// Longest handshake secret, in characters.
pub const MAX_HANDSHAKE_CHARS: usize = 256;

/// Checks a request signing key and returns its Latin-1 bytes.
fn signing_key_bytes(key: &str) -> Result<Vec<u8>> {
    if key.is_empty() {
        return err(ErrorCode::InvalidKey, "key: must not be empty");
    }
    let mut bytes = Vec::with_capacity(key.len());
    for c in key.chars() {
        if is_control(c) {
            return err(ErrorCode::InvalidKey, "key: contains a control character");
        }
        match u8::try_from(u32::from(c)) {
            Ok(b) => bytes.push(b),
            Err(_) => return err(ErrorCode::InvalidKey, "key: must contain Latin-1 characters only"),
        }
    }
    if bytes.len() > MAX_SIGNING_KEY_CHARS {
        return err(
            ErrorCode::InvalidKey,
            format!("key: at most {MAX_SIGNING_KEY_CHARS} characters (imgix request signing key)"),
        );
    }
    Ok(bytes)
}

fn origin_mac(key: &[u8], request_id: &str, timestamp: &str) -> Result<Hmac<Sha256>> {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return err(ErrorCode::InvalidKey, "key: unusable");
    };
    mac.update(request_id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.as_bytes());
    Ok(mac)
}

fn check_request_id(request_id: &str) -> Result<()> {
    if request_id.is_empty() || request_id.chars().any(is_control) {
        return err(ErrorCode::InvalidParam, "request_id: must be non-empty without control characters");
    }
    Ok(())
}

/// The `X-Imgix-Signature` value imgix sends for this request: `v1,` and the uppercase hex
/// HMAC-SHA256 of `<request_id>.<timestamp>`.
pub fn sign_origin_request(key: &str, request_id: &str, timestamp: i64) -> Result<String> {
    let key = signing_key_bytes(key)?;
    check_request_id(request_id)?;
    if timestamp < 0 {
        return err(ErrorCode::InvalidParam, "timestamp: must not be negative");
    }
    let mac = origin_mac(&key, request_id, &timestamp.to_string())?;
    Ok(format!("v1,{}", hex::encode_upper(mac.finalize().into_bytes())))
}

/// Finds one header by case-insensitive name; a repeated header is `malformed_header`.
fn header<'h, K: AsRef<str>, V: AsRef<str>>(headers: &'h [(K, V)], name: &str) -> Result<Option<&'h str>> {
    let mut found = headers.iter().filter(|(k, _)| k.as_ref().eq_ignore_ascii_case(name));
    let first = found.next().map(|(_, v)| v.as_ref());
    if found.next().is_some() {
        return err(ErrorCode::MalformedHeader, format!("{name}: header given more than once"));
    }
    Ok(first)
}

/// Verifies imgix's per-request signature headers against `key`, with `tolerance` seconds of
/// clock difference (replay window; not given: [`DEFAULT_ORIGIN_TOLERANCE`]) around `now`
/// (the system clock when `None`).
pub fn verify_origin_request<K: AsRef<str>, V: AsRef<str>>(
    key: &str,
    headers: &[(K, V)],
    now: Option<i64>,
    tolerance: Option<i64>,
) -> Result<()> {
    let key = signing_key_bytes(key)?;
    let tolerance = tolerance.unwrap_or(DEFAULT_ORIGIN_TOLERANCE);
    if tolerance < 0 {
        return err(ErrorCode::InvalidParam, "tolerance: must not be negative");
    }
    let Some(signature) = header(headers, SIGNATURE_HEADER)? else {
        return err(ErrorCode::MissingSignature, format!("{SIGNATURE_HEADER}: header missing"));
    };
    let Some(timestamp) = header(headers, TIMESTAMP_HEADER)? else {
        return err(ErrorCode::MalformedHeader, format!("{TIMESTAMP_HEADER}: header missing"));
    };
    let Some(request_id) = header(headers, REQUEST_ID_HEADER)? else {
        return err(ErrorCode::MalformedHeader, format!("{REQUEST_ID_HEADER}: header missing"));
    };
    let given = match signature.strip_prefix("v1,").map(hex::decode) {
        Some(Ok(bytes)) if bytes.len() == 32 => bytes,
        _ => {
            return err(
                ErrorCode::MalformedHeader,
                format!("{SIGNATURE_HEADER}: expected \"v1,\" and 64 hex digits"),
            );
        }
    };
    let ts = (!timestamp.is_empty() && timestamp.bytes().all(|b| b.is_ascii_digit()))
        .then(|| timestamp.parse::<i64>().ok())
        .flatten();
    let Some(ts) = ts else {
        return err(ErrorCode::MalformedHeader, format!("{TIMESTAMP_HEADER}: not a UNIX timestamp"));
    };
    if request_id.is_empty() {
        return err(ErrorCode::MalformedHeader, format!("{REQUEST_ID_HEADER}: empty"));
    }
    let mac = origin_mac(&key, request_id, timestamp)?;
    if mac.verify_slice(&given).is_err() {
        return err(ErrorCode::SignatureMismatch, format!("{SIGNATURE_HEADER}: does not match"));
    }
    let now = now.unwrap_or_else(unix_now);
    if now.abs_diff(ts) > tolerance.unsigned_abs() {
        return err(ErrorCode::Expired, format!("{TIMESTAMP_HEADER}: more than {tolerance} s away from now"));
    }
    Ok(())
}

/// Compares two secrets in constant time, leaking neither content nor length.
fn secrets_equal(a: &[u8], b: &[u8]) -> bool {
    bool::from(Sha256::digest(a).as_slice().ct_eq(Sha256::digest(b).as_slice()))
}

/// Checks the `Authorization: Basic ...` header against the configured credentials.
pub fn verify_basic_auth<K: AsRef<str>, V: AsRef<str>>(
    username: &str,
    password: &str,
    headers: &[(K, V)],
) -> Result<()> {
    for (field, v) in [("username", username), ("password", password)] {
        if v.contains(':') || v.chars().any(is_control) {
            return err(
                ErrorCode::InvalidKey,
                format!("{field}: must not contain ':' or control characters"),
            );
        }
    }
    if username.is_empty() {
        return err(ErrorCode::InvalidKey, "username: must not be empty");
    }
    let Some(value) = header(headers, AUTHORIZATION_HEADER)? else {
        return err(ErrorCode::MissingSignature, format!("{AUTHORIZATION_HEADER}: header missing"));
    };
    let decoded = match value.split_once(' ') {
        Some((scheme, b64)) if scheme.eq_ignore_ascii_case("basic") => {
            base64::engine::general_purpose::STANDARD.decode(b64.trim()).ok()
        }
        _ => None,
    };
    let Some(decoded) = decoded else {
        return err(
            ErrorCode::MalformedHeader,
            format!("{AUTHORIZATION_HEADER}: expected \"Basic <base64>\""),
        );
    };
    let expected = format!("{username}:{password}");
    if !secrets_equal(expected.as_bytes(), &decoded) {
        return err(
            ErrorCode::SignatureMismatch,
            format!("{AUTHORIZATION_HEADER}: credentials do not match"),
        );
    }
    Ok(())
}

/// Checks the `X-Imgix-Origin-Secret` handshake header against the configured secret.
pub fn verify_origin_secret<K: AsRef<str>, V: AsRef<str>>(secret: &str, headers: &[(K, V)]) -> Result<()> {
    if secret.is_empty() || secret.chars().any(is_control) {
        return err(ErrorCode::InvalidKey, "secret: must be non-empty without control characters");
    }
    if secret.chars().count() > MAX_HANDSHAKE_CHARS {
        return err(ErrorCode::InvalidKey, format!("secret: at most {MAX_HANDSHAKE_CHARS} characters"));
    }
    let Some(value) = header(headers, ORIGIN_SECRET_HEADER)? else {
        return err(ErrorCode::MissingSignature, format!("{ORIGIN_SECRET_HEADER}: header missing"));
    };
    if !secrets_equal(secret.as_bytes(), value.as_bytes()) {
        return err(ErrorCode::SignatureMismatch, format!("{ORIGIN_SECRET_HEADER}: does not match"));
    }
    Ok(())
}
