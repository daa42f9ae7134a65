//! `--sources FILE`: several sources read from a TOML or JSON file (by its extension). The
//! file names, for each source, the environment variables that hold its secrets; a secret in
//! the file itself is refused unless the user passes `--keys-in-file`. The file's shape is
//! the CLI's; every rule of the sources (names, prefixes, matching, duplicates, keys) is the
//! core's.

use crate::output::{CliResult, Failure, describe, usage};
use imgsign::{
    ArgumentProblem, BuilderOptions, Error, ErrorCode, Operation, ParamValue, Profile, Provider, SourceSpec,
    Sources, argument_error,
};

/// The fields of one source in the file. Secrets come from environment variables (`*_env`);
/// `key`, `previous_keys`, `salt` and `previous_salts` are read only with `--keys-in-file`.
pub const FIELDS: [&str; 16] = [
    "domain",
    "path_prefix",
    "provider",
    "key_env",
    "previous_keys_env",
    "salt_env",
    "previous_salts_env",
    "options",
    "profile",
    "use_https",
    "include_library_param",
    "disable_path_encoding",
    "key",
    "previous_keys",
    "salt",
    "previous_salts",
];

/// A value of the file, TOML or JSON alike, in the file's order.
enum Node {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Null,
    Array(Vec<Node>),
    Table(Vec<(String, Node)>),
    /// A value of another type (a TOML date, a JSON number beyond 64 bits), by its type name.
    Other(&'static str),
}

impl Node {
    fn type_name(&self) -> &'static str {
        match self {
            Node::Str(_) => "a string",
            Node::Int(_) => "an integer",
            Node::Float(_) => "a number",
            Node::Bool(_) => "a boolean",
            Node::Null => "null",
            Node::Array(_) => "an array",
            Node::Table(_) => "a table",
            Node::Other(t) => t,
        }
    }

    fn from_toml(v: toml::Value) -> Node {
        match v {
            toml::Value::String(s) => Node::Str(s),
            toml::Value::Integer(i) => Node::Int(i),
            toml::Value::Float(f) => Node::Float(f),
            toml::Value::Boolean(b) => Node::Bool(b),
            toml::Value::Array(a) => Node::Array(a.into_iter().map(Node::from_toml).collect()),
            toml::Value::Table(t) => {
                Node::Table(t.into_iter().map(|(k, v)| (k, Node::from_toml(v))).collect())
            }
            toml::Value::Datetime(_) => Node::Other("a date"),
        }
    }

    fn from_json(v: serde_json::Value) -> Node {
        match v {
            serde_json::Value::String(s) => Node::Str(s),
            serde_json::Value::Number(n) => match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => Node::Int(i),
                (None, Some(f)) if !n.is_u64() => Node::Float(f),
                _ => Node::Other("a number beyond 64 bits"),
            },
            serde_json::Value::Bool(b) => Node::Bool(b),
            serde_json::Value::Null => Node::Null,
            serde_json::Value::Array(a) => Node::Array(a.into_iter().map(Node::from_json).collect()),
            serde_json::Value::Object(o) => {
                Node::Table(o.into_iter().map(|(k, v)| (k, Node::from_json(v))).collect())
            }
        }
    }
}

/// Reads the sources file at `path`. `keys_in_file`: the user allows secrets in the file.
pub fn load(path: &str, keys_in_file: bool) -> CliResult<Sources> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::Io(format!("cannot read the sources file: {}", describe(&e))))?;
    let root = if path.ends_with(".toml") {
        let table: toml::Table =
            text.parse().map_err(|e: toml::de::Error| file_error(&text, e.span(), e.message()))?;
        Node::from_toml(toml::Value::Table(table))
    } else if path.ends_with(".json") {
        let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
            let what = match e.classify() {
                serde_json::error::Category::Eof => "it ends too early",
                _ => "it is not valid JSON",
            };
            invalid(format!("sources file: {what} (line {}, column {})", e.line(), e.column()))
        })?;
        Node::from_json(value)
    } else {
        return usage("--sources: the file's name must end in .toml or .json");
    };
    let specs = specs(root, keys_in_file)?;
    Ok(Sources::new(&specs)?)
}

fn invalid(message: String) -> Failure {
    Failure::Lib(Error::new(ErrorCode::InvalidParam, message))
}

