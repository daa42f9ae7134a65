"""Vectors for the token-style providers: ImageKit, Bunny CDN, Cloudflare Images, Akamai
EdgeAuth, Uploadcare, Glide and KeyCDN. Called from generate.py (`generate_tokens(G)`).

Where each expected value comes from (every vector says which, in its `source`):
  * `published`: a vector the vendor publishes (oracles/published.json: repository, path and
    commit, or the documentation page), reproduced here byte for byte;
  * `vendor`: the vendor's own package run for real by oracles/oracle_py.py (imagekitio,
    akamai-edgeauth, pyuploadcare from PyPI) or oracles/oracle_node.mjs (@imagekit/nodejs,
    akamai-edgeauth from npm; the documented Cloudflare Worker on Node's own URL);
  * `formula`: oracles/formulas.py, the independent implementation of the documented formula
    (hashlib/hmac), for the schemes without a vendor package (Bunny's reference signers live
    in a repository, Glide is PHP, KeyCDN and Cloudflare publish snippets only).
Every signed value is also recomputed by ref_tokens.py (imgsign's documented rules around the
formula) and must agree; verification outcomes come from ref_tokens.py and are checked
against the hand-written label of each vector. imgsign is never imported.
"""

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORACLES = HERE / "oracles"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ORACLES))

import formulas  # noqa: E402
import ref_tokens as R  # noqa: E402
from reference import RefError  # noqa: E402
from gen_schemes import VERIFY_FAILURES  # noqa: E402

NOW = 1700000000
PUBLISHED = {v["id"]: v for v in json.loads((ORACLES / "published.json").read_text())["vectors"]}
TOKEN_PROVIDERS = ("imagekit", "bunny", "cloudflare-images", "akamai", "uploadcare", "glide", "keycdn")


# ====================================================================== oracles

def run_oracle(which, cases):
    """Runs one oracle process over `cases` [(op, input)]; returns [("ok", v) | ("error", msg)]."""
    if not cases:
        return []
    if which == "py":
        cmd = [sys.executable, str(ORACLES / "oracle_py.py")]
    else:
        cmd = ["node", str(ORACLES / "oracle_node.mjs")]
    payload = [{"id": str(n), "op": op, "input": inp} for n, (op, inp) in enumerate(cases)]
    proc = subprocess.run(cmd, input=json.dumps(payload).encode(), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, cwd=str(ORACLES), check=False)
    if proc.returncode != 0:
        sys.exit(f"gen_tokens: the {which} oracle failed:\n" + proc.stderr.decode("utf-8", "replace"))
    out = json.loads(proc.stdout.decode("utf-8"))
    assert [r["id"] for r in out] == [c["id"] for c in payload]
    return [("ok", r["ok"]) if "ok" in r else ("error", r["error"]) for r in out]


def vendor_ok(result, what):
    tag, val = result
    assert tag == "ok", f"{what}: the vendor package refused: {val}"
    return val


def check_versions():
    """The pinned vendor packages, as the oracles report them (pins in oracles/)."""
    (py,), (node,) = run_oracle("py", [("versions", {})]), run_oracle("node", [("versions", {})])
    pins_py = dict(line.split("==") for line in (ORACLES / "requirements.txt").read_text().split())
    pins_node = json.loads((ORACLES / "package.json").read_text())["dependencies"]
    for name in ("imagekitio", "akamai-edgeauth", "pyuploadcare"):
        assert vendor_ok(py, "versions")[name] == pins_py[name], name
    for name in ("@imagekit/nodejs", "akamai-edgeauth"):
        assert vendor_ok(node, "versions")[name] == pins_node[name], name
    return {**{f"{k} (PyPI)": v for k, v in py[1].items()}, **{f"{k} (npm)": v for k, v in node[1].items()}}


# ====================================================================== sources

def src_published(pid):
    s = PUBLISHED[pid]["source"]
    where = s.get("repo", "") + (" " + s["path"] if "path" in s else "")
    if "commit" in s:
        where += "@" + s["commit"][:12]
    return f"published: {where} ({s['what']})"


def src_vendor(package):
    return f"vendor: {package}, run by the generator"


def src_formula(fn, why=""):
    return f"formula: oracles/formulas.py {fn}" + (f" ({why})" if why else "")


SRC_REF = "reference: ref_tokens.py (imgsign's documented rule; the digest from oracles/formulas.py)"


# ====================================================================== the vectors' shape

class Tokens:
    """Adds the token providers' vectors to generate.py's registry `G`."""

    def __init__(self, G):
        self.G = G

    # -- expected values from the reference, checked against labels and vendor values

    @staticmethod
    def _ref(fn, *a, **kw):
        try:
            return ("expected", fn(*a, **kw))
        except RefError as e:
            return ("error", e.code)

    def _add(self, vid, kind, desc, source, inp, result, error, vendor):
        if error is not None:
            assert result == ("error", error), f"{vid}: reference gives {result}, label {error}"
        elif vendor is not None:
            assert result == ("expected", vendor), f"{vid}: reference {result} differs from {vendor!r}"
        else:
            assert result[0] == "expected", f"{vid}: reference refuses ({result[1]}), no label"
        v = self.G.add(vid, kind, desc, inp, result)
        v["source"] = source
        return v

    # -- kinds (the input shapes of conformance/README.md; every field always present)

    def sign(self, vid, desc, source, provider, key, url, *, expires=None, options=None, values=None,
             vendor=None, error=None, **shortcuts):
        options, values, salt = split_values(provider, options, values, shortcuts)
        inp = {"provider": provider, "key": key, "salt": salt, "options": options, "url": url,
               "expires": expires, "values": values}
        res = self._ref(ref_sign, provider, key, salt, url, expires, options, values)
        return self._add(vid, "sign_url", desc, source, inp, res, error, vendor)

    def verify(self, vid, desc, source, provider, key, url, *, now=NOW, previous_keys=(), options=None,
               values=None, error=None, target=False, **shortcuts):
        options, values, salt = split_values(provider, options, values, shortcuts)
        inp = {"provider": provider, "key": key, "previous_keys": list(previous_keys), "salt": salt,
               "previous_salts": [salt] * len(previous_keys) if salt else [], "options": options,
               ("target" if target else "url"): url, "now": now, "values": values}
        res = self._ref(ref_verify, provider, key, salt, list(previous_keys), url, now, options, values, target)
        return self._add(vid, "verify" if target else "verify_url", desc, source, inp, res, error, None)

    def token(self, vid, desc, source, key, *, options=None, expires=None, values=None, vendor=None,
              error=None, **shortcuts):
        options, values, salt = split_values("akamai", options, values, shortcuts)
        inp = {"provider": "akamai", "key": key, "salt": salt, "options": options, "expires": expires,
               "values": values}
        res = self._ref(ref_token, key, salt, options, expires, values)
        return self._add(vid, "sign_token", desc, source, inp, res, error, vendor)

    def verify_token(self, vid, desc, source, key, token, path=None, *, now=NOW, previous_keys=(), options=None,
                     values=None, error=None, **shortcuts):
        options, values, salt = split_values("akamai", options, values, dict(shortcuts, url=path))
        inp = {"provider": "akamai", "key": key, "previous_keys": list(previous_keys), "salt": salt,
               "previous_salts": [salt] * len(previous_keys) if salt else [], "options": options, "token": token,
               "now": now, "values": values}
        res = self._ref(ref_verify_token, key, salt, list(previous_keys), token, now, options, values)
        return self._add(vid, "verify_token", desc, source, inp, res, error, None)

    def expected(self, vid):
        return self.G.get(vid)["expected"]


def _only(given, allowed, field="options"):
    o = {k: v for k, v in dict(given).items() if v is not None}
    for name in o:
        if name not in allowed:
            raise RefError("invalid_param", f"{field}[{name}]")
    return o


def split_values(provider, options, values, shortcuts):
    """The generator's shorthand (`ip=...`, Bunny's countries written among the options) put
    where the API has them: per-call values."""
    options, values = dict(options or {}), dict(values or {})
    salt = options.pop("salt", None)
    for name in ("token_path", "countries", "countries_blocked", "limit", "acl", "start", "session_id",
                 "payload"):
        if name in options:
            values[name] = options.pop(name)
    values.update({k: v for k, v in shortcuts.items() if v is not None})
    return options, values, salt


# The options and per-call values of each token provider (docs/schemes.md).
OPTIONS = {
    "imagekit": ("endpoint",),
    "bunny": ("scheme", "form", "ignore_params"),
    "cloudflare-images": (),
    "akamai": ("algorithm", "token_name", "field_delimiter", "acl_delimiter", "escape_early"),
    "uploadcare": ("mode", "wildcard"),
    "glide": (),
    "keycdn": ("mode",),
}
SIGN_VALUES = {
    "bunny": ("ip", "token_path", "countries", "countries_blocked", "limit"),
    "akamai": ("acl", "start", "ip", "session_id", "payload"),
}
VERIFY_VALUES = {"bunny": ("ip",), "akamai": ("ip",)}
TOKEN_VALUES = ("acl", "url", "start", "ip", "session_id", "payload")


def no_salt(provider, salt):
    """Only Akamai (and not Uploadcare, whose tokens have none) takes a salt, and it is optional."""
    if salt is not None and provider != "akamai":
        raise RefError("invalid_key", "salt")


