"""Django integration for imgsign.

One source (``settings.IMGSIGN``)::

    IMGSIGN = {
        "domain": "img.example.com",     # required
        # Optional: a setting left out is not passed on, so imgsign's own default applies.
        "provider": "imgix",
        "key_env": "IMGSIGN_KEY",        # environment variable holding the key (the default),
                                         # or "key": "..." (keep keys out of settings files)
        "previous_keys_env": [],         # variables holding rotated-out keys verification accepts
        "profile": "canonical",
        "use_https": True,
        "include_library_param": False,
        "disable_path_encoding": False,
    }

Several sources (``settings.IMGSIGN_SOURCES``), each with the keys above, chosen with
``source="name"`` in the template tags, :func:`get_builder`, :func:`get_signer` and
:func:`verify_signed_url`; without it, ``settings.IMGSIGN`` (or the source named
``"default"``, or the only source) is used::

    IMGSIGN_SOURCES = {
        "photos": {"domain": "photos.imgix.net", "key_env": "PHOTOS_KEY"},
        "avatars": {"domain": "avatars.gumlet.io", "provider": "gumlet", "key_env": "AVATARS_KEY"},
    }

``manage.py check`` reports problems with these settings (ids ``imgsign.E001`` to
``imgsign.E008``, ``imgsign.W001``; see :mod:`imgsign.django.checks`). Without a key, URLs
are built unsigned and :func:`verify_signed_url` refuses every request (403).

Add ``"imgsign"`` to ``INSTALLED_APPS`` for the template tags (``{% load imgsign %}``) and the
checks.
"""

from __future__ import annotations

import asyncio
import functools
import json
from typing import Any, Callable, Dict, Optional, TypeVar, Union, cast, overload

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse

from .. import ImgsignError, Signer, Sources, UrlBuilder
from .._server import ERROR_HEADER, asgi_target, refusal
from .conf import DEFAULT, SourceSettings, read_sources

__all__ = ["get_builder", "get_signer", "get_sources", "signed_request_target", "verify_signed_url", "ERROR_HEADER"]

_View = TypeVar("_View", bound=Callable[..., Any])


class _Configured:
    """The settings' sources as one :class:`imgsign.Sources` set, and how names map onto it."""

    def __init__(self, settings: Dict[str, SourceSettings]) -> None:
        self.real = {name: s.name for name, s in settings.items()}  # "default" may be an alias
        self.settings = {s.name: s for s in settings.values()}
        self.sources = Sources({name: cast(Any, s.spec()) for name, s in self.settings.items()})
        self.signers: Dict[str, Optional[Signer]] = {}

    def name(self, source: Optional[str]) -> str:
        name = DEFAULT if source is None else source
        if name not in self.real:
            if source is None:
                raise ImproperlyConfigured("imgsign: no default source: set settings.IMGSIGN, or name a source "
                                           "'default' in settings.IMGSIGN_SOURCES, or pass source=")
            raise ImproperlyConfigured(f"imgsign: no source {name!r} in settings.IMGSIGN_SOURCES")
        return self.real[name]


_CACHE: Dict[str, _Configured] = {}


def _configured() -> _Configured:
    from django.conf import settings  # imported late: importing imgsign.django needs no settings

    sources, problems = read_sources(settings)
    fatal = [p for p in (*problems, *(q for s in sources.values() for q in s.problems))
             if p.what in ("not_a_mapping", "no_domain", "two_defaults")]
    if fatal:
        raise ImproperlyConfigured("imgsign: " + fatal[0].message)
    key = json.dumps({n: [s.name, s.spec()] for n, s in sources.items()}, sort_keys=True, default=str)
    hit = _CACHE.get(key)
    if hit is None:
        if len(_CACHE) >= 8:
            _CACHE.clear()
        hit = _CACHE[key] = _Configured(sources)
    return hit


def get_sources() -> Sources:
    """Every configured source as one :class:`~imgsign.Sources` set (``settings.IMGSIGN`` is
    the source ``"default"``), cached: ``get_sources().sign_url(url)`` signs a URL of any of
    them with the key of the source its host chooses."""
    return _configured().sources


