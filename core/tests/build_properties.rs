//! Property tests of building URLs and srcsets: no panic on any input, keys never shown,
//! built URLs of every profile are what clients send and verify, batches agree with single
//! calls, and target widths stay in range. `PROPTEST_CASES` overrides the default of 256 cases.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

mod common;

use common::*;
use imgsign::{BuilderOptions, ErrorCode, ParamValue, Profile, SrcsetOptions, UrlBuilder, target_widths};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

proptest! {
    #![proptest_config(config())]

    #[test]
    fn build_url_never_panics(
        provider in provider(),
        profile in profile(),
        key in proptest::option::of(prop_oneof![good_key(), any_text()]),
        domain in domain(),
        path in path_text(),
        params in params(),
        flags in any::<(bool, bool, bool)>(),
    ) {
        let signed = key.is_some();
        let b = match UrlBuilder::new(&domain, builder_options(provider, profile, key, flags)) {
            Ok(b) => b,
            Err(e) => {
                prop_assert!(matches!(e.code(), ErrorCode::InvalidDomain | ErrorCode::InvalidKey), "{e}");
                return Ok(());
            }
        };
        match b.build_url(&path, &params) {
            Ok(url) => {
                let scheme = if flags.0 { "https://" } else { "http://" };
                prop_assert!(url.starts_with(&format!("{scheme}{}", b.domain())), "{url:?}");
                prop_assert!(is_url_safe_ascii(&url), "not URL-safe ASCII: {url:?}");
                if signed {
                    let sig = provider.scheme().query_param().unwrap_or("s");
                    prop_assert!(last_piece(&url).starts_with(&format!("{sig}=")), "{url:?}");
                }
            }
            Err(e) => prop_assert!(matches!(e.code(), ErrorCode::InvalidParam | ErrorCode::InvalidUrl), "{e}"),
        }
    }

    #[test]
    fn errors_and_debug_never_show_the_key(
        provider in provider(),
        profile in profile(),
        key in "[A-Za-z0-9]{12,20}",
        path in path_text(),
        params in params(),
        flags in any::<(bool, bool, bool)>(),
    ) {
        prop_assume!(!path.contains(&key) && !params.iter().any(|(k, _)| k.contains(&key)));
        let b = UrlBuilder::new("demo.imgix.net", builder_options(provider, profile, Some(key.clone()), flags)).unwrap();
        let shown = |text: String| text.contains(&key);
        prop_assert!(!shown(format!("{b:?}")), "builder Debug shows the key");
        prop_assert!(!shown(format!("{:?}", signer(provider, &key))), "signer Debug shows the key");
        if let Err(e) = b.build_url(&path, &params) {
            prop_assert!(!shown(format!("{e} {e:?}")), "build_url error shows the key");
        }
        if let Err(e) = b.build_srcset(&path, &params, &SrcsetOptions::default()) {
            prop_assert!(!shown(format!("{e} {e:?}")), "build_srcset error shows the key");
        }
    }

    #[test]
    fn canonical_build_url_verifies(
        provider in provider(),
        key in good_key(),
        path in path_text(),
        params in vec((param_key().prop_filter("expires is checked against the clock", |k| k != "expires"), param_value()), 0..6),
        flags in any::<(bool, bool)>(),
    ) {
        let b = UrlBuilder::new(
            "Demo.Imgix.net",
            builder_options(provider, Profile::Canonical, Some(key.clone()), (flags.0, flags.1, false)),
        ).unwrap();
        let Ok(url) = b.build_url(&path, &params) else { return Ok(()); };
        prop_assert_eq!(signer(provider, &key).verify_url(&url, Some(0)), Ok(()), "path {:?} url {:?}", path, url);
    }

    #[test]
    fn canonical_verbatim_build_url_verifies(
        provider in provider(),
        key in good_key(),
        path in prop_oneof![
            // Printable ASCII: what a browser would rewrite must be refused, never signed.
            "[ !#$%&'()*+,./0-9:;=?@A-Z\\[\\]^_a-z|~-]{0,24}",
            vec(prop_oneof!["[A-Za-z0-9._~!$&'()*+,;=:@|^-]{1,4}", "%[0-9A-Fa-f]{2}", Just(".".to_owned())], 0..6)
                .prop_map(|s| s.join("/")),
        ],
        params in vec(("[a-z]{1,4}", param_value()), 0..4),
    ) {
        let b = UrlBuilder::new(
            "demo.imgix.net",
            builder_options(provider, Profile::Canonical, Some(key.clone()), (true, false, true)),
        ).unwrap();
        match b.build_url(&path, &params) {
            Ok(url) => prop_assert_eq!(signer(provider, &key).verify_url(&url, Some(0)), Ok(()), "path {:?} url {:?}", path, url),
            Err(e) => prop_assert!(matches!(e.code(), ErrorCode::InvalidUrl | ErrorCode::InvalidParam), "{e}"),
        }
    }

    #[test]
    fn build_urls_is_build_url_per_item(
        provider in provider(),
        profile in profile(),
        key in proptest::option::of(good_key()),
        items in vec((path_text(), params()), 0..5),
    ) {
        let b = UrlBuilder::new("demo.imgix.net", builder_options(provider, profile, key, (true, false, false))).unwrap();
        let each: Result<Vec<String>, _> = items.iter().map(|(p, ps)| b.build_url(p, ps)).collect();
        match (b.build_urls(&items), each) {
            (Ok(batch), Ok(each)) => prop_assert_eq!(batch, each),
            (Err(batch), Err(each)) => {
                prop_assert_eq!(batch.code(), each.code());
                prop_assert!(batch.message().starts_with("items["), "{}", batch);
            }
            (batch, each) => prop_assert!(false, "batch {batch:?} vs per item {each:?}"),
        }
    }

    #[test]
    fn build_srcset_never_panics(
        provider in provider(),
        profile in profile(),
        key in proptest::option::of(good_key()),
        path in path_text(),
        params in params(),
        options in srcset_options(),
    ) {
        let b = UrlBuilder::new("demo.imgix.net", builder_options(provider, profile, key, (true, false, false))).unwrap();
        match b.build_srcset(&path, &params, &options) {
            Ok(srcset) => {
                prop_assert!(!srcset.is_empty());
                for entry in srcset.split(",\n") {
                    let (url, descriptor) = entry.rsplit_once(' ').unwrap_or(("", ""));
                    // imgix-python: an empty path gives no `/`.
                    prop_assert!(url.starts_with("https://demo.imgix.net"), "{entry:?}");
                    prop_assert!(descriptor.ends_with('w') || descriptor.ends_with('x'), "{entry:?}");
                }
            }
            Err(e) => prop_assert!(
                matches!(e.code(), ErrorCode::InvalidSrcset | ErrorCode::InvalidParam | ErrorCode::InvalidUrl),
                "{e}"
            ),
        }
    }

    #[test]
    fn canonical_srcset_entries_verify(
        provider in provider(),
        key in good_key(),
        path in joined(vec(atom(), 0..6)),
        with_width in any::<bool>(),
        options in srcset_options(),
    ) {
        let b = UrlBuilder::new("demo.imgix.net", builder_options(provider, Profile::Canonical, Some(key.clone()), (true, false, false))).unwrap();
        let params: Vec<(&str, ParamValue)> =
            if with_width { vec![("w", ParamValue::Int(640)), ("fit", "crop".into())] } else { vec![("fit", "crop".into())] };
        let Ok(srcset) = b.build_srcset(&path, &params, &options) else { return Ok(()); };
        let s = signer(provider, &key);
        for entry in srcset.split(",\n") {
            let (url, _) = entry.rsplit_once(' ').unwrap();
            prop_assert_eq!(s.verify_url(url, Some(0)), Ok(()), "{}", url);
        }
    }

    #[test]
    fn target_widths_are_increasing_from_min_to_max(
        min in 1..=8192i64,
        span in 0..=8192i64,
        tolerance in prop_oneof![0.01..0.5f64, 0.5..1e6f64, Just(0.01), Just(0.08)],
    ) {
        let max = min.saturating_add(span).min(8192);
        let widths: Vec<i64> = target_widths(Some(min), Some(max), Some(tolerance)).unwrap().into_iter().map(i64::from).collect();
        prop_assert_eq!(widths.first(), Some(&min));
        prop_assert_eq!(widths.last(), Some(&max));
        prop_assert!(widths.windows(2).all(|w| w[0] < w[1]), "{widths:?}");
        prop_assert!(widths.iter().all(|w| (min..=max).contains(w)));
    }

    #[test]
    fn target_widths_rejects_out_of_range(
        min in prop_oneof![any::<i64>(), -2..=9000i64],
        max in prop_oneof![any::<i64>(), -2..=9000i64],
        tolerance in float(),
    ) {
        let valid = (1..=8192).contains(&min) && (min..=8192).contains(&max) && tolerance.is_finite() && tolerance >= 0.01;
        match target_widths(Some(min), Some(max), Some(tolerance)) {
            Ok(w) => {
                prop_assert!(valid, "accepted {min} {max} {tolerance}");
                prop_assert!(!w.is_empty() && w.windows(2).all(|p| p[0] < p[1]));
            }
            Err(e) => {
                prop_assert!(!valid, "rejected {min} {max} {tolerance}: {e}");
                prop_assert_eq!(e.code(), ErrorCode::InvalidSrcset);
            }
        }
    }
}

