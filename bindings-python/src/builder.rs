//! `UrlBuilder`: builds (and, with a key, signs) URLs on one domain.

use crate::convert::{
    Borrowed, Items, borrowed_params, dict_items, float_arg, opt_bool, opt_float, opt_list, opt_str, params,
    seq, str_arg, str_ref, variable_qualities, width_arg,
};
use crate::errors::{Arg, OrRaise};
use imgsign::{BuilderOptions, Operation as Op, SrcsetOptions, UrlOptions};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

/// Builds (and, with a key, signs) URLs on one domain.
///
/// ``profile`` is ``canonical`` (the same bytes in every language), ``imgix-python``,
/// ``imgix-js``, ``imgix-swift`` or ``imgix-java`` (byte-for-byte compatibility with the
/// official imgix libraries). A scheme with a salt takes ``salt``; ``options`` are the
/// scheme's options by name (see docs/schemes.md). Immutable and safe to share between
/// threads. No secret appears in ``repr()`` or messages.
#[pyclass(frozen, module = "imgsign")]
pub struct UrlBuilder {
    inner: imgsign::UrlBuilder,
}

impl UrlBuilder {
    /// The builder of a source of a `Sources` set.
    pub(crate) fn from_core(inner: imgsign::UrlBuilder) -> Self {
        UrlBuilder { inner }
    }

