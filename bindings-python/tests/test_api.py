"""The Python face: errors, reprs, properties, argument conversion."""

import pytest

import imgsign
from imgsign._errors import _BY_CODE

KEY = "FOO123bar-secret"
CODES = imgsign.error_codes()
VERIFY_CODES = ["missing_signature", "signature_mismatch", "expired", "malformed_url", "malformed_header",
                "not_yet_valid", "ip_mismatch", "acl_mismatch"]


def test_error_hierarchy():
    assert sorted(_BY_CODE) == sorted(CODES)
    for code, cls in _BY_CODE.items():
        assert cls.code == code
        assert issubclass(cls, imgsign.ImgsignError)
        assert issubclass(cls, ValueError) == code.startswith("invalid_")
        assert issubclass(cls, imgsign.VerifyError) == (code in VERIFY_CODES)
        assert issubclass(cls, LookupError) == (code == "unknown_source")
        assert getattr(imgsign, cls.__name__) is cls


def test_error_message_and_code():
    with pytest.raises(imgsign.InvalidDomainError) as info:
        imgsign.UrlBuilder("https://demo.imgix.net", key=KEY)
    e = info.value
    assert e.code == "invalid_domain" and str(e) == e.message and "domain" in e.message
    assert KEY not in str(e) and KEY not in repr(e)


@pytest.mark.parametrize("bad", ["", " Sekr3tValue", "Sekr3tValue\n", "Sekr3t\x00Value"])
def test_bad_keys_never_leak(bad):
    with pytest.raises(imgsign.InvalidKeyError) as info:
        imgsign.Signer("imgix", bad)
    assert "Sekr3t" not in str(info.value) and "Sekr3t" not in repr(info.value)


def test_reprs_hide_the_key():
    s = imgsign.Signer("pixta", KEY, previous_keys=["OLDKEY123"])
    b = imgsign.UrlBuilder("Demo.imgix.net", key=KEY)
    assert repr(s) == "Signer(provider='pixta', previous_keys=1)"
    assert repr(b) == "UrlBuilder(domain='demo.imgix.net', provider='imgix', profile='canonical', signed=True)"
    for r in (repr(s), str(s), repr(b), str(b)):
        assert KEY not in r and "OLDKEY123" not in r


def test_properties_are_read_only():
    b = imgsign.UrlBuilder("demo.imgix.net", provider="gumlet", key=KEY, profile="imgix_js", use_https=False,
                           include_library_param=True, disable_path_encoding=True)
    assert (b.domain, b.provider, b.profile, b.use_https, b.include_library_param, b.disable_path_encoding,
            b.is_signed) == ("demo.imgix.net", "gumlet", "imgix-js", False, True, True, True)
    with pytest.raises(AttributeError):
        b.domain = "x.com"  # type: ignore[misc]
    s = imgsign.Signer("imageboss", KEY)
    assert s.provider == "imageboss" and s.previous_key_count == 0
    with pytest.raises(AttributeError):
        s.provider = "imgix"  # type: ignore[misc]


def test_version():
    assert isinstance(imgsign.__version__, str) and imgsign.__version__.count(".") == 2


def test_param_types():
    b = imgsign.UrlBuilder("demo.imgix.net")
    assert b.build_url("a.jpg", {"a": True, "b": 1, "c": 1.5, "d": None, "e": "x", "f": 1.0}) == \
        "https://demo.imgix.net/a.jpg?a=true&b=1&c=1.5&e=x&f=1"
    with pytest.raises(imgsign.InvalidParamError, match=r'params\["w"\]'):
        b.build_url("a.jpg", {"w": 2**63})
    assert b.build_url("a.jpg", {"w": -(2**63)}) == f"https://demo.imgix.net/a.jpg?w={-(2**63)}"
    with pytest.raises(imgsign.InvalidParamError, match=r'params\["w"\]'):
        b.build_url("a.jpg", {"w": [1]})
    with pytest.raises(imgsign.InvalidParamError):
        b.build_url("a.jpg", {1: "x"})  # type: ignore[dict-item]
    with pytest.raises(imgsign.InvalidParamError):
        b.build_url("a.jpg", {"w": float("nan")})


def test_expiry_arguments():
    s = imgsign.Signer("imgix", KEY)
    url = "https://demo.imgix.net/a.jpg?w=1"
    assert s.sign_url(url, expires=1000) == s.sign_url(url, expires_in=100, now=900)
    assert "expires=1000" in s.sign_url(url, expires=1000)
    with pytest.raises(imgsign.InvalidParamError):
        s.sign_url(url, expires=1, expires_in=1)
    with pytest.raises(imgsign.InvalidParamError):
        s.sign_url(url, expires=-1)
    signed = s.sign_url(url, expires=1000)
    s.verify_url(signed, now=1000)
    with pytest.raises(imgsign.ExpiredError):
        s.verify_url(signed, now=1001)


