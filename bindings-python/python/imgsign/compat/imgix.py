"""A drop-in for imgix-python 4.0.0, byte for byte: replace ``from imgix import UrlBuilder``
with ``from imgsign.compat.imgix import UrlBuilder`` and every URL and srcset stays the same.

``UrlBuilder(domain, use_https=True, sign_key=None, include_library_param=True)`` with
``create_url``, ``create_srcset`` and ``validate_domain``, and ``target_widths``, take the
arguments imgix-python takes, in the same shapes, and call imgsign's ``imgix-python``
profile: every rule (encoding, ordering, value printing, srcset, defaults) is the core's,
this module only converts argument shapes. The differences, all documented in
docs/migrate-imgix-python.md: errors are imgsign's (``ValueError`` subclasses), an empty
``sign_key`` is an error instead of silently unsigned URLs, a signed URL is written as clients
send it, and a path with a ``.`` or ``..`` segment is refused.
"""

from __future__ import annotations

from typing import Any, Dict, Final, List, Mapping, Optional, Sequence, Union, cast

from .. import UrlBuilder as _UrlBuilder
from .. import profile_defaults as _profile_defaults
from .. import target_widths as _target_widths

__all__ = ["UrlBuilder", "target_widths"]

_PROFILE: Final = "imgix-python"
# The profile's defaults are the core's (imgix-python's own, pinned by the vectors): the
# signatures below show them as imgix-python's do.
_DEFAULTS: Final = next(d for d in _profile_defaults() if d["profile"] == _PROFILE)
# (imgix-python has a srcset: its range is never None.)
_MIN_WIDTH: Final = cast(int, _DEFAULTS["min_width"])
_MAX_WIDTH: Final = cast(int, _DEFAULTS["max_width"])
_TOLERANCE: Final = cast(float, _DEFAULTS["tolerance"])
_INCLUDE_LIBRARY_PARAM: Final = _DEFAULTS["include_library_param"]
_Number = Union[int, float]


def _value(v: Any) -> Any:
    """imgix-python writes ``str(v)`` of any value: the types imgsign takes pass as they are
    (the profile prints them as Python does), any other object as its ``str()``."""
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return str(v)


def _params(params: Optional[Mapping[str, Any]]) -> Dict[str, Any]:
    return {k: _value(v) for k, v in (params or {}).items()}


def _flag(options: Optional[Mapping[str, Any]], name: str) -> Optional[bool]:
    """An option of the ``options`` dict as imgix-python reads it (truthiness), or None
    when it is not in the dict."""
    if options is None or name not in options:
        return None
    return bool(options[name])


class UrlBuilder:
    """imgix-python's ``UrlBuilder``: builds (and, with ``sign_key``, signs) imgix URLs."""

    def __init__(
        self,
        domain: str,
        use_https: bool = True,
        sign_key: Optional[str] = None,
        include_library_param: bool = _INCLUDE_LIBRARY_PARAM,
    ) -> None:
        self._builder = _UrlBuilder(
            domain,
            key=sign_key,
            profile=_PROFILE,
            use_https=bool(use_https),
            include_library_param=bool(include_library_param),
        )

    def validate_domain(self, domain: str) -> None:
        """Raises ``ValueError`` (``imgsign.InvalidDomainError``) unless ``domain`` is a domain
        imgix-python accepts."""
        _UrlBuilder(domain, profile=_PROFILE)

    def create_url(
        self,
        path: Optional[str] = "",
        params: Optional[Mapping[str, Any]] = None,
        options: Optional[Mapping[str, Any]] = None,
    ) -> str:
        """The URL of ``path`` with ``params``; ``options`` may hold
        ``disable_path_encoding``."""
        return self._builder.build_url(
            path or "", _params(params), disable_path_encoding=_flag(options, "disable_path_encoding")
        )

    def create_srcset(
        self,
        path: Optional[str],
        params: Optional[Mapping[str, Any]] = None,
        options: Optional[Mapping[str, Any]] = None,
        **kwargs: Any,
    ) -> str:
        """A srcset: fluid (``widths``, or ``start``/``stop``/``tol``), or fixed when
        ``params`` has ``w`` or ``h`` (``disable_variable_quality``; ``options`` may hold
        ``variable_qualities``, ``device_pixel_ratios`` and ``disable_path_encoding``)."""
        options = options or {}
        widths: Optional[Sequence[_Number]] = kwargs.get("widths") or None
        return self._builder.build_srcset(
            path or "",
            _params(params),
            widths=widths,
            min_width=kwargs.get("start"),
            max_width=kwargs.get("stop"),
            tolerance=kwargs.get("tol"),
            device_pixel_ratios=options.get("device_pixel_ratios") or None,
            variable_qualities=options.get("variable_qualities") or None,
            disable_variable_quality=bool(kwargs.get("disable_variable_quality", False)),
            disable_path_encoding=_flag(options, "disable_path_encoding"),
        )


def target_widths(start: _Number = _MIN_WIDTH, stop: _Number = _MAX_WIDTH, tol: _Number = _TOLERANCE) -> List[int]:
    """imgix-python's ``target_widths``: the fluid srcset widths from ``start`` to ``stop``."""
    return _target_widths(start, stop, tol, profile=_PROFILE)