def ref_sign(provider, key, salt, url, expires, options, values):
    """imgsign's sign-as-given for each token provider, per ref_tokens.py."""
    no_salt(provider, salt)
    o = _only(options, OPTIONS[provider])
    v = _only(values, SIGN_VALUES.get(provider, ()), "values")
    if provider == "imagekit":
        return R.imagekit_sign(key, url, o.get("endpoint"), expires)
    if provider == "bunny":
        return R.bunny_sign(key, url, expires, {**o, **{k: x for k, x in v.items() if k != "ip"}}, v.get("ip"))
    if provider == "cloudflare-images":
        return R.cloudflare_sign(key, url, expires)
    if provider == "akamai":
        return R.akamai_sign_url(key, url, dict(o, salt=salt), expires=expires, **v)
    if provider == "uploadcare":
        return R.uploadcare_sign(key, url, expires, o.get("mode") or "acl", bool(o.get("wildcard")))
    if provider == "glide":
        if expires is not None:
            raise RefError("invalid_param", "expires")
        return R.glide_sign(key, url)
    if provider == "keycdn":
        return R.keycdn_sign(key, url, expires, o.get("mode") or "image")
    raise AssertionError(provider)


def ref_verify(provider, key, salt, previous_keys, url, now, options, values, target):
    no_salt(provider, salt)
    o = _only(options, OPTIONS[provider])
    v = _only(values, VERIFY_VALUES.get(provider, ()), "values")
    if provider == "imagekit":
        return R.imagekit_verify(key, previous_keys, url, o.get("endpoint"), now, target)
    if provider == "bunny":
        return R.bunny_verify(key, previous_keys, url, now, o, v.get("ip"), target)
    if provider == "cloudflare-images":
        return R.cloudflare_verify(key, previous_keys, url, now, target)
    if provider == "akamai":
        return R.akamai_verify_url(key, previous_keys, url, now, dict(o, salt=salt), v.get("ip"), target)
    if provider == "uploadcare":
        return R.uploadcare_verify(key, previous_keys, url, now, o.get("mode") or "acl")
    if provider == "glide":
        return R.glide_verify(key, previous_keys, url, now, target)
    if provider == "keycdn":
        return R.keycdn_verify(key, previous_keys, url, now, o.get("mode") or "image", target)
    raise AssertionError(provider)


def ref_token(key, salt, options, expires, values):
    o = _only(options, OPTIONS["akamai"])
    v = _only(values, TOKEN_VALUES, "values")
    return R.akamai_token(key, dict(o, salt=salt), expires=expires, **v)


def ref_verify_token(key, salt, previous_keys, token, now, options, values):
    o = _only(options, OPTIONS["akamai"])
    v = _only(values, ("url", "ip"), "values")
    return R.akamai_verify_token(key, previous_keys, token, v.get("url"), now, dict(o, salt=salt), v.get("ip"))


# ====================================================================== helpers for negatives

def flip_last(sig):
    """The signature with its last character changed (same alphabet)."""
    return sig[:-1] + ("A" if sig[-1] != "A" else "B")


def replace_once(s, old, new):
    assert s.count(old) >= 1, (s, old)
    return s.replace(old, new, 1)


def param_value(url, name):
    q = url.split("?", 1)[1].split("#")[0]
    return next(R.raw_value(p) for p in q.split("&") if R.raw_key(p) == name)


# ====================================================================== ImageKit

IK_EP = "https://ik.imagekit.io/demo/"
IK_KEY = "private_key_test"


def gen_imagekit(T):
    p = "imagekit"
    ep = {"endpoint": IK_EP}
    # 1. The vendor's published vectors (imagekit-python and imagekit-nodejs tests): sign the URL
    #    the SDK signed, as given; the expected URL is the SDK's.
    for pid in ("imagekit-plain", "imagekit-devanagari", "imagekit-text-overlay-query",
                "imagekit-text-overlay-path", "imagekit-query-params", "imagekit-tr-query-and-params",
                "imagekit-tr-path-and-params"):
        v = PUBLISHED[pid]
        T.sign(f"{pid}-sign", "ImageKit published vector, signed as given", src_published(pid), p,
               v["input"]["private_key"], v["input"]["url"], options={"endpoint": v["input"]["url_endpoint"]},
               vendor=v["vendor"]["expected"])
        T.verify(f"{pid}-verify", "ImageKit published vector verifies", src_published(pid), p,
                 v["input"]["private_key"], v["vendor"]["expected"],
                 options={"endpoint": v["input"]["url_endpoint"]})

    # 2. Both SDKs run for real (now injected): each SDK's unsigned URL signed as given is that
    #    SDK's signed URL; each signed URL verifies.
    samples = [
        ("plain", {"src": "img/a.jpg"}),
        ("expiring", {"src": "img/a.jpg", "expires_in": 3600}),
        ("query-params", {"src": "img/a.jpg", "query_parameters": {"v": "2", "z": "a b"}}),
        ("tr-path", {"src": "img/a.jpg", "transformation": [{"width": 300}], "transformation_position": "path"}),
        ("tr-query-expiring", {"src": "img/a.jpg", "transformation": [{"width": 300, "height": 200}],
                               "expires_in": 60}),
        ("unicode-space-src", {"src": "dossier/été 2024.jpg"}),
        ("src-with-query", {"src": "img/a.jpg?x=1&y=a%20b"}),
        ("plus-in-value", {"src": "img/a.jpg", "query_parameters": {"q": "a+b"}}),
        ("repeated-and-chained", {"src": "img/a.jpg", "transformation": [{"width": 300}, {"rotation": 90}],
                                  "transformation_position": "path", "query_parameters": {"a": "1", "b": "x,y"}}),
    ]
    cases = {"py": [], "node": []}
    for _name, o in samples:
        for signed in (True, False):
            inp = dict(o, private_key=IK_KEY, url_endpoint=IK_EP, signed=signed, now=NOW)
            if not signed:
                inp.pop("expires_in", None)
            cases["py"].append(("imagekit.build_url", inp))
            cases["node"].append(("imagekit.buildSrc", inp))
    res = {"py": run_oracle("py", cases["py"]), "node": run_oracle("node", cases["node"])}
    labels = {"py": "imagekitio 5.11.0 (PyPI)", "node": "@imagekit/nodejs 7.11.0 (npm)"}
    for n, (name, o) in enumerate(samples):
        exp_at = NOW + o["expires_in"] if o.get("expires_in") else None
        for which in ("py", "node"):
            signed = vendor_ok(res[which][2 * n], name)["url"]
            unsigned = vendor_ok(res[which][2 * n + 1], name)["url"]
            vid = f"imagekit-{name}-{'imagekitio' if which == 'py' else 'nodejs'}"
            if " " in unsigned:
                # imagekitio writes a query value's space raw and signs it raw: every client sends
                # it as %20, so its URL can never verify.
                sent = unsigned.replace(" ", "%20")
                T.verify(f"{vid}-raw-space-never-verifies",
                         "imagekitio signs a raw space in the query, which clients send as %20: the URL "
                         "as clients send it does not verify", src_vendor(labels[which]), p, IK_KEY,
                         signed.replace(" ", "%20"), options=ep, error="signature_mismatch")
                T.sign(f"{vid}-sign-as-sent", "the same URL as clients send it (space as %20), signed as given",
                       SRC_REF, p, IK_KEY, sent, expires=exp_at, options=ep)
                continue
            T.sign(f"{vid}-sign", f"ImageKit: {labels[which]}'s unsigned URL signed as given equals its "
                   f"signed URL ({name})", src_vendor(labels[which]), p, IK_KEY, unsigned, expires=exp_at,
                   options=ep, vendor=signed)
            T.verify(f"{vid}-verify", f"ImageKit: {labels[which]}'s signed URL verifies ({name})",
                     src_vendor(labels[which]), p, IK_KEY, signed, options=ep)

    # 3. Imgsign's own rules around the formula, and negatives.
    fu = SRC_REF
    base = IK_EP + "img/a.jpg"
    T.sign("imagekit-sign-endpoint-without-slash", "the endpoint option without its trailing '/' is the "
           "same endpoint (the SDKs add it)", fu, p, IK_KEY, base + "?w=1",
           options={"endpoint": IK_EP.rstrip("/")})
    T.sign("imagekit-sign-replaces-old-signature", "an old ik-t / ik-s are removed before signing", fu, p,
           IK_KEY, base + "?w=1&ik-t=1&ik-s=deadbeef", expires=NOW + 60, options=ep)
    T.sign("imagekit-sign-repeated-params", "repeated params are signed as given", fu, p, IK_KEY,
           base + "?a=1&a=2&a=1", options=ep)
    T.sign("imagekit-sign-space-normalised", "a space in the path is sent (and signed) as %20", fu, p,
           IK_KEY, IK_EP + "img/a%20b.jpg", options=ep)
    T.sign("imagekit-sign-fragment", "a fragment is not signed and stays after the signature", fu, p,
           IK_KEY, base + "?w=1#top", options=ep)
    T.sign("imagekit-sign-not-under-endpoint", "a URL outside the endpoint cannot be signed", fu, p,
           IK_KEY, "https://ik.imagekit.io/other/a.jpg", options=ep, error="invalid_url")
    T.sign("imagekit-sign-no-endpoint", "the endpoint option is required", fu, p, IK_KEY, base,
           error="invalid_param")
    T.sign("imagekit-sign-bad-endpoint", "the endpoint option must be an http(s) URL", fu, p, IK_KEY,
           base, options={"endpoint": "ik.imagekit.io/demo"}, error="invalid_param")
    T.sign("imagekit-sign-unknown-option", "an option ImageKit does not have", fu, p, IK_KEY, base,
           options={"endpoint": IK_EP, "signature_size": 8}, error="invalid_param")
    T.sign("imagekit-sign-negative-expiry", "a negative expiry", fu, p, IK_KEY, base, options=ep,
           expires=-1, error="invalid_param")
    T.sign("imagekit-sign-key-newline", "a key with a trailing newline", fu, p, IK_KEY + "\n", base,
           options=ep, error="invalid_key")
    good = R.imagekit_sign(IK_KEY, base + "?w=1", IK_EP, NOW + 60)
    forever = R.imagekit_sign(IK_KEY, base + "?w=1", IK_EP, None)
    sig = param_value(good, "ik-s")
    T.verify("imagekit-verify-valid-at-expiry", "still valid at ik-t (now == ik-t)", fu, p, IK_KEY, good,
             now=NOW + 60, options=ep)
    T.verify("imagekit-verify-expired-after-expiry", "expired one second after ik-t", fu, p, IK_KEY, good,
             now=NOW + 61, options=ep, error="expired")
    T.verify("imagekit-verify-expired-after", "expired after ik-t", fu, p, IK_KEY, good, now=NOW + 3600,
             options=ep, error="expired")
    T.verify("imagekit-verify-ik-t-changed", "ik-t is signed: extending it breaks the signature", fu, p,
             IK_KEY, replace_once(good, f"ik-t={NOW + 60}", f"ik-t={NOW + 6000}"), options=ep,
             error="signature_mismatch")
    T.verify("imagekit-verify-ik-t-removed", "removing ik-t makes the verifier use 9999999999: mismatch",
             fu, p, IK_KEY, replace_once(good, f"ik-t={NOW + 60}&", ""), options=ep, error="signature_mismatch")
    T.verify("imagekit-verify-param-after-ik-s", "ik-s must be the last param", fu, p, IK_KEY,
             good + "&x=1", options=ep, error="malformed_url")
    T.verify("imagekit-verify-ik-t-not-before-ik-s", "ik-t must come right before ik-s", fu, p, IK_KEY,
             base + f"?ik-t={NOW + 60}&w=1&ik-s={sig}", options=ep, error="malformed_url")
    T.verify("imagekit-verify-ik-t-not-numeric", "ik-t not a decimal integer", fu, p, IK_KEY,
             replace_once(good, f"ik-t={NOW + 60}", "ik-t=soon"), options=ep, error="malformed_url")
    T.verify("imagekit-verify-missing", "no ik-s", fu, p, IK_KEY, base + "?w=1", options=ep,
             error="missing_signature")
    T.verify("imagekit-verify-ampersand-without-query", "'&ik-s=' without a '?' is part of the path: no "
             "signature (imagekit-php #48)", fu, p, IK_KEY, base + "&ik-s=" + sig, options=ep,
             error="missing_signature")
    T.verify("imagekit-verify-uppercase-hex", "the signature is lowercase hex", fu, p, IK_KEY,
             forever.replace(param_value(forever, "ik-s"), param_value(forever, "ik-s").upper()), options=ep,
             error="signature_mismatch")
    T.verify("imagekit-verify-tampered-path", "path changed", fu, p, IK_KEY,
             forever.replace("/a.jpg", "/b.jpg"), options=ep, error="signature_mismatch")
    T.verify("imagekit-verify-tampered-query", "query changed", fu, p, IK_KEY,
             forever.replace("w=1", "w=2"), options=ep, error="signature_mismatch")
    T.verify("imagekit-verify-other-endpoint-prefix", "a verifier configured with a shorter endpoint "
             "signs 'demo/...' too: mismatch", fu, p, IK_KEY, forever,
             options={"endpoint": "https://ik.imagekit.io/"}, error="signature_mismatch")
    T.verify("imagekit-verify-outside-endpoint", "a URL outside the endpoint", fu, p, IK_KEY,
             forever.replace("/demo/", "/other/"), options=ep, error="malformed_url")
    T.verify("imagekit-verify-previous-key", "signed with a previous key (rotation)", fu, p, "new-key",
             forever, previous_keys=["unrelated", IK_KEY], options=ep)
    T.verify("imagekit-verify-key-not-listed", "signed with a key that is not listed", fu, p, "new-key",
             forever, previous_keys=["unrelated"], options=ep, error="signature_mismatch")
    T.verify("imagekit-verify-target", "a request target as received (origin form)", fu, p, IK_KEY,
             good[len("https://ik.imagekit.io"):], options=ep, target=True)
    T.verify("imagekit-verify-target-outside-endpoint", "a request target outside the endpoint's path", fu, p,
             IK_KEY, good[len("https://ik.imagekit.io/demo"):], options=ep, target=True, error="malformed_url")


