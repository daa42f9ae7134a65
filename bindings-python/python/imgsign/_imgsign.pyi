"""Type stubs of the native module ``imgsign._imgsign`` (re-exported by ``imgsign``)."""

from typing import Iterable, List, Mapping, Optional, Sequence, Tuple, Union, final

_ParamValue = Union[str, int, float, bool, None]
# A mapping, or (key, value) pairs (which keep order and may repeat a key, an error).
_Params = Union[Mapping[str, _ParamValue], Iterable[Tuple[str, _ParamValue]]]
_Headers = Union[Mapping[str, str], Iterable[Tuple[str, str]]]

__all__ = [
    "__version__",
    "Signer",
    "UrlBuilder",
    "argument_error_code",
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

    def __new__(cls, provider: str, key: str, previous_keys: Optional[Sequence[str]] = None) -> "Signer": ...
    @property
    def provider(self) -> str:
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
    ) -> str:
        """Signs ``url`` as given, replacing any existing signature param."""
    def sign_urls(self, urls: Sequence[str]) -> List[str]:
        """Signs many URLs in one call."""
    def verify_url(self, url: str, now: Optional[int] = None) -> None:
        """Verifies ``url``; raises a VerifyError subclass on failure."""
    def verify(self, target: str, now: Optional[int] = None) -> None:
        """Verifies a request target (``/path?query`` as received) or a full URL."""

@final
class UrlBuilder:
    """Builds (and, with a key, signs) URLs on one domain."""

    def __new__(
        cls,
        domain: str,
        provider: Optional[str] = None,
        key: Optional[str] = None,
        profile: Optional[str] = None,
        use_https: Optional[bool] = None,
        include_library_param: Optional[bool] = None,
        disable_path_encoding: Optional[bool] = None,
    ) -> "UrlBuilder": ...
    @property
    def domain(self) -> str:
        """The domain URLs are built on."""
    @property
    def provider(self) -> str:
        """The provider's name."""
    @property
    def profile(self) -> str:
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

def target_widths(
    min_width: Optional[float] = None,
    max_width: Optional[float] = None,
    tolerance: Optional[float] = None,
    *,
    profile: Optional[str] = None,
) -> List[int]:
    """The fluid srcset widths of ``profile`` (canonical when not given; an argument not given
    takes the core's default)."""

def argument_error_code(operation: str, argument: str) -> Optional[str]:
    """The error code a wrong-typed or ill-formed value of ``argument`` of ``operation`` gets."""

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
