//! The argument rule, written once: which error code a caller gets when a value reaches a
//! binding with the wrong type (a number where a string belongs), as a string that is not
//! well-formed Unicode (a lone UTF-16 surrogate), or as a number outside what the argument
//! can hold. Bindings convert types and call [`argument_error`]; they keep no codes of their
//! own. The table is in docs/behaviour.md and pinned by the `argument_error` vectors.

use crate::error::{Error, ErrorCode};

/// A public entry point, named as in the vectors (`snake_case`; each language uses its own
/// casing of the same name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operation {
    /// `Signer(provider, key, previous_keys, salt, previous_salts, options)`.
    Signer,
    /// `Signer.sign_url(url, expires, expires_in, now, values)`.
    SignUrl,
    /// `Signer.sign_urls(urls, expires, expires_in, now, values)`.
    SignUrls,
    /// `Signer.verify_url(url, now, values)`.
    VerifyUrl,
    /// `Signer.verify(target, now, values)`: what a server receives.
    Verify,
    /// `Signer.sign_token(expires, expires_in, now, values)`: a token on its own.
    SignToken,
    /// `Signer.verify_token(token, now, values)`.
    VerifyToken,
    /// `UrlBuilder(domain, provider, key, profile, use_https, include_library_param,
    /// disable_path_encoding, salt, options)`.
    UrlBuilder,
    /// `UrlBuilder.build_url(path, params, disable_path_encoding)`.
    BuildUrl,
    /// `UrlBuilder.build_urls(items)`, each item a `path` and its `params`.
    BuildUrls,
    /// `UrlBuilder.build_srcset(path, params, widths, min_width, ...)`.
    BuildSrcset,
    /// `target_widths(min_width, max_width, tolerance, profile)`.
    TargetWidths,
    /// `UrlBuilder.reconstruct(original_url, params)`.
    Reconstruct,
    /// `sign_origin_request(key, request_id, timestamp)`.
    SignOriginRequest,
    /// `verify_origin_request(key, headers, now, tolerance)`.
    VerifyOriginRequest,
    /// `verify_basic_auth(username, password, headers)`.
    VerifyBasicAuth,
    /// `verify_origin_secret(secret, headers)`.
    VerifyOriginSecret,
    /// `UrlBuilder.request_target(path, query)`: the target a client sent, from a decoded path.
    RequestTarget,
    /// `Sources(sources)`: each source's `name`, `domain`, `path_prefix`, `provider`, `key`,
    /// `previous_keys`, `profile` and builder options.
    Sources,
    /// `Sources.source(name)`.
    Source,
}

use ErrorCode::{
    InvalidDomain as DOMAIN, InvalidKey as KEY, InvalidParam as PARAM, InvalidSrcset as SRCSET,
    InvalidUrl as URL, MalformedUrl as MALFORMED,
};

impl Operation {
    /// Every operation, in a stable order.
    pub const ALL: [Operation; 20] = [
        Operation::Signer,
        Operation::SignUrl,
        Operation::SignUrls,
        Operation::VerifyUrl,
        Operation::Verify,
        Operation::SignToken,
        Operation::VerifyToken,
        Operation::UrlBuilder,
        Operation::BuildUrl,
        Operation::BuildUrls,
        Operation::BuildSrcset,
        Operation::TargetWidths,
        Operation::Reconstruct,
        Operation::SignOriginRequest,
        Operation::VerifyOriginRequest,
        Operation::VerifyBasicAuth,
        Operation::VerifyOriginSecret,
        Operation::RequestTarget,
        Operation::Sources,
        Operation::Source,
    ];

