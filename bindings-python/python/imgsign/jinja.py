"""Jinja2 integration: ``imgsign_url`` and ``imgsign_srcset`` as filters and globals.

    from imgsign.jinja import install
    install(env, sources)                          # an imgsign.Sources set; the first is the default
    install(env, builder)                          # or one UrlBuilder, or {"name": builder, ...}

Then, in a template, ``{{ imgsign_url("a.jpg", w=400) }}`` or ``{{ "a.jpg" | imgsign_url(w=400) }}``,
``{{ imgsign_srcset("a.jpg", w=400) }}``, and ``source="avatars"`` to pick a source. Keyword
arguments are the URL params, as in :meth:`imgsign.UrlBuilder.build_url`. Works with a Flask
app's ``app.jinja_env`` and Starlette's / FastAPI's ``Jinja2Templates(...).env``. Only the
builders are handed to templates: a template can build signed URLs but never read a key.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Optional, Union

from . import Sources, UrlBuilder

__all__ = ["install"]

AnySources = Union[Sources, UrlBuilder, Mapping[str, UrlBuilder]]


def _pick(sources: AnySources) -> Callable[[Optional[str]], UrlBuilder]:
    if isinstance(sources, Sources):
        first = sources.names[0]
        return lambda source: sources.source(first if source is None else source)  # unknown: the core's error
    builders = {"default": sources} if isinstance(sources, UrlBuilder) else dict(sources)
    if not builders:
        raise ValueError("imgsign: install() needs at least one source")
    default = next(iter(builders))

    def pick(source: Optional[str]) -> UrlBuilder:
        name = default if source is None else source
        try:
            return builders[name]
        except KeyError:
            raise LookupError(f"imgsign: no source {name!r} (known: {', '.join(builders)})") from None

    return pick


def install(env: Any, sources: AnySources) -> None:
    """Adds the ``imgsign_url`` and ``imgsign_srcset`` filters and globals to the Jinja2
    environment ``env``. ``sources`` is an :class:`~imgsign.Sources` set, one
    :class:`~imgsign.UrlBuilder` or a mapping of names to builders (the first source is used
    when a template names none)."""
    pick = _pick(sources)

    def imgsign_url(path: str, source: Optional[str] = None, **params: Any) -> str:
        return pick(source).build_url(path, params)

    def imgsign_srcset(path: str, source: Optional[str] = None, **params: Any) -> str:
        return pick(source).build_srcset(path, params)

    for name, fn in (("imgsign_url", imgsign_url), ("imgsign_srcset", imgsign_srcset)):
        env.filters[name] = fn
        env.globals[name] = fn
