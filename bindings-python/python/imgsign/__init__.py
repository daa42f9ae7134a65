"""imgsign: build, sign and verify image-CDN URLs (imgix, Gumlet, Pixta, ImageBoss).

Every rule lives in the native core, so the same inputs give the same bytes in every
language imgsign ships for. Objects are immutable and safe to share between threads.

>>> import imgsign
>>> signer = imgsign.Signer("pixta", "wakanda123@")
>>> signer.sign_url("https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop")
'https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop&s=7d0d58f62c945d0ca08269205228bbe7'
"""

from ._errors import *  # noqa: F403 (the exception classes)
from ._errors import __all__ as __all__  # their names; type checkers read them from here
from ._imgsign import (
    Signer,
    Sources,
    UrlBuilder,
    __version__,
    argument_error_code,
    error_codes,
    profile_defaults,
    profile_names,
    provider_names,
    sign_origin_request,
    target_widths,
    verify_basic_auth,
    verify_origin_request,
    verify_origin_secret,
)
from ._types import (
    ErrorCode,
    Headers,
    Params,
    ParamValue,
    SourceOptions,
    ProfileDefaults,
    ProfileName,
    ProviderName,
    is_error_code,
    is_profile_name,
    is_provider_name,
)

__all__ += (
    "__version__",
    "Signer",
    "UrlBuilder",
    "Sources",
    "SourceOptions",
    "target_widths",
    "argument_error_code",
    "sign_origin_request",
    "verify_origin_request",
    "verify_basic_auth",
    "verify_origin_secret",
    "provider_names",
    "profile_names",
    "profile_defaults",
    "ProfileDefaults",
    "error_codes",
    "ParamValue",
    "Params",
    "Headers",
    "ProviderName",
    "ProfileName",
    "ErrorCode",
    "is_provider_name",
    "is_profile_name",
    "is_error_code",
)
