//! Python bindings for imgsign: the `imgsign._imgsign` extension module.
//!
//! This crate only converts types and maps errors; every rule lives in the `imgsign` core.
//! Errors are raised as the exception classes defined in `imgsign/_errors.py`, looked up by
//! the core's stable error code.

use imgsign::{
    ArgumentProblem, BuilderOptions, Error as CoreError, ErrorCode, Operation, ParamValue, Profile, Provider,
    SignOptions, SrcsetOptions,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyString};

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

static ERROR_CLASSES: PyOnceLock<Py<PyDict>> = PyOnceLock::new();

/// Turns a core error into an instance of the Python class registered for its code.
fn raise(py: Python<'_>, e: &CoreError) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let table = ERROR_CLASSES.import(py, "imgsign._errors", "_BY_CODE")?;
        let Some(cls) = table.get_item(e.code().as_str())? else {
            return Err(pyo3::exceptions::PyRuntimeError::new_err(format!(
                "imgsign: no exception class for code {}",
                e.code().as_str()
            )));
        };
        Ok(PyErr::from_value(cls.call1((e.message(),))?))
    };
    build().unwrap_or_else(|err| err)
}

trait OrRaise<T> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> OrRaise<T> for imgsign::Result<T> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| raise(py, &e))
    }
}

fn fail<T>(py: Python<'_>, code: ErrorCode, message: String) -> PyResult<T> {
    Err(raise(py, &CoreError::new(code, message)))
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".to_owned())
}

// ---------------------------------------------------------------------------------------------
// Argument conversion (types only; ranges and rules are the core's)
// ---------------------------------------------------------------------------------------------

/// A Python int as i64; anything else (or out of range) is an error with `code`.
fn int_arg(obj: &Bound<'_, PyAny>, field: &str, code: ErrorCode) -> PyResult<i64> {
    let py = obj.py();
    if !obj.is_instance_of::<PyInt>() {
        return fail(py, code, format!("{field}: expected an int, got {}", type_name(obj)));
    }
    match obj.extract::<i64>() {
        Ok(v) => Ok(v),
        Err(_) => fail(py, code, format!("{field}: integer out of range")),
    }
}

fn opt_int_arg(obj: Option<&Bound<'_, PyAny>>, field: &str, code: ErrorCode) -> PyResult<Option<i64>> {
    match obj {
        None => Ok(None),
        Some(o) if o.is_none() => Ok(None),
        Some(o) => int_arg(o, field, code).map(Some),
    }
}

/// A Python int as i64 for srcset options (widths, qualities); ranges are the core's.
fn srcset_int(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<i64> {
    int_arg(obj, field, ErrorCode::InvalidSrcset)
}

/// A Python int or float as f64.
fn float_arg(obj: &Bound<'_, PyAny>, field: &str, code: ErrorCode) -> PyResult<f64> {
    let py = obj.py();
    if obj.is_instance_of::<PyBool>() || !(obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyFloat>()) {
        return fail(py, code, format!("{field}: expected a number, got {}", type_name(obj)));
    }
    match obj.extract::<f64>() {
        Ok(v) => Ok(v),
        Err(_) => fail(py, code, format!("{field}: number out of range")),
    }
}

fn opt_float_arg(obj: Option<&Bound<'_, PyAny>>, field: &str, code: ErrorCode) -> PyResult<Option<f64>> {
    obj.filter(|o| !o.is_none()).map(|v| float_arg(v, field, code)).transpose()
}

/// An optional `bool` (None is "not given"); anything else is the core's code for `field`.
fn opt_bool_arg(obj: Option<&Bound<'_, PyAny>>, operation: Operation, field: &str) -> PyResult<Option<bool>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else { return Ok(None) };
    match obj.cast::<PyBool>() {
        Ok(b) => Ok(Some(b.is_true())),
        Err(_) => {
            let got = type_name(obj);
            let problem = ArgumentProblem::WrongType { expected: "a bool", got: &got };
            Err(raise(obj.py(), &imgsign::argument_error(operation, field, problem)))
        }
    }
}

/// An optional `str` (None is "not given"), coded by the core's rule for `field`.
fn opt_str_arg(
    obj: Option<&Bound<'_, PyAny>>,
    operation: Operation,
    field: &str,
) -> PyResult<Option<String>> {
    obj.filter(|o| !o.is_none())
        .map(|v| str_arg(v, field, imgsign::argument_error_code(operation, field)))
        .transpose()
}

fn str_arg(obj: &Bound<'_, PyAny>, field: &str, code: ErrorCode) -> PyResult<String> {
    let py = obj.py();
    match obj.cast::<PyString>() {
        Ok(s) => match s.extract::<String>() {
            Ok(v) => Ok(v),
            Err(_) => fail(py, code, format!("{field}: not encodable as UTF-8")),
        },
        Err(_) => fail(py, code, format!("{field}: expected a str, got {}", type_name(obj))),
    }
}

/// Iterates a Mapping's `items()` or an iterable of pairs.
fn pairs<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)>> {
    if let Ok(dict) = obj.cast::<PyDict>() {
        return Ok(dict.iter().collect());
    }
    let iter = if obj.hasattr("items")? { obj.call_method0("items")?.try_iter()? } else { obj.try_iter()? };
    let mut out = Vec::new();
    for item in iter {
        let item = item?;
        let (k, v): (Bound<'py, PyAny>, Bound<'py, PyAny>) = item.extract()?;
        out.push((k, v));
    }
    Ok(out)
}

