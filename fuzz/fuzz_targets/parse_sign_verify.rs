//! Fuzz target: signs, verifies and builds URLs from arbitrary bytes.
//!
//! Input layout: the first byte picks provider, profile and flags; the rest is split on the
//! byte 0xFF (never part of UTF-8 text) into fields, each read as lossy UTF-8:
//! `url`, `key`, `path`, `params` (`k=v&k=v`, a value prefixed `i:`/`f:`/`b:` is an int,
//! float or bool, a lone `~` is null), `srcset` numbers (`min,max,tolerance,widths...`),
//! `ratios` (`1.5,2,...`), `headers` (`Name: value` lines), `domain`, `now`, `target` (what
//! a server receives, for `verify`), and optionally `profile` (a name, which wins over the
//! profile bits of the first byte).
//!
//! Invariants checked (any failure aborts, which the fuzzer reports):
//! - nothing panics;
//! - a URL that `sign_url` accepts verifies with the same signer (also as the request target
//!   a server receives), is at most `MAX_URL_LEN` bytes, and re-signing it is a no-op;
//! - a signed `build_url` result, every signed srcset entry and a signed `reconstruct`
//!   result, in every profile, is what a client sends (the URL parser leaves it as it is) and
//!   verifies with the same provider and key;
//! - a signed URL with its signature piece given twice never verifies;
//! - every error carries a code of the family its operation documents.
#![no_main]

use imgsign::{
    BuilderOptions, ErrorCode, ParamValue, Profile, Provider, Signer, SrcsetOptions, UrlBuilder,
    sign_origin_request, verify_origin_request,
};
use libfuzzer_sys::fuzz_target;

fn field(fields: &[String], i: usize) -> &str {
    fields.get(i).map_or("", String::as_str)
}

fn parse_params(text: &str) -> Vec<(String, ParamValue)> {
    if text.is_empty() {
        return Vec::new();
    }
    text.split('&')
        .map(|piece| {
            let (k, v) = piece.split_once('=').unwrap_or((piece, ""));
            let value = if v == "~" {
                ParamValue::Null
            } else if let Some(i) = v.strip_prefix("i:").and_then(|s| s.parse().ok()) {
                ParamValue::Int(i)
            } else if let Some(f) = v.strip_prefix("f:").and_then(|s| s.parse().ok()) {
                ParamValue::Float(f)
            } else if let Some(b) = v.strip_prefix("b:") {
                ParamValue::Bool(b == "1")
            } else {
                ParamValue::Str(v.to_owned())
            };
            (k.to_owned(), value)
        })
        .collect()
}

fn numbers<T: std::str::FromStr>(text: &str) -> Vec<T> {
    text.split(',').filter_map(|s| s.trim().parse().ok()).take(16).collect()
}

fn headers(text: &str) -> Vec<(String, String)> {
    text.lines()
        .map(|l| {
            let (k, v) = l.split_once(':').unwrap_or((l, ""));
            (k.to_owned(), v.trim_start().to_owned())
        })
        .collect()
}

fn has_expires(url: &str) -> bool {
    let q = url.split('#').next().unwrap_or("").split_once('?').map_or("", |(_, q)| q);
    q.split('&').any(|p| p.split('=').next() == Some("expires"))
}

fn check_code(e: &imgsign::Error, allowed: &[ErrorCode], what: &str) {
    assert!(allowed.contains(&e.code()), "{what}: unexpected code {e}");
}

/// The request target a client sends for `url`: its path and query, no fragment.
fn origin_form(url: &str) -> &str {
    let after = url.find("://").map_or(0, |i| i + 3);
    let start = url[after..].find(['/', '?']).map_or(url.len(), |i| after + i);
    let end = url.find('#').unwrap_or(url.len());
    url.get(start..end.max(start)).unwrap_or("")
}

/// A signed URL is what a client sends and verifies, unless it carries `expires`.
fn assert_sent_and_verifies(signer: &Signer, url: &str, now: i64, what: &str) {
    // The host is not signed (and is lowercased by clients): compare the path and query.
    let sent =
        url::Url::parse(url).map(|u| u[url::Position::BeforePath..url::Position::AfterQuery].to_owned());
    assert_eq!(sent.as_deref(), Ok(origin_form(url)), "{what}: a client rewrites {url:?}");
    let verdict = signer.verify_url(url, Some(now));
    if has_expires(url) {
        if let Err(e) = &verdict {
            check_code(e, &[ErrorCode::Expired, ErrorCode::MalformedUrl], what);
        }
    } else {
        assert_eq!(verdict, Ok(()), "{what}: {url:?} does not verify");
    }
}

