//! One function per subcommand. Each turns its options into the core's types, passing on
//! only what the user gave: every default, range and name is the core's.

use crate::args::{Arg, Parsed};
use crate::input::{arguments, lines, utf8};
use crate::output::{CliResult, Failure, Out, usage};
use crate::words;
use imgsign::{
    BuilderOptions, Error, ErrorCode, ParamValue, Profile, Provider, SignOptions, Signer, SrcsetOptions,
    UrlBuilder,
};

/// The environment variable a key may come from.
pub const KEY_VARIABLE: &str = "IMGSIGN_KEY";

/// `imgsign sign`.
pub fn sign(a: &Parsed, out: &mut Out) -> CliResult<()> {
    let key = required_key(a)?;
    let signer = Signer::new(provider(a)?, &key.text, &[] as &[&str]).map_err(|e| key.explain(e))?;
    let options = SignOptions {
        expires: a.number("--expires", "a UNIX timestamp")?,
        expires_in: a.number("--expires-in", "a number of seconds")?,
        now: a.number("--now", "a UNIX timestamp")?,
    };
    // Checked once up front, so a bad combination is one error, not one per URL.
    options.validate()?;
    urls(a, out, ErrorCode::InvalidUrl, |url| signer.sign_url_with(url, &options))
}

/// `imgsign verify`.
pub fn verify(a: &Parsed, out: &mut Out) -> CliResult<()> {
    let key = required_key(a)?;
    let signer =
        Signer::new(provider(a)?, &key.text, &a.all("--previous-key")).map_err(|e| key.explain(e))?;
    let now = a.number("--now", "a UNIX timestamp")?;
    urls(a, out, ErrorCode::MalformedUrl, |url| signer.verify_url(url, now).map(|()| format!("valid {url}")))
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
        None => lines(out, "path", ErrorCode::InvalidUrl, |line| {
            let (path, params) = line_input(line)?;
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
        None => lines(out, "path", ErrorCode::InvalidUrl, |line| {
            let (path, params) = line_input(line)?;
            builder.build_srcset(&path, &params, &options).map(|s| s.replace(",\n", ", "))
        }),
    }
}

/// `imgsign widths`.
pub fn widths(a: &Parsed, out: &mut Out) -> CliResult<()> {
    no_positional(a)?;
    let d = SrcsetOptions::default();
    let widths = imgsign::target_widths(
        a.number("--min-width", "an integer")?.unwrap_or(d.min_width),
        a.number("--max-width", "an integer")?.unwrap_or(d.max_width),
        a.number("--tolerance", "a number")?.unwrap_or(d.tolerance),
    )?;
    let text: Vec<String> = widths.iter().map(u32::to_string).collect();
    out.line(&text.join(","))?;
    out.flush()
}

/// `imgsign origin sign`.
pub fn origin_sign(a: &Parsed, out: &mut Out) -> CliResult<()> {
    no_positional(a)?;
    let key = required_key(a)?;
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
    let key = required_key(a)?;
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
    let tolerance =
        a.number("--tolerance", "a number of seconds")?.unwrap_or(imgsign::DEFAULT_ORIGIN_TOLERANCE);
    imgsign::verify_origin_request(&key.text, &headers, now, tolerance).map_err(|e| key.explain(e))?;
    out.line("valid")?;
    out.flush()
}

// --- shared conversions ------------------------------------------------------------------

/// A key and where it came from, so an `invalid_key` error can say so.
struct Key {
    text: String,
    from_env: bool,
}

impl Key {
    fn explain(&self, e: Error) -> Failure {
        if self.from_env && e.code() == ErrorCode::InvalidKey {
            Failure::Lib(Error::new(e.code(), format!("{} (the key comes from {KEY_VARIABLE})", e.message())))
        } else {
            Failure::Lib(e)
        }
    }
}

/// `--key`, else `IMGSIGN_KEY` (set but empty counts as given: the core judges it).
fn key(a: &Parsed) -> CliResult<Option<Key>> {
    if let Some(k) = a.get("--key") {
        return Ok(Some(Key { text: k.to_owned(), from_env: false }));
    }
    match std::env::var_os(KEY_VARIABLE) {
        None => Ok(None),
        Some(v) => match v.into_string() {
            Ok(text) => Ok(Some(Key { text, from_env: true })),
            Err(_) => Err(Failure::Lib(Error::new(
                ErrorCode::InvalidKey,
                format!("{KEY_VARIABLE}: not valid UTF-8"),
            ))),
        },
    }
}

fn required_key(a: &Parsed) -> CliResult<Key> {
    match key(a)? {
        Some(k) => Ok(k),
        None => usage(format!("a key is needed: --key KEY or the {KEY_VARIABLE} environment variable")),
    }
}

fn provider(a: &Parsed) -> CliResult<Provider> {
    Ok(Provider::from_name(a.get("--provider").unwrap_or(BuilderOptions::default().provider.name()))?)
}

fn no_positional(a: &Parsed) -> CliResult<()> {
    match a.positional.first() {
        Some(p) => usage(format!("argument {} is not expected: this command takes options only", p.index)),
        None => Ok(()),
    }
}

/// The URLs given as arguments, or one per line of standard input.
fn urls(
    a: &Parsed,
    out: &mut Out,
    code: ErrorCode,
    each: impl Fn(&str) -> Result<String, Error>,
) -> CliResult<()> {
    if a.positional.is_empty() {
        lines(out, "url", code, |line| each(utf8(line, "url", code)?))
    } else {
        arguments(out, &a.positional, each)
    }
}

fn builder(a: &Parsed) -> CliResult<UrlBuilder> {
    let Some(domain) = a.get("--domain") else {
        return usage("--domain is required");
    };
    let defaults = BuilderOptions::default();
    let key = key(a)?;
    let options = BuilderOptions {
        provider: provider(a)?,
        key: key.as_ref().map(|k| k.text.clone()),
        profile: match a.get("--profile") {
            Some(p) => Profile::from_name(p)?,
            None => defaults.profile,
        },
        use_https: !a.has("--http"),
        include_library_param: a.has("--include-library-param"),
        disable_path_encoding: a.has("--disable-path-encoding"),
    };
    UrlBuilder::new(domain, options).map_err(|e| match &key {
        Some(k) => k.explain(e),
        None => Failure::Lib(e),
    })
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
/// A fault in the path is `invalid_url`; a fault in a param word is `invalid_param`.
fn line_input(line: &[u8]) -> Result<(String, Params), Error> {
    let code_of = |word: usize| if word == 1 { ErrorCode::InvalidUrl } else { ErrorCode::InvalidParam };
    let field_of = |word: usize| if word == 1 { "path".to_owned() } else { format!("word {word}") };
    let words = words::split(line)
        .map_err(|e| Error::new(code_of(e.word), format!("{}: {}", field_of(e.word), e.fault.describe())))?;
    let mut words = words.iter().enumerate().map(|(i, w)| (i + 1, w));
    let Some((_, path)) = words.next() else {
        return Err(Error::new(ErrorCode::InvalidUrl, "path: missing"));
    };
    let path = utf8(path, "path", ErrorCode::InvalidUrl)?.to_owned();
    let params = words
        .map(|(n, w)| {
            let text = utf8(w, &field_of(n), ErrorCode::InvalidParam)?;
            match text.split_once('=') {
                Some((k, v)) => Ok((k.to_owned(), ParamValue::Str(v.to_owned()))),
                None => {
                    Err(Error::new(ErrorCode::InvalidParam, format!("{}: expected NAME=VALUE", field_of(n))))
                }
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

fn srcset_options(a: &Parsed) -> CliResult<SrcsetOptions> {
    let qualities = a
        .get("--quality")
        .map(|q| {
            q.split(',')
                .map(|pair| match pair.split_once('=') {
                    Some((r, v)) => match (r.trim().parse::<f64>(), v.trim().parse::<i64>()) {
                        (Ok(r), Ok(v)) => Ok((r, v)),
                        _ => usage("--quality: expected RATIO=QUALITY pairs such as 1=80,2=50"),
                    },
                    None => usage("--quality: expected RATIO=QUALITY pairs such as 1=80,2=50"),
                })
                .collect::<CliResult<Vec<_>>>()
        })
        .transpose()?;
    let defaults = SrcsetOptions::default();
    Ok(SrcsetOptions {
        widths: list(a, "--widths", "integers")?,
        min_width: a.number("--min-width", "an integer")?.unwrap_or(defaults.min_width),
        max_width: a.number("--max-width", "an integer")?.unwrap_or(defaults.max_width),
        tolerance: a.number("--tolerance", "a number")?.unwrap_or(defaults.tolerance),
        device_pixel_ratios: list(a, "--dpr", "numbers")?,
        variable_qualities: qualities,
        disable_variable_quality: a.has("--no-variable-quality"),
    })
}
