"""Differential test: profile `imgix-python` against the official imgix-python 4.0.0.

imgsign keeps the library's bytes except where clients would send something else (the rule
"what clients rewrite is never signed", docs/behaviour.md): a signed URL of an empty path gets
the `/` every client sends, and is signed over it. `as_sent` applies that rule to the
library's own URL, re-signed by imgix's documented formula, md5(key + path + query). A path
with a `.` or `..` segment, which browsers remove, is refused (`InvalidUrlError`)."""

import hashlib
import re

import imgix
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import imgsign

assert imgix.__version__ == "4.0.0"

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
keys = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=24)
param_keys = (st.sampled_from(["w", "h", "ar", "fit", "txt64", "q", "dpr", "mark64"]) | text).filter(
    lambda k: k not in ("", "s", "ixlib")
)
params_st = st.dictionaries(param_keys, text, max_size=5)
domains = st.sampled_from(["demo.imgix.net", "my-social-network.imgix.net", "assets.example.com"])


def as_sent(url, key):
    """The library's URL as clients send it: an empty path is `/` (and signed so)."""
    if key is None:
        return url
    m = re.fullmatch(r"(https?://[^/?]+)(/[^?]*)?(\?.*?)?[?&]s=[0-9a-f]{32}", url)
    assert m, url
    origin, path, query = m.group(1), m.group(2) or "/", m.group(3) or ""
    signature = hashlib.md5((key + path + query).encode()).hexdigest()
    return f"{origin}{path}{query}{'&' if query else '?'}s={signature}"


def dot_segment(url):
    """Whether the library's URL has a `.`/`..` path segment (browsers remove them)."""
    path = re.sub(r"^https?://[^/?]+", "", url).split("?", 1)[0]
    return any(seg.lower().replace("%2e", ".") in (".", "..") for seg in path.split("/"))


def same(ours, theirs, expected):
    """`ours()` gives `expected`, or refuses a URL browsers would rewrite."""
    if dot_segment(theirs):
        with pytest.raises(imgsign.InvalidUrlError):
            ours()
    else:
        assert ours() == expected


def srcset_as_sent(srcset, key):
    entries = [e.rsplit(" ", 1) for e in srcset.split(",\n")]
    return ",\n".join(f"{as_sent(url, key)} {descriptor}" for url, descriptor in entries)


def pair(domain, key, lib):
    ours = imgsign.UrlBuilder(domain, key=key, profile="imgix-python", include_library_param=lib)
    theirs = imgix.UrlBuilder(domain, sign_key=key, include_library_param=lib)
    return ours, theirs


@pytest.mark.parametrize("lib", [False, True])
@settings(max_examples=300, deadline=None)
@given(domain=domains, key=st.none() | keys, path=text, params=params_st)
def test_create_url_matches(lib, domain, key, path, params):
    ours, theirs = pair(domain, key, lib)
    url = theirs.create_url(path, dict(params))
    same(lambda: ours.build_url(path, params), url, as_sent(url, key))


@pytest.mark.parametrize("lib", [False, True])
@settings(max_examples=100, deadline=None)
@given(domain=domains, key=st.none() | keys, path=text, params=params_st)
def test_create_srcset_matches(lib, domain, key, path, params):
    ours, theirs = pair(domain, key, lib)
    srcset = theirs.create_srcset(path, dict(params))
    same(lambda: ours.build_srcset(path, params), srcset.split(" ", 1)[0], srcset_as_sent(srcset, key))


@settings(max_examples=50, deadline=None)
@given(key=keys, path=text, w=st.integers(1, 4000), dvq=st.booleans())
def test_fixed_srcset_matches(key, path, w, dvq):
    ours, theirs = pair("demo.imgix.net", key, False)
    theirs_srcset = theirs.create_srcset(path, {"w": str(w)}, disable_variable_quality=dvq)
    same(
        lambda: ours.build_srcset(path, {"w": str(w)}, disable_variable_quality=dvq),
        theirs_srcset.split(" ", 1)[0],
        srcset_as_sent(theirs_srcset, key),
    )