/// What a WSGI server hands an application: the path with every `%XX` decoded.
fn percent_decoded(path: &str) -> Option<String> {
    let b = path.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let hex = b.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (c, hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// A built URL's request target comes back from its decoded path (docs/behaviour.md,
/// "Verifying behind a server that decodes the path"), outside the cases the rule documents:
/// a path used as given, a space in an imgix-python web-proxy path, and Gumlet's cut of extra
/// leading slashes (which can turn a path into a web-proxy one).
fn assert_target_comes_back(builder: &UrlBuilder, built: &str, path: &str) {
    let sent = origin_form(built);
    let (sent_path, query) = sent.split_once('?').unwrap_or((sent, ""));
    let documented = builder.disable_path_encoding()
        || (builder.profile() == Profile::ImgixPython && sent_path.contains('+'))
        || (builder.provider() == Provider::Gumlet && path.starts_with("//"));
    if let (false, Some(decoded)) = (documented, percent_decoded(sent_path)) {
        assert_eq!(
            builder.request_target(&decoded, query).as_deref(),
            Ok(sent),
            "request_target of {built:?}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let fields: Vec<String> =
        rest.split(|b| *b == 0xff).map(|f| String::from_utf8_lossy(f).into_owned()).collect();
    let provider = Provider::ALL[usize::from(selector & 0x03)];
    let profile = Profile::from_name(field(&fields, 10))
        .unwrap_or(Profile::ALL[usize::from((selector >> 2) & 0x03) % Profile::ALL.len()]);
    let (use_https, library_param, verbatim, fixed_by_flag) =
        (selector & 0x10 == 0, selector & 0x20 != 0, selector & 0x40 != 0, selector & 0x80 != 0);

    let url = field(&fields, 0);
    let key = match field(&fields, 1) {
        "" => "FOO123bar",
        k => k,
    };
    let path = field(&fields, 2);
    let params = parse_params(field(&fields, 3));
    let bounds: Vec<f64> = numbers(field(&fields, 4));
    let ratios: Vec<f64> = numbers(field(&fields, 5));
    let hdrs = headers(field(&fields, 6));
    let domain = match field(&fields, 7) {
        "" => "demo.imgix.net",
        d => d,
    };
    let now: i64 = field(&fields, 8).trim().parse().unwrap_or(0);
    let target = field(&fields, 9);

    // Sign as given, then verify.
    match Signer::new(provider, key, &["previous-key"]) {
        Ok(signer) => {
            match signer.sign_url(url) {
                Ok(signed) => {
                    assert!(signed.len() <= imgsign::MAX_URL_LEN, "signed URL over the limit");
                    assert_sent_and_verifies(&signer, &signed, now, "sign_url");
                    if !has_expires(&signed) {
                        let as_received = signer.verify(origin_form(&signed), Some(now));
                        assert_eq!(as_received, Ok(()), "request target of {signed:?} does not verify");
                        let sig = provider.scheme().query_param().unwrap_or("s");
                        let twice = match signed.split_once('#') {
                            Some((u, f)) => format!("{u}&{sig}=0#{f}"),
                            None => format!("{signed}&{sig}=0"),
                        };
                        let verdict = signer.verify_url(&twice, Some(now)).map_err(|e| e.code());
                        assert_eq!(verdict, Err(ErrorCode::MalformedUrl), "two signatures: {twice:?}");
                    }
                    assert_eq!(signer.sign_url(&signed).as_ref(), Ok(&signed), "re-signing changed it");
                }
                Err(e) => {
                    check_code(&e, &[ErrorCode::InvalidUrl], "sign_url");
                    if let Err(e) = signer.verify_url(url, Some(now)) {
                        assert!(e.code().is_verify_failure(), "verify_url: {e}");
                    }
                }
            }
            if let Err(e) = signer.verify(target, Some(now)) {
                assert!(
                    e.code().is_verify_failure() && e.code() != ErrorCode::MalformedHeader,
                    "verify: {e}"
                );
            }
        }
        Err(e) => check_code(&e, &[ErrorCode::InvalidKey], "Signer::new"),
    }

    // Build and srcset.
    let options = BuilderOptions {
        provider: Some(provider),
        key: Some(key.to_owned()),
        profile: Some(profile),
        use_https: Some(use_https),
        include_library_param: Some(library_param),
        disable_path_encoding: Some(verbatim),
        ..BuilderOptions::default()
    };
    match UrlBuilder::new(domain, options) {
        Ok(builder) => {
            match builder.build_url(path, &params) {
                Ok(built) => {
                    if let Ok(signer) = Signer::new(provider, key, &[] as &[&str]) {
                        assert_sent_and_verifies(&signer, &built, now, "build_url");
                    }
                    assert_target_comes_back(&builder, &built, path);
                }
                Err(e) => check_code(&e, &[ErrorCode::InvalidParam, ErrorCode::InvalidUrl], "build_url"),
            }
            let mut srcset = SrcsetOptions::default();
            let mut b = bounds.iter().copied();
            srcset.min_width = b.next();
            srcset.max_width = b.next();
            srcset.tolerance = b.next();
            let widths: Vec<imgsign::Width> = b.map(imgsign::Width::Float).collect();
            if !widths.is_empty() {
                srcset.widths = Some(widths);
            }
            if !ratios.is_empty() {
                if fixed_by_flag {
                    srcset.variable_qualities =
                        Some(ratios.iter().map(|r| (*r, (*r as i64) % 101)).collect());
                } else {
                    srcset.device_pixel_ratios = Some(ratios.clone());
                }
            }
            srcset.disable_variable_quality = Some(verbatim && fixed_by_flag);
            match builder.build_srcset(path, &params, &srcset) {
                Ok(set) => {
                    if let Ok(signer) = Signer::new(provider, key, &[] as &[&str]) {
                        // The first, second and last entries: every entry is made the same way.
                        let entries: Vec<&str> = set.split(",\n").collect();
                        let picked = [entries.first(), entries.get(1), entries.last()];
                        for &entry in picked.into_iter().flatten() {
                            let url = entry.rsplit_once(' ').map_or(entry, |(u, _)| u);
                            assert_sent_and_verifies(&signer, url, now, "build_srcset");
                        }
                    }
                }
                Err(e) => check_code(
                    &e,
                    &[ErrorCode::InvalidSrcset, ErrorCode::InvalidParam, ErrorCode::InvalidUrl],
                    "build_srcset",
                ),
            }
            match builder.reconstruct(url, &params) {
                Ok(rebuilt) => {
                    if let Ok(signer) = Signer::new(provider, key, &[] as &[&str]) {
                        assert_sent_and_verifies(&signer, &rebuilt, now, "reconstruct");
                    }
                }
                Err(e) => check_code(&e, &[ErrorCode::InvalidParam, ErrorCode::InvalidUrl], "reconstruct"),
            }
            if let Err(e) = builder.request_target(path, target) {
                check_code(&e, &[ErrorCode::MalformedUrl], "request_target");
            }
            let batch = builder.build_urls(&[(path, params.clone()), ("x.jpg", Vec::new())]);
            if let Err(e) = batch {
                assert!(e.message().starts_with("items["), "build_urls: {e}");
            }
        }
        Err(e) => check_code(&e, &[ErrorCode::InvalidDomain, ErrorCode::InvalidKey], "UrlBuilder::new"),
    }

    // Origin requests: sign then verify, and verify the fuzzed headers.
    if let Ok(sig) = sign_origin_request(key, path, now) {
        let own = [
            ("X-Imgix-Signature", sig.as_str()),
            ("X-Imgix-Signature-Timestamp", &now.to_string()),
            ("X-Imgix-Signature-Request-Id", path),
        ];
        assert_eq!(verify_origin_request(key, &own, Some(now), Some(0)), Ok(()), "origin round trip");
    }
    let _ = verify_origin_request(key, &hdrs, Some(now), None);
    let _ = imgsign::verify_basic_auth(key, path, &hdrs);
    let _ = imgsign::verify_origin_secret(key, &hdrs);
});
