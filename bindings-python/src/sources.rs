//! `Sources`: several named sources in one object; the matching rules are the core's.

use crate::builder::UrlBuilder;
use crate::convert::{batch, list, opt_bool, opt_str, pairs, params, seq, str_arg, str_ref, str_refs};
use crate::errors::{Arg, OrRaise};
use crate::signer::{sign_options, verify_options};
use imgsign::{BuilderOptions, Operation as Op, SourceSpec};
use pyo3::prelude::*;

/// The fields of one source, as the core's `SourceSpec` has them.
const FIELDS: [&str; 12] = [
    "domain",
    "path_prefix",
    "provider",
    "key",
    "previous_keys",
    "salt",
    "previous_salts",
    "options",
    "profile",
    "use_https",
    "include_library_param",
    "disable_path_encoding",
];

/// Several named sources in one object: ``Sources({"shop": {"domain": ..., "key": ...}})``.
///
/// Each source is a mapping of ``domain`` (required), ``path_prefix``, ``provider``, ``key``,
/// ``previous_keys``, ``salt``, ``previous_salts``, ``options``, ``profile``, ``use_https``,
/// ``include_library_param`` and ``disable_path_encoding``. :meth:`sign_url`,
/// :meth:`verify_url` and :meth:`verify` choose the source by the URL's host and path (the
/// longest path prefix wins); :meth:`source` gives a source's :class:`UrlBuilder`. A URL no
/// source takes, or an unknown name, raises :class:`UnknownSourceError`. Immutable and safe
/// to share between threads; no secret appears in ``repr()`` or messages.
#[pyclass(frozen, module = "imgsign")]
pub struct Sources {
    inner: imgsign::Sources,
}

#[pymethods]
impl Sources {
    #[new]
    fn new(py: Python<'_>, sources: &Bound<'_, PyAny>) -> PyResult<Self> {
        let mut specs = Vec::new();
        for (i, (name, spec)) in pairs(sources, Arg::new(Op::Sources, "sources"))?.iter().enumerate() {
            let name = str_arg(name, Arg::new(Op::Sources, "name").within(&format!("sources[{i}]")))?;
            specs.push(source_spec(name, spec)?);
        }
        let inner = imgsign::Sources::new(&specs).or_raise(py)?;
        Ok(Sources { inner })
    }

    /// The sources' names, in the order given.
    #[getter]
    fn names(&self) -> Vec<String> {
        self.inner.sources().iter().map(|s| s.name().to_owned()).collect()
    }

    /// The :class:`UrlBuilder` of the source named ``name`` (a path outside its prefix raises
    /// :class:`InvalidUrlError`).
    fn source(&self, py: Python<'_>, name: &Bound<'_, PyAny>) -> PyResult<UrlBuilder> {
        let name = str_ref(name, Arg::new(Op::Source, "name"))?;
        let source = self.inner.source(name).or_raise(py)?;
        Ok(UrlBuilder::from_core(source.builder().clone()))
    }

    /// Signs ``url`` with the key of the source its host and path choose; the keyword
    /// arguments are those of :meth:`Signer.sign_url`.
    #[pyo3(signature = (url, *, expires = None, expires_in = None, now = None, values = None))]
    fn sign_url(
        &self,
        py: Python<'_>,
        url: &Bound<'_, PyAny>,
        expires: Option<&Bound<'_, PyAny>>,
        expires_in: Option<&Bound<'_, PyAny>>,
        now: Option<&Bound<'_, PyAny>>,
        values: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let url = str_ref(url, Arg::new(Op::SignUrl, "url"))?;
        let options = sign_options(Op::SignUrl, expires, expires_in, now, values)?;
        self.inner.sign_url_with(url, &options).or_raise(py)
    }