# ====================================================================== Bunny CDN

BUNNY_OPT = {"token_countries": "countries", "token_countries_blocked": "countries_blocked",
             "limit": "limit"}


def gen_bunny(T):
    p = "bunny"
    # 1. The vendor's e2e vectors (BunnyWay/BunnyCDN.TokenAuthentication e2e/vectors.json).
    for pid in sorted(k for k in PUBLISHED if k.startswith("bunny-e2e-")):
        v = PUBLISHED[pid]
        i = v["input"]
        opts = {}
        for k, val in i["params"]:
            if k == "token_ignore_params":
                opts["ignore_params"] = True
            else:
                opts[BUNNY_OPT[k]] = int(val) if k == "limit" else val
        if i["path_allowed"]:
            opts["token_path"] = i["path_allowed"]
        if i["directory"]:
            opts["form"] = "directory"
        T.sign(f"{pid}-sign", "Bunny HS256, the vendor's end-to-end vector", src_published(pid), p, i["key"],
               i["base"] + i["path"], expires=i["expires"], options=opts, ip=i["ip"],
               vendor=v["expected"]["url"])
        T.verify(f"{pid}-verify", "the vendor's end-to-end URL verifies (now before expires, the client "
                 "IP given)", src_published(pid), p, i["key"], v["expected"]["url"], now=i["expires"] - 600,
                 options={}, ip=i["ip"])

    key, z = "zone-token-key", "https://z.b-cdn.net"
    exp = NOW + 3600
    fu = src_formula("bunny_hs256", "the reference signers' formula; no published vector for this input")
    # 2. Beyond the published inputs (formula; the sort order is the vendor's Python signer's).
    T.sign("bunny-sign-mixed-case-keys", "query keys sorted by code point (Zeta, _x, alpha), as the "
           "vendor's Python signer and its e2e vectors do (its Node signer sorts with localeCompare)", fu, p,
           key, z + "/a.jpg?alpha=1&Zeta=2&_x=3", expires=exp)
    T.sign("bunny-sign-query-decoded", "params are signed decoded (+ and %20 are spaces, %2C a comma) and "
           "emitted percent-encoded", fu, p, key, z + "/a.jpg?t=a+b&u=c%20d&v=e%2Cf&w=%E2%82%AC", expires=exp)
    T.sign("bunny-sign-unicode-path", "the path is signed as emitted, percent-encoding intact", fu, p, key,
           z + "/caf%C3%A9/a.jpg", expires=exp)
    T.sign("bunny-sign-ipv6-masked", "an IPv6 address is bound by its /64", fu, p, key, z + "/v/a.mp4",
           expires=exp, ip="2001:db8:1:2::1", options={"countries": "GB,FR"})
    T.sign("bunny-sign-directory-token-path", "directory form with token_path: a token for a whole folder",
           fu, p, key, z + "/v/seg/1.ts", expires=exp, options={"form": "directory", "token_path": "/v/"})
    T.sign("bunny-sign-directory-with-query", "directory form: the URL's params move into the token "
           "segment", fu, p, key, z + "/v/a.m3u8?q=1", expires=exp, options={"form": "directory"})
    T.sign("bunny-sign-ignore-params-drops-query", "ignore_params: the URL's params are neither signed "
           "nor emitted", fu, p, key, z + "/a.jpg?w=100&h=50", expires=exp, options={"ignore_params": True})
    T.sign("bunny-sign-replaces-old-token", "an old token and expires are removed before signing", fu, p,
           key, z + "/a.jpg?token=HS256-old&w=1&expires=1", expires=exp)
    T.sign("bunny-sign-resign-directory", "a directory-form URL signed again gets one new token segment",
           fu, p, key, z + "/bcdn_token=HS256-old&expires=1/v/a.ts", expires=exp, options={"form": "directory"})
    T.sign("bunny-sign-option-overrides-query", "an option replaces the same token param in the URL", fu,
           p, key, z + "/a.jpg?token_countries=US", expires=exp, options={"countries": "CA,US"})
    T.sign("bunny-sign-basic", "the basic (V1) scheme: base64url MD5 of key + path + expires",
           src_formula("bunny_basic_md5", "the documented V1 formula"), p, key, z + "/a.jpg", expires=exp,
           options={"scheme": "basic"})
    T.sign("bunny-sign-basic-ip", "the basic scheme with an IP (its text appended)",
           src_formula("bunny_basic_md5", "the documented V1 formula"), p, key, z + "/a.jpg", expires=exp,
           options={"scheme": "basic"}, ip="1.2.3.4")
    legacy = T.sign("bunny-sign-legacy-e2e-inputs", "the pre-2026 SHA-256 scheme on the e2e inputs",
                    "vendor: the vendor's 2021 Python reference signer, run once by the oracle research "
                    "(oracles/NOTES.md, Bunny); reproduced by formulas.bunny_legacy_sha256", p, "SecurityKey",
                    "https://token-tester.b-cdn.net/300kb.jpg", expires=1598024587, options={"scheme": "legacy"})
    assert "token=DlAr_yuteDmLE0l9_myLDuNMbGzKG67E5uBEAp3vnvw&" in legacy["expected"], legacy["expected"]
    T.sign("bunny-sign-legacy-params-ip", "the legacy scheme with params and an IP",
           src_formula("bunny_legacy_sha256"), p, key, z + "/a.jpg?w=1", expires=exp,
           options={"scheme": "legacy", "countries": "US"}, ip="1.2.3.4")
    for name, kw, code in [
        ("no-expiry", dict(), "invalid_param"),
        ("basic-with-countries", dict(expires=exp, options={"scheme": "basic", "countries": "US"}), "invalid_param"),
        ("basic-with-query", dict(expires=exp, options={"scheme": "basic"}, url=z + "/a.jpg?w=1"), "invalid_url"),
        ("ignore-params-with-countries", dict(expires=exp, options={"ignore_params": True, "countries": "US"}),
         "invalid_param"),
        ("repeated-param", dict(expires=exp, url=z + "/a.jpg?w=1&w=2"), "invalid_url"),
        ("path-outside-token-path", dict(expires=exp, options={"token_path": "/v/"}), "invalid_url"),
        ("bad-ip", dict(expires=exp, ip="1.2.3"), "invalid_param"),
        ("unknown-scheme", dict(expires=exp, options={"scheme": "sha1"}), "invalid_param"),
        ("limit-not-a-number", dict(expires=exp, options={"limit": "1k"}), "invalid_param"),
        ("limit-negative", dict(expires=exp, options={"limit": -1}), "invalid_param"),
    ]:
        url = kw.pop("url", z + "/a.jpg")
        T.sign(f"bunny-sign-{name}", f"refused: {name.replace('-', ' ')}", SRC_REF, p, key, url,
               error=code, **kw)

    # 3. Verification, negatives included.
    good = R.bunny_sign(key, z + "/a.jpg?w=1", exp, {"countries": "CA,US"}, "1.2.3.4")
    unbound = R.bunny_sign(key, z + "/a.jpg?w=1", exp, {}, None)
    v6 = T.expected("bunny-sign-ipv6-masked")
    tok = param_value(good, "token")
    T.verify("bunny-verify-valid-at-expiry", "still valid at expires", SRC_REF, p, key, good,
             now=exp, ip="1.2.3.4")
    T.verify("bunny-verify-expired-after-expiry", "expired one second after", SRC_REF, p, key, good, now=exp + 1,
             ip="1.2.3.4",
             error="expired")
    T.verify("bunny-verify-wrong-ip", "another client address: the IP is inside the HMAC", SRC_REF, p, key,
             good, ip="1.2.3.5", error="signature_mismatch")
    T.verify("bunny-verify-bound-without-ip", "an IP-bound token (HS256-1-) and no client address given",
             SRC_REF, p, key, good, error="ip_mismatch")
    T.verify("bunny-verify-ipv6-same-64", "another address in the same /64 verifies", SRC_REF, p, key, v6,
             ip="2001:db8:1:2:ffff::9")
    T.verify("bunny-verify-ipv6-other-64", "an address in another /64", SRC_REF, p, key, v6,
             ip="2001:db8:1:3::1", error="signature_mismatch")
    T.verify("bunny-verify-flag-removed", "the 1- flag removed", SRC_REF, p, key,
             good.replace("HS256-1-", "HS256-"), ip="1.2.3.4", error="signature_mismatch")
    T.verify("bunny-verify-param-added", "a param added", SRC_REF, p, key, good.replace("&expires=", "&h=5&expires="),
             ip="1.2.3.4", error="signature_mismatch")
    T.verify("bunny-verify-param-changed", "a param changed", SRC_REF, p, key, good.replace("w=1", "w=2"),
             ip="1.2.3.4", error="signature_mismatch")
    T.verify("bunny-verify-countries-removed", "token_countries removed", SRC_REF, p, key,
             good.replace("&token_countries=CA%2CUS", ""), ip="1.2.3.4", error="signature_mismatch")
    T.verify("bunny-verify-param-order-free", "params in another order still verify (they are signed "
             "sorted)", SRC_REF, p, key, unbound.replace("?token=", "?w=1&token=", 1).replace("&w=1&expires", "&expires"))
    T.verify("bunny-verify-unbound-ignores-ip", "a token without the 1- flag verifies whatever the client",
             SRC_REF, p, key, unbound, ip="9.9.9.9")
    d = T.expected("bunny-sign-directory-token-path")
    T.verify("bunny-verify-directory-token-path", "a directory token for /v/ verifies another file in /v/",
             SRC_REF, p, key, d.replace("/v/seg/1.ts", "/v/seg/2.ts"))
    T.verify("bunny-verify-outside-token-path", "the same token outside /v/", SRC_REF, p, key,
             d.replace("/v/seg/1.ts", "/w/1.ts"), error="acl_mismatch")
    T.verify("bunny-verify-basic-to-hs256", "a basic token where HS256 is expected", SRC_REF, p, key,
             T.expected("bunny-sign-basic"), error="signature_mismatch")
    T.verify("bunny-verify-basic", "a basic token with the basic scheme", SRC_REF, p, key,
             T.expected("bunny-sign-basic"), options={"scheme": "basic"})
    T.verify("bunny-verify-basic-ip", "a basic token bound to an IP, the client IP given", SRC_REF, p, key,
             T.expected("bunny-sign-basic-ip"), options={"scheme": "basic"}, ip="1.2.3.4")
    T.verify("bunny-verify-basic-ip-wrong", "a basic token bound to another IP", SRC_REF, p, key,
             T.expected("bunny-sign-basic-ip"), options={"scheme": "basic"}, ip="1.2.3.5",
             error="signature_mismatch")
    T.verify("bunny-verify-legacy", "a legacy token with the legacy scheme", SRC_REF, p, "SecurityKey",
             T.expected("bunny-sign-legacy-e2e-inputs"), now=1598024000, options={"scheme": "legacy"})
    T.verify("bunny-verify-missing-token", "no token", SRC_REF, p, key, z + f"/a.jpg?expires={exp}",
             error="missing_signature")
    T.verify("bunny-verify-missing-expires", "no expires", SRC_REF, p, key,
             unbound.replace(f"&expires={exp}", ""), error="malformed_url")
    T.verify("bunny-verify-expires-not-numeric", "expires not a decimal integer", SRC_REF, p, key,
             unbound.replace(f"expires={exp}", "expires=never"), error="malformed_url")
    T.verify("bunny-verify-repeated-param", "a param given twice", SRC_REF, p, key,
             unbound.replace("&expires=", "&w=1&expires="), error="malformed_url")
    T.verify("bunny-verify-previous-key", "signed with a previous key (rotation)", SRC_REF, p, "new",
             unbound, previous_keys=[key])
    T.verify("bunny-verify-tampered-token", "one character of the token changed", SRC_REF, p, key,
             unbound.replace(param_value(unbound, "token"), flip_last(param_value(unbound, "token"))),
             error="signature_mismatch")
    T.verify("bunny-verify-target", "a request target as received", SRC_REF, p, key,
             good[len(z):], ip="1.2.3.4", target=True)
    assert tok.startswith("HS256-1-")