    /// `build_urls` by the regular conversion of every item (owned params), which names a
    /// failing item `items[i]`.
    fn build_urls_owned(&self, py: Python<'_>, items: &[Bound<'_, PyAny>]) -> PyResult<Vec<String>> {
        let mut batch = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let location = format!("items[{i}]");
            let (path, p): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract().map_err(|_| {
                Arg::new(Op::BuildUrls, "items").invalid(py, format!("[{i}]: expected a (path, params) pair"))
            })?;
            let path = str_arg(&path, Arg::new(Op::BuildUrls, "path").within(&location))?;
            batch.push((path, params(Some(&p), Arg::new(Op::BuildUrls, "params").within(&location))?));
        }
        self.run_batch(py, &batch)
    }

    /// The core's `build_urls`, with the GIL released for a batch long enough.
    fn run_batch<P, K, V>(&self, py: Python<'_>, batch: &[(P, Vec<(K, V)>)]) -> PyResult<Vec<String>>
    where
        P: AsRef<str> + Sync,
        K: AsRef<str> + Sync,
        V: imgsign::AsParam + Sync,
    {
        let inner = &self.inner;
        crate::convert::batch(py, batch.len(), || inner.build_urls(batch))
    }
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
        disable_path_encoding = None,
        *,
        salt = None,
        options = None
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
        salt: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let arg = |name| Arg::new(Op::UrlBuilder, name);
        let domain = str_arg(domain, arg("domain"))?;
        let provider = opt_str(provider, arg("provider"))?;
        let profile = opt_str(profile, arg("profile"))?;
        let options = BuilderOptions {
            provider: provider.map(|p| imgsign::Provider::from_name(&p)).transpose().or_raise(py)?,
            key: opt_str(key, arg("key"))?,
            salt: opt_str(salt, arg("salt"))?,
            options: params(options, arg("options"))?,
            profile: profile.map(|p| imgsign::Profile::from_name(&p)).transpose().or_raise(py)?,
            use_https: opt_bool(use_https, arg("use_https"))?,
            include_library_param: opt_bool(include_library_param, arg("include_library_param"))?,
            disable_path_encoding: opt_bool(disable_path_encoding, arg("disable_path_encoding"))?,
        };
        let inner = imgsign::UrlBuilder::new(&domain, options).or_raise(py)?;
        Ok(UrlBuilder { inner })
    }

    /// A source's path prefix (:meth:`Sources.source`): every path it builds is under it.
    /// None for a builder made on its own.
    #[getter]
    fn path_prefix(&self) -> Option<&str> {
        self.inner.path_prefix()
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
    /// The profile's name.
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
    /// ``str | int | float | bool | None``; None drops the param, except in a profile whose
    /// library prints it). ``disable_path_encoding`` given here wins over the builder's.
    #[pyo3(signature = (path, params = None, *, disable_path_encoding = None))]
    fn build_url(
        &self,
        py: Python<'_>,
        path: &Bound<'_, PyAny>,
        params: Option<&Bound<'_, PyAny>>,
        disable_path_encoding: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let path = str_ref(path, Arg::new(Op::BuildUrl, "path"))?;
        let options = || -> PyResult<UrlOptions> {
            let arg = Arg::new(Op::BuildUrl, "disable_path_encoding");
            Ok(UrlOptions { disable_path_encoding: opt_bool(disable_path_encoding, arg)? })
        };
        // The common case, a dict of plain values, borrowed as it is (on the stack).
        let mut items = Items::new();
        let mut borrowed = Borrowed::new();
        if dict_items(params, &mut items) && borrowed_params(&items, &mut borrowed) {
            return self.inner.build_url_with(path, &borrowed, &options()?).or_raise(py);
        }
        let params = self::params(params, Arg::new(Op::BuildUrl, "params"))?;
        self.inner.build_url_with(path, &params, &options()?).or_raise(py)
    }

    /// Takes ``original_url`` (an image URL an API returned), merges ``params`` into its
    /// query (new values win) and writes and signs it again by this builder's profile,
    /// provider and key, on the URL's own scheme, host and port.
    #[pyo3(signature = (original_url, params = None))]
    fn reconstruct(
        &self,
        py: Python<'_>,
        original_url: &Bound<'_, PyAny>,
        params: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let url = str_arg(original_url, Arg::new(Op::Reconstruct, "original_url"))?;
        let params = self::params(params, Arg::new(Op::Reconstruct, "params"))?;
        self.inner.reconstruct(&url, &params).or_raise(py)
    }

    /// The request target (``/path?query``) a client sent for a URL this builder built, from
    /// ``path`` as the server percent-decoded it (WSGI's ``PATH_INFO``) and ``query`` as
    /// received: the path is encoded again by this builder's own rules. For servers that give
    /// no raw request target; hand the result to :meth:`Signer.verify`.
    fn request_target(
        &self,
        py: Python<'_>,
        path: &Bound<'_, PyAny>,
        query: &Bound<'_, PyAny>,
    ) -> PyResult<String> {
        let path = str_arg(path, Arg::new(Op::RequestTarget, "path"))?;
        let query = str_arg(query, Arg::new(Op::RequestTarget, "query"))?;
        self.inner.request_target(&path, &query).or_raise(py)
    }

    /// Builds many URLs in one call from ``(path, params-or-None)`` pairs (the GIL is
    /// released while building). Fails as a whole on the first bad item, naming its index.
    fn build_urls(&self, py: Python<'_>, items: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
        let items = seq(items, Arg::new(Op::BuildUrls, "items"))?;
        // The common case, (str, dict of plain values or None) pairs, borrowed as they are
        // (every item's pairs one after another in `flat`, item `i`'s ending at `ends[i]`);
        // anything else is read by the regular conversion, which names what is wrong.
        let mut paths = Vec::with_capacity(items.len());
        let mut flat = Vec::new();
        let mut ends = Vec::with_capacity(items.len());
        for item in &items {
            let Ok((path, p)) = item.extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>() else {
                return self.build_urls_owned(py, &items);
            };
            if !p.is_none() {
                let Ok(dict) = p.cast::<PyDict>() else { return self.build_urls_owned(py, &items) };
                crate::dict::each(dict, |pair| flat.push(pair));
            }
            paths.push(path);
            ends.push(flat.len());
        }
        let mut batch = Vec::with_capacity(paths.len());
        let mut start = 0;
        for (path, &end) in paths.iter().zip(&ends) {
            let mut borrowed = Borrowed::new();
            let path = path.cast::<PyString>().ok().and_then(|p| p.to_str().ok());
            let (Some(path), Some(pairs)) = (path, flat.get(start..end)) else {
                return self.build_urls_owned(py, &items);
            };
            if !borrowed_params(pairs, &mut borrowed) {
                return self.build_urls_owned(py, &items);
            }
            batch.push((path, borrowed.into_vec()));
            start = end;
        }
        self.run_batch(py, &batch)
    }

    /// Builds a srcset for ``path`` (each entry a signed URL; the GIL is released while
    /// building). Fluid with explicit ``widths`` or the target widths from ``min_width``,
    /// ``max_width`` and ``tolerance``; fixed (density descriptors) when ``params`` has ``w``
    /// or ``h``, with ``device_pixel_ratios`` and ``variable_qualities`` (ratio → quality).
    /// An option left as None takes the core's default.
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
        disable_variable_quality = None,
        disable_path_encoding = None
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
        disable_path_encoding: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let arg = |name| Arg::new(Op::BuildSrcset, name);
        let path = str_ref(path, arg("path"))?;
        // A dict of plain values is borrowed as `build_url` borrows it. The strings stay valid
        // with the GIL released: `items` holds a reference to each, and a `str` never changes.
        let mut items = Items::new();
        let mut borrowed = Borrowed::new();
        let plain = dict_items(params, &mut items) && borrowed_params(&items, &mut borrowed);
        let owned = if plain { Vec::new() } else { self::params(params, arg("params"))? };
        let options = SrcsetOptions {
            widths: opt_list(widths, arg("widths"), width_arg)?,
            min_width: opt_float(min_width, arg("min_width"))?,
            max_width: opt_float(max_width, arg("max_width"))?,
            tolerance: opt_float(tolerance, arg("tolerance"))?,
            device_pixel_ratios: opt_list(device_pixel_ratios, arg("device_pixel_ratios"), float_arg)?,
            variable_qualities: self::variable_qualities(variable_qualities, arg("variable_qualities"))?,
            disable_variable_quality: opt_bool(disable_variable_quality, arg("disable_variable_quality"))?,
            disable_path_encoding: opt_bool(disable_path_encoding, arg("disable_path_encoding"))?,
        };
        let inner = &self.inner;
        if plain {
            py.detach(|| inner.build_srcset(path, &borrowed, &options)).or_raise(py)
        } else {
            py.detach(|| inner.build_srcset(path, &owned, &options)).or_raise(py)
        }
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
