//! The command line signs and verifies every provider as the library does: each `sign_url` and
//! `verify_url` vector (whose expected values come from the vendors' packages and the
//! reference implementations) runs through `imgsign sign` / `imgsign verify`, with
//! `--salt`, `--option NAME=VALUE` and `--value NAME=VALUE`, and gives the same URL or
//! error code. Only what a command line cannot carry is left out (a key with a NUL byte; an
//! option whose JSON value has no text form). A URL with a NUL goes through standard input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

mod common;

use common::{error_lines, imgsign, run};
use imgsign::{ParamValue, Provider, option_from_text};
use serde_json::Value;

fn vectors() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../conformance/vectors.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["vectors"].as_array().unwrap().clone()
}

/// The `--option` (`field` "options") or `--value` (`field` "values") words of a JSON
/// object (a null is not given, so left out), when the command line can write it (`None`:
/// it cannot, such as a number given as text).
fn option_words(provider: Provider, field: &str, options: &Value) -> Option<Vec<String>> {
    let flag = if field == "values" { "--value" } else { "--option" };
    let mut words = Vec::new();
    for (name, value) in options.as_object()? {
        let (text, want) = match value {
            Value::String(s) => (s.clone(), ParamValue::Str(s.clone())),
            Value::Bool(b) => (b.to_string(), ParamValue::Bool(*b)),
            Value::Number(n) if n.is_i64() => (n.to_string(), ParamValue::Int(n.as_i64()?)),
            // Not given: the command line leaves it out.
            Value::Null => continue,
            _ => return None,
        };
        match option_from_text(provider.scheme(), field, name, &text) {
            Ok(got) if got == want => {}
            Ok(_) => return None,
            Err(_) => {}
        }
        words.push(flag.to_owned());
        words.push(format!("{name}={text}"));
    }
    Some(words)
}

#[test]
fn every_sign_and_verify_vector_through_the_command_line() {
    let mut ran = 0;
    for v in vectors() {
        let kind = v["kind"].as_str().unwrap();
        let i = &v["input"];
        let provider = i["provider"].as_str().unwrap_or_default();
        if !(kind == "sign_url" || kind == "verify_url") || provider.is_empty() {
            continue;
        }
        let url = i["url"].as_str().unwrap();
        let key = i["key"].as_str().unwrap();
        // What argv cannot carry: a key with a NUL (a URL after `--` is never read as a
        // flag; a URL with a NUL is read from standard input).
        if key.contains('\0') {
            continue;
        }
        // An unknown provider is refused before any option or value is read.
        let words = match Provider::from_name(provider) {
            Ok(p) => option_words(p, "options", &i["options"])
                .and_then(|o| Some([o, option_words(p, "values", &i["values"])?].concat())),
            Err(_) => Some(Vec::new()),
        };
        let Some(options) = words else { continue };
        let mut args: Vec<String> = vec![if kind == "sign_url" { "sign" } else { "verify" }.into()];
        args.extend(["--provider".into(), provider.into(), "--key".into(), key.into()]);
        if let Some(salt) = i["salt"].as_str() {
            args.extend(["--salt".into(), salt.into()]);
        }
        args.extend(options);
        if kind == "sign_url" {
            if let Some(at) = i["expires"].as_i64() {
                args.extend(["--expires".into(), at.to_string()]);
            }
        } else {
            args.extend(["--now".into(), i["now"].as_i64().unwrap().to_string()]);
            for k in i["previous_keys"].as_array().unwrap() {
                args.extend(["--previous-key".into(), k.as_str().unwrap().into()]);
            }
            for s in i["previous_salts"].as_array().unwrap() {
                args.extend(["--previous-salt".into(), s.as_str().unwrap().into()]);
            }
        }
        let stdin = if url.contains('\0') {
            assert!(!url.contains('\n'), "a URL with both a NUL and a newline: {url:?}");
            format!("{url}\n")
        } else {
            args.extend(["--".into(), url.into()]);
            String::new()
        };
        let r = run(&mut imgsign(&args), stdin.as_bytes());
        let id = v["id"].as_str().unwrap();
        match (v.get("expected"), v.get("error")) {
            (Some(Value::String(want)), _) => {
                assert_eq!(r.code(), Some(0), "{id}: {}", r.err());
                assert_eq!(r.out(), format!("{want}\n"), "{id}");
            }
            (Some(Value::Null), _) => {
                assert_eq!(r.code(), Some(0), "{id}: {}", r.err());
                assert_eq!(r.out(), format!("valid {url}\n"), "{id}");
            }
            (_, Some(code)) => {
                assert_eq!(r.code(), Some(1), "{id}: {} {}", r.out(), r.err());
                let lines = error_lines(&r.err());
                assert_eq!(lines.len(), 1, "{id}: {}", r.err());
                assert_eq!(lines[0].0, code.as_str().unwrap(), "{id}: {}", r.err());
            }
            _ => panic!("{id}: a vector has expected or error"),
        }
        ran += 1;
    }
    // 868 of the 871 today: the rest hold a key with a NUL or an option given as text where
    // the command line's text is read by the option's type.
    assert!(ran >= 868, "only {ran} vectors ran through the command line");
}