# ====================================================================== Cloudflare Images

CF_KEY = "signing-key"
CF_BASE = "https://imagedelivery.net/cheeW4oKsx5ljh8e8BoL2A/bc27a117-9509-446b-8c69-c81bfeac0a01"


def gen_cloudflare(T):
    p = "cloudflare-images"
    worker = "vendor: the documented Worker (developers.cloudflare.com, Serve private images) run on " \
             "Node's WHATWG URL by the generator"
    docs = T.sign("cloudflare-images-docs-example", "the documentation's URL and expiry with the key "
                  "'secret'", worker, p, "secret", CF_BASE + "/mobile", expires=1631289275)
    assert docs["expected"].endswith(
        "?exp=1631289275&sig=ff145cc3bbb936d94c826262904b0eefe9d3ecfe851848b7de0afa583ec6eca0")
    samples = [
        ("plain", "/public"),
        ("params-space-plus-tilde", "/w=100?a=b%20c&p=1+2&t=~x"),
        ("exp-replaced-in-place", "/v?exp=1&x=1&exp=2"),
        ("unicode", "/v?name=caf%C3%A9"),
        ("escapes-and-empty-values", "/v?q=%2F%41&e=&f"),
        ("repeated-params", "/v?a=1&a=2&b=3"),
    ]
    cases = [("cloudflare-images.documented-worker", {"key": CF_KEY, "url": CF_BASE + s, "exp": NOW + 600})
             for _n, s in samples]
    stale = ("cloudflare-images.documented-worker", {"key": CF_KEY, "url": CF_BASE + "/v?name=caf%C3%A9&sig=deadbeef",
                                                     "exp": NOW + 600})
    out = run_oracle("node", cases + [stale])
    for (name, s), r in zip(samples, out):
        T.sign(f"cloudflare-images-{name}", f"the documented Worker's URL ({name}): the query is "
               "re-serialised as URLSearchParams does", worker, p, CF_KEY, CF_BASE + s, expires=NOW + 600,
               vendor=vendor_ok(r, name)["url"])
        T.verify(f"cloudflare-images-{name}-verify", f"the Worker's URL verifies ({name})", worker, p,
                 CF_KEY, vendor_ok(r, name)["url"])
    literal = vendor_ok(out[-1], "stale sig")["url"]
    fixed = T.sign("cloudflare-images-stale-sig-removed", "an old sig is removed before signing (the "
                   "Worker signs the stale sig and then replaces it, giving a URL nothing verifies)",
                   worker + " on the URL without its old sig", p, CF_KEY,
                   CF_BASE + "/v?name=caf%C3%A9&sig=deadbeef", expires=NOW + 600,
                   vendor=vendor_ok(out[3], "unicode")["url"])
    assert literal != fixed["expected"]
    T.verify("cloudflare-images-worker-stale-sig-fails", "the Worker's literal output for a URL with a stale "
             "sig does not verify", worker, p, CF_KEY, literal, error="malformed_url")
    good = R.cloudflare_sign(CF_KEY, CF_BASE + "/public?w=1", NOW + 600)
    sig = param_value(good, "sig")
    for name, url, kw, code in [
        ("valid-at-expiry", good, dict(now=NOW + 600), None),
        ("expired-after-expiry", good, dict(now=NOW + 601), "expired"),
        ("exp-edited", good.replace(f"exp={NOW + 600}", f"exp={NOW + 6000}"), {}, "signature_mismatch"),
        ("param-added", good.replace("?w=1", "?w=1&h=2"), {}, "signature_mismatch"),
        ("variant-changed", good.replace("/public?", "/mobile?"), {}, "signature_mismatch"),
        ("uppercase-hex", good.replace(sig, sig.upper()), {}, "signature_mismatch"),
        ("sig-not-last", good + "&x=1", {}, "malformed_url"),
        ("missing-sig", CF_BASE + f"/public?w=1&exp={NOW + 600}", {}, "missing_signature"),
        ("missing-exp", CF_BASE + "/public?w=1&sig=" + sig, {}, "malformed_url"),
        ("exp-not-numeric", good.replace(f"exp={NOW + 600}", "exp=x"), {}, "malformed_url"),
        ("previous-key", good, dict(previous_keys=[CF_KEY], key="new-key"), None),
        ("key-not-listed", good, dict(key="new-key"), "signature_mismatch"),
    ]:
        k = kw.pop("key", CF_KEY)
        T.verify(f"cloudflare-images-verify-{name}", name.replace("-", " "), SRC_REF, p, k, url, error=code, **kw)
    T.verify("cloudflare-images-verify-target", "a request target as received", SRC_REF, p, CF_KEY,
             good[len("https://imagedelivery.net"):], target=True)
    T.sign("cloudflare-images-sign-no-expiry", "Cloudflare's signed URLs always expire: an expiry is required",
           SRC_REF, p, CF_KEY, CF_BASE + "/public", error="invalid_param")


