//! Python bindings for imgsign: the `imgsign._imgsign` extension module.
//!
//! This crate only converts types (`convert`) and maps errors (`errors`); every rule lives
//! in the `imgsign` core. Errors are raised as the exception classes defined in
//! `imgsign/_errors.py`, looked up by the core's stable error code.

mod builder;
mod convert;
mod dict;
mod errors;
mod signer;
mod sources;

use builder::UrlBuilder;
use convert::{headers, int_arg, opt_float, opt_int, opt_str, str_arg};
use errors::{Arg, OrRaise};
use imgsign::Operation as Op;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use signer::Signer;
use sources::Sources;

/// The fluid srcset widths from ``min_width`` to ``max_width``, each step at most
/// ``tolerance`` (a fraction) wider than the previous one, by the rules of ``profile`` (not
/// given: canonical; the compatibility profiles compute them as their library does). An
/// argument left as None takes the core's default.
#[pyfunction]
#[pyo3(signature = (min_width = None, max_width = None, tolerance = None, *, profile = None))]
fn target_widths(
    py: Python<'_>,
    min_width: Option<&Bound<'_, PyAny>>,
    max_width: Option<&Bound<'_, PyAny>>,
    tolerance: Option<&Bound<'_, PyAny>>,
    profile: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<u32>> {
    let arg = |name| Arg::new(Op::TargetWidths, name);
    let min = opt_float(min_width, arg("min_width"))?;
    let max = opt_float(max_width, arg("max_width"))?;
    let tol = opt_float(tolerance, arg("tolerance"))?;
    let profile = opt_str(profile, arg("profile"))?;
    let profile = profile.map(|p| imgsign::Profile::from_name(&p)).transpose().or_raise(py)?;
    imgsign::target_widths_for(profile, min, max, tol).or_raise(py)
}

/// Signs an origin request (imgix Web Proxy sources): returns the ``X-Imgix-Signature``
/// header value ``v1,<HEX>`` for ``request_id`` and ``timestamp`` (UNIX seconds).
#[pyfunction]
fn sign_origin_request(
    py: Python<'_>,
    key: &Bound<'_, PyAny>,
    request_id: &Bound<'_, PyAny>,
    timestamp: &Bound<'_, PyAny>,
) -> PyResult<String> {
    let arg = |name| Arg::new(Op::SignOriginRequest, name);
    let key = str_arg(key, arg("key"))?;
    let request_id = str_arg(request_id, arg("request_id"))?;
    let timestamp = int_arg(timestamp, arg("timestamp"))?;
    imgsign::sign_origin_request(&key, &request_id, timestamp).or_raise(py)
}

/// Verifies an origin request's ``X-Imgix-Signature`` headers (a mapping or ``(name,
/// value)`` pairs; names are case-insensitive) against ``now`` (the system clock when None)
/// within ``tolerance`` seconds (the core's default when None). Returns None or raises a
/// :class:`VerifyError` subclass.
#[pyfunction]
#[pyo3(signature = (key, headers, now = None, tolerance = None))]
fn verify_origin_request(
    py: Python<'_>,
    key: &Bound<'_, PyAny>,
    headers: &Bound<'_, PyAny>,
    now: Option<&Bound<'_, PyAny>>,
    tolerance: Option<&Bound<'_, PyAny>>,
) -> PyResult<()> {
    let arg = |name| Arg::new(Op::VerifyOriginRequest, name);
    let key = str_arg(key, arg("key"))?;
    let headers = self::headers(headers, arg("headers"))?;
    let now = opt_int(now, arg("now"))?;
    let tolerance = opt_int(tolerance, arg("tolerance"))?;
    imgsign::verify_origin_request(&key, &headers, now, tolerance).or_raise(py)
}

/// Checks an ``Authorization: Basic ...`` header against ``username`` and ``password`` in
/// constant time. Returns None or raises a :class:`VerifyError` subclass.
#[pyfunction]
fn verify_basic_auth(
    py: Python<'_>,
    username: &Bound<'_, PyAny>,
    password: &Bound<'_, PyAny>,
    headers: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let arg = |name| Arg::new(Op::VerifyBasicAuth, name);
    let username = str_arg(username, arg("username"))?;
    let password = str_arg(password, arg("password"))?;
    let headers = self::headers(headers, arg("headers"))?;
    imgsign::verify_basic_auth(&username, &password, &headers).or_raise(py)
}

/// Checks the ``X-Imgix-Origin-Secret`` handshake header against ``secret`` in constant
/// time. Returns None or raises a :class:`VerifyError` subclass.
#[pyfunction]
fn verify_origin_secret(
    py: Python<'_>,
    secret: &Bound<'_, PyAny>,
    headers: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let secret = str_arg(secret, Arg::new(Op::VerifyOriginSecret, "secret"))?;
    let headers = self::headers(headers, Arg::new(Op::VerifyOriginSecret, "headers"))?;
    imgsign::verify_origin_secret(&secret, &headers).or_raise(py)
}

/// The error code a wrong-typed or ill-formed value of ``argument`` of ``operation`` gets
/// (``argument_error_code("sign_url", "url") == "invalid_url"``); None for an unknown
/// operation. The rule is the core's (see docs/behaviour.md).
#[pyfunction]
fn argument_error_code(operation: &str, argument: &str) -> Option<&'static str> {
    Op::from_name(operation).map(|op| imgsign::argument_error_code(op, argument).as_str())
}

