//! `Signer`: signs URLs as given and verifies them.

use crate::convert::{batch, opt_int, opt_list, opt_str, params, seq, str_arg, str_ref, str_refs};
use crate::errors::{Arg, OrRaise};
use imgsign::{Operation as Op, Secrets, SignOptions, VerifyOptions};
use pyo3::prelude::*;

/// Signs URLs as given and verifies signed URLs for one provider and key.
///
/// ``previous_keys`` are accepted by :meth:`verify_url` only (key rotation). A scheme with a
/// salt (imgproxy) takes ``salt`` and one of ``previous_salts`` per previous key; ``options``
/// are the scheme's options by name (``{"signature_size": 8}``, see docs/schemes.md).
/// Immutable and safe to share between threads. No secret appears in ``repr()`` or error
/// messages.
#[pyclass(frozen, module = "imgsign")]
pub struct Signer {
    inner: imgsign::Signer,
}

#[pymethods]
impl Signer {
    #[new]
    #[pyo3(signature = (provider, key, previous_keys = None, *, salt = None, previous_salts = None, options = None))]
    fn new(
        py: Python<'_>,
        provider: &Bound<'_, PyAny>,
        key: &Bound<'_, PyAny>,
        previous_keys: Option<&Bound<'_, PyAny>>,
        salt: Option<&Bound<'_, PyAny>>,
        previous_salts: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let arg = |name| Arg::new(Op::Signer, name);
        let provider = str_arg(provider, arg("provider"))?;
        let secrets = Secrets {
            key: str_arg(key, arg("key"))?,
            previous_keys: opt_list(previous_keys, arg("previous_keys"), str_arg)?.unwrap_or_default(),
            salt: opt_str(salt, arg("salt"))?,
            previous_salts: opt_list(previous_salts, arg("previous_salts"), str_arg)?.unwrap_or_default(),
        };
        let options = params(options, arg("options"))?;
        let provider = imgsign::Provider::from_name(&provider).or_raise(py)?;
        let inner = imgsign::Signer::with(provider, &secrets, &options).or_raise(py)?;
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

    /// Signs ``url`` as given, replacing any existing signature.
    ///
    /// With ``expires`` (UNIX seconds) or ``expires_in`` (seconds after ``now``, the system
    /// clock when ``now`` is None), the scheme's expiry is set before signing. Passing both
    /// raises :class:`InvalidParamError`, and so does ``now`` without ``expires_in``.
    /// ``values`` are the per-call values the scheme signs (see docs/schemes.md).
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

    /// A token on its own (for a cookie or a header), for a scheme whose signature is a
    /// token; the arguments are those of :meth:`sign_url`. A scheme that signs URLs only
    /// raises :class:`InvalidParamError`.
    #[pyo3(signature = (*, expires = None, expires_in = None, now = None, values = None))]
    fn sign_token(
        &self,
        py: Python<'_>,
        expires: Option<&Bound<'_, PyAny>>,
        expires_in: Option<&Bound<'_, PyAny>>,
        now: Option<&Bound<'_, PyAny>>,
        values: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let options = sign_options(Op::SignToken, expires, expires_in, now, values)?;
        self.inner.sign_token(&options).or_raise(py)
    }

    /// Verifies a token on its own (from a cookie or a header) against ``now`` (UNIX seconds;
    /// the system clock when None) and the per-call ``values``. Returns None or raises a
    /// :class:`VerifyError` subclass.
    #[pyo3(signature = (token, now = None, *, values = None))]
    fn verify_token(
        &self,
        py: Python<'_>,
        token: &Bound<'_, PyAny>,
        now: Option<&Bound<'_, PyAny>>,
        values: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let token = str_arg(token, Arg::new(Op::VerifyToken, "token"))?;
        let options = verify_options(Op::VerifyToken, now, values)?;
        self.inner.verify_token(&token, &options).or_raise(py)
    }

    /// Signs many URLs in one call (the GIL is released while signing). Fails as a whole on
    /// the first bad URL; the message names its index.
    /// ``expires``, ``expires_in``, ``now`` and ``values`` are those of :meth:`sign_url`, the
    /// same for every URL.
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

    /// Verifies ``url``: its signature under the current or a previous key, then its
    /// expiry against ``now`` (UNIX seconds; the system clock when None), with the per-call
    /// ``values`` it was signed with. Returns None or raises a :class:`VerifyError` subclass.
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

    /// Verifies what a server receives: a request target (``/a.jpg?w=1&s=…``, the path and
    /// query exactly as the request line carries them) or a full URL, against ``now`` (UNIX
    /// seconds; the system clock when None). Returns None or raises a :class:`VerifyError`
    /// subclass.
    #[pyo3(signature = (target, now = None, *, values = None))]
    fn verify(
        &self,
        py: Python<'_>,
        target: &Bound<'_, PyAny>,
        now: Option<&Bound<'_, PyAny>>,
        values: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let target = str_ref(target, Arg::new(Op::Verify, "target"))?;
        let options = verify_options(Op::Verify, now, values)?;
        self.inner.verify_with(target, &options).or_raise(py)
    }

    fn __repr__(&self) -> String {
        format!(
            "Signer(provider='{}', previous_keys={})",
            self.inner.provider().name(),
            self.inner.previous_key_count()
        )
    }
}

/// The expiry and per-call values of `op` (`sign_url`, `sign_token`).
pub(crate) fn sign_options(
    op: Op,
    expires: Option<&Bound<'_, PyAny>>,
    expires_in: Option<&Bound<'_, PyAny>>,
    now: Option<&Bound<'_, PyAny>>,
    values: Option<&Bound<'_, PyAny>>,
) -> PyResult<SignOptions> {
    Ok(SignOptions {
        expires: opt_int(expires, Arg::new(op, "expires"))?,
        expires_in: opt_int(expires_in, Arg::new(op, "expires_in"))?,
        now: opt_int(now, Arg::new(op, "now"))?,
        values: params(values, Arg::new(op, "values"))?,
    })
}

/// The clock and per-call values of `op` (`verify_url`, `verify`, `verify_token`).
pub(crate) fn verify_options(
    op: Op,
    now: Option<&Bound<'_, PyAny>>,
    values: Option<&Bound<'_, PyAny>>,
) -> PyResult<VerifyOptions> {
    Ok(VerifyOptions {
        now: opt_int(now, Arg::new(op, "now"))?,
        values: params(values, Arg::new(op, "values"))?,
    })
}