    /// Signs many URLs in one call, each with the key of its source. Fails as a whole on the
    /// first bad URL; the message names its index. The keyword arguments are those of
    /// :meth:`Signer.sign_urls`: one expiry for every URL (``expires_in`` counted from one
    /// reading of the clock).
    #[pyo3(signature = (urls, *, expires = None, expires_in = None, now = None, values = None))]
    fn sign_urls(
        &self,
        py: Python<'_>,
        urls: &Bound<'_, PyAny>,
        expires: Option<&Bound<'_, PyAny>>,
        expires_in: Option<&Bound<'_, PyAny>>,
        now: Option<&Bound<'_, PyAny>>,
        values: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<String>> {
        let items = seq(urls, Arg::new(Op::SignUrls, "urls"))?;
        let urls = str_refs(&items, Arg::new(Op::SignUrls, "urls"))?;
        let options = sign_options(Op::SignUrls, expires, expires_in, now, values)?;
        let inner = &self.inner;
        batch(py, urls.len(), || inner.sign_urls_with(&urls, &options))
    }

    /// Verifies ``url`` with the keys of its source (see :meth:`Signer.verify_url`).
    #[pyo3(signature = (url, now = None, *, values = None))]
    fn verify_url(
        &self,
        py: Python<'_>,
        url: &Bound<'_, PyAny>,
        now: Option<&Bound<'_, PyAny>>,
        values: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let url = str_ref(url, Arg::new(Op::VerifyUrl, "url"))?;
        let options = verify_options(Op::VerifyUrl, now, values)?;
        self.inner.verify_url_with(url, &options).or_raise(py)
    }

    /// Verifies what a server for ``host`` (its Host header: a port and letter case do not
    /// matter) receives: a request target (``/a.jpg?…``) or a full URL, with the keys of the
    /// source of ``host`` and the target's path (see :meth:`Signer.verify`).
    #[pyo3(signature = (target, host, now = None, *, values = None))]
    fn verify(
        &self,
        py: Python<'_>,
        target: &Bound<'_, PyAny>,
        host: &Bound<'_, PyAny>,
        now: Option<&Bound<'_, PyAny>>,
        values: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let target = str_ref(target, Arg::new(Op::Verify, "target"))?;
        let host = str_ref(host, Arg::new(Op::Verify, "host"))?;
        let options = verify_options(Op::Verify, now, values)?;
        self.inner.verify_with(target, host, &options).or_raise(py)
    }

    fn __repr__(&self) -> String {
        let names: Vec<String> = self.inner.sources().iter().map(|s| format!("'{}'", s.name())).collect();
        format!("Sources([{}])", names.join(", "))
    }
}

/// One source's mapping as the core's `SourceSpec` (each field's errors located at
/// `sources[<name>]`).
fn source_spec(name: String, spec: &Bound<'_, PyAny>) -> PyResult<SourceSpec> {
    let py = spec.py();
    let at = format!("sources[{name}]");
    let arg = |field| Arg::new(Op::Sources, field).within(&at);
    let mut fields: Vec<(String, Bound<'_, PyAny>)> = Vec::new();
    for (i, (field, value)) in pairs(spec, arg("sources"))?.into_iter().enumerate() {
        let field = str_arg(&field, Arg::new(Op::Sources, "sources").within(&format!("{at}[{i}]")))?;
        if !FIELDS.contains(&field.as_str()) {
            let message =
                format!("unknown field {} (expected {})", imgsign::excerpt(&field), FIELDS.join(", "));
            return Err(arg("sources").invalid(py, message));
        }
        fields.push((field, value));
    }
    let get = |field: &str| fields.iter().find(|(f, _)| f == field).map(|(_, v)| v);
    let strings = |field: &'static str| -> PyResult<Vec<String>> {
        get(field)
            .filter(|v| !v.is_none())
            .map(|v| list(v, arg(field), str_arg))
            .transpose()
            .map(Option::unwrap_or_default)
    };
    let provider = opt_str(get("provider"), arg("provider"))?;
    let profile = opt_str(get("profile"), arg("profile"))?;
    let options = BuilderOptions {
        provider: provider
            .map(|p| imgsign::Provider::from_name(&p).map_err(|e| e.at(&at)))
            .transpose()
            .or_raise(py)?,
        key: opt_str(get("key"), arg("key"))?,
        salt: opt_str(get("salt"), arg("salt"))?,
        options: params(get("options"), arg("options"))?,
        profile: profile
            .map(|p| imgsign::Profile::from_name(&p).map_err(|e| e.at(&at)))
            .transpose()
            .or_raise(py)?,
        use_https: opt_bool(get("use_https"), arg("use_https"))?,
        include_library_param: opt_bool(get("include_library_param"), arg("include_library_param"))?,
        disable_path_encoding: opt_bool(get("disable_path_encoding"), arg("disable_path_encoding"))?,
    };
    Ok(SourceSpec {
        domain: match get("domain") {
            Some(d) if !d.is_none() => str_arg(d, arg("domain"))?,
            // The core's domain rule refuses an empty domain with its own message.
            _ => String::new(),
        },
        path_prefix: opt_str(get("path_prefix"), arg("path_prefix"))?,
        previous_keys: strings("previous_keys")?,
        previous_salts: strings("previous_salts")?,
        options,
        name,
    })
}
