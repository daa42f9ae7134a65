//! Runs every vector of `conformance/vectors.json` against the core. A vector kind this
//! runner does not know is a failure, never a skip.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

use imgsign::{
    ArgumentProblem, BuilderOptions, Error, Operation, ParamValue, Profile, Provider, Secrets, SignOptions,
    Signer, SrcsetOptions, UrlBuilder, UrlOptions, VerifyOptions, Width,
};
use serde_json::Value;

#[path = "vectors/sources.rs"]
mod sources;

const MIN_VECTORS: usize = 250;

fn load() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../conformance/vectors.json");
    let text = std::fs::read_to_string(path).expect("conformance/vectors.json is readable");
    serde_json::from_str(&text).expect("conformance/vectors.json is valid JSON")
}

fn s<'a>(input: &'a Value, field: &str) -> Result<&'a str, String> {
    input[field].as_str().ok_or_else(|| format!("input.{field} is not a string"))
}

fn opt_s<'a>(input: &'a Value, field: &str) -> Result<Option<&'a str>, String> {
    match &input[field] {
        Value::Null => Ok(None),
        Value::String(v) => Ok(Some(v)),
        _ => Err(format!("input.{field} is not a string or null")),
    }
}

fn i(input: &Value, field: &str) -> Result<i64, String> {
    input[field].as_i64().ok_or_else(|| format!("input.{field} is not an integer"))
}

fn opt_i(input: &Value, field: &str) -> Result<Option<i64>, String> {
    match &input[field] {
        Value::Null => Ok(None),
        v => v.as_i64().map(Some).ok_or_else(|| format!("input.{field} is not an integer or null")),
    }
}

/// A boolean, or null for "not given".
fn opt_b(input: &Value, field: &str) -> Result<Option<bool>, String> {
    match &input[field] {
        Value::Null => Ok(None),
        v => v.as_bool().map(Some).ok_or_else(|| format!("input.{field} is not a boolean or null")),
    }
}

/// A number, or null for "not given".
fn opt_f(input: &Value, field: &str) -> Result<Option<f64>, String> {
    match &input[field] {
        Value::Null => Ok(None),
        v => v.as_f64().map(Some).ok_or_else(|| format!("input.{field} is not a number or null")),
    }
}

fn pairs<'a>(input: &'a Value, field: &str) -> Result<Vec<(&'a str, &'a Value)>, String> {
    input[field]
        .as_array()
        .ok_or_else(|| format!("input.{field} is not a list"))?
        .iter()
        .map(|p| match p.as_array().map(Vec::as_slice) {
            Some([Value::String(k), v]) => Ok((k.as_str(), v)),
            _ => Err(format!("input.{field} has an entry that is not [string, value]")),
        })
        .collect()
}

fn params(input: &Value) -> Result<Vec<(String, ParamValue)>, String> {
    pairs(input, "params")?.into_iter().map(|(k, v)| Ok((k.to_owned(), param_value(k, v)?))).collect()
}

/// A JSON object of named values (`options`, `values`), in the file's order.
fn named(input: &Value, field: &str) -> Result<Vec<(String, ParamValue)>, String> {
    input[field]
        .as_object()
        .ok_or_else(|| format!("input.{field} is not an object"))?
        .iter()
        .map(|(k, v)| Ok((k.clone(), param_value(k, v)?)))
        .collect()
}

fn param_value(k: &str, v: &Value) -> Result<ParamValue, String> {
    Ok(match v {
        Value::Null => ParamValue::Null,
        Value::Bool(x) => ParamValue::Bool(*x),
        Value::String(x) => ParamValue::Str(x.clone()),
        Value::Number(n) if n.is_i64() => ParamValue::Int(n.as_i64().unwrap()),
        Value::Number(n) if n.is_u64() => return Err(format!("param {k}: integer out of range")),
        Value::Number(n) => ParamValue::Float(n.as_f64().unwrap()),
        _ => return Err(format!("param {k}: unsupported value {v}")),
    })
}

/// The secrets of a `sign_*` (no previous keys) or `verify*` vector.
fn secrets(input: &Value, with_previous: bool) -> Result<Secrets, String> {
    Ok(Secrets {
        key: s(input, "key")?.to_owned(),
        salt: opt_s(input, "salt")?.map(str::to_owned),
        previous_keys: if with_previous { string_list(input, "previous_keys")? } else { Vec::new() },
        previous_salts: if with_previous { string_list(input, "previous_salts")? } else { Vec::new() },
    })
}

