//! `imgsign`: sign, build, verify and srcset image-CDN URLs from the command line.
//!
//! Every rule lives in the `imgsign` crate; this binary parses arguments, reads and writes
//! lines, and maps errors to one-line coded messages and exit codes.

use imgsign::{
    BuilderOptions, Error, ParamValue, Profile, Provider, SignOptions, Signer, SrcsetOptions, UrlBuilder,
};
use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

const HELP: &str = "\
imgsign: build, sign and verify image-CDN URLs (imgix, Gumlet, Pixta, ImageBoss)

USAGE:
  imgsign sign    --provider P [--key K] [--expires TS | --expires-in SECS] [URL...]
  imgsign verify  --provider P [--key K] [--previous-key K]... [--now TS] [URL...]
  imgsign build   --domain D [BUILDER OPTIONS] PATH [NAME=VALUE...]
  imgsign srcset  --domain D [BUILDER OPTIONS] [SRCSET OPTIONS] PATH [NAME=VALUE...]
  imgsign widths  [--min-width N] [--max-width N] [--tolerance T]
  imgsign origin sign   --key K --request-id ID --timestamp TS
  imgsign origin verify --key K --header 'Name: value'... [--now TS] [--tolerance SECS]

The key may come from the IMGSIGN_KEY environment variable instead of --key, so it stays
out of shell history. sign and verify read URLs from standard input, one per line, when
none are given (batch use: output is streamed line by line).

BUILDER OPTIONS:
  --provider P           imgix (default), gumlet, pixta, imageboss
  --key K                signing key (default: IMGSIGN_KEY; unsigned when neither is set)
  --profile P            canonical (default), imgix-python, imgix-js
  --http                 emit http:// URLs
  --include-library-param
  --disable-path-encoding

SRCSET OPTIONS:
  --widths 100,200,400   explicit widths (fluid srcset)
  --min-width N --max-width N --tolerance T      generated widths (100, 8192, 0.08)
  --dpr 1,2,3            device-pixel ratios (fixed srcset, used when w or h is given)
  --quality 1=80,2=50    variable qualities per ratio
  --no-variable-quality

EXAMPLES:
  imgsign sign --provider pixta --key 'wakanda123@' \\
      'https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop'
  IMGSIGN_KEY=FOO123bar imgsign build --domain demo.imgix.net /users/1.png w=400 h=300
  IMGSIGN_KEY=FOO123bar imgsign srcset --domain demo.imgix.net /hero.jpg w=640
  imgsign verify --provider imgix --key FOO123bar --previous-key OLDKEY < urls.txt
  imgsign origin sign --key 0123456789abcdef --request-id abc --timestamp 1709332618

EXIT CODES: 0 success; 1 an input failed (signing error or verification failure);
2 usage error. Errors are one line on stderr: imgsign: error[<code>]: <message>
";

/// A command-line failure: a usage problem or a coded library error.
enum Failure {
    Usage(String),
    Lib(Error),
    /// Already reported (batch mode); exit 1.
    Reported,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Lib(e)
    }
}

type CliResult<T> = Result<T, Failure>;

fn usage<T>(msg: impl Into<String>) -> CliResult<T> {
    Err(Failure::Usage(msg.into()))
}

/// Parsed `--flag value` options and positional arguments.
struct Args {
    flags: Vec<(String, Option<String>)>,
    positional: Vec<String>,
}

const VALUE_FLAGS: &[&str] = &[
    "--provider",
    "--key",
    "--expires",
    "--expires-in",
    "--previous-key",
    "--now",
    "--domain",
    "--profile",
    "--widths",
    "--min-width",
    "--max-width",
    "--tolerance",
    "--dpr",
    "--quality",
    "--request-id",
    "--timestamp",
    "--header",
];
const BOOL_FLAGS: &[&str] =
    &["--http", "--include-library-param", "--disable-path-encoding", "--no-variable-quality"];

