//! Records, enums and the conversion of their values into core types.

use imgsign::{ArgumentProblem, Operation};

/// A string argument, handed over as the bytes of its UTF-8 form. Kotlin encodes a string
/// that is not well-formed UTF-16 (a lone surrogate) so that the bytes are not UTF-8 either,
/// instead of throwing an uncoded exception of its own, and the core's code for the argument
/// is raised here. To Kotlin and Swift it is a plain `String` (`uniffi.toml`).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InputString(Vec<u8>);

uniffi::custom_type!(InputString, Vec<u8>, {
    lower: |s| s.0,
    try_lift: |bytes| Ok(InputString(bytes)),
});

impl From<&str> for InputString {
    fn from(s: &str) -> Self {
        InputString(s.as_bytes().to_vec())
    }
}

impl InputString {
    pub(crate) fn from_bytes(bytes: Vec<u8>) -> Self {
        InputString(bytes)
    }

    /// The string, or the core's error for an ill-formed `argument` of `op`.
    pub(crate) fn arg(self, op: Operation, argument: &str) -> imgsign::Result<String> {
        String::from_utf8(self.0)
            .map_err(|_| imgsign::argument_error(op, argument, ArgumentProblem::IllFormedString))
    }
}

/// Every string of a list (`argument[i]`).
pub(crate) fn args(list: Vec<InputString>, op: Operation, argument: &str) -> imgsign::Result<Vec<String>> {
    list.into_iter().enumerate().map(|(i, s)| s.arg(op, &format!("{argument}[{i}]"))).collect()
}

/// An optional string argument.
pub(crate) fn opt_arg(
    s: Option<InputString>,
    op: Operation,
    argument: &str,
) -> imgsign::Result<Option<String>> {
    s.map(|s| s.arg(op, argument)).transpose()
}

/// A param value: string, integer, float, boolean, or null (null drops the param).
#[derive(uniffi::Enum)]
pub enum ParamValue {
    /// A string, used as given.
    Str {
        /// The value.
        value: InputString,
    },
    /// An integer, written in decimal.
    Int {
        /// The value.
        value: i64,
    },
    /// A float, written in the shortest round-trip form.
    Float {
        /// The value.
        value: f64,
    },
    /// A boolean, written `true` / `false`.
    Bool {
        /// The value.
        value: bool,
    },
    /// No value: the param is dropped.
    Null,
}

impl ParamValue {
    pub(crate) fn into_core(self, op: Operation, argument: &str) -> imgsign::Result<imgsign::ParamValue> {
        Ok(match self {
            ParamValue::Str { value } => imgsign::ParamValue::Str(value.arg(op, argument)?),
            ParamValue::Int { value } => imgsign::ParamValue::Int(value),
            ParamValue::Float { value } => imgsign::ParamValue::Float(value),
            ParamValue::Bool { value } => imgsign::ParamValue::Bool(value),
            ParamValue::Null => imgsign::ParamValue::Null,
        })
    }
}

/// One query param, in the caller's order.
#[derive(uniffi::Record)]
pub struct Param {
    /// The param name, unencoded.
    pub key: InputString,
    /// The param value.
    pub value: ParamValue,
}

/// One item of `UrlBuilder::build_urls`: a path and its params.
#[derive(uniffi::Record)]
pub struct UrlItem {
    /// The image path.
    pub path: InputString,
    /// Its params.
    #[uniffi(default)]
    pub params: Vec<Param>,
}

/// One HTTP header, as received (names compare case-insensitively in the core). Its
/// `toString`/`description` never shows the value, which may be a secret or credentials.
#[derive(uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct Header {
    /// The header name.
    pub name: InputString,
    /// The header value.
    pub value: InputString,
}

/// Prints the name when it is one of the headers imgsign reads (a secret given where the
/// name goes is not printed either), never the value.
impl std::fmt::Display for Header {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const KNOWN: [&str; 5] = [
            imgsign::SIGNATURE_HEADER,
            imgsign::REQUEST_ID_HEADER,
            imgsign::TIMESTAMP_HEADER,
            imgsign::ORIGIN_SECRET_HEADER,
            imgsign::AUTHORIZATION_HEADER,
        ];
        let name = std::str::from_utf8(&self.name.0).unwrap_or_default();
        match KNOWN.iter().find(|k| k.eq_ignore_ascii_case(name)) {
            Some(_) => write!(f, "Header({name}: <redacted>)"),
            None => f.write_str("Header(<redacted>: <redacted>)"),
        }
    }
}

