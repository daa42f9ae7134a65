//! The token providers (ImageKit, Bunny, Cloudflare Images, Akamai, Uploadcare, Glide,
//! KeyCDN): every single-byte change of a signed URL or token is refused, and whatever
//! `sign_url` / `sign_token` accept verifies with the same signer.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

mod common;

use common::*;
use imgsign::{ParamValue, Provider, Secrets, SignOptions, Signer, VerifyOptions};
use proptest::prelude::*;

const NOW: i64 = 1_700_000_000;
const EXP: i64 = NOW + 3600;

struct Case {
    provider: Provider,
    key: &'static str,
    options: &'static [(&'static str, &'static str)],
    values: &'static [(&'static str, &'static str)],
    url: &'static str,
    expires: Option<i64>,
    /// The token covers an ACL, not the exact path: only the token's own bytes are flipped.
    acl: bool,
}

fn named(pairs: &[(&str, &str)]) -> Vec<(String, ParamValue)> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), ParamValue::from(*v))).collect()
}

fn make(provider: Provider, key: &str, options: &[(&str, &str)]) -> Signer {
    Signer::with(provider, &Secrets::key(key, &[] as &[&str]), &named(options)).unwrap()
}

const AK: &str = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const UC: &str = "73636b61519adede42191efe1e73f02a67c7b692e3765f90c250c230be095211";
const IK: &[(&str, &str)] = &[("endpoint", "https://ik.imagekit.io/demo/")];

/// Signed URLs in which every byte after the origin is signed (no unsigned params, no
/// fragment, no directory token: a `token_path` token covers a whole directory by design).
const CASES: &[Case] = &[
    Case {
        provider: Provider::ImageKit,
        key: "k",
        options: IK,
        values: &[],
        url: "https://ik.imagekit.io/demo/tr:w-300/a%20b.jpg?v=2&x=a+b",
        expires: None,
        acl: false,
    },
    Case {
        provider: Provider::ImageKit,
        key: "k",
        options: IK,
        values: &[],
        url: "https://ik.imagekit.io/demo/a.jpg",
        expires: Some(EXP),
        acl: false,
    },
    Case {
        provider: Provider::Bunny,
        key: "k",
        options: &[],
        values: &[("ip", "1.2.3.4"), ("countries", "CA,US")],
        url: "https://z.b-cdn.net/v/a.mp4?q=caf%C3%A9",
        expires: Some(EXP),
        acl: false,
    },
    Case {
        provider: Provider::Bunny,
        key: "k",
        options: &[("form", "directory")],
        values: &[("ip", "2001:db8::1")],
        url: "https://z.b-cdn.net/v/a.m3u8",
        expires: Some(EXP),
        acl: false,
    },
    Case {
        provider: Provider::Bunny,
        key: "k",
        options: &[("scheme", "basic")],
        values: &[("ip", "1.2.3.4")],
        url: "https://z.b-cdn.net/a.jpg",
        expires: Some(EXP),
        acl: false,
    },
    Case {
        provider: Provider::Bunny,
        key: "k",
        options: &[("scheme", "legacy")],
        values: &[],
        url: "https://z.b-cdn.net/a.jpg?w=1",
        expires: Some(EXP),
        acl: false,
    },
    Case {
        provider: Provider::CloudflareImages,
        key: "k",
        options: &[],
        values: &[],
        url: "https://imagedelivery.net/h/id/public?a=b+c&t=%7Ex",
        expires: Some(EXP),
        acl: false,
    },
    Case {
        provider: Provider::Akamai,
        key: AK,
        options: &[],
        values: &[],
        url: "https://media.example.com/images/a.jpg",
        expires: Some(EXP),
        acl: false,
    },
    Case {
        provider: Provider::Akamai,
        key: AK,
        options: &[],
        values: &[("acl", "/images/*"), ("ip", "1.2.3.4")],
        url: "https://media.example.com/images/a.jpg",
        expires: Some(EXP),
        acl: true,
    },
    Case {
        provider: Provider::Uploadcare,
        key: UC,
        options: &[],
        values: &[],
        url: "https://cdn.example.com/52da3bfc-7cd8-4861-8b05-126fef7a6994/",
        expires: Some(EXP),
        acl: false,
    },
    Case {
        provider: Provider::Uploadcare,
        key: UC,
        options: &[("mode", "url")],
        values: &[],
        url: "https://cdn.example.com/52da3bfc-7cd8-4861-8b05-126fef7a6994/-/resize/10x/",
        expires: Some(EXP),
        acl: false,
    },
    Case {
        provider: Provider::Glide,
        key: "k",
        options: &[],
        values: &[],
        url: "https://img.example.com/img/a%20b.jpg?w=300&mark=x%2By&fit=crop",
        expires: None,
        acl: false,
    },
    Case {
        provider: Provider::KeyCdn,
        key: "k",
        options: &[],
        values: &[],
        url: "https://x.kxcdn.com/a.jpg?flip=1&width=400",
        expires: None,
        acl: false,
    },
    Case {
        provider: Provider::KeyCdn,
        key: "k",
        options: &[("mode", "access")],
        values: &[],
        url: "https://x.kxcdn.com/path/a.jpg",
        expires: Some(EXP),
        acl: false,
    },
];