# ====================================================================== Akamai EdgeAuth

AK_KEY = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"


def gen_akamai(T):
    p = "akamai"
    # 1. Published Akamai-format tokens (pycloudinary's __cld_token__ tests).
    for pid in sorted(k for k in PUBLISHED if k.startswith("cloudinary-akamai-")):
        i = PUBLISHED[pid]["input"]
        T.token(f"akamai-{pid}", "an Akamai EdgeAuth token published by pycloudinary's tests (the ACL/URL "
                "given already escaped, as Cloudinary does)", src_published(pid), i["key_hex"],
                options={"algorithm": i["algorithm"]},
                acl="!".join(i["acl"]) if isinstance(i.get("acl"), list) else i.get("acl"), url=i.get("url"),
                start=i["start_time"], expires=i["end_time"], vendor=PUBLISHED[pid]["expected"])
    # 2. Both akamai-edgeauth packages, run for real.
    samples = [
        ("acl-start-end", {"acl": "/images/*", "start_time": NOW, "end_time": NOW + 3600}, {}),
        ("url", {"url": "/images/a.jpg", "start_time": NOW, "end_time": NOW + 3600}, {}),
        ("acl-list-sha1", {"acl": ["/a/*", "/b/*"], "end_time": NOW + 3600, "algorithm": "sha1"}, {}),
        ("md5-ip-id-data-salt", {"acl": "/*", "end_time": NOW + 3600, "algorithm": "md5", "ip": "1.2.3.4",
                                 "session_id": "sess-1", "payload": "user=42", "salt": "pepper"}, {}),
        ("start-window", {"url": "/v.m3u8", "start_time": NOW, "window_seconds": 300}, {}),
        ("escape-early-plain", {"url": "/a/b.jpg", "end_time": NOW + 3600, "escape_early": True,
                                "session_id": "abc_1.2-3"}, {}),
        ("custom-delimiters", {"acl": ["/x/*", "/y/*"], "end_time": NOW + 3600, "field_delimiter": "|",
                               "acl_delimiter": ","}, {}),
        ("start-zero-omitted", {"acl": "/*", "start_time": 0, "end_time": NOW + 3600}, {}),
        ("token-name", {"acl": "/*", "end_time": NOW + 3600, "token_name": "hdnts"}, {}),
    ]
    cases_py = [("akamai_edgeauth.generate", dict(o, key_hex=AK_KEY)) for _n, o, _x in samples]
    cases_node = [("akamai-edgeauth.generate", dict(o, key_hex=AK_KEY)) for _n, o, _x in samples]
    rp, rn = run_oracle("py", cases_py), run_oracle("node", cases_node)
    for (name, o, _x), a, b in zip(samples, rp, rn):
        ta, tb = vendor_ok(a, name), vendor_ok(b, name)
        assert ta == tb, f"akamai {name}: PyPI {ta} npm {tb}"
        opts = {k: o[k] for k in ("algorithm", "field_delimiter", "acl_delimiter", "escape_early", "salt",
                                  "token_name") if k in o}
        window = o.get("window_seconds")
        end = o["start_time"] + window if window else o["end_time"]
        T.token(f"akamai-{name}", f"akamai-edgeauth (PyPI and npm agree): {name}"
                + (" (start + window given as the end time)" if window else ""),
                src_vendor("akamai-edgeauth 0.3.2 (PyPI) and 0.2.0 (npm)"), AK_KEY, options=opts,
                acl=o.get("acl") if not isinstance(o.get("acl"), list) else opts.get("acl_delimiter", "!").join(o["acl"]),
                url=o.get("url"), start=o.get("start_time"), expires=end, ip=o.get("ip"),
                session_id=o.get("session_id"), payload=o.get("payload"), vendor=ta)
    # The vendors disagree on escape_early: imgsign follows the PyPI package (quote_plus).
    dis = {"key_hex": AK_KEY, "url": "/a b/~(x)*'.jpg", "end_time": NOW + 3600, "escape_early": True,
           "payload": "k=v w"}
    (a,), (b,) = run_oracle("py", [("akamai_edgeauth.generate", dis)]), run_oracle("node", [("akamai-edgeauth.generate", dis)])
    assert vendor_ok(a, "escape") != vendor_ok(b, "escape")
    T.token("akamai-escape-early-follows-pypi", "escape_early with a space, ~ ( ) * ': the PyPI package's "
            "bytes (quote_plus, lower-case hex); the npm package escapes differently (space %20) and gives "
            "another token", src_vendor("akamai-edgeauth 0.3.2 (PyPI)"), AK_KEY, options={"escape_early": True},
            url=dis["url"], expires=dis["end_time"], payload=dis["payload"], vendor=a[1])
    (a,), = [run_oracle("py", [("akamai_edgeauth.generate", {"key_hex": AK_KEY, "acl": "/*", "start_time": NOW,
                                                             "end_time": NOW})])]
    assert a[0] == "error"
    T.token("akamai-end-equals-start", "an end time equal to the start is refused (as the PyPI package does; "
            "npm emits a token that is never valid)", src_vendor("akamai-edgeauth 0.3.2 (PyPI)"), AK_KEY,
            acl="/*", start=NOW, expires=NOW, error="invalid_param")
    T.token("akamai-odd-hex-key", "an odd-length hex key is refused (npm silently drops the last nibble)",
            src_vendor("akamai-edgeauth 0.3.2 (PyPI), which raises"), "abc", acl="/*", expires=NOW + 60,
            error="invalid_key")
    T.token("akamai-non-hex-key", "a key that is not hex", SRC_REF, "zz", acl="/*", expires=NOW + 60,
            error="invalid_key")
    T.token("akamai-no-expiry", "an end time (or a window) is required", SRC_REF, AK_KEY, acl="/*",
            error="invalid_param")
    T.token("akamai-acl-and-url", "an ACL and a URL at once", SRC_REF, AK_KEY, acl="/*", url="/a",
            expires=NOW + 60, error="invalid_param")
    T.token("akamai-neither-acl-nor-url", "neither an ACL nor a URL", SRC_REF, AK_KEY, expires=NOW + 60,
            error="invalid_param")
    T.token("akamai-unknown-algorithm", "an algorithm EdgeAuth does not have", SRC_REF, AK_KEY,
            options={"algorithm": "sha512"}, acl="/*", expires=NOW + 60, error="invalid_param")

    # 3. Tokens in URLs (sign as given): a URL token covers the path, an ACL token its ACL.
    fu = src_formula("akamai_token", "agrees with both akamai-edgeauth packages on these inputs")
    base = "https://media.example.com/images/a.jpg"
    T.sign("akamai-sign-url-token", "a URL token for the URL's path, as ?__token__=", fu, p, AK_KEY, base,
           expires=NOW + 3600)
    T.sign("akamai-sign-acl-token", "an ACL token in the URL", fu, p, AK_KEY, base + "?w=1", expires=NOW + 3600,
           options={"acl": "/images/*"})
    T.sign("akamai-sign-replaces-old-token", "an old __token__ is removed", fu, p, AK_KEY,
           base + "?__token__=exp=1~hmac=00&w=1", expires=NOW + 3600)
    T.sign("akamai-sign-start-ip-name", "start time, client IP and another parameter name", fu, p, AK_KEY, base,
           expires=NOW + 3600, ip="1.2.3.4", options={"start": NOW, "token_name": "hdnts", "acl": "/images/*"})
    T.sign("akamai-sign-no-expiry", "an expiry is required", SRC_REF, p, AK_KEY, base, error="invalid_param")
    T.sign("akamai-sign-acl-written-as-sent", "in a URL the token is a query value: an ACL's ' and space are "
           "written (and hashed) %27 and %20, as clients send them", SRC_REF, p, AK_KEY, base, expires=NOW + 60,
           options={"acl": "/it's a/*"})

    # 4. Verification.
    acl_tok = R.akamai_token(AK_KEY, {}, acl="/images/*!/thumbs/*", start=NOW, expires=NOW + 3600)
    url_tok = R.akamai_token(AK_KEY, {}, url="/images/a.jpg", expires=NOW + 3600)
    ip_tok = R.akamai_token(AK_KEY, {}, acl="/*", expires=NOW + 3600, ip="1.2.3.4")
    sha1_tok = R.akamai_token(AK_KEY, {"algorithm": "sha1"}, acl="/*", expires=NOW + 3600)
    vt = T.verify_token
    vt("akamai-verify-acl-ok", "an ACL token on a path the ACL covers", SRC_REF, AK_KEY, acl_tok, "/images/a/b.jpg")
    vt("akamai-verify-acl-second", "the second ACL of a list", SRC_REF, AK_KEY, acl_tok, "/thumbs/x.jpg")
    vt("akamai-verify-acl-mismatch", "a path no ACL covers (/images2/ is not /images/)", SRC_REF, AK_KEY,
       acl_tok, "/images2/a.jpg", error="acl_mismatch")
    vt("akamai-verify-not-yet-valid", "before its start time", SRC_REF, AK_KEY, acl_tok, "/images/a.jpg",
       now=NOW - 1, error="not_yet_valid")
    vt("akamai-verify-valid-at-expiry", "at its end time", SRC_REF, AK_KEY, acl_tok, "/images/a.jpg", now=NOW + 3600)
    vt("akamai-verify-valid-at-start", "at its start time", SRC_REF, AK_KEY, acl_tok, "/images/a.jpg", now=NOW)
    vt("akamai-verify-expired-after-expiry", "one second after its end time", SRC_REF, AK_KEY, acl_tok,
       "/images/a.jpg", now=NOW + 3601,
       error="expired")
    vt("akamai-verify-url-ok", "a URL token on its own path", SRC_REF, AK_KEY, url_tok, "/images/a.jpg")
    vt("akamai-verify-url-other-path", "a URL token on another path", SRC_REF, AK_KEY, url_tok, "/images/b.jpg",
       error="signature_mismatch")
    vt("akamai-verify-ip-ok", "an IP-bound token from its client", SRC_REF, AK_KEY, ip_tok, "/a", ip="1.2.3.4")
    vt("akamai-verify-ip-mismatch", "an IP-bound token from another client", SRC_REF, AK_KEY, ip_tok, "/a",
       ip="5.6.7.8", error="ip_mismatch")
    vt("akamai-verify-ip-not-given", "an IP-bound token and no client address", SRC_REF, AK_KEY, ip_tok, "/a",
       error="ip_mismatch")
    vt("akamai-verify-ip-edited", "the ip field edited to the client's", SRC_REF, AK_KEY,
       ip_tok.replace("ip=1.2.3.4", "ip=5.6.7.8"), "/a", ip="5.6.7.8", error="signature_mismatch")
    f = acl_tok.split("~")
    vt("akamai-verify-fields-reordered", "two fields swapped", SRC_REF, AK_KEY, "~".join([f[1], f[0]] + f[2:]),
       "/images/a.jpg", error="signature_mismatch")
    h = acl_tok.rsplit("=", 1)[1]
    vt("akamai-verify-uppercase-hmac", "the hmac in upper case", SRC_REF, AK_KEY, acl_tok.replace(h, h.upper()),
       "/images/a.jpg", error="signature_mismatch")
    vt("akamai-verify-sha1-where-sha256", "a SHA-1 token where SHA-256 is configured", SRC_REF, AK_KEY, sha1_tok,
       "/a", error="signature_mismatch")
    vt("akamai-verify-sha1", "a SHA-1 token with algorithm sha1", SRC_REF, AK_KEY, sha1_tok, "/a",
       options={"algorithm": "sha1"})
    vt("akamai-verify-missing-hmac", "no hmac field", SRC_REF, AK_KEY, acl_tok.rsplit("~", 1)[0], "/images/a.jpg",
       error="missing_signature")
    vt("akamai-verify-unknown-field", "a field EdgeAuth does not define", SRC_REF, AK_KEY, "x=1~" + acl_tok,
       "/images/a.jpg", error="malformed_url")
    vt("akamai-verify-no-exp", "no exp field", SRC_REF, AK_KEY, "acl=/*~hmac=" + h, "/a", error="malformed_url")
    vt("akamai-verify-empty", "an empty token", SRC_REF, AK_KEY, "", "/a", error="missing_signature")
    vt("akamai-verify-transition-key", "signed with the transition (previous) key", SRC_REF, "ffeeddccbbaa",
       acl_tok, "/images/a.jpg", previous_keys=[AK_KEY])
    vt("akamai-verify-tilde-in-data", "an unescaped ~ inside data splits into a field that does not exist",
       SRC_REF, AK_KEY, R.akamai_token(AK_KEY, {}, acl="/*", expires=NOW + 60, payload="a~b=c"), "/a",
       error="malformed_url")
    salted = R.akamai_token(AK_KEY, {"salt": "pepper"}, acl="/*", expires=NOW + 60)
    vt("akamai-verify-salt", "a salted token, the salt given", SRC_REF, AK_KEY, salted, "/a", options={"salt": "pepper"})
    vt("akamai-verify-salt-wrong", "a salted token, another salt", SRC_REF, AK_KEY, salted, "/a",
       options={"salt": "paprika"}, error="signature_mismatch")
    vt("akamai-verify-salt-missing", "a salted token, no salt given", SRC_REF, AK_KEY, salted, "/a",
       error="signature_mismatch")
    T.sign("akamai-sign-salt-newline", "the salt is a secret: a trailing newline is refused", SRC_REF, p,
           AK_KEY, base, expires=NOW + 60, options={"salt": "pepper\n"}, error="invalid_key")
    T.sign("bunny-sign-salt-refused", "Bunny takes no salt", SRC_REF, "bunny", "k", "https://z.b-cdn.net/a.jpg",
           expires=NOW + 60, options={"salt": "pepper"}, error="invalid_key")
    for vid in ("akamai-sign-url-token", "akamai-sign-acl-token", "akamai-sign-start-ip-name"):
        sv = T.G.get(vid)
        T.verify(vid.replace("-sign-", "-verify-"), "the signed URL verifies", SRC_REF, p, AK_KEY, sv["expected"],
                 options={k: v for k, v in sv["input"]["options"].items() if k == "token_name"},
                 ip=sv["input"]["values"].get("ip"))


