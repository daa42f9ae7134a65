"""Exception classes of imgsign: one class per stable error code.

The native module raises these by code (``ImgsignError.code`` equals the core's error code).
Messages name the field at fault and never contain a key or secret.
"""

from __future__ import annotations

from typing import ClassVar, Dict, Tuple, Type

from ._names import ErrorCode

# A tuple: imgsign/__init__.py extends its own copy with the native names.
__all__: Tuple[str, ...] = (
    "ImgsignError",
    "InvalidDomainError",
    "InvalidKeyError",
    "InvalidUrlError",
    "InvalidParamError",
    "InvalidSrcsetError",
    "VerifyError",
    "MissingSignatureError",
    "SignatureMismatchError",
    "ExpiredError",
    "MalformedUrlError",
    "MalformedHeaderError",
    "NotYetValidError",
    "IpMismatchError",
    "AclMismatchError",
    "UnknownSourceError",
)


class ImgsignError(Exception):
    """Base class of every imgsign error; ``.code`` is the stable error code.

    Only the subclasses, one per code, are ever raised; each sets ``code``.
    """

    code: ClassVar[ErrorCode]

    def __init__(self, message: str) -> None:
        super().__init__(message)
        #: The human-readable message (names the field at fault, never a secret).
        self.message: str = message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class InvalidDomainError(ImgsignError, ValueError):
    """The builder's domain is not a bare host name (code ``invalid_domain``)."""

    code = "invalid_domain"


class InvalidKeyError(ImgsignError, ValueError):
    """A key, token or secret is empty, malformed or out of limits (code ``invalid_key``)."""

    code = "invalid_key"


class InvalidUrlError(ImgsignError, ValueError):
    """A URL or verbatim path cannot be signed as given (code ``invalid_url``)."""

    code = "invalid_url"


class InvalidParamError(ImgsignError, ValueError):
    """A param, name or option value is not acceptable (code ``invalid_param``)."""

    code = "invalid_param"


class InvalidSrcsetError(ImgsignError, ValueError):
    """srcset or target-width options are out of range (code ``invalid_srcset``)."""

    code = "invalid_srcset"


class VerifyError(ImgsignError):
    """Base class of verification failures (URL or origin request)."""


class MissingSignatureError(VerifyError):
    """No signature (param or header) was present (code ``missing_signature``)."""

    code = "missing_signature"


class SignatureMismatchError(VerifyError):
    """The signature matches no key (code ``signature_mismatch``)."""

    code = "signature_mismatch"


class ExpiredError(VerifyError):
    """The URL is past ``expires`` or the request is outside the tolerance (code ``expired``)."""

    code = "expired"


class MalformedUrlError(VerifyError):
    """The URL cannot be parsed or its signature/expiry is misplaced (code ``malformed_url``)."""

    code = "malformed_url"


class MalformedHeaderError(VerifyError):
    """An origin header is present but not of the documented form (code ``malformed_header``)."""

    code = "malformed_header"


class NotYetValidError(VerifyError):
    """The token's start time is still to come (code ``not_yet_valid``)."""

    code = "not_yet_valid"


class IpMismatchError(VerifyError):
    """The token is bound to another client address, or to one and none was given (code
    ``ip_mismatch``)."""

    code = "ip_mismatch"


class AclMismatchError(VerifyError):
    """The token's ACL or allowed path does not cover the requested path (code
    ``acl_mismatch``)."""

    code = "acl_mismatch"


class UnknownSourceError(ImgsignError, LookupError):
    """No source of a :class:`Sources` set has that name, or takes the URL's host and path
    (code ``unknown_source``)."""

    code = "unknown_source"


_BY_CODE: Dict[str, Type[ImgsignError]] = {
    cls.code: cls
    for cls in (
        InvalidDomainError,
        InvalidKeyError,
        InvalidUrlError,
        InvalidParamError,
        InvalidSrcsetError,
        MissingSignatureError,
        SignatureMismatchError,
        ExpiredError,
        MalformedUrlError,
        MalformedHeaderError,
        NotYetValidError,
        IpMismatchError,
        AclMismatchError,
        UnknownSourceError,
    )
}
