//! The command line and the environment: faults are coded one-line errors with the
//! documented exit status, and no message repeats a key, an argument or a header value.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{SECRET, error_lines, imgsign, run, run_args};
use std::ffi::OsString;

#[cfg(unix)]
fn bytes(b: &[u8]) -> OsString {
    use std::os::unix::ffi::OsStringExt;
    OsString::from_vec(b.to_vec())
}

#[cfg(unix)]
fn secret_not_utf8() -> Vec<u8> {
    let mut k = SECRET.as_bytes().to_vec();
    k.push(0xff);
    k
}

fn os(words: &[&str]) -> Vec<OsString> {
    words.iter().map(OsString::from).collect()
}

#[cfg(unix)]
#[test]
fn a_key_that_is_not_utf8_is_a_usage_error_that_never_shows_it() {
    let key = secret_not_utf8();
    let mut inline = b"--key=".to_vec();
    inline.extend_from_slice(&key);
    let commands: [&[&str]; 6] = [
        &["sign", "--provider", "imgix"],
        &["verify", "--provider", "imgix"],
        &["build", "--domain", "a.imgix.net"],
        &["srcset", "--domain", "a.imgix.net"],
        &["origin", "sign", "--request-id", "a", "--timestamp", "1"],
        &["origin", "verify", "--header", "X-A: b"],
    ];
    for words in commands {
        for form in [vec![os(&["--key"]).remove(0), bytes(&key)], vec![bytes(&inline)]] {
            let mut args = os(words);
            args.extend(form);
            args.push("https://a.imgix.net/x".into());
            let r = run_args(&args);
            r.exits(2);
            assert!(r.stdout.is_empty(), "{words:?} wrote to stdout");
            let message = r.one_error("usage");
            assert!(message.contains("--key") && message.contains("not valid UTF-8"), "{message}");
            r.never_shows(SECRET.as_bytes());
        }
    }
}

#[cfg(unix)]
#[test]
fn a_positional_argument_that_is_not_utf8_is_located_not_echoed() {
    let url = bytes(b"https://a.imgix.net/SecretPath\xff");
    let r = run_args(&[os(&["sign", "--provider", "imgix", "--key", "k"]), vec![url]].concat());
    r.exits(2);
    assert!(r.stdout.is_empty());
    assert_eq!(r.one_error("usage"), "argument 6 is not valid UTF-8");
    r.never_shows(b"SecretPath");
    // The command word itself.
    let r = run_args(&[bytes(b"sign\xff")]);
    r.exits(2);
    r.one_error("usage");
}

#[test]
fn unknown_options_are_located_and_only_known_names_are_shown() {
    let r = run_args(&["sign", "--provider", "imgix", "--kye", "k", "https://a.imgix.net/x"]);
    r.exits(2);
    assert!(r.stdout.is_empty());
    let m = r.one_error("usage");
    assert_eq!(m, "argument 4 is not an option of this command (did you mean --key?)");

    let secret_option = format!("--{SECRET}");
    let r = run_args(&["sign", "--provider", "imgix", "--key", "k", &secret_option]);
    r.exits(2);
    r.one_error("usage");
    r.never_shows(SECRET.as_bytes());

    let r = run_args(&["sign", "--provider", "imgix", "--key", "k", "--domain", "a.imgix.net"]);
    r.exits(2);
    assert!(r.one_error("usage").contains("--domain does not apply"));

    let r = run_args(&["build", "--domain", "a.imgix.net", "--http=yes", "/x"]);
    r.exits(2);
    assert!(r.one_error("usage").contains("--http takes no value"));
}

#[test]
fn a_missing_value_or_required_option_is_a_usage_error() {
    for (args, expect) in [
        (&["sign", "--provider", "imgix", "--key"][..], "--key needs a value"),
        (&["sign", "--provider", "imgix", "https://a.imgix.net/x"][..], "a key is needed"),
        (&["build", "/x.jpg"][..], "--domain is required"),
        (&["origin", "sign", "--key", "k", "--timestamp", "1"][..], "--request-id is required"),
        (&["widths", "--min-width", "wide"][..], "--min-width: expected a number"),
        (&["srcset", "--domain", "a.imgix.net", "--widths", "1,x", "/x"][..], "--widths: expected"),
        (
            &["sign", "--provider", "imgix", "--key", "k", "--expires", "soon", "https://a.imgix.net/x"][..],
            "--expires",
        ),
    ] {
        let r = run_args(args);
        r.exits(2);
        assert!(r.stdout.is_empty(), "{args:?}");
        let m = r.one_error("usage");
        assert!(m.contains(expect), "{args:?}: {m}");
    }
}

