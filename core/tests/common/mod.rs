//! Strategies and helpers shared by the property tests.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use imgsign::{BuilderOptions, ParamValue, Profile, Provider, Signer, SrcsetOptions};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

pub const NO_KEYS: &[&str] = &[];

pub fn config() -> ProptestConfig {
    // Failing inputs are printed (shrunk); nothing is written into the source tree.
    ProptestConfig { failure_persistence: None, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------

/// The providers of the query family (path and query signed, the signature the last
/// param): the hostile-query properties are theirs. `path_properties.rs` covers the
/// providers that sign in the path, `tokens.rs` the token providers.
pub fn provider() -> impl Strategy<Value = Provider> {
    select(
        Provider::ALL
            .iter()
            .copied()
            .filter(|p| matches!(p.scheme().parts.covered, imgsign::Covered::PathAndQuery { .. }))
            .collect::<Vec<_>>(),
    )
}

pub fn profile() -> impl Strategy<Value = Profile> {
    select(Profile::ALL.to_vec())
}

/// A key every provider accepts.
pub fn good_key() -> impl Strategy<Value = String> {
    "[A-Za-z0-9@!._~-][A-Za-z0-9@!#$%&*+/=?^._~ -]{0,22}[A-Za-z0-9@!._~-]"
}

/// Any Unicode string, control characters (NUL, CR, LF, DEL, C1) included.
pub fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), vec(any::<char>(), 0..24).prop_map(String::from_iter), "(?s).{0,16}",]
}

/// One piece of a path segment or query component: URL-safe ASCII, percent-escapes (valid
/// or not), Unicode, an inner space, and characters the URL parser encodes or keeps.
pub fn atom() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => "[A-Za-z0-9._~-]{1,6}",
        2 => "%[0-9A-Fa-f]{2}",
        1 => "%[G-Zg-z]?",
        2 => "[àéüßñΩ€日本語中文😀]{1,3}",
        1 => "[a-z] [a-z]",
        1 => "[!$'()*+,;:@\\[\\]|^`{}\"<>\\\\]",
    ]
}

pub fn joined(atoms: impl Strategy<Value = Vec<String>>) -> impl Strategy<Value = String> {
    atoms.prop_map(|a| a.concat())
}

pub fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => joined(vec(atom(), 0..4)),
        1 => Just(".".to_owned()),
        1 => Just("..".to_owned()),
    ]
}

pub fn query_piece() -> impl Strategy<Value = String> {
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
pub fn signable_url() -> impl Strategy<Value = String> {
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

pub fn float() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        -1e3..1e3f64,
        select(vec![0.0, -0.0, 1.0, 0.5, 1e-7, 1e21, f64::NAN, f64::INFINITY, f64::NEG_INFINITY]),
    ]
}

pub fn param_value() -> impl Strategy<Value = ParamValue> {
    prop_oneof![
        4 => any_text().prop_map(ParamValue::Str),
        1 => any::<i64>().prop_map(ParamValue::Int),
        1 => float().prop_map(ParamValue::Float),
        1 => any::<bool>().prop_map(ParamValue::Bool),
        1 => Just(ParamValue::Null),
    ]
}

pub fn param_key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any_text(),
        2 => select(vec!["w", "h", "q", "dpr", "s", "bossToken", "ixlib", "fit", "txt64", "2", "expires"])
            .prop_map(str::to_owned),
    ]
}

pub fn params() -> impl Strategy<Value = Vec<(String, ParamValue)>> {
    vec((param_key(), param_value()), 0..6)
}

pub fn domain() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(vec!["demo.imgix.net", "Demo.Imgix.NET", "a_b.imgix.net", "x.gumlet.io"]).prop_map(str::to_owned),
        1 => any_text(),
    ]
}

pub fn path_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any_text(),
        1 => any_text().prop_map(|s| format!("https://example.com/{s}")),
        1 => any_text().prop_map(|s| format!("/HTTP://{s}")),
        1 => joined(vec(atom(), 0..6)),
        1 => vec(segment(), 0..5).prop_map(|s| s.join("/")),
    ]
}

