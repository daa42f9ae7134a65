//! Properties of the providers that sign inside the path (imgproxy, thumbor, imagor,
//! Cloudinary): what imgsign signs it verifies, also as a request target; signing is
//! idempotent; a changed signature never verifies; building never panics and every signed
//! build verifies; verification of arbitrary input fails only with a verification code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

mod common;

use common::{any_text, config};
use imgsign::{BuilderOptions, ParamValue, Provider, Secrets, Signer, UrlBuilder};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

const KEY_HEX: &str = "943b421c9eb07c830af81030552c86009268de4e532ba2ee2eab8247c6da0881";
const SALT_HEX: &str = "520f986b998545b4785e0defbc4f3c1203f22de2374a3d53cb7a7fe9fea309c5";

/// A path-signature provider, its secrets, an option set and the unsigned URL prefix (the
/// host and what comes before the signature's segment, with the marker where it has one).
fn setup() -> impl Strategy<Value = (Provider, Secrets, Vec<(&'static str, ParamValue)>, &'static str)> {
    let imgproxy = || Secrets { key: KEY_HEX.into(), salt: Some(SALT_HEX.into()), ..Secrets::default() };
    let text = || Secrets { key: "my-security-key".into(), ..Secrets::default() };
    select(vec![
        (Provider::Imgproxy, imgproxy(), vec![], "https://imgproxy.example.com/insecure/"),
        (
            Provider::Imgproxy,
            imgproxy(),
            vec![("signature_size", ParamValue::Int(8))],
            "https://i.example.com/insecure/",
        ),
        (Provider::Thumbor, text(), vec![], "https://thumbor.example.com/unsafe/"),
        (
            Provider::Imagor,
            text(),
            vec![("algorithm", "sha512".into()), ("truncate", ParamValue::Int(40))],
            "https://imagor.example.com/unsafe/",
        ),
        (Provider::Cloudinary, text(), vec![], "https://res.cloudinary.com/demo/image/upload/"),
        (
            Provider::Cloudinary,
            text(),
            vec![("long_url_signature", true.into())],
            "https://res.cloudinary.com/demo/video/fetch/",
        ),
    ])
}

/// Path segments of what such URLs carry: operations, ids, escapes, Unicode, versions.
fn segments() -> impl Strategy<Value = String> {
    let segment = prop_oneof![
        "[A-Za-z0-9_:,.()!*'~=+-]{1,12}",
        Just("v1234".to_owned()),
        Just("s--abcdefgh--".to_owned()),
        Just("caf%C3%A9".to_owned()),
        Just("a b".to_owned()),
        Just("ñandú".to_owned()),
        "%[0-9A-Fa-f]{2}",
    ];
    vec(segment, 1..6).prop_map(|s| s.join("/"))
}

fn signer(provider: Provider, secrets: &Secrets, options: &[(&str, ParamValue)]) -> Signer {
    Signer::with(provider, secrets, options).unwrap()
}

/// The request target a client sends for `url` (path and query).
fn target(url: &str) -> &str {
    let after = url.find("://").map_or(0, |i| i + 3);
    let start = url[after..].find('/').map_or(url.len(), |i| after + i);
    let end = url.find('#').unwrap_or(url.len());
    &url[start..end]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn what_is_signed_verifies_and_resigns_the_same(
        (provider, secrets, options, prefix) in setup(),
        rest in segments(),
        query in proptest::option::of("[a-z0-9=&_]{0,12}"),
    ) {
        let s = signer(provider, &secrets, &options);
        let url = match &query {
            Some(q) => format!("{prefix}{rest}?{q}"),
            None => format!("{prefix}{rest}"),
        };
        match s.sign_url(&url) {
            Ok(signed) => {
                prop_assert_eq!(s.verify_url(&signed, None), Ok(()), "{}", signed);
                prop_assert_eq!(s.verify(target(&signed), None), Ok(()), "target of {}", signed);
                prop_assert_eq!(s.sign_url(&signed), Ok(signed.clone()), "re-signing changed it");
            }
            Err(e) => prop_assert_eq!(e.code(), imgsign::ErrorCode::InvalidUrl, "{}: {}", url, e),
        }
    }

    #[test]
    fn a_changed_signature_never_verifies(
        (provider, secrets, options, prefix) in setup(),
        rest in "[a-z0-9_]{1,8}(/[a-z0-9_]{1,8}){0,3}(\\.jpg)?",
        pick in any::<prop::sample::Index>(),
        replacement in "[A-Za-z0-9_=-]",
    ) {
        let s = signer(provider, &secrets, &options);
        let unsigned = format!("{prefix}{rest}");
        let signed = s.sign_url(&unsigned).unwrap();
        // The signature's segment: where the marker was (`insecure/`), or inserted after the
        // prefix (`s--…--/`); its bytes without the `/` after it.
        let marker = marker_len(prefix);
        let start = prefix.len() - marker;
        let segment = signed.len() + marker - unsigned.len() - 1;
        let at = start + pick.index(segment);
        let mut bytes = signed.clone().into_bytes();
        if bytes[at] == replacement.as_bytes()[0] {
            return Ok(());
        }
        bytes[at] = replacement.as_bytes()[0];
        let changed = String::from_utf8(bytes).unwrap();
        let verdict = s.verify_url(&changed, None);
        prop_assert!(verdict.is_err(), "{} still verifies", changed);
        prop_assert!(verdict.unwrap_err().code().is_verify_failure());
    }

    #[test]
    fn arbitrary_input_fails_only_as_verification(
        (provider, secrets, options, prefix) in setup(),
        tail in any_text(),
        raw in any::<bool>(),
    ) {
        let s = signer(provider, &secrets, &options);
        let input = if raw { tail.clone() } else { format!("{prefix}{tail}") };
        if let Err(e) = s.verify_url(&input, None) {
            prop_assert!(e.code().is_verify_failure(), "verify_url: {}", e);
        }
        if let Err(e) = s.verify(&input, None) {
            prop_assert!(e.code().is_verify_failure(), "verify: {}", e);
        }
    }

    #[test]
    fn building_never_panics_and_signed_builds_verify(
        (provider, secrets, options, _prefix) in setup(),
        path in prop_oneof![segments(), any_text()],
        params in vec((select(vec!["width", "height", "smart", "filters", "w", "rs", "q", "transformation",
                                   "version", "format", "type", "trim", "halign", "flip", ""]),
                       prop_oneof![any_text().prop_map(ParamValue::Str), any::<i64>().prop_map(ParamValue::Int),
                                   any::<bool>().prop_map(ParamValue::Bool), Just(ParamValue::Int(300))]), 0..4),
    ) {
        let options: Vec<(String, ParamValue)> = options.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect();
        let b = UrlBuilder::new("cdn.example.com", BuilderOptions {
            provider: Some(provider),
            key: Some(secrets.key.clone()),
            salt: secrets.salt.clone(),
            options: options.clone(),
            ..BuilderOptions::default()
        }).unwrap();
        match b.build_url(&path, &params) {
            Ok(url) => {
                let s = Signer::with(provider, &secrets, &options).unwrap();
                prop_assert_eq!(s.verify_url(&url, None), Ok(()), "{}", url);
                prop_assert_eq!(s.sign_url(&url), Ok(url.clone()), "signing a built URL changed it");
            }
            Err(e) => prop_assert!(
                matches!(e.code(), imgsign::ErrorCode::InvalidParam | imgsign::ErrorCode::InvalidUrl),
                "{}", e
            ),
        }
    }
}

/// The length of the unsigned marker at the end of `prefix` (0 for a framed slot).
fn marker_len(prefix: &str) -> usize {
    let marker = prefix.trim_end_matches('/').rsplit('/').next().unwrap_or_default();
    if marker == "insecure" || marker == "unsafe" { marker.len() + 1 } else { 0 }
}