# ====================================================================== Uploadcare

UC_SECRET = "73636b61519adede42191efe1e73f02a67c7b692e3765f90c250c230be095211"


def gen_uploadcare(T):
    p = "uploadcare"
    for pid in ("uploadcare-acl", "uploadcare-acl-transformations", "uploadcare-acl-wildcard", "uploadcare-url"):
        i = PUBLISHED[pid]["input"]
        url = PUBLISHED[pid]["expected"]["url"].split("?")[0]
        T.sign(f"{pid}-sign", "Uploadcare's published signed URL (pyuploadcare tests), signed as given",
               src_published(pid), p, i["secret_hex"], url, expires=i["now"] + i["window"],
               options={"mode": i["mode"], **({"wildcard": True} if i["wildcard"] else {})},
               vendor=PUBLISHED[pid]["expected"]["url"])
        T.verify(f"{pid}-verify", "the published URL verifies", src_published(pid), p, i["secret_hex"],
                 PUBLISHED[pid]["expected"]["url"], now=i["now"], options={"mode": i["mode"]})
    cdn = "sectest.ucarecdn.com"
    samples = [
        ("acl-bare-uuid", "1bd27101-6f40-460a-9358-d44c282e9d16", "acl", False),
        ("acl-group-wildcard", "3b278cee-47bd-4276-8d7d-9cde5902b18c~1/nth/0/", "acl", True),
        ("url-crop", "https://sectest.ucarecdn.com/1bd27101-6f40-460a-9358-d44c282e9d16/-/crop/10x10/20,20/",
         "url", False),
        ("url-group-space", "3b278cee-47bd-4276-8d7d-9cde5902b18c~1/nth/0/-/text/a b/", "url", False),
    ]
    out = run_oracle("py", [("pyuploadcare.build", {"secret_hex": UC_SECRET, "cdn": cdn, "handle": h, "mode": m,
                                                    "wildcard": w, "now": NOW, "window": 3600})
                            for _n, h, m, w in samples])
    for (name, _h, mode, wild), r in zip(samples, out):
        got = vendor_ok(r, name)["url"]
        sent = got.replace(" ", "%20")  # pyuploadcare writes the space raw; clients send %20
        T.sign(f"uploadcare-{name}", f"pyuploadcare's URL ({name}), signed as given",
               src_vendor("pyuploadcare 6.3.0") + (" (its raw space written %20, as clients send it: "
                                                  "the token is the same)" if sent != got else ""),
               p, UC_SECRET, sent.split("?")[0], expires=NOW + 3600,
               options={"mode": mode, **({"wildcard": True} if wild else {})}, vendor=sent)
    acl = R.uploadcare_sign(UC_SECRET, "https://%s/1bd27101-6f40-460a-9358-d44c282e9d16/" % cdn, NOW + 60)
    wild = T.expected("uploadcare-acl-group-wildcard")
    urlt = T.expected("uploadcare-url-crop")
    other = "2cd27101-6f40-460a-9358-d44c282e9d16"
    for name, url, kw, code in [
        ("valid-at-expiry", acl, dict(now=NOW + 60), None),
        ("expired-after-expiry", acl, dict(now=NOW + 61), "expired"),
        ("other-uuid", acl.replace("/1bd27101-6f40-460a-9358-d44c282e9d16/?", "/%s/?" % other), {}, "acl_mismatch"),
        ("wildcard-covers-transformations", wild.replace("/nth/0/?", "/nth/0/-/resize/10x/?"), {}, None),
        ("wildcard-other-group", wild.replace("3b278cee-47bd", "4b278cee-47bd", 1), {}, "acl_mismatch"),
        ("url-token-transformed", urlt.replace("/-/crop/", "/-/resize/"), dict(options={"mode": "url"}),
         "signature_mismatch"),
        ("missing-token", acl.split("?")[0], {}, "missing_signature"),
        ("tampered-hmac", acl[:-1] + ("0" if acl[-1] != "0" else "1"), {}, "signature_mismatch"),
    ]:
        T.verify(f"uploadcare-verify-{name}", name.replace("-", " "), SRC_REF, p, UC_SECRET, url, error=code, **kw)
    T.sign("uploadcare-sign-no-expiry", "an expiry is required", SRC_REF, p, UC_SECRET,
           "https://%s/%s/" % (cdn, other), error="invalid_param")
    T.sign("uploadcare-sign-quote-in-path", "a ' in the path is written %27 in the ACL (the token is a query "
           "value, and clients send ' there as %27)", SRC_REF, p, UC_SECRET, "https://%s/%s/it's/" % (cdn, other),
           expires=NOW + 60)
    T.sign("uploadcare-sign-adds-trailing-slash", "the path gets its one trailing '/', as pyuploadcare writes it",
           SRC_REF, p, UC_SECRET, "https://%s/%s" % (cdn, other), expires=NOW + 60)
    T.sign("uploadcare-sign-query-refused", "Uploadcare URLs carry operations in the path: a query is refused",
           SRC_REF, p, UC_SECRET, "https://%s/%s/?x=1" % (cdn, other), expires=NOW + 60, error="invalid_url")
    T.sign("uploadcare-sign-key-not-hex", "the secret is hex", SRC_REF, p, "not-hex",
           "https://%s/%s/" % (cdn, other), expires=NOW + 60, error="invalid_key")