    /// The operation's name (`sign_url`, `url_builder`, ...).
    pub const fn name(self) -> &'static str {
        match self {
            Operation::Signer => "signer",
            Operation::SignUrl => "sign_url",
            Operation::SignUrls => "sign_urls",
            Operation::VerifyUrl => "verify_url",
            Operation::Verify => "verify",
            Operation::SignToken => "sign_token",
            Operation::VerifyToken => "verify_token",
            Operation::UrlBuilder => "url_builder",
            Operation::BuildUrl => "build_url",
            Operation::BuildUrls => "build_urls",
            Operation::BuildSrcset => "build_srcset",
            Operation::TargetWidths => "target_widths",
            Operation::Reconstruct => "reconstruct",
            Operation::SignOriginRequest => "sign_origin_request",
            Operation::VerifyOriginRequest => "verify_origin_request",
            Operation::VerifyBasicAuth => "verify_basic_auth",
            Operation::VerifyOriginSecret => "verify_origin_secret",
            Operation::RequestTarget => "request_target",
            Operation::Sources => "sources",
            Operation::Source => "source",
        }
    }

    /// Parses an operation name (`snake_case` or `camelCase`).
    pub fn from_name(name: &str) -> Option<Operation> {
        let norm = snake_case(name);
        Operation::ALL.iter().copied().find(|o| o.name() == norm)
    }

    /// The operation's arguments and the code a bad value of each gets, in call order. An
    /// options object (Node) takes the code of the options it holds: `invalid_srcset` for
    /// `build_srcset`, `invalid_param` elsewhere.
    pub fn arguments(self) -> &'static [(&'static str, ErrorCode)] {
        match self {
            Operation::Signer => &[
                ("provider", PARAM),
                ("key", KEY),
                ("previous_keys", KEY),
                ("salt", KEY),
                ("previous_salts", KEY),
                ("options", PARAM),
            ],
            Operation::SignUrl => &[
                ("url", URL),
                ("expires", PARAM),
                ("expires_in", PARAM),
                ("now", PARAM),
                ("values", PARAM),
                ("options", PARAM),
            ],
            Operation::SignUrls => &[
                ("urls", URL),
                ("expires", PARAM),
                ("expires_in", PARAM),
                ("now", PARAM),
                ("values", PARAM),
                ("options", PARAM),
            ],
            Operation::VerifyUrl => {
                &[("url", MALFORMED), ("now", PARAM), ("values", PARAM), ("options", PARAM)]
            }
            // `host`: of `Sources.verify(target, host, now, values)`.
            Operation::Verify => &[
                ("target", MALFORMED),
                ("host", PARAM),
                ("now", PARAM),
                ("values", PARAM),
                ("options", PARAM),
            ],
            Operation::SignToken => &[
                ("expires", PARAM),
                ("expires_in", PARAM),
                ("now", PARAM),
                ("values", PARAM),
                ("options", PARAM),
            ],
            Operation::VerifyToken => {
                &[("token", MALFORMED), ("now", PARAM), ("values", PARAM), ("options", PARAM)]
            }
            Operation::UrlBuilder => &[
                ("domain", DOMAIN),
                ("provider", PARAM),
                ("key", KEY),
                ("profile", PARAM),
                ("use_https", PARAM),
                ("include_library_param", PARAM),
                ("disable_path_encoding", PARAM),
                ("salt", KEY),
                ("options", PARAM),
            ],
            Operation::BuildUrl => {
                &[("path", URL), ("params", PARAM), ("disable_path_encoding", PARAM), ("options", PARAM)]
            }
            Operation::BuildUrls => &[("items", PARAM), ("path", URL), ("params", PARAM)],
            Operation::BuildSrcset => &[
                ("path", URL),
                ("params", PARAM),
                ("widths", SRCSET),
                ("min_width", SRCSET),
                ("max_width", SRCSET),
                ("tolerance", SRCSET),
                ("device_pixel_ratios", SRCSET),
                ("variable_qualities", SRCSET),
                ("disable_variable_quality", SRCSET),
                ("disable_path_encoding", PARAM),
                ("options", SRCSET),
            ],
            Operation::TargetWidths => {
                &[("min_width", SRCSET), ("max_width", SRCSET), ("tolerance", SRCSET), ("profile", PARAM)]
            }
            Operation::Reconstruct => &[("original_url", URL), ("params", PARAM)],
            Operation::SignOriginRequest => &[("key", KEY), ("request_id", PARAM), ("timestamp", PARAM)],
            Operation::VerifyOriginRequest => {
                &[("key", KEY), ("headers", PARAM), ("now", PARAM), ("tolerance", PARAM), ("options", PARAM)]
            }
            Operation::VerifyBasicAuth => &[("username", KEY), ("password", KEY), ("headers", PARAM)],
            Operation::VerifyOriginSecret => &[("secret", KEY), ("headers", PARAM)],
            Operation::RequestTarget => &[("path", MALFORMED), ("query", MALFORMED)],
            Operation::Sources => &[
                ("sources", PARAM),
                ("name", PARAM),
                ("domain", DOMAIN),
                ("path_prefix", PARAM),
                ("provider", PARAM),
                ("key", KEY),
                ("previous_keys", KEY),
                ("profile", PARAM),
                ("use_https", PARAM),
                ("include_library_param", PARAM),
                ("disable_path_encoding", PARAM),
            ],
            Operation::Source => &[("name", PARAM)],
        }
    }
}