fn param_value(key: &str, v: &Bound<'_, PyAny>) -> PyResult<ParamValue> {
    let py = v.py();
    let field = || format!("params[{}]", imgsign::excerpt(key));
    if v.is_none() {
        Ok(ParamValue::Null)
    } else if let Ok(b) = v.cast::<PyBool>() {
        Ok(ParamValue::Bool(b.is_true()))
    } else if v.is_instance_of::<PyInt>() {
        match v.extract::<i64>() {
            Ok(i) => Ok(ParamValue::Int(i)),
            Err(_) => fail(py, ErrorCode::InvalidParam, format!("{}: integer out of range", field())),
        }
    } else if let Ok(f) = v.cast::<PyFloat>() {
        Ok(ParamValue::Float(f.value()))
    } else if v.is_instance_of::<PyString>() {
        str_arg(v, &field(), ErrorCode::InvalidParam).map(ParamValue::Str)
    } else {
        fail(
            py,
            ErrorCode::InvalidParam,
            format!("{}: expected str, int, float, bool or None, got {}", field(), type_name(v)),
        )
    }
}

/// A `Mapping[str, str | int | float | bool | None]` (or None) as core params, in order.
fn params_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<(String, ParamValue)>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(Vec::new());
    };
    let py = obj.py();
    let items = match pairs(obj) {
        Ok(items) => items,
        Err(_) => {
            return fail(
                py,
                ErrorCode::InvalidParam,
                format!("params: expected a mapping, got {}", type_name(obj)),
            );
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for (k, v) in items {
        let key = str_arg(&k, "params: key", ErrorCode::InvalidParam)?;
        let value = param_value(&key, &v)?;
        out.push((key, value));
    }
    Ok(out)
}

/// Headers as a `Mapping[str, str]` or an iterable of `(name, value)` pairs.
fn headers_arg(obj: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    let py = obj.py();
    let items = match pairs(obj) {
        Ok(items) => items,
        Err(_) => {
            return fail(
                py,
                ErrorCode::InvalidParam,
                format!("headers: expected a mapping or (name, value) pairs, got {}", type_name(obj)),
            );
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, (k, v)) in items.iter().enumerate() {
        let name = str_arg(k, &format!("headers[{i}]: name"), ErrorCode::InvalidParam)?;
        let value = str_arg(v, &format!("headers[{i}]: value"), ErrorCode::InvalidParam)?;
        out.push((name, value));
    }
    Ok(out)
}

fn str_list(obj: &Bound<'_, PyAny>, field: &str, code: ErrorCode) -> PyResult<Vec<String>> {
    let py = obj.py();
    if obj.is_instance_of::<PyString>() {
        return fail(py, code, format!("{field}: expected a list of str, got a single str"));
    }
    let iter = match obj.try_iter() {
        Ok(it) => it,
        Err(_) => return fail(py, code, format!("{field}: expected a list of str, got {}", type_name(obj))),
    };
    let mut out = Vec::new();
    for (i, item) in iter.enumerate() {
        out.push(str_arg(&item?, &format!("{field}[{i}]"), code)?);
    }
    Ok(out)
}

fn seq<'py>(obj: &Bound<'py, PyAny>, field: &str, code: ErrorCode) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let py = obj.py();
    if obj.is_instance_of::<PyString>() {
        return fail(py, code, format!("{field}: expected a sequence, got a str"));
    }
    match obj.try_iter() {
        Ok(it) => it.collect(),
        Err(_) => fail(py, code, format!("{field}: expected a sequence, got {}", type_name(obj))),
    }
}

