"""Vectors of several sources in one object (docs/behaviour.md, "Sources"), and the shared
fixture of conformance/sources/ that the CLI, Python, Node and Kotlin tests run.

Called by generate.py (`gen_sources.generate(G)`); never imports imgsign. The rules (names,
path prefixes, matching by host and longest prefix, duplicates, unknown sources) are
implemented here once more, independently, from behaviour.md; the signatures come from
reference.py's formulas. `generate(G)` also writes conformance/sources/cases.json (`--check`
compares it) and checks that three-cdns.toml says what three-cdns.json says.
"""

import json
import pathlib
import re
import tomllib

import reference as ref
from reference import RefError

HERE = pathlib.Path(__file__).resolve().parent
FIXTURE_DIR = HERE / "sources"
NOW = 1700000000
MAX_NAME = 64
_NAME = re.compile(r"[A-Za-z0-9._-]{1,%d}" % MAX_NAME)
_PREFIX_CHAR = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*")


# ---------------------------------------------------------------------------------- inputs

def spec(name, domain, *, path_prefix=None, provider=None, key=None, previous_keys=(), profile=None,
         use_https=None, include_library_param=None, disable_path_encoding=None):
    """One source, every field present (None / [] / {} are "not given")."""
    return {"name": name, "domain": domain, "path_prefix": path_prefix, "provider": provider, "key": key,
            "previous_keys": list(previous_keys), "salt": None, "previous_salts": [], "options": {},
            "profile": profile, "use_https": use_https, "include_library_param": include_library_param,
            "disable_path_encoding": disable_path_encoding}


def call(sources, op, *, url=None, urls=None, target=None, host=None, name=None, path=None, params=(), expires=None,
         expires_in=None, now=None):
    return {"sources": sources, "op": op, "url": url, "urls": urls, "target": target, "host": host, "name": name,
            "path": path, "params": [[k, v] for k, v in params], "expires": expires, "expires_in": expires_in,
            "now": now}


# ---------------------------------------------------------------------- the reference rules

def normalize_prefix(prefix):
    """behaviour.md: one trailing `/` dropped, `/` alone is no prefix; `/` then segments of
    path characters as sent (percent-encoded), no empty or dot segment."""
    if prefix is None:
        return None
    p = prefix[:-1] if prefix.endswith("/") else prefix
    if p == "":
        if prefix == "":
            raise RefError("invalid_param", "path_prefix")
        return None
    if not p.startswith("/") or "//" in p or not _PREFIX_CHAR.fullmatch(p):
        raise RefError("invalid_param", "path_prefix")
    if any(ref.is_dot_segment(seg) for seg in p.split("/")[1:]):
        raise RefError("invalid_param", "path_prefix")
    return p


def is_under(path, prefix):
    return path == prefix or path.startswith(prefix + "/")