impl std::fmt::Debug for Header {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

/// A quality override for one device-pixel ratio of a fixed srcset.
#[derive(uniffi::Record)]
pub struct VariableQuality {
    /// The device-pixel ratio.
    pub ratio: f64,
    /// The quality for that ratio.
    pub quality: i64,
}

/// srcset options. A field left `null`/`nil` is "not given" and takes the core's default.
/// Widths are numbers: whole numbers (written as integers), or, in the `imgix-python`
/// profile only, fractions.
#[derive(uniffi::Record)]
pub struct SrcsetOptions {
    /// Explicit widths of a fluid srcset.
    #[uniffi(default = None)]
    pub widths: Option<Vec<f64>>,
    /// Smallest generated width.
    #[uniffi(default = None)]
    pub min_width: Option<f64>,
    /// Largest generated width.
    #[uniffi(default = None)]
    pub max_width: Option<f64>,
    /// Tolerance between consecutive widths.
    #[uniffi(default = None)]
    pub tolerance: Option<f64>,
    /// Ratios of a fixed srcset.
    #[uniffi(default = None)]
    pub device_pixel_ratios: Option<Vec<f64>>,
    /// Quality per ratio.
    #[uniffi(default = None)]
    pub variable_qualities: Option<Vec<VariableQuality>>,
    /// Add no generated `q` to fixed entries.
    #[uniffi(default = None)]
    pub disable_variable_quality: Option<bool>,
    /// Use this call's path as given (not given: the builder's `disable_path_encoding`).
    #[uniffi(default = None)]
    pub disable_path_encoding: Option<bool>,
}

impl From<SrcsetOptions> for imgsign::SrcsetOptions {
    fn from(o: SrcsetOptions) -> Self {
        imgsign::SrcsetOptions {
            widths: o.widths.map(|ws| ws.into_iter().map(imgsign::Width::from_number).collect()),
            min_width: o.min_width,
            max_width: o.max_width,
            tolerance: o.tolerance,
            device_pixel_ratios: o.device_pixel_ratios,
            variable_qualities: o
                .variable_qualities
                .map(|v| v.into_iter().map(|q| (q.ratio, q.quality)).collect()),
            disable_variable_quality: o.disable_variable_quality,
            disable_path_encoding: o.disable_path_encoding,
        }
    }
}

/// A scheme's options or per-call values by name (`argument` is `options` or `values`), as
/// the core takes them: sorted by name, so that the same call fails the same way whatever
/// order the map iterates in.
pub(crate) fn core_named(
    map: std::collections::HashMap<InputString, ParamValue>,
    op: Operation,
    argument: &str,
) -> imgsign::Result<Vec<(String, imgsign::ParamValue)>> {
    let mut entries: Vec<(InputString, ParamValue)> = map.into_iter().collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries
        .into_iter()
        .map(|(name, value)| {
            let name = name.arg(op, &format!("{argument}[]"))?;
            let value = value.into_core(op, &format!("{argument}[{}]", imgsign::excerpt(&name)))?;
            Ok((name, value))
        })
        .collect()
}

/// Params as the core takes them, in order (`params[i].key`, `params[i].value`).
pub(crate) fn core_params(
    params: Vec<Param>,
    op: Operation,
) -> imgsign::Result<Vec<(String, imgsign::ParamValue)>> {
    params
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            Ok((
                p.key.arg(op, &format!("params[{i}].key"))?,
                p.value.into_core(op, &format!("params[{i}].value"))?,
            ))
        })
        .collect()
}

/// Headers as the core takes them, in order (`headers[i].name`, `headers[i].value`).
pub(crate) fn core_headers(headers: Vec<Header>, op: Operation) -> imgsign::Result<Vec<(String, String)>> {
    headers
        .into_iter()
        .enumerate()
        .map(|(i, h)| {
            Ok((
                h.name.arg(op, &format!("headers[{i}].name"))?,
                h.value.arg(op, &format!("headers[{i}].value"))?,
            ))
        })
        .collect()
}
