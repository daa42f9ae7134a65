//! Property tests of the core: sign/verify round trips, tamper detection, and no panic on
//! any input. `PROPTEST_CASES` overrides the default of 256 cases per property.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

use imgsign::{
    BuilderOptions, ErrorCode, ParamValue, Profile, Provider, Signer, SrcsetOptions, UrlBuilder,
    sign_origin_request, target_widths, verify_origin_request,
};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};

const NO_KEYS: &[&str] = &[];

fn config() -> ProptestConfig {
    // Failing inputs are printed (shrunk); nothing is written into the source tree.
    ProptestConfig { failure_persistence: None, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------

fn provider() -> impl Strategy<Value = Provider> {
    select(Provider::ALL.to_vec())
}

fn profile() -> impl Strategy<Value = Profile> {
    select(Profile::ALL.to_vec())
}

/// A key every provider accepts.
fn good_key() -> impl Strategy<Value = String> {
    "[A-Za-z0-9@!._~-][A-Za-z0-9@!#$%&*+/=?^._~ -]{0,22}[A-Za-z0-9@!._~-]"
}

/// Any Unicode string, control characters (NUL, CR, LF, DEL, C1) included.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), vec(any::<char>(), 0..24).prop_map(String::from_iter), "(?s).{0,16}",]
}

/// One piece of a path segment or query component: URL-safe ASCII, percent-escapes (valid
/// or not), Unicode, an inner space, and characters the URL parser encodes or keeps.
fn atom() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => "[A-Za-z0-9._~-]{1,6}",
        2 => "%[0-9A-Fa-f]{2}",
        1 => "%[G-Zg-z]?",
        2 => "[àéüßñΩ€日本語中文😀]{1,3}",
        1 => "[a-z] [a-z]",
        1 => "[!$'()*+,;:@\\[\\]|^`{}\"<>\\\\]",
    ]
}

fn joined(atoms: impl Strategy<Value = Vec<String>>) -> impl Strategy<Value = String> {
    atoms.prop_map(|a| a.concat())
}

fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => joined(vec(atom(), 0..4)),
        1 => Just(".".to_owned()),
        1 => Just("..".to_owned()),
    ]
}

fn query_piece() -> impl Strategy<Value = String> {
    let key = joined(vec(atom(), 1..3)).prop_map(|k| {
        // An `expires` piece makes verification depend on the clock; tested separately.
        if k == "expires" { "expiresx".to_owned() } else { k }
    });
    let value = joined(vec(atom(), 0..3));
    (key, proptest::option::of(value)).prop_map(|(k, v)| match v {
        Some(v) => format!("{k}={v}"),
        None => k,
    })
}

/// An http(s) URL that `sign_url` accepts.
fn signable_url() -> impl Strategy<Value = String> {
    let scheme = select(vec!["http", "https"]);
    let host = select(vec![
        "demo.imgix.net",
        "Demo.IMGIX.net",
        "assets.gumlet.io",
        "image.pvnservices.com",
        "img.imageboss.me",
        "127.0.0.1",
        "bücher.example",
        "example.com:8080",
    ]);
    let path = vec(segment(), 0..5).prop_map(|s| format!("/{}", s.join("/")));
    let query = proptest::option::of(vec(query_piece(), 0..5).prop_map(|p| p.join("&")));
    let fragment = proptest::option::of(joined(vec(atom(), 0..3)));
    (scheme, host, path, query, fragment).prop_map(|(scheme, host, path, query, fragment)| {
        let mut url = format!("{scheme}://{host}{path}");
        if let Some(q) = query {
            url.push('?');
            url.push_str(&q);
        }
        if let Some(f) = fragment {
            url.push('#');
            url.push_str(&f);
        }
        url
    })
}

fn float() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        -1e3..1e3f64,
        select(vec![0.0, -0.0, 1.0, 0.5, 1e-7, 1e21, f64::NAN, f64::INFINITY, f64::NEG_INFINITY]),
    ]
}