/// Every provider name of the core, in its stable order.
#[pyfunction]
fn provider_names() -> Vec<&'static str> {
    imgsign::Provider::ALL.iter().map(|p| p.name()).collect()
}

/// Every profile name of the core, in its stable order.
#[pyfunction]
fn profile_names() -> Vec<&'static str> {
    imgsign::Profile::ALL.iter().map(|p| p.name()).collect()
}

/// Every profile's defaults, in the order of ``profile_names()``: a dict per profile with
/// ``profile``, ``min_width``, ``max_width`` and ``tolerance`` (the fluid srcset range used
/// when none is given; None for a profile without srcset), ``library_param`` (the ``ixlib``
/// value), ``library_version`` and ``include_library_param`` (whether ``ixlib`` is on by
/// default).
#[pyfunction]
fn profile_defaults(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyDict>>> {
    imgsign::profile_defaults()
        .into_iter()
        .map(|d| {
            let dict = PyDict::new(py);
            dict.set_item("profile", d.profile.name())?;
            dict.set_item("min_width", d.min_width)?;
            dict.set_item("max_width", d.max_width)?;
            dict.set_item("tolerance", d.tolerance)?;
            dict.set_item("library_param", d.library_param)?;
            dict.set_item("library_version", d.library_version)?;
            dict.set_item("include_library_param", d.include_library_param)?;
            Ok(dict)
        })
        .collect()
}

/// Every error code of the core, in its stable order.
#[pyfunction]
fn error_codes() -> Vec<&'static str> {
    imgsign::ErrorCode::ALL.iter().map(|c| c.as_str()).collect()
}

/// imgsign's native core. Use the ``imgsign`` package, which re-exports everything here.
#[pymodule]
fn _imgsign(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", imgsign::VERSION)?;
    m.add_class::<Signer>()?;
    m.add_class::<UrlBuilder>()?;
    m.add_class::<Sources>()?;
    m.add_function(wrap_pyfunction!(target_widths, m)?)?;
    m.add_function(wrap_pyfunction!(argument_error_code, m)?)?;
    m.add_function(wrap_pyfunction!(provider_names, m)?)?;
    m.add_function(wrap_pyfunction!(profile_names, m)?)?;
    m.add_function(wrap_pyfunction!(profile_defaults, m)?)?;
    m.add_function(wrap_pyfunction!(error_codes, m)?)?;
    m.add_function(wrap_pyfunction!(sign_origin_request, m)?)?;
    m.add_function(wrap_pyfunction!(verify_origin_request, m)?)?;
    m.add_function(wrap_pyfunction!(verify_basic_auth, m)?)?;
    m.add_function(wrap_pyfunction!(verify_origin_secret, m)?)?;
    Ok(())
}