impl Args {
    fn parse(raw: &[String]) -> CliResult<Args> {
        let mut flags = Vec::new();
        let mut positional = Vec::new();
        let mut it = raw.iter();
        let mut only_positional = false;
        while let Some(a) = it.next() {
            if only_positional || !a.starts_with("--") {
                positional.push(a.clone());
            } else if a == "--" {
                only_positional = true;
            } else if let Some((name, value)) = a.split_once('=') {
                if !VALUE_FLAGS.contains(&name) {
                    return usage(format!("unknown option {name}"));
                }
                flags.push((name.to_owned(), Some(value.to_owned())));
            } else if VALUE_FLAGS.contains(&a.as_str()) {
                match it.next() {
                    Some(v) => flags.push((a.clone(), Some(v.clone()))),
                    None => return usage(format!("{a} needs a value")),
                }
            } else if BOOL_FLAGS.contains(&a.as_str()) {
                flags.push((a.clone(), None));
            } else {
                return usage(format!("unknown option {a}"));
            }
        }
        Ok(Args { flags, positional })
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.flags.iter().rev().find(|(n, _)| n == name).and_then(|(_, v)| v.as_deref())
    }

    fn all(&self, name: &str) -> Vec<&str> {
        self.flags.iter().filter(|(n, _)| n == name).filter_map(|(_, v)| v.as_deref()).collect()
    }

    fn has(&self, name: &str) -> bool {
        self.flags.iter().any(|(n, _)| n == name)
    }

    fn only(&self, allowed: &[&str]) -> CliResult<()> {
        match self.flags.iter().find(|(n, _)| !allowed.contains(&n.as_str())) {
            Some((n, _)) => usage(format!("option {n} does not apply to this command")),
            None => Ok(()),
        }
    }

    fn int(&self, name: &str) -> CliResult<Option<i64>> {
        self.get(name)
            .map(|v| v.parse::<i64>().or_else(|_| usage(format!("{name} takes an integer"))))
            .transpose()
    }

    fn float(&self, name: &str) -> CliResult<Option<f64>> {
        self.get(name)
            .map(|v| v.parse::<f64>().or_else(|_| usage(format!("{name} takes a number"))))
            .transpose()
    }

    fn key(&self) -> Option<String> {
        self.get("--key").map(str::to_owned).or_else(|| std::env::var("IMGSIGN_KEY").ok())
    }

    fn required_key(&self) -> CliResult<String> {
        match self.key() {
            Some(k) => Ok(k),
            None => usage("a key is needed: --key K or the IMGSIGN_KEY environment variable"),
        }
    }

    fn provider(&self) -> CliResult<Provider> {
        Ok(Provider::from_name(self.get("--provider").unwrap_or("imgix"))?)
    }
}

fn list<T: std::str::FromStr>(flag: &str, text: &str) -> CliResult<Vec<T>> {
    text.split(',')
        .map(|p| p.trim().parse::<T>().or_else(|_| usage(format!("{flag}: cannot read {p:?}"))))
        .collect()
}

fn params(positional: &[String]) -> CliResult<Vec<(String, ParamValue)>> {
    positional
        .iter()
        .map(|p| match p.split_once('=') {
            Some((k, v)) => Ok((k.to_owned(), ParamValue::Str(v.to_owned()))),
            None => usage(format!("param {p:?} must be NAME=VALUE")),
        })
        .collect()
}

fn builder(args: &Args) -> CliResult<UrlBuilder> {
    let Some(domain) = args.get("--domain") else {
        return usage("--domain is required");
    };
    let options = BuilderOptions {
        provider: Some(args.provider()?),
        key: args.key(),
        profile: Some(Profile::from_name(args.get("--profile").unwrap_or("canonical"))?),
        use_https: Some(!args.has("--http")),
        include_library_param: Some(args.has("--include-library-param")),
        disable_path_encoding: Some(args.has("--disable-path-encoding")),
    };
    Ok(UrlBuilder::new(domain, options)?)
}

const BUILDER_FLAGS: &[&str] = &[
    "--domain",
    "--provider",
    "--key",
    "--profile",
    "--http",
    "--include-library-param",
    "--disable-path-encoding",
];