def test_batches_name_the_index():
    s = imgsign.Signer("imgix", KEY)
    with pytest.raises(imgsign.InvalidUrlError, match=r"urls\[1\]"):
        s.sign_urls(["https://a.com/x", "ftp://a.com/y"])
    with pytest.raises(imgsign.InvalidUrlError):
        s.sign_urls("https://a.com/x")  # a str is not a list of URLs
    b = imgsign.UrlBuilder("demo.imgix.net", key=KEY)
    assert b.build_urls([("a.jpg", {"w": 1}), ("b.jpg", None)]) == [b.build_url("a.jpg", {"w": 1}), b.build_url("b.jpg")]
    with pytest.raises(imgsign.InvalidParamError, match=r"items\[1\]"):
        b.build_urls([("a.jpg", None), ("b.jpg", {"w": float("inf")})])


def test_srcset_options():
    b = imgsign.UrlBuilder("demo.imgix.net")
    assert b.build_srcset("a.jpg", widths=[100, 200]) == \
        "https://demo.imgix.net/a.jpg?w=100 100w,\nhttps://demo.imgix.net/a.jpg?w=200 200w"
    fixed = b.build_srcset("a.jpg", {"w": 100}, device_pixel_ratios=[1, 1.5], variable_qualities={1.5: 40})
    assert fixed == ("https://demo.imgix.net/a.jpg?dpr=1&q=75&w=100 1x,\n"
                     "https://demo.imgix.net/a.jpg?dpr=1.5&q=40&w=100 1.5x")
    assert imgsign.target_widths() == imgsign.target_widths(100, 8192, 0.08)
    assert len(imgsign.target_widths()) == 31
    for kwargs in ({"min_width": 0}, {"max_width": 9000}, {"min_width": -1}, {"tolerance": 0.0}, {"widths": []}):
        with pytest.raises(imgsign.InvalidSrcsetError):
            b.build_srcset("a.jpg", **kwargs)


def test_headers_mapping_or_pairs():
    sig = imgsign.sign_origin_request("0123456789abcdef", "rid", 100)
    assert sig.startswith("v1,") and sig[3:] == sig[3:].upper()
    h = {"x-imgix-signature": sig, "X-IMGIX-SIGNATURE-TIMESTAMP": "100", "X-Imgix-Signature-Request-Id": "rid"}
    imgsign.verify_origin_request("0123456789abcdef", h, now=100)
    imgsign.verify_origin_request("0123456789abcdef", list(h.items()), now=100)
    with pytest.raises(imgsign.MissingSignatureError):
        imgsign.verify_origin_request("0123456789abcdef", {}, now=100)
    imgsign.verify_origin_secret("s3cret", {"X-Imgix-Origin-Secret": "s3cret"})
    with pytest.raises(imgsign.SignatureMismatchError):
        imgsign.verify_origin_secret("s3cret", {"X-Imgix-Origin-Secret": "other"})
    with pytest.raises(imgsign.MalformedHeaderError):
        imgsign.verify_basic_auth("u", "p", {"Authorization": "Bearer x"})
    with pytest.raises(imgsign.InvalidParamError):
        imgsign.verify_origin_secret("s3cret", 42)  # type: ignore[arg-type]


def test_all_names_every_public_name_once():
    from imgsign import _errors

    assert len(imgsign.__all__) == len(set(imgsign.__all__))
    assert set(_errors.__all__) <= set(imgsign.__all__)
    assert "Signer" not in _errors.__all__
    for name in imgsign.__all__:
        assert hasattr(imgsign, name), name


def test_token_schemes_batch_and_reason_codes():
    s = imgsign.Signer("bunny", "zone-key")
    urls = ["https://z.b-cdn.net/a.jpg", "https://z.b-cdn.net/b.jpg?w=1"]
    many = s.sign_urls(urls, expires=1700003600, values={"ip": "203.0.113.7"})
    assert many == [s.sign_url(u, expires=1700003600, values={"ip": "203.0.113.7"}) for u in urls]
    assert all("token=HS256-1-" in u for u in many)
    s.verify_url(many[0], now=1700000000, values={"ip": "203.0.113.7"})
    with pytest.raises(imgsign.IpMismatchError):
        s.verify_url(many[0], now=1700000000)
    with pytest.raises(imgsign.InvalidParamError):
        s.sign_urls(urls)  # Bunny URLs always expire
    a = imgsign.Signer("akamai", "0a1b2c3d")
    token = a.sign_token(expires=1700003600, values={"acl": "/v/*", "start": 1700000000})
    a.verify_token(token, now=1700000000, values={"url": "/v/a.m3u8"})
    with pytest.raises(imgsign.AclMismatchError):
        a.verify_token(token, now=1700000000, values={"url": "/w/a.m3u8"})
    with pytest.raises(imgsign.NotYetValidError):
        a.verify_token(token, now=1699999999, values={"url": "/v/a.m3u8"})


def test_profile_defaults_are_what_an_argument_not_given_means():
    defaults = imgsign.profile_defaults()
    assert [d["profile"] for d in defaults] == imgsign.profile_names()
    for d in defaults:
        assert d["library_param"].endswith("-" + d["library_version"])
        if d["min_width"] is None:
            with pytest.raises(imgsign.InvalidParamError):
                imgsign.target_widths(profile=d["profile"])
            continue
        given = imgsign.target_widths(d["min_width"], d["max_width"], d["tolerance"], profile=d["profile"])
        assert imgsign.target_widths(profile=d["profile"]) == given
        url = imgsign.UrlBuilder("demo.imgix.net", profile=d["profile"]).build_url("/a.jpg")
        assert (f"ixlib={d['library_param']}" in url) == d["include_library_param"], url
