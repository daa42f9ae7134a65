#!/usr/bin/env python3
"""Generate conformance/vectors.json, the single source of truth for imgsign's behaviour.

Run from the repository root:

    python conformance/generate.py          # (re)write conformance/vectors.json
    python conformance/generate.py --check  # regenerate in memory, fail on any difference

It never imports imgsign. Expected values come from:
  * Python hashlib/hmac/base64 (provider formulas, origin requests) and the small
    independent reference implementation of docs/behaviour.md in reference.py
    (canonical profile, sign_url/verify_url, origin authentication);
  * the official libraries, run for real, for the compatibility profiles:
    imgix==4.0.0 (PyPI) for `imgix-python`, @imgix/js-core 3.8.0 (npm) for `imgix-js`
    through js_oracle.mjs (one node process for all JS vectors);
  * the providers' published examples, asserted below as hard-coded constants.

Setup (what the Makefile does):
    python3 -m venv .venv && .venv/bin/pip install -r conformance/requirements.txt
    (cd conformance && npm install --no-audit --no-fund)
If `imgix` is not importable, the script re-runs itself with .venv/bin/python.
"""

import argparse
import json
import os
import pathlib
import random
import subprocess
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "vectors.json"


def _ensure_oracles():
    try:
        import imgix  # noqa: F401
    except ImportError:
        venv = ROOT / ".venv"
        py = venv / "bin" / "python"
        if py.exists() and pathlib.Path(sys.prefix).resolve() != venv.resolve() \
                and not os.environ.get("IMGSIGN_CONFORMANCE_REEXEC"):
            os.environ["IMGSIGN_CONFORMANCE_REEXEC"] = "1"
            os.execv(str(py), [str(py), str(pathlib.Path(__file__).resolve()), *sys.argv[1:]])
        sys.exit("generate.py: `imgix` (4.0.0) is not importable; run "
                 "`python3 -m venv .venv && .venv/bin/pip install -r conformance/requirements.txt`")
    import imgix
    if imgix.__version__ != "4.0.0":
        sys.exit(f"generate.py: need imgix 4.0.0, found {imgix.__version__}")
    pkg = HERE / "node_modules" / "@imgix" / "js-core" / "package.json"
    if not pkg.exists():
        sys.exit("generate.py: run `(cd conformance && npm install --no-audit --no-fund)` first")
    ver = json.loads(pkg.read_text())["version"]
    if ver != "3.8.0":
        sys.exit(f"generate.py: need @imgix/js-core 3.8.0, found {ver}")


_ensure_oracles()
sys.path.insert(0, str(HERE))

from imgix import UrlBuilder  # noqa: E402
from imgix import target_widths as imgix_target_widths  # noqa: E402
import imgix.errors  # noqa: E402

import gen_schemes  # noqa: E402
import gen_tokens  # noqa: E402
import gen_sources  # noqa: E402
import gen_profile_defaults  # noqa: E402
import reference as ref  # noqa: E402
from reference import RefError  # noqa: E402
from gen_request_target import gen_request_target  # noqa: E402
import gen_compat as mobile  # noqa: E402  (gen_compat.py; `gen_compat` below is this file's own section)

NOW = 1700000000  # injected clock for verify vectors
KEYS = {"imgix": "FOO123bar", "gumlet": "sample123xyz", "pixta": "wakanda123@", "imageboss": "abc"}
DOMAINS = {"imgix": "demo.imgix.net", "gumlet": "demo.gumlet.io",
           "pixta": "image.pvnservices.com", "imageboss": "img.imageboss.me"}
SRCSET_DEFAULTS = dict(widths=None, min_width=100, max_width=8192, tolerance=0.08,
                       device_pixel_ratios=None, variable_qualities=None,
                       disable_variable_quality=False)
IMGIX_WIDTHS = [100, 116, 135, 156, 181, 210, 244, 283, 328, 380, 441, 512, 594, 689, 799,
                927, 1075, 1247, 1446, 1678, 1946, 2257, 2619, 3038, 3524, 4087, 4741, 5500,
                6380, 7401, 8192]


def ratio_in(r):
    """Ratios are JSON numbers; written as floats (runners pass them as floats)."""
    return float(r)


def py_ratio(r):
    """Whole-number ratios are passed to imgix-python as ints (as its users write them)."""
    r = float(r)
    return int(r) if r.is_integer() else r


# ====================================================================== registry


