//! The commands and their options: what the parser accepts and what the help shows.
//! Help text may name a default only through a `{placeholder}` filled from the core.

use crate::args::{Opt, Parsed};
use crate::commands;
use crate::output::{CliResult, Out};

/// A (sub)command.
pub struct Command {
    /// The words that select it: `sign`, or `origin sign`.
    pub name: &'static str,
    /// One line for the command list.
    pub summary: &'static str,
    /// The synopsis after `imgsign NAME`.
    pub synopsis: &'static str,
    /// What it does, how it reads and writes.
    pub description: &'static str,
    /// Its options, in groups (the builder's options are shared by `build` and `srcset`).
    pub groups: &'static [&'static [&'static Opt]],
    /// Runs it.
    pub run: fn(&Parsed, &mut Out) -> CliResult<()>,
}

impl Command {
    /// Its options, in the order of its help.
    pub fn opts(&self) -> Vec<&'static Opt> {
        self.groups.iter().flat_map(|g| g.iter().copied()).collect()
    }
}

macro_rules! opt {
    ($id:ident, $name:literal, $value:expr, $help:literal) => {
        static $id: Opt = Opt { name: $name, value: $value, help: $help };
    };
}

opt!(PROVIDER, "--provider", Some("NAME"), "one of the PROVIDERS below (required, unless --sources)");
opt!(BUILD_PROVIDER, "--provider", Some("NAME"), "one of the PROVIDERS below{default_provider}");
opt!(KEY, "--key", Some("KEY"), "signing key (default: the IMGSIGN_KEY environment variable)");
opt!(SALT, "--salt", Some("SALT"), "a provider's salt, when it has one (default: IMGSIGN_SALT)");
opt!(PREVIOUS_KEY, "--previous-key", Some("KEY"), "a key still accepted while keys rotate (repeatable)");
opt!(PREVIOUS_SALT, "--previous-salt", Some("SALT"), "the salt of each --previous-key, in the same order");
opt!(
    OPTION,
    "--option",
    Some("NAME=VALUE"),
    "an option of the provider's scheme (repeatable; see PROVIDERS)"
);
opt!(VALUE, "--value", Some("NAME=VALUE"), "a per-call value the scheme signs (repeatable; see PROVIDERS)");
opt!(EXPIRES_TOKEN, "--expires", Some("TS"), "the token expires at this UNIX time");
opt!(EXPIRES_IN_TOKEN, "--expires-in", Some("SECS"), "the token expires this many seconds from now");
opt!(
    NOW_TOKEN,
    "--now",
    Some("TS"),
    "the time expiry counts from or is checked against (default: the clock)"
);
opt!(EXPIRES, "--expires", Some("TS"), "the URL expires at this UNIX time");
opt!(EXPIRES_IN, "--expires-in", Some("SECS"), "the URL expires this many seconds from now");
opt!(NOW_SIGN, "--now", Some("TS"), "the time --expires-in counts from (default: the clock)");
opt!(NOW_VERIFY, "--now", Some("TS"), "the time expiry is checked against (default: the clock)");
opt!(
    DOMAIN,
    "--domain",
    Some("HOST"),
    "the CDN host name, such as demo.imgix.net (required, unless --sources)"
);
opt!(SOURCES, "--sources", Some("FILE"), "several sources from a .toml or .json file (see SOURCES FILE)");
opt!(KEYS_IN_FILE, "--keys-in-file", None, "let the sources file hold keys and salts itself");
opt!(SOURCE, "--source", Some("NAME"), "the source of --sources to build with");
opt!(HOST, "--host", Some("HOST"), "with --sources: verify request targets a server for HOST received");
opt!(BUILD_KEY, "--key", Some("KEY"), "signing key (default: IMGSIGN_KEY; unsigned when neither is set)");
opt!(PROFILE, "--profile", Some("NAME"), "{profile} (default) or {compat_profiles}");
opt!(HTTP, "--http", None, "emit http:// URLs");
opt!(HTTPS, "--https", None, "emit https:// URLs");
opt!(LIBRARY_PARAM, "--include-library-param", None, "add the library-identifying ixlib param");
opt!(NO_LIBRARY_PARAM, "--no-include-library-param", None, "do not add it (default: the profile's)");
opt!(NO_PATH_ENCODING, "--disable-path-encoding", None, "use the path as given (already encoded)");
opt!(WIDTHS, "--widths", Some("LIST"), "explicit widths, such as 100,200,400 (fluid srcset)");
opt!(MIN_WIDTH, "--min-width", Some("N"), "smallest generated width (default {min_width})");
opt!(MAX_WIDTH, "--max-width", Some("N"), "largest generated width (default {max_width})");
opt!(TOLERANCE, "--tolerance", Some("T"), "step between generated widths (default {tolerance})");
opt!(DPR, "--dpr", Some("LIST"), "device-pixel ratios of a fixed srcset (default {dpr})");
opt!(QUALITY, "--quality", Some("LIST"), "RATIO=QUALITY pairs (default {qualities})");
opt!(NO_VARIABLE_QUALITY, "--no-variable-quality", None, "add no per-ratio q param to a fixed srcset");
opt!(ORIGIN_KEY, "--key", Some("KEY"), "request signing key (default: the IMGSIGN_KEY environment variable)");
opt!(REQUEST_ID, "--request-id", Some("ID"), "the request id (required)");
opt!(TIMESTAMP, "--timestamp", Some("TS"), "the request's UNIX time (required)");
opt!(HEADER, "--header", Some("'NAME: VALUE'"), "a request header (repeatable)");
opt!(NOW_ORIGIN, "--now", Some("TS"), "the time the timestamp is checked against (default: the clock)");
opt!(ORIGIN_TOLERANCE, "--tolerance", Some("SECS"), "accepted clock difference (default {origin_tolerance})");

