"""Sources: the shared fixture of conformance/sources/ (the lines the CLI, Node and Kotlin
tests print too), and the Python face of the set (errors, repr, the source builders)."""

import json
from pathlib import Path

import pytest

import imgsign

FIXTURE = Path(__file__).resolve().parents[2] / "conformance" / "sources"
CASES = json.loads((FIXTURE / "cases.json").read_text(encoding="utf-8"))


def fixture_sources():
    """The sources file as an application reads it: each *_env from the environment."""
    env = CASES["environment"]
    doc = json.loads((FIXTURE / CASES["sources_file"]).read_text(encoding="utf-8"))
    sources = {}
    for name, f in doc["sources"].items():
        spec = {k: v for k, v in f.items() if not k.endswith("_env")}
        if "key_env" in f:
            spec["key"] = env[f["key_env"]]
        spec["previous_keys"] = [env[v] for v in f.get("previous_keys_env", [])]
        sources[name] = spec
    return imgsign.Sources(sources)


def line(call):
    try:
        out = call()
    except imgsign.ImgsignError as e:
        return f"error {e.code}"
    return "valid" if out is None else out


def test_the_shared_fixture():
    s = fixture_sources()
    assert [line(lambda: s.sign_url(c["url"])) for c in CASES["sign"]] == [c["expected"] for c in CASES["sign"]]
    now = CASES["now"]
    got = [line(lambda: s.verify_url(c["url"], now)) for c in CASES["verify"]]
    assert got == [c["expected"] for c in CASES["verify"]]
    got = [line(lambda: s.source(c["source"]).build_url(c["path"], [tuple(p) for p in c["params"]])) for c in CASES["build"]]
    assert got == [c["expected"] for c in CASES["build"]]
    assert s.sign_urls([c["url"] for c in CASES["sign"][:5]]) == [c["expected"] for c in CASES["sign"][:5]]


def test_source_builders_and_verify_by_host():
    s = fixture_sources()
    assert s.names == ["shop", "archive", "boss", "books"]
    archive = s.source("archive")
    assert isinstance(archive, imgsign.UrlBuilder) and archive.path_prefix == "/archive" and archive.is_signed
    assert imgsign.UrlBuilder("demo.imgix.net").path_prefix is None
    url = archive.build_url("/archive/a.jpg", {"w": 1})
    s.verify_url(url, CASES["now"])
    s.verify(url.removeprefix("https://demo.imgix.net"), "Demo.imgix.net:443", CASES["now"])
    with pytest.raises(imgsign.InvalidUrlError):
        archive.build_url("/a.jpg")
    with pytest.raises(imgsign.UnknownSourceError) as info:
        s.source("nope")
    assert isinstance(info.value, LookupError) and "shop" in str(info.value)
    with pytest.raises(imgsign.UnknownSourceError):
        s.verify("/a.jpg?s=0", "other.example.com")


def test_errors_are_coded_located_and_keep_secrets():
    secret = "SuperSecretK3y!"
    with pytest.raises(imgsign.InvalidDomainError) as info:
        imgsign.Sources({"a": {"domain": 5, "key": secret}})
    assert str(info.value).startswith("sources[a]: domain:")
    with pytest.raises(imgsign.InvalidParamError) as info:
        imgsign.Sources({"a": {"domain": "a.example.com", "pathprefix": "/x"}})
    assert "unknown field" in str(info.value)
    with pytest.raises(imgsign.InvalidKeyError) as info:
        imgsign.Sources({"a": {"domain": "a.example.com", "key": secret + "\n"}})
    assert secret not in str(info.value) and secret not in repr(info.value)
    with pytest.raises(imgsign.InvalidParamError):
        imgsign.Sources({})
    with pytest.raises(imgsign.InvalidParamError):
        imgsign.Sources({"a": {"domain": "a.example.com"}, "b": {"domain": "A.example.com", "path_prefix": "/"}})
    s = imgsign.Sources([("a", {"domain": "a.example.com", "key": secret})])
    assert secret not in repr(s) and repr(s) == "Sources(['a'])"
    assert secret not in repr(s.source("a"))