/// `url` with the byte at `i` replaced by another character that keeps it a URL a client
/// sends as it is (an ASCII letter or digit).
fn flipped(url: &str, i: usize) -> String {
    let mut b = url.as_bytes().to_vec();
    b[i] = if b[i] == b'a' {
        b'b'
    } else if b[i].is_ascii_lowercase() {
        b'a'
    } else if b[i] == b'0' {
        b'1'
    } else {
        b'0'
    };
    String::from_utf8(b).unwrap()
}

fn origin_len(url: &str) -> usize {
    let after = url.find("://").unwrap() + 3;
    after + url[after..].find('/').unwrap()
}

#[test]
fn every_single_byte_change_of_a_signed_url_is_refused() {
    let mut refused = 0;
    for c in CASES {
        let s = make(c.provider, c.key, c.options);
        let sign = SignOptions { expires: c.expires, values: named(c.values), ..SignOptions::default() };
        let verify = VerifyOptions { now: Some(NOW), values: named(c.values) };
        let signed = s.sign_url_with(c.url, &sign).unwrap();
        assert_eq!(s.verify_url_with(&signed, &verify), Ok(()), "{}: {signed}", c.provider);
        // The origin is signed by no scheme (clients lowercase the host): every later byte.
        let from = if c.acl { signed.find("token").unwrap() } else { origin_len(&signed) };
        for i in from..signed.len() {
            let bad = flipped(&signed, i);
            let verdict = s.verify_url_with(&bad, &verify);
            assert!(verdict.is_err(), "{}: byte {i} changed, still valid: {bad}", c.provider);
            assert!(verdict.unwrap_err().code().is_verify_failure());
            refused += 1;
        }
    }
    assert!(refused > 1200, "{refused}");
}

#[test]
fn every_single_byte_change_of_a_token_is_refused() {
    let s = make(Provider::Akamai, AK, &[]);
    let tokens = [
        named(&[("acl", "/images/*!/thumbs/*"), ("start", "x")]),
        named(&[("url", "/v/a.m3u8"), ("session_id", "s-1"), ("payload", "k=v")]),
        named(&[("acl", "/*"), ("ip", "1.2.3.4")]),
    ];
    for (n, values) in tokens.into_iter().enumerate() {
        let values: Vec<(String, ParamValue)> = values
            .into_iter()
            .map(|(k, v)| if k == "start" { (k, ParamValue::Int(NOW - 10)) } else { (k, v) })
            .collect();
        let token = s
            .sign_token(&SignOptions { expires: Some(EXP), values: values.clone(), ..SignOptions::default() })
            .unwrap();
        let mut check: Vec<(String, ParamValue)> =
            values.iter().filter(|(k, _)| k == "ip").cloned().collect();
        let path = if n == 1 { "/v/a.m3u8" } else { "/images/a.jpg" };
        check.push(("url".to_owned(), ParamValue::from(path)));
        let verify = VerifyOptions { now: Some(NOW), values: check };
        assert_eq!(s.verify_token(&token, &verify), Ok(()), "{token}");
        for i in 0..token.len() {
            let bad = flipped(&token, i);
            assert!(s.verify_token(&bad, &verify).is_err(), "byte {i} changed, still valid: {bad}");
        }
    }
}

