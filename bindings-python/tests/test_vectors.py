"""Runs every vector of conformance/vectors.json through the Python package."""

import json
from pathlib import Path

import pytest

import imgsign
from imgsign._errors import _BY_CODE

VECTOR_FILE = Path(__file__).resolve().parents[2] / "conformance" / "vectors.json"


def load_vectors():
    with VECTOR_FILE.open(encoding="utf-8") as f:
        data = json.load(f)
    assert data["schema_version"] == 1, "unknown schema_version"
    return data["vectors"]


VECTORS = load_vectors()


def _builder(i):
    return imgsign.UrlBuilder(
        i["domain"],
        provider=i["provider"],
        key=i["key"],
        profile=i["profile"],
        use_https=i["use_https"],
        include_library_param=i["include_library_param"],
        disable_path_encoding=i["disable_path_encoding"],
        salt=i["salt"],
        options=i["options"],
    )


def _signer(i, previous=True):
    if not previous:
        return imgsign.Signer(i["provider"], i["key"], salt=i["salt"], options=i["options"])
    return imgsign.Signer(i["provider"], i["key"], previous_keys=i["previous_keys"], salt=i["salt"],
                          previous_salts=i["previous_salts"], options=i["options"])


def _opt_float(v):
    # JSON integers stand for floats in float fields; null is "not given".
    return None if v is None else float(v)


def _pairs(params):
    # Pairs, not a dict: vectors may hold duplicate keys (an error the core must report).
    return [(k, v) for k, v in params]


def run_sign_url(i):
    signer = _signer(i, previous=False)
    if i["expires"] is None and not i["values"]:
        return signer.sign_url(i["url"])
    return signer.sign_url(i["url"], expires=i["expires"], values=i["values"])


def run_verify_url(i):
    return _signer(i).verify_url(i["url"], now=i["now"], values=i["values"])


def run_verify(i):
    return _signer(i).verify(i["target"], now=i["now"], values=i["values"])


def _changed(url, at):
    """`url` with the byte at `at` changed: `a` becomes `b`, anything else `a` (ASCII URLs)."""
    return url[:at] + ("b" if url[at] == "a" else "a") + url[at + 1:]


def run_verify_tampered(i):
    signer = _signer(i)
    signer.verify_url(i["url"], now=i["now"], values=i["values"])
    for start, end in i["ranges"]:
        for at in range(start, end):
            changed = _changed(i["url"], at)
            try:
                signer.verify_url(changed, now=i["now"], values=i["values"])
            except imgsign.VerifyError as e:
                assert e.code in i["codes"], f"byte {at} changed: {e.code}, expected one of {i['codes']}"
                continue
            except imgsign.ImgsignError as e:
                raise AssertionError(f"byte {at} changed: {e.code}, not a verification failure") from e
            raise AssertionError(f"byte {at} changed, the URL still verifies: {changed}")


def run_sign_token(i):
    return _signer(i, previous=False).sign_token(expires=i["expires"], values=i["values"])


def run_verify_token(i):
    return _signer(i).verify_token(i["token"], now=i["now"], values=i["values"])


def run_build_url(i):
    return _builder(i).build_url(
        i["path"], _pairs(i["params"]), disable_path_encoding=i.get("call_disable_path_encoding")
    )


def run_reconstruct(i):
    return _builder(i).reconstruct(i["original_url"], _pairs(i["params"]))


def run_build_srcset(i):
    vq = i["variable_qualities"]
    return _builder(i).build_srcset(
        i["path"],
        _pairs(i["params"]),
        widths=i["widths"],
        min_width=i["min_width"],
        max_width=i["max_width"],
        tolerance=_opt_float(i["tolerance"]),
        device_pixel_ratios=None if i["device_pixel_ratios"] is None else [float(r) for r in i["device_pixel_ratios"]],
        variable_qualities=None if vq is None else [(float(r), q) for r, q in vq],
        disable_variable_quality=i["disable_variable_quality"],
        disable_path_encoding=i.get("call_disable_path_encoding"),
    )


def run_target_widths(i):
    return imgsign.target_widths(i["min_width"], i["max_width"], _opt_float(i["tolerance"]), profile=i.get("profile"))


def run_profile_defaults(i):
    found = [d for d in imgsign.profile_defaults() if d["profile"] == i["profile"]]
    if len(found) != 1:
        pytest.fail(f"{len(found)} profile_defaults entries for {i['profile']!r}")
    return found[0]


def run_sign_origin_request(i):
    return imgsign.sign_origin_request(i["key"], i["request_id"], i["timestamp"])


def run_verify_origin_request(i):
    headers = [(k, v) for k, v in i["headers"]]
    return imgsign.verify_origin_request(i["key"], headers, now=i["now"], tolerance=i["tolerance"])


def run_verify_basic_auth(i):
    return imgsign.verify_basic_auth(i["username"], i["password"], [(k, v) for k, v in i["headers"]])


