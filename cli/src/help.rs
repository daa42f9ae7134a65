//! Help text. Names and defaults come from the core's constants, never typed here.

use crate::output::BROKEN_PIPE_STATUS;
use crate::spec::{COMMANDS, Command, GROUPS, notes};
use imgsign::{BuilderOptions, OptionKind, OptionSpec, Profile, Provider, UrlBuilder};

const FOOTER: &str = "\
EXIT STATUS: 0 success; 1 an input failed (refused, or a verification failed) or
input/output failed; 2 usage error (nothing was processed); {broken_pipe} standard output
was closed by its reader (quietly, as a shell reports a tool ended by SIGPIPE).
ERRORS: one line each on standard error: imgsign: error[<code>]: <message>. The code is
the library's (invalid_key, signature_mismatch, ...), usage, or io. No message repeats
a key, an argument or a header value; arguments are named by position ($1 is 1).";

/// `imgsign --help`.
pub fn main_help() -> String {
    let mut s = format!("imgsign {}: build, sign and verify image-CDN URLs\n", imgsign::VERSION);
    for line in wrap(&format!("Providers: {}.", names(Provider::ALL.iter().map(|p| p.name()))), 90) {
        s.push_str(line.trim_start());
        s.push('\n');
    }
    s.push_str(
        "\nUSAGE:\n  imgsign COMMAND [OPTIONS] [ARGUMENTS]\n  imgsign COMMAND --help     that command's help \
         (sign --help: each provider's secrets and options)\n  imgsign --version\n\nCOMMANDS:\n",
    );
    let width = COMMANDS.iter().map(|c| c.name.len()).max().unwrap_or(0);
    for c in COMMANDS {
        s.push_str(&format!("  {:width$}  {}\n", c.name, c.summary));
    }
    s.push_str(
        "\nsign, verify, build and srcset read their inputs from standard input, one per line,\n\
         when none are given, and stream one result line per input (10,000 inputs are one\n\
         process). The key may come from the IMGSIGN_KEY environment variable instead of\n\
         --key, which keeps it out of shell history and process lists.\n\n\
         EXAMPLES:\n  \
         imgsign sign --provider pixta --key 'wakanda123@' \\\n      \
         'https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop'\n  \
         IMGSIGN_KEY=FOO123bar imgsign build --domain demo.imgix.net /users/1.png w=400 h=300\n  \
         IMGSIGN_KEY=FOO123bar imgsign build --domain demo.imgix.net < paths.txt\n  \
         imgsign verify --provider imgix --key FOO123bar --previous-key OLDKEY < urls.txt\n  \
         imgsign origin sign --key 0123456789abcdef --request-id abc --timestamp 1709332618\n\n",
    );
    s.push_str(&fill(FOOTER));
    s.push('\n');
    s
}

/// `imgsign origin --help`.
pub fn group_help(group: &str) -> String {
    let about = GROUPS.iter().find(|(g, _)| *g == group).map_or("", |(_, about)| about);
    let mut s = format!("imgsign {group}: {about}\n\nCOMMANDS:\n");
    let prefix = format!("{group} ");
    for c in COMMANDS.iter().filter(|c| c.name.starts_with(&prefix)) {
        s.push_str(&format!("  imgsign {:14} {}\n", c.name, c.summary));
    }
    s.push_str(&format!("\nimgsign {group} sign --help (or verify --help) shows a command's options.\n"));
    s
}

/// `imgsign NAME --help`.
pub fn command_help(c: &Command) -> String {
    // A command without arguments has an empty synopsis: no trailing space.
    let usage = format!("imgsign {} {}", c.name, c.synopsis);
    let mut s = format!("imgsign {}: {}\n\nUSAGE:\n  {}\n\n", c.name, c.summary, usage.trim_end());
    s.push_str(c.description);
    s.push_str("\n\nOPTIONS:\n");
    let label = |name: &str, value: Option<&str>| match value {
        Some(v) => format!("{name} {v}"),
        None => name.to_owned(),
    };
    let opts = c.opts();
    let width = opts.iter().map(|o| label(o.name, o.value).len()).max().unwrap_or(0).max(10);
    for o in opts {
        s.push_str(&format!("  {:width$}  {}\n", label(o.name, o.value), fill(o.help)));
    }
    s.push_str(&format!("  {:width$}  print this help\n", "-h, --help"));
    for note in notes(c.name) {
        s.push('\n');
        s.push_str(&fill(note));
        s.push('\n');
    }
    s.push('\n');
    s.push_str(&fill(FOOTER));
    s.push('\n');
    s
}