def get_builder(source: Optional[str] = None) -> UrlBuilder:
    """The :class:`~imgsign.UrlBuilder` of ``source`` (the default source when None)."""
    c = _configured()
    return c.sources.source(c.name(source))


def get_signer(source: Optional[str] = None) -> Optional[Signer]:
    """A :class:`~imgsign.Signer` with the keys of ``source`` (the default source when None),
    or None when it has no key."""
    c = _configured()
    name = c.name(source)
    if name not in c.signers:
        s = c.settings[name]
        c.signers[name] = None if s.key is None else Signer(
            c.sources.source(name).provider, s.key, previous_keys=s.previous_keys, salt=s.salt, options=s.options)
    return c.signers[name]


def signed_request_target(request: HttpRequest, source: Optional[str] = None) -> str:
    """The request target (path and query) whose signature :func:`verify_signed_url` checks,
    exactly as the client sent it.

    The signature of every provider covers the path and query only, so neither a host nor a
    scheme is needed (behind a CDN or reverse proxy the app sees its own host name). Django
    percent-decodes the path (``%2B`` and ``+`` are one and the same in ``request.path``), so
    the raw target comes from the server: ``RAW_URI`` (gunicorn), ``REQUEST_URI`` (uWSGI,
    mod_wsgi) or ASGI's ``raw_path`` (uvicorn, daphne, hypercorn). A server that gives none of
    them (Django's runserver and test client) hands over the decoded path only; then the
    source's builder encodes it again by its own rules (``UrlBuilder.request_target``), which
    gives back the bytes of every URL it built.
    """
    builder = get_builder(source)
    meta = request.META
    for name in ("RAW_URI", "REQUEST_URI"):
        raw = meta.get(name)
        if isinstance(raw, str) and raw.startswith("/"):
            return raw
    scope = getattr(request, "scope", None)
    if isinstance(scope, dict):
        return asgi_target(scope, builder)
    return builder.request_target(request.path, str(meta.get("QUERY_STRING") or ""))


def _refuse(code: str, status: int) -> HttpResponse:
    response = HttpResponse(code, status=status, content_type="text/plain")
    response[ERROR_HEADER] = code
    return response


def _check(request: HttpRequest, source: Optional[str]) -> Optional[HttpResponse]:
    c = _configured()
    name = c.name(source)
    if c.settings[name].key is None:
        return _refuse("no_key", 403)
    try:
        # The set verifies with the keys of the source its host (this source's domain) and
        # the target's path choose.
        c.sources.verify(signed_request_target(request, source), c.sources.source(name).domain)
    except ImgsignError as e:
        status, body = refusal(e)
        return _refuse(body, status)
    return None


def _decorate(view: _View, source: Optional[str]) -> _View:
    if asyncio.iscoroutinefunction(view):

        @functools.wraps(view)
        async def async_wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            refused = _check(request, source)
            return refused if refused is not None else await view(request, *args, **kwargs)

        return cast(_View, async_wrapper)

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        refused = _check(request, source)
        return refused if refused is not None else view(request, *args, **kwargs)

    return cast(_View, wrapper)


@overload
def verify_signed_url(view: _View, *, source: Optional[str] = None) -> _View: ...
@overload
def verify_signed_url(view: None = None, *, source: Optional[str] = None) -> Callable[[_View], _View]: ...


def verify_signed_url(
    view: Optional[_View] = None, *, source: Optional[str] = None
) -> Union[_View, Callable[[_View], _View]]:
    """View decorator (``@verify_signed_url`` or ``@verify_signed_url(source="photos")``):
    serves the request only when its URL carries a valid signature of the source.

    Missing, wrong or malformed signature: 403 Forbidden. Signed but past ``expires``: 410
    Gone. The error code is the body and the ``X-Imgsign-Error`` header. The request target
    checked is :func:`signed_request_target`, with the signer's ``verify``.
    """
    if view is not None:
        return _decorate(view, source)
    return lambda v: _decorate(v, source)
