//! Property tests of signing URLs as given and verifying them: round trips, tamper
//! detection, no panic on any input, and hostile URLs (queries made of `&`, `=`, empty pieces
//! and signature params; URLs near the length limit; a second signature param): signing never
//! gives a URL its own verification rejects. `PROPTEST_CASES` overrides the default of 256
//! cases per property.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

mod common;

use common::*;
use imgsign::{ErrorCode, Signer};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};

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
        let sig_param = provider.scheme().query_param().unwrap_or("s");
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

/// `verify(sign(u))` holds, or `sign` refuses with `invalid_url`.
fn assert_signed_verifies(s: &Signer, input: &str) -> Result<(), TestCaseError> {
    match s.sign_url(input) {
        Ok(signed) => {
            let verdict = s.verify_url(&signed, Some(0));
            if has_expires_piece(&signed) {
                prop_assert!(
                    matches!(
                        verdict.as_ref().map_err(imgsign::Error::code),
                        Ok(()) | Err(ErrorCode::Expired | ErrorCode::MalformedUrl)
                    ),
                    "{input:?} -> {signed:?}: {verdict:?}"
                );
            } else {
                prop_assert_eq!(verdict, Ok(()), "input {:?} signed {:?}", input, signed);
            }
            prop_assert_eq!(s.sign_url(&signed), Ok(signed.clone()), "re-signing {:?}", signed);
        }
        Err(e) => prop_assert_eq!(e.code(), ErrorCode::InvalidUrl, "{}", e),
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn hostile_urls_sign_to_urls_that_verify(provider in provider(), key in good_key(), url in hostile_url()) {
        assert_signed_verifies(&signer(provider, &key), &url)?;
    }

    #[test]
    fn urls_near_the_length_limit_sign_to_urls_that_verify(
        provider in provider(),
        key in good_key(),
        fill in select(vec!["a", " ", "%", "é", "a&"]),
        len in (imgsign::MAX_URL_LEN - 200)..=(imgsign::MAX_URL_LEN + 2),
        query in proptest::option::of(vec(hostile_query_token(), 0..4).prop_map(|t| t.concat())),
    ) {
        let mut url = String::from("https://demo.imgix.net/");
        while url.len() + fill.len() <= len {
            url.push_str(fill);
        }
        if let Some(q) = query {
            url.push('?');
            url.push_str(&q);
        }
        assert_signed_verifies(&signer(provider, &key), &url)?;
    }

    #[test]
    fn a_second_signature_param_never_verifies(
        provider in provider(),
        key in good_key(),
        url in signable_url(),
        at in any::<Index>(),
        value in select(vec!["", "=", "=0", "=deadbeef", "=0123456789abcdef0123456789abcdef"]),
    ) {
        let s = signer(provider, &key);
        let signed = s.sign_url(&url).unwrap();
        let (before_fragment, fragment) = match signed.split_once('#') {
            Some((b, f)) => (b.to_owned(), Some(f.to_owned())),
            None => (signed.clone(), None),
        };
        let (head, query) = before_fragment.split_once('?').unwrap();
        let mut pieces: Vec<String> = query.split('&').map(str::to_owned).collect();
        let sig = provider.scheme().query_param().unwrap_or("s");
        pieces.insert(at.index(pieces.len()), format!("{sig}{value}"));
        let mut tampered = format!("{head}?{}", pieces.join("&"));
        if let Some(f) = fragment {
            tampered.push('#');
            tampered.push_str(&f);
        }
        let verdict = s.verify_url(&tampered, Some(0)).map_err(|e| e.code());
        prop_assert_eq!(verdict, Err(ErrorCode::MalformedUrl), "{}", tampered);
    }
}