class RefSources:
    """The documented rules of a sources set, on top of reference.py's signer formulas."""

    def __init__(self, specs):
        if not specs:
            raise RefError("invalid_param", "sources")
        self.sources = []
        for s in specs:
            if not isinstance(s["name"], str) or not _NAME.fullmatch(s["name"]):
                raise RefError("invalid_param", "name")
            if any(o["name"] == s["name"] for o in self.sources):
                raise RefError("invalid_param", "name")
            prefix = normalize_prefix(s["path_prefix"])
            ref.check_builder(s["domain"], s["provider"], s["key"], s["profile"])
            if s["key"] is None and s["previous_keys"]:
                raise RefError("invalid_key", "previous_keys")
            for i, k in enumerate(s["previous_keys"]):
                ref.check_key(k, f"previous_keys[{i}]")
            host = s["domain"].lower()
            if any(o["host"] == host and o["prefix"] == prefix for o in self.sources):
                raise RefError("invalid_param", "sources")
            self.sources.append({**s, "host": host, "prefix": prefix,
                                 "provider": ref.given(s["provider"], "provider")})

    def match(self, host, path):
        hits = [s for s in self.sources if s["host"] == host and (s["prefix"] is None or is_under(path, s["prefix"]))]
        if not hits:
            raise RefError("unknown_source", "url")
        return max(hits, key=lambda s: -1 if s["prefix"] is None else len(s["prefix"]))

    @staticmethod
    def host_and_path(url, code):
        prefix, path, _query, _frag = ref.parse_normalised(url, code=code)
        return prefix.split("://", 1)[1].split(":", 1)[0], path

    @staticmethod
    def signing(s):
        if s["key"] is None:
            raise RefError("invalid_key", "key")
        return s

    def sign_url(self, url, expires=None):
        s = self.signing(self.match(*self.host_and_path(url, "invalid_url")))
        return ref.sign_url(s["provider"], s["key"], url, expires)

    def sign_urls(self, urls, expires, expires_in, now):
        """behaviour.md: one expiry for the whole batch (`expires`, or `now` + `expires_in`),
        the combination checked before any URL; then each URL by its own source."""
        if expires is not None and expires_in is not None:
            raise RefError("invalid_param", "expires")
        if now is not None and expires_in is None:
            raise RefError("invalid_param", "now")
        if (expires is not None and expires < 0) or (expires_in is not None and expires_in < 0):
            raise RefError("invalid_param", "expires")
        at = expires if expires_in is None else now + expires_in
        return [self.sign_url(u, at) for u in urls]

    def verify_url(self, url, now):
        s = self.signing(self.match(*self.host_and_path(url, "malformed_url")))
        return ref.verify_url(s["provider"], s["key"], s["previous_keys"], url, now)

    def verify(self, target, host, now):
        if not host or any(c in "/?#@\\" or ord(c) <= 0x20 or ord(c) == 0x7F for c in host):
            raise RefError("invalid_param", "host")
        name = host.lower()
        if re.fullmatch(r".*:[0-9]*", name):
            name = name.rsplit(":", 1)[0]
        if not ref.valid_domain(name):
            raise AssertionError(f"give hosts the reference can read: {host!r}")
        path = target.split("?", 1)[0] if target.startswith("/") else self.host_and_path(target, "malformed_url")[1]
        s = self.signing(self.match(name, path))
        return ref.verify_target(s["provider"], s["key"], s["previous_keys"], target, now)

    def build_url(self, name, path, params):
        hits = [s for s in self.sources if s["name"] == name]
        if not hits:
            raise RefError("unknown_source", "name")
        s = hits[0]
        url = ref.build_url(s["domain"], s["provider"], s["key"], s["profile"], s["use_https"],
                            s["include_library_param"], s["disable_path_encoding"], path, params)
        if s["prefix"] is not None:
            emitted = re.sub(r"^https?://[^/]+", "", url).split("?", 1)[0]
            if not is_under(emitted, s["prefix"]):
                raise RefError("invalid_url", "path")
        return url


def outcome(fn):
    try:
        return ("expected", fn())
    except RefError as e:
        return ("error", e.code)


def run_ref(inp):
    """The expected result of one `sources` vector input."""
    def go():
        sources = RefSources(inp["sources"])
        op = inp["op"]
        if op == "sign_url":
            return sources.sign_url(inp["url"], inp["expires"])
        if op == "sign_urls":
            return sources.sign_urls(inp["urls"], inp["expires"], inp["expires_in"], inp["now"])
        if op == "verify_url":
            return sources.verify_url(inp["url"], inp["now"])
        if op == "verify":
            return sources.verify(inp["target"], inp["host"], inp["now"])
        if op == "build_url":
            return sources.build_url(inp["name"], inp["path"], [tuple(p) for p in inp["params"]])
        raise AssertionError(op)
    return outcome(go)


# -------------------------------------------------------------------------------- vectors

IMGIX_KEY, OTHER_KEY, SHOES_KEY, BOSS_KEY, PIXTA_KEY = "FOO123bar", "Sh0pKey42", "Sh0esKey7", "abc", "wakanda123@"


def prefixed():
    return [spec("all", "img.example.com", key=IMGIX_KEY),
            spec("shop", "img.example.com", path_prefix="/shop/", key=OTHER_KEY),
            spec("shoes", "img.example.com", path_prefix="/shop/shoes", key=SHOES_KEY, previous_keys=["0ldSh0es"])]