fn param_value() -> impl Strategy<Value = ParamValue> {
    prop_oneof![
        4 => any_text().prop_map(ParamValue::Str),
        1 => any::<i64>().prop_map(ParamValue::Int),
        1 => float().prop_map(ParamValue::Float),
        1 => any::<bool>().prop_map(ParamValue::Bool),
        1 => Just(ParamValue::Null),
    ]
}

fn param_key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any_text(),
        2 => select(vec!["w", "h", "q", "dpr", "s", "bossToken", "ixlib", "fit", "txt64", "2", "expires"])
            .prop_map(str::to_owned),
    ]
}

fn params() -> impl Strategy<Value = Vec<(String, ParamValue)>> {
    vec((param_key(), param_value()), 0..6)
}

fn domain() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(vec!["demo.imgix.net", "Demo.Imgix.NET", "a_b.imgix.net", "x.gumlet.io"]).prop_map(str::to_owned),
        1 => any_text(),
    ]
}

fn path_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any_text(),
        1 => any_text().prop_map(|s| format!("https://example.com/{s}")),
        1 => any_text().prop_map(|s| format!("/HTTP://{s}")),
        1 => joined(vec(atom(), 0..6)),
        1 => vec(segment(), 0..5).prop_map(|s| s.join("/")),
    ]
}

fn srcset_options() -> impl Strategy<Value = SrcsetOptions> {
    let width = prop_oneof![-2..10i64, 1..=8192i64, any::<u32>().prop_map(i64::from), any::<i64>()];
    let bound = prop_oneof![
        Just(100i64),
        Just(8192i64),
        -2..=10i64,
        1..=9000i64,
        any::<u32>().prop_map(i64::from),
        any::<i64>()
    ];
    let tolerance = prop_oneof![Just(0.08), 0.0..2.0f64, float()];
    let ratio = prop_oneof![1.0..=5.0f64, select(vec![1.0, 1.5, 2.0, 3.0, 5.0]), float()];
    (
        proptest::option::of(vec(width, 0..8)),
        bound.clone(),
        bound,
        tolerance,
        proptest::option::of(vec(ratio.clone(), 0..7)),
        proptest::option::of(vec((ratio, prop_oneof![0..=100i64, any::<i64>()]), 0..7)),
        any::<bool>(),
    )
        .prop_map(|(widths, min_width, max_width, tolerance, dprs, vq, disable)| SrcsetOptions {
            widths,
            min_width: Some(min_width),
            max_width: Some(max_width),
            tolerance: Some(tolerance),
            device_pixel_ratios: dprs,
            variable_qualities: vq,
            disable_variable_quality: Some(disable),
        })
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn signer(provider: Provider, key: &str) -> Signer {
    Signer::new(provider, key, NO_KEYS).unwrap_or_else(|e| panic!("key rejected: {e}"))
}

/// Byte range of the signed URL that the signature covers or carries: everything after
/// the path's first `/` and before the fragment.
fn signed_region(url: &str) -> std::ops::Range<usize> {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let path_start = url[after_scheme..].find('/').map_or(url.len(), |i| after_scheme + i);
    let end = url.find('#').unwrap_or(url.len());
    (path_start + 1).min(end)..end
}

/// What verification looks at in a URL, normalised like a browser: the path (Gumlet: one
/// leading `/`) and the query.
fn verified_parts(url: &str, provider: Provider) -> Option<(String, Option<String>)> {
    let u = url::Url::parse(url).ok()?;
    let path = if provider == Provider::Gumlet {
        format!("/{}", u.path().trim_start_matches('/'))
    } else {
        u.path().to_owned()
    };
    Some((path, u.query().map(str::to_owned)))
}

fn is_url_safe_ascii(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_graphic())
}

/// The last query piece (before any fragment) of a built or signed URL.
fn last_piece(url: &str) -> &str {
    let no_fragment = url.split('#').next().unwrap_or(url);
    let query = no_fragment.split_once('?').map_or("", |(_, q)| q);
    query.rsplit('&').next().unwrap_or("")
}