/// A TOML parse error: its line and column and the parser's words (which quote no value).
fn file_error(text: &str, span: Option<std::ops::Range<usize>>, message: &str) -> Failure {
    let at = span.map_or(0, |s| s.start).min(text.len());
    let before = text.get(..at).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let words = message.lines().next().unwrap_or("invalid TOML");
    invalid(format!("sources file: not valid TOML (line {line}, column {column}: {words})"))
}

/// The `sources` table: one source per name, in the file's order.
fn specs(root: Node, keys_in_file: bool) -> CliResult<Vec<SourceSpec>> {
    let Node::Table(top) = root else {
        return Err(invalid("sources file: expected a table with a sources table".into()));
    };
    let mut sources = None;
    for (key, value) in top {
        if key != "sources" {
            return Err(invalid(format!(
                "sources file: unknown field {} (expected sources)",
                imgsign::excerpt(&key)
            )));
        }
        sources = Some(value);
    }
    let Some(Node::Table(list)) = sources else {
        return Err(invalid(
            "sources file: expected a sources table (sources.NAME = { domain = ... })".into(),
        ));
    };
    list.into_iter().map(|(name, fields)| spec(name, fields, keys_in_file)).collect()
}

/// The error of field `field` of source `name`: the code the core gives that argument.
fn wrong(name: &str, field: &str, expected: &str, got: &str) -> Failure {
    let e = argument_error(Operation::Sources, field, ArgumentProblem::WrongType { expected, got });
    Failure::Lib(e.at(&format!("sources[{name}]")))
}

fn string(name: &str, field: &str, v: Node) -> CliResult<Option<String>> {
    match v {
        Node::Null => Ok(None),
        Node::Str(s) => Ok(Some(s)),
        other => Err(wrong(name, field, "a string", other.type_name())),
    }
}

fn strings(name: &str, field: &str, v: Node) -> CliResult<Vec<String>> {
    match v {
        Node::Null => Ok(Vec::new()),
        Node::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| match item {
                Node::Str(s) => Ok(s),
                other => Err(wrong(name, &format!("{field}[{i}]"), "a string", other.type_name())),
            })
            .collect(),
        other => Err(wrong(name, field, "an array of strings", other.type_name())),
    }
}

fn boolean(name: &str, field: &str, v: Node) -> CliResult<Option<bool>> {
    match v {
        Node::Null => Ok(None),
        Node::Bool(b) => Ok(Some(b)),
        other => Err(wrong(name, field, "a boolean", other.type_name())),
    }
}

/// The scheme's options: a table of strings, numbers and booleans.
fn options(name: &str, v: Node) -> CliResult<Vec<(String, ParamValue)>> {
    let entries = match v {
        Node::Null => return Ok(Vec::new()),
        Node::Table(entries) => entries,
        other => return Err(wrong(name, "options", "a table", other.type_name())),
    };
    entries
        .into_iter()
        .map(|(k, v)| {
            let value = match v {
                Node::Str(s) => ParamValue::Str(s),
                Node::Int(i) => ParamValue::Int(i),
                Node::Float(f) => ParamValue::Float(f),
                Node::Bool(b) => ParamValue::Bool(b),
                Node::Null => ParamValue::Null,
                other => {
                    let field = format!("options[{}]", imgsign::excerpt(&k));
                    return Err(wrong(name, &field, "a string, number or boolean", other.type_name()));
                }
            };
            Ok((k, value))
        })
        .collect()
}

/// The value of environment variable `variable` for `field` (`key_env` holds `key`'s).
fn from_env(name: &str, field: &str, variable: &str) -> CliResult<String> {
    let fail = |what: &str| {
        let message = format!("sources[{name}]: {field}_env: the environment variable {variable} {what}");
        Failure::Lib(Error::new(imgsign::argument_error_code(Operation::Sources, field), message))
    };
    match std::env::var_os(variable) {
        None => Err(fail("is not set")),
        Some(v) => v.into_string().map_err(|_| fail("is not valid UTF-8")),
    }
}

