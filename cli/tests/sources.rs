//! `--sources FILE`: the shared fixture (conformance/sources/, the same lines the Python, Node
//! and Kotlin tests print), from the JSON file and its TOML twin; and the file's own rules:
//! secrets from environment variables, never from the file unless `--keys-in-file`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

mod common;

use common::{SECRET, error_lines, imgsign, run};
use serde_json::Value;
use std::path::PathBuf;

fn fixture_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../conformance/sources"))
}

fn cases() -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture_dir().join("cases.json")).unwrap()).unwrap()
}

/// The binary with the fixture's environment (the sources' keys).
fn with_env(args: &[&str]) -> std::process::Command {
    let mut c = imgsign(args);
    for (k, v) in cases()["environment"].as_object().unwrap() {
        c.env(k, v.as_str().unwrap());
    }
    c
}

/// One line per input of a stdin batch: its output line, or `error <code>` when standard
/// error reports that line; `ok` turns an output line into the fixture's form.
fn batch_lines(args: &[&str], inputs: &[&str], ok: impl Fn(&str) -> String) -> Vec<String> {
    let input: String = inputs.iter().map(|i| format!("{i}\n")).collect();
    let r = run(&mut with_env(args), input.as_bytes());
    let errors = error_lines(&r.err());
    let out = r.out();
    let mut results = out.lines();
    (1..=inputs.len())
        .map(|n| match errors.iter().find(|(_, m)| m.starts_with(&format!("line {n}: "))) {
            Some((code, _)) => format!("error {code}"),
            None => ok(results.next().expect("one output line per input that succeeds")),
        })
        .collect()
}

