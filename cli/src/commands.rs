//! One function per subcommand. Each turns its options into the core's types, passing on
//! only what the user gave (an option not given is `None`): every default, range, name and
//! error code is the core's.

use crate::args::{Arg, Parsed};
use crate::input::{arguments, lines, utf8};
use crate::output::{CliResult, Failure, Out, usage};
use crate::{sources, words};
use imgsign::{
    BuilderOptions, Error, ErrorCode, Operation, ParamValue, Profile, Provider, Secrets, SignOptions, Signer,
    Sources, SrcsetOptions, UrlBuilder, VerifyOptions, argument_error_code,
};

/// The environment variable a key may come from.
pub const KEY_VARIABLE: &str = "IMGSIGN_KEY";

/// The environment variable a salt may come from.
pub const SALT_VARIABLE: &str = "IMGSIGN_SALT";

/// What `--sources` replaces in `sign` and `verify`: the file says it for each source.
const SIGNER_FLAGS: [&str; 7] =
    ["--provider", "--key", "--salt", "--previous-key", "--previous-salt", "--option", "--value"];

/// `--sources FILE`, when given (then none of `replaced` may be): the set it holds.
fn sources_set(a: &Parsed, replaced: &[&str]) -> CliResult<Option<Sources>> {
    let Some(path) = a.get("--sources") else {
        if let Some(flag) = ["--keys-in-file", "--source", "--host"].iter().find(|f| a.has(f)) {
            return usage(format!("{flag} goes with --sources FILE"));
        }
        return Ok(None);
    };
    if let Some(flag) = replaced.iter().find(|f| a.has(f)) {
        return usage(format!("{flag} cannot be given with --sources (the file says it for each source)"));
    }
    sources::load(path, a.has("--keys-in-file")).map(Some)
}

/// `imgsign sign`.
pub fn sign(a: &Parsed, out: &mut Out) -> CliResult<()> {
    if let Some(set) = sources_set(a, &SIGNER_FLAGS)? {
        let options = SignOptions {
            expires: a.number("--expires", "a UNIX timestamp")?,
            expires_in: a.number("--expires-in", "a number of seconds")?,
            now: a.number("--now", "a UNIX timestamp")?,
            values: Vec::new(),
        };
        options.validate()?;
        return urls(a, out, Operation::SignUrl, |url| set.sign_url_with(url, &options));
    }
    let signer = signer(a, false)?;
    let options = sign_options(a, &signer)?;
    // Checked once up front, so a bad combination is one error, not one per URL.
    options.validate()?;
    urls(a, out, Operation::SignUrl, |url| signer.sign_url_with(url, &options))
}

/// `imgsign verify`.
pub fn verify(a: &Parsed, out: &mut Out) -> CliResult<()> {
    if let Some(set) = sources_set(a, &SIGNER_FLAGS)? {
        let options = VerifyOptions { now: a.number("--now", "a UNIX timestamp")?, values: Vec::new() };
        return match a.get("--host") {
            // Request targets a server for the host received, each checked by that host's source.
            Some(host) => urls(a, out, Operation::Verify, |target| {
                set.verify_with(target, host, &options).map(|()| format!("valid {target}"))
            }),
            None => urls(a, out, Operation::VerifyUrl, |url| {
                set.verify_url_with(url, &options).map(|()| format!("valid {url}"))
            }),
        };
    }
    let signer = signer(a, true)?;
    let options = verify_options(a, &signer)?;
    urls(a, out, Operation::VerifyUrl, |url| {
        signer.verify_url_with(url, &options).map(|()| format!("valid {url}"))
    })
}

/// `imgsign token sign`.
pub fn token_sign(a: &Parsed, out: &mut Out) -> CliResult<()> {
    no_positional(a)?;
    let signer = signer(a, false)?;
    let token = signer.sign_token(&sign_options(a, &signer)?)?;
    out.line(&token)?;
    out.flush()
}

/// `imgsign token verify`.
pub fn token_verify(a: &Parsed, out: &mut Out) -> CliResult<()> {
    let signer = signer(a, true)?;
    let options = verify_options(a, &signer)?;
    let each = |token: &str| signer.verify_token(token, &options).map(|()| format!("valid {token}"));
    if a.positional.is_empty() {
        let code = argument_error_code(Operation::VerifyToken, "token");
        lines(out, too_long(Operation::VerifyToken, "token"), |line| each(utf8(line, "token", code)?))
    } else {
        arguments(out, &a.positional, each)
    }
}