#[test]
fn tokens_expire_after_their_second_and_start_at_theirs() {
    let s = make(Provider::Akamai, AK, &[]);
    let values = vec![("acl".to_owned(), ParamValue::from("/*")), ("start".to_owned(), ParamValue::Int(NOW))];
    let token = s.sign_token(&SignOptions { expires: Some(EXP), values, ..SignOptions::default() }).unwrap();
    let at = |now| {
        let v = VerifyOptions { now: Some(now), values: vec![("url".to_owned(), ParamValue::from("/a"))] };
        s.verify_token(&token, &v).map_err(|e| e.code().as_str())
    };
    assert_eq!(
        (at(NOW - 1), at(NOW), at(EXP), at(EXP + 1)),
        (Err("not_yet_valid"), Ok(()), Ok(()), Err("expired"))
    );
}

#[test]
fn messages_never_show_the_secrets() {
    let secret = "0123456789abcdef0123456789abcdef";
    let s = Signer::with(
        Provider::Akamai,
        &Secrets { key: secret.to_owned(), salt: Some("pepper-salt".to_owned()), ..Secrets::default() },
        &[] as &[(&str, ParamValue)],
    )
    .unwrap();
    let e = s.verify_token(
        "exp=1~hmac=00",
        &VerifyOptions { now: Some(NOW), values: vec![("url".to_owned(), "/a".into())] },
    );
    let text = format!("{:?} {:?}", e, s);
    assert!(!text.contains(secret) && !text.contains("pepper-salt"), "{text}");
}

/// A signer of each token provider with the options and expiry it needs.
fn token_signer(p: Provider) -> (Signer, Option<i64>) {
    match p {
        Provider::ImageKit => (make(p, "k", &[("endpoint", "https://demo.imgix.net/")]), None),
        Provider::Akamai => (make(p, AK, &[]), Some(EXP)),
        Provider::Uploadcare => (make(p, UC, &[]), Some(EXP)),
        Provider::Glide | Provider::KeyCdn => (make(p, "k", &[]), None),
        _ => (make(p, "k", &[]), Some(EXP)),
    }
}

fn token_provider() -> impl Strategy<Value = Provider> {
    proptest::sample::select(vec![
        Provider::ImageKit,
        Provider::Bunny,
        Provider::CloudflareImages,
        Provider::Akamai,
        Provider::Uploadcare,
        Provider::Glide,
        Provider::KeyCdn,
    ])
}

proptest! {
    #![proptest_config(config())]

    /// Whatever a token scheme signs, it verifies (also as the request target a server
    /// receives); what it refuses, it refuses with a signing code.
    #[test]
    fn signed_urls_of_token_schemes_verify(p in token_provider(), url in signable_url()) {
        let (s, expires) = token_signer(p);
        match s.sign_url_with(&url, &SignOptions { expires, ..SignOptions::default() }) {
            Ok(signed) => {
                prop_assert_eq!(s.verify_url(&signed, Some(NOW)), Ok(()), "{}", signed);
                let target = &signed[origin_len(&signed)..];
                let target = target.split('#').next().unwrap();
                prop_assert_eq!(s.verify(target, Some(NOW)), Ok(()), "{}", target);
                prop_assert_eq!(s.sign_url_with(&signed, &SignOptions { expires, ..SignOptions::default() }), Ok(signed.clone()));
            }
            Err(e) => prop_assert!(!e.code().is_verify_failure(), "{}", e),
        }
    }

    /// Verification of anything never panics, and fails with a verification code.
    #[test]
    fn verifying_anything_gives_a_code(p in token_provider(), url in hostile_url()) {
        let (s, _) = token_signer(p);
        if let Err(e) = s.verify_url(&url, Some(NOW)) {
            prop_assert!(e.code().is_verify_failure() || e.code().as_str() == "invalid_param", "{}", e);
        }
    }
}
