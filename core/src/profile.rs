//! Encoding profiles: the canonical rules and the four compatibility profiles, each one
//! value of [`Rules`] (docs/behaviour.md, "Building").

use crate::encode::{
    IMGIX_JAVA_PATH, IMGIX_JS_COMPONENT, IMGIX_JS_PATH, IMGIX_JS_SIGNED_QUERY, IMGIX_PYTHON_KEY,
    IMGIX_SWIFT_PATH, Keep, PATH, UNRESERVED, encode_into,
};
use crate::error::{ErrorCode, Result, err};
use crate::provider::unknown_name;
use crate::values::ValueStyle;
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
    /// Byte-for-byte imgix-swift 1.1.3 on Apple platforms (`buildUrl`, `reconstruct`); it has
    /// no srcset.
    ImgixSwift,
    /// Byte-for-byte imgix-java 2.3.2 (`URLBuilder.createURL` / `createSrcSet`), as Android
    /// apps use it.
    ImgixJava,
}

impl Profile {
    /// Every profile, in a stable order.
    pub const ALL: [Profile; 5] =
        [Profile::Canonical, Profile::ImgixPython, Profile::ImgixJs, Profile::ImgixSwift, Profile::ImgixJava];

    /// The profile's name: `canonical`, `imgix-python`, `imgix-js`, `imgix-swift` or
    /// `imgix-java`.
    pub const fn name(self) -> &'static str {
        match self {
            Profile::Canonical => "canonical",
            Profile::ImgixPython => "imgix-python",
            Profile::ImgixJs => "imgix-js",
            Profile::ImgixSwift => "imgix-swift",
            Profile::ImgixJava => "imgix-java",
        }
    }

    /// The `ixlib` value the profile writes when the library param is on
    /// (`imgsign-<version>`, `python-4.0.0`, `js-3.8.0`, `swift-1.1.3`, `java-2.3.2`).
    pub const fn library_param(self) -> &'static str {
        match self.rules().library_param {
            LibraryParam::Replace(v) | LibraryParam::First(v) => v,
        }
    }

    /// Whether the profile adds the library param when `include_library_param` is not given:
    /// the official libraries do, the canonical profile does not.
    pub const fn includes_library_param_by_default(self) -> bool {
        self.rules().library_param_default
    }

    /// Parses a profile name (`_` is accepted for `-`, ASCII case-insensitive).
    pub fn from_name(name: &str) -> Result<Profile> {
        let norm = name.replace('_', "-");
        match Profile::ALL.iter().find(|p| p.name().eq_ignore_ascii_case(&norm)) {
            Some(p) => Ok(*p),
            None => err(ErrorCode::InvalidParam, unknown_name("profile", Profile::ALL.map(Profile::name))),
        }
    }

    pub(crate) const fn rules(self) -> &'static Rules {
        match self {
            Profile::Canonical => &CANONICAL,
            Profile::ImgixPython => &IMGIX_PYTHON,
            Profile::ImgixJs => &IMGIX_JS,
            Profile::ImgixSwift => &IMGIX_SWIFT,
            Profile::ImgixJava => &IMGIX_JAVA,
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

/// How the path is prepared before encoding.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum PathStyle {
    /// One leading `/` stripped, the rest encoded as one string, `/` put back.
    StripOne,
    /// Nothing stripped: proxy detection on the path as given, a `/` put in front only when
    /// the encoded path does not start with one (imgix-swift).
    AddSlash,
    /// One leading `/` stripped and trailing ones dropped (Java's `split("/")`), an encoded
    /// web-proxy path (`http%3A%2F%2F…`) used as given (imgix-java).
    JavaSegments,
}

/// The order params are written in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Order {
    /// By encoded key, byte order.
    Sorted,
    /// By raw key in Unicode scalar order of its NFC form, keys equal under NFC in the
    /// caller's order (Swift's `String` comparison; imgix-swift).
    RawNfc,
    /// By raw key in UTF-16 code-unit order (Java's `String.compareTo`; imgix-java).
    RawUtf16,
    /// As a JavaScript object literal enumerates them: integer-like keys first (ascending),
    /// then the others in insertion order (imgix-js).
    ObjectLiteral,
}

/// Which library's srcset rules the profile follows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum SrcsetStyle {
    Canonical,
    Python,
    Js,
    Java,
    /// The library has no srcset (imgix-swift 1.1.3): `build_srcset` and `target_widths` are
    /// `invalid_param`.
    Unsupported,
}

/// What `reconstruct` means in the profile.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReconstructStyle {
    /// The path kept as sent, the query's values decoded (base64 ones too) and merged, then
    /// written by the profile's rules.
    Canonical,
    /// imgix-swift's `reconstruct(originalURL:params:)`: the decoded path built again, the
    /// decoded query merged as it is (docs/behaviour.md, "reconstruct").
    Swift,
}

