"""Vectors of kind `request_target`: the request target a client sent for a built URL, from
the path as a server percent-decoded it (docs/behaviour.md, "Verifying behind a server that
decodes the path").

Expected values: the decoded path encoded again by the builder's own path rules, which is
what the URL builders themselves do with it: the reference implementation's canonical path
encoding, imgix-python 4.0.0 and @imgix/js-core 3.8.0 run for real, and for a builder that
uses paths as given, the RFC 3986 path characters kept (`urllib.parse.quote` with them safe).
Each path is first built by the same oracle and decoded as a WSGI server decodes it
(`urllib.parse.unquote`); the generator checks that the target comes back byte for byte as
built, except the one case the rule documents (imgix-python writes a space in a web-proxy
path as `+`, which decoding leaves as `+`).
"""

from urllib.parse import quote, unquote

import reference as ref
from imgix import UrlBuilder

DOMAIN = "demo.imgix.net"
QUERY = "w=400&s=0123456789abcdef0123456789abcdef"
PATHS = [
    ("plus", "/photos/a+b.jpg"),
    ("sub-delims", "/photos/!'()*.jpg"),
    ("space", "/photos/lake side.png"),
    ("unicode", "/photos/café/ünïcode.png"),
    ("emoji", "/emoji-😀.jpg"),
    ("path-safe", "/a;b=c@d,e$f&g:h.jpg"),
    ("percent", "/100%.jpg"),
    ("percent-escape-as-text", "/a%2Bb.jpg"),
    ("question-hash", "/q?x#y.jpg"),
    ("brackets", "/[x]{y}^|`\\.jpg"),
    ("unreserved", "/~user/a_b-c.d"),
    ("double-slash", "//a//b.jpg"),
    ("root", "/"),
    ("proxy", "/https://example.com/a b+c.jpg?x=1&y=ü"),
    ("proxy-quote", "/http://example.com/it's!(1)*.jpg"),
]
# The paths a builder that uses paths as given gets: already in the form clients send.
VERBATIM = [
    ("escaped-space", "/a%20b.jpg"),
    ("escaped-unicode", "/%C3%BC/x!$&'()*+,;=:@.jpg"),
    ("escaped-percent", "/100%25.jpg"),
    ("plus", "/a+b.jpg"),
]
PATH_CHARS = "/!$&'()*+,;=:@~"  # quote() keeps A-Z a-z 0-9 - . _ ~ and these


def _path_of(url):
    after = url.index("://") + 3
    ends = [i for i in (url.find("/", after), url.find("?", after)) if i != -1]
    rest = url[min(ends):] if ends else "/"
    return rest.split("?", 1)[0] or "/"


def _canonical(path):
    return ref.encode_path(path, False)


def _imgix_python(path):
    return _path_of(UrlBuilder(DOMAIN, include_library_param=False).create_url(path))


def _verbatim(path):
    rest = path[1:] if path.startswith("/") else path
    return "/" + quote(rest, safe=PATH_CHARS)


def _builder_input(profile, provider, dpe, path, query):
    return {"domain": DOMAIN, "provider": provider, "key": "FOO123bar", "salt": None, "options": {},
            "profile": profile,
            "use_https": None, "include_library_param": None, "disable_path_encoding": dpe,
            "path": path, "query": query}