/// The signer of `sign`, `verify` and `token`: the provider, its secrets (with the previous
/// ones when `verifying`) and its options.
fn signer(a: &Parsed, verifying: bool) -> CliResult<Signer> {
    let provider = required_provider(a)?;
    let key = required_key(a, Operation::Signer)?;
    let salt = secret(a, "--salt", SALT_VARIABLE, Operation::Signer, "salt")?;
    let secrets = Secrets {
        key: key.text.clone(),
        salt: salt.as_ref().map(|s| s.text.clone()),
        previous_keys: if verifying { owned(a.all("--previous-key")) } else { Vec::new() },
        previous_salts: if verifying { owned(a.all("--previous-salt")) } else { Vec::new() },
    };
    let options = named(a, "--option", "options", provider)?;
    Signer::with(provider, &secrets, &options).map_err(|e| explain(e, &[Some(&key), salt.as_ref()]))
}

fn owned(values: Vec<&str>) -> Vec<String> {
    values.into_iter().map(str::to_owned).collect()
}

/// `--expires`, `--expires-in`, `--now` and `--value`s.
fn sign_options(a: &Parsed, signer: &Signer) -> CliResult<SignOptions> {
    Ok(SignOptions {
        expires: a.number("--expires", "a UNIX timestamp")?,
        expires_in: a.number("--expires-in", "a number of seconds")?,
        now: a.number("--now", "a UNIX timestamp")?,
        values: named(a, "--value", "values", signer.provider())?,
    })
}

/// `--now` and `--value`s.
fn verify_options(a: &Parsed, signer: &Signer) -> CliResult<VerifyOptions> {
    Ok(VerifyOptions {
        now: a.number("--now", "a UNIX timestamp")?,
        values: named(a, "--value", "values", signer.provider())?,
    })
}

/// The `NAME=VALUE` words of a repeatable option (`--option`, `--value`), each value read by
/// the type the core gives the name for `provider` (`field` is `options` or `values`).
fn named(a: &Parsed, flag: &str, field: &str, provider: Provider) -> CliResult<Vec<(String, ParamValue)>> {
    a.all(flag)
        .into_iter()
        .enumerate()
        .map(|(i, word)| match word.split_once('=') {
            Some((name, text)) => {
                let value = imgsign::option_from_text(provider.scheme(), field, name, text)?;
                Ok((name.to_owned(), value))
            }
            None => usage(format!("{flag} number {}: expected NAME=VALUE", i + 1)),
        })
        .collect()
}

/// `imgsign build`.
pub fn build(a: &Parsed, out: &mut Out) -> CliResult<()> {
    let builder = builder(a)?;
    match a.positional.split_first() {
        Some((path, rest)) => {
            let params = argument_params(rest)?;
            out.line(&builder.build_url(&path.text, &params)?)?;
            out.flush()
        }
        None => lines(out, too_long(Operation::BuildUrl, "path"), |line| {
            let (path, params) = line_input(line, Operation::BuildUrl)?;
            builder.build_url(&path, &params)
        }),
    }
}

/// `imgsign srcset`.
pub fn srcset(a: &Parsed, out: &mut Out) -> CliResult<()> {
    let builder = builder(a)?;
    let options = srcset_options(a)?;
    match a.positional.split_first() {
        Some((path, rest)) => {
            let params = argument_params(rest)?;
            out.line(&builder.build_srcset(&path.text, &params, &options)?)?;
            out.flush()
        }
        // One srcset per line: its entries are separated by ", " instead of ",\n".
        None => lines(out, too_long(Operation::BuildSrcset, "path"), |line| {
            let (path, params) = line_input(line, Operation::BuildSrcset)?;
            builder.build_srcset(&path, &params, &options).map(|s| s.replace(",\n", ", "))
        }),
    }
}

