"""What the framework integrations share: which request target a signature is checked on,
and how a failed check is answered. No framework is imported here.

The signature covers the path and query exactly as the client sent them. A server that
keeps them gives the raw request target: ``RAW_URI`` (gunicorn, Werkzeug), ``REQUEST_URI``
(uWSGI, mod_wsgi, Werkzeug), ASGI's ``raw_path`` (uvicorn, hypercorn, daphne). One that gives
only the percent-decoded ``PATH_INFO`` (Django's runserver and test client, ``wsgiref``)
needs the builder that made the URLs: :meth:`imgsign.UrlBuilder.request_target` encodes the
decoded path again by the builder's own rules (a core rule, pinned by vectors). These
functions only pick which input the server gave.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional, Tuple

from . import ImgsignError, UrlBuilder

__all__ = ["ERROR_HEADER", "wsgi_target", "asgi_target", "refusal"]

#: The response header that carries the error code of a refused request.
ERROR_HEADER = "X-Imgsign-Error"


def _raw_wsgi(environ: Mapping[str, Any]) -> Optional[str]:
    for name in ("RAW_URI", "REQUEST_URI"):
        raw = environ.get(name)
        if isinstance(raw, str) and raw.startswith("/"):
            return raw
    return None


def wsgi_target(environ: Mapping[str, Any], builder: UrlBuilder) -> str:
    """The request target of a WSGI request: the raw one when the server gives it, else the
    decoded ``SCRIPT_NAME`` + ``PATH_INFO`` (PEP 3333: bytes as Latin-1 text) encoded again."""
    raw = _raw_wsgi(environ)
    if raw is not None:
        return raw
    decoded = (str(environ.get("SCRIPT_NAME") or "") + str(environ.get("PATH_INFO") or "")).encode("latin-1")
    path = decoded.decode("utf-8", "surrogateescape")  # not UTF-8: the core refuses it (malformed_url)
    return builder.request_target(path, str(environ.get("QUERY_STRING") or ""))


def asgi_target(scope: Mapping[str, Any], builder: UrlBuilder) -> str:
    """The request target of an ASGI HTTP request: ``raw_path`` and ``query_string`` when the
    server gives ``raw_path`` (every common server does), else the decoded ``path`` encoded again."""
    query: bytes = scope.get("query_string") or b""
    raw = scope.get("raw_path")
    if isinstance(raw, bytes) and raw.startswith(b"/"):
        target = raw.decode("latin-1")
        return target + "?" + query.decode("latin-1") if query else target
    return builder.request_target(str(scope.get("path") or ""), query.decode("latin-1"))


def refusal(error: ImgsignError) -> Tuple[int, str]:
    """The HTTP status and body of a request whose check failed: 410 Gone for an expired URL
    (it was valid, and asking again will not help), 403 Forbidden for every other failure
    (missing, wrong or malformed signature or header). The body and the ``X-Imgsign-Error``
    header carry the error code; neither ever holds a key."""
    return (410 if error.code == "expired" else 403), error.code
