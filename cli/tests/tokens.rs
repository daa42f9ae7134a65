//! The token providers on the command line: `imgsign sign --provider P --key K [--expires TS]
//! URL` and `imgsign verify ... [--now TS]` for each of them, with `--option` and `--value`;
//! `token sign` / `token verify`; batches on standard input share one expiry.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{imgsign, run, run_args};

const EXP: &str = "1700003600";
const NOW: &str = "1700000000";
const LATE: &str = "1700003601";

/// (provider, key, extra arguments for both sign and verify, URL, whether it expires)
const CASES: &[(&str, &str, &[&str], &str, bool)] = &[
    (
        "imagekit",
        "private_key_test",
        &["--option", "endpoint=https://ik.imagekit.io/demo/"],
        "https://ik.imagekit.io/demo/img/a.jpg?tr=w-300",
        true,
    ),
    ("bunny", "zone-key", &["--value", "ip=203.0.113.7"], "https://z.b-cdn.net/v/a.mp4", true),
    ("bunny", "zone-key", &["--option", "scheme=basic"], "https://z.b-cdn.net/a.jpg", true),
    ("bunny", "zone-key", &["--option", "form=directory"], "https://z.b-cdn.net/v/a.m3u8", true),
    ("cloudflare-images", "signing-key", &[], "https://imagedelivery.net/h/id/public", true),
    (
        "akamai",
        "0a1b2c3d4e5f6071",
        &["--option", "token_name=hdnts"],
        "https://media.example.com/a.jpg",
        true,
    ),
    ("uploadcare", "73636b61519adede", &["--option", "mode=url"], "https://cdn.example.com/uuid/", true),
    ("glide", "glide-key", &[], "https://img.example.com/a.jpg?w=300", false),
    ("keycdn", "secret", &[], "https://x.kxcdn.com/a.jpg?width=400", false),
    ("keycdn", "secret", &["--option", "mode=access"], "https://x.kxcdn.com/a.jpg", true),
];

fn args<'a>(words: &[&'a str], extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = words.to_vec();
    v.extend_from_slice(extra);
    v
}

#[test]
fn every_token_provider_signs_and_verifies_on_the_command_line() {
    for (provider, key, extra, url, expires) in CASES {
        let mut sign = args(&["sign", "--provider", provider, "--key", key], extra);
        if *expires {
            sign.extend_from_slice(&["--expires", EXP]);
        }
        sign.push(url);
        let r = run_args(&sign);
        r.exits(0);
        let signed = r.out().trim_end().to_owned();
        assert!(signed.len() > url.len(), "{provider}: {signed}");
        let verify = |now: &str, url: &str| {
            let mut v = args(&["verify", "--provider", provider, "--key", key, "--now", now], extra);
            v.push(url);
            run_args(&v)
        };
        verify(NOW, &signed).exits(0);
        if *expires {
            assert!(verify(LATE, &signed).one_error("expired").contains("expired"));
        }
        // One character added to the path's last segment.
        let query = signed.find('?').unwrap_or(signed.len());
        let slash = signed[..query].rfind('/').unwrap();
        let tampered = format!("{}x{}", &signed[..=slash], &signed[slash + 1..]);
        let r = verify(NOW, &tampered);
        r.exits(1);
        assert!(!r.err().is_empty(), "{provider}: {tampered} verified");
    }
}

#[test]
fn expiring_schemes_refuse_to_sign_without_an_expiry() {
    let r = run_args(&["sign", "--provider", "bunny", "--key", "k", "https://z.b-cdn.net/a.jpg"]);
    r.exits(1);
    assert!(r.one_error("invalid_param").contains("expire"));
}

#[test]
fn a_bound_token_needs_the_client_address() {
    let r = run_args(&[
        "sign",
        "--provider",
        "bunny",
        "--key",
        "k",
        "--expires",
        EXP,
        "--value",
        "ip=203.0.113.7",
        "https://z.b-cdn.net/a.jpg",
    ]);
    let signed = r.out().trim_end().to_owned();
    let r = run_args(&["verify", "--provider", "bunny", "--key", "k", "--now", NOW, &signed]);
    r.exits(1);
    r.one_error("ip_mismatch");
    let r = run_args(&[
        "verify",
        "--provider",
        "bunny",
        "--key",
        "k",
        "--now",
        NOW,
        "--value",
        "ip=203.0.113.8",
        &signed,
    ]);
    r.one_error("signature_mismatch");
}

#[test]
fn akamai_tokens_on_their_own() {
    let k = "0a1b2c3d4e5f6071";
    let r = run_args(&[
        "token",
        "sign",
        "--provider",
        "akamai",
        "--key",
        k,
        "--expires",
        EXP,
        "--value",
        "acl=/videos/*",
        "--value",
        "start=1699999000",
    ]);
    r.exits(0);
    let token = r.out().trim_end().to_owned();
    assert!(token.starts_with("st=1699999000~exp=1700003600~acl=/videos/*~hmac="), "{token}");
    let verify = |path: &str, now: &str| {
        run_args(&[
            "token",
            "verify",
            "--provider",
            "akamai",
            "--key",
            k,
            "--now",
            now,
            "--value",
            &format!("url={path}"),
            &token,
        ])
    };
    verify("/videos/a/b.ts", NOW).exits(0);
    verify("/images/a.jpg", NOW).one_error("acl_mismatch");
    verify("/videos/a.ts", "1699998999").one_error("not_yet_valid");
    verify("/videos/a.ts", LATE).one_error("expired");
}

#[test]
fn a_batch_on_standard_input_shares_one_expiry() {
    let input = b"https://z.b-cdn.net/a.jpg\nhttps://z.b-cdn.net/b.jpg\n";
    let r = run(
        &mut imgsign(&["sign", "--provider", "bunny", "--key", "k", "--expires-in", "60", "--now", NOW]),
        input,
    );
    r.exits(0);
    let out = r.out();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l.ends_with("&expires=1700000060")), "{out}");
}