pub fn srcset_options() -> impl Strategy<Value = SrcsetOptions> {
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
            widths: widths.map(|ws| ws.into_iter().map(imgsign::Width::Int).collect()),
            min_width: Some(min_width as f64),
            max_width: Some(max_width as f64),
            tolerance: Some(tolerance),
            device_pixel_ratios: dprs,
            variable_qualities: vq,
            disable_variable_quality: Some(disable),
            disable_path_encoding: None,
        })
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

pub fn signer(provider: Provider, key: &str) -> Signer {
    Signer::new(provider, key, NO_KEYS).unwrap_or_else(|e| panic!("key rejected: {e}"))
}

/// Byte range of the signed URL that the signature covers or carries: everything after
/// the path's first `/` and before the fragment.
pub fn signed_region(url: &str) -> std::ops::Range<usize> {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let path_start = url[after_scheme..].find('/').map_or(url.len(), |i| after_scheme + i);
    let end = url.find('#').unwrap_or(url.len());
    (path_start + 1).min(end)..end
}

/// What verification looks at in a URL, normalised like a browser: the path (Gumlet: one
/// leading `/`) and the query.
pub fn verified_parts(url: &str, provider: Provider) -> Option<(String, Option<String>)> {
    let u = url::Url::parse(url).ok()?;
    let path = if provider == Provider::Gumlet {
        format!("/{}", u.path().trim_start_matches('/'))
    } else {
        u.path().to_owned()
    };
    Some((path, u.query().map(str::to_owned)))
}

pub fn is_url_safe_ascii(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_graphic())
}

/// The last query piece (before any fragment) of a built or signed URL.
pub fn last_piece(url: &str) -> &str {
    let no_fragment = url.split('#').next().unwrap_or(url);
    let query = no_fragment.split_once('?').map_or("", |(_, q)| q);
    query.rsplit('&').next().unwrap_or("")
}

pub fn has_expires_piece(url: &str) -> bool {
    let no_fragment = url.split('#').next().unwrap_or(url);
    let query = no_fragment.split_once('?').map_or("", |(_, q)| q);
    query.split('&').any(|p| p.split('=').next() == Some("expires"))
}

pub const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

pub fn builder_options(
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
        ..BuilderOptions::default()
    }
}

// ---------------------------------------------------------------------------------------
// Hostile URLs: queries made of `&`, `=`, empty pieces and signature params, paths of
// `? & = # % + / .`, URLs near the length limit, and every profile's built URLs as a client
// sends them. Signing never gives a URL its own verification rejects.
// ---------------------------------------------------------------------------------------

/// One token of a hostile query: empty pieces, bare `=`, signature params of every provider
/// with and without values, `expires`-like names, escapes and the characters URL parsers
/// treat specially.
pub fn hostile_query_token() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        4 => select(vec!["", "&", "&&", "=", "=="]),
        4 => select(vec!["s", "s=", "s=1", "s=deadbeef", "&s", "s&", "bossToken", "bossToken=", "bossToken=1"]),
        2 => select(vec!["S=1", "%73=1", "a", "a=", "a=1", "a=1=2", "expires", "x&s=1"]),
        1 => select(vec!["?", "??", "/", ".", "..", "%", "%2", "%26", "%3D", "+", " ", "#", "#f", "'"]),
    ]
}

pub fn hostile_path_token() -> impl Strategy<Value = &'static str> {
    select(vec![
        "/", "//", "a", "b.jpg", ".", "..", "%2e", "%2E", "%", "%25", "+", "=", "&", "?", "#", " ", ";",
    ])
}

/// A URL whose path and query are built from hostile tokens (the parser may move a `?` or `#`
/// of the "path" into the query or fragment: that is part of the test).
pub fn hostile_url() -> impl Strategy<Value = String> {
    let host = select(vec!["demo.imgix.net", "demo.gumlet.io", "img.imageboss.me", "Demo.IMGIX.net"]);
    let path = vec(hostile_path_token(), 0..6).prop_map(|t| t.concat());
    let query = proptest::option::of(vec(hostile_query_token(), 0..8).prop_map(|t| t.concat()));
    let fragment = proptest::option::of(select(vec!["", "f", "s=1", "&s=1", "?x"]));
    (host, path, query, fragment).prop_map(|(host, path, query, fragment)| {
        let mut url = format!("https://{host}/{path}");
        if let Some(q) = query {
            url.push('?');
            url.push_str(&q);
        }
        if let Some(f) = fragment {
            url.push('#');
            url.push_str(f);
        }
        url
    })
}