/// Paths and hosts that a browser rewrites before sending are refused with a coded error,
/// never signed as written (a signature over bytes that are never sent cannot match).
#[test]
fn what_browsers_rewrite_is_refused() {
    let cases = [
        (".", false),
        ("a/./b.jpg", false),
        ("a/../b.jpg", false),
        ("/..", false),
        ("a`b.jpg", true),
        ("a{b}.jpg", true),
        ("a\\b.jpg", true),
        ("a/%2E%2e/b.jpg", true),
        ("\"q\".jpg", true),
    ];
    for (path, verbatim) in cases {
        let b = UrlBuilder::new(
            "demo.imgix.net",
            BuilderOptions {
                key: Some("FOO123bar".to_owned()),
                disable_path_encoding: Some(verbatim),
                ..BuilderOptions::default()
            },
        )
        .unwrap();
        let got = b.build_url(path, &[("w", ParamValue::Int(100))]).map_err(|e| e.code());
        assert_eq!(got, Err(ErrorCode::InvalidUrl), "{path}");
    }
    for domain in ["m.1", "img.0x1f", "1.2.3", "256.1.1.1"] {
        let got = UrlBuilder::new(domain, BuilderOptions::default()).map_err(|e| e.code());
        assert_eq!(got.err(), Some(ErrorCode::InvalidDomain), "{domain}");
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn built_urls_of_every_profile_are_signed_as_clients_send_them(
        provider in provider(),
        profile in profile(),
        key in good_key(),
        path in prop_oneof![
            Just(String::new()),
            Just("/".to_owned()),
            vec(hostile_path_token(), 0..5).prop_map(|t| t.concat()),
            path_text(),
        ],
        params in vec((
            prop_oneof![select(vec!["w", "txt", "it's", "a b", "q'", "64", "x64"]).prop_map(str::to_owned), "[a-z'()!*]{1,3}"],
            prop_oneof![
                select(vec!["", "'", "it's", "(1)!*", "a b", "=&?#", "%"]).prop_map(|v| ParamValue::Str(v.to_owned())),
                any::<i64>().prop_map(ParamValue::Int),
            ],
        ), 0..4),
        flags in any::<(bool, bool, bool)>(),
    ) {
        prop_assume!(!params.iter().any(|(k, _)| k == "expires"));
        let b = UrlBuilder::new("demo.imgix.net", builder_options(provider, profile, Some(key.clone()), flags)).unwrap();
        let Ok(built) = b.build_url(&path, &params) else { return Ok(()); };
        // What a client sends: the URL as a WHATWG parser serialises it.
        let sent = url::Url::parse(&built).map(|u| u.to_string());
        prop_assert_eq!(sent.as_deref(), Ok(built.as_str()), "a client rewrites the built URL");
        prop_assert_eq!(signer(provider, &key).verify_url(&built, Some(0)), Ok(()), "{}", built);
    }

    #[test]
    fn srcset_entries_of_every_profile_are_signed_as_clients_send_them(
        provider in provider(),
        profile in profile(),
        key in good_key(),
        path in prop_oneof![Just(String::new()), joined(vec(atom(), 0..4))],
        fixed in any::<bool>(),
        value in select(vec!["x", "it's", "(1)!*", "a b"]),
        options in srcset_options(),
    ) {
        let b = UrlBuilder::new("demo.imgix.net", builder_options(provider, profile, Some(key.clone()), (true, false, false))).unwrap();
        let mut params: Vec<(&str, ParamValue)> = vec![("txt", value.into())];
        if fixed {
            params.push(("w", ParamValue::Int(300)));
        }
        let Ok(srcset) = b.build_srcset(&path, &params, &options) else { return Ok(()); };
        let s = signer(provider, &key);
        for entry in srcset.split(",\n") {
            let (url, _) = entry.rsplit_once(' ').unwrap();
            let sent = url::Url::parse(url).map(|u| u.to_string());
            prop_assert_eq!(sent.as_deref(), Ok(url), "a client rewrites the srcset entry");
            prop_assert_eq!(s.verify_url(url, Some(0)), Ok(()), "{}", url);
        }
    }
}