/// What is wrong with an argument's value before the core can look at it. The problem never
/// changes the code (only the argument does); it words the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgumentProblem<'a> {
    /// The value is not of the argument's type. `expected` and `got` describe types (`"a
    /// string"`, `"int"`), never the value itself.
    WrongType {
        /// The type the argument takes.
        expected: &'a str,
        /// The type that was given.
        got: &'a str,
    },
    /// A string that is not well-formed Unicode (a lone UTF-16 surrogate): it has no UTF-8
    /// form, so it is refused rather than silently replaced.
    IllFormedString,
    /// A number the argument cannot hold (an integer beyond 64 bits, a fraction where an
    /// integer belongs). `expected` describes what it takes.
    OutOfRange {
        /// What the argument takes (`"a 64-bit integer"`).
        expected: &'a str,
    },
}

/// The argument's name without a location suffix (`widths[3]` → `widths`), in `snake_case`
/// (`minWidth` → `min_width`).
fn argument_name(argument: &str) -> String {
    let end = argument.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(argument.len());
    snake_case(argument.get(..end).unwrap_or(argument))
}

/// `minWidth` is `min_width` (a name already in `snake_case` stays as it is).
pub(crate) fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The code a bad value of `argument` of `operation` gets. `argument` may be written in
/// `camelCase` and carry a location (`widths[3]`, `params["w"]`, `headers[0]`): the code is
/// that of the named argument. An argument the operation does not have is `invalid_param`.
pub fn argument_error_code(operation: Operation, argument: &str) -> ErrorCode {
    let name = argument_name(argument);
    operation.arguments().iter().find(|(n, _)| *n == name).map_or(PARAM, |(_, code)| *code)
}

/// The error a binding raises for a bad value of `argument` of `operation`: the code from
/// [`argument_error_code`] and a message naming `argument` as written (so each language shows
/// its own spelling) and what it takes. The value itself is never shown: it may be a
/// misplaced secret.
pub fn argument_error(operation: Operation, argument: &str, problem: ArgumentProblem<'_>) -> Error {
    let code = argument_error_code(operation, argument);
    let message = match problem {
        ArgumentProblem::WrongType { expected, got } => format!("{argument}: expected {expected}, got {got}"),
        ArgumentProblem::IllFormedString => {
            format!("{argument}: not a well-formed Unicode string (it holds a lone surrogate)")
        }
        ArgumentProblem::OutOfRange { expected } => format!("{argument}: out of range (expected {expected})"),
    };
    Error::new(code, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_accept_camel_case() {
        for op in Operation::ALL {
            assert_eq!(Operation::from_name(op.name()), Some(op));
        }
        assert_eq!(Operation::from_name("buildSrcset"), Some(Operation::BuildSrcset));
        assert_eq!(Operation::from_name("nope"), None);
    }

    #[test]
    fn codes_follow_the_argument() {
        use Operation as O;
        assert_eq!(argument_error_code(O::Signer, "key"), KEY);
        assert_eq!(argument_error_code(O::Signer, "previousKeys[2]"), KEY);
        assert_eq!(argument_error_code(O::SignUrl, "url"), URL);
        assert_eq!(argument_error_code(O::VerifyUrl, "url"), MALFORMED);
        assert_eq!(argument_error_code(O::BuildSrcset, "minWidth"), SRCSET);
        assert_eq!(argument_error_code(O::BuildSrcset, "options"), SRCSET);
        assert_eq!(argument_error_code(O::BuildSrcset, "params[\"w\"]"), PARAM);
        assert_eq!(argument_error_code(O::BuildUrls, "path"), URL);
        assert_eq!(argument_error_code(O::UrlBuilder, "domain"), DOMAIN);
        assert_eq!(argument_error_code(O::UrlBuilder, "no_such_argument"), PARAM);
        for op in Operation::ALL {
            for (name, code) in op.arguments() {
                assert_eq!(argument_error_code(op, name), *code, "{} {name}", op.name());
            }
        }
    }

    #[test]
    fn messages_name_the_argument_and_never_the_value() {
        let e = argument_error(
            Operation::Signer,
            "provider",
            ArgumentProblem::WrongType { expected: "a string", got: "int" },
        );
        assert_eq!(e.code(), PARAM);
        assert_eq!(e.message(), "provider: expected a string, got int");
        let e = argument_error(Operation::Signer, "key", ArgumentProblem::IllFormedString);
        assert_eq!(e.code(), KEY);
        assert!(e.message().starts_with("key: not a well-formed"), "{e}");
    }
}
