"""Type stubs of the native module ``imgsign._imgsign`` (re-exported by ``imgsign``)."""

from typing import Iterable, List, Mapping, Optional, Sequence, Tuple, final, overload

from ._names import ErrorCode, ProfileName, ProviderName
from ._types import Headers as _Headers
from ._types import ParamsArg as _Params
from ._types import NamedArg as _Named
from ._types import ProfileDefaults, SourceOptions

__all__ = [
    "__version__",
    "Signer",
    "Sources",
    "UrlBuilder",
    "argument_error_code",
    "error_codes",
    "profile_defaults",
    "profile_names",
    "provider_names",
    "sign_origin_request",
    "target_widths",
    "verify_basic_auth",
    "verify_origin_request",
    "verify_origin_secret",
]
__version__: str

@final
class Signer:
    """Signs URLs as given and verifies signed URLs for one provider and key."""

    def __new__(
        cls,
        provider: ProviderName,
        key: str,
        previous_keys: Optional[Sequence[str]] = None,
        *,
        salt: Optional[str] = None,
        previous_salts: Optional[Sequence[str]] = None,
        options: Optional[_Named] = None,
    ) -> "Signer": ...
    @property
    def provider(self) -> ProviderName:
        """The provider's name."""
    @property
    def previous_key_count(self) -> int:
        """How many previous keys verify_url also accepts."""
    def sign_url(
        self,
        url: str,
        *,
        expires: Optional[int] = None,
        expires_in: Optional[int] = None,
        now: Optional[int] = None,
        values: Optional[_Named] = None,
    ) -> str:
        """Signs ``url`` as given, replacing any existing signature."""
    def sign_urls(
        self,
        urls: Sequence[str],
        *,
        expires: Optional[int] = None,
        expires_in: Optional[int] = None,
        now: Optional[int] = None,
        values: Optional[_Named] = None,
    ) -> List[str]:
        """Signs many URLs in one call, with one expiry and one set of values."""
    def verify_url(self, url: str, now: Optional[int] = None, *, values: Optional[_Named] = None) -> None:
        """Verifies ``url``; raises a VerifyError subclass on failure."""
    def verify(self, target: str, now: Optional[int] = None, *, values: Optional[_Named] = None) -> None:
        """Verifies a request target (``/path?query`` as received) or a full URL."""
    def sign_token(
        self,
        *,
        expires: Optional[int] = None,
        expires_in: Optional[int] = None,
        now: Optional[int] = None,
        values: Optional[_Named] = None,
    ) -> str:
        """A token on its own (for a cookie or a header), for a scheme whose signature is a token."""
    def verify_token(self, token: str, now: Optional[int] = None, *, values: Optional[_Named] = None) -> None:
        """Verifies a token on its own; raises a VerifyError subclass on failure."""

@final
class UrlBuilder:
    """Builds (and, with a key, signs) URLs on one domain."""

    def __new__(
        cls,
        domain: str,
        provider: Optional[ProviderName] = None,
        key: Optional[str] = None,
        profile: Optional[ProfileName] = None,
        use_https: Optional[bool] = None,
        include_library_param: Optional[bool] = None,
        disable_path_encoding: Optional[bool] = None,
        *,
        salt: Optional[str] = None,
        options: Optional[_Named] = None,
    ) -> "UrlBuilder": ...
    @property
    def path_prefix(self) -> Optional[str]:
        """A source's path prefix (``Sources.source``); None for a builder made on its own."""
    @property
    def domain(self) -> str:
        """The domain URLs are built on."""
    @property
    def provider(self) -> ProviderName:
        """The provider's name."""
    @property
    def profile(self) -> ProfileName:
        """The profile's name."""
    @property
    def use_https(self) -> bool:
        """Whether URLs use https://."""
    @property
    def include_library_param(self) -> bool:
        """Whether the ixlib param is added."""
    @property
    def disable_path_encoding(self) -> bool:
        """Whether paths are used as given."""
    @property
    def is_signed(self) -> bool:
        """Whether the builder signs its URLs."""
    def build_url(
        self, path: str, params: Optional[_Params] = None, *, disable_path_encoding: Optional[bool] = None
    ) -> str:
        """Builds (and signs) the URL for ``path`` with ``params``."""
    def reconstruct(self, original_url: str, params: Optional[_Params] = None) -> str:
        """Merges ``params`` into ``original_url``'s query and writes and signs it again."""
    def request_target(self, path: str, query: str) -> str:
        """The request target a client sent for a URL this builder built, from the decoded path."""
    def build_urls(self, items: Sequence[Tuple[str, Optional[_Params]]]) -> List[str]:
        """Builds many URLs in one call."""
    def build_srcset(
        self,
        path: str,
        params: Optional[_Params] = None,
        *,
        widths: Optional[Sequence[float]] = None,
        min_width: Optional[float] = None,
        max_width: Optional[float] = None,
        tolerance: Optional[float] = None,
        device_pixel_ratios: Optional[Sequence[float]] = None,
        variable_qualities: Optional[Mapping[float, int]] = None,
        disable_variable_quality: Optional[bool] = None,
        disable_path_encoding: Optional[bool] = None,
    ) -> str:
        """Builds a srcset for ``path``."""

