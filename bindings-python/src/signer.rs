//! `Signer`: signs URLs as given and verifies them.

use crate::convert::{list, opt_int, opt_list, str_arg};
use crate::errors::{Arg, OrRaise};
use imgsign::{Operation as Op, SignOptions};
use pyo3::prelude::*;

/// Signs URLs as given and verifies signed URLs for one provider and key.
///
/// ``previous_keys`` are accepted by :meth:`verify_url` only (key rotation). Immutable and
/// safe to share between threads. The key never appears in ``repr()`` or error messages.
#[pyclass(frozen, module = "imgsign")]
pub struct Signer {
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
        let provider = str_arg(provider, Arg::new(Op::Signer, "provider"))?;
        let key = str_arg(key, Arg::new(Op::Signer, "key"))?;
        let previous = opt_list(previous_keys, Arg::new(Op::Signer, "previous_keys"), str_arg)?;
        let provider = imgsign::Provider::from_name(&provider).or_raise(py)?;
        let inner = imgsign::Signer::new(provider, &key, &previous.unwrap_or_default()).or_raise(py)?;
        Ok(Signer { inner })
    }

    /// The provider's name.
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
        let url = str_arg(url, Arg::new(Op::SignUrl, "url"))?;
        let options = SignOptions {
            expires: opt_int(expires, Arg::new(Op::SignUrl, "expires"))?,
            expires_in: opt_int(expires_in, Arg::new(Op::SignUrl, "expires_in"))?,
            now: opt_int(now, Arg::new(Op::SignUrl, "now"))?,
        };
        self.inner.sign_url_with(&url, &options).or_raise(py)
    }

    /// Signs many URLs in one call (the GIL is released while signing). Fails as a whole on
    /// the first bad URL; the message names its index.
    fn sign_urls(&self, py: Python<'_>, urls: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
        let urls = list(urls, Arg::new(Op::SignUrls, "urls"), str_arg)?;
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
        let url = str_arg(url, Arg::new(Op::VerifyUrl, "url"))?;
        let now = opt_int(now, Arg::new(Op::VerifyUrl, "now"))?;
        self.inner.verify_url(&url, now).or_raise(py)
    }

    /// Verifies what a server receives: a request target (``/a.jpg?w=1&s=…``, the path and
    /// query exactly as the request line carries them) or a full URL, against ``now`` (UNIX
    /// seconds; the system clock when None). Returns None or raises a :class:`VerifyError`
    /// subclass.
    #[pyo3(signature = (target, now = None))]
    fn verify(
        &self,
        py: Python<'_>,
        target: &Bound<'_, PyAny>,
        now: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let target = str_arg(target, Arg::new(Op::Verify, "target"))?;
        let now = opt_int(now, Arg::new(Op::Verify, "now"))?;
        self.inner.verify(&target, now).or_raise(py)
    }

    fn __repr__(&self) -> String {
        format!(
            "Signer(provider='{}', previous_keys={})",
            self.inner.provider().name(),
            self.inner.previous_key_count()
        )
    }
}
