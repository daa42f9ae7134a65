//! Property tests of origin-request authentication: round trips, replay windows, wrong keys
//! and no panic on any header set.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

mod common;

use common::*;
use imgsign::{ErrorCode, sign_origin_request, verify_origin_request};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

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