def run_verify_origin_secret(i):
    return imgsign.verify_origin_secret(i["secret"], [(k, v) for k, v in i["headers"]])


def run_request_target(i):
    return _builder(i).request_target(i["path"], i["query"])


# argument_error: a real call of the operation with valid values for every argument but one.
_K = "FOO123bar"
_LONE_SURROGATE = "\ud800"
_BASE = {
    "signer": dict(provider="imgix", key=_K, previous_keys=[], salt=None, previous_salts=None, options={}),
    "sign_url": dict(url="https://demo.imgix.net/a.jpg", expires=None, expires_in=60, now=0, values={}),
    "sign_urls": dict(urls=["https://demo.imgix.net/a.jpg"], expires=None, expires_in=60, now=0, values={}),
    "verify_url": dict(url="https://demo.imgix.net/a.jpg?s=0", now=0, values={}),
    "verify": dict(target="/a.jpg?s=0", now=0, values={}),
    "sign_token": dict(expires=None, expires_in=60, now=0, values={}),
    "verify_token": dict(token="exp=1~hmac=00", now=0, values={}),
    "url_builder": dict(domain="demo.imgix.net", provider="imgix", key=_K, profile="canonical", use_https=True,
                        include_library_param=False, disable_path_encoding=False, salt=None, options={}),
    "build_url": dict(path="/a.jpg", params={"w": 1}, disable_path_encoding=None),
    "build_urls": dict(items=None, path="/a.jpg", params={"w": 1}),
    "build_srcset": dict(path="/a.jpg", params={"w": 1}, widths=None, min_width=100, max_width=200, tolerance=0.1,
                         device_pixel_ratios=[1.0], variable_qualities={1.0: 50}, disable_variable_quality=False,
                         disable_path_encoding=None),
    "target_widths": dict(min_width=100, max_width=200, tolerance=0.1, profile=None),
    "reconstruct": dict(original_url="https://demo.imgix.net/a.jpg?w=1", params={"h": 2}),
    "sign_origin_request": dict(key=_K, request_id="r", timestamp=1),
    "verify_origin_request": dict(key=_K, headers=[("X-Imgix-Signature", "v1,00")], now=0, tolerance=300),
    "verify_basic_auth": dict(username="u", password="p", headers=[("Authorization", "Basic dTpw")]),
    "verify_origin_secret": dict(secret="s", headers=[("X-Imgix-Origin-Secret", "s")]),
    "request_target": dict(path="/a.jpg", query="s=0"),
    "sources": dict(name="a", domain="demo.imgix.net", path_prefix="/x", key=_K, previous_keys=[], use_https=True),
    "source": dict(name="a"),
}
_SIGNER = imgsign.Signer("imgix", _K)
_SOURCE_SET = imgsign.Sources({"a": {"domain": "demo.imgix.net", "key": _K}})
_BUILDER = imgsign.UrlBuilder("demo.imgix.net", key=_K)
_CALLS = {
    "signer": lambda a: imgsign.Signer(a["provider"], a["key"], previous_keys=a["previous_keys"], salt=a["salt"],
                                       previous_salts=a["previous_salts"], options=a["options"]),
    "sign_url": lambda a: _SIGNER.sign_url(a["url"], expires=a["expires"], expires_in=a["expires_in"], now=a["now"],
                                           values=a["values"]),
    "sign_urls": lambda a: _SIGNER.sign_urls(a["urls"], expires=a["expires"], expires_in=a["expires_in"],
                                             now=a["now"], values=a["values"]),
    "verify_url": lambda a: _SIGNER.verify_url(a["url"], now=a["now"], values=a["values"]),
    "verify": lambda a: _SIGNER.verify(a["target"], now=a["now"], values=a["values"]),
    "sign_token": lambda a: _SIGNER.sign_token(expires=a["expires"], expires_in=a["expires_in"], now=a["now"],
                                               values=a["values"]),
    "verify_token": lambda a: _SIGNER.verify_token(a["token"], now=a["now"], values=a["values"]),
    "url_builder": lambda a: imgsign.UrlBuilder(
        a["domain"], provider=a["provider"], key=a["key"], profile=a["profile"], use_https=a["use_https"],
        include_library_param=a["include_library_param"], disable_path_encoding=a["disable_path_encoding"],
        salt=a["salt"], options=a["options"]),
    "build_url": lambda a: _BUILDER.build_url(a["path"], a["params"], disable_path_encoding=a["disable_path_encoding"]),
    "build_urls": lambda a: _BUILDER.build_urls(a["items"] if a["items"] is not None else [(a["path"], a["params"])]),
    "build_srcset": lambda a: _BUILDER.build_srcset(
        a["path"], a["params"], widths=a["widths"], min_width=a["min_width"], max_width=a["max_width"],
        tolerance=a["tolerance"], device_pixel_ratios=a["device_pixel_ratios"],
        variable_qualities=a["variable_qualities"], disable_variable_quality=a["disable_variable_quality"],
        disable_path_encoding=a["disable_path_encoding"]),
    "target_widths": lambda a: imgsign.target_widths(a["min_width"], a["max_width"], a["tolerance"],
                                                     profile=a["profile"]),
    "reconstruct": lambda a: _BUILDER.reconstruct(a["original_url"], a["params"]),
    "sign_origin_request": lambda a: imgsign.sign_origin_request(a["key"], a["request_id"], a["timestamp"]),
    "verify_origin_request": lambda a: imgsign.verify_origin_request(
        a["key"], a["headers"], now=a["now"], tolerance=a["tolerance"]),
    "verify_basic_auth": lambda a: imgsign.verify_basic_auth(a["username"], a["password"], a["headers"]),
    "verify_origin_secret": lambda a: imgsign.verify_origin_secret(a["secret"], a["headers"]),
    "request_target": lambda a: _BUILDER.request_target(a["path"], a["query"]),
    "sources": lambda a: imgsign.Sources([(a["name"], {k: a[k] for k in a if k != "name"})]),
    "source": lambda a: _SOURCE_SET.source(a["name"]),
}


