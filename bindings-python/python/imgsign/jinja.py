"""Jinja2 integration: ``imgsign_url`` and ``imgsign_srcset`` as filters and globals.

    from imgsign.jinja import install
    install(env, builder)                          # one source: a UrlBuilder
    install(env, {"photos": b1, "avatars": b2})    # several, by name; the first is the default

Then, in a template, ``{{ imgsign_url("a.jpg", w=400) }}`` or ``{{ "a.jpg" | imgsign_url(w=400) }}``,
``{{ imgsign_srcset("a.jpg", w=400) }}``, and ``source="avatars"`` to pick a source. Keyword
arguments are the URL params, as in :meth:`imgsign.UrlBuilder.build_url`. Works with a Flask
app's ``app.jinja_env`` and Starlette's / FastAPI's ``Jinja2Templates(...).env``. Only the
builders are handed to templates: a template can build signed URLs but never read a key.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Mapping, Optional, Union

from . import UrlBuilder

__all__ = ["install"]

Sources = Union[UrlBuilder, Mapping[str, UrlBuilder]]


def _pick(builders: Dict[str, UrlBuilder], first: str) -> Callable[[Optional[str]], UrlBuilder]:
    def pick(source: Optional[str]) -> UrlBuilder:
        name = first if source is None else source
        try:
            return builders[name]
        except KeyError:
            raise LookupError(f"imgsign: no source {name!r} (known: {', '.join(builders)})") from None

    return pick


def install(env: Any, sources: Sources) -> None:
    """Adds the ``imgsign_url`` and ``imgsign_srcset`` filters and globals to the Jinja2
    environment ``env``. ``sources`` is one :class:`~imgsign.UrlBuilder` or a mapping of
    source names to builders (the first one is used when a template names none)."""
    builders = {"default": sources} if isinstance(sources, UrlBuilder) else dict(sources)
    if not builders:
        raise ValueError("imgsign: install() needs at least one source")
    pick = _pick(builders, next(iter(builders)))

    def imgsign_url(path: str, source: Optional[str] = None, **params: Any) -> str:
        return pick(source).build_url(path, params)

    def imgsign_srcset(path: str, source: Optional[str] = None, **params: Any) -> str:
        return pick(source).build_srcset(path, params)

    for name, fn in (("imgsign_url", imgsign_url), ("imgsign_srcset", imgsign_srcset)):
        env.filters[name] = fn
        env.globals[name] = fn