@final
class Sources:
    """Several named sources; signing and verifying choose the source by the URL's host and path."""

    @overload
    def __new__(cls, sources: Mapping[str, SourceOptions]) -> "Sources": ...
    @overload
    def __new__(cls, sources: Iterable[Tuple[str, SourceOptions]]) -> "Sources": ...
    @property
    def names(self) -> List[str]:
        """The sources' names, in the order given."""
    def source(self, name: str) -> UrlBuilder:
        """The builder of the source named ``name``; raises UnknownSourceError for another name."""
    def sign_url(
        self,
        url: str,
        *,
        expires: Optional[int] = None,
        expires_in: Optional[int] = None,
        now: Optional[int] = None,
        values: Optional[_Named] = None,
    ) -> str:
        """Signs ``url`` with the key of its source."""
    def sign_urls(
        self,
        urls: Sequence[str],
        *,
        expires: Optional[int] = None,
        expires_in: Optional[int] = None,
        now: Optional[int] = None,
        values: Optional[_Named] = None,
    ) -> List[str]:
        """Signs many URLs in one call, each with the key of its source, with one expiry."""
    def verify_url(self, url: str, now: Optional[int] = None, *, values: Optional[_Named] = None) -> None:
        """Verifies ``url`` with the keys of its source; raises a VerifyError subclass on failure."""
    def verify(
        self, target: str, host: str, now: Optional[int] = None, *, values: Optional[_Named] = None
    ) -> None:
        """Verifies a request target (or a full URL) a server for ``host`` received."""

def target_widths(
    min_width: Optional[float] = None,
    max_width: Optional[float] = None,
    tolerance: Optional[float] = None,
    *,
    profile: Optional[str] = None,
) -> List[int]:
    """The fluid srcset widths of ``profile`` (canonical when not given; an argument not given
    takes the core's default)."""

def argument_error_code(operation: str, argument: str) -> Optional[ErrorCode]:
    """The error code a wrong-typed or ill-formed value of ``argument`` of ``operation`` gets."""

def provider_names() -> List[ProviderName]:
    """Every provider name of the core, in its stable order."""

def profile_names() -> List[ProfileName]:
    """Every profile name of the core, in its stable order."""

def profile_defaults() -> List[ProfileDefaults]:
    """Every profile's defaults (srcset range, ``ixlib`` value and version), in the order of
    ``profile_names()``."""

def error_codes() -> List[ErrorCode]:
    """Every error code of the core, in its stable order."""

def sign_origin_request(key: str, request_id: str, timestamp: int) -> str:
    """Signs an origin request: returns ``v1,<HEX>``."""

def verify_origin_request(
    key: str, headers: _Headers, now: Optional[int] = None, tolerance: Optional[int] = None
) -> None:
    """Verifies an origin request's signature headers."""

def verify_basic_auth(username: str, password: str, headers: _Headers) -> None:
    """Checks an ``Authorization: Basic`` header."""

def verify_origin_secret(secret: str, headers: _Headers) -> None:
    """Checks the ``X-Imgix-Origin-Secret`` header."""