/// `imgsign reconstruct`.
pub fn reconstruct(a: &Parsed, out: &mut Out) -> CliResult<()> {
    let builder = builder(a)?;
    match a.positional.split_first() {
        Some((url, rest)) => {
            let params = argument_params(rest)?;
            out.line(&builder.reconstruct(&url.text, &params)?)?;
            out.flush()
        }
        None => lines(out, too_long(Operation::Reconstruct, "original_url"), |line| {
            let (url, params) = line_input(line, Operation::Reconstruct)?;
            builder.reconstruct(&url, &params)
        }),
    }
}

/// `imgsign widths`.
pub fn widths(a: &Parsed, out: &mut Out) -> CliResult<()> {
    no_positional(a)?;
    let widths = imgsign::target_widths_for(
        a.get("--profile").map(Profile::from_name).transpose()?,
        a.number("--min-width", "a number")?,
        a.number("--max-width", "a number")?,
        a.number("--tolerance", "a number")?,
    )?;
    let text: Vec<String> = widths.iter().map(u32::to_string).collect();
    out.line(&text.join(","))?;
    out.flush()
}

/// `imgsign profiles`: each profile's defaults, one JSON object a line (the vectors' fields).
pub fn profiles(a: &Parsed, out: &mut Out) -> CliResult<()> {
    no_positional(a)?;
    for d in imgsign::profile_defaults() {
        let line = serde_json::json!({
            "profile": d.profile.name(),
            "min_width": d.min_width,
            "max_width": d.max_width,
            "tolerance": d.tolerance,
            "library_param": d.library_param,
            "library_version": d.library_version,
            "include_library_param": d.include_library_param,
        });
        out.line(&line.to_string())?;
    }
    out.flush()
}

/// `imgsign origin sign`.
pub fn origin_sign(a: &Parsed, out: &mut Out) -> CliResult<()> {
    no_positional(a)?;
    let key = required_key(a, Operation::SignOriginRequest)?;
    let Some(id) = a.get("--request-id") else {
        return usage("--request-id is required");
    };
    let Some(timestamp) = a.number("--timestamp", "a UNIX timestamp")? else {
        return usage("--timestamp is required");
    };
    let signature = imgsign::sign_origin_request(&key.text, id, timestamp).map_err(|e| key.explain(e))?;
    out.line(&signature)?;
    out.flush()
}

/// `imgsign origin verify`.
pub fn origin_verify(a: &Parsed, out: &mut Out) -> CliResult<()> {
    no_positional(a)?;
    let key = required_key(a, Operation::VerifyOriginRequest)?;
    let headers = a
        .all("--header")
        .into_iter()
        .enumerate()
        .map(|(i, h)| match h.split_once(':') {
            Some((name, value)) => Ok((name.trim().to_owned(), value.trim().to_owned())),
            None => usage(format!("--header number {}: expected 'Name: value'", i + 1)),
        })
        .collect::<CliResult<Vec<_>>>()?;
    let now = a.number("--now", "a UNIX timestamp")?;
    let tolerance = a.number("--tolerance", "a number of seconds")?;
    imgsign::verify_origin_request(&key.text, &headers, now, tolerance).map_err(|e| key.explain(e))?;
    out.line("valid")?;
    out.flush()
}

// --- shared conversions ------------------------------------------------------------------

/// A key or salt and where it came from, so an `invalid_key` error about it can say so.
struct Secret {
    text: String,
    /// The argument the core names it by (`key`, `salt`).
    field: &'static str,
    /// The environment variable it came from, if it did.
    variable: Option<&'static str>,
}

impl Secret {
    fn explain(&self, e: Error) -> Failure {
        explain(e, &[Some(self)])
    }
}

/// `e`, saying where the secret it is about came from when that is an environment variable.
fn explain(e: Error, secrets: &[Option<&Secret>]) -> Failure {
    let from = secrets.iter().flatten().find(|s| {
        s.variable.is_some()
            && e.code() == ErrorCode::InvalidKey
            && e.message().starts_with(&format!("{}:", s.field))
    });
    match from.and_then(|s| s.variable.map(|v| (s, v))) {
        Some((s, variable)) => Failure::Lib(Error::new(
            e.code(),
            format!("{} (the {} comes from {variable})", e.message(), s.field),
        )),
        None => Failure::Lib(e),
    }
}