fn provider_arg(py: Python<'_>, name: &str) -> PyResult<Provider> {
    Provider::from_name(name).or_raise(py)
}

// ---------------------------------------------------------------------------------------------
// Signer
// ---------------------------------------------------------------------------------------------

/// Signs URLs as given and verifies signed URLs for one provider and key.
///
/// ``previous_keys`` are accepted by :meth:`verify_url` only (key rotation). Immutable and
/// safe to share between threads. The key never appears in ``repr()`` or error messages.
#[pyclass(frozen, module = "imgsign")]
struct Signer {
    inner: imgsign::Signer,
}

#[pymethods]
impl Signer {
    #[new]
    #[pyo3(signature = (provider, key, previous_keys = None))]
    fn new(
        py: Python<'_>,
        provider: &Bound<'_, PyAny>,
        key: &Bound<'_, PyAny>,
        previous_keys: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let provider = provider_arg(py, &str_arg(provider, "provider", ErrorCode::InvalidParam)?)?;
        let key = str_arg(key, "key", ErrorCode::InvalidKey)?;
        let previous = match previous_keys.filter(|o| !o.is_none()) {
            Some(p) => str_list(p, "previous_keys", ErrorCode::InvalidKey)?,
            None => Vec::new(),
        };
        let inner = imgsign::Signer::new(provider, &key, &previous).or_raise(py)?;
        Ok(Signer { inner })
    }

    /// The provider's name (``imgix``, ``gumlet``, ``pixta`` or ``imageboss``).
    #[getter]
    fn provider(&self) -> &'static str {
        self.inner.provider().name()
    }

    /// How many previous keys :meth:`verify_url` also accepts.
    #[getter]
    fn previous_key_count(&self) -> usize {
        self.inner.previous_key_count()
    }

    /// Signs ``url`` as given, replacing any existing signature param.
    ///
    /// With ``expires`` (UNIX seconds) or ``expires_in`` (seconds after ``now``, the system
    /// clock when ``now`` is None), an ``expires`` param is set before signing. Passing both
    /// raises :class:`InvalidParamError`, and so does ``now`` without ``expires_in``.
    #[pyo3(signature = (url, *, expires = None, expires_in = None, now = None))]
    fn sign_url(
        &self,
        py: Python<'_>,
        url: &Bound<'_, PyAny>,
        expires: Option<&Bound<'_, PyAny>>,
        expires_in: Option<&Bound<'_, PyAny>>,
        now: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let url = str_arg(url, "url", ErrorCode::InvalidUrl)?;
        let expires = opt_int_arg(expires, "expires", ErrorCode::InvalidParam)?;
        let expires_in = opt_int_arg(expires_in, "expires_in", ErrorCode::InvalidParam)?;
        let now = opt_int_arg(now, "now", ErrorCode::InvalidParam)?;
        self.inner.sign_url_with(&url, &SignOptions { expires, expires_in, now }).or_raise(py)
    }

    /// Signs many URLs in one call (the GIL is released while signing). Fails as a whole on
    /// the first bad URL; the message names its index.
    fn sign_urls(&self, py: Python<'_>, urls: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
        let urls = str_list(urls, "urls", ErrorCode::InvalidUrl)?;
        let inner = &self.inner;
        py.detach(|| inner.sign_urls(&urls)).or_raise(py)
    }

    /// Verifies ``url``: its signature under the current or a previous key, then its
    /// ``expires`` against ``now`` (UNIX seconds; the system clock when None). Returns None
    /// or raises a :class:`VerifyError` subclass.
    #[pyo3(signature = (url, now = None))]
    fn verify_url(
        &self,
        py: Python<'_>,
        url: &Bound<'_, PyAny>,
        now: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let url = str_arg(url, "url", ErrorCode::MalformedUrl)?;
        let now = opt_int_arg(now, "now", ErrorCode::InvalidParam)?;
        self.inner.verify_url(&url, now).or_raise(py)
    }

    fn __repr__(&self) -> String {
        format!(
            "Signer(provider='{}', previous_keys={})",
            self.inner.provider().name(),
            self.inner.previous_key_count()
        )
    }
}

// ---------------------------------------------------------------------------------------------
// UrlBuilder
// ---------------------------------------------------------------------------------------------