# ====================================================================== Glide

def gen_glide(T):
    p = "glide"
    T.sign("glide-signature-test-sign", "Glide's own SignatureTest vector", src_published("glide-signature-test"), p,
           "example", "https://example.com/image.jpg?w=100",
           vendor="https://example.com/image.jpg?w=100&s=9978a40f1fc75fa64ac92ea9baf16ff3")
    T.sign("glide-existing-s-sign", "an existing s is replaced (Glide's testAddSignatureWithExistingSignature)",
           src_published("glide-signature-existing-s"), p, "example", "https://example.com/image.jpg?w=100&s=existing",
           vendor="https://example.com/image.jpg?w=100&s=9978a40f1fc75fa64ac92ea9baf16ff3")
    T.sign("glide-url-builder-sign", "Glide's UrlBuilderTest vector", src_published("glide-url-builder"), p,
           "example-sign-key", "http://example.com/image.jpg?w=100",
           vendor="http://example.com/image.jpg?w=100&s=e1b69d4b79ecf33283128819fd008906")
    T.verify("glide-signature-test-verify", "Glide's vector verifies", src_published("glide-signature-test"), p,
             "example", "https://example.com/image.jpg?w=100&s=9978a40f1fc75fa64ac92ea9baf16ff3")
    T.verify("glide-existing-s-invalid", "Glide's test: s=invalid is rejected", src_published("glide-signature-existing-s"),
             p, "example", "https://example.com/image.jpg?w=100&s=invalid", error="signature_mismatch")
    fu = src_formula("glide_signature", "checked against PHP 8.2's own ksort and http_build_query by "
                     "oracles/run_all.py")
    k = "glide-key"
    for name, url in [
        ("unsorted", "https://img.example.com/img/kayaks.jpg?w=300&h=200&fit=crop&blur=5"),
        ("space-plus-tilde-unicode", "https://img.example.com/cats/a%20b.jpg?mark=logos/a%20b%2Bc~%C3%A9.png&w=1"),
        ("no-params", "https://img.example.com/image.jpg"),
        ("numeric-and-mixed-keys", "https://img.example.com/i.jpg?10=a&9=b&b=c&A=d&_=e"),
        ("plus-is-space", "https://img.example.com/i.jpg?txt=a+b"),
        ("repeated-last-wins", "https://img.example.com/i.jpg?w=1&h=2&w=3"),
        ("dot-in-key", "https://img.example.com/i.jpg?a.b=1"),
        ("empty-value-and-bare-key", "https://img.example.com/i.jpg?e=&flag"),
    ]:
        T.sign(f"glide-sign-{name}", f"Glide ({name.replace('-', ' ')}): the params PHP decodes, sorted and "
               "re-encoded as http_build_query, signed", fu, p, k, url)
    good = T.expected("glide-sign-unsorted")
    s = param_value(good, "s")
    for name, url, code in [
        ("ok", good, None),
        ("encoding-variant", good.replace("w=300", "w=%33%30%30"), None),
        ("order-variant", good.replace("w=300&h=200", "h=200&w=300"), None),
        ("missing", good.split("&s=")[0], "missing_signature"),
        ("tampered-param", good.replace("w=300", "w=301"), "signature_mismatch"),
        ("param-added", good.replace("&s=", "&q=9&s="), "signature_mismatch"),
        ("uppercase-hex", good.replace(s, s.upper()), "signature_mismatch"),
        ("s-not-last", good + "&x=1", "malformed_url"),
        ("array-key", good.replace("w=300", "w%5B%5D=300"), "malformed_url"),
    ]:
        T.verify(f"glide-verify-{name}", name.replace("-", " ") + (" (PHP decodes the query first: still valid)"
                 if code is None and name != "ok" else ""), SRC_REF, p, k, url, error=code)
    T.verify("glide-verify-previous-key", "signed with a previous key", SRC_REF, p, "new", good, previous_keys=[k])
    T.sign("glide-sign-array-key", "PHP would read a[] as an array: refused", SRC_REF, p, k,
           "https://img.example.com/i.jpg?a%5B%5D=1", error="invalid_param")
    T.sign("glide-sign-no-expiry", "Glide signatures do not expire", SRC_REF, p, k,
           "https://img.example.com/i.jpg", expires=NOW, error="invalid_param")


# ====================================================================== KeyCDN

def gen_keycdn(T):
    p = "keycdn"
    img = T.sign("keycdn-docs-image", "the documentation's string to sign (/path/to/example.jpgflip=1&width=400"
                 "mysecret): token last", src_formula("keycdn_image_token", "KeyCDN docs, Image Processing, "
                                                     "Secure Token: the docs print no token"), p, "mysecret",
                 "https://example.kxcdn.com/path/to/example.jpg?flip=1&width=400")
    assert img["expected"].endswith("&token=4oQx9QP64L6C7VOQc70hOw")
    fu = src_formula("keycdn_image_token")
    fa = src_formula("keycdn_access_token", "KeyCDN docs, Secure Token (access control)")
    k, z = "securetokenkey", "https://example.kxcdn.com"
    T.sign("keycdn-sign-no-query", "no query: ?token=", fu, p, k, z + "/a.jpg")
    T.sign("keycdn-sign-replace", "an old token is removed; the query stays as sent", fu, p, k,
           z + "/a.jpg?width=400&token=old&flip=1")
    T.sign("keycdn-sign-encoded", "percent-encoding and + signed as sent", fu, p, k,
           z + "/caf%C3%A9.jpg?text=a+b%20c&w=1&w=2")
    T.sign("keycdn-access", "an access-control token: ?token=&expire=", fa, p, k, z + "/path/to/file1.jpg",
           expires=NOW + 3600, options={"mode": "access"})
    T.sign("keycdn-access-with-query", "access control: other params stay before the token and are not signed",
           fa, p, k, z + "/a.jpg?v=2&expire=1", expires=NOW + 3600, options={"mode": "access"})
    T.sign("keycdn-image-with-expiry", "image-processing tokens do not expire", SRC_REF, p, k, z + "/a.jpg",
           expires=NOW, error="invalid_param")
    T.sign("keycdn-access-no-expiry", "access-control tokens need an expiry", SRC_REF, p, k, z + "/a.jpg",
           options={"mode": "access"}, error="invalid_param")
    T.sign("keycdn-unknown-mode", "mode is image or access", SRC_REF, p, k, z + "/a.jpg",
           options={"mode": "video"}, error="invalid_param")
    good = img["expected"]
    acc = T.expected("keycdn-access")
    for name, url, kw, code in [
        ("image-ok", good, dict(key="mysecret"), None),
        ("image-reordered", good.replace("flip=1&width=400", "width=400&flip=1"), dict(key="mysecret"),
         "signature_mismatch"),
        ("image-token-not-last", good + "&x=1", dict(key="mysecret"), "malformed_url"),
        ("image-missing", good.split("&token=")[0], dict(key="mysecret"), "missing_signature"),
        ("access-ok", acc, dict(options={"mode": "access"}), None),
        ("access-valid-at-expiry", acc, dict(options={"mode": "access"}, now=NOW + 3600), None),
        ("access-expired-after-expiry", acc, dict(options={"mode": "access"}, now=NOW + 3601), "expired"),
        ("access-expire-edited", acc.replace(f"expire={NOW + 3600}", f"expire={NOW + 7200}"),
         dict(options={"mode": "access"}), "signature_mismatch"),
        ("access-missing-expire", acc.split("&expire=")[0], dict(options={"mode": "access"}), "malformed_url"),
        ("access-missing-token", z + f"/path/to/file1.jpg?expire={NOW + 3600}", dict(options={"mode": "access"}),
         "missing_signature"),
        ("access-previous-key", acc, dict(options={"mode": "access"}, key="new", previous_keys=[k]), None),
    ]:
        key = kw.pop("key", k)
        T.verify(f"keycdn-verify-{name}", name.replace("-", " "), SRC_REF, p, key, url, error=code, **kw)


# ====================================================================== building

RESERVED = {"imagekit": ("ik-s", "ik-t"), "glide": ("s",), "keycdn": ("token",), "cloudflare-images": ("sig", "exp"),
            "bunny": ("token", "expires"), "akamai": ("__token__",), "uploadcare": ("token",)}


def ref_build(provider, domain, key, options, path, params, widths=None):
    """The canonical profile's unsigned URL (reference.py), signed as given by the scheme."""
    import reference as ref
    pairs = [(k, v) for k, v in params if not (key is not None and k in RESERVED[provider])]
    if widths is None:
        url = ref.build_url(domain, "imgix", None, "canonical", True, False, False, path, pairs)
        return url if key is None else ref_sign(provider, key, None, url, None, options, {})
    entries = []
    for w in widths:
        with_w = [(k, v) for k, v in pairs if k != "w"] + [("w", w)]
        entries.append(ref_build(provider, domain, key, options, path, with_w) + f" {w}w")
    return ",\n".join(entries)


