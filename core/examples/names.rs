//! Prints the core's name lists as JSON: every provider, profile and error code, in the
//! core's stable order. `scripts/gen_names.py` generates the TypeScript unions and Python
//! `Literal` types from this output, so no binding types a list of names by hand.
//!
//! `cargo run -q -p imgsign --example names`

use imgsign::{ErrorCode, Profile, Provider};

fn list(names: impl Iterator<Item = &'static str>) -> String {
    // The names are ASCII letters, digits, `-` and `_`: Debug quoting is valid JSON.
    let quoted: Vec<String> = names.map(|n| format!("{n:?}")).collect();
    format!("[{}]", quoted.join(", "))
}

fn main() {
    println!("{{");
    println!("  \"providers\": {},", list(Provider::ALL.iter().map(|p| p.name())));
    println!("  \"profiles\": {},", list(Profile::ALL.iter().map(|p| p.name())));
    println!("  \"error_codes\": {}", list(ErrorCode::ALL.iter().map(|c| c.as_str())));
    println!("}}");
}