/// Builds (and, with a key, signs) URLs on one domain.
///
/// ``profile`` is ``canonical`` (the same bytes in every language), ``imgix-python`` or
/// ``imgix-js`` (byte-for-byte compatibility with the official imgix libraries). Immutable
/// and safe to share between threads. The key never appears in ``repr()`` or messages.
#[pyclass(frozen, module = "imgsign")]
struct UrlBuilder {
    inner: imgsign::UrlBuilder,
}

struct SrcsetArgs<'a, 'py> {
    widths: Option<&'a Bound<'py, PyAny>>,
    min_width: Option<&'a Bound<'py, PyAny>>,
    max_width: Option<&'a Bound<'py, PyAny>>,
    tolerance: Option<&'a Bound<'py, PyAny>>,
    device_pixel_ratios: Option<&'a Bound<'py, PyAny>>,
    variable_qualities: Option<&'a Bound<'py, PyAny>>,
    disable_variable_quality: Option<&'a Bound<'py, PyAny>>,
}

fn srcset_options(a: &SrcsetArgs<'_, '_>) -> PyResult<SrcsetOptions> {
    let code = ErrorCode::InvalidSrcset;
    let widths = match a.widths.filter(|o| !o.is_none()) {
        Some(w) => Some(
            seq(w, "widths", code)?
                .iter()
                .enumerate()
                .map(|(i, v)| srcset_int(v, &format!("widths[{i}]")))
                .collect::<PyResult<Vec<i64>>>()?,
        ),
        None => None,
    };
    let ratios = match a.device_pixel_ratios.filter(|o| !o.is_none()) {
        Some(r) => Some(
            seq(r, "device_pixel_ratios", code)?
                .iter()
                .enumerate()
                .map(|(i, v)| float_arg(v, &format!("device_pixel_ratios[{i}]"), code))
                .collect::<PyResult<Vec<f64>>>()?,
        ),
        None => None,
    };
    let qualities = match a.variable_qualities.filter(|o| !o.is_none()) {
        Some(q) => {
            let py = q.py();
            let items = match pairs(q) {
                Ok(items) => items,
                Err(_) => {
                    return fail(
                        py,
                        code,
                        format!("variable_qualities: expected a mapping, got {}", type_name(q)),
                    );
                }
            };
            let mut out = Vec::with_capacity(items.len());
            for (i, (k, v)) in items.iter().enumerate() {
                let ratio = float_arg(k, &format!("variable_qualities[{i}]: ratio"), code)?;
                let quality = srcset_int(v, &format!("variable_qualities[{i}]: quality"))?;
                out.push((ratio, quality));
            }
            Some(out)
        }
        None => None,
    };
    Ok(SrcsetOptions {
        widths,
        min_width: opt_int_arg(a.min_width, "min_width", code)?,
        max_width: opt_int_arg(a.max_width, "max_width", code)?,
        tolerance: opt_float_arg(a.tolerance, "tolerance", code)?,
        device_pixel_ratios: ratios,
        variable_qualities: qualities,
        disable_variable_quality: opt_bool_arg(
            a.disable_variable_quality,
            Operation::BuildSrcset,
            "disable_variable_quality",
        )?,
    })
}

