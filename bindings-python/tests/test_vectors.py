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
    )


def _pairs(params):
    # Pairs, not a dict: vectors may hold duplicate keys (an error the core must report).
    return [(k, v) for k, v in params]


def run_sign_url(i):
    signer = imgsign.Signer(i["provider"], i["key"])
    if i["expires"] is None:
        return signer.sign_url(i["url"])
    return signer.sign_url(i["url"], expires=i["expires"])


def run_verify_url(i):
    signer = imgsign.Signer(i["provider"], i["key"], previous_keys=i["previous_keys"])
    return signer.verify_url(i["url"], now=i["now"])


def run_build_url(i):
    return _builder(i).build_url(i["path"], _pairs(i["params"]))


def run_build_srcset(i):
    vq = i["variable_qualities"]
    return _builder(i).build_srcset(
        i["path"],
        _pairs(i["params"]),
        widths=i["widths"],
        min_width=i["min_width"],
        max_width=i["max_width"],
        tolerance=float(i["tolerance"]),
        device_pixel_ratios=None if i["device_pixel_ratios"] is None else [float(r) for r in i["device_pixel_ratios"]],
        variable_qualities=None if vq is None else [(float(r), q) for r, q in vq],
        disable_variable_quality=i["disable_variable_quality"],
    )


def run_target_widths(i):
    return imgsign.target_widths(i["min_width"], i["max_width"], float(i["tolerance"]))


def run_sign_origin_request(i):
    return imgsign.sign_origin_request(i["key"], i["request_id"], i["timestamp"])


def run_verify_origin_request(i):
    headers = [(k, v) for k, v in i["headers"]]
    return imgsign.verify_origin_request(i["key"], headers, now=i["now"], tolerance=i["tolerance"])


def run_verify_basic_auth(i):
    return imgsign.verify_basic_auth(i["username"], i["password"], [(k, v) for k, v in i["headers"]])


def run_verify_origin_secret(i):
    return imgsign.verify_origin_secret(i["secret"], [(k, v) for k, v in i["headers"]])


RUNNERS = {
    "sign_url": run_sign_url,
    "verify_url": run_verify_url,
    "build_url": run_build_url,
    "build_srcset": run_build_srcset,
    "target_widths": run_target_widths,
    "sign_origin_request": run_sign_origin_request,
    "verify_origin_request": run_verify_origin_request,
    "verify_basic_auth": run_verify_basic_auth,
    "verify_origin_secret": run_verify_origin_secret,
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
