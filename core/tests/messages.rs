//! Messages: a value that may be a secret is never shown; other values are shown by the one
//! excerpt rule; every message names its field.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

use imgsign::{
    ArgumentProblem, BuilderOptions, ErrorCode, MESSAGE_EXCERPT_CHARS, Operation, ParamValue, Profile,
    Provider, UrlBuilder, excerpt,
};

const SECRET: &str = "SuperSecretK3y!";

#[test]
fn swapped_arguments_never_echo_the_key() {
    // Signer("SuperSecretK3y!", "imgix"): the key lands where the provider name goes.
    let e = Provider::from_name(SECRET).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidParam);
    assert!(!e.to_string().contains(SECRET), "{e}");
    assert!(e.message().starts_with("provider: "), "{e}");
    assert!(e.message().contains("imgix, gumlet, pixta, imageboss"), "{e}");

    let e = Profile::from_name(SECRET).unwrap_err();
    assert!(!e.to_string().contains(SECRET) && e.message().starts_with("profile: "), "{e}");

    // UrlBuilder(key, ...): the key lands where the domain goes.
    for domain in [SECRET, "SuperSecretK3y!.example", "https://SuperSecretK3y.example/"] {
        let e = UrlBuilder::new(domain, BuilderOptions::default()).unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidDomain);
        assert!(!e.to_string().contains("SuperSecretK3y"), "{e}");
        assert!(e.message().starts_with("domain: "), "{e}");
    }
}

#[test]
fn argument_errors_name_the_argument_and_its_type_never_the_value() {
    let problem = ArgumentProblem::WrongType { expected: "a string", got: "int" };
    let e = imgsign::argument_error(Operation::Signer, "provider", problem);
    assert_eq!((e.code(), e.message()), (ErrorCode::InvalidParam, "provider: expected a string, got int"));
    let e = imgsign::argument_error(Operation::VerifyUrl, "url", ArgumentProblem::IllFormedString);
    assert_eq!(e.code(), ErrorCode::MalformedUrl);
    assert!(e.message().starts_with("url: not a well-formed"), "{e}");
}

#[test]
fn one_excerpt_rule_for_values_that_are_not_secrets() {
    assert_eq!(excerpt("w"), "\"w\"");
    assert_eq!(excerpt("a\nb"), "\"a\\nb\"");
    let long: String = "é".repeat(MESSAGE_EXCERPT_CHARS + 5);
    let shown = excerpt(&long);
    assert_eq!(shown, format!("{:?}…", "é".repeat(MESSAGE_EXCERPT_CHARS)));
    // The rule is the one the core's own messages use.
    let b = UrlBuilder::new("demo.imgix.net", BuilderOptions::default()).unwrap();
    let key = "k".repeat(100);
    let e = b
        .build_url("/a.jpg", &[(key.as_str(), ParamValue::Int(1)), (key.as_str(), ParamValue::Int(2))])
        .unwrap_err();
    assert_eq!(e.message(), format!("params[{}]: key given more than once", excerpt(&key)));
}
