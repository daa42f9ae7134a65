//! Command-line arguments, read as `OsString`: a value that is not UTF-8 is a usage error
//! that names the argument, never one that echoes it (it may be a key).

use crate::output::{CliResult, Failure, usage};
use std::ffi::OsString;

/// One option of a command.
#[derive(Debug)]
pub struct Opt {
    /// `--name`.
    pub name: &'static str,
    /// The value's placeholder in the help (`KEY`), or `None` for a switch.
    pub value: Option<&'static str>,
    /// One line of help; `{placeholders}` are filled from the core's constants.
    pub help: &'static str,
}

/// An argument as given: its position on the command line (1 = the first word after
/// `imgsign`, as a shell's `$1`) and its text.
#[derive(Debug, Clone)]
pub struct Arg {
    /// The position, for messages that must not echo the text.
    pub index: usize,
    /// The text.
    pub text: String,
}

/// The options and positional arguments of one command.
#[derive(Debug, Default)]
pub struct Parsed {
    flags: Vec<(&'static str, Option<String>)>,
    /// Positional arguments, in order.
    pub positional: Vec<Arg>,
}

/// What the command line asks for.
#[derive(Debug)]
pub enum Parse {
    /// `-h` or `--help` appeared where an option may stand.
    Help,
    /// Run the command.
    Run(Parsed),
}

impl Parsed {
    /// The value of the last `name` given (single options: the last one wins).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.flags.iter().rev().find(|(n, _)| *n == name).and_then(|(_, v)| v.as_deref())
    }

    /// Every value of a repeatable option, in order.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.flags.iter().filter(|(n, _)| *n == name).filter_map(|(_, v)| v.as_deref()).collect()
    }

    /// Whether the switch `name` was given.
    pub fn has(&self, name: &str) -> bool {
        self.flags.iter().any(|(n, _)| *n == name)
    }

    /// `Some(true)` or `Some(false)` when the switch `on` or `off` was given (the last one
    /// wins), `None` when neither was: the core's default applies.
    pub fn switch(&self, on: &str, off: &str) -> Option<bool> {
        self.flags.iter().rev().find(|(n, _)| *n == on || *n == off).map(|(n, _)| *n == on)
    }

    /// The value of `name` read as `T`; a value that does not read is a usage error.
    pub fn number<T: std::str::FromStr>(&self, name: &str, what: &str) -> CliResult<Option<T>> {
        self.get(name)
            .map(|v| v.trim().parse::<T>().or_else(|_| usage(format!("{name}: expected {what}"))))
            .transpose()
    }
}