#[test]
fn commands_are_never_echoed() {
    let r = run_args(&[SECRET]);
    r.exits(2);
    r.one_error("usage");
    r.never_shows(SECRET.as_bytes());
    let r = run_args(&["sigm"]);
    r.exits(2);
    assert!(r.one_error("usage").contains("did you mean sign?"));
    let r = run_args(&["origin", SECRET]);
    r.exits(2);
    r.never_shows(SECRET.as_bytes());
    for none in [&[][..], &["origin"][..]] {
        let r = run_args(none);
        r.exits(2);
        r.one_error("usage");
    }
}

#[test]
fn option_values_are_never_echoed() {
    for args in [
        &["build", "--domain", SECRET, "/x"][..],
        &["build", "--domain", "a.imgix.net", "--provider", SECRET, "/x"][..],
        &["srcset", "--domain", "a.imgix.net", "--profile", SECRET, "/x"][..],
        &["sign", "--provider", SECRET, "--key", "k", "https://a.imgix.net/x"][..],
        &["widths", "--min-width", SECRET][..],
        &["origin", "sign", "--key", "k", "--request-id", "a", "--timestamp", SECRET][..],
    ] {
        let r = run_args(args);
        assert!(matches!(r.code(), Some(1 | 2)), "{args:?}");
        r.exits(r.code().unwrap_or(0));
        assert_eq!(error_lines(&r.err()).len(), 1, "{args:?}");
        r.never_shows(SECRET.as_bytes());
    }
}

#[test]
fn params_and_header_text_are_never_echoed() {
    let param = format!("{SECRET}-no-equals");
    let r = run_args(&["build", "--domain", "a.imgix.net", "/x", "w=1", &param]);
    r.exits(2);
    assert_eq!(r.one_error("usage"), "argument 6 is not a param: expected NAME=VALUE");
    r.never_shows(SECRET.as_bytes());

    let r = run_args(&["origin", "verify", "--key", "k", "--header", SECRET]);
    r.exits(2);
    assert!(r.one_error("usage").contains("--header number 1"));
    r.never_shows(SECRET.as_bytes());

    // A well-formed header whose value is wrong: the library's code, still not echoed.
    let header = format!("X-Imgix-Signature: {SECRET}");
    let r = run_args(&["origin", "verify", "--key", "0123456789abcdef", "--header", &header]);
    r.exits(1);
    r.never_shows(SECRET.as_bytes());
    assert_eq!(error_lines(&r.err()).len(), 1);
}

#[test]
fn each_command_has_its_own_help() {
    let main = run_args(&["--help"]);
    main.exits(0);
    assert!(main.stderr.is_empty());
    let commands = [
        ("sign", vec!["sign"], &["--provider", "--key", "--expires", "--expires-in", "--now"][..]),
        ("verify", vec!["verify"], &["--previous-key", "--now"][..]),
        ("build", vec!["build"], &["--domain", "--profile", "--http", "NAME=VALUE"][..]),
        ("srcset", vec!["srcset"], &["--widths", "--dpr", "--quality", "--tolerance"][..]),
        ("widths", vec!["widths"], &["--profile", "--min-width", "--max-width"][..]),
        ("reconstruct", vec!["reconstruct"], &["--domain", "--profile", "URL", "NAME=VALUE"][..]),
        ("origin sign", vec!["origin", "sign"], &["--request-id", "--timestamp"][..]),
        ("origin verify", vec!["origin", "verify"], &["--header", "--tolerance"][..]),
    ];
    for (name, words, options) in commands {
        assert!(main.out().contains(name), "main help lists {name}");
        let mut with_flag = words.clone();
        with_flag.push("--help");
        let own = run_args(&with_flag);
        own.exits(0);
        let text = own.out();
        assert!(text.starts_with(&format!("imgsign {name}: ")), "{name}: {text}");
        for o in options {
            assert!(text.contains(o), "{name} help lacks {o}");
        }
        assert_ne!(text, main.out());
        // `-h`, `help NAME`, and --help after other arguments, even a faulty one, agree.
        let mut short = words.clone();
        short.push("-h");
        assert_eq!(run_args(&short).out(), text);
        let mut via_help = vec!["help"];
        via_help.extend(&words);
        assert_eq!(run_args(&via_help).out(), text);
        let mut late = words.clone();
        late.extend(["--no-such-option", "--help"]);
        assert_eq!(run_args(&late).out(), text);
    }
    // The stdin format is documented where it is used.
    for name in ["build", "srcset"] {
        let text = run_args(&[name, "--help"]).out();
        assert!(text.contains("PATH [NAME=VALUE...]") && text.contains("quote"), "{name}");
    }
    let group = run_args(&["origin", "--help"]);
    group.exits(0);
    assert!(group.out().contains("origin sign") && group.out().contains("origin verify"));
}

