//! `imgsign`: sign, build, verify and srcset image-CDN URLs from the command line.
//!
//! Every rule lives in the `imgsign` crate; this binary reads arguments and lines, writes
//! results, and maps errors to one-line coded messages and exit statuses.

mod args;
mod commands;
mod help;
mod input;
mod output;
mod sources;
mod spec;
mod words;

use args::Parse;
use output::{CliResult, Out, conclude, usage};
use spec::{COMMANDS, Command};
use std::ffi::OsString;
use std::process::ExitCode;

fn main() -> ExitCode {
    let raw: Vec<OsString> = std::env::args_os().skip(1).collect();
    let mut out = Out::stdout();
    match run(&raw, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => ExitCode::from(conclude(&failure)),
    }
}

fn run(raw: &[OsString], out: &mut Out) -> CliResult<()> {
    let Some(first) = raw.first() else {
        return usage("no command given (see imgsign --help)");
    };
    match first.to_str() {
        Some("-h" | "--help") => return show(out, &help::main_help()),
        Some("help") => return help_for(raw.get(1..).unwrap_or_default(), out),
        Some("-V" | "--version") => return show(out, &format!("imgsign {}\n", imgsign::VERSION)),
        _ => {}
    }
    let (command, used) = match find(raw, false)? {
        Found::Command(c, used) => (c, used),
        Found::GroupHelp(g) => return show(out, &help::group_help(g)),
    };
    let rest = raw.get(used..).unwrap_or_default();
    match args::parse(rest, used + 1, &command.opts(), &spec::all_opts())? {
        Parse::Help => show(out, &help::command_help(command)),
        Parse::Run(parsed) => (command.run)(&parsed, out),
    }
}

/// `imgsign help [COMMAND]`.
fn help_for(words: &[OsString], out: &mut Out) -> CliResult<()> {
    if words.is_empty() {
        return show(out, &help::main_help());
    }
    let (command, used) = match find(words, true)? {
        Found::Command(c, used) => (c, used),
        Found::GroupHelp(g) => return show(out, &help::group_help(g)),
    };
    if used < words.len() {
        return usage(format!("argument {} is not expected after help {}", used + 2, command.name));
    }
    show(out, &help::command_help(command))
}

fn show(out: &mut Out, text: &str) -> CliResult<()> {
    out.text(text)?;
    out.flush()
}

/// What the first words of a command line name.
enum Found {
    /// A command, named by this many words.
    Command(&'static Command, usize),
    /// A group's help (`origin --help`, `help origin`).
    GroupHelp(&'static str),
}

/// The command `raw` starts with (`in_help`: the words after `imgsign help`).
fn find(raw: &[OsString], in_help: bool) -> CliResult<Found> {
    let words: Vec<Option<&str>> = raw.iter().map(|w| w.to_str()).collect();
    for c in COMMANDS {
        let name: Vec<&str> = c.name.split(' ').collect();
        if words.len() >= name.len() && name.iter().zip(&words).all(|(n, w)| Some(*n) == *w) {
            return Ok(Found::Command(c, name.len()));
        }
    }
    let first = words.first().copied().flatten();
    let in_group: Vec<(&'static str, &'static str)> =
        COMMANDS.iter().filter_map(|c| c.name.split_once(' ')).filter(|(g, _)| Some(*g) == first).collect();
    let group: Vec<&str> = in_group.iter().map(|(_, sub)| *sub).collect();
    if let Some((g, _)) = in_group.first().copied() {
        return match words.get(1).copied() {
            None if in_help => Ok(Found::GroupHelp(g)),
            None => usage(format!("{g} needs a command: {}", group.join(" or "))),
            Some(Some("-h" | "--help")) => Ok(Found::GroupHelp(g)),
            Some(w) => usage(format!(
                "argument 2 is not a command of {g} (expected {}{})",
                group.join(" or "),
                near(w, &group)
            )),
        };
    }
    let top: Vec<&str> = COMMANDS.iter().map(|c| c.name.split(' ').next().unwrap_or(c.name)).collect();
    usage(format!("argument 1 is not a command{} (see imgsign --help)", near(first, &top)))
}

/// `; did you mean X?` for a word close to one of `names` (only a known name is shown).
fn near(word: Option<&str>, names: &[&str]) -> String {
    word.and_then(|w| {
        names.iter().map(|n| (args::distance(w, n), *n)).filter(|(d, _)| *d <= 2).min_by_key(|(d, _)| *d)
    })
    .map(|(_, n)| format!("; did you mean {n}?"))
    .unwrap_or_default()
}