#[pymethods]
impl UrlBuilder {
    #[new]
    #[pyo3(signature = (
        domain,
        provider = None,
        key = None,
        profile = None,
        use_https = None,
        include_library_param = None,
        disable_path_encoding = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        domain: &Bound<'_, PyAny>,
        provider: Option<&Bound<'_, PyAny>>,
        key: Option<&Bound<'_, PyAny>>,
        profile: Option<&Bound<'_, PyAny>>,
        use_https: Option<&Bound<'_, PyAny>>,
        include_library_param: Option<&Bound<'_, PyAny>>,
        disable_path_encoding: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let op = Operation::UrlBuilder;
        let domain = str_arg(domain, "domain", ErrorCode::InvalidDomain)?;
        let key = match key.filter(|k| !k.is_none()) {
            Some(k) => Some(str_arg(k, "key", ErrorCode::InvalidKey)?),
            None => None,
        };
        let provider = opt_str_arg(provider, op, "provider")?;
        let profile = opt_str_arg(profile, op, "profile")?;
        let options = BuilderOptions {
            provider: provider.map(|p| provider_arg(py, &p)).transpose()?,
            key,
            profile: profile.map(|p| Profile::from_name(&p)).transpose().or_raise(py)?,
            use_https: opt_bool_arg(use_https, op, "use_https")?,
            include_library_param: opt_bool_arg(include_library_param, op, "include_library_param")?,
            disable_path_encoding: opt_bool_arg(disable_path_encoding, op, "disable_path_encoding")?,
        };
        let inner = imgsign::UrlBuilder::new(&domain, options).or_raise(py)?;
        Ok(UrlBuilder { inner })
    }

    /// The domain URLs are built on (lowercased in the canonical profile).
    #[getter]
    fn domain(&self) -> &str {
        self.inner.domain()
    }
    /// The provider's name.
    #[getter]
    fn provider(&self) -> &'static str {
        self.inner.provider().name()
    }
    /// The profile's name (``canonical``, ``imgix-python`` or ``imgix-js``).
    #[getter]
    fn profile(&self) -> &'static str {
        self.inner.profile().name()
    }
    /// Whether URLs use ``https://``.
    #[getter]
    fn use_https(&self) -> bool {
        self.inner.use_https()
    }
    /// Whether the library-identifying ``ixlib`` param is added.
    #[getter]
    fn include_library_param(&self) -> bool {
        self.inner.include_library_param()
    }
    /// Whether paths are used as given.
    #[getter]
    fn disable_path_encoding(&self) -> bool {
        self.inner.disable_path_encoding()
    }
    /// Whether the builder signs its URLs (it was given a key).
    #[getter]
    fn is_signed(&self) -> bool {
        self.inner.is_signed()
    }

    /// Builds (and signs) the URL for ``path`` with ``params`` (a mapping of
    /// ``str | int | float | bool | None``; None drops the param).
    #[pyo3(signature = (path, params = None))]
    fn build_url(
        &self,
        py: Python<'_>,
        path: &Bound<'_, PyAny>,
        params: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let path = str_arg(path, "path", ErrorCode::InvalidUrl)?;
        let params = params_arg(params)?;
        self.inner.build_url(&path, &params).or_raise(py)
    }

    /// Builds many URLs in one call from ``(path, params-or-None)`` pairs (the GIL is
    /// released while building). Fails as a whole on the first bad item, naming its index.
    fn build_urls(&self, py: Python<'_>, items: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
        let mut batch = Vec::new();
        for (i, item) in seq(items, "items", ErrorCode::InvalidParam)?.iter().enumerate() {
            let (path, params): (Bound<'_, PyAny>, Bound<'_, PyAny>) = match item.extract() {
                Ok(pair) => pair,
                Err(_) => {
                    return fail(
                        py,
                        ErrorCode::InvalidParam,
                        format!("items[{i}]: expected a (path, params) pair"),
                    );
                }
            };
            let path = str_arg(&path, &format!("items[{i}]: path"), ErrorCode::InvalidUrl)?;
            batch.push((path, params_arg(Some(&params))?));
        }
        let inner = &self.inner;
        py.detach(|| inner.build_urls(&batch)).or_raise(py)
    }

    /// Builds a srcset for ``path`` (each entry a signed URL; the GIL is released while
    /// building). Fluid with explicit ``widths`` or the target widths from ``min_width``,
    /// ``max_width`` and ``tolerance``; fixed (density descriptors) when ``params`` has ``w``
    /// or ``h``, with ``device_pixel_ratios`` and ``variable_qualities`` (ratio → quality).
    #[pyo3(signature = (
        path,
        params = None,
        *,
        widths = None,
        min_width = None,
        max_width = None,
        tolerance = None,
        device_pixel_ratios = None,
        variable_qualities = None,
        disable_variable_quality = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn build_srcset(
        &self,
        py: Python<'_>,
        path: &Bound<'_, PyAny>,
        params: Option<&Bound<'_, PyAny>>,
        widths: Option<&Bound<'_, PyAny>>,
        min_width: Option<&Bound<'_, PyAny>>,
        max_width: Option<&Bound<'_, PyAny>>,
        tolerance: Option<&Bound<'_, PyAny>>,
        device_pixel_ratios: Option<&Bound<'_, PyAny>>,
        variable_qualities: Option<&Bound<'_, PyAny>>,
        disable_variable_quality: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let path = str_arg(path, "path", ErrorCode::InvalidUrl)?;
        let params = params_arg(params)?;
        let options = srcset_options(&SrcsetArgs {
            widths,
            min_width,
            max_width,
            tolerance,
            device_pixel_ratios,
            variable_qualities,
            disable_variable_quality,
        })?;
        let inner = &self.inner;
        py.detach(|| inner.build_srcset(&path, &params, &options)).or_raise(py)
    }

    fn __repr__(&self) -> String {
        format!(
            "UrlBuilder(domain='{}', provider='{}', profile='{}', signed={})",
            self.inner.domain(),
            self.inner.provider().name(),
            self.inner.profile().name(),
            if self.inner.is_signed() { "True" } else { "False" }
        )
    }
}