/// Runs `per_line` on each URL given, or on each line of stdin when none are given.
/// Output is streamed; failures are reported per line and make the exit code 1.
fn each_url(urls: &[String], mut per_line: impl FnMut(&str) -> Result<String, Error>) -> CliResult<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut emit =
        |line_no: Option<usize>, url: &str, out: &mut BufWriter<io::StdoutLock<'_>>| match per_line(url) {
            Ok(s) => {
                let _ = writeln!(out, "{s}");
            }
            Err(e) => {
                let _ = out.flush();
                let at = line_no.map(|n| format!("line {n}: ")).unwrap_or_default();
                eprintln!("imgsign: {at}error[{}]: {}", e.code(), e.message());
                failed = true;
            }
        };
    if urls.is_empty() {
        let stdin = io::stdin();
        let mut reader = stdin.lock();
        let mut line = String::new();
        let mut n = 0usize;
        loop {
            line.clear();
            match reader.read_line(&mut line) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => return usage(format!("cannot read standard input: {e}")),
            }
            n += 1;
            let url = line.trim_end_matches(['\n', '\r']);
            if url.is_empty() {
                continue;
            }
            emit(Some(n), url, &mut out);
            // Stream: flush whenever the next read would wait for more input.
            if reader.fill_buf().map(|b| b.is_empty()).unwrap_or(true) || n.is_multiple_of(4096) {
                let _ = out.flush();
            }
        }
    } else {
        for u in urls {
            emit(None, u, &mut out);
        }
    }
    let _ = out.flush();
    if failed { Err(Failure::Reported) } else { Ok(()) }
}