/// Where the library param goes, and its value.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum LibraryParam {
    /// Sorted in with the rest, replacing a user `ixlib`.
    Replace(&'static str),
    /// Placed first, a user `ixlib` kept as well.
    First(&'static str),
}

/// The data that distinguishes one profile's URL encoding.
pub(crate) struct Rules {
    pub(crate) path_style: PathStyle,
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
    pub(crate) values: ValueStyle,
    pub(crate) library_param: LibraryParam,
    /// Whether the library param is on when `include_library_param` is not given.
    pub(crate) library_param_default: bool,
    pub(crate) srcset: SrcsetStyle,
    pub(crate) reconstruct: ReconstructStyle,
    /// An empty path is written without `/` (unsigned URLs only: clients send the `/`).
    pub(crate) empty_path_is_empty: bool,
    pub(crate) allow_empty_key: bool,
    pub(crate) domain_any_case: bool,
    pub(crate) lowercase_domain: bool,
}

impl Rules {
    /// Appends `path` encoded by the profile's path rules: with `/` in front of what follows
    /// one stripped leading `/`, a web-proxy path as one component, any other with the path
    /// set; in `imgix-swift` the proxy test sees the whole path and a `/` is added if
    /// missing. What the builder and `request_target` share; the builder's own cases
    /// (paths used as given, imgix-java's) come before it.
    pub(crate) fn encode_path_into(&self, path: &str, out: &mut String) {
        let start = out.len();
        if self.path_style == PathStyle::AddSlash {
            let keep = if self.is_proxy(path) { self.proxy } else { self.path };
            encode_into(out, path, keep, false);
            if !out.get(start..).is_some_and(|p| p.starts_with('/')) {
                out.insert(start, '/');
            }
            return;
        }
        let rest = path.strip_prefix('/').unwrap_or(path);
        out.push('/');
        if self.is_proxy(rest) {
            encode_into(out, rest, self.proxy, self.proxy_space_plus);
        } else {
            encode_into(out, rest, self.path, false);
        }
    }

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

    /// Whether a param's value is written as base64url: its key (raw, or encoded when the
    /// library tests the encoded key) ends in `64`.
    pub(crate) fn is_base64(&self, raw: &str, encoded: &str) -> bool {
        if self.b64_on_encoded_key { encoded.ends_with("64") } else { raw.ends_with("64") }
    }

    /// The key and value sets for a URL that is signed or not.
    pub(crate) fn query_sets(&self, signed: bool) -> (&'static Keep, &'static Keep) {
        if signed { (self.signed_key, self.signed_value) } else { (self.key, self.value) }
    }
}

const IMGSIGN_IXLIB: &str = concat!("imgsign-", env!("CARGO_PKG_VERSION"));

static CANONICAL: Rules = Rules {
    path_style: PathStyle::StripOne,
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
    values: ValueStyle::Canonical,
    library_param: LibraryParam::Replace(IMGSIGN_IXLIB),
    library_param_default: false,
    srcset: SrcsetStyle::Canonical,
    reconstruct: ReconstructStyle::Canonical,
    empty_path_is_empty: false,
    allow_empty_key: false,
    domain_any_case: true,
    lowercase_domain: true,
};

static IMGIX_PYTHON: Rules = Rules {
    path_style: PathStyle::StripOne,
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
    values: ValueStyle::Python,
    library_param: LibraryParam::Replace("python-4.0.0"),
    library_param_default: true,
    srcset: SrcsetStyle::Python,
    reconstruct: ReconstructStyle::Canonical,
    empty_path_is_empty: true,
    allow_empty_key: true,
    domain_any_case: false,
    lowercase_domain: false,
};

static IMGIX_JS: Rules = Rules {
    path_style: PathStyle::StripOne,
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
    values: ValueStyle::JavaScript,
    library_param: LibraryParam::First("js-3.8.0"),
    library_param_default: true,
    srcset: SrcsetStyle::Js,
    reconstruct: ReconstructStyle::Canonical,
    empty_path_is_empty: false,
    allow_empty_key: true,
    domain_any_case: true,
    lowercase_domain: false,
};

static IMGIX_SWIFT: Rules = Rules {
    path_style: PathStyle::AddSlash,
    path: &IMGIX_SWIFT_PATH,
    proxy: &IMGIX_JS_COMPONENT,
    proxy_space_plus: false,
    proxy_detect: ProxyDetect::SchemeExact,
    // `CharacterSet.alphanumerics` + `-_.!~*'()`: only its ASCII part counts, because
    // Foundation percent-encodes every byte of 0x80 and above whatever the set holds.
    key: &IMGIX_JS_COMPONENT,
    value: &IMGIX_JS_COMPONENT,
    signed_key: &IMGIX_JS_SIGNED_QUERY,
    signed_value: &IMGIX_JS_SIGNED_QUERY,
    b64_on_encoded_key: false,
    order: Order::RawNfc,
    values: ValueStyle::Swift,
    library_param: LibraryParam::Replace("swift-1.1.3"),
    library_param_default: true,
    srcset: SrcsetStyle::Unsupported,
    reconstruct: ReconstructStyle::Swift,
    empty_path_is_empty: false,
    allow_empty_key: true,
    domain_any_case: true,
    lowercase_domain: false,
};

static IMGIX_JAVA: Rules = Rules {
    path_style: PathStyle::JavaSegments,
    path: &IMGIX_JAVA_PATH,
    proxy: &IMGIX_JS_COMPONENT,
    proxy_space_plus: false,
    proxy_detect: ProxyDetect::SchemeExact,
    key: &IMGIX_JS_COMPONENT,
    value: &IMGIX_JS_COMPONENT,
    signed_key: &IMGIX_JS_SIGNED_QUERY,
    signed_value: &IMGIX_JS_SIGNED_QUERY,
    b64_on_encoded_key: true,
    order: Order::RawUtf16,
    values: ValueStyle::Java,
    library_param: LibraryParam::Replace("java-2.3.2"),
    library_param_default: true,
    srcset: SrcsetStyle::Java,
    reconstruct: ReconstructStyle::Canonical,
    empty_path_is_empty: false,
    allow_empty_key: true,
    domain_any_case: false,
    lowercase_domain: false,
};

/// The encoded web-proxy prefixes imgix-java passes through unchanged (all-uppercase or
/// all-lowercase escapes only, as its test of the prefix is written).
pub(crate) const JAVA_ENCODED_PROXY: [&str; 4] =
    ["http%3A%2F%2F", "https%3A%2F%2F", "http%3a%2f%2f", "https%3a%2f%2f"];
