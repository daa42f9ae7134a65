//! Each hot path of the core in a plain loop, for an instruction-counting profiler
//! (`scripts/profile-core.sh` runs it under `valgrind --tool=callgrind`):
//!
//! ```text
//! hotpaths <operation> <iterations>
//! ```
//!
//! The inputs are those of `benches/core.rs`. `raw_*` operations hash exactly the bytes the
//! matching operation signs, with the key state prepared once as the core prepares it: they
//! are the floor. Running an operation with 0 iterations measures the set-up alone, which the
//! script subtracts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

use hmac::{Hmac, KeyInit, Mac};
use imgsign::{BuilderOptions, ParamValue, Profile, Provider, Signer, SrcsetOptions, UrlBuilder};
use md5::{Digest, Md5};
use sha2::Sha256;
use std::hint::black_box;

#[path = "common/inputs.rs"]
mod inputs;
use inputs::{DOMAIN, KEY, PATH, params};
const URL: &str =
    "https://demo.imgix.net/photos/2024/summer/beach-sunset.jpg?w=800&h=600&fit=crop&auto=format";
/// The message `build_url` signs for `PATH` and `params()` (checked in `main`).
const BUILD_MSG: &str = "/photos/2024/summer/beach-sunset.jpg?auto=format&fit=crop&h=600&w=800";
/// The message `sign_url` signs for `URL`.
const SIGN_MSG: &str = "/photos/2024/summer/beach-sunset.jpg?w=800&h=600&fit=crop&auto=format";

fn builder(profile: Profile) -> UrlBuilder {
    let options =
        BuilderOptions { key: Some(KEY.to_owned()), profile: Some(profile), ..BuilderOptions::default() };
    UrlBuilder::new(DOMAIN, options).unwrap()
}

fn provider(name: &str) -> Provider {
    Provider::from_name(name).unwrap()
}

/// Runs `f` `n` times; returns a byte of the results so nothing is optimised away.
#[inline(never)]
fn repeat<R: AsRef<[u8]>>(n: u64, mut f: impl FnMut() -> R) -> u8 {
    let mut acc = 0u8;
    for _ in 0..n {
        let r = f();
        acc ^= r.as_ref().first().copied().unwrap_or(0);
    }
    acc
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let op = args.get(1).map_or("build_url", String::as_str);
    let n: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let p = params();
    let canonical = builder(Profile::Canonical);
    assert!(canonical.build_url(PATH, &p).unwrap().contains(&format!("{BUILD_MSG}&s=")));
    let out = match op {
        "build_url" => repeat(n, || canonical.build_url(black_box(PATH), black_box(&p)).unwrap()),
        "build_url_float_params" => {
            // Numbers as a JavaScript or Python caller may pass them: floats.
            let f: Vec<(&str, ParamValue)> = p
                .iter()
                .map(|(k, v)| match v {
                    ParamValue::Int(i) => (*k, ParamValue::Float(*i as f64)),
                    other => (*k, other.clone()),
                })
                .collect();
            repeat(n, || canonical.build_url(black_box(PATH), black_box(&f)).unwrap())
        }
        "build_url_imgix_js" => {
            let b = builder(Profile::ImgixJs);
            repeat(n, || b.build_url(black_box(PATH), black_box(&p)).unwrap())
        }
        "srcset_fluid" => {
            let fluid: Vec<(&str, ParamValue)> = vec![("fit", "crop".into()), ("auto", "format".into())];
            let o = SrcsetOptions::default();
            repeat(n, || canonical.build_srcset(black_box(PATH), black_box(&fluid), &o).unwrap())
        }
        "raw_md5_build" => {
            let mut h = Md5::new();
            h.update(KEY.as_bytes());
            repeat(n, || {
                let mut m = h.clone();
                m.update(black_box(BUILD_MSG).as_bytes());
                <[u8; 16]>::from(m.finalize())
            })
        }
        "raw_md5_sign" => {
            let mut h = Md5::new();
            h.update(KEY.as_bytes());
            repeat(n, || {
                let mut m = h.clone();
                m.update(black_box(SIGN_MSG).as_bytes());
                <[u8; 16]>::from(m.finalize())
            })
        }
        "raw_hmac_sha256_sign" => {
            let mac = Hmac::<Sha256>::new_from_slice(KEY.as_bytes()).unwrap();
            repeat(n, || {
                let mut m = mac.clone();
                m.update(black_box(SIGN_MSG).as_bytes());
                <[u8; 32]>::from(m.finalize().into_bytes())
            })
        }
        "verify_url" => {
            let s = Signer::new(Provider::Imgix, KEY, &[] as &[&str]).unwrap();
            let signed = canonical.build_url(PATH, &p).unwrap();
            assert_eq!(s.verify_url(&signed, Some(0)), Ok(()));
            repeat(n, || s.verify_url(black_box(&signed), Some(0)).map(|()| "ok").unwrap())
        }
        "verify_target" => {
            let s = Signer::new(Provider::Imgix, KEY, &[] as &[&str]).unwrap();
            let signed = canonical.build_url(PATH, &p).unwrap();
            let target = &signed[signed.find(PATH).unwrap()..];
            repeat(n, || s.verify(black_box(target), Some(0)).map(|()| "ok").unwrap())
        }
        other => {
            // sign_url_<provider>
            let Some(name) = other.strip_prefix("sign_url_") else {
                panic!("unknown operation {other}");
            };
            let s = Signer::new(provider(name), KEY, &[] as &[&str]).unwrap();
            repeat(n, || s.sign_url(black_box(URL)).unwrap())
        }
    };
    black_box(out);
}