def gen_build(T):
    """Builders: domain + path + params in the canonical profile's encoding, signed as the
    scheme signs a URL given as is (docs/behaviour.md, "Token providers")."""
    import gen_schemes
    G = T.G
    cases = [
        ("imagekit", "ik.imagekit.io", IK_KEY, {"endpoint": IK_EP}, "/demo/img/a b.jpg",
         [("tr", "w-300,h-200"), ("v", 2), ("ik-s", "old")], None),
        ("imagekit", "ik.imagekit.io", None, {"endpoint": IK_EP}, "/demo/img/a.jpg", [("tr", "w-300")], None),
        ("glide", "img.example.com", "glide-key", {}, "/img/kayaks.jpg", [("w", 300), ("fit", "crop"), ("s", "x")],
         None),
        ("keycdn", "example.kxcdn.com", "securetokenkey", {}, "/a.jpg", [("width", 400), ("flip", 1)], None),
        ("cloudflare-images", "imagedelivery.net", CF_KEY, {}, "/hash/id/public", [("w", 1)], "invalid_param"),
        ("bunny", "z.b-cdn.net", "k", {}, "/a.jpg", [], "invalid_param"),
        ("akamai", "media.example.com", AK_KEY, {}, "/a.jpg", [], "invalid_param"),
        ("uploadcare", "cdn.example.com", UC_SECRET, {}, "/uuid/", [], "invalid_param"),
        ("keycdn", "example.kxcdn.com", "k", {"mode": "access"}, "/a.jpg", [], "invalid_param"),
        ("imagekit", "ik.imagekit.io", IK_KEY, {}, "/demo/a.jpg", [], "invalid_param"),
        ("imagekit", "other.example.com", IK_KEY, {"endpoint": IK_EP}, "/demo/a.jpg", [], "invalid_url"),
    ]
    for n, (p, domain, key, options, path, params, error) in enumerate(cases):
        inp = gen_schemes.builder_input(p, domain, key, path, params, options=options)
        res = T._ref(ref_build, p, domain, key, options, path, params)
        why = ("no endpoint option" if p == "imagekit" and not options else
               "a URL outside the endpoint" if p == "imagekit" else
               "its URLs always expire and a builder gives no expiry: build unsigned, then sign_url")
        desc = f"{p}: built in the canonical encoding, then signed as given" if error is None else \
            f"{p}: refused ({why})"
        T._add(f"{p}-build-{n}", "build_url", desc, SRC_REF, inp, res, error, None)
    # The legacy npm SDK (imagekit 6) writes a query transformation as URLSearchParams does:
    # the canonical encoding's bytes exactly.
    (legacy,) = run_oracle("node", [("imagekit-legacy.url", {
        "private_key": IK_KEY, "url_endpoint": IK_EP, "path": "img/a.jpg", "signed": True,
        "transformation": [{"width": 300, "height": 200}], "transformationPosition": "query", "now": NOW})])
    inp = gen_schemes.builder_input("imagekit", "ik.imagekit.io", IK_KEY, "/demo/img/a.jpg", [("tr", "w-300,h-200")],
                                    options={"endpoint": IK_EP})
    T._add("imagekit-build-legacy-sdk-query", "build_url", "imagekit: the canonical build equals the legacy SDK's "
           "URL with the transformation in the query", src_vendor("imagekit 6.0.0 (npm)"), inp,
           T._ref(ref_build, "imagekit", "ik.imagekit.io", IK_KEY, {"endpoint": IK_EP}, "/demo/img/a.jpg",
                  [("tr", "w-300,h-200")]), None, vendor_ok(legacy, "imagekit 6")["url"])
    inp = gen_schemes.builder_input("glide", "img.example.com", "glide-key", "/a.jpg", [("fit", "crop")])
    inp.update(widths=[100, 200, 400], min_width=None, max_width=None, tolerance=None, device_pixel_ratios=None,
               variable_qualities=None, disable_variable_quality=None)
    T._add("glide-build-srcset", "build_srcset", "glide: a fluid srcset, every entry signed as given", SRC_REF, inp,
           T._ref(ref_build, "glide", "img.example.com", "glide-key", {}, "/a.jpg", [("fit", "crop")],
                  widths=[100, 200, 400]), None, None)


# ====================================================================== single-byte changes

def flip(url, i):
    """conformance/README.md, `verify_tampered`: `a` becomes `b`, any other byte `a`."""
    return url[:i] + ("b" if url[i] == "a" else "a") + url[i + 1:]


def gen_tampered(T):
    """(Escapes here avoid the hex digit `A`: a scheme that signs decoded params reads `%A9`
    and `%a9` alike, so that change is no change.) Every byte after the origin of a signed URL of each token scheme and variant is
    covered (only the token's own bytes where an ACL covers more than one path): each
    single-byte change fails. The reference checks every change before the vector claims it."""
    uc = "https://cdn.example.com/52da3bfc-7cd8-4861-8b05-126fef7a6994/"
    cases = [
        ("imagekit", "k", {"endpoint": IK_EP}, {}, IK_EP + "tr:w-300/a%20b.jpg?v=2&x=a+b", None, False),
        ("imagekit", "k", {"endpoint": IK_EP}, {}, IK_EP + "a.jpg", NOW + 3600, False),
        ("bunny", "k", {}, {"ip": "1.2.3.4", "countries": "CA,US"}, "https://z.b-cdn.net/v/a.mp4?q=caf%C3%B9",
         NOW + 3600, False),
        ("bunny", "k", {"form": "directory"}, {"ip": "2001:db8::1"}, "https://z.b-cdn.net/v/a.m3u8", NOW + 3600,
         False),
        ("bunny", "k", {"scheme": "basic"}, {"ip": "1.2.3.4"}, "https://z.b-cdn.net/a.jpg", NOW + 3600, False),
        ("bunny", "k", {"scheme": "legacy"}, {}, "https://z.b-cdn.net/a.jpg?w=1", NOW + 3600, False),
        ("cloudflare-images", "k", {}, {}, CF_BASE + "/public?a=b+c&t=%7Ex", NOW + 3600, False),
        ("akamai", AK_KEY, {}, {}, "https://media.example.com/images/a.jpg", NOW + 3600, False),
        ("akamai", AK_KEY, {}, {"acl": "/images/*", "ip": "1.2.3.4"}, "https://media.example.com/images/a.jpg",
         NOW + 3600, True),
        ("uploadcare", UC_SECRET, {}, {}, uc, NOW + 3600, False),
        ("uploadcare", UC_SECRET, {"mode": "url"}, {}, uc + "-/resize/10x/", NOW + 3600, False),
        ("glide", "k", {}, {}, "https://img.example.com/img/a%20b.jpg?w=300&mark=x%2By&fit=crop", None, False),
        ("keycdn", "k", {}, {}, "https://x.kxcdn.com/a.jpg?flip=1&width=400", None, False),
        ("keycdn", "k", {"mode": "access"}, {}, "https://x.kxcdn.com/path/a.jpg", NOW + 3600, False),
    ]
    for n, (p, key, options, values, url, expires, acl) in enumerate(cases):
        sign_values = {k: v for k, v in values.items()}
        signed = ref_sign(p, key, None, url, expires, options, sign_values)
        verify_values = {k: v for k, v in values.items() if k in VERIFY_VALUES.get(p, ())}
        opts = {k: v for k, v in options.items()}
        start = signed.index("?") + 1 if acl else signed.index("/", signed.index("://") + 3)
        ref_verify(p, key, None, [], signed, NOW, opts, verify_values, False)
        codes = set()
        for i in range(start, len(signed)):
            try:
                ref_verify(p, key, None, [], flip(signed, i), NOW, opts, verify_values, False)
            except RefError as e:
                assert e.code in VERIFY_FAILURES, (p, i, e.code)
                codes.add(e.code)
                continue
            raise AssertionError(f"{p}: byte {i} changed and the reference still accepts {flip(signed, i)}")
        # The codes the reference gave for these changes: an implementation fails each change
        # with one of them.
        inp = {"provider": p, "key": key, "previous_keys": [], "salt": None, "previous_salts": [],
               "options": opts, "url": signed, "now": NOW, "values": verify_values,
               "ranges": [[start, len(signed)]], "codes": sorted(codes)}
        what = "the token's bytes (its ACL covers more than this path)" if acl else "every byte after the origin"
        v = T.G.add(f"{p}-tampered-{n}", "verify_tampered", f"{p}: the signed URL verifies, and a change to any "
                    f"one of {what} fails", inp, ("expected", None))
        v["source"] = SRC_REF


# ====================================================================== entry point

def generate_tokens(G):
    check_versions()
    T = Tokens(G)
    gen_imagekit(T)
    gen_bunny(T)
    gen_cloudflare(T)
    gen_akamai(T)
    gen_uploadcare(T)
    gen_glide(T)
    gen_keycdn(T)
    gen_build(T)
    gen_tampered(T)
    return T


if __name__ == "__main__":
    # A dry run: print a summary of the token vectors without touching vectors.json.
    class _G:
        def __init__(self):
            self.vectors, self.ids = [], set()

        def add(self, vid, kind, desc, inp, result):
            assert vid not in self.ids, vid
            self.ids.add(vid)
            v = {"id": vid, "kind": kind, "description": desc, "input": inp, result[0]: result[1]}
            self.vectors.append(v)
            return v

        def get(self, vid):
            return next(v for v in self.vectors if v["id"] == vid)

    g = _G()
    generate_tokens(g)
    from collections import Counter
    by = Counter((v["input"]["provider"], v["kind"], "error" if "error" in v else "ok") for v in g.vectors)
    for k in sorted(by):
        print(*k, by[k])
    print(len(g.vectors), "vectors")
    if "--dump" in sys.argv:
        json.dump(g.vectors, sys.stdout, indent=1, ensure_ascii=False)
