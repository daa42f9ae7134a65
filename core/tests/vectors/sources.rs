//! The `sources` vector kind: a set of sources and one call on it.

use super::{Error, Value, named, opt_b, opt_i, opt_s, params, s, string_list};
use imgsign::{BuilderOptions, Profile, Provider, SignOptions, SourceSpec, Sources, VerifyOptions};

/// One source of the vector, as the core's `SourceSpec` (a bad provider or profile name is
/// the outcome, as a binding's conversion would raise it).
fn spec(v: &Value) -> Result<Result<SourceSpec, Error>, String> {
    let name = s(v, "name")?.to_owned();
    let at = |e: Error| e.at(&format!("sources[{name}]"));
    let provider = match opt_s(v, "provider")?.map(Provider::from_name).transpose() {
        Ok(p) => p,
        Err(e) => return Ok(Err(at(e))),
    };
    let profile = match opt_s(v, "profile")?.map(Profile::from_name).transpose() {
        Ok(p) => p,
        Err(e) => return Ok(Err(at(e))),
    };
    let options = BuilderOptions {
        provider,
        key: opt_s(v, "key")?.map(str::to_owned),
        salt: opt_s(v, "salt")?.map(str::to_owned),
        options: named(v, "options")?,
        profile,
        use_https: opt_b(v, "use_https")?,
        include_library_param: opt_b(v, "include_library_param")?,
        disable_path_encoding: opt_b(v, "disable_path_encoding")?,
    };
    Ok(Ok(SourceSpec {
        domain: s(v, "domain")?.to_owned(),
        path_prefix: opt_s(v, "path_prefix")?.map(str::to_owned),
        previous_keys: string_list(v, "previous_keys")?,
        previous_salts: string_list(v, "previous_salts")?,
        options,
        name,
    }))
}

pub fn run(input: &Value) -> Result<Result<Value, Error>, String> {
    let list = input["sources"].as_array().ok_or("input.sources is not a list")?;
    let mut specs = Vec::new();
    for v in list {
        match spec(v)? {
            Ok(s) => specs.push(s),
            Err(e) => return Ok(Err(e)),
        }
    }
    let sources = match Sources::new(&specs) {
        Ok(set) => set,
        Err(e) => return Ok(Err(e)),
    };
    let verify_options = || -> Result<VerifyOptions, String> {
        Ok(VerifyOptions { now: opt_i(input, "now")?, values: Vec::new() })
    };
    Ok(match s(input, "op")? {
        "sign_url" => {
            let options = SignOptions { expires: opt_i(input, "expires")?, ..SignOptions::default() };
            sources.sign_url_with(s(input, "url")?, &options).map(Value::String)
        }
        "sign_urls" => {
            let options = SignOptions {
                expires: opt_i(input, "expires")?,
                expires_in: opt_i(input, "expires_in")?,
                now: opt_i(input, "now")?,
                values: Vec::new(),
            };
            sources
                .sign_urls_with(&string_list(input, "urls")?, &options)
                .map(|urls| Value::Array(urls.into_iter().map(Value::String).collect()))
        }
        "verify_url" => sources.verify_url_with(s(input, "url")?, &verify_options()?).map(|()| Value::Null),
        "verify" => sources
            .verify_with(s(input, "target")?, s(input, "host")?, &verify_options()?)
            .map(|()| Value::Null),
        "build_url" => {
            let params = params(input)?;
            let path = s(input, "path")?;
            sources
                .source(s(input, "name")?)
                .and_then(|src| src.builder().build_url(path, &params))
                .map(Value::String)
        }
        other => return Err(format!("unknown sources op {other:?}")),
    })
}