def mixed():
    return [spec("ix", "demo.imgix.net", provider="imgix", key=IMGIX_KEY),
            spec("boss", "img.imageboss.me", provider="imageboss", key=BOSS_KEY),
            spec("books", "image.pvnservices.com", path_prefix="/books", provider="pixta", key=PIXTA_KEY),
            spec("public", "image.pvnservices.com", provider="pixta")]


def gen_vectors(G):
    def add(vid, desc, inp):
        G.add(f"sources-{vid}", "sources", desc, inp, run_ref(inp))

    # Matching: the host, then the longest prefix the path is under.
    for vid, path, who in (("no-prefix", "/a.jpg", "all"), ("prefix-itself", "/shop", "shop"),
                           ("under-prefix", "/shop/a.jpg?w=1", "shop"),
                           ("segment-boundary", "/shopping/a.jpg", "all"),
                           ("longest-prefix", "/shop/shoes/red.jpg?w=2&h=3", "shoes")):
        add(f"match-{vid}", f"{path} on a host with sources / , /shop and /shop/shoes is signed by {who}'s key "
            "(the longest prefix the path is under wins; a prefix ends at a segment boundary)",
            call(prefixed(), "sign_url", url=f"https://img.example.com{path}"))
    add("match-port-ignored", "the port is not part of the match; the signed URL keeps it",
        call(prefixed(), "sign_url", url="https://img.example.com:8443/shop/a.jpg"))
    G.add("sources-match-host-any-case", "sources", "the URL's host is compared as a browser writes it (lowercase)",
          call(prefixed(), "sign_url", url="https://IMG.Example.COM/shop/a.jpg"),
          ("expected", RefSources(prefixed()).sign_url("https://img.example.com/shop/a.jpg")))
    add("match-percent-encoded-prefix", "a prefix is compared with the path as sent (percent-encoded)",
        call([spec("cafe", "img.example.com", path_prefix="/caf%C3%A9", key=OTHER_KEY),
              spec("all", "img.example.com", key=IMGIX_KEY)], "sign_url", url="https://img.example.com/caf%C3%A9/a.jpg"))
    add("unknown-host-sign", "a URL no source takes is unknown_source",
        call(prefixed(), "sign_url", url="https://other.example.com/a.jpg"))
    add("unknown-path-sign", "on a host whose sources all have prefixes, a path under none is unknown_source",
        call([spec("shop", "img.example.com", path_prefix="/shop", key=OTHER_KEY)], "sign_url",
             url="https://img.example.com/blog/a.jpg"))
    add("sign-unparsable", "a URL that cannot be parsed is invalid_url, as for a signer",
        call(prefixed(), "sign_url", url="not a url"))
    add("sign-expires", "an expiry is set as by the source's signer",
        call(mixed(), "sign_url", url="https://img.imageboss.me/cover/300x300/a.jpg", expires=1800000000))
    batch = ["https://demo.imgix.net/a.jpg?w=400", "https://img.imageboss.me/cover/300x300/a.jpg",
             "https://image.pvnservices.com/books/b.jpg?w=2"]
    add("sign-urls", "a batch: each URL signed by the key of its own source, in order",
        call(mixed(), "sign_urls", urls=batch))
    add("sign-urls-empty", "an empty batch is an empty list", call(mixed(), "sign_urls", urls=[]))
    add("sign-urls-expires", "a batch with one expiry, set on every URL as its source's signer sets it",
        call(prefixed(), "sign_urls", urls=["https://img.example.com/a.jpg", "https://img.example.com/shop/b.jpg?w=1",
                                            "https://img.example.com/shop/shoes/c.jpg"], expires=1800000000))
    add("sign-urls-expires-in", "expires_in is counted from one clock reading: every URL expires at now + expires_in",
        call(prefixed(), "sign_urls", urls=["https://img.example.com/a.jpg", "https://img.example.com/shop/b.jpg"],
             expires_in=300, now=NOW))
    add("sign-urls-unknown-source", "a batch fails as a whole on the first URL no source takes",
        call(mixed(), "sign_urls", urls=[batch[0], "https://other.example.com/a.jpg"]))
    add("sign-urls-keyless-source", "a batch fails as a whole on a URL whose source has no key",
        call(mixed(), "sign_urls", urls=[batch[0], "https://image.pvnservices.com/a.jpg"]))
    add("sign-urls-both-expiries", "expires and expires_in together are refused before any URL is read",
        call(mixed(), "sign_urls", urls=["https://other.example.com/a.jpg"], expires=1800000000, expires_in=60))
    add("sign-urls-now-alone", "now without expires_in is refused",
        call(mixed(), "sign_urls", urls=batch[:1], now=NOW))
    add("sign-urls-negative-expires-in", "a negative expires_in is refused",
        call(mixed(), "sign_urls", urls=batch[:1], expires_in=-1, now=NOW))
    add("sign-keyless-source", "a source without a key builds unsigned URLs and cannot sign: invalid_key",
        call(mixed(), "sign_url", url="https://image.pvnservices.com/a.jpg"))
    for vid, url in (("imgix", "https://demo.imgix.net/a.jpg?w=400"),
                     ("imageboss", "https://img.imageboss.me/width/400/a.jpg"),
                     ("pixta", "https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop")):
        add(f"mixed-sign-{vid}", f"three CDNs in one set: a {vid} URL is signed by its source's scheme and key",
            call(mixed(), "sign_url", url=url))

    # Verifying.
    rs = RefSources(prefixed())
    shoes = rs.sign_url("https://img.example.com/shop/shoes/a.jpg?w=1")
    add("verify-valid", "a URL signed by its source verifies", call(prefixed(), "verify_url", url=shoes, now=NOW))
    old = ref.sign_url("imgix", "0ldSh0es", "https://img.example.com/shop/shoes/a.jpg")
    add("verify-previous-key", "a source's previous key verifies", call(prefixed(), "verify_url", url=old, now=NOW))
    wrong = ref.sign_url("imgix", OTHER_KEY, "https://img.example.com/shop/shoes/a.jpg")
    add("verify-other-sources-key", "a URL signed with another source's key is signature_mismatch",
        call(prefixed(), "verify_url", url=wrong, now=NOW))
    add("verify-unknown-host", "verifying a URL of a host no source takes is unknown_source",
        call(prefixed(), "verify_url", url="https://other.example.com/a.jpg?s=0", now=NOW))
    add("verify-unparsable", "a URL that cannot be parsed is malformed_url, as for a signer",
        call(prefixed(), "verify_url", url="/relative?s=0", now=NOW))
    expiring = RefSources(mixed()).sign_url("https://demo.imgix.net/a.jpg", expires=NOW - 1)
    add("verify-expired", "expiry is checked as by the source's signer",
        call(mixed(), "verify_url", url=expiring, now=NOW))
    target = shoes.split("img.example.com", 1)[1]
    add("verify-target", "verify: a request target, the source chosen by the Host header given and the path",
        call(prefixed(), "verify", target=target, host="img.example.com", now=NOW))
    add("verify-target-host-port-case", "verify: the Host header's port and letter case do not matter",
        call(prefixed(), "verify", target=target, host="IMG.example.com:8080", now=NOW))
    add("verify-target-host-chooses", "verify: the host given chooses the source, not a full URL's own host",
        call(prefixed(), "verify", target=shoes.replace("img.example.com", "cdn.example.net"),
             host="img.example.com", now=NOW))
    add("verify-target-unknown-host", "verify: a Host no source takes is unknown_source",
        call(prefixed(), "verify", target=target, host="other.example.com", now=NOW))
    add("verify-target-bad-host", "verify: a host with a path is invalid_param",
        call(prefixed(), "verify", target=target, host="img.example.com/shop", now=NOW))

    # Building through a named source.
    add("build", "source(name).build_url builds on that source's domain with its key",
        call(mixed(), "build_url", name="boss", path="/cover/300x300/a.jpg", params=[("w", 300)]))
    add("build-under-prefix", "a source with a prefix builds paths under it",
        call(prefixed(), "build_url", name="shop", path="/shop/a b.jpg", params=[("w", 1)]))
    add("build-outside-prefix", "a path outside the source's prefix is invalid_url",
        call(prefixed(), "build_url", name="shop", path="/blog/a.jpg"))
    add("build-prefix-boundary", "the prefix ends at a segment boundary: /shopping is outside /shop",
        call(prefixed(), "build_url", name="shop", path="/shopping/a.jpg"))
    add("build-unsigned", "a source without a key builds unsigned URLs",
        call(mixed(), "build_url", name="public", path="/a.jpg", params=[("w", 1)]))
    add("build-unknown-name", "an unknown source name is unknown_source",
        call(mixed(), "build_url", name="nope", path="/a.jpg"))

    # The set is checked.
    def bad(vid, desc, sources):
        add(f"set-{vid}", desc, call(sources, "sign_url", url="https://img.example.com/a.jpg"))
    a = spec("a", "img.example.com", key=IMGIX_KEY)
    bad("empty", "a set needs a source: invalid_param", [])
    bad("duplicate-name", "a name given twice is invalid_param", [a, spec("a", "other.example.com", key=IMGIX_KEY)])
    bad("duplicate-host", "two sources with the same host and no prefix: invalid_param",
        [a, spec("b", "IMG.example.com", key=OTHER_KEY)])
    bad("duplicate-prefix", "two sources with the same host and prefix (after normalising): invalid_param",
        [spec("a", "img.example.com", path_prefix="/x", key=IMGIX_KEY),
         spec("b", "img.example.com", path_prefix="/x/", key=OTHER_KEY)])
    bad("slash-prefix-is-none", "a prefix of / is no prefix, so it clashes with a plain source: invalid_param",
        [a, spec("b", "img.example.com", path_prefix="/", key=OTHER_KEY)])
    bad("name-empty", "an empty name is invalid_param", [spec("", "img.example.com", key=IMGIX_KEY)])
    bad("name-space", "a name with a space is invalid_param", [spec("my cdn", "img.example.com", key=IMGIX_KEY)])
    bad("name-65", "a name over 64 characters is invalid_param", [spec("n" * 65, "img.example.com", key=IMGIX_KEY)])
    add("set-name-64", "a name of 64 letters, digits, '-', '_' and '.' is accepted",
        call([spec("N." + "n_-9" * 15 + "xx", "img.example.com", key=IMGIX_KEY)], "sign_url",
             url="https://img.example.com/a.jpg"))
    for vid, prefix in (("prefix-relative", "shop"), ("prefix-empty", ""), ("prefix-dot", "/a/../b"),
                        ("prefix-double-slash", "/a//b"), ("prefix-query", "/a?b"), ("prefix-space", "/a b"),
                        ("prefix-bad-escape", "/a%zz")):
        bad(vid, f"the path prefix {prefix!r} is invalid_param",
            [spec("a", "img.example.com", path_prefix=prefix, key=IMGIX_KEY)])
    bad("bad-domain", "a source's domain follows the builder's domain rule: invalid_domain",
        [spec("a", "img.example.com/shop", key=IMGIX_KEY)])
    bad("bad-key", "a source's key follows the key rule: invalid_key", [spec("a", "img.example.com", key="k\n")])
    bad("previous-keys-without-key", "previous keys without a key: invalid_key",
        [spec("a", "img.example.com", previous_keys=["old"])])
    bad("unknown-provider", "an unknown provider name: invalid_param",
        [spec("a", "img.example.com", provider="nope", key=IMGIX_KEY)])