/// A secret: from its `*_env` variable, or from the file with `--keys-in-file`.
fn secret(
    name: &str,
    field: &str,
    inline: Option<Node>,
    env: Option<Node>,
    keys_in_file: bool,
) -> CliResult<Option<String>> {
    match (inline, env) {
        (Some(_), Some(_)) => Err(invalid(format!("sources[{name}]: give {field} or {field}_env, not both"))),
        (Some(v), None) if keys_in_file => string(name, field, v),
        (Some(_), None) => Err(refused(name, field)),
        (None, Some(v)) => match string(name, &format!("{field}_env"), v)? {
            Some(variable) => Ok(Some(from_env(name, field, &variable)?)),
            None => Ok(None),
        },
        (None, None) => Ok(None),
    }
}

/// The secrets of a list field (`previous_keys`), as [`secret`].
fn secrets(
    name: &str,
    field: &str,
    inline: Option<Node>,
    env: Option<Node>,
    keys_in_file: bool,
) -> CliResult<Vec<String>> {
    match (inline, env) {
        (Some(_), Some(_)) => Err(invalid(format!("sources[{name}]: give {field} or {field}_env, not both"))),
        (Some(v), None) if keys_in_file => strings(name, field, v),
        (Some(_), None) => Err(refused(name, field)),
        (None, Some(v)) => strings(name, &format!("{field}_env"), v)?
            .iter()
            .map(|variable| from_env(name, field, variable))
            .collect(),
        (None, None) => Ok(Vec::new()),
    }
}

fn refused(name: &str, field: &str) -> Failure {
    Failure::Lib(Error::new(
        imgsign::argument_error_code(Operation::Sources, field),
        format!(
            "sources[{name}]: {field}: secrets are not read from the sources file (name an environment \
             variable with {field}_env, or pass --keys-in-file)"
        ),
    ))
}

/// One source of the file.
fn spec(name: String, fields: Node, keys_in_file: bool) -> CliResult<SourceSpec> {
    let Node::Table(fields) = fields else {
        return Err(wrong(&name, "sources", "a table", fields.type_name()));
    };
    let mut got: Vec<(&'static str, Node)> = Vec::new();
    for (key, value) in fields {
        match FIELDS.iter().find(|f| **f == key) {
            Some(f) => got.push((f, value)),
            None => {
                return Err(invalid(format!(
                    "sources[{name}]: unknown field {} (expected {})",
                    imgsign::excerpt(&key),
                    FIELDS.join(", ")
                )));
            }
        }
    }
    let mut take = |field: &str| got.iter().position(|(f, _)| *f == field).map(|i| got.remove(i).1);
    let located = |e: Error| Failure::Lib(e.at(&format!("sources[{name}]")));
    let provider = string(&name, "provider", take("provider").unwrap_or(Node::Null))?;
    let profile = string(&name, "profile", take("profile").unwrap_or(Node::Null))?;
    let key = secret(&name, "key", take("key"), take("key_env"), keys_in_file)?;
    let salt = secret(&name, "salt", take("salt"), take("salt_env"), keys_in_file)?;
    let previous_keys =
        secrets(&name, "previous_keys", take("previous_keys"), take("previous_keys_env"), keys_in_file)?;
    let previous_salts =
        secrets(&name, "previous_salts", take("previous_salts"), take("previous_salts_env"), keys_in_file)?;
    let options = BuilderOptions {
        provider: provider.map(|p| Provider::from_name(&p)).transpose().map_err(located)?,
        key,
        salt,
        options: options(&name, take("options").unwrap_or(Node::Null))?,
        profile: profile.map(|p| Profile::from_name(&p)).transpose().map_err(located)?,
        use_https: boolean(&name, "use_https", take("use_https").unwrap_or(Node::Null))?,
        include_library_param: boolean(
            &name,
            "include_library_param",
            take("include_library_param").unwrap_or(Node::Null),
        )?,
        disable_path_encoding: boolean(
            &name,
            "disable_path_encoding",
            take("disable_path_encoding").unwrap_or(Node::Null),
        )?,
    };
    Ok(SourceSpec {
        // A missing domain is the core's domain rule's error ("is empty").
        domain: string(&name, "domain", take("domain").unwrap_or(Node::Null))?.unwrap_or_default(),
        path_prefix: string(&name, "path_prefix", take("path_prefix").unwrap_or(Node::Null))?,
        options,
        previous_keys,
        previous_salts,
        name,
    })
}
