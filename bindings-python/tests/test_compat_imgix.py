"""Differential test: ``imgsign.compat.imgix`` against the official imgix-python 4.0.0, over
every value type imgix-python accepts (str, int, float, bool, None, and any other object,
which it writes as ``str()``), every argument of ``UrlBuilder``, ``create_url``,
``create_srcset`` and ``target_widths``.

The shim keeps the library's bytes except where imgsign's documented rules apply (see
test_imgix_differential.py and docs/migrate-imgix-python.md): a signed URL is written as
clients send it, a path with a dot segment is refused, a user ``s`` is dropped when signing
(not generated here), NaN, infinities and integers beyond 64 bits are refused (not
generated here), and errors are imgsign's."""

import inspect
from decimal import Decimal

import imgix
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_imgix_differential import as_sent, dot_segment, srcset_as_sent

import imgsign
from imgsign.compat import imgix as shim

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=16)
keys = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=24)
finite = st.floats(allow_nan=False, allow_infinity=False)
values = st.one_of(
    text,
    st.integers(-(2**63), 2**63 - 1),
    finite,
    st.booleans(),
    st.none(),
    st.decimals(allow_nan=False, allow_infinity=False, places=3),
    st.lists(st.integers(0, 9), max_size=3),
)
param_keys = (st.sampled_from(["w", "h", "q", "dpr", "fit", "txt64", "mark64", "ixlib", "ar", ""]) | text).filter(
    lambda k: k != "s"
)
params_st = st.dictionaries(param_keys, values, max_size=5)
domains = st.sampled_from(["demo.imgix.net", "my-social-network.imgix.net", "assets.example.com"])
options_st = st.fixed_dictionaries({}, optional={"disable_path_encoding": st.booleans()})


def outcome(call):
    """The result, or that it raised (the exception types are each library's own)."""
    try:
        return ("ok", call())
    except Exception:  # noqa: BLE001 (the official library raises several types)
        return ("raise", None)


def check(ours, theirs, expected_of):
    """`ours()` gives the library's result (as clients send it), raises where the library
    raises, and refuses what browsers would rewrite."""
    lib = outcome(theirs)
    if lib[0] == "raise":
        with pytest.raises(imgsign.ImgsignError):
            ours()
        return
    if dot_segment(lib[1].split(" ", 1)[0]):
        with pytest.raises(imgsign.InvalidUrlError):
            ours()
        return
    assert ours() == expected_of(lib[1])


def verbatim_path_ok(path, options):
    """imgsign refuses a verbatim path that is not a valid URL path (the library emits it)."""
    if not (options or {}).get("disable_path_encoding"):
        return True
    rest = path[1:] if path.startswith("/") else path
    try:
        imgsign.UrlBuilder("a.imgix.net", disable_path_encoding=True).build_url(rest)
        return True
    except imgsign.InvalidUrlError:
        return False


def test_public_signatures_are_the_librarys():
    for name in ("__init__", "create_url", "validate_domain"):
        ours = inspect.signature(getattr(shim.UrlBuilder, name))
        theirs = inspect.signature(getattr(imgix.UrlBuilder, name))
        assert list(ours.parameters) == list(theirs.parameters), name
        if name == "__init__":
            assert [p.default for p in ours.parameters.values()] == [p.default for p in theirs.parameters.values()]
    ours, theirs = inspect.signature(shim.target_widths), inspect.signature(imgix.target_widths)
    assert [(p.name, p.default) for p in ours.parameters.values()] == [
        (p.name, p.default) for p in theirs.parameters.values()
    ]
    assert list(inspect.signature(shim.UrlBuilder.create_srcset).parameters) == list(
        inspect.signature(imgix.UrlBuilder.create_srcset).parameters
    )