# -------------------------------------------------------------------------------- fixture

def load_fixture_sources():
    """three-cdns.json, and a check that three-cdns.toml holds the same sources."""
    doc = json.loads((FIXTURE_DIR / "three-cdns.json").read_text(encoding="utf-8"))
    with open(FIXTURE_DIR / "three-cdns.toml", "rb") as f:
        twin = tomllib.load(f)
    assert twin == doc, "conformance/sources/three-cdns.toml must say what three-cdns.json says"
    return doc["sources"]


FIXTURE_ENV = {
    "IMGSIGN_SHOP_KEY": "FOO123bar",
    "IMGSIGN_ARCHIVE_KEY": "Arch1veKey",
    "IMGSIGN_ARCHIVE_OLD_KEY": "0ldArch1ve",
    "IMGSIGN_BOSS_KEY": "abc",
    "IMGSIGN_BOOKS_KEY": "wakanda123@",
}


def fixture_specs(sources):
    """The file's sources as vector specs: each `*_env` read from FIXTURE_ENV."""
    out = []
    for name, f in sources.items():
        out.append(spec(name, f["domain"], path_prefix=f.get("path_prefix"), provider=f.get("provider"),
                        key=FIXTURE_ENV[f["key_env"]] if "key_env" in f else None,
                        previous_keys=[FIXTURE_ENV[v] for v in f.get("previous_keys_env", [])],
                        profile=f.get("profile")))
    return out