/// `flag`, else the environment `variable` (set but empty counts as given: the core judges
/// it). A value of the variable that is not UTF-8 gets the code of `operation`'s `field`.
fn secret(
    a: &Parsed,
    flag: &str,
    variable: &'static str,
    operation: Operation,
    field: &'static str,
) -> CliResult<Option<Secret>> {
    if let Some(k) = a.get(flag) {
        return Ok(Some(Secret { text: k.to_owned(), field, variable: None }));
    }
    match std::env::var_os(variable) {
        None => Ok(None),
        Some(v) => match v.into_string() {
            Ok(text) => Ok(Some(Secret { text, field, variable: Some(variable) })),
            Err(_) => {
                let code = argument_error_code(operation, field);
                Err(Failure::Lib(Error::new(code, format!("{variable}: not valid UTF-8"))))
            }
        },
    }
}

/// `--key`, else `IMGSIGN_KEY`.
fn key(a: &Parsed, operation: Operation) -> CliResult<Option<Secret>> {
    secret(a, "--key", KEY_VARIABLE, operation, "key")
}

fn required_key(a: &Parsed, operation: Operation) -> CliResult<Secret> {
    match key(a, operation)? {
        Some(k) => Ok(k),
        None => usage(format!("a key is needed: --key KEY or the {KEY_VARIABLE} environment variable")),
    }
}

/// `--provider`, if given.
fn provider(a: &Parsed) -> CliResult<Option<Provider>> {
    Ok(a.get("--provider").map(Provider::from_name).transpose()?)
}

/// `--provider`, which signing and verifying need: a URL names no scheme.
fn required_provider(a: &Parsed) -> CliResult<Provider> {
    match provider(a)? {
        Some(p) => Ok(p),
        None => usage("--provider is required"),
    }
}

fn no_positional(a: &Parsed) -> CliResult<()> {
    match a.positional.first() {
        Some(p) => usage(format!("argument {} is not expected: this command takes options only", p.index)),
        None => Ok(()),
    }
}

/// The error of a line too long for `argument` of `operation`.
fn too_long(operation: Operation, argument: &'static str) -> impl Fn(usize) -> Error {
    move |max| {
        Error::new(
            argument_error_code(operation, argument),
            format!("{argument}: the line is longer than {max} bytes"),
        )
    }
}

/// The URLs given as arguments, or one per line of standard input.
fn urls(
    a: &Parsed,
    out: &mut Out,
    operation: Operation,
    each: impl Fn(&str) -> Result<String, Error>,
) -> CliResult<()> {
    if a.positional.is_empty() {
        let code = argument_error_code(operation, "url");
        lines(out, too_long(operation, "url"), |line| each(utf8(line, "url", code)?))
    } else {
        arguments(out, &a.positional, each)
    }
}

/// What `--sources` replaces in `build` and `srcset`.
const BUILDER_FLAGS: [&str; 11] = [
    "--domain",
    "--provider",
    "--key",
    "--salt",
    "--option",
    "--profile",
    "--http",
    "--https",
    "--include-library-param",
    "--no-include-library-param",
    "--disable-path-encoding",
];

fn builder(a: &Parsed) -> CliResult<UrlBuilder> {
    if let Some(set) = sources_set(a, &BUILDER_FLAGS)? {
        let Some(name) = a.get("--source") else {
            return usage("--source NAME is required with --sources: the source to build with");
        };
        return Ok(set.source(name)?.builder().clone());
    }
    let Some(domain) = a.get("--domain") else {
        return usage("--domain is required");
    };
    let key = key(a, Operation::UrlBuilder)?;
    let salt = secret(a, "--salt", SALT_VARIABLE, Operation::UrlBuilder, "salt")?;
    let mut options = BuilderOptions {
        provider: provider(a)?,
        key: key.as_ref().map(|k| k.text.clone()),
        salt: salt.as_ref().map(|s| s.text.clone()),
        options: Vec::new(),
        profile: a.get("--profile").map(Profile::from_name).transpose()?,
        use_https: a.switch("--https", "--http"),
        include_library_param: a.switch("--include-library-param", "--no-include-library-param"),
        disable_path_encoding: a.has("--disable-path-encoding").then_some(true),
    };
    options.options = named(a, "--option", "options", options.provider_or_default())?;
    UrlBuilder::new(domain, options).map_err(|e| explain(e, &[key.as_ref(), salt.as_ref()]))
}

