"""Public type aliases and name guards of imgsign.

``ProviderName``, ``ProfileName`` and ``ErrorCode`` (``typing.Literal`` types) are generated
from the core's own lists in ``_names.py``; the guards below narrow a ``str`` (read from
settings, say) to them, against the same lists as the native module reports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, FrozenSet, Iterable, Mapping, Optional, Sequence, Tuple, TypedDict, Union

from ._imgsign import error_codes, profile_names, provider_names
from ._names import ErrorCode, ProfileName, ProviderName

if TYPE_CHECKING:
    from typing_extensions import TypeGuard

__all__ = [
    "ParamValue",
    "Params",
    "Headers",
    "SourceOptions",
    "ProfileDefaults",
    "ProviderName",
    "ProfileName",
    "ErrorCode",
    "is_provider_name",
    "is_profile_name",
    "is_error_code",
]

#: A param value: ``str``, ``int`` (64-bit), ``float``, ``bool``, or ``None`` (drops the param).
ParamValue = Union[str, int, float, bool, None]

#: Params: a mapping (its order is kept), or ``(name, value)`` pairs (which may repeat a name,
#: an error). Annotate with it to have every value checked as a :data:`ParamValue`.
Params = Union[Mapping[str, ParamValue], Iterable[Tuple[str, ParamValue]]]

#: What the building methods accept: :data:`Params`, and also mappings and pairs whose value
#: type is ``object``, because that is what mypy infers for an unannotated literal such as
#: ``{"w": 400, "fit": "crop"}`` (the join of ``int`` and ``str``). A value that is not a
#: :data:`ParamValue` is ``InvalidParamError`` at run time.
ParamsArg = Union[Params, Mapping[str, object], Iterable[Tuple[str, object]]]

#: A scheme's options or per-call values by name (docs/schemes.md): a mapping or pairs,
#: values as for params (typed ``object`` for the same reason as :data:`ParamsArg`).
NamedArg = Union[Mapping[str, object], Iterable[Tuple[str, object]]]

#: Request headers: a mapping (Django's ``request.headers``), or ``(name, value)`` pairs.
Headers = Union[Mapping[str, str], Iterable[Tuple[str, str]]]



class SourceOptions(TypedDict, total=False):
    """One source of a :class:`~imgsign.Sources` set (``domain`` is required; every other
    field left out, or None, is "not given" and takes the core's default)."""

    domain: str
    path_prefix: Optional[str]
    provider: Optional[ProviderName]
    key: Optional[str]
    previous_keys: Sequence[str]
    salt: Optional[str]
    previous_salts: Sequence[str]
    options: Optional[NamedArg]
    profile: Optional[ProfileName]
    use_https: Optional[bool]
    include_library_param: Optional[bool]
    disable_path_encoding: Optional[bool]


class ProfileDefaults(TypedDict):
    """What a profile assumes when an argument is not given, and the library it names in
    ``ixlib`` (one entry of :func:`~imgsign.profile_defaults`)."""

    profile: ProfileName
    min_width: Optional[int]
    max_width: Optional[int]
    tolerance: Optional[float]
    library_param: str
    library_version: str
    include_library_param: bool


_PROVIDERS: FrozenSet[str] = frozenset(provider_names())
_PROFILES: FrozenSet[str] = frozenset(profile_names())
_CODES: FrozenSet[str] = frozenset(error_codes())


def is_provider_name(name: object) -> TypeGuard[ProviderName]:
    """True when ``name`` is one of the core's provider names, as written (``"imgix"``, ...)."""
    return isinstance(name, str) and name in _PROVIDERS


def is_profile_name(name: object) -> TypeGuard[ProfileName]:
    """True when ``name`` is one of the core's profile names, as written (``"canonical"``, ...)."""
    return isinstance(name, str) and name in _PROFILES


def is_error_code(code: object) -> TypeGuard[ErrorCode]:
    """True when ``code`` is one of the core's error codes (``"invalid_key"``, ...)."""
    return isinstance(code, str) and code in _CODES