def line(kind, result):
    tag, value = result
    if tag == "error":
        return f"error {value}"
    return "valid" if kind == "verify" else value


def gen_fixture():
    rs = RefSources(fixture_specs(load_fixture_sources()))
    sign_urls = [
        "https://demo.imgix.net/products/shoe.jpg?w=400&fit=crop",
        "https://demo.imgix.net/archive/2019/cover.jpg?w=800",
        "https://demo.imgix.net/archived/cover.jpg",
        "https://img.imageboss.me/cover/300x300/photos/hero.jpg",
        "https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop",
        "https://DEMO.imgix.net/products/case.jpg",
        "https://unknown.example.com/a.jpg",
    ]
    normalised = {"https://DEMO.imgix.net/products/case.jpg": "https://demo.imgix.net/products/case.jpg"}
    sign = []
    for url in sign_urls:
        r = outcome(lambda: rs.sign_url(normalised.get(url, url)))
        if url in normalised and r[0] == "expected":
            r = ("expected", r[1])
        sign.append({"url": url, "expected": line("sign", r)})
    signed = [s["expected"] for s in sign if not s["expected"].startswith("error")]
    old = ref.sign_url("imgix", FIXTURE_ENV["IMGSIGN_ARCHIVE_OLD_KEY"], "https://demo.imgix.net/archive/old.jpg")
    expired = ref.sign_url("imageboss", FIXTURE_ENV["IMGSIGN_BOSS_KEY"], "https://img.imageboss.me/width/100/a.jpg",
                           expires=NOW - 60)
    verify_urls = signed[:5] + [
        old,
        signed[0].replace("w=400", "w=401"),
        ref.sign_url("imgix", FIXTURE_ENV["IMGSIGN_SHOP_KEY"], "https://demo.imgix.net/archive/x.jpg"),
        expired,
        "https://image.pvnservices.com/books/unsigned.jpg",
        "https://unknown.example.com/a.jpg?s=00",
    ]
    verify = [{"url": u, "expected": line("verify", outcome(lambda: rs.verify_url(u, NOW)))} for u in verify_urls]
    builds = [("shop", "/products/shoe.jpg", [("w", "400"), ("fit", "crop")]),
              ("archive", "/archive/2019/cover.jpg", [("w", "800")]),
              ("boss", "/cover/300x300/photos/hero.jpg", []),
              ("books", "/books/a b.jpg", [("w", "400")]),
              ("archive", "/2019/cover.jpg", []),
              ("nope", "/a.jpg", [])]
    build = [{"source": n, "path": p, "params": [[k, v] for k, v in ps],
              "expected": line("build", outcome(lambda: rs.build_url(n, p, ps)))} for n, p, ps in builds]
    assert {c["expected"] for c in verify} >= {"valid", "error signature_mismatch", "error expired",
                                                "error missing_signature", "error unknown_source"}
    doc = {
        "description": "Several sources in one object, run by the CLI, Python, Node and Kotlin tests: each "
                       "reads sources_file (three-cdns.json; the CLI also its TOML twin) with the keys from "
                       "environment, and must print exactly these lines: the signed URL or 'error <code>' for "
                       "each of sign, 'valid' or 'error <code>' for each of verify (at now), the URL or "
                       "'error <code>' for each of build. Generated by conformance/gen_sources.py from "
                       "reference.py's formulas.",
        "sources_file": "three-cdns.json",
        "environment": FIXTURE_ENV,
        "now": NOW,
        "sign": sign,
        "verify": verify,
        "build": build,
    }
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def generate(G):
    gen_vectors(G)
    G.extra_files[FIXTURE_DIR / "cases.json"] = gen_fixture()