// ---------------------------------------------------------------------------------------------
// Module functions
// ---------------------------------------------------------------------------------------------

/// The canonical fluid srcset widths from ``min_width`` to ``max_width``, each step at most
/// ``tolerance`` (a fraction) wider than the previous one.
#[pyfunction]
#[pyo3(signature = (min_width = None, max_width = None, tolerance = None))]
fn target_widths(
    py: Python<'_>,
    min_width: Option<&Bound<'_, PyAny>>,
    max_width: Option<&Bound<'_, PyAny>>,
    tolerance: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<u32>> {
    let code = ErrorCode::InvalidSrcset;
    let min = opt_int_arg(min_width, "min_width", code)?;
    let max = opt_int_arg(max_width, "max_width", code)?;
    let tol = opt_float_arg(tolerance, "tolerance", code)?;
    imgsign::target_widths(min, max, tol).or_raise(py)
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
    let key = str_arg(key, "key", ErrorCode::InvalidKey)?;
    let request_id = str_arg(request_id, "request_id", ErrorCode::InvalidParam)?;
    let timestamp = int_arg(timestamp, "timestamp", ErrorCode::InvalidParam)?;
    imgsign::sign_origin_request(&key, &request_id, timestamp).or_raise(py)
}

/// Verifies an origin request's ``X-Imgix-Signature`` headers (a mapping or ``(name,
/// value)`` pairs; names are case-insensitive) against ``now`` (the system clock when None)
/// within ``tolerance`` seconds. Returns None or raises a :class:`VerifyError` subclass.
#[pyfunction]
#[pyo3(signature = (key, headers, now = None, tolerance = None))]
fn verify_origin_request(
    py: Python<'_>,
    key: &Bound<'_, PyAny>,
    headers: &Bound<'_, PyAny>,
    now: Option<&Bound<'_, PyAny>>,
    tolerance: Option<&Bound<'_, PyAny>>,
) -> PyResult<()> {
    let key = str_arg(key, "key", ErrorCode::InvalidKey)?;
    let headers = headers_arg(headers)?;
    let now = opt_int_arg(now, "now", ErrorCode::InvalidParam)?;
    let tolerance = opt_int_arg(tolerance, "tolerance", ErrorCode::InvalidParam)?;
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
    let username = str_arg(username, "username", ErrorCode::InvalidKey)?;
    let password = str_arg(password, "password", ErrorCode::InvalidKey)?;
    let headers = headers_arg(headers)?;
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
    let secret = str_arg(secret, "secret", ErrorCode::InvalidKey)?;
    let headers = headers_arg(headers)?;
    imgsign::verify_origin_secret(&secret, &headers).or_raise(py)
}

/// The error code a wrong-typed or ill-formed value of ``argument`` of ``operation`` gets
/// (``argument_error_code("sign_url", "url") == "invalid_url"``); None for an unknown
/// operation. The rule is the core's (see docs/behaviour.md).
#[pyfunction]
fn argument_error_code(operation: &str, argument: &str) -> Option<&'static str> {
    Operation::from_name(operation).map(|op| imgsign::argument_error_code(op, argument).as_str())
}

/// imgsign's native core. Use the ``imgsign`` package, which re-exports everything here.
#[pymodule]
fn _imgsign(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", imgsign::VERSION)?;
    m.add_class::<Signer>()?;
    m.add_class::<UrlBuilder>()?;
    m.add_function(wrap_pyfunction!(target_widths, m)?)?;
    m.add_function(wrap_pyfunction!(argument_error_code, m)?)?;
    m.add_function(wrap_pyfunction!(sign_origin_request, m)?)?;
    m.add_function(wrap_pyfunction!(verify_origin_request, m)?)?;
    m.add_function(wrap_pyfunction!(verify_basic_auth, m)?)?;
    m.add_function(wrap_pyfunction!(verify_origin_secret, m)?)?;
    Ok(())
}
