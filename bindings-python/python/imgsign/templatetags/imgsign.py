"""Template tags: ``{% load imgsign %}``, then
``{% imgsign_url "path.jpg" w=400 h=300 %}`` and ``{% imgsign_srcset "path.jpg" w=400 %}``.

Keyword arguments are the URL params (values may be str, int, float, bool or None), except
``source``, which names a source of ``IMGSIGN_SOURCES`` (see :mod:`imgsign.django`); without
it, the default source is used."""

from typing import Optional, Union

from django import template

from imgsign.django import get_builder

register = template.Library()

ParamValue = Union[str, int, float, bool, None]


@register.simple_tag
def imgsign_url(path: str, source: Optional[str] = None, **params: ParamValue) -> str:
    """The (signed) URL of ``path`` with the keyword arguments as params."""
    return get_builder(source).build_url(path, params)


@register.simple_tag
def imgsign_srcset(path: str, source: Optional[str] = None, **params: ParamValue) -> str:
    """The srcset of ``path``: fixed (density descriptors) when ``w`` or ``h`` is given, else fluid."""
    return get_builder(source).build_srcset(path, params)