fn expected(cases: &Value, kind: &str) -> Vec<String> {
    cases[kind].as_array().unwrap().iter().map(|c| c["expected"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn the_shared_fixture_from_json_and_from_toml() {
    let cases = cases();
    for file in ["three-cdns.json", "three-cdns.toml"] {
        let path = fixture_dir().join(file);
        let path = path.to_str().unwrap();
        let urls: Vec<&str> =
            cases["sign"].as_array().unwrap().iter().map(|c| c["url"].as_str().unwrap()).collect();
        let got = batch_lines(&["sign", "--sources", path], &urls, str::to_owned);
        assert_eq!(got, expected(&cases, "sign"), "{file}: sign");

        let now = cases["now"].to_string();
        let urls: Vec<&str> =
            cases["verify"].as_array().unwrap().iter().map(|c| c["url"].as_str().unwrap()).collect();
        let got = batch_lines(&["verify", "--sources", path, "--now", &now], &urls, |line| {
            assert!(line.starts_with("valid "), "{line}");
            "valid".to_owned()
        });
        assert_eq!(got, expected(&cases, "verify"), "{file}: verify");

        for c in cases["build"].as_array().unwrap() {
            let mut args = vec!["build".to_owned(), "--sources".into(), path.into(), "--source".into()];
            args.push(c["source"].as_str().unwrap().into());
            args.push(c["path"].as_str().unwrap().into());
            for p in c["params"].as_array().unwrap() {
                args.push(format!("{}={}", p[0].as_str().unwrap(), p[1].as_str().unwrap()));
            }
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let r = run(&mut with_env(&args), b"");
            let got = match error_lines(&r.err()).first() {
                Some((code, _)) => format!("error {code}"),
                None => r.out().trim_end().to_owned(),
            };
            assert_eq!(got, c["expected"].as_str().unwrap(), "{file}: build {args:?}");
        }
    }
}

#[test]
fn verify_with_host_takes_request_targets() {
    let cases = cases();
    let path = fixture_dir().join("three-cdns.toml");
    let signed = cases["sign"][1]["expected"].as_str().unwrap();
    let target = signed.strip_prefix("https://demo.imgix.net").unwrap();
    let now = cases["now"].to_string();
    let args = [
        "verify",
        "--sources",
        path.to_str().unwrap(),
        "--host",
        "demo.imgix.net:443",
        "--now",
        &now,
        target,
    ];
    let r = run(&mut with_env(&args), b"");
    r.exits(0);
    assert_eq!(r.out(), format!("valid {target}\n"));
    let args = ["verify", "--sources", path.to_str().unwrap(), "--host", "other.example.com", target];
    assert!(
        run(&mut with_env(&args), b"").exits(1).one_error("unknown_source").contains("other.example.com")
    );
}

/// A sources file in a temporary folder.
fn file(name: &str, text: &str) -> (tempdir::Dir, String) {
    let dir = tempdir::Dir::new();
    let path = dir.path.join(name);
    std::fs::write(&path, text).unwrap();
    let p = path.to_str().unwrap().to_owned();
    (dir, p)
}

mod tempdir {
    use std::path::PathBuf;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static NEXT: AtomicUsize = AtomicUsize::new(0);

    /// A folder removed when dropped.
    pub struct Dir {
        pub path: PathBuf,
    }

    impl Dir {
        pub fn new() -> Dir {
            let n = NEXT.fetch_add(1, Ordering::SeqCst);
            let path = std::env::temp_dir().join(format!("imgsign-sources-{}-{n}", std::process::id()));
            std::fs::create_dir_all(&path).unwrap();
            Dir { path }
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

const URL: &str = "https://demo.imgix.net/a.jpg";

#[test]
fn a_key_in_the_file_is_refused_unless_the_user_insists() {
    let (_d, path) =
        file("s.toml", &format!("[sources.shop]\ndomain = \"demo.imgix.net\"\nkey = \"{SECRET}\"\n"));
    let r = run(&mut imgsign(&["sign", "--sources", &path, URL]), b"");
    let message = r.exits(1).one_error("invalid_key");
    assert!(message.contains("--keys-in-file") && message.contains("key_env"), "{message}");
    r.never_shows(SECRET.as_bytes());
    let insisted = run(&mut imgsign(&["sign", "--sources", &path, "--keys-in-file", URL]), b"");
    insisted.exits(0);
    let direct = run(&mut imgsign(&["sign", "--provider", "imgix", "--key", SECRET, URL]), b"");
    assert_eq!(insisted.out(), direct.out());
}

#[test]
fn keys_come_from_the_variables_the_file_names() {
    let text = "{\"sources\": {\"shop\": {\"domain\": \"demo.imgix.net\", \"key_env\": \"SHOP_KEY\", \
                \"previous_keys_env\": [\"SHOP_OLD\"]}}}";
    let (_d, path) = file("s.json", text);
    let missing = run(&mut imgsign(&["sign", "--sources", &path, URL]), b"");
    assert!(missing.exits(1).one_error("invalid_key").contains("SHOP_KEY is not set"));
    let signed =
        run(imgsign(&["sign", "--sources", &path, URL]).env("SHOP_KEY", SECRET).env("SHOP_OLD", "old"), b"");
    signed.exits(0).never_shows(SECRET.as_bytes());
    let old = run(&mut imgsign(&["sign", "--provider", "imgix", "--key", "old", URL]), b"");
    let verified = run(
        imgsign(&["verify", "--sources", &path, old.out().trim_end()])
            .env("SHOP_KEY", SECRET)
            .env("SHOP_OLD", "old"),
        b"",
    );
    verified.exits(0);
    let bad = run(
        imgsign(&["sign", "--sources", &path, URL])
            .env("SHOP_KEY", format!("{SECRET}\n"))
            .env("SHOP_OLD", "old"),
        b"",
    );
    let message = bad.exits(1).one_error("invalid_key");
    bad.never_shows(SECRET.as_bytes());
    assert!(message.starts_with("sources[shop]: key:"), "{message}");
}

#[test]
fn the_file_is_checked() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "unknown field",
            "s.toml",
            "[sources.a]\ndomain = \"a.example.com\"\nkey_envv = \"K\"\n",
            "invalid_param",
        ),
        (
            "unknown top-level field",
            "s.toml",
            "version = 1\n[sources.a]\ndomain = \"a.example.com\"\n",
            "invalid_param",
        ),
        ("domain of the wrong type", "s.json", "{\"sources\": {\"a\": {\"domain\": 5}}}", "invalid_domain"),
        (
            "a prefix of the wrong type",
            "s.json",
            "{\"sources\": {\"a\": {\"domain\": \"a.example.com\", \"path_prefix\": true}}}",
            "invalid_param",
        ),
        ("no sources", "s.toml", "", "invalid_param"),
        ("bad TOML", "s.toml", "[sources.a\ndomain = 1\n", "invalid_param"),
        ("bad JSON", "s.json", "{\"sources\": ", "invalid_param"),
        (
            "two sources on one host",
            "s.toml",
            "[sources.a]\ndomain = \"a.example.com\"\n[sources.b]\ndomain = \"A.example.com\"\n",
            "invalid_param",
        ),
        ("a bad name", "s.toml", "[sources.\"a b\"]\ndomain = \"a.example.com\"\n", "invalid_param"),
    ];
    for (what, name, text, code) in cases {
        let (_d, path) = file(name, text);
        let r = run(&mut imgsign(&["sign", "--sources", &path, URL]), b"");
        assert!(!r.exits(1).one_error(code).is_empty(), "{what}");
    }
    let (_d, path) = file("s.yaml", "sources: {}\n");
    run(&mut imgsign(&["sign", "--sources", &path, URL]), b"").exits(2).one_error("usage");
    let (_d, path) = file("s.toml", &format!("[sources.a\ndomain = \"{SECRET}\"\n"));
    let r = run(&mut imgsign(&["sign", "--sources", &path, URL]), b"");
    assert!(r.exits(1).one_error("invalid_param").contains("line 1"));
    r.never_shows(SECRET.as_bytes());
}

#[test]
fn sources_replace_the_signer_and_builder_options() {
    let path = fixture_dir().join("three-cdns.toml");
    let path = path.to_str().unwrap();
    for args in [
        vec!["sign", "--sources", path, "--provider", "imgix", URL],
        vec!["verify", "--sources", path, "--key", "k", URL],
        vec!["build", "--sources", path, "--source", "shop", "--domain", "a.imgix.net", "/a.jpg"],
        vec!["build", "--sources", path, "/a.jpg"],
        vec!["build", "--source", "shop", "/a.jpg"],
        vec!["sign", "--provider", "imgix", "--key", "k", "--keys-in-file", URL],
        vec!["verify", "--provider", "imgix", "--key", "k", "--host", "a.com", "/a.jpg"],
    ] {
        run(&mut with_env(&args), b"").exits(2).one_error("usage");
    }
}
