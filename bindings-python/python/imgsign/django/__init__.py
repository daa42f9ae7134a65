"""Django integration for imgsign.

Settings (``settings.IMGSIGN``)::

    IMGSIGN = {
        "domain": "demo.imgix.net",      # required
        # Optional: a setting left out is not passed on, so imgsign's own default applies.
        "provider": "imgix",             # imgix | gumlet | pixta | imageboss
        "key": None,                     # the signing key, or None to read it from key_env
        "key_env": "IMGSIGN_KEY",        # environment variable holding the key
        "previous_keys": [],             # rotated-out keys verify_signed_url still accepts
        "profile": "canonical",          # canonical | imgix-python | imgix-js
        "use_https": True,
        "include_library_param": False,
        "disable_path_encoding": False,
    }

With neither ``key`` nor the environment variable set, URLs are built unsigned and
:func:`verify_signed_url` refuses every request (403).

Add ``"imgsign"`` to ``INSTALLED_APPS`` for the template tags (``{% load imgsign %}``).
"""

from __future__ import annotations

import functools
import os
from typing import Any, Callable, Dict, Mapping, Optional, Tuple, TypeVar, cast

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, HttpResponseGone

from .. import ExpiredError, ProfileName, ProviderName, Signer, UrlBuilder, VerifyError

__all__ = ["get_builder", "get_signer", "signed_request_target", "verify_signed_url"]

_View = TypeVar("_View", bound=Callable[..., HttpResponse])

# A provider or profile name from the settings is passed on as given: the core refuses an
# unknown one (InvalidParamError), so the settings are not narrowed here.
_Config = Tuple[
    str,
    Optional[ProviderName],
    Optional[str],
    Tuple[str, ...],
    Optional[ProfileName],
    Optional[bool],
    Optional[bool],
    Optional[bool],
]


def _config() -> _Config:
    from django.conf import settings  # imported late: importing imgsign.django needs no settings

    conf: Mapping[str, Any] = getattr(settings, "IMGSIGN", None) or {}
    domain = conf.get("domain")
    if not domain:
        raise ImproperlyConfigured('settings.IMGSIGN["domain"] is required')
    key = conf.get("key")
    if key is None:
        key = os.environ.get(conf.get("key_env") or "IMGSIGN_KEY")
    # What the settings leave out is passed as None ("not given"): the defaults are imgsign's.
    return (
        str(domain),
        conf.get("provider"),
        key,
        tuple(conf.get("previous_keys") or ()),
        conf.get("profile"),
        conf.get("use_https"),
        conf.get("include_library_param"),
        conf.get("disable_path_encoding"),
    )


_CACHE: Dict[_Config, Tuple[UrlBuilder, Optional[Signer]]] = {}


def _objects() -> Tuple[UrlBuilder, Optional[Signer]]:
    config = _config()
    hit = _CACHE.get(config)
    if hit is None:
        domain, provider, key, previous, profile, https, lib, raw = config
        builder = UrlBuilder(domain, provider=provider, key=key, profile=profile, use_https=https,
                             include_library_param=lib, disable_path_encoding=raw)
        # The signer takes the provider the builder resolved (the core's default when not set).
        signer = None if key is None else Signer(builder.provider, key, previous_keys=previous)
        if len(_CACHE) >= 8:
            _CACHE.clear()
        hit = _CACHE[config] = (builder, signer)
    return hit


def get_builder() -> UrlBuilder:
    """The :class:`~imgsign.UrlBuilder` configured by ``settings.IMGSIGN`` (cached)."""
    return _objects()[0]


def get_signer() -> Optional[Signer]:
    """The :class:`~imgsign.Signer` configured by ``settings.IMGSIGN``, or None without a key."""
    return _objects()[1]


def signed_request_target(request: HttpRequest) -> str:
    """The request target (path and query) whose signature :func:`verify_signed_url` checks,
    exactly as the client sent it.

    The signature of every provider covers the path and query bytes only, so neither a host
    nor a scheme is needed (behind a CDN or reverse proxy the app sees its own internal host
    name). Django has already percent-decoded the path (``%3B`` and ``;``, ``%2F`` and ``/`` are
    one and the same to it), so the raw target comes from the server: ``RAW_URI`` (gunicorn),
    ``REQUEST_URI`` (uWSGI, mod_wsgi) or ASGI's ``raw_path``. Under a server that provides none
    of them (e.g. Django's runserver and test client), Django's ``get_full_path()`` is used,
    which gives the same bytes for paths made of letters, digits, ``/ - . _ ~ @ & $ ,`` and
    percent-escapes of other characters except ``; = :``.
    """
    meta = request.META
    for name in ("RAW_URI", "REQUEST_URI"):
        raw = meta.get(name)
        if isinstance(raw, str) and raw.startswith("/"):
            return raw
    scope = getattr(request, "scope", None)
    if isinstance(scope, dict) and isinstance(scope.get("raw_path"), bytes):
        target: str = scope["raw_path"].decode("latin-1")
        query: bytes = scope.get("query_string") or b""
        return target + "?" + query.decode("latin-1") if query else target
    full_path: str = request.get_full_path()
    return full_path


def verify_signed_url(view: _View) -> _View:
    """View decorator: serves the request only when its URL carries a valid signature.

    Missing, wrong or malformed signature: 403 Forbidden. Signed but past ``expires``: 410 Gone.
    The request target checked is :func:`signed_request_target`, with the signer's
    ``verify`` (what a server receives: no URL is rebuilt).
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        signer = get_signer()
        if signer is None:
            return HttpResponseForbidden("imgsign: no signing key configured", content_type="text/plain")
        try:
            signer.verify(signed_request_target(request))
        except ExpiredError:
            return HttpResponseGone("expired", content_type="text/plain")
        except VerifyError as e:
            return HttpResponseForbidden(e.code, content_type="text/plain")
        return view(request, *args, **kwargs)

    return cast(_View, wrapper)
