//! The inputs the core benchmark (`core.rs`) and the instruction-count loops (`hotpaths.rs`)
//! share, so both measure the same URL.

use imgsign::ParamValue;

pub const KEY: &str = "FOO123bar";
pub const DOMAIN: &str = "demo.imgix.net";
pub const PATH: &str = "/photos/2024/summer/beach-sunset.jpg";

/// Four params: two integers and two strings.
pub fn params() -> Vec<(&'static str, ParamValue)> {
    vec![
        ("w", ParamValue::Int(800)),
        ("h", ParamValue::Int(600)),
        ("fit", "crop".into()),
        ("auto", "format".into()),
    ]
}
