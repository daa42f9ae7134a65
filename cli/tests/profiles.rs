//! `imgsign profiles` prints every `profile_defaults` vector's expected value, one profile a
//! line, and nothing else.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::run_args;
use serde_json::Value;

fn defaults_vectors() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../conformance/vectors.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["vectors"].as_array().unwrap().iter().filter(|v| v["kind"] == "profile_defaults").cloned().collect()
}

#[test]
fn profiles_prints_each_profiles_defaults_as_the_vectors_expect() {
    let r = run_args(&["profiles"]);
    r.exits(0);
    let lines: Vec<Value> = r.out().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let vectors = defaults_vectors();
    assert!(!vectors.is_empty(), "no profile_defaults vectors");
    assert_eq!(lines.len(), vectors.len(), "one line per profile");
    for v in &vectors {
        let got: Vec<&Value> = lines.iter().filter(|l| l["profile"] == v["input"]["profile"]).collect();
        assert_eq!(got, vec![&v["expected"]], "{}", v["id"]);
    }
}

#[test]
fn profiles_takes_no_arguments() {
    run_args(&["profiles", "canonical"]).exits(2);
}