class _NoSuchType:
    """A value of a type no argument takes."""


def _ill_formed(argument):
    """A lone surrogate where the argument holds a string."""
    return {
        "previous_keys": [_LONE_SURROGATE],
        "previous_salts": [_LONE_SURROGATE],
        "urls": [_LONE_SURROGATE],
        "params": {_LONE_SURROGATE: "x"},
        "options": {_LONE_SURROGATE: "x"},
        "values": {"ip": _LONE_SURROGATE},
        "headers": [("X-Imgix-Signature", _LONE_SURROGATE)],
    }.get(argument, _LONE_SURROGATE)


def run_argument_error(i):
    op, argument = i["operation"], i["argument"]
    assert argument in _BASE[op], f"{op} has no argument {argument}"
    bad = _NoSuchType() if i["problem"] == "wrong_type" else _ill_formed(argument)
    try:
        return _CALLS[op]({**_BASE[op], argument: bad})
    except imgsign.ImgsignError as e:
        # The documented rule, as the package exposes it, agrees with what was raised.
        assert imgsign.argument_error_code(op, argument) == e.code
        assert _LONE_SURROGATE not in str(e), "the value is never shown"
        raise


def _sources(specs):
    """A `sources` vector's set, as (name, source) pairs (a name may repeat, in order)."""
    return imgsign.Sources([(s["name"], {k: v for k, v in s.items() if k != "name"}) for s in specs])


_SOURCES_OPS = {
    "sign_url": lambda set_, i: set_.sign_url(i["url"], expires=i["expires"]),
    "sign_urls": lambda set_, i: set_.sign_urls(i["urls"], expires=i["expires"], expires_in=i["expires_in"],
                                                now=i["now"]),
    "verify_url": lambda set_, i: set_.verify_url(i["url"], i["now"]),
    "verify": lambda set_, i: set_.verify(i["target"], i["host"], i["now"]),
    "build_url": lambda set_, i: set_.source(i["name"]).build_url(i["path"], _pairs(i["params"])),
}


def run_sources(i):
    op = _SOURCES_OPS.get(i["op"])
    if op is None:
        pytest.fail(f"unknown sources op {i['op']!r}")
    return op(_sources(i["sources"]), i)


RUNNERS = {
    "sources": run_sources,
    "sign_url": run_sign_url,
    "verify_url": run_verify_url,
    "verify": run_verify,
    "sign_token": run_sign_token,
    "verify_token": run_verify_token,
    "verify_tampered": run_verify_tampered,
    "build_url": run_build_url,
    "build_srcset": run_build_srcset,
    "target_widths": run_target_widths,
    "reconstruct": run_reconstruct,
    "sign_origin_request": run_sign_origin_request,
    "verify_origin_request": run_verify_origin_request,
    "verify_basic_auth": run_verify_basic_auth,
    "verify_origin_secret": run_verify_origin_secret,
    "argument_error": run_argument_error,
    "request_target": run_request_target,
    "profile_defaults": run_profile_defaults,
}


def test_vector_file_is_not_empty():
    assert len(VECTORS) > 0
    ids = [v["id"] for v in VECTORS]
    assert len(ids) == len(set(ids)), "vector ids must be unique"


@pytest.mark.parametrize("vector", VECTORS, ids=[v["id"] for v in VECTORS])
def test_vector(vector):
    runner = RUNNERS.get(vector["kind"])
    if runner is None:
        pytest.fail(f"unknown vector kind {vector['kind']!r} (id {vector['id']})")
    assert ("expected" in vector) != ("error" in vector), "exactly one of expected/error"
    inp = vector["input"]
    if "error" in vector:
        code = vector["error"]
        with pytest.raises(imgsign.ImgsignError) as info:
            runner(inp)
        assert info.value.code == code, f"{info.value.code}: {info.value}"
        assert type(info.value) is _BY_CODE[code]
    else:
        assert runner(inp) == vector["expected"]