fn has_expires_piece(url: &str) -> bool {
    let no_fragment = url.split('#').next().unwrap_or(url);
    let query = no_fragment.split_once('?').map_or("", |(_, q)| q);
    query.split('&').any(|p| p.split('=').next() == Some("expires"))
}

const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

// ---------------------------------------------------------------------------------------
// Signing URLs as given
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn sign_then_verify_round_trips(
        provider in provider(),
        key in good_key(),
        url in signable_url(),
        now in any::<i64>(),
    ) {
        let s = signer(provider, &key);
        let signed = s.sign_url(&url).unwrap_or_else(|e| panic!("sign_url({url:?}): {e}"));
        prop_assert!(is_url_safe_ascii(&signed), "not URL-safe ASCII: {signed:?}");
        let sig_param = provider.scheme().signature_param;
        let last = last_piece(&signed);
        prop_assert!(last.starts_with(&format!("{sig_param}=")), "signature not last: {signed:?}");
        prop_assert_eq!(s.verify_url(&signed, Some(now)), Ok(()), "{}", signed);
        // Signing a signed URL replaces its signature with the same one.
        prop_assert_eq!(s.sign_url(&signed), Ok(signed.clone()));
    }

    #[test]
    fn key_rotation_and_wrong_keys(
        provider in provider(),
        key in good_key(),
        other in good_key(),
        url in signable_url(),
    ) {
        prop_assume!(key != other);
        let signed = signer(provider, &key).sign_url(&url).unwrap();
        let rotated = Signer::new(provider, &other, &[key.as_str()]).unwrap();
        prop_assert_eq!(rotated.verify_url(&signed, Some(0)), Ok(()));
        let wrong = signer(provider, &other).verify_url(&signed, Some(0));
        prop_assert_eq!(wrong.map_err(|e| e.code()), Err(ErrorCode::SignatureMismatch));
    }

    #[test]
    fn expiring_urls_verify_until_they_expire(
        provider in provider(),
        key in good_key(),
        url in signable_url(),
        at in 0..i64::MAX - 1,
        before in 0..1_000_000i64,
    ) {
        let s = signer(provider, &key);
        let signed = s.sign_url_expiring(&url, at).unwrap();
        let piece = format!("expires={at}");
        prop_assert!(signed.contains(&piece), "{} lacks {}", signed, piece);
        prop_assert_eq!(s.verify_url(&signed, Some(at)), Ok(()));
        prop_assert_eq!(s.verify_url(&signed, Some(at.saturating_sub(before))), Ok(()));
        let late = s.verify_url(&signed, Some(at + 1));
        prop_assert_eq!(late.map_err(|e| e.code()), Err(ErrorCode::Expired));
    }

    #[test]
    fn alphanumeric_change_in_path_query_or_signature_fails(
        provider in provider(),
        key in good_key(),
        url in signable_url(),
        pos in any::<Index>(),
        with in any::<Index>(),
    ) {
        let s = signer(provider, &key);
        let signed = s.sign_url(&url).unwrap();
        let region = signed_region(&signed);
        let candidates: Vec<usize> =
            region.filter(|&i| signed.as_bytes()[i].is_ascii_alphanumeric()).collect();
        // Every signed URL has at least the hex digits of its signature.
        prop_assert!(!candidates.is_empty());
        let i = *pos.get(&candidates);
        let old = signed.as_bytes()[i];
        let choices: Vec<u8> = ALNUM.iter().copied().filter(|&c| c != old).collect();
        let mut bytes = signed.clone().into_bytes();
        bytes[i] = *with.get(&choices);
        let mutated = String::from_utf8(bytes).unwrap();
        prop_assert!(
            s.verify_url(&mutated, Some(0)).is_err(),
            "tampered URL verified: {mutated:?} (signed {signed:?})"
        );
    }

    #[test]
    fn any_ascii_change_that_survives_parsing_fails(
        provider in provider(),
        key in good_key(),
        url in signable_url(),
        pos in any::<Index>(),
        with in 0x20u8..0x7f,
    ) {
        let s = signer(provider, &key);
        let signed = s.sign_url(&url).unwrap();
        let region: Vec<usize> = signed_region(&signed).collect();
        let i = *pos.get(&region);
        prop_assume!(signed.as_bytes()[i] != with);
        let mut bytes = signed.clone().into_bytes();
        bytes[i] = with;
        let mutated = String::from_utf8(bytes).unwrap();
        // A change the parser normalises back (e.g. `\` for `/`) is no change.
        if verified_parts(&mutated, provider) == verified_parts(&signed, provider) {
            prop_assert_eq!(s.verify_url(&mutated, Some(0)), Ok(()));
        } else {
            prop_assert!(
                s.verify_url(&mutated, Some(0)).is_err(),
                "tampered URL verified: {mutated:?} (signed {signed:?})"
            );
        }
    }

    #[test]
    fn sign_url_on_any_string_never_panics_and_its_output_verifies(
        provider in provider(),
        key in good_key(),
        tail in any_text(),
        prefix in select(vec!["", "https://demo.imgix.net/", "http://a.b", "https://a.b/x?", "HTTPS://A.B/p?w=1&"]),
        now in any::<i64>(),
    ) {
        let s = signer(provider, &key);
        let input = format!("{prefix}{tail}");
        match s.sign_url(&input) {
            Ok(signed) => {
                let verdict = s.verify_url(&signed, Some(now));
                if has_expires_piece(&signed) {
                    prop_assert!(
                        matches!(verdict.as_ref().map_err(imgsign::Error::code),
                            Ok(()) | Err(ErrorCode::Expired | ErrorCode::MalformedUrl)),
                        "{signed:?}: {verdict:?}"
                    );
                } else {
                    prop_assert_eq!(verdict, Ok(()), "input {:?} signed {:?}", input, signed);
                }
            }
            Err(e) => prop_assert_eq!(e.code(), ErrorCode::InvalidUrl, "{}", e),
        }
    }

    #[test]
    fn verify_url_never_panics(
        provider in provider(),
        key in good_key(),
        text in prop_oneof![
            any_text(),
            any_text().prop_map(|t| format!("https://demo.imgix.net/{t}")),
            any_text().prop_map(|t| format!("https://demo.imgix.net/a.jpg?{t}")),
            any_text().prop_map(|t| format!("https://demo.imgix.net/a.jpg?w=1&s={t}")),
            any_text().prop_map(|t| format!("https://demo.imgix.net/a.jpg?expires={t}&bossToken=00")),
        ],
        now in proptest::option::of(any::<i64>()),
    ) {
        let s = Signer::new(provider, &key, &["previous"]).unwrap();
        if let Err(e) = s.verify_url(&text, now) {
            prop_assert!(e.code().is_verify_failure(), "{e}");
            prop_assert_ne!(e.code(), ErrorCode::MalformedHeader);
        }
    }

    #[test]
    fn sign_urls_is_sign_url_per_item_and_names_the_bad_index(
        provider in provider(),
        key in good_key(),
        urls in vec(signable_url(), 0..6),
        bad_at in any::<Index>(),
    ) {
        let s = signer(provider, &key);
        let each: Vec<String> = urls.iter().map(|u| s.sign_url(u).unwrap()).collect();
        prop_assert_eq!(s.sign_urls(&urls), Ok(each));
        let mut with_bad = urls.clone();
        let i = bad_at.index(urls.len() + 1);
        with_bad.insert(i, "ftp://example.com/x".to_owned());
        let e = s.sign_urls(&with_bad).unwrap_err();
        prop_assert_eq!(e.code(), ErrorCode::InvalidUrl);
        prop_assert!(e.message().contains(&format!("urls[{i}]")), "{}", e);
    }
}

