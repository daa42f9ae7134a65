"""imgsign: build, sign and verify image-CDN URLs (imgix, Gumlet, Pixta, ImageBoss).

Every rule lives in the native core, so the same inputs give the same bytes in every
language imgsign ships for. Objects are immutable and safe to share between threads.

>>> import imgsign
>>> signer = imgsign.Signer("pixta", "wakanda123@")
>>> signer.sign_url("https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop")
'https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop&s=7d0d58f62c945d0ca08269205228bbe7'
"""

from ._errors import (
    ExpiredError,
    ImgsignError,
    InvalidDomainError,
    InvalidKeyError,
    InvalidParamError,
    InvalidSrcsetError,
    InvalidUrlError,
    MalformedHeaderError,
    MalformedUrlError,
    MissingSignatureError,
    SignatureMismatchError,
    VerifyError,
)
from ._imgsign import (
    Signer,
    UrlBuilder,
    __version__,
    argument_error_code,
    sign_origin_request,
    target_widths,
    verify_basic_auth,
    verify_origin_request,
    verify_origin_secret,
)

__all__ = [
    "__version__",
    "Signer",
    "UrlBuilder",
    "target_widths",
    "argument_error_code",
    "sign_origin_request",
    "verify_origin_request",
    "verify_basic_auth",
    "verify_origin_secret",
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
]