fn run(raw: &[String]) -> CliResult<()> {
    let Some((command, rest)) = raw.split_first() else {
        return usage("no command given (try --help)");
    };
    if matches!(command.as_str(), "-h" | "--help" | "help") {
        print!("{HELP}");
        return Ok(());
    }
    if rest.iter().any(|a| a == "-h" || a == "--help") {
        print!("{HELP}");
        return Ok(());
    }
    if command == "--version" || command == "-V" {
        println!("imgsign {}", imgsign::VERSION);
        return Ok(());
    }
    if command == "origin" {
        let Some((sub, rest)) = rest.split_first() else {
            return usage("origin needs a subcommand: sign or verify");
        };
        let args = Args::parse(rest)?;
        if !args.positional.is_empty() {
            return usage("origin takes no positional arguments");
        }
        return match sub.as_str() {
            "sign" => {
                args.only(&["--key", "--request-id", "--timestamp"])?;
                let key = args.required_key()?;
                let Some(id) = args.get("--request-id") else {
                    return usage("--request-id is required");
                };
                let Some(ts) = args.int("--timestamp")? else {
                    return usage("--timestamp is required");
                };
                println!("{}", imgsign::sign_origin_request(&key, id, ts)?);
                Ok(())
            }
            "verify" => {
                args.only(&["--key", "--header", "--now", "--tolerance"])?;
                let key = args.required_key()?;
                let headers = args
                    .all("--header")
                    .into_iter()
                    .map(|h| match h.split_once(':') {
                        Some((n, v)) => Ok((n.trim().to_owned(), v.trim().to_owned())),
                        None => usage(format!("--header {h:?} must be 'Name: value'")),
                    })
                    .collect::<CliResult<Vec<_>>>()?;
                let tolerance = args.int("--tolerance")?;
                imgsign::verify_origin_request(&key, &headers, args.int("--now")?, tolerance)?;
                println!("valid");
                Ok(())
            }
            other => usage(format!("unknown origin subcommand {other:?}")),
        };
    }
    let args = Args::parse(rest)?;
    match command.as_str() {
        "sign" => {
            args.only(&["--provider", "--key", "--expires", "--expires-in", "--now"])?;
            let signer = Signer::new(args.provider()?, &args.required_key()?, &[] as &[&str])?;
            let options = SignOptions {
                expires: args.int("--expires")?,
                expires_in: args.int("--expires-in")?,
                now: args.int("--now")?,
            };
            // Checked once up front, so a bad combination is one error, not one per URL.
            options.validate()?;
            each_url(&args.positional, |u| signer.sign_url_with(u, &options))
        }
        "verify" => {
            args.only(&["--provider", "--key", "--previous-key", "--now"])?;
            let signer = Signer::new(args.provider()?, &args.required_key()?, &args.all("--previous-key"))?;
            let now = args.int("--now")?;
            each_url(&args.positional, |u| signer.verify_url(u, now).map(|()| format!("valid {u}")))
        }
        "build" => {
            args.only(BUILDER_FLAGS)?;
            let Some((path, kv)) = args.positional.split_first() else {
                return usage("build needs a PATH");
            };
            println!("{}", builder(&args)?.build_url(path, &params(kv)?)?);
            Ok(())
        }
        "srcset" => {
            let mut allowed = BUILDER_FLAGS.to_vec();
            allowed.extend([
                "--widths",
                "--min-width",
                "--max-width",
                "--tolerance",
                "--dpr",
                "--quality",
                "--no-variable-quality",
            ]);
            args.only(&allowed)?;
            let Some((path, kv)) = args.positional.split_first() else {
                return usage("srcset needs a PATH");
            };
            let qualities = args
                .get("--quality")
                .map(|q| {
                    q.split(',')
                        .map(|pair| match pair.split_once('=') {
                            Some((r, v)) => match (r.trim().parse::<f64>(), v.trim().parse::<i64>()) {
                                (Ok(r), Ok(v)) => Ok((r, v)),
                                _ => usage(format!("--quality: cannot read {pair:?}")),
                            },
                            None => usage(format!("--quality: {pair:?} must be RATIO=QUALITY")),
                        })
                        .collect::<CliResult<Vec<_>>>()
                })
                .transpose()?;
            let options = SrcsetOptions {
                widths: args.get("--widths").map(|w| list("--widths", w)).transpose()?,
                min_width: args.int("--min-width")?,
                max_width: args.int("--max-width")?,
                tolerance: args.float("--tolerance")?,
                device_pixel_ratios: args.get("--dpr").map(|d| list("--dpr", d)).transpose()?,
                variable_qualities: qualities,
                disable_variable_quality: Some(args.has("--no-variable-quality")),
            };
            println!("{}", builder(&args)?.build_srcset(path, &params(kv)?, &options)?);
            Ok(())
        }
        "widths" => {
            args.only(&["--min-width", "--max-width", "--tolerance"])?;
            let widths = imgsign::target_widths(
                args.int("--min-width")?,
                args.int("--max-width")?,
                args.float("--tolerance")?,
            )?;
            let text: Vec<String> = widths.iter().map(u32::to_string).collect();
            println!("{}", text.join(","));
            Ok(())
        }
        other => usage(format!("unknown command {other:?} (try --help)")),
    }
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    match run(&raw) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprintln!("imgsign: usage: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Lib(e)) => {
            eprintln!("imgsign: error[{}]: {}", e.code(), e.message());
            ExitCode::from(1)
        }
        Err(Failure::Reported) => ExitCode::from(1),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use imgsign::ErrorCode;

    #[test]
    fn codes_are_known() {
        assert_eq!(ErrorCode::from_name("invalid_key"), Some(ErrorCode::InvalidKey));
    }

    #[test]
    fn parses_flags_and_params() {
        let raw: Vec<String> =
            ["--domain", "a.imgix.net", "/x.jpg", "w=1", "--http"].iter().map(|s| (*s).to_owned()).collect();
        let a = Args::parse(&raw).ok().unwrap();
        assert_eq!(a.get("--domain"), Some("a.imgix.net"));
        assert!(a.has("--http"));
        assert_eq!(a.positional, vec!["/x.jpg", "w=1"]);
        assert!(Args::parse(&["--nope".to_owned()]).is_err());
    }
}