type Params = Vec<(String, ParamValue)>;

/// `NAME=VALUE` arguments.
fn argument_params(words: &[Arg]) -> CliResult<Params> {
    words
        .iter()
        .map(|w| match w.text.split_once('=') {
            Some((k, v)) => Ok((k.to_owned(), ParamValue::Str(v.to_owned()))),
            None => usage(format!("argument {} is not a param: expected NAME=VALUE", w.index)),
        })
        .collect()
}

/// One input line of `build` or `srcset`: `PATH [NAME=VALUE...]`, quoted as by a shell.
/// A fault in the first word gets the code of `operation`'s path, in a later one that of
/// its params; the word is named by its number, never shown.
fn line_input(line: &[u8], operation: Operation) -> Result<(String, Params), Error> {
    let first = if operation == Operation::Reconstruct { "original_url" } else { "path" };
    let argument = |word: usize| if word == 1 { first } else { "params" };
    let field = |word: usize| if word == 1 { first.to_owned() } else { format!("word {word}") };
    let fail = |word: usize, what: &str| {
        Error::new(argument_error_code(operation, argument(word)), format!("{}: {what}", field(word)))
    };
    let words = words::split(line).map_err(|e| fail(e.word, e.fault.describe()))?;
    let mut words = words.iter().enumerate().map(|(i, w)| (i + 1, w));
    let Some((_, path)) = words.next() else {
        return Err(fail(1, "missing"));
    };
    let path = std::str::from_utf8(path).map_err(|_| fail(1, "not valid UTF-8"))?.to_owned();
    let params = words
        .map(|(n, w)| {
            let text = std::str::from_utf8(w).map_err(|_| fail(n, "not valid UTF-8"))?;
            match text.split_once('=') {
                Some((k, v)) => Ok((k.to_owned(), ParamValue::Str(v.to_owned()))),
                None => Err(fail(n, "expected NAME=VALUE")),
            }
        })
        .collect::<Result<Params, Error>>()?;
    Ok((path, params))
}

fn list<T: std::str::FromStr>(a: &Parsed, flag: &str, what: &str) -> CliResult<Option<Vec<T>>> {
    a.get(flag)
        .map(|text| {
            text.split(',')
                .map(|p| {
                    p.trim()
                        .parse::<T>()
                        .or_else(|_| usage(format!("{flag}: expected a comma-separated list of {what}")))
                })
                .collect()
        })
        .transpose()
}

fn qualities(a: &Parsed) -> CliResult<Option<Vec<(f64, i64)>>> {
    let fault = || usage("--quality: expected RATIO=QUALITY pairs such as 1=80,2=50");
    a.get("--quality")
        .map(|q| {
            q.split(',')
                .map(|pair| match pair.split_once('=') {
                    Some((r, v)) => match (r.trim().parse::<f64>(), v.trim().parse::<i64>()) {
                        (Ok(r), Ok(v)) => Ok((r, v)),
                        _ => fault(),
                    },
                    None => fault(),
                })
                .collect()
        })
        .transpose()
}

fn srcset_options(a: &Parsed) -> CliResult<SrcsetOptions> {
    Ok(SrcsetOptions {
        widths: list::<f64>(a, "--widths", "numbers")?.map(|ws| {
            // A width written without a fraction or exponent is an integer width.
            let texts = a.get("--widths").unwrap_or_default().split(',');
            ws.into_iter()
                .zip(texts)
                .map(|(w, t)| match t.trim().parse::<i64>() {
                    Ok(i) => imgsign::Width::Int(i),
                    Err(_) => imgsign::Width::Float(w),
                })
                .collect()
        }),
        min_width: a.number("--min-width", "a number")?,
        max_width: a.number("--max-width", "a number")?,
        tolerance: a.number("--tolerance", "a number")?,
        device_pixel_ratios: list(a, "--dpr", "numbers")?,
        variable_qualities: qualities(a)?,
        disable_variable_quality: a.has("--no-variable-quality").then_some(true),
        // The builder's --disable-path-encoding is the one switch: nothing per call here.
        disable_path_encoding: None,
    })
}