@pytest.mark.parametrize("lib", [False, True, None])
@settings(max_examples=250, deadline=None)
@given(domain=domains, key=st.none() | keys, path=text, params=params_st, options=options_st, https=st.booleans())
def test_create_url(lib, domain, key, path, params, options, https):
    kw = {} if lib is None else {"include_library_param": lib}
    ours = shim.UrlBuilder(domain, use_https=https, sign_key=key, **kw)
    theirs = imgix.UrlBuilder(domain, use_https=https, sign_key=key, **kw)
    if not verbatim_path_ok(path, options):
        with pytest.raises(imgsign.InvalidUrlError):
            ours.create_url(path, params, options)
        return
    check(lambda: ours.create_url(path, params, options), lambda: theirs.create_url(path, dict(params), options),
          lambda url: as_sent(url, key))


widths_st = st.lists(st.integers(0, 9000) | st.floats(0.5, 9000, allow_nan=False), max_size=4)
ratio_st = st.lists(st.integers(1, 5) | st.sampled_from([1.5, 2.5]), min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(
    key=st.none() | keys,
    path=text,
    params=params_st,
    widths=st.none() | widths_st,
    start=st.none() | st.integers(1, 9000) | st.floats(1, 9000),
    stop=st.none() | st.integers(1, 9000) | st.floats(1, 9000),
    tol=st.none() | st.sampled_from([0.01, 0.08, 0.25, 0.5, 2]),
    dvq=st.none() | st.booleans(),
    vq=st.none() | st.dictionaries(st.integers(1, 5), st.integers(0, 100), max_size=5),
    dprs=st.none() | ratio_st,
    dpe=st.none() | st.booleans(),
)
def test_create_srcset(key, path, params, widths, start, stop, tol, dvq, vq, dprs, dpe):
    kw = {k: v for k, v in dict(widths=widths, start=start, stop=stop, tol=tol,
                                disable_variable_quality=dvq).items() if v is not None}
    options = {k: v for k, v in dict(variable_qualities=vq, device_pixel_ratios=dprs,
                                     disable_path_encoding=dpe).items() if v is not None}
    ours, theirs = shim.UrlBuilder("demo.imgix.net", sign_key=key), imgix.UrlBuilder("demo.imgix.net", sign_key=key)
    if not verbatim_path_ok(path, options):
        return
    check(lambda: ours.create_srcset(path, params, options, **kw),
          lambda: theirs.create_srcset(path, dict(params), dict(options), **kw),
          lambda s: srcset_as_sent(s, key))


@settings(max_examples=200, deadline=None)
@given(start=st.integers(-5, 9000) | st.floats(-5, 9000), stop=st.integers(-5, 9000) | st.floats(-5, 9000),
       tol=st.floats(0, 3))
def test_target_widths(start, stop, tol):
    lib = outcome(lambda: imgix.target_widths(start, stop, tol))
    if lib[0] == "raise":
        with pytest.raises(imgsign.InvalidSrcsetError):
            shim.target_widths(start, stop, tol)
    else:
        assert shim.target_widths(start, stop, tol) == lib[1]


def test_value_types_print_as_python_prints_them():
    b = shim.UrlBuilder("demo.imgix.net", include_library_param=False)
    params = {"t": True, "f": False, "n": None, "one": 1.0, "e": 1e21, "d": Decimal("1.50"), "l": [1, 2]}
    assert b.create_url("a.jpg", params) == imgix.UrlBuilder("demo.imgix.net", include_library_param=False).create_url(
        "a.jpg", params)
    assert "t=True" in b.create_url("a.jpg", params) and "n=None" in b.create_url("a.jpg", params)


def test_defaults_reproduce_the_library():
    for key in (None, "FOO123bar"):
        assert shim.UrlBuilder("demo.imgix.net", sign_key=key).create_url("/a b.jpg", {"w": 100}) == imgix.UrlBuilder(
            "demo.imgix.net", sign_key=key).create_url("/a b.jpg", {"w": 100})
    assert shim.target_widths() == imgix.target_widths()
    assert "ixlib=python-4.0.0" in imgsign.UrlBuilder("demo.imgix.net", profile="imgix-python").build_url("/a.jpg")


def test_domain_errors_are_value_errors():
    with pytest.raises(ValueError):
        shim.UrlBuilder("https://demo.imgix.net")
    b = shim.UrlBuilder("demo.imgix.net")
    assert b.validate_domain("demo.imgix.net") is None
    with pytest.raises(ValueError):
        b.validate_domain("Demo.imgix.net")
