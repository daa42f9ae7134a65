//! Encoding profiles: the canonical rules and the two compatibility profiles, each one value
//! of [`Rules`] (docs/behaviour.md, "Building").

use crate::encode::{
    IMGIX_JS_COMPONENT, IMGIX_JS_PATH, IMGIX_JS_SIGNED_QUERY, IMGIX_PYTHON_KEY, Keep, PATH, UNRESERVED,
};
use crate::error::{ErrorCode, Result, err};
use crate::provider::unknown_name;
use std::fmt;

/// The encoding profile of a [`crate::UrlBuilder`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Profile {
    /// imgsign's own rules: identical in every language (the default).
    #[default]
    Canonical,
    /// Byte-for-byte imgix-python 4.0.0 (`UrlBuilder.create_url` / `create_srcset`), except
    /// where a signed URL would not be what clients send.
    ImgixPython,
    /// Byte-for-byte @imgix/js-core 3.8.0 (`buildURL` / `buildSrcSet`), except where a
    /// signed URL would not be what clients send.
    ImgixJs,
}

impl Profile {
    /// Every profile, in a stable order.
    pub const ALL: [Profile; 3] = [Profile::Canonical, Profile::ImgixPython, Profile::ImgixJs];

    /// The profile's name: `canonical`, `imgix-python` or `imgix-js`.
    pub const fn name(self) -> &'static str {
        match self {
            Profile::Canonical => "canonical",
            Profile::ImgixPython => "imgix-python",
            Profile::ImgixJs => "imgix-js",
        }
    }

    /// Parses a profile name (`_` is accepted for `-`, ASCII case-insensitive).
    pub fn from_name(name: &str) -> Result<Profile> {
        let norm = name.replace('_', "-");
        match Profile::ALL.iter().find(|p| p.name().eq_ignore_ascii_case(&norm)) {
            Some(p) => Ok(*p),
            None => err(ErrorCode::InvalidParam, unknown_name("profile", Profile::ALL.map(Profile::name))),
        }
    }

    pub(crate) fn rules(self) -> &'static Rules {
        match self {
            Profile::Canonical => &CANONICAL,
            Profile::ImgixPython => &IMGIX_PYTHON,
            Profile::ImgixJs => &IMGIX_JS,
        }
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which paths are web-proxy paths (a source URL encoded as one component).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ProxyDetect {
    /// `http://` or `https://`, any case.
    SchemeAnyCase,
    /// Any path starting with the four letters `http` (imgix-python).
    HttpPrefix,
    /// `^https?://`, case-sensitive (imgix-js).
    SchemeExact,
}

/// The order params are written in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Order {
    /// By encoded key, byte order.
    Sorted,
    /// As a JavaScript object literal enumerates them: integer-like keys first (ascending),
    /// then the others in insertion order (imgix-js).
    ObjectLiteral,
}

/// Where the library param goes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum LibraryParam {
    /// Sorted in with the rest, replacing a user `ixlib`.
    Replace(&'static str),
    /// Placed first, a user `ixlib` kept as well.
    First(&'static str),
}

/// The data that distinguishes one profile's URL encoding.
pub(crate) struct Rules {
    pub(crate) path: &'static Keep,
    pub(crate) proxy: &'static Keep,
    pub(crate) proxy_space_plus: bool,
    pub(crate) proxy_detect: ProxyDetect,
    /// Keys and values as the library writes them.
    pub(crate) key: &'static Keep,
    pub(crate) value: &'static Keep,
    /// Keys and values of a signed URL: what clients send (see docs/behaviour.md, "What
    /// clients rewrite is never signed").
    pub(crate) signed_key: &'static Keep,
    pub(crate) signed_value: &'static Keep,
    pub(crate) b64_on_encoded_key: bool,
    pub(crate) order: Order,
    pub(crate) library_param: LibraryParam,
    /// An empty path is written without `/` (unsigned URLs only: clients send the `/`).
    pub(crate) empty_path_is_empty: bool,
    pub(crate) allow_empty_key: bool,
    pub(crate) domain_any_case: bool,
    pub(crate) lowercase_domain: bool,
}

impl Rules {
    /// Whether `rest` (the path after its one stripped leading `/`) is a web-proxy path.
    pub(crate) fn is_proxy(&self, rest: &str) -> bool {
        let starts_ci =
            |p: &str| rest.as_bytes().get(..p.len()).is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()));
        match self.proxy_detect {
            ProxyDetect::SchemeAnyCase => starts_ci("http://") || starts_ci("https://"),
            ProxyDetect::HttpPrefix => rest.starts_with("http"),
            ProxyDetect::SchemeExact => rest.starts_with("http://") || rest.starts_with("https://"),
        }
    }

    /// The key and value sets for a URL that is signed or not.
    pub(crate) fn query_sets(&self, signed: bool) -> (&'static Keep, &'static Keep) {
        if signed { (self.signed_key, self.signed_value) } else { (self.key, self.value) }
    }
}

const IMGSIGN_IXLIB: &str = concat!("imgsign-", env!("CARGO_PKG_VERSION"));

static CANONICAL: Rules = Rules {
    path: &PATH,
    proxy: &UNRESERVED,
    proxy_space_plus: false,
    proxy_detect: ProxyDetect::SchemeAnyCase,
    key: &UNRESERVED,
    value: &UNRESERVED,
    signed_key: &UNRESERVED,
    signed_value: &UNRESERVED,
    b64_on_encoded_key: false,
    order: Order::Sorted,
    library_param: LibraryParam::Replace(IMGSIGN_IXLIB),
    empty_path_is_empty: false,
    allow_empty_key: false,
    domain_any_case: true,
    lowercase_domain: true,
};

static IMGIX_PYTHON: Rules = Rules {
    path: &PATH,
    proxy: &UNRESERVED,
    proxy_space_plus: true,
    proxy_detect: ProxyDetect::HttpPrefix,
    key: &IMGIX_PYTHON_KEY,
    value: &UNRESERVED,
    signed_key: &IMGIX_PYTHON_KEY,
    signed_value: &UNRESERVED,
    b64_on_encoded_key: true,
    order: Order::Sorted,
    library_param: LibraryParam::Replace("python-4.0.0"),
    empty_path_is_empty: true,
    allow_empty_key: true,
    domain_any_case: false,
    lowercase_domain: false,
};

static IMGIX_JS: Rules = Rules {
    path: &IMGIX_JS_PATH,
    proxy: &IMGIX_JS_COMPONENT,
    proxy_space_plus: false,
    proxy_detect: ProxyDetect::SchemeExact,
    key: &IMGIX_JS_COMPONENT,
    value: &IMGIX_JS_COMPONENT,
    signed_key: &IMGIX_JS_SIGNED_QUERY,
    signed_value: &IMGIX_JS_SIGNED_QUERY,
    b64_on_encoded_key: false,
    order: Order::ObjectLiteral,
    library_param: LibraryParam::First("js-3.8.0"),
    empty_path_is_empty: false,
    allow_empty_key: true,
    domain_any_case: true,
    lowercase_domain: false,
};