fn signer(input: &Value, with_previous: bool) -> Result<Result<Signer, Error>, String> {
    let secrets = secrets(input, with_previous)?;
    let options = named(input, "options")?;
    Ok(Provider::from_name(s(input, "provider")?).and_then(|p| Signer::with(p, &secrets, &options)))
}

fn verify_options(input: &Value) -> Result<VerifyOptions, String> {
    Ok(VerifyOptions { now: Some(i(input, "now")?), values: named(input, "values")? })
}

fn string_list(input: &Value, field: &str) -> Result<Vec<String>, String> {
    input[field]
        .as_array()
        .ok_or_else(|| format!("input.{field} is not a list"))?
        .iter()
        .map(|v| v.as_str().map(str::to_owned).ok_or_else(|| format!("{field}: not a string")))
        .collect()
}

fn string_pairs(input: &Value, field: &str) -> Result<Vec<(String, String)>, String> {
    pairs(input, field)?
        .into_iter()
        .map(|(k, v)| {
            v.as_str()
                .map(|v| (k.to_owned(), v.to_owned()))
                .ok_or_else(|| format!("{field}: value not a string"))
        })
        .collect()
}

fn builder(input: &Value) -> Result<Result<UrlBuilder, Error>, String> {
    let provider = match opt_s(input, "provider")?.map(Provider::from_name).transpose() {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    let profile = match opt_s(input, "profile")?.map(Profile::from_name).transpose() {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    let options = BuilderOptions {
        provider,
        key: opt_s(input, "key")?.map(str::to_owned),
        salt: opt_s(input, "salt")?.map(str::to_owned),
        options: named(input, "options")?,
        profile,
        use_https: opt_b(input, "use_https")?,
        include_library_param: opt_b(input, "include_library_param")?,
        disable_path_encoding: opt_b(input, "disable_path_encoding")?,
    };
    Ok(UrlBuilder::new(s(input, "domain")?, options))
}

fn float_list(input: &Value, field: &str) -> Result<Option<Vec<f64>>, String> {
    match &input[field] {
        Value::Null => Ok(None),
        Value::Array(a) => a
            .iter()
            .map(|v| v.as_f64().ok_or_else(|| format!("{field}: not a number")))
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        _ => Err(format!("input.{field} is not a list or null")),
    }
}

/// Widths: a JSON integer is an integer width, a number with a fraction or exponent a float.
fn widths(input: &Value) -> Result<Option<Vec<Width>>, String> {
    match &input["widths"] {
        Value::Null => Ok(None),
        Value::Array(a) => a
            .iter()
            .map(|v| match v {
                Value::Number(n) if n.is_i64() => Ok(Width::Int(n.as_i64().unwrap())),
                v => v.as_f64().map(Width::Float).ok_or_else(|| "widths: not a number".to_owned()),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        _ => Err("input.widths is not a list or null".into()),
    }
}

fn srcset_options(input: &Value) -> Result<SrcsetOptions, String> {
    let widths = widths(input)?;
    let variable_qualities = match &input["variable_qualities"] {
        Value::Null => None,
        Value::Array(a) => Some(
            a.iter()
                .map(|p| match p.as_array().map(Vec::as_slice) {
                    Some([r, q]) => match (r.as_f64(), q.as_i64()) {
                        (Some(r), Some(q)) => Ok((r, q)),
                        _ => Err("variable_qualities: bad entry".to_owned()),
                    },
                    _ => Err("variable_qualities: bad entry".to_owned()),
                })
                .collect::<Result<Vec<_>, _>>()?,
        ),
        _ => return Err("input.variable_qualities is not a list or null".into()),
    };
    Ok(SrcsetOptions {
        widths,
        min_width: opt_f(input, "min_width")?,
        max_width: opt_f(input, "max_width")?,
        tolerance: opt_f(input, "tolerance")?,
        device_pixel_ratios: float_list(input, "device_pixel_ratios")?,
        variable_qualities,
        disable_variable_quality: opt_b(input, "disable_variable_quality")?,
        disable_path_encoding: opt_b(input, "call_disable_path_encoding")?,
    })
}

/// The outcome of one vector: a JSON value on success, or an error.
fn run(kind: &str, input: &Value) -> Result<Result<Value, Error>, String> {
    let text = |r: Result<String, Error>| r.map(Value::String);
    let unit = |r: Result<(), Error>| r.map(|()| Value::Null);
    Ok(match kind {
        "sign_url" => {
            let options = SignOptions {
                expires: opt_i(input, "expires")?,
                values: named(input, "values")?,
                ..SignOptions::default()
            };
            let url = s(input, "url")?;
            text(signer(input, false)?.and_then(|signer| signer.sign_url_with(url, &options)))
        }
        "verify_url" => {
            let options = verify_options(input)?;
            let url = s(input, "url")?;
            unit(signer(input, true)?.and_then(|signer| signer.verify_url_with(url, &options)))
        }
        "verify" => {
            let options = verify_options(input)?;
            let target = s(input, "target")?;
            unit(signer(input, true)?.and_then(|signer| signer.verify_with(target, &options)))
        }
        "verify_tampered" => {
            let options = verify_options(input)?;
            let url = s(input, "url")?;
            let signer = match signer(input, true)? {
                Ok(signer) => signer,
                Err(e) => return Ok(Err(e)),
            };
            if let Err(e) = signer.verify_url_with(url, &options) {
                return Ok(Err(e));
            }
            let codes: Vec<&str> = input["codes"]
                .as_array()
                .ok_or("input.codes is not a list")?
                .iter()
                .map(|c| c.as_str().ok_or("input.codes has an entry that is not a string"))
                .collect::<Result<_, _>>()?;
            // They are verification failures by the core's own classification too.
            for code in &codes {
                let known = imgsign::ErrorCode::ALL.iter().find(|c| c.as_str() == *code);
                if !known.is_some_and(|c| c.is_verify_failure()) {
                    return Err(format!("input.codes: {code} is not a verification failure code"));
                }
            }
            for range in input["ranges"].as_array().ok_or("input.ranges is not a list")? {
                let (from, to) = match range.as_array().map(Vec::as_slice) {
                    Some([a, b]) => {
                        (a.as_u64().ok_or("bad range")? as usize, b.as_u64().ok_or("bad range")? as usize)
                    }
                    _ => return Err("input.ranges has an entry that is not [from, to]".into()),
                };
                for at in from..to {
                    let mut bytes = url.as_bytes().to_vec();
                    bytes[at] = if bytes[at] == b'a' { b'b' } else { b'a' };
                    let changed = String::from_utf8(bytes).map_err(|_| "a changed URL is not UTF-8")?;
                    match signer.verify_url_with(&changed, &options) {
                        Ok(()) => {
                            return Err(format!("byte {at} changed, the URL still verifies: {changed}"));
                        }
                        Err(e) if !codes.contains(&e.code().as_str()) => {
                            return Err(format!("byte {at} changed: {e}, expected one of {codes:?}"));
                        }
                        Err(_) => {}
                    }
                }
            }
            Ok(Value::Null)
        }
        "sign_token" => {
            let options = SignOptions {
                expires: opt_i(input, "expires")?,
                values: named(input, "values")?,
                ..SignOptions::default()
            };
            text(signer(input, false)?.and_then(|signer| signer.sign_token(&options)))
        }
        "verify_token" => {
            let options = verify_options(input)?;
            let token = s(input, "token")?;
            unit(signer(input, true)?.and_then(|signer| signer.verify_token(token, &options)))
        }
        "build_url" => {
            let params = params(input)?;
            let path = s(input, "path")?;
            let options = UrlOptions { disable_path_encoding: opt_b(input, "call_disable_path_encoding")? };
            text(builder(input)?.and_then(|bld| bld.build_url_with(path, &params, &options)))
        }
        "reconstruct" => {
            let params = params(input)?;
            let url = s(input, "original_url")?;
            text(builder(input)?.and_then(|bld| bld.reconstruct(url, &params)))
        }
        "build_srcset" => {
            let params = params(input)?;
            let options = srcset_options(input)?;
            let path = s(input, "path")?;
            text(builder(input)?.and_then(|bld| bld.build_srcset(path, &params, &options)))
        }
        "request_target" => {
            let path = s(input, "path")?;
            let query = s(input, "query")?;
            text(builder(input)?.and_then(|bld| bld.request_target(path, query)))
        }
        "target_widths" => match opt_s(input, "profile")?.map(Profile::from_name).transpose() {
            Err(e) => Err(e),
            Ok(profile) => imgsign::target_widths_for(
                profile,
                opt_f(input, "min_width")?,
                opt_f(input, "max_width")?,
                opt_f(input, "tolerance")?,
            ),
        }
        .map(|w| Value::Array(w.into_iter().map(Value::from).collect())),
        "sign_origin_request" => text(imgsign::sign_origin_request(
            s(input, "key")?,
            s(input, "request_id")?,
            i(input, "timestamp")?,
        )),
        "verify_origin_request" => unit(imgsign::verify_origin_request(
            s(input, "key")?,
            &string_pairs(input, "headers")?,
            Some(i(input, "now")?),
            opt_i(input, "tolerance")?,
        )),
        "verify_basic_auth" => unit(imgsign::verify_basic_auth(
            s(input, "username")?,
            s(input, "password")?,
            &string_pairs(input, "headers")?,
        )),
        "verify_origin_secret" => {
            unit(imgsign::verify_origin_secret(s(input, "secret")?, &string_pairs(input, "headers")?))
        }
        "argument_error" => {
            // Rust's types rule out a wrong-typed or ill-formed argument; what this runner
            // checks is the rule every binding applies: the operation has the argument and
            // the core's table gives the vector's code. Bindings make the real call.
            let name = s(input, "operation")?;
            let op = Operation::from_name(name).ok_or_else(|| format!("unknown operation {name:?}"))?;
            let argument = s(input, "argument")?;
            if !op.arguments().iter().any(|(a, _)| *a == argument) {
                return Err(format!("{name} has no argument {argument:?}"));
            }
            let problem = match s(input, "problem")? {
                "wrong_type" => ArgumentProblem::WrongType { expected: "its type", got: "another type" },
                "ill_formed_string" => ArgumentProblem::IllFormedString,
                other => return Err(format!("unknown problem {other:?}")),
            };
            Err(imgsign::argument_error(op, argument, problem))
        }
        "sources" => return sources::run(input),
        "profile_defaults" => return profile_defaults(s(input, "profile")?),
        other => return Err(format!("unknown vector kind {other:?}")),
    })
}

/// The entry of `profile_defaults()` for `profile`, as the vectors write it.
fn profile_defaults(profile: &str) -> Result<Result<Value, Error>, String> {
    let all = imgsign::profile_defaults();
    let d = all
        .iter()
        .find(|d| d.profile.name() == profile)
        .ok_or_else(|| format!("no defaults for {profile:?}"))?;
    Ok(Ok(serde_json::json!({
        "profile": d.profile.name(),
        "min_width": d.min_width,
        "max_width": d.max_width,
        "tolerance": d.tolerance,
        "library_param": d.library_param,
        "library_version": d.library_version,
        "include_library_param": d.include_library_param,
    })))
}

fn check(vector: &Value) -> Result<(), String> {
    let kind = vector["kind"].as_str().ok_or("no kind")?;
    let input = &vector["input"];
    if !input.is_object() {
        return Err("input is not an object".into());
    }
    let outcome = run(kind, input)?;
    match (vector.get("expected"), vector.get("error"), outcome) {
        (Some(expected), None, Ok(got)) if *expected == got => Ok(()),
        (Some(expected), None, Ok(got)) => Err(format!("expected {expected}\n      got {got}")),
        (Some(expected), None, Err(e)) => Err(format!("expected {expected}\n      got error {e}")),
        (None, Some(code), Err(e)) if code.as_str() == Some(e.code().as_str()) => Ok(()),
        (None, Some(code), Err(e)) => Err(format!("expected error {code}, got error {e}")),
        (None, Some(code), Ok(got)) => Err(format!("expected error {code}, got {got}")),
        _ => Err("a vector needs exactly one of expected / error".into()),
    }
}

#[test]
fn every_conformance_vector() {
    let doc = load();
    assert_eq!(doc["schema_version"], 1, "unsupported schema_version");
    let vectors = doc["vectors"].as_array().expect("vectors is a list");
    assert!(vectors.len() >= MIN_VECTORS, "only {} vectors (at least {MIN_VECTORS} expected)", vectors.len());
    let mut seen = std::collections::HashSet::new();
    let mut failures = Vec::new();
    for v in vectors {
        let id = v["id"].as_str().unwrap_or("<no id>").to_owned();
        if !seen.insert(id.clone()) {
            failures.push(format!("{id}: duplicate id"));
            continue;
        }
        if let Err(msg) = check(v) {
            failures.push(format!("{id} ({}): {msg}", v["kind"]));
        }
    }
    println!("conformance: {} passed, {} failed", vectors.len() - failures.len(), failures.len());
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n{}",
        failures.len(),
        vectors.len(),
        failures.join("\n")
    );
}

#[test]
fn every_profile_has_a_defaults_vector() {
    let doc = load();
    let vectors = doc["vectors"].as_array().expect("vectors is a list");
    for p in Profile::ALL {
        let has =
            vectors.iter().any(|v| v["kind"] == "profile_defaults" && v["input"]["profile"] == p.name());
        assert!(has, "no profile_defaults vector for {p}");
    }
}

#[test]
fn an_unknown_kind_is_a_failure() {
    assert!(run("no_such_kind", &serde_json::json!({})).is_err());
}
