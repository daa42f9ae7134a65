//! An option not given reaches the core as "not given": the command line's output equals
//! the core's own with `None`, and an option given overrides it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::run_args;
use imgsign::{BuilderOptions, ParamValue, SrcsetOptions, UrlBuilder};

const DOMAIN: &str = "a.imgix.net";

fn core_builder(options: BuilderOptions) -> UrlBuilder {
    UrlBuilder::new(DOMAIN, options).unwrap()
}

fn params() -> Vec<(String, ParamValue)> {
    vec![("w".to_owned(), ParamValue::Str("640".to_owned()))]
}

#[test]
fn build_without_options_is_the_cores_default_builder() {
    let r = run_args(&["build", "--domain", DOMAIN, "--key", "k", "/a b.jpg", "w=640"]);
    r.exits(0);
    let core = core_builder(BuilderOptions { key: Some("k".to_owned()), ..BuilderOptions::default() });
    assert_eq!(r.out(), core.build_url("/a b.jpg", &params()).unwrap() + "\n");
}

#[test]
fn switches_given_override_and_the_last_one_wins() {
    let http = run_args(&["build", "--domain", DOMAIN, "--http", "/a.jpg"]);
    let core = core_builder(BuilderOptions { use_https: Some(false), ..BuilderOptions::default() });
    assert_eq!(http.out(), core.build_url::<&str, ParamValue>("/a.jpg", &[]).unwrap() + "\n");
    assert!(http.out().starts_with("http://"));
    let back = run_args(&["build", "--domain", DOMAIN, "--http", "--https", "/a.jpg"]);
    assert!(back.out().starts_with("https://"));

    let with = run_args(&["build", "--domain", DOMAIN, "--include-library-param", "/a.jpg"]);
    let core =
        core_builder(BuilderOptions { include_library_param: Some(true), ..BuilderOptions::default() });
    assert_eq!(with.out(), core.build_url::<&str, ParamValue>("/a.jpg", &[]).unwrap() + "\n");
    assert!(with.out().contains("ixlib="));
    let without = run_args(&[
        "build",
        "--domain",
        DOMAIN,
        "--include-library-param",
        "--no-include-library-param",
        "/a.jpg",
    ]);
    assert!(!without.out().contains("ixlib="));
}

#[test]
fn srcset_and_widths_without_options_are_the_cores_defaults() {
    let r = run_args(&["srcset", "--domain", DOMAIN, "--key", "k", "/a.jpg"]);
    r.exits(0);
    let core = core_builder(BuilderOptions { key: Some("k".to_owned()), ..BuilderOptions::default() });
    let fluid = core.build_srcset::<&str, ParamValue>("/a.jpg", &[], &SrcsetOptions::default()).unwrap();
    assert_eq!(r.out(), fluid + "\n");

    let r = run_args(&["srcset", "--domain", DOMAIN, "--key", "k", "/a.jpg", "w=640"]);
    assert_eq!(r.out(), core.build_srcset("/a.jpg", &params(), &SrcsetOptions::default()).unwrap() + "\n");

    let r = run_args(&["widths"]);
    r.exits(0);
    let widths: Vec<String> =
        imgsign::target_widths(None, None, None).unwrap().iter().map(u32::to_string).collect();
    assert_eq!(r.out(), widths.join(",") + "\n");
    let r = run_args(&["widths", "--tolerance", "0.5"]);
    let widths: Vec<String> =
        imgsign::target_widths(None, None, Some(0.5)).unwrap().iter().map(u32::to_string).collect();
    assert_eq!(r.out(), widths.join(",") + "\n");
}

#[test]
fn a_profile_alone_adds_its_librarys_ixlib_and_reconstruct_and_widths_take_the_profile() {
    let r = run_args(&["build", "--domain", DOMAIN, "--profile", "imgix-java", "/a.jpg", "w=640"]);
    r.exits(0);
    let java = core_builder(BuilderOptions {
        profile: Some(imgsign::Profile::ImgixJava),
        ..BuilderOptions::default()
    });
    assert_eq!(r.out(), java.build_url("/a.jpg", &params()).unwrap() + "\n");
    assert!(r.out().contains("ixlib=java-2.3.2"));

    let api = "https://b.imgix.net/x.jpg?fit=crop&w=1";
    let r = run_args(&[
        "reconstruct",
        "--domain",
        DOMAIN,
        "--key",
        "k",
        "--profile",
        "imgix-swift",
        api,
        "w=640",
    ]);
    r.exits(0);
    let swift = core_builder(BuilderOptions {
        key: Some("k".to_owned()),
        profile: Some(imgsign::Profile::ImgixSwift),
        ..BuilderOptions::default()
    });
    assert_eq!(r.out(), swift.reconstruct(api, &params()).unwrap() + "\n");
    assert!(r.out().starts_with("https://b.imgix.net/x.jpg?fit=crop&ixlib=swift-1.1.3&w=640&s="));

    let r = run_args(&[
        "widths",
        "--profile",
        "imgix-python",
        "--min-width",
        "103",
        "--max-width",
        "200",
        "--tolerance",
        "0.25",
    ]);
    assert_eq!(r.out(), "103,154,200\n");
    run_args(&["widths", "--profile", "imgix-swift"]).exits(1);
}

#[test]
fn origin_tolerance_not_given_is_the_cores() {
    let key = "0123456789abcdef";
    let ts: i64 = 1_709_332_618;
    let signature = imgsign::sign_origin_request(key, "abc", ts).unwrap();
    let headers = |s: &str| {
        vec![
            format!("{}: {s}", imgsign::SIGNATURE_HEADER),
            format!("{}: {ts}", imgsign::TIMESTAMP_HEADER),
            format!("{}: abc", imgsign::REQUEST_ID_HEADER),
        ]
    };
    let pairs = |s: &str| {
        vec![
            (imgsign::SIGNATURE_HEADER.to_owned(), s.to_owned()),
            (imgsign::TIMESTAMP_HEADER.to_owned(), ts.to_string()),
            (imgsign::REQUEST_ID_HEADER.to_owned(), "abc".to_owned()),
        ]
    };
    for offset in [0, imgsign::DEFAULT_ORIGIN_TOLERANCE, imgsign::DEFAULT_ORIGIN_TOLERANCE + 1] {
        let now = (ts + offset).to_string();
        let mut args = vec!["origin".to_owned(), "verify".to_owned(), "--key".to_owned(), key.to_owned()];
        for h in headers(&signature) {
            args.extend(["--header".to_owned(), h]);
        }
        args.extend(["--now".to_owned(), now]);
        let r = run_args(&args);
        let core = imgsign::verify_origin_request(key, &pairs(&signature), Some(ts + offset), None);
        match core {
            Ok(()) => {
                r.exits(0);
                assert_eq!(r.out(), "valid\n");
            }
            Err(e) => {
                r.exits(1);
                r.one_error(e.code().as_str());
            }
        }
    }
}

#[test]
fn signing_names_its_provider() {
    // A URL names no signing scheme: sign and verify take no default.
    for command in ["sign", "verify"] {
        let r = run_args(&[command, "--key", "k", "https://a.imgix.net/x"]);
        r.exits(2);
        assert_eq!(r.one_error("usage"), "--provider is required");
    }
}