def gen_request_target(G):
    # imgix-js through one node process: every path, then every decoded path.
    js_built = G.run_node([{"op": "url", "client": {"domain": DOMAIN, "includeLibraryParam": False},
                            "path": p, "params": [], "options": {}, "variableQualities": None}
                           for _, p in PATHS])
    js_paths = {p: _path_of(r["ok"]) for (_, p), r in zip(PATHS, js_built)}
    js_decoded = [unquote(js_paths[p]) for _, p in PATHS]
    js_again = G.run_node([{"op": "url", "client": {"domain": DOMAIN, "includeLibraryParam": False},
                            "path": d, "params": [], "options": {}, "variableQualities": None}
                           for d in js_decoded])
    js_encode = {d: _path_of(r["ok"]) for d, r in zip(js_decoded, js_again)}

    oracles = {"canonical": _canonical, "imgix-python": _imgix_python, "imgix-js": lambda d: js_encode[d]}
    built = {"canonical": _canonical, "imgix-python": _imgix_python, "imgix-js": lambda p: js_paths[p]}
    for profile in ("canonical", "imgix-python", "imgix-js"):
        for name, path in PATHS:
            sent = built[profile](path)
            decoded = unquote(sent)
            expected = oracles[profile](decoded)
            ambiguous = profile == "imgix-python" and name == "proxy"
            if ambiguous:
                assert expected != sent and sent.count("+") > expected.count("+"), (sent, expected)
            else:
                assert expected == sent, f"{profile} {name}: {sent!r} decoded and encoded again is {expected!r}"
            note = (" (a space written + by quote_plus cannot be told from a + once decoded: this target "
                    "differs from the built one)" if ambiguous else "")
            G.add(f"request-target-{name}-{profile}", "request_target",
                  f"{profile}: the decoded path of {path!r} as built ({sent!r}) encodes back to the sent bytes{note}",
                  _builder_input(profile, "imgix", None, decoded, QUERY), ("expected", expected + "?" + QUERY))
    for name, path in VERBATIM:
        decoded = unquote(path)
        expected = _verbatim(decoded)
        assert expected == path, (path, expected)
        G.add(f"request-target-verbatim-{name}", "request_target",
              f"paths used as given: {path!r} decoded is encoded with the RFC 3986 path characters kept",
              _builder_input("canonical", "imgix", True, decoded, QUERY), ("expected", expected + "?" + QUERY))
    G.add("request-target-verbatim-ambiguous", "request_target",
          "paths used as given: %2B decoded is +, which a path may carry unencoded, so it stays + (a "
          "server that gives the raw target is needed for such a path)",
          _builder_input("canonical", "imgix", True, "/a+b.jpg", ""), ("expected", "/a+b.jpg"))
    for provider in ("gumlet", "pixta", "imageboss"):
        G.add(f"request-target-provider-{provider}", "request_target",
              f"{provider}: the provider does not change the path encoding",
              _builder_input(None, provider, None, "/a b+c.jpg", "w=1"), ("expected", "/a%20b%2Bc.jpg?w=1"))
    G.add("request-target-empty-query", "request_target", "no query: no ?",
          _builder_input(None, None, None, "/a b.jpg", ""), ("expected", "/a%20b.jpg"))
    G.add("request-target-empty-path", "request_target", "an empty path (WSGI's PATH_INFO may be empty) is /",
          _builder_input(None, None, None, "", "w=1"), ("expected", "/?w=1"))
    G.add("request-target-no-leading-slash", "request_target", "a path without its leading / gets one",
          _builder_input(None, None, None, "a.jpg", ""), ("expected", "/a.jpg"))
    G.add("request-target-query-as-received", "request_target", "the query is kept byte for byte",
          _builder_input(None, None, None, "/a.jpg", "a=%2B+&&b&s=1"), ("expected", "/a.jpg?a=%2B+&&b&s=1"))
    G.add("request-target-path-too-long", "request_target", "a path over 65,536 bytes is malformed_url",
          _builder_input(None, None, None, "/" + "a" * 65536, ""), ("error", "malformed_url"))
    G.add("request-target-query-too-long", "request_target", "a query over 65,536 bytes is malformed_url",
          _builder_input(None, None, None, "/a.jpg", "a" * 65537), ("error", "malformed_url"))
    G.add("request-target-invalid-builder", "request_target", "the builder's own checks come first",
          _builder_input("no-such-profile", None, None, "/a.jpg", ""), ("error", "invalid_param"))