class Gen:
    def __init__(self):
        self.vectors = []
        self.ids = set()
        self.js_requests = []
        self.checks = []  # (vector, check) run once every expected value is final
        # Other generated files (path -> text), written and checked with vectors.json.
        self.extra_files = {}

    def add(self, vid, kind, desc, inp, result=None, pending=None):
        """result: ("expected", value) or ("error", code); or pending=(js_index, post)."""
        assert vid not in self.ids, f"duplicate id {vid}"
        self.ids.add(vid)
        v = {"id": vid, "kind": kind, "description": desc, "input": inp}
        if pending is not None:
            v["_pending"] = pending
        else:
            self._set(v, result)
        self.vectors.append(v)
        return v

    @staticmethod
    def _set(v, result):
        tag, val = result
        assert tag in ("expected", "error"), result
        v[tag] = val

    def js(self, req):
        self.js_requests.append(req)
        return len(self.js_requests) - 1

    @staticmethod
    def run_node(requests):
        proc = subprocess.run(["node", str(HERE / "js_oracle.mjs")], cwd=str(HERE),
                              input=json.dumps(requests).encode("utf-8"),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
        if proc.returncode != 0:
            sys.exit("js_oracle.mjs failed:\n" + proc.stderr.decode("utf-8", "replace"))
        results = json.loads(proc.stdout.decode("utf-8"))
        assert len(results) == len(requests)
        return results

    def resolve_js(self):
        results = self.run_node(self.js_requests)
        for v in self.vectors:
            if "_pending" in v:
                idx, post = v.pop("_pending")
                self._set(v, post(results[idx]))
        self.sign_as_sent()
        for v, check in self.checks:
            check(v)

    def sign_as_sent(self):
        """A signed URL of a compatibility profile is written as clients send it: each signed
        URL the official library emitted goes through a real WHATWG URL parser (Node's `URL`);
        where the path or query a client sends differs (imgix-python's empty path, imgix-js's
        `'` in a query), the expected URL is the sent form signed by the reference formula."""
        todo = [v for v in self.vectors if v.pop("_as_sent", False) and "expected" in v]
        urls = [(u, ref.SIG_PARAM[ref.given(v["input"]["provider"], "provider")]) for v in todo for u in _signed_urls(v)]
        sent = iter(self.run_node([{"op": "sent", "url": u, "param": sp} for u, sp in urls]))
        for v in todo:
            fixed = [_resign_as_sent(u, next(sent)["ok"], v["input"]) for u in _signed_urls(v)]
            v["expected"] = _replace_signed_urls(v, fixed)

    def get(self, vid):
        return next(v for v in self.vectors if v["id"] == vid)


G = Gen()


def ref_call(fn, *a, **kw):
    try:
        return ("expected", fn(*a, **kw))
    except RefError as e:
        return ("error", e.code)


def check_hand(vid, result, error):
    if error is not None:
        assert result == ("error", error), f"{vid}: reference gives {result}, hand label {error}"
    return result


# ====================================================================== simple kinds


def sign(vid, desc, provider, key, url, expires=None, error=None, normalised=None):
    inp = {"provider": provider, "key": key, "salt": None, "options": {}, "url": url, "expires": expires,
           "values": {}}
    res = ref_call(ref.sign_url, provider, key, url, expires, normalised=normalised)
    G.add(vid, "sign_url", desc, inp, check_hand(vid, res, error))


def verify(vid, desc, provider, key, url, previous_keys=(), now=NOW, error=None):
    inp = {"provider": provider, "key": key, "previous_keys": list(previous_keys), "salt": None,
           "previous_salts": [], "options": {}, "url": url, "now": now, "values": {}}
    res = ref_call(ref.verify_url, provider, key, list(previous_keys), url, now)
    G.add(vid, "verify_url", desc, inp, check_hand(vid, res, error))


def verify_target(vid, desc, provider, key, target, previous_keys=(), now=NOW, error=None):
    inp = {"provider": provider, "key": key, "previous_keys": list(previous_keys), "salt": None,
           "previous_salts": [], "options": {}, "target": target, "now": now, "values": {}}
    res = ref_call(ref.verify_target, provider, key, list(previous_keys), target, now)
    G.add(vid, "verify", desc, inp, check_hand(vid, res, error))


def twidths(vid, desc, mn, mx, tol, error=None, profile=None):
    """target_widths; with `profile`, that profile's widths, from its official library (or,
    for imgix-java, the Java implementation of gen_compat.py): a library that throws is
    `invalid_srcset`, imgix-swift (no target widths) `invalid_param`."""
    inp = {"min_width": mn, "max_width": mx, "tolerance": tol}
    if profile is None:
        return G.add(vid, "target_widths", desc, inp,
                     check_hand(vid, ref_call(ref.target_widths, mn, mx, tol), error))
    inp["profile"] = profile
    if profile == "canonical":
        return G.add(vid, "target_widths", desc, inp,
                     check_hand(vid, ref_call(ref.target_widths, mn, mx, tol), error))
    if profile == "imgix-swift":
        return G.add(vid, "target_widths", desc, inp, check_hand(vid, ("error", "invalid_param"), error))
    if profile == "imgix-js":
        def post(r):
            return ("expected", r["ok"]) if "ok" in r else ("error", "invalid_srcset")
        return G.add(vid, "target_widths", desc, inp, pending=(G.js({"op": "widths", "args": [mn, mx, tol]}), post))
    try:
        if profile == "imgix-python":
            res = ("expected", list(imgix_target_widths(**_given(start=mn, stop=mx, tol=tol))))
        else:
            res = ("expected", mobile.java_target_widths(100 if mn is None else mn, 8192 if mx is None else mx,
                                                            0.08 if tol is None else tol))
    except (ValueError, IndexError, imgix.errors.WidthRangeError, imgix.errors.WidthToleranceError,
            mobile.LibraryRaises):
        res = ("error", "invalid_srcset")
    return G.add(vid, "target_widths", desc, inp, check_hand(vid, res, error))


def origin_sign(vid, desc, key, rid, ts, error=None):
    inp = {"key": key, "request_id": rid, "timestamp": ts}
    G.add(vid, "sign_origin_request", desc, inp,
          check_hand(vid, ref_call(ref.sign_origin_request, key, rid, ts), error))


def origin_verify(vid, desc, key, headers, now, tolerance=300, error=None):
    """tolerance=None is "not given" (the documented default)."""
    inp = {"key": key, "headers": [list(h) for h in headers], "now": now, "tolerance": tolerance}
    G.add(vid, "verify_origin_request", desc, inp,
          check_hand(vid, ref_call(ref.verify_origin_request, key, inp["headers"], now, tolerance), error))


def basic(vid, desc, user, pw, headers, error=None):
    inp = {"username": user, "password": pw, "headers": [list(h) for h in headers]}
    G.add(vid, "verify_basic_auth", desc, inp,
          check_hand(vid, ref_call(ref.verify_basic_auth, user, pw, inp["headers"]), error))


def secret(vid, desc, sec, headers, error=None):
    inp = {"secret": sec, "headers": [list(h) for h in headers]}
    G.add(vid, "verify_origin_secret", desc, inp,
          check_hand(vid, ref_call(ref.verify_origin_secret, sec, inp["headers"]), error))


# ====================================================================== build_url / build_srcset


def _builder_input(profile, provider, domain, key, use_https, lib, dpe, path, params):
    return {"domain": domain, "provider": provider, "key": key, "salt": None, "options": {}, "profile": profile,
            "use_https": use_https, "include_library_param": lib,
            "disable_path_encoding": dpe, "path": path,
            "params": [[k, v] for k, v in params]}


def _loose_pairs(params):
    """What a user of the official library would pass (for checking that it throws)."""
    d = {}
    for k, v in params:
        if v is not None:
            d[k] = ref.stringify(v)
    return list(d.items())


def _given(**kw):
    """The keyword arguments that are given (None is "not given": the library's own default)."""
    return {k: v for k, v in kw.items() if v is not None}


def _builder_options(inp):
    """Builder options with imgsign's documented defaults for those not given: the
    compatibility profiles add ixlib by default, as their libraries do. The call's own
    `disable_path_encoding`, when given, wins over the builder's (both libraries take it per
    call only)."""
    use_https, lib, dpe = [ref.given(inp[k], k, inp["profile"])
                           for k in ("use_https", "include_library_param", "disable_path_encoding")]
    if inp.get("call_disable_path_encoding") is not None:
        dpe = inp["call_disable_path_encoding"]
    return use_https, lib, dpe


def _py_run(inp, pairs, srcset):
    try:
        use_https, lib, dpe = _builder_options(inp)
        ub = UrlBuilder(inp["domain"], use_https=use_https, sign_key=inp["key"], include_library_param=lib)
        params = dict(pairs)
        options = {"disable_path_encoding": dpe}
        if srcset is None:
            return ("ok", ub.create_url(inp["path"], params, options=options))
        if srcset["variable_qualities"] is not None:
            options["variable_qualities"] = {py_ratio(r): q for r, q in srcset["variable_qualities"]}
        if srcset["device_pixel_ratios"] is not None:
            options["device_pixel_ratios"] = [py_ratio(r) for r in srcset["device_pixel_ratios"]]
        kw = _given(start=srcset["min_width"], stop=srcset["max_width"], tol=srcset["tolerance"],
                    disable_variable_quality=srcset["disable_variable_quality"])
        if srcset["widths"] is not None:
            kw["widths"] = list(srcset["widths"])
        return ("ok", ub.create_srcset(inp["path"], params, options, **kw))
    except (ValueError, imgix.errors.WidthRangeError, imgix.errors.WidthToleranceError,
            imgix.errors.DevicePixelRatiosError, imgix.errors.VariableQualitiesError) as e:
        return ("raise", f"{type(e).__name__}: {e}")


def _js_request(inp, pairs, srcset):
    use_https, lib, dpe = _builder_options(inp)
    req = {"op": "url" if srcset is None else "srcset",
           "client": {"domain": inp["domain"], "useHTTPS": use_https, "secureURLToken": inp["key"],
                      "includeLibraryParam": lib},
           "path": inp["path"], "params": [[k, mobile.js_base64_value(k, v)] for k, v in pairs],
           "options": {"disablePathEncoding": dpe},
           "variableQualities": None}
    if srcset is not None:
        o = req["options"]
        o.update(_given(minWidth=srcset["min_width"], maxWidth=srcset["max_width"],
                        widthTolerance=srcset["tolerance"],
                        disableVariableQuality=srcset["disable_variable_quality"]))
        if srcset["widths"] is not None:
            o["widths"] = list(srcset["widths"])
        if srcset["device_pixel_ratios"] is not None:
            o["devicePixelRatios"] = list(srcset["device_pixel_ratios"])
        req["variableQualities"] = srcset["variable_qualities"]
    return req


def _compat_outcome(vid, lib_res, error, deviation, pre_error):
    """Combine imgsign's own pre-checks with the official library's result."""
    kind, val = lib_res
    if pre_error is not None:
        assert error == pre_error, f"{vid}: pre-check gives {pre_error}, hand label {error}"
        if deviation:
            assert kind == "ok", f"{vid}: marked as a deviation but the library throws: {val}"
        else:
            assert kind == "raise", f"{vid}: the official library accepts this input: {val!r}"
        return ("error", error)
    if kind == "raise":
        assert error is not None, f"{vid}: library throws ({val}); label the imgsign code by hand"
        assert not deviation
        return ("error", error)
    assert error is None, f"{vid}: hand label {error} but the library returns {val!r}"
    return ("expected", val)


def _signed_urls(v):
    if v["kind"] in ("build_url", "reconstruct"):
        return [v["expected"]]
    return [entry.rsplit(" ", 1)[0] for entry in v["expected"].split(",\n")]


def _replace_signed_urls(v, urls):
    if v["kind"] in ("build_url", "reconstruct"):
        return urls[0]
    entries = v["expected"].split(",\n")
    return ",\n".join(u + " " + e.rsplit(" ", 1)[1] for u, e in zip(urls, entries))


def _resign_as_sent(url, sent_path_query, inp):
    """`url`: a signed URL from an official library (signature last). The unsigned URL it
    signed is `url` without its signature piece; when clients send other bytes
    (`sent_path_query`, from a WHATWG parser of that unsigned URL), sign those instead."""
    sp = ref.SIG_PARAM[ref.given(inp["provider"], "provider")]
    cut = max(url.rfind("?" + sp + "="), url.rfind("&" + sp + "="))
    unsigned = url[:cut]
    after_scheme = unsigned.index("://") + 3
    host_end = min([i for i in (unsigned.find("/", after_scheme), unsigned.find("?", after_scheme)) if i != -1],
                   default=len(unsigned))
    origin, path_query = unsigned[:host_end], unsigned[host_end:]
    lib_path, _, lib_query = path_query.partition("?")
    # Cross-check: the library's own signature is the reference formula over what it signed.
    assert url[cut + len(sp) + 2:] == ref.signature(ref.given(inp["provider"], "provider"), inp["key"],
                                                    lib_path, lib_query), url
    if sent_path_query == path_query:
        return url
    path, _, query = sent_path_query.partition("?")
    return ref.append_signature(ref.given(inp["provider"], "provider"), inp["key"], origin, path, query)


def _js_post(vid, error, deviation, pre_error):
    def post(r):
        lib_res = ("ok", r["ok"]) if "ok" in r else ("raise", r["error"])
        return _compat_outcome(vid, lib_res, error, deviation, pre_error)
    return post


def builder_vector(vid, desc, srcset=None, *, profile="canonical", provider="imgix",
                   domain=None, key=None, use_https=True, lib=False, dpe=False,
                   path="/a.jpg", params=(), error=None, deviation=False, call_dpe=None):
    domain = DOMAINS.get(provider, "demo.imgix.net") if domain is None else domain
    params = typed_for(profile, params)
    inp = _builder_input(profile, provider, domain, key, use_https, lib, dpe, path, params)
    if call_dpe is not None:
        inp["call_disable_path_encoding"] = call_dpe
    kind = "build_url" if srcset is None else "build_srcset"
    if srcset is not None:
        full = dict(SRCSET_DEFAULTS)
        full.update(srcset)
        if full["device_pixel_ratios"] is not None:
            full["device_pixel_ratios"] = [ratio_in(r) for r in full["device_pixel_ratios"]]
        if full["variable_qualities"] is not None:
            full["variable_qualities"] = [[ratio_in(r), q] for r, q in full["variable_qualities"]]
        srcset = full
        inp.update(full)
    args = {k: v for k, v in inp.items() if k not in ("salt", "options", "call_disable_path_encoding")}
    if call_dpe is not None:
        args["disable_path_encoding"] = call_dpe
    if profile not in ref.COMPAT_PROFILES:
        if profile in ("canonical", None):
            fn = ref.build_url if srcset is None else ref.build_srcset
            res = ref_call(fn, **args)
        else:
            res = ref_call(ref.check_profile, profile)
            assert res[0] == "error"
        return G.add(vid, kind, desc, inp, check_hand(vid, res, error))
    assert provider in ("imgix", None), "compat vectors only for provider imgix"
    pre_error = None
    effective_dpe = _builder_options(inp)[2]
    try:
        pairs = ref.prepare_compat(domain, provider, key, profile, effective_dpe, path, params)
    except RefError as e:
        pre_error = e.code
        pairs = _loose_pairs(params)
    if profile in ("imgix-swift", "imgix-java"):
        lib_res = mobile.run_mobile(profile, inp, pairs, srcset, *_builder_options(inp))
        v = G.add(vid, kind, desc, inp, _compat_outcome(vid, lib_res, error, deviation, pre_error))
    elif profile == "imgix-python":
        v = G.add(vid, kind, desc, inp,
                  _compat_outcome(vid, _py_run(inp, pairs, srcset), error, deviation, pre_error))
    else:
        idx = G.js(_js_request(inp, pairs, srcset))
        v = G.add(vid, kind, desc, inp, pending=(idx, _js_post(vid, error, deviation, pre_error)))
    if key is not None:
        v["_as_sent"] = True
    return v


def url(vid, desc, **kw):
    return builder_vector(vid, desc, None, **kw)


def srcset(vid, desc, opts=None, **kw):
    return builder_vector(vid, desc, opts or {}, **kw)


PROFILES3 = ("canonical", "imgix-python", "imgix-js")
PROFILES5 = ref.PROFILES


SAFE_INT = 2 ** 53


def typed_for(profile, params):
    """Params a vector of `profile` can hold. JavaScript has one number type (an integer is
    only told apart up to 2^53) and Swift's JSON decoding reads `2.0` as an integer, so where
    a profile prints an integer and a whole float differently (imgix-python's and imgix-java's
    `2.0`, NSNumber's `1e+16`), such a value is not one every runner can give: a whole float
    up to 2^53 is given as the integer, and larger whole numbers below 2^63 are left out."""
    if profile not in ("imgix-python", "imgix-java", "imgix-swift"):
        return params
    out = []
    for k, v in params:
        if _ambiguous_float(v) and abs(v) <= SAFE_INT and profile != "imgix-swift":
            v = int(v)
        if _ambiguous_float(v) and abs(v) > SAFE_INT or _ambiguous_int(v):
            continue
        out.append((k, v))
    return out


def _ambiguous_float(v):
    return isinstance(v, float) and v.is_integer() and abs(v) < 2.0 ** 63 and not (v == 0 and str(v).startswith("-"))


def _ambiguous_int(v):
    return isinstance(v, int) and not isinstance(v, bool) and abs(v) > SAFE_INT


# ====================================================================== sign_url

def gen_sign_url():
    # Published / documented examples.
    sign("pixta-seed-example", "Pixta's documented worked example (docs/contract.md, Providers): key last, `?` inside the hash",
         "pixta", "wakanda123@",
         "https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop")
    sign("gumlet-docs-with-query", "Gumlet docs inputs: md5('sample123xyz/fell.jpeg?width=300')",
         "gumlet", "sample123xyz", "https://demo.gumlet.io/fell.jpeg?width=300")
    sign("gumlet-docs-no-query", "Gumlet docs inputs without a query: no `?` is signed (WordPress plugin rule), `?s=`",
         "gumlet", "sample123xyz", "https://demo.gumlet.io/fell.jpeg")
    sign("gumlet-docs-expires", "Gumlet docs inputs with expires=1700000000 appended before signing",
         "gumlet", "sample123xyz", "https://demo.gumlet.io/fell.jpeg?width=300", expires=1700000000)
    sign("imageboss-ruby-client-example", "imageboss-rb spec vector: the query is signed with the path",
         "imageboss", "abc", "https://img.imageboss.me/myassets/width/100/assets/img01.jpg?existing=oh")
    sign("imageboss-docs-path", "ImageBoss docs path, no query: `?bossToken=`",
         "imageboss", "abc", "https://img.imageboss.me/mysecureimages/width/500/01.jpg")
    bp = "https://my-social-network.imgix.net"
    sign("imgix-blueprint-sign-path", "imgix blueprint: /users/1.png, token FOO123bar",
         "imgix", "FOO123bar", bp + "/users/1.png")
    sign("imgix-blueprint-sign-sorted-query", "imgix blueprint: ?h=300&w=400 (sorted order)",
         "imgix", "FOO123bar", bp + "/users/1.png?h=300&w=400")
    sign("imgix-blueprint-sign-insertion-query", "imgix blueprint: ?w=400&h=300 (insertion order, as js-core emits)",
         "imgix", "FOO123bar", bp + "/users/1.png?w=400&h=300")
    sign("imgix-blueprint-sign-proxy", "imgix blueprint: web-proxy path, already encoded as one component",
         "imgix", "FOO123bar", bp + "/http%3A%2F%2Favatars.com%2Fjohn-smith.png")
    sign("imgix-blueprint-sign-proxy-query", "imgix blueprint: web-proxy path with ?h=300&w=400",
         "imgix", "FOO123bar", bp + "/http%3A%2F%2Favatars.com%2Fjohn-smith.png?h=300&w=400")

    for p in ("imgix", "gumlet", "pixta", "imageboss"):
        d, k, sp = DOMAINS[p], KEYS[p], ref.SIG_PARAM[p]
        base = f"https://{d}"
        sign(f"{p}-sign-no-query", f"{p}: no query, signature goes on as ?{sp}=", p, k, base + "/images/a.jpg")
        sign(f"{p}-sign-query", f"{p}: query kept byte for byte, signature appended last", p, k,
             base + "/images/photo.jpg?w=400&h=300&fit=crop")
        sign(f"{p}-sign-fragment", f"{p}: fragment is not signed and is put back after the signature", p, k,
             base + "/a.jpg?w=100#section-2")
        sign(f"{p}-sign-fragment-no-query", f"{p}: fragment without a query", p, k, base + "/a.jpg#top")
        sign(f"{p}-sign-replace-existing", f"{p}: an existing {sp} piece is removed, not duplicated", p, k,
             base + f"/a.jpg?w=100&{sp}=0123456789abcdef0123456789abcdef&h=50")
        sign(f"{p}-sign-replace-only-sig", f"{p}: the query holds only an old {sp}: signed without query", p, k,
             base + f"/a.jpg?{sp}=deadbeef")
        sign(f"{p}-sign-empty-query", f"{p}: a bare `?` is no query: nothing after the path is signed", p, k,
             base + "/a.jpg?")
        sign(f"{p}-sign-expires-append", f"{p}: expires appended before signing", p, k,
             base + "/a.jpg?w=100", expires=1700003600)
        sign(f"{p}-sign-expires-replace", f"{p}: an existing expires piece is replaced in place", p, k,
             base + "/a.jpg?expires=1&w=100", expires=1700003600)
        sign(f"{p}-sign-expires-no-query", f"{p}: expires is the only param", p, k,
             base + "/a.jpg", expires=1700003600)
        sign(f"{p}-sign-encoded-unicode", f"{p}: percent-encoded UTF-8 path and query kept as given", p, k,
             base + "/caf%C3%A9/%E6%97%A5%E6%9C%AC.jpg?txt=a%20b&mark=x+y&c=%2B")
        sign(f"{p}-sign-http", f"{p}: http scheme", p, k, f"http://{d}/a.jpg?w=1")
        sign(f"{p}-sign-port", f"{p}: a non-default port is kept and not signed", p, k,
             f"https://{d}:8443/a.jpg?w=1")
        sign(f"{p}-sign-utf8-key", f"{p}: a non-ASCII key is hashed as UTF-8", p, "clé-ñ", base + "/a.jpg?w=1")
        sign(f"{p}-sign-normalise-space", f"{p}: a space in the path is sent as %20 (hand-normalised: "
             f"{base}/my%20image.jpg?w=1)", p, k, base + "/my image.jpg?w=1",
             normalised=base + "/my%20image.jpg?w=1")
        sign(f"{p}-sign-unknown-scheme", f"{p}: ftp is not signable", p, k, f"ftp://{d}/a.jpg",
             error="invalid_url")
        sign(f"{p}-sign-key-trailing-newline", f"{p}: key read from a file with its newline", p, k + "\n",
             base + "/a.jpg", error="invalid_key")

    sign("imgix-sign-keeps-sub-delims", "`! ' ( ) * ~ : @ , ;` in an already-normalised URL are kept byte for byte "
         "(`'` only in the path: a browser sends it as %27 in the query)",
         "imgix", "FOO123bar", "https://demo.imgix.net/it's/(1)!*~:@,;.jpg?txt=(a)!*&x=a:b@c,d;e")
    sign("imgix-sign-normalise-quote-in-query", "`'` in the query is sent as %27 by the WHATWG parser "
         "(hand-normalised: ?txt=it%27s); in the path it is kept", "imgix", "FOO123bar",
         "https://demo.imgix.net/it's.jpg?txt=it's",
         normalised="https://demo.imgix.net/it's.jpg?txt=it%27s")
    sign("imgix-sign-sig-piece-without-equals", "a piece `s` with no `=` has raw key `s` and is removed",
         "imgix", "FOO123bar", "https://demo.imgix.net/a.jpg?s&w=1")
    sign("imgix-sign-uppercase-S-kept", "raw key compare is case-sensitive: `S=1` is an ordinary piece",
         "imgix", "FOO123bar", "https://demo.imgix.net/a.jpg?S=1&w=1")
    sign("imgix-sign-encoded-s-kept", "raw key compare: `%73=1` is not `s` and is kept",
         "imgix", "FOO123bar", "https://demo.imgix.net/a.jpg?%73=1")
    sign("imgix-sign-empty-pieces-kept", "empty pieces between `&&` are other bytes, kept untouched",
         "imgix", "FOO123bar", "https://demo.imgix.net/a.jpg?a=1&&b=2")
    sign("imgix-sign-proxy-with-own-query", "web-proxy path carrying its own (encoded) query and fragment",
         "imgix", "FOO123bar",
         "https://demo.imgix.net/https%3A%2F%2Fexample.com%2Fa%20b.jpg%3Fx%3D1%26y%3D2%23frag?w=300")
    sign("imgix-sign-double-slash", "imgix keeps a double leading slash as sent",
         "imgix", "FOO123bar", "https://demo.imgix.net//a.jpg?w=1")
    sign("gumlet-sign-double-slash", "Gumlet: `//fell.jpeg` is rewritten to `/fell.jpeg` in the URL and the signed string",
         "gumlet", "sample123xyz", "https://demo.gumlet.io//fell.jpeg?width=300")
    sign("gumlet-sign-triple-slash", "Gumlet: exactly one leading slash",
         "gumlet", "sample123xyz", "https://demo.gumlet.io///a/b.jpg")
    sign("imageboss-sign-keeps-s", "ImageBoss: an `s` param is ordinary; an old bossToken is replaced",
         "imageboss", "abc", "https://img.imageboss.me/src/width/100/a.jpg?s=1&bossToken=old")
    sign("imgix-sign-normalise-host-case", "the host is lowercased by the parser (hand-normalised: https://demo.imgix.net/A.jpg)",
         "imgix", "FOO123bar", "https://Demo.IMGIX.net/A.jpg",
         normalised="https://demo.imgix.net/A.jpg")
    sign("imgix-sign-normalise-default-port", "the default port is dropped by the parser (hand-normalised)",
         "imgix", "FOO123bar", "https://demo.imgix.net:443/a.jpg?w=1",
         normalised="https://demo.imgix.net/a.jpg?w=1")
    sign("imgix-sign-normalise-dot-segments", "`/a/../b.jpg` is sent as `/b.jpg` (hand-normalised)",
         "imgix", "FOO123bar", "https://demo.imgix.net/a/../b.jpg",
         normalised="https://demo.imgix.net/b.jpg")
    sign("pixta-sign-expires-with-existing-sig", "old s removed, then expires appended, then signed",
         "pixta", "wakanda123@", "https://image.pvnservices.com/a.jpg?w=1&s=old", expires=1800000000)

    # One limit, 65,536 bytes, for what sign_url accepts and what it emits (so verify_url, which
    # refuses longer URLs, accepts everything sign_url gives).
    origin, sig_len = "https://demo.imgix.net/", len("?s=") + 32

    def long_url(n):
        url = origin + "a" * (n - len(origin) - 4) + ".jpg"
        assert len(url.encode()) == n
        return url
    sign("imgix-sign-max-length", "an input of exactly 65,536 bytes would come out longer than 65,536 bytes: "
         "invalid_url (the limit holds for the signed URL too)", "imgix", "FOO123bar", long_url(65536),
         error="invalid_url")
    sign("imgix-sign-max-output-length", "the longest input whose signed URL is exactly 65,536 bytes",
         "imgix", "FOO123bar", long_url(65536 - sig_len))
    assert len(G.get("imgix-sign-max-output-length")["expected"]) == 65536
    sign("imgix-sign-output-one-over-max-length", "one byte more: the signed URL would be 65,537 bytes",
         "imgix", "FOO123bar", long_url(65536 - sig_len + 1), error="invalid_url")
    sign("imgix-sign-over-max-length", "an input of 65,537 bytes is invalid_url", "imgix", "FOO123bar",
         long_url(65537), error="invalid_url")
    spaces = origin + " " * 22000 + "a.jpg"
    sign("imgix-sign-spaces-grow-over-max-length", "22,000 spaces are sent as %20: the signed URL would be "
         "over 65,536 bytes although the input is not", "imgix", "FOO123bar", spaces,
         normalised=origin + "%20" * 22000 + "a.jpg", error="invalid_url")
    verify("imgix-verify-max-length", "the longest signed URL verifies", "imgix", "FOO123bar",
           G.get("imgix-sign-max-output-length")["expected"])
    verify("imgix-verify-over-max-length", "a URL over 65,536 bytes is malformed_url", "imgix", "FOO123bar",
           ref.sign_url("imgix", "FOO123bar", long_url(65536 - sig_len)).replace("/a", "/aa", 1),
           error="malformed_url")
    bad_urls = [
        ("relative", "/a.jpg"), ("no-host", "https://"), ("no-host-query", "https://?w=1"),
        ("data-url", "data:image/png;base64,AAAA"), ("mailto", "mailto:a@b.c"), ("empty", ""),
        ("tab", "https://demo.imgix.net/a\tb.jpg"), ("nul", "https://demo.imgix.net/a\x00b.jpg"),
        ("cr", "https://demo.imgix.net/a.jpg\r?w=1"), ("lf", "https://demo.imgix.net/a\n.jpg"),
        ("c1-control", "https://demo.imgix.net/a\x85.jpg"), ("del", "https://demo.imgix.net/a\x7f.jpg"),
        ("leading-space", " https://demo.imgix.net/a.jpg"), ("trailing-space", "https://demo.imgix.net/a.jpg "),
        ("trailing-newline", "https://demo.imgix.net/a.jpg\n"),
    ]
    for name, u in bad_urls:
        sign(f"imgix-sign-invalid-url-{name}", f"not signable: {name}", "imgix", "FOO123bar", u,
             error="invalid_url")
    for name, k in [("empty", ""), ("leading-space", " FOO123bar"), ("trailing-space", "FOO123bar "),
                    ("nul", "FOO\x00bar"), ("tab", "FOO\tbar"), ("del", "FOO\x7fbar")]:
        sign(f"imgix-sign-invalid-key-{name}", f"key rejected: {name}", "imgix", k,
             "https://demo.imgix.net/a.jpg", error="invalid_key")
    for name, prov in [("nosuchcdn", "nosuchcdn"), ("empty", "")]:
        sign(f"sign-unknown-provider-{name}", f"unknown provider name {prov!r}", prov, "FOO123bar",
             "https://demo.imgix.net/a.jpg", error="invalid_param")


# ====================================================================== verify_url

def gen_verify_url():
    for p in ("imgix", "gumlet", "pixta", "imageboss"):
        d, k, sp = DOMAINS[p], KEYS[p], ref.SIG_PARAM[p]
        base = f"https://{d}"
        good = ref.sign_url(p, k, base + "/images/a.jpg?w=400&h=300")
        verify(f"{p}-verify-ok", f"{p}: valid signature", p, k, good)
        verify(f"{p}-verify-ok-no-query", f"{p}: valid, ?{sp}= only", p, k, ref.sign_url(p, k, base + "/a.jpg"))
        verify(f"{p}-verify-ok-fragment", f"{p}: a fragment after the signature is ignored", p, k,
               ref.sign_url(p, k, base + "/a.jpg?w=1#frag"))
        old = "old-" + k
        verify(f"{p}-verify-previous-key", f"{p}: signed with a previous key (rotation)", p, k,
               ref.sign_url(p, old, base + "/a.jpg?w=1"), previous_keys=["unrelated", old])
        verify(f"{p}-verify-old-key-not-listed", f"{p}: signed with a key not in previous_keys", p, k,
               ref.sign_url(p, old, base + "/a.jpg?w=1"), previous_keys=["unrelated"], error="signature_mismatch")
        verify(f"{p}-verify-tampered-path", f"{p}: path changed after signing", p, k,
               good.replace("/images/a.jpg", "/images/b.jpg"), error="signature_mismatch")
        verify(f"{p}-verify-tampered-query", f"{p}: query changed after signing", p, k,
               good.replace("w=400", "w=401"), error="signature_mismatch")
        sig = good.rsplit("=", 1)[1]
        flipped = sig[:-1] + ("0" if sig[-1] != "0" else "1")
        verify(f"{p}-verify-tampered-signature", f"{p}: signature changed", p, k,
               good[: -len(sig)] + flipped, error="signature_mismatch")
        verify(f"{p}-verify-uppercase-hex", f"{p}: hex must be lowercase", p, k,
               good[: -len(sig)] + sig.upper(), error="signature_mismatch")
        verify(f"{p}-verify-short-signature", f"{p}: signature of the wrong length", p, k,
               good[:-2], error="signature_mismatch")
        verify(f"{p}-verify-missing", f"{p}: no {sp} param", p, k, base + "/images/a.jpg?w=400&h=300",
               error="missing_signature")
        verify(f"{p}-verify-missing-no-query", f"{p}: no query at all", p, k, base + "/a.jpg",
               error="missing_signature")
        verify(f"{p}-verify-sig-not-last", f"{p}: {sp} present but not the last piece", p, k,
               base + f"/images/a.jpg?{sp}={sig}&w=400&h=300", error="malformed_url")
        fut = ref.sign_url(p, k, base + "/a.jpg?w=1", expires=NOW + 3600)
        verify(f"{p}-verify-expires-future", f"{p}: expires in the future (now={NOW})", p, k, fut)
        verify(f"{p}-verify-expires-past", f"{p}: expires in the past", p, k,
               ref.sign_url(p, k, base + "/a.jpg?w=1", expires=NOW - 1), error="expired")
        verify(f"{p}-verify-expires-equal-now", f"{p}: now == expires is still valid", p, k,
               ref.sign_url(p, k, base + "/a.jpg?w=1", expires=NOW))
        verify(f"{p}-verify-expires-not-numeric", f"{p}: correctly signed, expires not a decimal integer", p, k,
               ref.sign_url(p, k, base + "/a.jpg?expires=tomorrow"), error="malformed_url")
        verify(f"{p}-verify-not-http", f"{p}: unparsable as an http(s) URL", p, k,
               f"ftp://{d}/a.jpg?{sp}={sig}", error="malformed_url")
        verify(f"{p}-verify-empty-key", f"{p}: empty key", p, "", good, error="invalid_key")

    k = "FOO123bar"
    verify("imgix-verify-expires-decimal-fraction", "expires=1.5 is not a decimal integer (signed correctly)",
           "imgix", k, ref.sign_url("imgix", k, "https://demo.imgix.net/a.jpg?expires=1700000000.5"),
           error="malformed_url")
    verify("imgix-verify-expires-repeated", "expires appears twice (signed correctly)", "imgix", k,
           ref.sign_url("imgix", k, f"https://demo.imgix.net/a.jpg?expires={NOW + 10}&expires={NOW + 20}"),
           error="malformed_url")
    verify("imgix-verify-expires-empty", "expires with an empty value (signed correctly)", "imgix", k,
           ref.sign_url("imgix", k, "https://demo.imgix.net/a.jpg?expires="), error="malformed_url")
    verify("imgix-verify-expires-tampered", "expires pushed forward after signing", "imgix", k,
           ref.sign_url("imgix", k, "https://demo.imgix.net/a.jpg?w=1", expires=NOW - 10)
           .replace(f"expires={NOW - 10}", f"expires={NOW + 10}"), error="signature_mismatch")
    verify("imgix-verify-expires-past-previous-key", "previous key matches, then expiry is checked", "imgix", k,
           ref.sign_url("imgix", "OLDKEY", "https://demo.imgix.net/a.jpg", expires=NOW - 1),
           previous_keys=["OLDKEY"], error="expired")
    verify("imgix-verify-blueprint", "blueprint URL verifies", "imgix", k,
           "https://my-social-network.imgix.net/users/1.png?h=300&w=400&s=1a4e48641614d1109c6a7af51be23d18")
    verify("imgix-verify-blueprint-insertion", "blueprint js-order URL verifies", "imgix", k,
           "https://my-social-network.imgix.net/users/1.png?w=400&h=300&s=c7b86f666a832434dd38577e38cf86d1")
    verify("imgix-verify-reordered-query", "reordering params breaks the signature", "imgix", k,
           "https://my-social-network.imgix.net/users/1.png?w=400&h=300&s=1a4e48641614d1109c6a7af51be23d18",
           error="signature_mismatch")
    verify("imgix-verify-not-a-url", "not a URL", "imgix", k, "not a url", error="malformed_url")
    verify("imgix-verify-control-char", "control character in the URL", "imgix", k,
           "https://demo.imgix.net/a\n.jpg?s=6797c24146142d5b40bde3141fd3600c", error="malformed_url")
    verify("imgix-verify-two-sigs", "more than one s param is malformed_url, even when the last one is the "
           "signature of everything before it", "imgix", k,
           ref.sign_url("imgix", k, "https://demo.imgix.net/a.jpg?w=1").replace("?w=1&", "?s=1&w=1&"),
           error="malformed_url")
    verify("imgix-verify-non-hex", "signature of the right length but not hex", "imgix", k,
           "https://demo.imgix.net/a.jpg?s=" + "z" * 32, error="signature_mismatch")
    verify("imgix-verify-invalid-previous-key", "a previous key with a trailing newline", "imgix", k,
           ref.sign_url("imgix", k, "https://demo.imgix.net/a.jpg"), previous_keys=["OLD\n"], error="invalid_key")
    verify("verify-unknown-provider", "unknown provider", "nosuchcdn", k,
           ref.sign_url("imgix", k, "https://demo.imgix.net/a.jpg"), error="invalid_param")
    verify("gumlet-verify-double-slash", "Gumlet: a URL sent with `//` verifies under the one-slash rule",
           "gumlet", "sample123xyz",
           "https://demo.gumlet.io//fell.jpeg?width=300&s=f4b250e5599ff348998742669551bb89")
    verify("imageboss-verify-s-not-bosstoken", "ImageBoss: an `s` param is not its signature", "imageboss", "abc",
           "https://img.imageboss.me/a.jpg?w=1&s=" + "0" * 64, error="missing_signature")
    verify("pixta-verify-seed", "Pixta seed URL verifies", "pixta", "wakanda123@",
           "https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop"
           "&s=7d0d58f62c945d0ca08269205228bbe7")
    verify("imageboss-verify-ruby", "imageboss-rb URL verifies", "imageboss", "abc",
           "https://img.imageboss.me/myassets/width/100/assets/img01.jpg?existing=oh"
           "&bossToken=92812e6cffe821d7c30a21b5fbddc8ce095f7607d213e12f30369597a18c5ef0")


# ====================================================================== build_url (canonical)

def gen_build_url():
    K = "FOO123bar"
    bp = "my-social-network.imgix.net"
    for prof in PROFILES3:
        sfx = "" if prof == "canonical" else "-" + prof
        url(f"imgix-blueprint-build-path{sfx}", f"blueprint /users/1.png ({prof})",
            profile=prof, domain=bp, key=K, path="/users/1.png")
        url(f"imgix-blueprint-build-params{sfx}", f"blueprint w=400,h=300 given in that order ({prof})",
            profile=prof, domain=bp, key=K, path="/users/1.png", params=[("w", 400), ("h", 300)])
        url(f"imgix-blueprint-build-proxy{sfx}", f"blueprint web-proxy path ({prof})",
            profile=prof, domain=bp, key=K, path="http://avatars.com/john-smith.png")
        url(f"imgix-blueprint-build-proxy-params{sfx}", f"blueprint web-proxy path with h,w ({prof})",
            profile=prof, domain=bp, key=K, path="/http://avatars.com/john-smith.png",
            params=[("h", 300), ("w", 400)])
        url(f"imgix-build-preencoded-proxy{sfx}", f"an already-encoded proxy path is double-encoded ({prof})",
            profile=prof, domain=bp, key=K, path="/http%3A%2F%2Favatars.com%2Fjohn-smith.png")
        url(f"imgix-build-preencoded-proxy-dpe{sfx}", f"disable_path_encoding passes a pre-encoded proxy path ({prof})",
            profile=prof, domain=bp, key=K, path="/http%3A%2F%2Favatars.com%2Fjohn-smith.png", dpe=True)

    c = dict(key=K)  # canonical defaults below: imgix, demo.imgix.net, signed
    paths = [
        ("unicode-nfc", unicodedata.normalize("NFC", "/café/日本.jpg"), "NFC path, UTF-8 percent-encoded"),
        ("unicode-nfd", unicodedata.normalize("NFD", "/café/日本.jpg"), "NFD path: no normalisation, differs from NFC"),
        ("space", "/my image.jpg", "space is %20"),
        ("plus", "/a+b.jpg", "plus is %2B"),
        ("hash", "/a#b.jpg", "# is %23"),
        ("percent", "/100%.jpg", "% is %25"),
        ("preencoded", "/a%20b.jpg", "already encoded: double-encoded"),
        ("question", "/a?b=1.jpg", "? is %3F, = kept"),
        ("sub-delims", "/it's (1)!*.jpg", "! ' ( ) * are encoded in canonical"),
        ("path-safe", "/a&b$c;d=e@f,g.jpg", "& $ ; = @ , are kept in ordinary paths"),
        ("colon", "/a:b/c.jpg", ": is %3A"),
        ("ascii-specials", '/[x]{y}<z>|\\^"`.jpg', "brackets, braces, <>|\\^\"` encoded"),
        ("tilde", "/~user/a-b_c.d.jpg", "unreserved kept"),
        ("double-slash", "//a.jpg", "one leading slash stripped: //a.jpg stays //a.jpg"),
        ("no-leading-slash", "a.jpg", "a leading / is added"),
        ("trailing-slash", "/dir/sub/", "trailing and inner slashes kept"),
        ("inner-double-slash", "/a//b.jpg", "inner // kept"),
        ("empty", "", "empty path is /"),
        ("slash-only", "/", "/ is /"),
        ("control-chars", "/a\tb\x00.jpg", "control characters are percent-encoded"),
        ("emoji", "/🙂.png", "4-byte UTF-8"),
        ("proxy-space", "https://example.com/my image.jpg", "proxy: one component, space as %20"),
        ("proxy-query-fragment", "https://example.com/a.jpg?x=1&y=2#frag",
         "proxy with its own query and fragment: all inside the path, encoded"),
        ("proxy-uppercase-scheme", "HTTP://EXAMPLE.COM/A.JPG", "proxy detection is case-insensitive"),
        ("proxy-leading-slash", "/https://example.com/a.jpg", "one leading / stripped before detection"),
        ("proxy-unicode-port-userinfo", "https://user:pw@例え.jp:8080/画像 1.jpg?q=ü",
         "proxy with userinfo, port, unicode"),
        ("proxy-sub-delims", "http://example.com/it's(1)!*.jpg", "proxy: ! ' ( ) * encoded"),
        ("proxy-plus", "http://example.com/a+b.jpg", "proxy: + is %2B"),
        ("not-proxy-http-prefix", "/http-images/a b.jpg", "http-images/ is not a proxy path in canonical"),
        ("not-proxy-httpbin", "/httpbin.jpg", "httpbin.jpg is not a proxy path"),
        ("not-proxy-one-slash", "/http:/x.jpg", "http:/ (one slash) is not a proxy path"),
        ("not-proxy-double-leading", "//http://example.com/a.jpg", "after stripping one /, the rest starts with /"),
    ]
    for name, path, desc in paths:
        for prof in PROFILES3:
            sfx = "" if prof == "canonical" else "-" + prof
            url(f"build-path-{name}{sfx}", f"{desc} ({prof})", profile=prof, path=path,
                params=[("w", 100)], **c)

    params = [
        ("value-space", [("txt", "Hello World")], "space in a value is %20"),
        ("value-plus", [("txt", "a+b")], "+ in a value is %2B"),
        ("value-reserved", [("txt", "#?&=/:,;@$%")], "reserved characters in a value"),
        ("value-sub-delims", [("txt", "it's (1)!*")], "! ' ( ) * encoded in values"),
        ("value-unicode", [("txt", "日本語 é")], "unicode value"),
        ("value-unicode-nfd", [("txt", unicodedata.normalize("NFD", "é"))], "NFD value kept as given"),
        ("value-empty", [("txt", "")], "empty value gives `txt=`"),
        ("value-control", [("txt", "a\nb\x00")], "control characters in values are encoded"),
        ("value-tilde", [("txt", "a~b-c_d.e")], "unreserved kept"),
        ("key-special", [("a b", "1"), ("a/b", "2"), ("é", "3"), ("a!", "4")], "keys are encoded like values"),
        ("key-plus-hash", [("a+b", "1"), ("c#d", "2")], "+ and # in keys"),
        ("b64-basic", [("txt64", "Hello, World!")], "…64 key: base64url, no padding"),
        ("b64-empty", [("mark64", "")], "…64 key with an empty value"),
        ("b64-unicode", [("txt64", "日本語 ✓ é")], "…64 key with unicode: base64url of UTF-8"),
        ("b64-url-chars", [("blend64", "https://x.com/a.png?x=1&y=~")], "…64 value with chars that make - and _"),
        ("b64-padding-1", [("a64", "a")], "one byte"),
        ("b64-padding-2", [("a64", "ab")], "two bytes"),
        ("b64-padding-3", [("a64", "abc")], "three bytes"),
        ("b64-subdelims-key", [("it's64", "?>?")], "key with ' ending in 64: key encoded, value base64url"),
        ("b64-key-just-64", [("64", "x")], "key `64` itself"),
        ("b64-key-not-raw", [("txtö4", "hi")], "raw key ends ö4, not 64 (the encoded key ends 64)"),
        ("b64-int-value", [("a64", 123)], "non-string value is stringified first"),
        ("b64-key-6-4-uppercase", [("TXT64", "x")], "suffix test on raw key, any prefix case"),
        ("sort-bytes", [("b", "1"), ("a", "2"), ("B", "3"), ("_x", "4"), ("2", "5"), ("10", "6"), ("%", "7"),
                        ("~", "8"), ("-", "9"), ("a.b", "10")], "sorted by encoded key, byte order"),
        ("sort-expires", [("w", 100), ("expires", 1800000000), ("blur", 10)], "expires sorts in with the rest"),
        ("sort-prefix", [("ab", "1"), ("a", "2"), ("a-", "3")], "prefix sorts first"),
        ("values-int", [("w", 400), ("neg", -5), ("zero", 0), ("big", 4294967296)], "integers in decimal"),
        ("values-float", [("a", 1.0), ("b", 0.1), ("c", 1e-7), ("d", 1e21), ("e", -0.0), ("f", 1.5),
                          ("g", 0.30000000000000004), ("h", 100.0), ("i", -2.5e-5), ("j", 1e16),
                          ("k", 123456789.125)],
         "floats: shortest round-trip, no exponent, no trailing .0, -0.0 is 0"),
        ("values-bool", [("a", True), ("b", False)], "booleans true/false"),
        ("values-null", [("a", None), ("w", 100), ("b", None)], "null drops the param"),
        ("values-all-null", [("a", None)], "all params null: no query"),
        ("values-mixed", [("fm", "webp"), ("w", 640), ("dpr", 2.0), ("lossless", True), ("q", None)],
         "mixed value types"),
        ("many", [(f"p{i}", str(i)) for i in range(12)], "12 params, p10/p11 sort before p2"),
    ]
    for name, ps, desc in params:
        for prof in PROFILES5:
            sfx = "" if prof == "canonical" else "-" + prof
            url(f"build-params-{name}{sfx}", f"{desc} ({prof})", profile=prof, params=typed_for(prof, ps), **c)

    url("build-unsigned", "no key: unsigned URL", params=[("w", 100)])
    url("build-unsigned-no-params", "no key, no params", path="/a.jpg")
    url("build-no-params-signed", "no params: ?s= directly", path="/a.jpg", **c)
    url("build-http", "use_https false", use_https=False, params=[("w", 100)], **c)
    url("build-uppercase-domain", "domain letters in any case, emitted lowercased",
        domain="Demo.IMGIX.Net", params=[("w", 100)], **c)
    url("build-utf8-key", "a non-ASCII key is hashed as UTF-8", key="clé", params=[("w", 1)])
    url("build-user-s-dropped", "with a key, a user `s` is dropped and replaced",
        params=[("s", "spoofed"), ("w", 100)], **c)
    url("build-user-s-kept-unsigned", "without a key, `s` is an ordinary param", params=[("s", "x"), ("w", 100)])
    url("build-ixlib", "include_library_param adds ixlib=imgsign-<version>, sorted in", lib=True,
        params=[("w", 100), ("a", "1")], **c)
    url("build-ixlib-replaces-user", "include_library_param replaces a user ixlib", lib=True,
        params=[("ixlib", "custom"), ("w", 100)], **c)
    url("build-ixlib-user-kept", "without include_library_param a user ixlib is an ordinary param",
        params=[("ixlib", "custom"), ("w", 100)], **c)
    url("build-dpe-encoded", "disable_path_encoding: path used as given", dpe=True,
        path="/already%20encoded/caf%C3%A9.jpg", params=[("w", 100)], **c)
    url("build-dpe-empty", "disable_path_encoding with an empty path gives /", dpe=True, path="", **c)
    url("build-dpe-no-leading-slash", "disable_path_encoding: a missing leading / is added", dpe=True,
        path="a/b.jpg", **c)
    url("build-dpe-double-slash", "disable_path_encoding: one leading / stripped and put back", dpe=True,
        path="//a.jpg", **c)
    url("build-dpe-sub-delims", "disable_path_encoding keeps ! ' ( ) * + : as given", dpe=True,
        path="/it's(1)!*+:.jpg", **c)
    for name, pth in [("space", "/a b.jpg"), ("bad-escape", "/a%zz.jpg"), ("short-escape", "/a%2"),
                      ("percent-end", "/a%"), ("hash", "/a#b.jpg"), ("question", "/a?b.jpg"),
                      ("non-ascii", "/café.jpg"), ("tab", "/a\tb.jpg"), ("newline", "/a.jpg\n")]:
        url(f"build-dpe-invalid-{name}", "disable_path_encoding with a path that is not a valid URL path",
            dpe=True, path=pth, error="invalid_url", **c)

    for p in ("gumlet", "pixta", "imageboss"):
        k = KEYS[p]
        url(f"{p}-build-params", f"{p}: canonical build, signed with the {p} scheme", provider=p, key=k,
            path="/images/photo 1.jpg", params=[("w", 400), ("h", 300), ("fit", "crop")])
        url(f"{p}-build-no-params", f"{p}: no params", provider=p, key=k, path="images/a.jpg")
        url(f"{p}-build-unicode", f"{p}: unicode path and value", provider=p, key=k, path="/日本/é.jpg",
            params=[("txt", "ü ö"), ("mark64", "✓")])
        url(f"{p}-build-unsigned", f"{p}: no key", provider=p, path="/a.jpg", params=[("w", 1)])
        sp = ref.SIG_PARAM[p]
        url(f"{p}-build-user-sig-dropped", f"{p}: a user `{sp}` is dropped when signing", provider=p, key=k,
            path="/a.jpg", params=[(sp, "spoof"), ("w", 1)])
    url("imageboss-build-user-s-kept", "ImageBoss: `s` is not its signature param, kept", provider="imageboss",
        key="abc", path="/a.jpg", params=[("s", "1"), ("bossToken", "x")])
    url("imageboss-build-expires", "ImageBoss with expires", provider="imageboss", key="abc",
        path="/src/width/300/a.jpg", params=[("expires", 1800000000)])

    # errors
    url("build-duplicate-key", "duplicate param key", params=[("w", 1), ("h", 2), ("w", 3)],
        error="invalid_param", **c)
    url("build-duplicate-library-param", "a user param named as the library param, given twice, is a duplicate "
        "key even though the library param replaces it", lib=True, params=[("ixlib", "a"), ("w", 1), ("ixlib", "b")],
        error="invalid_param", **c)
    url("build-empty-key", "empty param key (canonical)", params=[("", "x")], error="invalid_param", **c)
    url("build-unknown-profile", "unknown profile name", profile="imgix-go", error="invalid_param", **c)
    url("build-unknown-provider", "unknown provider name", provider="nosuchcdn", domain="demo.imgix.net",
        error="invalid_param", **c)
    for name, k in [("empty", ""), ("trailing-newline", "FOO123bar\n"), ("leading-space", " FOO123bar"),
                    ("control", "FOO\x01bar")]:
        url(f"build-invalid-key-{name}", f"builder key rejected: {name}", key=k, error="invalid_key")
    bad_domains = [
        ("scheme", "https://demo.imgix.net"), ("port", "demo.imgix.net:443"), ("path", "demo.imgix.net/images"),
        ("trailing-dot", "demo.imgix.net."), ("localhost", "localhost"), ("trailing-newline", "demo.imgix.net\n"),
        ("empty", ""), ("empty-label", "demo..net"), ("second-label-dash-end", "demo.imgix-.net"),
        ("second-label-underscore", "a.b_c.net"), ("second-label-dash-start", "a.-bc.net"),
        ("tld-dash", "demo.imgix.n-t"), ("non-ascii", "bücher.imgix.net"), ("space", "demo imgix.net"),
        ("leading-dot", ".imgix.net"), ("single-label", "imgix"), ("long-tld", "a.b." + "c" * 64),
        ("long-earlier-label", "a" * 63 + ".imgix.net"),
    ]
    for name, d in bad_domains:
        url(f"build-invalid-domain-{name}", f"domain rejected: {name}", domain=d, error="invalid_domain", **c)
    for name, d in [("ipv4-like", "127.0.0.1"), ("leading-dash-label", "-x.imgix.net"),
                    ("underscore-label", "a_b.imgix.net"), ("two-labels", "imgix.net"),
                    ("max-labels", "a." * 125 + "imgix.net"), ("label-62", "a" * 62 + ".imgix.net"),
                    ("tld-63", "imgix." + "c" * 63)]:
        url(f"build-valid-domain-{name}", f"domain accepted: {name}", domain=d, params=[("w", 1)], **c)
    url("build-invalid-domain-too-many-labels", "126 labels before the last two", domain="a." * 126 + "imgix.net",
        error="invalid_domain", **c)


# ====================================================================== srcset / target widths (canonical)

def gen_srcset():
    K = "FOO123bar"
    c = dict(key=K, path="/photos/a.jpg")
    srcset("srcset-fluid-default", "fluid, default 31 widths 100..8192", **c)
    srcset("srcset-fluid-default-unsigned", "fluid, default widths, no key", path="/a.jpg",
           params=[("fm", "webp")])
    srcset("srcset-fluid-params", "fluid with params: w sorts in", {"min_width": 300, "max_width": 600},
           params=[("fit", "crop"), ("ar", "16:9"), ("h", None)], **c)
    srcset("srcset-fluid-min-eq-max", "min == max gives one entry", {"min_width": 500, "max_width": 500}, **c)
    srcset("srcset-fluid-max-8192", "max 8192 is the upper bound", {"min_width": 8000, "max_width": 8192,
                                                                   "tolerance": 0.01}, **c)
    srcset("srcset-fluid-max-8193", "max 8193 is out of range", {"min_width": 8000, "max_width": 8193},
           error="invalid_srcset", **c)
    srcset("srcset-fluid-tol-0.01", "tolerance 0.01 is the lower bound", {"min_width": 100, "max_width": 110,
                                                                        "tolerance": 0.01}, **c)
    srcset("srcset-fluid-tol-0.009", "tolerance 0.009 is out of range", {"tolerance": 0.009},
           error="invalid_srcset", **c)
    srcset("srcset-fluid-tol-large", "tolerance 1.0", {"min_width": 100, "max_width": 1000, "tolerance": 1.0}, **c)
    srcset("srcset-fluid-min-0", "min 0 is out of range", {"min_width": 0, "max_width": 100},
           error="invalid_srcset", **c)
    srcset("srcset-fluid-min-1", "min 1 is accepted", {"min_width": 1, "max_width": 3, "tolerance": 0.2}, **c)
    srcset("srcset-fluid-min-gt-max", "min > max", {"min_width": 500, "max_width": 400},
           error="invalid_srcset", **c)
    srcset("srcset-fluid-negative-tol", "negative tolerance", {"tolerance": -0.08}, error="invalid_srcset", **c)
    srcset("srcset-fluid-half-rounding", "103..200 tol 0.25: 154.5 rounds half away from zero to 155",
           {"min_width": 103, "max_width": 200, "tolerance": 0.25}, **c)
    srcset("srcset-widths", "explicit widths", {"widths": [320, 640, 1280]}, **c)
    srcset("srcset-widths-order-kept", "explicit widths: order kept, bounds 1 and 8192", {"widths": [8192, 1, 640]}, **c)
    srcset("srcset-widths-empty", "explicit widths empty", {"widths": []}, error="invalid_srcset", **c)
    srcset("srcset-widths-zero", "explicit width 0", {"widths": [0, 100]}, error="invalid_srcset", **c)
    srcset("srcset-widths-8193", "explicit width 8193", {"widths": [100, 8193]}, error="invalid_srcset", **c)
    srcset("srcset-widths-negative", "explicit negative width", {"widths": [-100]}, error="invalid_srcset", **c)
    srcset("srcset-widths-with-w", "explicit widths win over a w param: fluid, w replaced",
           {"widths": [100, 200]}, params=[("w", 300), ("h", 200)], **c)
    srcset("srcset-fixed-w", "fixed: w gives ratios 1..5 with qualities 75/50/35/23/20",
           params=[("w", 300)], **c)
    srcset("srcset-fixed-h-ar", "fixed: h (with ar)", params=[("h", 200), ("ar", "3:2"), ("fit", "crop")], **c)
    srcset("srcset-fixed-user-q", "fixed: the user's q is used for every ratio", params=[("w", 300), ("q", 90)], **c)
    srcset("srcset-fixed-disable-vq", "fixed: disable_variable_quality, no q",
           {"disable_variable_quality": True}, params=[("w", 300)], **c)
    srcset("srcset-fixed-disable-vq-user-q", "fixed: disable_variable_quality keeps a user q",
           {"disable_variable_quality": True}, params=[("w", 300), ("q", 60)], **c)
    srcset("srcset-fixed-custom-dpr", "fixed: ratios 1, 1.5, 2: 1.5 falls back to floor (75), written 1.5x",
           {"device_pixel_ratios": [1, 1.5, 2]}, params=[("w", 300)], **c)
    srcset("srcset-fixed-float-quality", "fixed: a quality for the exact ratio 1.5 wins over floor",
           {"device_pixel_ratios": [1.5, 2.75], "variable_qualities": [[1.5, 60]]}, params=[("w", 300)], **c)
    srcset("srcset-fixed-custom-vq", "fixed: variable_qualities override the defaults for their ratios",
           {"variable_qualities": [[1, 90], [2, 80]]}, params=[("w", 300)], **c)
    srcset("srcset-fixed-vq-zero", "fixed: a quality of 0 is a quality (q=0)",
           {"variable_qualities": [[2, 0]], "device_pixel_ratios": [1, 2]}, params=[("w", 300)], **c)
    srcset("srcset-fixed-vq-101", "fixed: quality 101 out of range", {"variable_qualities": [[1, 101]]},
           params=[("w", 300)], error="invalid_srcset", **c)
    srcset("srcset-fixed-vq-negative", "fixed: quality -1 out of range", {"variable_qualities": [[1, -1]]},
           params=[("w", 300)], error="invalid_srcset", **c)
    srcset("srcset-fixed-dpr-5", "fixed: ratio 5 and 1 are the bounds", {"device_pixel_ratios": [5, 1]},
           params=[("w", 300)], **c)
    srcset("srcset-fixed-dpr-0.5", "fixed: ratio 0.5 out of range", {"device_pixel_ratios": [0.5, 1]},
           params=[("w", 300)], error="invalid_srcset", **c)
    srcset("srcset-fixed-dpr-5.5", "fixed: ratio 5.5 out of range", {"device_pixel_ratios": [1, 5.5]},
           params=[("w", 300)], error="invalid_srcset", **c)
    srcset("srcset-fixed-dpr-empty", "fixed: empty ratio list", {"device_pixel_ratios": []},
           params=[("w", 300)], error="invalid_srcset", **c)
    srcset("srcset-fluid-dpr-invalid", "srcset options are validated whatever the kind: bad ratios on a fluid srcset",
           {"device_pixel_ratios": [6]}, error="invalid_srcset", **c)
    srcset("srcset-fixed-min-0", "srcset options are validated whatever the kind: min 0 on a fixed srcset",
           {"min_width": 0}, params=[("w", 300)], error="invalid_srcset", **c)
    srcset("srcset-w-null-is-fluid", "a null w does not make a fixed srcset", {"widths": [100, 200]},
           params=[("w", None)], **c)
    srcset("srcset-w-null-default-fluid", "a null w with target widths", {"min_width": 100, "max_width": 200},
           params=[("w", None), ("h", None)], **c)
    srcset("srcset-w-empty-string-is-fixed", "an empty-string w is non-null: fixed", params=[("w", "")], **c)
    srcset("srcset-w-zero-is-fixed", "w=0 is non-null: fixed", params=[("w", 0)], **c)
    srcset("srcset-user-dpr-replaced", "fixed: a user dpr is replaced", {"device_pixel_ratios": [2]},
           params=[("w", 300), ("dpr", 3)], **c)
    srcset("srcset-fixed-user-q-null", "fixed: a null user q is not given: variable quality applies",
           {"device_pixel_ratios": [1, 2]}, params=[("w", 300), ("q", None)], **c)
    srcset("srcset-unicode-path", "srcset with a unicode path and proxy", {"widths": [100]},
           path="https://example.com/画像 1.jpg", key=K)
    srcset("srcset-ixlib", "srcset with include_library_param", {"widths": [100, 200]}, lib=True, **c)
    srcset("srcset-dpe", "srcset with disable_path_encoding", {"widths": [100, 200]}, dpe=True,
           path="/a%20b.jpg", key=K)
    srcset("srcset-dpe-invalid", "srcset with disable_path_encoding and a space", {"widths": [100]}, dpe=True,
           path="/a b.jpg", key=K, error="invalid_url")
    srcset("srcset-invalid-domain", "srcset with an invalid domain", domain="localhost", error="invalid_domain", **c)
    srcset("srcset-duplicate-key", "srcset with a duplicate key", params=[("w", 1), ("w", 2)],
           error="invalid_param", **c)
    for p in ("gumlet", "pixta", "imageboss"):
        k = KEYS[p]
        srcset(f"{p}-srcset-fluid", f"{p}: fluid srcset signed with the {p} scheme",
               {"min_width": 200, "max_width": 400, "tolerance": 0.2}, provider=p, key=k, path="/a.jpg",
               params=[("fit", "max")])
        srcset(f"{p}-srcset-fixed", f"{p}: fixed srcset", {"device_pixel_ratios": [1, 2, 3]}, provider=p, key=k,
               path="/a.jpg", params=[("h", 120)])
        srcset(f"{p}-srcset-widths", f"{p}: explicit widths, unsigned", {"widths": [64, 128]}, provider=p,
               path="/a.jpg")
    srcset("imgix-srcset-fixed-unsigned", "imgix fixed, unsigned", {"device_pixel_ratios": [1, 3]},
           path="/a.jpg", params=[("w", 50)])


def gen_target_widths():
    twidths("target-widths-default", "defaults give the 31 imgix widths", 100, 8192, 0.08)
    twidths("target-widths-min-eq-max", "min == max", 640, 640, 0.08)
    twidths("target-widths-min-eq-max-8192", "min == max == 8192", 8192, 8192, 0.08)
    twidths("target-widths-1-1", "min == max == 1", 1, 1, 0.5)
    twidths("target-widths-half-away", "103..200 tol .25: 154.5 -> 155 (half away from zero)", 103, 200, 0.25)
    twidths("target-widths-dedupe", "1..10 tol 0.01: consecutive duplicates skipped", 1, 10, 0.01)
    twidths("target-widths-8000-8192", "8000..8192 tol 0.01", 8000, 8192, 0.01)
    twidths("target-widths-tol-0.01", "tolerance 0.01 accepted", 100, 200, 0.01)
    twidths("target-widths-tol-0.1", "tolerance 0.1", 100, 1000, 0.1)
    twidths("target-widths-tol-2", "tolerance 2: one step overshoots", 100, 8192, 2.0)
    twidths("target-widths-exact-max", "the last step lands exactly on max", 100, 400, 0.5)
    twidths("target-widths-custom-min", "min 320, default max", 320, 8192, 0.08)
    twidths("target-widths-custom-max", "default min, max 2000", 100, 2000, 0.08)
    for name, mn, mx, tol in [("min-0", 0, 100, 0.08), ("min-negative", -5, 100, 0.08),
                              ("max-8193", 100, 8193, 0.08), ("min-gt-max", 300, 200, 0.08),
                              ("tol-0.009", 100, 200, 0.009), ("tol-0", 100, 200, 0.0),
                              ("tol-negative", 100, 200, -1.0), ("both-0", 0, 0, 0.08)]:
        twidths(f"target-widths-invalid-{name}", f"out of range: {name}", mn, mx, tol, error="invalid_srcset")


# ====================================================================== where the official libraries disagree

def gen_disagreements():
    K = "FOO123bar"
    rows = [
        ("01", "param order: sorted vs insertion order", None,
         dict(path="/a.jpg", params=[("w", 400), ("h", 300), ("ar", "16:9"), ("fit", "crop")]), {}),
        ("01b", "param order: integer-like keys come first in JavaScript", None,
         dict(path="/a.jpg", params=[("w", "1"), ("2", "x"), ("10", "y"), ("a", "z")]), {}),
        ("02", "DPR srcset order: js-core appends dpr, q after the user params", {},
         dict(path="/a.jpg", params=[("w", 100), ("fm", "webp")]), {}),
        ("03", "! ' ( ) * in path, keys and values", None,
         dict(path="/it's (1)!*.jpg", params=[("a!", "(x)*'")]), {}),
        ("04", "space in a web-proxy path: + vs %20", None,
         dict(path="http://example.com/my image.jpg"), {}),
        ("05", "proxy detection: imgix-python treats any `http` prefix as proxy", None,
         dict(path="/http-images/a b.jpg"), {}),
        ("06", "empty path: imgix-python emits no /, but a signed URL gets the / every client sends and is "
         "signed over it (the library signs `?w=100`, which no request carries)", None,
         dict(path="", params=[("w", 100)]), {}),
        ("07", "/ in a key is kept by imgix-python", None, dict(params=[("a/b", "c/d")]), {}),
        ("08", "64 suffix tested on the encoded (python) or raw key", None, dict(params=[("txtö4", "hi")]), {}),
        ("09", "non-string values are printed as each library prints them", None,
         dict(params=[("w", 100), ("dpr", 1.5), ("lossless", True), ("q", None), ("blur", 1.0),
                      ("mark64", 12)]), {}),
        ("10", "ixlib value and a user ixlib", None,
         dict(lib=True, params=[("ixlib", "custom"), ("w", 100)]), {}),
        ("11", "domain with uppercase letters", None,
         dict(domain="Demo.Imgix.NET", params=[("w", 100)]), {"imgix-python": ("invalid_domain", False)}),
        ("11b", "domain with a trailing newline (imgix-python accepts it: deviation, rejected in every profile)",
         None, dict(domain="demo.imgix.net\n", params=[("w", 100)]),
         {"canonical": ("invalid_domain", False), "imgix-python": ("invalid_domain", True),
          "imgix-js": ("invalid_domain", False)}),
        ("12", "srcset kind: explicit widths plus w", {"widths": [100, 200]},
         dict(params=[("w", 300)]), {}),
        ("12b", "srcset kind: w = '' (python: key present; js: falsy)", {"min_width": 100, "max_width": 200},
         dict(params=[("w", "")]), {}),
        ("13", "variable qualities: python limits ratios to 1..N and ignores the 1.5 key",
         {"variable_qualities": [[1, 80], [1.5, 60], [2, 40]]}, dict(params=[("w", 300)]), {}),
        ("13b", "variable qualities: exact fractional ratio vs floor only",
         {"device_pixel_ratios": [1, 1.5, 2], "variable_qualities": [[1.5, 60]]}, dict(params=[("w", 300)]), {}),
        ("14", "target widths: half rounding", {"min_width": 103, "max_width": 200, "tolerance": 0.25},
         dict(), {}),
        ("14b", "target widths: 8192 cap", {"min_width": 8000, "max_width": 10000},
         dict(), {"canonical": ("invalid_srcset", False)}),
        ("15", "validation looser in python: a width of 0", {"widths": [0, 100]}, dict(),
         {"canonical": ("invalid_srcset", False), "imgix-js": ("invalid_srcset", False)}),
        ("15b", "validation looser in python: only the last ratio is checked", {"device_pixel_ratios": [6, 2]},
         dict(params=[("w", 300)]),
         {"canonical": ("invalid_srcset", False), "imgix-js": ("invalid_srcset", False)}),
        ("15c", "validation: an empty widths list (python ignores it)", {"widths": []}, dict(),
         {"canonical": ("invalid_srcset", False), "imgix-js": ("invalid_srcset", False)}),
        ("15d", "validation: min 0 on a fixed srcset (js-core does not check it there)", {"min_width": 0},
         dict(params=[("w", 300)]),
         {"canonical": ("invalid_srcset", False), "imgix-python": ("invalid_srcset", False)}),
    ]
    for num, desc, opts, kw, errs in rows:
        for prof in PROFILES3:
            err, dev = errs.get(prof, (None, False))
            vid = f"disagreement-{num}-{prof}"
            d = f"official libraries disagree, case {int(num[:2])}: {desc} ({prof})"
            args = dict(profile=prof, key=K, error=err, deviation=dev)
            args.update(kw)
            if opts is None:
                url(vid, d, **args)
            else:
                srcset(vid, d, opts, **args)


# ====================================================================== more compat vectors

def gen_compat():
    K = "FOO123bar"
    for prof in ("imgix-python", "imgix-js"):
        c = dict(profile=prof, key=K)
        url(f"compat-user-s-dropped-{prof}", "with a key a user `s` is dropped (documented deviation: the official "
            "library appends a second s); expected = the library's URL for the params without s",
            params=[("s", "spoof"), ("w", 100)], **c)
        url(f"compat-user-s-unsigned-{prof}", "without a key a user `s` is an ordinary param", profile=prof,
            params=[("s", "x"), ("w", 100)])
        url(f"compat-empty-param-key-{prof}", "empty param keys are allowed in the compatibility profiles",
            params=[("", "x"), ("w", 1)], **c)
        url(f"compat-ixlib-{prof}", "include_library_param", lib=True, params=[("w", 100), ("a", "b")], **c)
        url(f"compat-ixlib-unsigned-no-params-{prof}", "include_library_param, no key, no params", profile=prof,
            lib=True)
        url(f"compat-http-{prof}", "use_https false", use_https=False, params=[("w", 1)], **c)
        url(f"compat-dpe-{prof}", "disable_path_encoding", dpe=True, path="/a%20b/c.jpg", params=[("w", 1)], **c)
        url(f"compat-dpe-empty-path-{prof}", "disable_path_encoding with an empty path", dpe=True, path="", **c)
        url(f"compat-dpe-invalid-{prof}", "disable_path_encoding with a space: invalid_url in every profile "
            "(the library would emit it)", dpe=True, path="/a b.jpg", error="invalid_url", deviation=True, **c)
        url(f"compat-dpe-bad-escape-{prof}", "disable_path_encoding with %zz", dpe=True, path="/a%zz.jpg",
            error="invalid_url", deviation=True, **c)
        url(f"compat-duplicate-key-{prof}", "duplicate param key is invalid_param in every profile",
            params=[("w", 1), ("w", 2)], error="invalid_param", deviation=True, **c)
        url(f"compat-duplicate-library-param-{prof}", "the library param given twice by the user is a duplicate "
            "key in every profile, though the library param replaces it", lib=True,
            params=[("ixlib", "a"), ("ixlib", "b")], error="invalid_param", deviation=True, **c)
        url(f"compat-invalid-key-newline-{prof}", "key with a trailing newline is invalid_key in every profile",
            profile=prof, key="FOO123bar\n", error="invalid_key", deviation=True)
        url(f"compat-invalid-key-empty-{prof}", "an empty key is invalid_key (the library would not sign)",
            profile=prof, key="", error="invalid_key", deviation=True)
        url(f"compat-utf8-key-{prof}", "non-ASCII key hashed as UTF-8", profile=prof, key="clé",
            params=[("w", 1)])
        for name, d in [("scheme", "https://demo.imgix.net"), ("port", "demo.imgix.net:443"),
                        ("path", "demo.imgix.net/a"), ("trailing-dot", "demo.imgix.net."),
                        ("localhost", "localhost"), ("empty", ""), ("second-label-underscore", "a.b_c.net")]:
            url(f"compat-invalid-domain-{name}-{prof}", f"invalid domain: {name}", domain=d,
                error="invalid_domain", **c)
        for name, d in [("ipv4-like", "127.0.0.1"), ("leading-dash-label", "-x.imgix.net"),
                        ("underscore-label", "a_b.imgix.net")]:
            url(f"compat-valid-domain-{name}-{prof}", f"domain accepted: {name}", domain=d, **c)
        s = dict(path="/a.jpg", **c)
        srcset(f"compat-srcset-fluid-default-{prof}", "fluid, defaults", **s)
        srcset(f"compat-srcset-fluid-params-{prof}", "fluid with params", {"min_width": 300, "max_width": 600},
               params=[("fit", "crop"), ("ar", "16:9")], **s)
        srcset(f"compat-srcset-min-eq-max-{prof}", "min == max", {"min_width": 500, "max_width": 500}, **s)
        srcset(f"compat-srcset-max-8192-{prof}", "8000..8192 tol 0.01", {"min_width": 8000, "max_width": 8192,
                                                                        "tolerance": 0.01}, **s)
        srcset(f"compat-srcset-tol-0.01-{prof}", "tolerance 0.01", {"min_width": 100, "max_width": 110,
                                                                   "tolerance": 0.01}, **s)
        srcset(f"compat-srcset-tol-0.009-{prof}", "tolerance 0.009", {"tolerance": 0.009},
               error="invalid_srcset", **s)
        srcset(f"compat-srcset-min-0-{prof}", "min 0 on a fluid srcset", {"min_width": 0, "max_width": 100},
               error="invalid_srcset", **s)
        srcset(f"compat-srcset-min-gt-max-{prof}", "min > max", {"min_width": 500, "max_width": 400},
               error="invalid_srcset", **s)
        srcset(f"compat-srcset-dedupe-{prof}", "1..10 tol 0.01: neither library skips duplicates",
               {"min_width": 1, "max_width": 10, "tolerance": 0.01}, **s)
        srcset(f"compat-srcset-widths-{prof}", "explicit widths", {"widths": [320, 640]}, **s)
        srcset(f"compat-srcset-widths-negative-{prof}", "negative width", {"widths": [-1, 100]},
               error="invalid_srcset", **s)
        srcset(f"compat-srcset-fixed-{prof}", "fixed", params=[("w", 300), ("fm", "webp")], **s)
        srcset(f"compat-srcset-fixed-user-q-{prof}", "fixed with a user q", params=[("h", 300), ("q", 90)], **s)
        srcset(f"compat-srcset-fixed-disable-vq-{prof}", "fixed, disable_variable_quality",
               {"disable_variable_quality": True}, params=[("w", 300)], **s)
        srcset(f"compat-srcset-fixed-vq-{prof}", "fixed, custom variable qualities for 1..5",
               {"variable_qualities": [[1, 90], [2, 80], [3, 70], [4, 60], [5, 50]]}, params=[("w", 300)], **s)
        srcset(f"compat-srcset-fixed-dpr-{prof}", "fixed, ratios 1.5 then 2", {"device_pixel_ratios": [1.5, 2]},
               params=[("w", 300)], **s)
        srcset(f"compat-srcset-fixed-dpr-5-{prof}", "fixed, ratios [2, 5]", {"device_pixel_ratios": [2, 5]},
               params=[("w", 300)], **s)
        srcset(f"compat-srcset-fixed-dpr-0.5-{prof}", "fixed, ratio 0.5", {"device_pixel_ratios": [0.5]},
               params=[("w", 300)], error="invalid_srcset", **s)
        srcset(f"compat-srcset-fixed-dpr-5.5-{prof}", "fixed, ratio 5.5", {"device_pixel_ratios": [5.5]},
               params=[("w", 300)], error="invalid_srcset", **s)
        srcset(f"compat-srcset-fixed-dpr-empty-{prof}", "fixed, an empty ratio list",
               {"device_pixel_ratios": []}, params=[("w", 300)],
               error="invalid_srcset" if prof == "imgix-js" else None, **s)
        srcset(f"compat-srcset-max-8193-{prof}", "no 8192 bound on max in the compatibility profiles",
               {"min_width": 8000, "max_width": 8193, "tolerance": 0.01}, **s)
        srcset(f"compat-srcset-vq-zero-{prof}", "a quality of 0 (python reuses the previous entry's q, "
               "js-core emits q=0)", {"device_pixel_ratios": [1, 2], "variable_qualities": [[2, 0]]},
               params=[("w", 300)], **s)
        srcset(f"compat-srcset-unicode-{prof}", "fluid, unicode proxy path and params", {"widths": [100, 200]},
               path="https://example.com/画像 1.jpg", params=[("txt64", "✓ ok"), ("mark", "a b")], profile=prof,
               key=K)
        srcset(f"compat-srcset-ixlib-{prof}", "srcset with include_library_param", {"widths": [100]}, lib=True,
               params=[("w", None), ("h", 50)], **s)


# ====================================================================== seeded random batch

RANDOM_CHARS = " !'()*+,/:;=?@#%&$~_.-"
RANDOM_UNICODE = ["é", unicodedata.normalize("NFD", "é"), "日本", "ß", "🙂", "ü", "Ω", "\u00a0"]


def gen_random():
    rng = random.Random(20240607)
    alnum = "abcXYZ019"

    level = [0.35]

    def rstr(lo, hi, specials=True):
        out = []
        for _ in range(rng.randint(lo, hi)):
            r = rng.random()
            if specials and r < level[0]:
                out.append(rng.choice(RANDOM_CHARS))
            elif specials and r < level[0] * 1.4:
                out.append(rng.choice(RANDOM_UNICODE))
            else:
                out.append(rng.choice(alnum))
        return "".join(out)

    for i in range(60):
        level[0] = (0.02, 0.1, 0.35)[i % 3]  # mild, medium and hostile inputs
        prefix = rng.choice(["", "", "", "/", "/", "http://", "https://", "/http-", "HTTP://", "//"])
        path = prefix + rstr(0, 14)
        params = []
        keys = set()
        for _ in range(rng.randint(0, 5)):
            r = rng.random()
            if r < 0.15:
                k = str(rng.randint(0, 12))
            elif r < 0.3:
                k = rstr(1, 4, specials=False) + "64"
            else:
                k = rstr(1, 6)
            if k in keys or k in ("s", "ixlib", ""):
                continue
            keys.add(k)
            params.append((k, rstr(0, 10)))
        key = rng.choice(["FOO123bar", "FOO123bar", None])
        lib = rng.random() < 0.2
        for prof in PROFILES3:
            url(f"random-{i:02d}-{prof}", f"seeded tricky input #{i} ({prof})", profile=prof, key=key, lib=lib,
                path=path, params=params)


# ====================================================================== what browsers rewrite
def gen_browser_rewrites():
    """Paths and hosts that a browser rewrites before sending: signing them as written
    would give a URL that never verifies, so every profile refuses them."""
    K = "FOO123bar"
    dot_paths = [("dot", "/."), ("dotdot", "/.."), ("inner-dot", "/a/./b.jpg"), ("inner-dotdot", "/a/../b.jpg"),
                 ("leading-dot", "./a.jpg"), ("trailing-dotdot", "/a/.."), ("double-slash-dot", "//./a.jpg")]
    for prof in PROFILES3:
        compat = prof != "canonical"
        for name, p in dot_paths:
            url(f"build-dot-segment-{name}-{prof}", f"a {p!r} dot segment is refused ({prof})", profile=prof,
                key=K, path=p, error="invalid_url", deviation=compat)
        for name, p in [("percent-dot", "/a/%2e/b.jpg"), ("percent-dotdot", "/a/%2E%2e/b.jpg"),
                        ("mixed-dotdot", "/a/.%2e/b.jpg")]:
            url(f"build-dpe-dot-segment-{name}-{prof}", f"verbatim path with {p!r} is refused ({prof})",
                profile=prof, key=K, path=p, dpe=True, error="invalid_url", deviation=compat)
        for name, ch in [("quote", '"'), ("lt", "<"), ("gt", ">"), ("backtick", "`"), ("lbrace", "{"),
                         ("rbrace", "}"), ("backslash", "\\"), ("caret", "^")]:
            url(f"build-dpe-browser-encodes-{name}-{prof}", f"verbatim path with {ch!r} is refused ({prof})",
                profile=prof, key=K, path=f"/a{ch}b.jpg", dpe=True, error="invalid_url", deviation=compat)
        for name, p in [("dot-prefix", "/.well-known/a.jpg"), ("three-dots", "/a/.../b.jpg"),
                        ("dot-inside", "/a/b..c/.d.jpg")]:
            url(f"build-dot-not-segment-{name}-{prof}", f"dots that are not whole segments are kept ({prof})",
                profile=prof, key=K, path=p)
        for name, d in [("numeric-tld", "m.1"), ("hex-tld", "img.0x1f"), ("bare-0x-tld", "img.0x"),
                        ("three-part-ip", "1.2.3"), ("leading-zero-ip", "01.2.3.4"), ("ip-octet-256", "256.1.1.1"),
                        ("five-part-ip", "1.2.3.4.5")]:
            url(f"build-invalid-domain-{name}-{prof}", f"{d!r} is an IPv4 address to browsers, and not a valid one ({prof})",
                profile=prof, key=K, domain=d, error="invalid_domain", deviation=compat)
        for name, d in [("ipv4", "10.0.0.1"), ("digits-in-tld", "a.b1")]:
            url(f"build-valid-domain-{name}-{prof}", f"{d!r} is accepted ({prof})", profile=prof, key=K, domain=d)
    # A signed URL is written as clients send it; an unsigned one keeps the library's bytes.
    url("build-signed-empty-path-imgix-python", "imgix-python, key k1, path '': https://demo.imgix.net/?w=100 "
        "signed over /?w=100, what every client sends", profile="imgix-python", key="k1", path="",
        params=[("w", 100)])
    url("build-unsigned-empty-path-imgix-python", "unsigned: imgix-python's own bytes, no /", profile="imgix-python",
        path="", params=[("w", 100)])
    srcset("srcset-signed-empty-path-imgix-python", "srcset entries of an empty path are signed over /",
           {"widths": [100, 200]}, profile="imgix-python", key=K, path="")
    srcset("srcset-unsigned-empty-path-imgix-python", "unsigned srcset of an empty path", {"widths": [100]},
           profile="imgix-python", path="")
    url("build-signed-quote-in-query-imgix-js", "imgix-js: a ' in a signed query is written %27, as clients "
        "send it", profile="imgix-js", key=K, params=[("it's", "'q'"), ("a", "(1)!*")])
    url("build-unsigned-quote-in-query-imgix-js", "unsigned: js-core's own bytes, ' kept", profile="imgix-js",
        params=[("it's", "'q'")])
    url("build-signed-quote-in-path-imgix-js", "a ' in the path is sent as it is: kept", profile="imgix-js", key=K,
        path="/it's.jpg", params=[("w", 1)])
    srcset("srcset-signed-quote-in-query-imgix-js", "srcset entries with ' in the query", {"widths": [100]},
           profile="imgix-js", key=K, params=[("txt", "it's")])
    srcset("srcset-signed-quote-fixed-imgix-js", "fixed srcset with ' in the query", {"device_pixel_ratios": [1, 2]},
           profile="imgix-js", key=K, params=[("w", 300), ("txt", "it's")])


# ====================================================================== reproductions of found defects

def gen_reproductions():
    """Inputs that once gave a signed URL its own verification rejected, or a verification
    that accepted what it should not: every one signs to a URL that verifies, or is refused."""
    hostile = [("amp-sig", "?&s=1"), ("sig-amp", "?s=1&"), ("bare-sig-amp", "?s&"), ("two-sigs-amp", "?s=1&s=2&"),
               ("sig-amp-fragment", "?s=1&#f"), ("amp-only", "?&"), ("amps", "?&&"), ("amp-sig-amp", "?&s=1&"),
               ("eq-only", "?="), ("param-amp-sig", "?w=1&&s=1"), ("sig-between-empties", "?&s=1&&")]
    for p in ("imgix", "gumlet", "pixta", "imageboss"):
        k, sp = KEYS[p], ref.SIG_PARAM[p]
        for name, q in hostile:
            q = q.replace("s=", sp + "=").replace("?s&", f"?{sp}&")
            u = "https://a.com/x" + q
            sign(f"{p}-sign-hostile-{name}", f"{p}: {q!r}: the signed string is the query as sent without {sp} "
                 "pieces, and the URL verifies", p, k, u)
            verify(f"{p}-verify-hostile-{name}", f"{p}: the signed {q!r} verifies", p, k,
                   G.get(f"{p}-sign-hostile-{name}")["expected"])
    k = "FOO123bar"
    evil = "https://a.com/x?s=evil&s=" + ref.signature("imgix", k, "/x", "s=evil")
    verify("imgix-verify-second-sig-is-signature-of-first", "?s=evil&s=md5(key + '/x?s=evil'): two signature "
           "params are malformed_url, never a valid signature", "imgix", k, evil, error="malformed_url")
    verify("imgix-verify-sig-twice-last", "the same signature twice at the end", "imgix", k,
           ref.sign_url("imgix", k, "https://a.com/x?w=1") + "&s=x", error="malformed_url")
    verify("imageboss-verify-bosstoken-twice", "ImageBoss: two bossToken params", "imageboss", "abc",
           "https://a.com/x?bossToken=1&bossToken=" + ref.signature("imageboss", "abc", "/x", "bossToken=1"),
           error="malformed_url")
    verify("imgix-verify-bare-sig-first", "a bare `s` piece before the signature", "imgix", k,
           "https://a.com/x?s&s=" + ref.signature("imgix", k, "/x", "s"), error="malformed_url")


# ====================================================================== verify: what a server receives

def _origin_form(url):
    """The request target a client sends for `url`: its path and query (no fragment)."""
    after = url.index("://") + 3
    start = min([i for i in (url.find("/", after), url.find("?", after)) if i != -1])
    return url[start:].split("#", 1)[0]


def gen_verify_target():
    for p in ("imgix", "gumlet", "pixta", "imageboss"):
        d, k, sp = DOMAINS[p], KEYS[p], ref.SIG_PARAM[p]
        good = ref.sign_url(p, k, f"https://{d}/images/a.jpg?w=400&h=300")
        target = _origin_form(good)
        verify_target(f"{p}-verify-target-ok", f"{p}: the request target of a signed URL", p, k, target)
        verify_target(f"{p}-verify-target-full-url", f"{p}: a full URL is verified as verify_url does", p, k, good)
        verify_target(f"{p}-verify-target-no-query", f"{p}: ?{sp}= only", p, k,
                      _origin_form(ref.sign_url(p, k, f"https://{d}/a.jpg")))
        verify_target(f"{p}-verify-target-previous-key", f"{p}: signed with a previous key", p, k,
                      _origin_form(ref.sign_url(p, "old-" + k, f"https://{d}/a.jpg?w=1")), previous_keys=["old-" + k])
        verify_target(f"{p}-verify-target-tampered", f"{p}: the path changed", p, k,
                      target.replace("/a.jpg", "/b.jpg"), error="signature_mismatch")
        verify_target(f"{p}-verify-target-missing", f"{p}: no {sp} param", p, k, "/images/a.jpg?w=400",
                      error="missing_signature")
        verify_target(f"{p}-verify-target-sig-not-last", f"{p}: {sp} not last", p, k,
                      f"/a.jpg?{sp}=00&w=1", error="malformed_url")
        verify_target(f"{p}-verify-target-two-sigs", f"{p}: {sp} twice", p, k,
                      target + f"&{sp}=00", error="malformed_url")
        verify_target(f"{p}-verify-target-expired", f"{p}: expired", p, k,
                      _origin_form(ref.sign_url(p, k, f"https://{d}/a.jpg", expires=NOW - 1)), error="expired")
        verify_target(f"{p}-verify-target-expires-future", f"{p}: expires in the future", p, k,
                      _origin_form(ref.sign_url(p, k, f"https://{d}/a.jpg", expires=NOW + 1)))
    k = "FOO123bar"
    raw = "/a{b}.jpg?x=1"
    verify_target("imgix-verify-target-raw-bytes", "an origin-form target is verified byte for byte as received, "
                  "without re-encoding (a full URL would be normalised first)", "imgix", k,
                  raw + "&s=" + ref.signature("imgix", k, "/a{b}.jpg", "x=1"))
    verify_target("imgix-verify-target-raw-bytes-as-url", "the same bytes as a full URL are normalised ({ and } "
                  "sent as %7B, %7D), so that signature does not match", "imgix", k,
                  "https://demo.imgix.net/a%7Bb%7D.jpg?x=1&s=" + ref.signature("imgix", k, "/a{b}.jpg", "x=1"),
                  error="signature_mismatch")
    verify_target("gumlet-verify-target-double-slash", "Gumlet: //fell.jpeg is verified under the one-slash rule",
                  "gumlet", "sample123xyz", "//fell.jpeg?width=300&s=f4b250e5599ff348998742669551bb89")
    verify_target("imgix-verify-target-root", "the root path", "imgix", k,
                  "/?w=1&s=" + ref.signature("imgix", k, "/", "w=1"))
    for name, t in [("fragment", "/a.jpg?s=0#f"), ("space", "/a b.jpg?s=0"), ("non-ascii", "/é.jpg?s=0"),
                    ("tab", "/a\tb.jpg?s=0"), ("newline", "/a.jpg?s=0\n"), ("nul", "/a\x00.jpg?s=0"),
                    ("relative", "a.jpg?s=0"), ("asterisk", "*"), ("empty", ""), ("query-only", "?s=0"),
                    ("not-http", "ftp://demo.imgix.net/a.jpg?s=0"), ("too-long", "/" + "a" * 65536 + "?s=0")]:
        verify_target(f"imgix-verify-target-malformed-{name}", f"not a request target: {name}", "imgix", k, t,
                      error="malformed_url")
    verify_target("verify-target-unknown-provider", "unknown provider", "nosuchcdn", k, "/a.jpg?s=0",
                  error="invalid_param")
    verify_target("verify-target-invalid-key", "a key with a trailing newline", "imgix", k + "\n", "/a.jpg?s=0",
                  error="invalid_key")


# ====================================================================== options not given

def gen_not_given():
    """An option that is not given (null) takes the core's default in every language: the
    vectors pass null, and the expected values come from the documented defaults (canonical)
    or from the official libraries called without that option (compatibility profiles)."""
    K = "FOO123bar"
    unset = dict(provider=None, profile=None, use_https=None, lib=None, dpe=None)
    url("build-not-given-options", "provider, profile, use_https, include_library_param and "
        "disable_path_encoding not given: imgix, canonical, https, no ixlib, path encoded",
        key=K, path="/a b.jpg", params=[("w", 100)], **unset)
    assert G.get("build-not-given-options")["expected"] == ref.build_url(
        "demo.imgix.net", "imgix", K, "canonical", True, False, False, "/a b.jpg", [("w", 100)])
    url("build-not-given-options-unsigned", "nothing given but the domain: an unsigned canonical URL",
        path="/a.jpg", **unset)
    srcset_unset = {"min_width": None, "max_width": None, "tolerance": None, "disable_variable_quality": None}
    srcset("srcset-not-given-fluid", "srcset options not given: the 31 default widths", srcset_unset,
           key=K, path="/a.jpg", **unset)
    srcset("srcset-not-given-fixed", "srcset options not given, fixed: default ratios and variable quality",
           srcset_unset, key=K, path="/a.jpg", params=[("w", 300)], **unset)
    srcset("srcset-not-given-min-only", "only min_width given: max and tolerance take their defaults",
           {**srcset_unset, "min_width": 4000}, key=K, path="/a.jpg")
    for prof in ("imgix-python", "imgix-js"):
        c = dict(profile=prof, key=K, path="/a.jpg", provider=None, use_https=None, lib=None, dpe=None)
        url(f"compat-not-given-options-{prof}", "builder options not given: the library's own defaults",
            params=[("w", 100)], **c)
        srcset(f"compat-srcset-not-given-fluid-{prof}", "srcset options not given: the library's own defaults",
               srcset_unset, **c)
        srcset(f"compat-srcset-not-given-fixed-{prof}", "fixed srcset, options not given",
               srcset_unset, params=[("h", 200)], **c)
        srcset(f"compat-srcset-not-given-max-only-{prof}", "only max_width given",
               {**srcset_unset, "max_width": 400}, **c)
    twidths("target-widths-not-given", "nothing given: the 31 default widths", None, None, None)
    twidths("target-widths-not-given-min", "only min_width given", 1000, None, None)
    twidths("target-widths-not-given-max-tolerance", "only max_width and tolerance given", None, 300, 0.2)
    twidths("target-widths-not-given-invalid", "a given max below the default min", None, 50, None,
            error="invalid_srcset")
    assert G.get("target-widths-not-given")["expected"] == IMGIX_WIDTHS
    rid, ts, key = "req-1", 1709332618, "0123456789abcdef"
    h = [("X-Imgix-Signature", ref.sign_origin_request(key, rid, ts)), ("X-Imgix-Signature-Request-Id", rid),
         ("X-Imgix-Signature-Timestamp", str(ts))]
    origin_verify("origin-verify-tolerance-not-given", "tolerance not given: 300 s accepted", key, h, ts + 300,
                  tolerance=None)
    origin_verify("origin-verify-tolerance-not-given-late", "tolerance not given: 301 s late is expired", key, h,
                  ts + 301, tolerance=None, error="expired")


# ====================================================================== argument types

# docs/behaviour.md, "Arguments of the wrong type": the code each argument's bad value gets,
# and what the argument holds (which decides whether an ill-formed string can reach it).
ARGUMENTS = {
    "signer": [("provider", "invalid_param", "string"), ("key", "invalid_key", "string"),
               ("previous_keys", "invalid_key", "string_list"), ("salt", "invalid_key", "string"),
               ("previous_salts", "invalid_key", "string_list"), ("options", "invalid_param", "options")],
    "sign_url": [("url", "invalid_url", "string"), ("expires", "invalid_param", "int"),
                 ("expires_in", "invalid_param", "int"), ("now", "invalid_param", "int"),
                 ("values", "invalid_param", "options")],
    "sign_urls": [("urls", "invalid_url", "string_list"), ("expires", "invalid_param", "int"),
                  ("expires_in", "invalid_param", "int"), ("now", "invalid_param", "int"),
                  ("values", "invalid_param", "options")],
    "verify_url": [("url", "malformed_url", "string"), ("now", "invalid_param", "int"),
                   ("values", "invalid_param", "options")],
    "verify": [("target", "malformed_url", "string"), ("now", "invalid_param", "int"),
               ("values", "invalid_param", "options")],
    "sign_token": [("expires", "invalid_param", "int"), ("expires_in", "invalid_param", "int"),
                   ("now", "invalid_param", "int"), ("values", "invalid_param", "options")],
    "verify_token": [("token", "malformed_url", "string"), ("now", "invalid_param", "int"),
                     ("values", "invalid_param", "options")],
    "url_builder": [("domain", "invalid_domain", "string"), ("provider", "invalid_param", "string"),
                    ("key", "invalid_key", "string"), ("profile", "invalid_param", "string"),
                    ("use_https", "invalid_param", "bool"), ("include_library_param", "invalid_param", "bool"),
                    ("disable_path_encoding", "invalid_param", "bool"), ("salt", "invalid_key", "string"),
                    ("options", "invalid_param", "options")],
    "build_url": [("path", "invalid_url", "string"), ("params", "invalid_param", "params"),
                  ("disable_path_encoding", "invalid_param", "bool")],
    "build_urls": [("items", "invalid_param", "items"), ("path", "invalid_url", "string"),
                   ("params", "invalid_param", "params")],
    "build_srcset": [("path", "invalid_url", "string"), ("params", "invalid_param", "params"),
                     ("widths", "invalid_srcset", "int_list"), ("min_width", "invalid_srcset", "int"),
                     ("max_width", "invalid_srcset", "int"), ("tolerance", "invalid_srcset", "float"),
                     ("device_pixel_ratios", "invalid_srcset", "float_list"),
                     ("variable_qualities", "invalid_srcset", "qualities"),
                     ("disable_variable_quality", "invalid_srcset", "bool"),
                     ("disable_path_encoding", "invalid_param", "bool")],
    "target_widths": [("min_width", "invalid_srcset", "int"), ("max_width", "invalid_srcset", "int"),
                      ("tolerance", "invalid_srcset", "float"), ("profile", "invalid_param", "string")],
    "reconstruct": [("original_url", "invalid_url", "string"), ("params", "invalid_param", "params")],
    "sign_origin_request": [("key", "invalid_key", "string"), ("request_id", "invalid_param", "string"),
                            ("timestamp", "invalid_param", "int")],
    "verify_origin_request": [("key", "invalid_key", "string"), ("headers", "invalid_param", "headers"),
                              ("now", "invalid_param", "int"), ("tolerance", "invalid_param", "int")],
    "verify_basic_auth": [("username", "invalid_key", "string"), ("password", "invalid_key", "string"),
                          ("headers", "invalid_param", "headers")],
    "verify_origin_secret": [("secret", "invalid_key", "string"), ("headers", "invalid_param", "headers")],
    "request_target": [("path", "malformed_url", "string"), ("query", "malformed_url", "string")],
    "sources": [("name", "invalid_param", "string"), ("domain", "invalid_domain", "string"),
                ("path_prefix", "invalid_param", "string"), ("key", "invalid_key", "string"),
                ("previous_keys", "invalid_key", "string_list"), ("use_https", "invalid_param", "bool")],
    "source": [("name", "invalid_param", "string")],
}
# Where a string can be ill-formed: the argument itself or a string inside it.
HOLDS_STRINGS = ("string", "string_list", "params", "headers", "options")


def gen_argument_errors():
    for op, args in ARGUMENTS.items():
        for name, code, holds in args:
            problems = ["wrong_type"] + (["ill_formed_string"] if holds in HOLDS_STRINGS else [])
            for problem in problems:
                what = "a value of the wrong type" if problem == "wrong_type" else \
                    "a string with a lone surrogate (not well-formed Unicode)"
                G.add(f"argument-{op}-{name}-{problem}".replace("_", "-"), "argument_error",
                      f"{op}: {what} for {name} is {code}; the value is never shown",
                      {"operation": op, "argument": name, "problem": problem}, ("error", code))


# ====================================================================== origin requests

def gen_origin():
    rid = "a3c1f07cd7f9dc17fe9352dd391aa052f90ba51df95231f09fadc760b8457564"
    ts = 1709332618
    key = "0123456789abcdef"
    origin_sign("origin-sign-example", "imgix documentation example: key 0123456789abcdef, request id and timestamp of "
                "the imgix docs example", key, rid, ts)
    origin_sign("origin-sign-key-32", "a 32-character key", "k" * 32, "req-1", 0)
    origin_sign("origin-sign-latin1-key", "a Latin-1 key is hashed as Latin-1 bytes (one byte per character)",
                "clé-ÿ-ü-ñ", rid, ts)
    origin_sign("origin-sign-key-33", "a 33-character key", "k" * 33, rid, ts, error="invalid_key")
    origin_sign("origin-sign-key-non-latin1", "a key outside Latin-1", "ключ€", rid, ts, error="invalid_key")
    origin_sign("origin-sign-key-empty", "empty key", "", rid, ts, error="invalid_key")
    origin_sign("origin-sign-key-c1-control", "a C1 control character in the key", "abc\x85def", rid, ts,
                error="invalid_key")
    origin_sign("origin-sign-key-trailing-newline", "key with a trailing newline", key + "\n", rid, ts,
                error="invalid_key")
    origin_sign("origin-sign-request-id-empty", "empty request id", key, "", ts, error="invalid_param")
    origin_sign("origin-sign-request-id-control", "request id with a newline", key, "abc\ndef", ts,
                error="invalid_param")
    origin_sign("origin-sign-timestamp-negative", "negative timestamp", key, rid, -1, error="invalid_param")
    origin_sign("origin-sign-unicode-request-id", "request id hashed as UTF-8", key, "req-é", 1)

    sig = ref.sign_origin_request(key, rid, ts)
    H = [("X-Imgix-Signature", sig), ("X-Imgix-Signature-Host", ""), ("X-Imgix-Signature-Request-Id", rid),
         ("X-Imgix-Signature-Timestamp", str(ts))]

    def without(name):
        return [h for h in H if h[0] != name]

    def replaced(name, value):
        return [(n, value if n == name else v) for n, v in H]

    origin_verify("origin-verify-ok", "valid headers, now == timestamp", key, H, ts)
    origin_verify("origin-verify-ok-lowercase-names", "header names are case-insensitive", key,
                  [(n.lower(), v) for n, v in H], ts + 10)
    origin_verify("origin-verify-ok-lowercase-hex", "hex digits in either case", key,
                  replaced("X-Imgix-Signature", "v1," + sig[3:].lower()), ts)
    origin_verify("origin-verify-ok-at-tolerance", "|now - timestamp| == tolerance is accepted", key, H, ts + 300)
    origin_verify("origin-verify-ok-before", "timestamp slightly in the future", key, H, ts - 300)
    origin_verify("origin-verify-expired", "|now - timestamp| > tolerance", key, H, ts + 301, error="expired")
    origin_verify("origin-verify-expired-future", "timestamp too far in the future", key, H, ts - 301,
                  error="expired")
    origin_verify("origin-verify-custom-tolerance", "tolerance 0, one second late", key, H, ts + 1, tolerance=0,
                  error="expired")
    origin_verify("origin-verify-custom-tolerance-ok", "tolerance 0, on time", key, H, ts, tolerance=0)
    origin_verify("origin-verify-negative-tolerance", "negative tolerance", key, H, ts, tolerance=-1,
                  error="invalid_param")
    origin_verify("origin-verify-mismatch", "wrong key", "fedcba9876543210", H, ts, error="signature_mismatch")
    origin_verify("origin-verify-mismatch-request-id", "request id changed", key,
                  replaced("X-Imgix-Signature-Request-Id", rid[:-1] + "5"), ts, error="signature_mismatch")
    origin_verify("origin-verify-mismatch-timestamp", "timestamp changed within tolerance", key,
                  replaced("X-Imgix-Signature-Timestamp", str(ts + 1)), ts, error="signature_mismatch")
    origin_verify("origin-verify-missing-signature", "no X-Imgix-Signature", key, without("X-Imgix-Signature"), ts,
                  error="missing_signature")
    origin_verify("origin-verify-missing-timestamp", "no timestamp header", key,
                  without("X-Imgix-Signature-Timestamp"), ts, error="malformed_header")
    origin_verify("origin-verify-missing-request-id", "no request id header", key,
                  without("X-Imgix-Signature-Request-Id"), ts, error="malformed_header")
    origin_verify("origin-verify-repeated-signature", "X-Imgix-Signature repeated", key,
                  H + [("x-imgix-signature", sig)], ts, error="malformed_header")
    origin_verify("origin-verify-repeated-timestamp", "timestamp repeated", key,
                  H + [("X-Imgix-Signature-Timestamp", str(ts))], ts, error="malformed_header")
    for name, val in [("no-version", sig[3:]), ("v2", "v2," + sig[3:]), ("short", sig[:-1]),
                      ("long", sig + "0"), ("non-hex", "v1," + "G" * 64), ("uppercase-version", "V1," + sig[3:])]:
        origin_verify(f"origin-verify-malformed-signature-{name}", f"signature not v1,<64 hex>: {name}", key,
                      replaced("X-Imgix-Signature", val), ts, error="malformed_header")
    for name, val in [("alpha", "17093326l8"), ("fraction", "1709332618.0"), ("empty", "")]:
        origin_verify(f"origin-verify-malformed-timestamp-{name}", f"timestamp not a decimal integer: {name}", key,
                      replaced("X-Imgix-Signature-Timestamp", val), ts, error="malformed_header")
    origin_verify("origin-verify-invalid-key", "a 33-character key", "k" * 33, H, ts, error="invalid_key")
    lk = "clé-ÿ-ü-ñ"
    origin_verify("origin-verify-latin1-key", "Latin-1 key", lk,
                  [("X-Imgix-Signature", ref.sign_origin_request(lk, "r1", 5)),
                   ("X-Imgix-Signature-Request-Id", "r1"), ("X-Imgix-Signature-Timestamp", "5")], 5)

    auth = [("Authorization", "Basic dXNlcm5hbWVfZXhhbXBsZTpwYXNzd29yZF9leGFtcGxl")]
    basic("basic-auth-seed-example", "imgix's documented Basic-auth example header", "username_example", "password_example", auth)
    basic("basic-auth-scheme-case", "scheme in any case, header name in any case", "username_example",
          "password_example", [("authorization", "bAsIc dXNlcm5hbWVfZXhhbXBsZTpwYXNzd29yZF9leGFtcGxl")])
    basic("basic-auth-empty-password", "an empty password is allowed (only the user must be non-empty)", "user", "",
          [("Authorization", "Basic dXNlcjo=")])
    basic("basic-auth-wrong-password", "wrong password", "username_example", "password_exampl", auth,
          error="signature_mismatch")
    basic("basic-auth-wrong-user", "wrong user", "username", "password_example", auth, error="signature_mismatch")
    basic("basic-auth-missing", "no Authorization header", "u", "p", [("X-Other", "x")], error="missing_signature")
    basic("basic-auth-bearer", "not Basic", "u", "p", [("Authorization", "Bearer dTpw")], error="malformed_header")
    basic("basic-auth-bad-base64", "not base64", "u", "p", [("Authorization", "Basic !!!not-base64")],
          error="malformed_header")
    basic("basic-auth-no-credentials", "Basic with nothing after it", "u", "p", [("Authorization", "Basic")],
          error="malformed_header")
    basic("basic-auth-repeated", "Authorization repeated", "username_example", "password_example", auth + auth,
          error="malformed_header")
    basic("basic-auth-user-colon", "user with a colon", "user:name", "p", auth, error="invalid_key")
    basic("basic-auth-password-colon", "password with a colon", "user", "pa:ss", auth, error="invalid_key")
    basic("basic-auth-user-control", "user with a control character", "us\x01er", "p", auth, error="invalid_key")
    basic("basic-auth-password-control", "password with a control character", "user", "pa\x7fss", auth,
          error="invalid_key")
    basic("basic-auth-user-empty", "empty user", "", "p", auth, error="invalid_key")

    sv = "custom_origin_secret_value"
    secret("origin-secret-ok", "imgix's documented handshake example value", sv, [("X-Imgix-Origin-Secret", sv)])
    secret("origin-secret-ok-lowercase-name", "header name in any case", sv, [("x-imgix-origin-secret", sv)])
    secret("origin-secret-256", "256 characters accepted", "s" * 256, [("X-Imgix-Origin-Secret", "s" * 256)])
    secret("origin-secret-256-non-ascii", "256 characters (512 UTF-8 bytes) accepted: the limit counts characters",
           "ü" * 256, [("X-Imgix-Origin-Secret", "ü" * 256)])
    secret("origin-secret-257", "257 characters", "s" * 257, [("X-Imgix-Origin-Secret", "s" * 257)],
           error="invalid_key")
    secret("origin-secret-empty", "empty secret", "", [("X-Imgix-Origin-Secret", "")], error="invalid_key")
    secret("origin-secret-control", "secret with a control character", "a\x00b", [("X-Imgix-Origin-Secret", "ab")],
           error="invalid_key")
    secret("origin-secret-missing", "no header", sv, [("X-Other", sv)], error="missing_signature")
    secret("origin-secret-mismatch", "wrong value", sv, [("X-Imgix-Origin-Secret", sv[:-1] + "X")],
           error="signature_mismatch")
    secret("origin-secret-mismatch-length", "value of another length", sv, [("X-Imgix-Origin-Secret", sv + "x")],
           error="signature_mismatch")
    secret("origin-secret-mismatch-case", "comparison is case-sensitive", sv,
           [("X-Imgix-Origin-Secret", sv.upper())], error="signature_mismatch")
    secret("origin-secret-repeated", "header repeated", sv, [("X-Imgix-Origin-Secret", sv)] * 2,
           error="malformed_header")


# ====================================================================== published constants

def assert_published():
    def ends(vid, suffix):
        v = G.get(vid)
        got = v.get("expected")
        assert isinstance(got, str) and got.endswith(suffix), f"{vid}: {got!r} does not end with {suffix!r}"

    ends("pixta-seed-example", "?w=400&h=600&fit=crop&s=7d0d58f62c945d0ca08269205228bbe7")
    assert G.get("build-signed-empty-path-imgix-python")["expected"] == \
        "https://demo.imgix.net/?w=100&s=" + ref.signature("imgix", "k1", "/", "w=100")
    assert "%27" in G.get("build-signed-quote-in-query-imgix-js")["expected"]
    assert "'" in G.get("build-unsigned-quote-in-query-imgix-js")["expected"]
    assert G.get("pixta-seed-example")["expected"] == (
        "https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop"
        "&s=7d0d58f62c945d0ca08269205228bbe7")
    ends("gumlet-docs-with-query", "/fell.jpeg?width=300&s=f4b250e5599ff348998742669551bb89")
    ends("gumlet-docs-no-query", "/fell.jpeg?s=d6ddbe6cc06d54ed44f87a4f56dc2120")
    ends("gumlet-docs-expires", "?width=300&expires=1700000000&s=dd3a8f13e44fce35663f1d3ca36fb3f7")
    ends("imageboss-ruby-client-example",
         "?existing=oh&bossToken=92812e6cffe821d7c30a21b5fbddc8ce095f7607d213e12f30369597a18c5ef0")
    bp = {"path": "/users/1.png?s=6797c24146142d5b40bde3141fd3600c",
          "sorted": "?h=300&w=400&s=1a4e48641614d1109c6a7af51be23d18",
          "insertion": "?w=400&h=300&s=c7b86f666a832434dd38577e38cf86d1",
          "proxy": "/http%3A%2F%2Favatars.com%2Fjohn-smith.png?s=493a52f008c91416351f8b33d4883135",
          "proxy-q": "/http%3A%2F%2Favatars.com%2Fjohn-smith.png?h=300&w=400&s=a201fe1a3caef4944dcb40f6ce99e746"}
    ends("imgix-blueprint-sign-path", bp["path"])
    ends("imgix-blueprint-sign-sorted-query", bp["sorted"])
    ends("imgix-blueprint-sign-insertion-query", bp["insertion"])
    ends("imgix-blueprint-sign-proxy", bp["proxy"])
    ends("imgix-blueprint-sign-proxy-query", bp["proxy-q"])
    for sfx in ("", "-imgix-python", "-imgix-js"):
        ends(f"imgix-blueprint-build-path{sfx}", bp["path"])
        ends(f"imgix-blueprint-build-proxy{sfx}", bp["proxy"])
        ends(f"imgix-blueprint-build-proxy-params{sfx}", bp["proxy-q"])
        ends(f"imgix-build-preencoded-proxy-dpe{sfx}", bp["proxy"])
        # Python and JS double-encode a pre-encoded proxy path (their signature starts 522498b6).
        assert "&s=" not in G.get(f"imgix-build-preencoded-proxy{sfx}")["expected"]
        assert "?s=522498b6" in G.get(f"imgix-build-preencoded-proxy{sfx}")["expected"]
    ends("imgix-blueprint-build-params", bp["sorted"])
    ends("imgix-blueprint-build-params-imgix-python", bp["sorted"])
    ends("imgix-blueprint-build-params-imgix-js", bp["insertion"])
    assert G.get("origin-sign-example")["expected"] == \
        "v1,8B9B9723AD2893D595A7C08B025C508D1400FF813C8A9DD50C0DABDFF2ED1112"
    assert G.get("target-widths-default")["expected"] == IMGIX_WIDTHS
    assert G.get("target-widths-half-away")["expected"] == [103, 155, 200]
    assert G.get("disagreement-14-imgix-python")["expected"].count("w=154") == 1
    # The canonical profile agrees with both official libraries wherever they agree (docs/contract.md, 4):
    # check every random input where the two libraries produced the same URL.
    agree = 0
    for v in G.vectors:
        if v["id"].startswith("random-") and v["id"].endswith("-imgix-python"):
            stem = v["id"][: -len("-imgix-python")]
            py, js, can = v, G.get(stem + "-imgix-js"), G.get(stem + "-canonical")
            p = v["input"]["path"][1:] if v["input"]["path"].startswith("/") else v["input"]["path"]
            # Documented exception: behaviour.md detects proxy paths in any case (`HTTP://`),
            # where both libraries treat them as ordinary paths.
            upper_proxy = p[:8].lower().startswith(("http://", "https://")) and not p.startswith(("http://", "https://"))
            if py.get("expected") == js.get("expected") and not v["input"]["include_library_param"] \
                    and not upper_proxy:
                assert can.get("expected") == py.get("expected"), f"{stem}: canonical differs where the libs agree"
                agree += 1
    assert agree >= 5, agree


# ====================================================================== compat (gen_compat.py)

def compat_namespace():
    """What gen_compat.py uses of this file."""
    import types
    return types.SimpleNamespace(
        G=G, url=url, srcset=srcset, twidths=twidths, typed_for=typed_for, ref=ref, RefError=RefError, DOMAINS=DOMAINS, KEYS=KEYS,
        PyUrlBuilder=UrlBuilder, on_resolved=lambda v, check: G.checks.append((v, check)))


# ====================================================================== main

def generate():
    gen_sign_url()
    gen_verify_url()
    gen_build_url()
    gen_srcset()
    gen_target_widths()
    gen_disagreements()
    gen_compat()
    gen_random()
    gen_browser_rewrites()
    gen_origin()
    gen_not_given()
    gen_argument_errors()
    gen_reproductions()
    gen_verify_target()
    gen_request_target(G)
    gen_schemes.generate(G)
    gen_tokens.generate_tokens(G)
    gen_sources.generate(G)
    gen_profile_defaults.generate(G)
    mobile.generate(compat_namespace())
    G.resolve_js()
    assert_published()
    for v in G.vectors:
        assert ("expected" in v) != ("error" in v), v["id"]
        profile = v["input"].get("profile")
        if profile in ("imgix-python", "imgix-java", "imgix-swift") and "params" in v["input"]:
            values = [p[1] for p in v["input"]["params"]] + list(v["input"].get("widths") or [])
            assert not any(_ambiguous_int(x) for x in values), v["id"]
            assert not any(_ambiguous_float(x) and (profile != "imgix-swift" or abs(x) > SAFE_INT)
                           for x in values), v["id"]
    doc = {"schema_version": 1, "vectors": G.vectors}
    return json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=False) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if vectors.json is not up to date")
    args = ap.parse_args()
    text = generate()
    if not args.check:
        OUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}: {len(G.vectors)} vectors")
        for path, extra in G.extra_files.items():
            path.write_text(extra, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
        return 0
    for path, extra in G.extra_files.items():
        if not path.exists() or path.read_text(encoding="utf-8") != extra:
            print(f"{path.relative_to(ROOT)} is out of date; run python conformance/generate.py")
            return 1
    if not OUT.exists():
        print(f"{OUT.relative_to(ROOT)} does not exist; run python conformance/generate.py")
        return 1
    old = OUT.read_text(encoding="utf-8")
    if old == text:
        print(f"{OUT.relative_to(ROOT)} is up to date ({len(G.vectors)} vectors)")
        return 0
    try:
        old_vs = {v["id"]: v for v in json.loads(old)["vectors"]}
    except (ValueError, KeyError, TypeError):
        print(f"{OUT.relative_to(ROOT)} is not valid vectors JSON; regenerate it")
        return 1
    new_vs = {v["id"]: v for v in G.vectors}
    added = [i for i in new_vs if i not in old_vs]
    removed = [i for i in old_vs if i not in new_vs]
    changed = [i for i in new_vs if i in old_vs and old_vs[i] != new_vs[i]]
    print(f"{OUT.relative_to(ROOT)} is out of date: {len(added)} added, {len(removed)} removed, "
          f"{len(changed)} changed" + ("" if added or removed or changed else " (order/formatting only)"))
    for label, ids in (("added", added), ("removed", removed), ("changed", changed)):
        for i in ids[:10]:
            print(f"  {label}: {i}")
        if len(ids) > 10:
            print(f"  ... and {len(ids) - 10} more {label}")
    print("run: python conformance/generate.py")
    return 1


if __name__ == "__main__":
    sys.exit(main())