const BUILDER_OPTS: &[&Opt] = &[
    &DOMAIN,
    &SOURCES,
    &SOURCE,
    &KEYS_IN_FILE,
    &BUILD_PROVIDER,
    &BUILD_KEY,
    &SALT,
    &OPTION,
    &PROFILE,
    &HTTP,
    &HTTPS,
    &LIBRARY_PARAM,
    &NO_LIBRARY_PARAM,
    &NO_PATH_ENCODING,
];

/// The stdin format of `build` and `srcset`, shown in their help.
const LINE_FORMAT: &str = "\
With no PATH, reads standard input: one input per line, PATH [NAME=VALUE...], the
words of the command line, quoted as a POSIX shell quotes them (without expansion;
Python's shlex.join writes such lines):
  /users/1.png w=400 h=300
  '/photos/summer beach.jpg' txt='Hello, world!' q='a&b=c'
  /it\\'s.jpg \"mark=it's\"
A word splits at its first '='; the value may hold '=', '&', spaces. Inside '...'
nothing is special; inside \"...\" only \\\" and \\\\ are; elsewhere \\ escapes the next
character. A trailing \\r is removed (CRLF files work); blank lines are skipped.";

/// The sources file of `--sources`, shown in the help of the commands that take it.
const SOURCES_FILE: &str = "\
SOURCES FILE: --sources FILE reads several sources (a .toml or .json file); sign and
verify then choose each URL's source by its host and path (the longest path_prefix the
path is under wins), build and srcset build with --source NAME. Each source is a table
sources.NAME with domain (required), path_prefix, provider, profile, use_https,
include_library_param, disable_path_encoding, options (a table of the scheme's options),
and its secrets by the environment variables that hold them: key_env, previous_keys_env
(a list), salt_env, previous_salts_env. A secret written in the file (key, previous_keys,
salt, previous_salts) is refused unless --keys-in-file is given. For example:
  [sources.shop]
  domain = \"demo.imgix.net\"
  key_env = \"SHOP_IMGIX_TOKEN\"
A URL no source takes is error[unknown_source].";

/// What every batch command says about its output and errors.
const BATCH_NOTE: &str = "\
Results are streamed, one line per input that succeeds, in input order. A failing
input is one line on standard error, imgsign: error[<code>]: line N: ..., and the
batch goes on; the exit status is then 1.";

/// Every command, in the order of the help.
pub static COMMANDS: &[Command] = &[
    Command {
        name: "sign",
        summary: "sign URLs",
        synopsis: "(--provider NAME [--key KEY] | --sources FILE) [OPTIONS] [URL...]",
        description: "\
Signs each URL as given with the provider's scheme: the signature goes where the
provider puts it (a last query param, a path segment), replacing an existing one or
the unsigned marker. With no URL, reads URLs from standard input, one per line (a
trailing \\r is removed; blank lines are skipped).",
        groups: &[
            &[&PROVIDER, &KEY, &SALT, &OPTION, &EXPIRES, &EXPIRES_IN, &NOW_SIGN, &VALUE],
            &[&SOURCES, &KEYS_IN_FILE],
        ],
        run: commands::sign,
    },
    Command {
        name: "verify",
        summary: "verify signed URLs",
        synopsis: "(--provider NAME [--key KEY] | --sources FILE) [OPTIONS] [URL...]",
        description: "\
Checks each URL's signature (and expiry) against the key and the previous keys, and
prints \"valid URL\" for each one that verifies. With no URL, reads URLs from standard
input, one per line (a trailing \\r is removed; blank lines are skipped).",
        groups: &[
            &[&PROVIDER, &KEY, &SALT, &PREVIOUS_KEY, &PREVIOUS_SALT, &OPTION, &NOW_VERIFY, &VALUE],
            &[&SOURCES, &KEYS_IN_FILE, &HOST],
        ],
        run: commands::verify,
    },
    Command {
        name: "build",
        summary: "build (and sign) a URL from a path and params",
        synopsis: "(--domain HOST | --sources FILE --source NAME) [OPTIONS] [PATH [NAME=VALUE...]]",
        description: "\
Builds the URL of PATH with the params on the domain, signed when a key is given.",
        groups: &[BUILDER_OPTS],
        run: commands::build,
    },
    Command {
        name: "srcset",
        summary: "build a srcset attribute value",
        synopsis: "(--domain HOST | --sources FILE --source NAME) [OPTIONS] [PATH [NAME=VALUE...]]",
        description: "\
Builds a srcset for PATH: a fluid one (width descriptors) unless w or h fixes the
size, then a fixed one (density descriptors). Entries are separated by \",\\n\"; read
from standard input, each srcset is one line with entries separated by \", \".",
        groups: &[
            BUILDER_OPTS,
            &[&WIDTHS, &MIN_WIDTH, &MAX_WIDTH, &TOLERANCE, &DPR, &QUALITY, &NO_VARIABLE_QUALITY],
        ],
        run: commands::srcset,
    },
    Command {
        name: "reconstruct",
        summary: "merge params into an image URL's query and sign it again",
        synopsis: "(--domain HOST | --sources FILE --source NAME) [OPTIONS] [URL [NAME=VALUE...]]",
        description: "\
Takes URL (an image URL an API returned, say), merges the params into its query (new
values win) and writes and signs it again by the builder's profile, provider and key,
keeping the URL's scheme, host and port. With no URL, reads standard input: one URL and
its params per line, in the format below.",
        groups: &[BUILDER_OPTS],
        run: commands::reconstruct,
    },
    Command {
        name: "widths",
        summary: "print the widths a fluid srcset uses",
        synopsis: "[--profile NAME] [--min-width N] [--max-width N] [--tolerance T]",
        description: "Prints the generated widths, comma-separated, on one line.",
        groups: &[&[&PROFILE, &MIN_WIDTH, &MAX_WIDTH, &TOLERANCE]],
        run: commands::widths,
    },
    Command {
        name: "profiles",
        summary: "print each profile's defaults and the ixlib value it writes",
        synopsis: "",
        description: "\
Prints one JSON object per profile, one a line: the profile's name, the fluid srcset
range it uses when none is given (min_width, max_width, tolerance; null for a profile
without srcset), the ixlib value it writes (library_param) and its version
(library_version), and whether ixlib is on by default (include_library_param).",
        groups: &[],
        run: commands::profiles,
    },
    Command {
        name: "token sign",
        summary: "make a token on its own (for a cookie or a header)",
        synopsis: "--provider NAME [--key KEY] [--expires TS | --expires-in SECS] [OPTIONS]",
        description: "Prints the token of a provider whose signature is a token on its own.",
        groups: &[&[&PROVIDER, &KEY, &SALT, &OPTION, &EXPIRES_TOKEN, &EXPIRES_IN_TOKEN, &NOW_TOKEN, &VALUE]],
        run: commands::token_sign,
    },
    Command {
        name: "token verify",
        summary: "verify tokens on their own",
        synopsis: "--provider NAME [--key KEY] [--previous-key KEY]... [OPTIONS] [TOKEN...]",
        description: "\
Checks each token against the key and the previous keys, and prints \"valid TOKEN\"
for each one that verifies. With no TOKEN, reads tokens from standard input, one per
line.",
        groups: &[&[&PROVIDER, &KEY, &SALT, &PREVIOUS_KEY, &PREVIOUS_SALT, &OPTION, &NOW_TOKEN, &VALUE]],
        run: commands::token_verify,
    },
    Command {
        name: "origin sign",
        summary: "sign an origin request (imgix request signing)",
        synopsis: "[--key KEY] --request-id ID --timestamp TS",
        description: "Prints the request's signature header value (v1,<hex>).",
        groups: &[&[&ORIGIN_KEY, &REQUEST_ID, &TIMESTAMP]],
        run: commands::origin_sign,
    },
    Command {
        name: "origin verify",
        summary: "verify an origin request's signature headers",
        synopsis: "[--key KEY] --header 'NAME: VALUE'... [--now TS] [--tolerance SECS]",
        description: "Prints \"valid\" when the signature headers verify.",
        groups: &[&[&ORIGIN_KEY, &HEADER, &NOW_ORIGIN, &ORIGIN_TOLERANCE]],
        run: commands::origin_verify,
    },
];

/// Extra help paragraphs of a command. `{schemes}` is the providers' table, from the core.
pub fn notes(name: &str) -> &'static [&'static str] {
    match name {
        "build" | "srcset" | "reconstruct" => &[LINE_FORMAT, BATCH_NOTE, SOURCES_FILE, "{schemes}"],
        "sign" | "verify" => &[BATCH_NOTE, SOURCES_FILE, "{schemes}"],
        "token verify" => &[BATCH_NOTE, "{schemes}"],
        "token sign" => &["{schemes}"],
        _ => &[],
    }
}

/// The groups of commands (`origin sign`, `token sign`) and what each is for.
pub const GROUPS: &[(&str, &str)] = &[
    ("token", "tokens on their own, for cookies and headers (token schemes)"),
    ("origin", "the commands of an imgix origin (request signing)"),
];

/// Every option of every command, so a misplaced one can be named.
pub fn all_opts() -> Vec<&'static Opt> {
    COMMANDS.iter().flat_map(Command::opts).collect()
}