/// Reads `raw` (the words after the command name; `first` is the position of `raw[0]`)
/// against the command's options `opts`. `known` lists every option of every command, so
/// a misplaced option is named, while an unknown one is only located.
pub fn parse(
    raw: &[OsString],
    first: usize,
    opts: &[&'static Opt],
    known: &[&'static Opt],
) -> CliResult<Parse> {
    let mut parsed = Parsed::default();
    // The first fault is kept, but the scan goes on: `--help` anywhere wins.
    let mut fault: Option<Failure> = None;
    let mut keep = |f: Failure| {
        if fault.is_none() {
            fault = Some(f);
        }
    };
    let mut it = raw.iter().enumerate().map(|(i, a)| (i + first, a));
    let mut only_positional = false;
    while let Some((index, arg)) = it.next() {
        let bytes = arg.as_encoded_bytes();
        if only_positional || bytes == b"-" || !bytes.starts_with(b"-") {
            match text(arg, index, None) {
                Ok(text) => parsed.positional.push(Arg { index, text }),
                Err(f) => keep(f),
            }
            continue;
        }
        if bytes == b"--" {
            only_positional = true;
            continue;
        }
        if bytes == b"-h" || bytes == b"--help" {
            return Ok(Parse::Help);
        }
        let (name, inline) = match bytes.iter().position(|b| *b == b'=') {
            Some(at) => (bytes.get(..at).unwrap_or_default(), bytes.get(at + 1..)),
            None => (bytes, None),
        };
        let Some(opt) = opts.iter().find(|o| o.name.as_bytes() == name) else {
            keep(Failure::Usage(unknown_option(name, index, opts, known)));
            continue;
        };
        match (opt.value, inline) {
            (None, None) => parsed.flags.push((opt.name, None)),
            (None, Some(_)) => {
                keep(Failure::Usage(format!("{} takes no value (argument {index})", opt.name)))
            }
            (Some(_), Some(value)) => match inline_text(value, opt.name, index) {
                Ok(v) => parsed.flags.push((opt.name, Some(v))),
                Err(f) => keep(f),
            },
            (Some(_), None) => match it.next() {
                Some((vi, value)) => match text(value, vi, Some(opt.name)) {
                    Ok(v) => parsed.flags.push((opt.name, Some(v))),
                    Err(f) => keep(f),
                },
                None => keep(Failure::Usage(format!("{} needs a value (argument {index})", opt.name))),
            },
        }
    }
    match fault {
        Some(f) => Err(f),
        None => Ok(Parse::Run(parsed)),
    }
}

fn text(arg: &OsString, index: usize, of: Option<&str>) -> CliResult<String> {
    arg.clone().into_string().or_else(|_| match of {
        Some(name) => usage(format!("the value of {name} (argument {index}) is not valid UTF-8")),
        None => usage(format!("argument {index} is not valid UTF-8")),
    })
}

fn inline_text(value: &[u8], name: &str, index: usize) -> CliResult<String> {
    String::from_utf8(value.to_vec())
        .or_else(|_| usage(format!("the value of {name} (argument {index}) is not valid UTF-8")))
}

/// A message for an option this command does not take. The text is named only when it
/// is some command's option: anything else may be a mistyped secret.
fn unknown_option(name: &[u8], index: usize, opts: &[&'static Opt], known: &[&'static Opt]) -> String {
    if let Some(o) = known.iter().find(|o| o.name.as_bytes() == name) {
        return format!("{} does not apply to this command (argument {index})", o.name);
    }
    let near = std::str::from_utf8(name).ok().and_then(|n| {
        opts.iter().map(|o| (distance(n, o.name), o.name)).filter(|(d, _)| *d <= 2).min_by_key(|(d, _)| *d)
    });
    match near {
        Some((_, o)) => format!("argument {index} is not an option of this command (did you mean {o}?)"),
        None => format!("argument {index} is not an option of this command"),
    }
}

/// Levenshtein distance, for "did you mean".
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = i;
        let mut next = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let up = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let left = next.last().copied().unwrap_or(usize::MAX);
            let cost = diag + usize::from(ca != *cb);
            next.push(cost.min(up.saturating_add(1)).min(left.saturating_add(1)));
            diag = up;
        }
        row = next;
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;

    static DOMAIN: Opt = Opt { name: "--domain", value: Some("HOST"), help: "" };
    static HTTP: Opt = Opt { name: "--http", value: None, help: "" };
    static OTHER: Opt = Opt { name: "--widths", value: Some("LIST"), help: "" };

    fn run(words: &[&str]) -> CliResult<Parse> {
        let raw: Vec<OsString> = words.iter().map(OsString::from).collect();
        parse(&raw, 2, &[&DOMAIN, &HTTP], &[&DOMAIN, &HTTP, &OTHER])
    }

    fn message(r: CliResult<Parse>) -> String {
        match r {
            Err(Failure::Usage(m)) => m,
            other => panic!("expected a usage error, got {other:?}"),
        }
    }

    #[test]
    fn reads_options_and_positionals() {
        let Ok(Parse::Run(a)) = run(&["--domain", "a.imgix.net", "/x.jpg", "w=1", "--http", "--", "--http"])
        else {
            panic!("parse failed");
        };
        assert_eq!(a.get("--domain"), Some("a.imgix.net"));
        assert!(a.has("--http"));
        let pos: Vec<(usize, &str)> = a.positional.iter().map(|p| (p.index, p.text.as_str())).collect();
        assert_eq!(pos, vec![(4, "/x.jpg"), (5, "w=1"), (8, "--http")]);
    }

    #[test]
    fn inline_values_and_last_wins() {
        let Ok(Parse::Run(a)) = run(&["--domain=a.imgix.net", "--domain", "b.imgix.net"]) else {
            panic!("parse failed");
        };
        assert_eq!(a.get("--domain"), Some("b.imgix.net"));
    }

    #[test]
    fn faults_name_the_argument_without_echoing_it() {
        assert_eq!(
            message(run(&["--domian", "x"])),
            "argument 2 is not an option of this command (did you mean --domain?)"
        );
        assert_eq!(message(run(&["--s3cr3t-value"])), "argument 2 is not an option of this command");
        assert_eq!(message(run(&["--widths", "1"])), "--widths does not apply to this command (argument 2)");
        assert_eq!(message(run(&["/x", "--domain"])), "--domain needs a value (argument 3)");
        assert_eq!(message(run(&["--http=yes"])), "--http takes no value (argument 2)");
    }

    #[test]
    fn help_wins_over_an_earlier_fault() {
        assert!(matches!(run(&["--nope", "--help"]), Ok(Parse::Help)));
        assert!(matches!(run(&["-h"]), Ok(Parse::Help)));
        // After `--`, or as an option's value, it is not a help request.
        assert!(matches!(run(&["--", "--help"]), Ok(Parse::Run(_))));
        assert!(matches!(run(&["--domain", "--help"]), Ok(Parse::Run(_))));
    }

    #[test]
    fn levenshtein() {
        assert_eq!(distance("--tolerence", "--tolerance"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