// ---------------------------------------------------------------------------------------
// Building URLs and srcsets
// ---------------------------------------------------------------------------------------

fn builder_options(
    provider: Provider,
    profile: Profile,
    key: Option<String>,
    flags: (bool, bool, bool),
) -> BuilderOptions {
    BuilderOptions {
        provider: Some(provider),
        key,
        profile: Some(profile),
        use_https: Some(flags.0),
        include_library_param: Some(flags.1),
        disable_path_encoding: Some(flags.2),
    }
}

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
                    let sig = provider.scheme().signature_param;
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

// ---------------------------------------------------------------------------------------
// Origin requests
// ---------------------------------------------------------------------------------------

fn latin1_key() -> impl Strategy<Value = String> {
    vec(prop_oneof![0x20u32..0x7f, 0xa0u32..=0xff], 1..=32)
        .prop_map(|cs| cs.into_iter().filter_map(char::from_u32).collect())
}

fn header_name(name: &str, upper: bool) -> String {
    if upper { name.to_ascii_uppercase() } else { name.to_ascii_lowercase() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn origin_sign_then_verify_round_trips(
        key in latin1_key(),
        other in latin1_key(),
        request_id in "[A-Za-z0-9 ._:/-]{1,40}",
        timestamp in 0..i64::MAX / 2,
        skew in -300i64..=300,
        upper in any::<bool>(),
    ) {
        let sig = sign_origin_request(&key, &request_id, timestamp).unwrap();
        prop_assert!(sig.starts_with("v1,") && sig.len() == 67);
        prop_assert!(sig[3..].bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)));
        let headers = |sig: &str, ts: String| vec![
            (header_name("X-Imgix-Signature", upper), sig.to_owned()),
            (header_name("X-Imgix-Signature-Timestamp", !upper), ts),
            (header_name("X-Imgix-Signature-Request-Id", upper), request_id.clone()),
        ];
        let ok = headers(&sig, timestamp.to_string());
        prop_assert_eq!(verify_origin_request(&key, &ok, Some(timestamp + skew), None), Ok(()));
        // Hex digits in either case.
        let lower = format!("v1,{}", sig[3..].to_ascii_lowercase());
        prop_assert_eq!(verify_origin_request(&key, &headers(&lower, timestamp.to_string()), Some(timestamp), Some(300)), Ok(()));
        let late = verify_origin_request(&key, &ok, Some(timestamp + 301), Some(300));
        prop_assert_eq!(late.map_err(|e| e.code()), Err(ErrorCode::Expired));
        let replayed = headers(&sig, (timestamp + 1).to_string());
        let moved = verify_origin_request(&key, &replayed, Some(timestamp), Some(300));
        prop_assert_eq!(moved.map_err(|e| e.code()), Err(ErrorCode::SignatureMismatch));
        if other != key {
            let wrong = verify_origin_request(&other, &ok, Some(timestamp), Some(300));
            prop_assert_eq!(wrong.map_err(|e| e.code()), Err(ErrorCode::SignatureMismatch));
        }
    }

    #[test]
    fn origin_functions_never_panic(
        key in prop_oneof![latin1_key(), any_text()],
        request_id in any_text(),
        timestamp in any::<i64>(),
        headers in vec((prop_oneof![
            select(vec!["X-Imgix-Signature", "x-imgix-signature-timestamp", "X-IMGIX-SIGNATURE-REQUEST-ID", "Authorization", "X-Imgix-Origin-Secret"]).prop_map(str::to_owned),
            any_text(),
        ], prop_oneof![any_text(), "v1,[0-9A-Fa-f]{60,68}", "[0-9]{1,20}", "Basic [A-Za-z0-9+/=]{0,24}"]), 0..6),
        now in proptest::option::of(any::<i64>()),
        tolerance in any::<i64>(),
    ) {
        if let Err(e) = sign_origin_request(&key, &request_id, timestamp) {
            prop_assert!(matches!(e.code(), ErrorCode::InvalidKey | ErrorCode::InvalidParam), "{e}");
        }
        let _ = verify_origin_request(&key, &headers, now, Some(tolerance));
        let _ = imgsign::verify_basic_auth(&key, &request_id, &headers);
        let _ = imgsign::verify_origin_secret(&key, &headers);
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
