"""The batch calls over the vectors: a batch of dicts of plain values (params borrowed) answers
what the regular conversion answers (the same items given as a read-only mapping) and what
the single calls answer one by one, error for error (class and message, the core's
``items[i]: ...`` location included), on both sides of the length from which the GIL is
released."""

from types import MappingProxyType

import pytest

import imgsign
from test_vectors import VECTORS, _builder, _signer


def outcome(f):
    try:
        return ("ok", f())
    except imgsign.ImgsignError as e:
        return (type(e).__name__, str(e))


def made(f):
    """The object `f` makes, or None for a vector whose object cannot be made."""
    try:
        return f()
    except imgsign.ImgsignError:
        return None


def batch_of_singles(single, xs, location):
    """What a batch of `xs` answers if it is its single calls: the results, or the first
    error named by its index."""
    results = []
    for i, x in enumerate(xs):
        kind, value = outcome(lambda: single(x))
        if kind != "ok":
            return (kind, f"{location}[{i}]: {value}")
        results.append(value)
    return ("ok", results)


BUILDS = [
    v
    for v in VECTORS
    if v["kind"] == "build_url"
    and v["input"].get("call_disable_path_encoding") is None
    and len({k for k, _ in v["input"]["params"]}) == len(v["input"]["params"])
]


@pytest.mark.parametrize("n", [3, 20])
def test_build_urls_borrowed_agrees_with_regular_and_single(n):
    checked = 0
    for v in BUILDS:
        i = v["input"]
        b = made(lambda: _builder(i))
        if b is None:
            continue
        checked += 1
        params = dict(i["params"])
        for items in ([(i["path"], params)] * n, [(i["path"], params), ("/a", {"": 1})] + [(i["path"], None)] * n):
            got = outcome(lambda: b.build_urls(items))
            regular = [(p, None if q is None else MappingProxyType(q)) for p, q in items]
            assert got == outcome(lambda: b.build_urls(regular)), v["id"]
            assert got == batch_of_singles(lambda x: b.build_url(*x), items, "items"), v["id"]
    assert checked > 500


SIGNS = [v for v in VECTORS if v["kind"] == "sign_url" and v["input"]["expires"] is None and not v["input"]["values"]]


@pytest.mark.parametrize("n", [3, 20])
def test_sign_urls_agrees_with_single(n):
    checked = 0
    for v in SIGNS:
        i = v["input"]
        s = made(lambda: _signer(i, previous=False))
        if s is None:
            continue
        checked += 1
        for urls in ([i["url"]] * n, [i["url"], "not a url"] + [i["url"]] * n):
            assert outcome(lambda: s.sign_urls(urls)) == batch_of_singles(s.sign_url, urls, "urls"), v["id"]
    assert checked > 100


def test_sources_sign_urls_agrees_with_single():
    set_ = imgsign.Sources({"a": {"domain": "demo.imgix.net", "key": "FOO123bar"}, "b": {"domain": "x.imgix.net"}})
    for n in (3, 20):
        urls = ["https://demo.imgix.net/a.jpg?w=1", "https://x.imgix.net/b.jpg"] * n
        assert outcome(lambda: set_.sign_urls(urls)) == batch_of_singles(set_.sign_url, urls, "urls")
        bad = urls + ["https://nowhere.example/a.jpg"]
        assert outcome(lambda: set_.sign_urls(bad)) == batch_of_singles(set_.sign_url, bad, "urls")