#[test]
fn help_defaults_are_the_cores() {
    let text = run_args(&["srcset", "--help"]).out();
    for value in [
        format!("default {}", imgsign::DEFAULT_MIN_WIDTH),
        format!("default {}", imgsign::DEFAULT_MAX_WIDTH),
        format!("default {}", imgsign::DEFAULT_WIDTH_TOLERANCE),
    ] {
        assert!(text.contains(&value), "srcset help lacks {value:?}");
    }
    for p in imgsign::Provider::ALL {
        assert!(text.contains(p.name()), "srcset help lacks {}", p.name());
    }
    let text = run_args(&["origin", "verify", "--help"]).out();
    assert!(text.contains(&format!("default {} s", imgsign::DEFAULT_ORIGIN_TOLERANCE)));
}

#[test]
fn version() {
    let r = run_args(&["--version"]);
    r.exits(0);
    assert_eq!(r.out(), format!("imgsign {}\n", imgsign::VERSION));
}

#[cfg(unix)]
#[test]
fn a_key_from_the_environment_that_is_not_utf8_is_invalid_key() {
    let key = bytes(&secret_not_utf8());
    for args in [
        &["build", "--domain", "a.imgix.net", "/x.jpg"][..],
        &["sign", "--provider", "imgix", "https://a.imgix.net/x.jpg"][..],
        &["verify", "--provider", "imgix", "https://a.imgix.net/x.jpg?s=0"][..],
    ] {
        let r = run(imgsign(args).env("IMGSIGN_KEY", &key), b"");
        r.exits(1);
        assert!(r.stdout.is_empty(), "{args:?} printed {}", r.out());
        assert!(r.one_error("invalid_key").contains("IMGSIGN_KEY"));
        r.never_shows(SECRET.as_bytes());
    }
}

#[test]
fn an_empty_or_newline_key_from_the_environment_is_invalid_key() {
    for value in ["", "FOO123bar\n", "\n"] {
        for args in [
            &["build", "--domain", "a.imgix.net", "/x.jpg"][..],
            &["sign", "--provider", "imgix", "https://a.imgix.net/x"][..],
        ] {
            let r = run(imgsign(args).env("IMGSIGN_KEY", value), b"");
            r.exits(1);
            assert!(r.stdout.is_empty(), "{value:?} {args:?}");
            assert!(r.one_error("invalid_key").contains("IMGSIGN_KEY"), "{}", r.err());
            if !value.trim().is_empty() {
                r.never_shows(value.trim().as_bytes());
            }
        }
    }
}

#[test]
fn the_environment_key_signs_and_key_wins_over_it() {
    let with_env =
        run(imgsign(&["build", "--domain", "a.imgix.net", "/x.jpg"]).env("IMGSIGN_KEY", "FOO123bar"), b"");
    with_env.exits(0);
    let with_flag = run_args(&["build", "--domain", "a.imgix.net", "--key", "FOO123bar", "/x.jpg"]);
    assert_eq!(with_env.out(), with_flag.out());
    assert!(with_flag.out().contains("s="));
    let both = run(
        imgsign(&["build", "--domain", "a.imgix.net", "--key", "FOO123bar", "/x.jpg"])
            .env("IMGSIGN_KEY", "other"),
        b"",
    );
    assert_eq!(both.out(), with_flag.out());
    let unsigned = run_args(&["build", "--domain", "a.imgix.net", "/x.jpg"]);
    unsigned.exits(0);
    assert_eq!(unsigned.out(), "https://a.imgix.net/x.jpg\n");
}

#[test]
fn exit_statuses() {
    let signed = common::signed_url();
    let ok = run_args(&["verify", "--provider", "imgix", "--key", "k", &signed]);
    ok.exits(0);
    assert_eq!(ok.out(), format!("valid {signed}\n"));
    assert!(ok.stderr.is_empty());

    let tampered = signed.replace("x.jpg", "y.jpg");
    let bad = run_args(&["verify", "--provider", "imgix", "--key", "k", &tampered]);
    bad.exits(1);
    bad.one_error("signature_mismatch");
    assert!(bad.stdout.is_empty());

    let refused = run_args(&["build", "--domain", "not a domain", "/x"]);
    refused.exits(1);
    refused.one_error("invalid_domain");

    // Several URLs: each is tried, a failure is located by its argument's position.
    let mixed = run_args(&["verify", "--provider", "imgix", "--key", "k", &tampered, &signed]);
    mixed.exits(1);
    assert_eq!(mixed.out(), format!("valid {signed}\n"));
    assert!(mixed.one_error("signature_mismatch").starts_with("argument 6: "));
}
