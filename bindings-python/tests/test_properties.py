"""Hypothesis property tests: round trips, tamper detection, no crash on arbitrary text."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import imgsign

PROVIDERS = ["imgix", "gumlet", "pixta", "imageboss"]
SIG_PARAM = {"imgix": "s", "gumlet": "s", "pixta": "s", "imageboss": "bossToken"}
NOW = 1_700_000_000

keys = st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=40)
segments = st.lists(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12),
    min_size=1,
    max_size=4,
)
query_items = st.lists(
    st.tuples(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6),
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=10),
    ),
    max_size=5,
)


def make_url(segs, items, sig):
    path = "/" + "/".join(quote(s, safe="") for s in segs)
    items = [(k, v) for k, v in items if k not in (sig, "expires")]
    query = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in items)
    return "https://img.example.com" + path + ("?" + query if query else "")


@pytest.mark.parametrize("provider", PROVIDERS)
@settings(max_examples=150, deadline=None)
@given(key=keys, segs=segments, items=query_items, expires=st.none() | st.integers(NOW, NOW + 10**6))
def test_sign_verify_round_trip(provider, key, segs, items, expires):
    signer = imgsign.Signer(provider, key)
    url = make_url(segs, items, SIG_PARAM[provider])
    signed = signer.sign_url(url) if expires is None else signer.sign_url(url, expires=expires)
    assert signed != url
    signer.verify_url(signed, now=NOW)
    # signing is idempotent: re-signing a signed URL replaces the signature
    assert signer.sign_url(signed) == signed or expires is not None
    # a rotated-out key still verifies as a previous key, an unrelated key does not
    rotated = imgsign.Signer(provider, key + "new", previous_keys=[key])
    rotated.verify_url(signed, now=NOW)
    with pytest.raises(imgsign.SignatureMismatchError):
        imgsign.Signer(provider, key + "x").verify_url(signed, now=NOW)
    if expires is not None:
        with pytest.raises(imgsign.ExpiredError):
            signer.verify_url(signed, now=expires + 1)


ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


@pytest.mark.parametrize("provider", PROVIDERS)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key=keys, segs=segments, items=query_items, data=st.data())
def test_single_character_change_fails(provider, key, segs, items, data):
    signer = imgsign.Signer(provider, key)
    signed = signer.sign_url(make_url(segs, items, SIG_PARAM[provider]))
    start = len("https://img.example.com/")  # path, query and signature: everything after the host
    pos = data.draw(st.integers(start, len(signed) - 1), label="position")
    new = data.draw(st.sampled_from(ALNUM), label="replacement")
    assume(signed[pos] != new)
    tampered = signed[:pos] + new + signed[pos + 1 :]
    with pytest.raises(imgsign.VerifyError):
        signer.verify_url(tampered, now=NOW)


anything = st.text(max_size=200)
ints = st.integers(min_value=-(2**70), max_value=2**70)
floats = st.floats(allow_nan=True, allow_infinity=True)
values = st.none() | st.booleans() | ints | floats | anything
params_st = st.dictionaries(anything, values, max_size=5)


def only_imgsign_errors(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except imgsign.ImgsignError as e:
        assert e.code
        assert isinstance(e.message, str)


@settings(max_examples=300, deadline=None)
@given(provider=st.sampled_from(PROVIDERS) | anything, key=anything, url=anything, now=st.none() | ints, exp=st.none() | ints)
def test_signer_never_crashes(provider, key, url, now, exp):
    try:
        signer = imgsign.Signer(provider, key, previous_keys=[key])
    except imgsign.ImgsignError:
        return
    only_imgsign_errors(signer.sign_url, url)
    only_imgsign_errors(signer.sign_url, url, expires=exp)
    only_imgsign_errors(signer.sign_url, url, expires_in=exp, now=now)
    only_imgsign_errors(signer.sign_urls, [url, url])
    only_imgsign_errors(signer.verify_url, url, now=now)


@settings(max_examples=300, deadline=None)
@given(
    domain=anything | st.just("demo.imgix.net"),
    provider=st.sampled_from(PROVIDERS),
    key=st.none() | anything,
    profile=st.sampled_from(["canonical", "imgix-python", "imgix-js"]) | anything,
    flags=st.tuples(st.booleans(), st.booleans(), st.booleans()),
    path=anything,
    params=params_st,
    widths=st.none() | st.lists(ints, max_size=4),
    mn=ints,
    mx=ints,
    tol=floats,
    ratios=st.none() | st.lists(floats, max_size=4),
    vq=st.none() | st.dictionaries(floats, ints, max_size=3),
)
def test_builder_never_crashes(domain, provider, key, profile, flags, path, params, widths, mn, mx, tol, ratios, vq):
    try:
        b = imgsign.UrlBuilder(domain, provider=provider, key=key, profile=profile, use_https=flags[0],
                               include_library_param=flags[1], disable_path_encoding=flags[2])
    except imgsign.ImgsignError:
        b = imgsign.UrlBuilder("demo.imgix.net", provider=provider, profile="canonical")
    only_imgsign_errors(b.build_url, path, params)
    only_imgsign_errors(b.build_urls, [(path, params), (path, None)])
    only_imgsign_errors(b.build_srcset, path, params)
    only_imgsign_errors(b.build_srcset, path, params, widths=widths, min_width=mn, max_width=mx, tolerance=tol,
                        device_pixel_ratios=ratios, variable_qualities=vq)
    only_imgsign_errors(imgsign.target_widths, mn, mx, tol)


headers_st = st.lists(st.tuples(
    st.sampled_from(["X-Imgix-Signature", "X-Imgix-Signature-Timestamp", "X-Imgix-Signature-Request-Id",
                     "Authorization", "X-Imgix-Origin-Secret"]) | anything, anything), max_size=6)


@settings(max_examples=300, deadline=None)
@given(key=anything, rid=anything, ts=ints, headers=headers_st, now=st.none() | ints, tol=ints, user=anything, pw=anything)
def test_origin_never_crashes(key, rid, ts, headers, now, tol, user, pw):
    only_imgsign_errors(imgsign.sign_origin_request, key, rid, ts)
    only_imgsign_errors(imgsign.verify_origin_request, key, headers, now=now, tolerance=tol)
    only_imgsign_errors(imgsign.verify_origin_request, key, dict(headers), now=now)
    only_imgsign_errors(imgsign.verify_basic_auth, user, pw, headers)
    only_imgsign_errors(imgsign.verify_origin_secret, key, headers)


@settings(max_examples=100, deadline=None)
@given(key=st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=32),
       rid=st.text(alphabet=ALNUM, min_size=1, max_size=64), ts=st.integers(0, 2**40))
def test_origin_round_trip(key, rid, ts):
    sig = imgsign.sign_origin_request(key, rid, ts)
    headers = {"X-Imgix-Signature": sig, "X-Imgix-Signature-Timestamp": str(ts), "X-Imgix-Signature-Request-Id": rid}
    imgsign.verify_origin_request(key, headers, now=ts + 10)
    with pytest.raises(imgsign.ExpiredError):
        imgsign.verify_origin_request(key, headers, now=ts + 301)
    with pytest.raises(imgsign.SignatureMismatchError):
        imgsign.verify_origin_request(key, {**headers, "X-Imgix-Signature-Request-Id": rid + "x"}, now=ts)