/// Every provider's secrets, options and per-call values, from the core's scheme data.
fn schemes() -> String {
    let mut s = String::from(
        "PROVIDERS: each one's secrets, its options (--option NAME=VALUE) and the values a call\n\
         gives (--value NAME=VALUE):\n",
    );
    let width = Provider::ALL.iter().map(|p| p.name().len()).max().unwrap_or(0);
    for p in Provider::ALL {
        let scheme = p.scheme();
        let forms = scheme.secrets;
        let mut secrets = format!("--key: the {} ({})", forms.key_name, forms.key.name());
        if let Some(salt) = forms.salt {
            let optional = if forms.salt_optional { ", optional" } else { "" };
            secrets.push_str(&format!("; --salt ({}{optional})", salt.name()));
        }
        s.push_str(&format!("  {:width$}  {secrets}\n", p.name()));
        let lines = scheme
            .options
            .iter()
            .map(|o| ("--option", o))
            .chain(scheme.values.iter().map(|v| ("--value", v)));
        for (flag, o) in lines {
            let indent = " ".repeat(width + 4);
            for line in wrap(&format!("{flag} {}", describe(o)), 98 - indent.len()) {
                s.push_str(&format!("{indent}{line}\n"));
            }
        }
    }
    s.pop();
    s
}

/// `name=TYPE (default d): help`, for the providers' table.
fn describe(o: &OptionSpec) -> String {
    let kind = match o.kind {
        OptionKind::Int { min, max: i64::MAX } => format!("{min}.."),
        OptionKind::Int { min, max } => format!("{min}..{max}"),
        OptionKind::Bool => "true|false".to_owned(),
        OptionKind::Choice(names) => names.join("|"),
        OptionKind::Text => "TEXT".to_owned(),
    };
    let default = o.default.describe().map(|d| format!(" (default {d})")).unwrap_or_default();
    format!("{}={kind}{default}: {}", o.name, o.help)
}

/// `text` in lines of at most `width` characters, later ones indented by two spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let Some(line) = lines.last_mut() else { break };
        if !line.trim().is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(format!("  {word}"));
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

fn names<'a>(it: impl Iterator<Item = &'a str>) -> String {
    it.collect::<Vec<_>>().join(", ")
}

fn list<T: std::fmt::Display>(items: &[T]) -> String {
    items.iter().map(ToString::to_string).collect::<Vec<_>>().join(",")
}

/// Replaces each `{placeholder}` with the core's value.
fn fill(text: &str) -> String {
    // The provider a builder gets when none is given, asked of the core.
    let provider = UrlBuilder::new("demo.imgix.net", BuilderOptions::default())
        .map(|b| format!(" (default {})", b.provider().name()))
        .unwrap_or_default();
    let qualities: Vec<String> = imgsign::DEFAULT_QUALITIES.iter().map(|(r, q)| format!("{r}={q}")).collect();
    let values = [
        ("{providers}", names(Provider::ALL.iter().map(|p| p.name()))),
        ("{default_provider}", provider),
        (
            "{compat_profiles}",
            names(Profile::ALL.iter().filter(|p| **p != Profile::default()).map(|p| p.name())),
        ),
        ("{profile}", Profile::default().name().to_owned()),
        ("{min_width}", imgsign::DEFAULT_MIN_WIDTH.to_string()),
        ("{max_width}", imgsign::DEFAULT_MAX_WIDTH.to_string()),
        ("{tolerance}", imgsign::DEFAULT_WIDTH_TOLERANCE.to_string()),
        ("{dpr}", list(&imgsign::DEFAULT_DEVICE_PIXEL_RATIOS)),
        ("{qualities}", qualities.join(",")),
        ("{origin_tolerance}", format!("{} s", imgsign::DEFAULT_ORIGIN_TOLERANCE)),
        ("{broken_pipe}", BROKEN_PIPE_STATUS.to_string()),
        ("{schemes}", schemes()),
    ];
    let mut out = text.to_owned();
    for (placeholder, value) in values {
        out = out.replace(placeholder, &value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_filled() {
        let mut all = main_help();
        for c in COMMANDS {
            all.push_str(&command_help(c));
        }
        for (g, _) in GROUPS {
            all.push_str(&group_help(g));
        }
        assert!(!all.contains('{') && !all.contains('}'), "unfilled placeholder in help");
        assert!(all.lines().all(|l| l.chars().count() <= 100), "a help line is too long");
    }
}
