"""Vectors of the providers that sign inside the path: imgproxy, thumbor, imagor, Cloudinary.

Called by gen_schemes.generate. Expected values come from the vendors' own packages run for
real (@imgproxy/imgproxy-node and cloudinary on npm; libthumbor and cloudinary on PyPI;
imagor's own Go package imagorpath), from the vendors' published vectors
(oracles/published.json, each with its repository, path and commit), and from
oracles/formulas.py, an independent implementation of the documented formulas, where no
package gives the value; every vector's description says which. A URL a vendor emits in a
form clients do not send (a raw space, a raw `ñ`) is first put in the form a WHATWG parser
sends (Node's `URL`), and the expected signature is then the formula's over those bytes.
"""

import json
import pathlib

import formulas
from gen_schemes import NOW, VERIFY_FAILURES, builder_input, sign_input, token_input, verify_input, whatwg

PUBLISHED = json.loads((pathlib.Path(formulas.__file__).parent / "published.json").read_text(encoding="utf-8"))[
    "vectors"]


def published(scheme):
    return [v for v in PUBLISHED if v["scheme"] == scheme and v.get("reproducible", True)]


def source_of(v):
    s = v["source"]
    if "repo" in s:
        return f"{s['repo']} {s['path']}@{s['commit'][:7]} ({s['what']})"
    return s.get("url", "the vendor's docs")


class Vectors:
    """Vector makers bound to the registry `G`."""

    def __init__(self, G):
        self.G = G

    def sign(self, vid, desc, provider, key, url, expected=None, error=None, **kw):
        self.G.add(vid, "sign_url", desc, sign_input(provider, key, url, **kw),
                   ("error", error) if error else ("expected", expected))

    def verify(self, vid, desc, provider, key, url, error=None, **kw):
        self.G.add(vid, "verify_url", desc, verify_input(provider, key, url, **kw),
                   ("error", error) if error else ("expected", None))

    def build(self, vid, desc, provider, domain, key, path, params, expected=None, error=None, **kw):
        self.G.add(vid, "build_url", desc, builder_input(provider, domain, key, path, params, **kw),
                   ("error", error) if error else ("expected", expected))

    def srcset(self, vid, desc, provider, domain, key, path, params, srcset, expected, **kw):
        inp = builder_input(provider, domain, key, path, params, **kw)
        inp.update(dict(widths=None, min_width=None, max_width=None, tolerance=None, device_pixel_ratios=None,
                        variable_qualities=None, disable_variable_quality=None))
        inp.update(srcset)
        self.G.add(vid, "build_srcset", desc, inp, ("expected", expected))

    def pair(self, vid, source, provider, key, unsigned, signed, how="signed from the unsigned one", **kw):
        """A sign_url vector (`unsigned` signs to `signed`) and a verify_url one (`signed`
        verifies), both from `source`."""
        self.sign(f"{vid}-sign", f"{source}: {how}", provider, key, unsigned, signed, **kw)
        self.verify(f"{vid}-verify", f"{source}: verifies", provider, key, signed, **kw)

    def tampered(self, vid, desc, provider, key, url, ranges, **kw):
        """The URL verifies, and each byte of `ranges` changed (to `a`, or `b` where it is an
        `a`) makes it fail with one of `codes` (a verification failure, never an argument
        error): every byte the signature covers, and the signature's own."""
        assert url.isascii(), url
        inp = verify_input(provider, key, url, **kw)
        inp["ranges"] = [list(r) for r in ranges]
        inp["codes"] = list(VERIFY_FAILURES)
        self.G.add(vid, "verify_tampered", desc, inp, ("expected", None))


def sent_form(text):
    """docs/schemes.md, a path grammar's `Sent` form: bytes a browser would percent-encode
    (controls, space, `"`, `<`, `>`, `` ` ``, `{`, `}`, non-ASCII), `\\`, and `?`, `#` written
    `%XX`; `%` kept."""
    keep = {b for b in range(0x21, 0x7f)} - set(b'"#<>?`{}\\')
    return "".join(chr(b) if b in keep else "%%%02X" % b for b in text.encode("utf-8"))


def path_start(url):
    """Offset of the path in an absolute URL."""
    return url.index("/", url.index("://") + 3)


def path_end(url):
    q = [i for i in (url.find("?"), url.find("#")) if i >= 0]
    return min(q) if q else len(url)


# ================================================================================= imgproxy

IMGPROXY = "https://imgproxy.example.com"
K1 = "943b421c9eb07c830af81030552c86009268de4e532ba2ee2eab8247c6da0881"
S1 = "520f986b998545b4785e0defbc4f3c1203f22de2374a3d53cb7a7fe9fea309c5"
K2, S2 = "746573742d6b6579", "746573742d73616c74"  # imgproxy's own tests: "test-key", "test-salt"


def imgproxy_sig(key, salt, path, size=None):
    i = {"key_hex": key, "salt_hex": salt, "path": path}
    if size:
        i["signature_size"] = size
    return formulas.imgproxy_signature(i)


def imgproxy_path(signed_url, prefix=""):
    """The path after the signature's segment, `/` included, without the query."""
    p = signed_url[path_start(signed_url) + len(prefix):path_end(signed_url)]
    return p[p.index("/", 1):]


def gen_imgproxy(V, O):
    P = "imgproxy"
    # Published vectors: the signature of a path, as the vendors' docs and tests give it.
    for v in published(P):
        i = v["input"]
        if v["op"] == "imgproxy.build":
            continue
        size = i.get("signature_size")
        sig = imgproxy_sig(i["key_hex"], i["salt_hex"], i["path"], size)
        assert sig == v["expected"], v["id"]
        opts = {"signature_size": size} if size else {}
        signed = IMGPROXY + "/" + sig + i["path"]
        if not v["id"].endswith("-rejects"):
            V.pair(v["id"], f"imgproxy published: {source_of(v)}", P, i["key_hex"], IMGPROXY + "/insecure" + i["path"],
                   signed, f"`insecure` is replaced by {sig}", salt=i["salt_hex"], options=opts)
        for n, neg in enumerate(v.get("negative", [])):
            V.verify(f"{v['id']}-negative-{n}", f"imgproxy published: {source_of(v)}: {neg} is rejected at the "
                     "default size", P, i["key_hex"], IMGPROXY + "/" + neg + i["path"], salt=i["salt_hex"],
                     error="signature_mismatch")
    pub_build = next(v for v in published(P) if v["op"] == "imgproxy.build")
    params = [o.split(":", 1) for o in pub_build["input"]["options"]]
    V.build("imgproxy-build-unsigned-published", f"imgproxy published: {source_of(pub_build)}: an unsigned "
            "builder writes `insecure`", P, "imgproxy.example.com", None, pub_build["input"]["source_url"], params,
            pub_build["expected"]["url"])

    # The vendor's SDK, run for real: each URL it signs is what imgsign signs from `insecure`.
    cases = [
        ("options-base64", "generateImageUrl", {"url": "https://example.com/image.jpg",
         "options": {"resizing_type": "fit", "width": 300, "height": 300, "gravity": {"type": "no"},
                     "enlarge": 1, "format": "png"}}),
        ("no-options", "generateImageUrl", {"url": "https://example.com/image.jpg"}),
        ("fill-gravity", "generateImageUrl", {"url": "https://example.com/images/curiosity.jpg",
         "options": {"resizing_type": "fill", "width": 300, "height": 400, "gravity": {"type": "sm"}}}),
        ("plain-simple", "generateImageUrl", {"url": {"value": "https://example.com/image.jpg", "displayAs": "plain"},
         "options": {"width": 300, "format": "webp"}}),
        ("base64-unicode-space-query", "generateImageUrl", {"url": "https://example.com/фото 1.jpg?size=big&x=a+b",
         "options": {"width": 100}}),
        ("s3-source", "generateImageUrl", {"url": "s3://bucket/some/key.png", "options": {"quality": 80}}),
        ("plain-reserved", "generateImageUrl", {"url": {"value": "https://example.com/a b/100%.jpg?v=1@2",
         "displayAs": "plain"}, "options": {"width": 100}}),
        ("info", "generateImageInfoUrl", {"url": "https://example.com/image.jpg", "options": {}}),
    ]
    for name, method, extra in cases:
        key = O.add("node", f"imgproxy-node.{method}", dict(extra, endpoint=IMGPROXY, key=K1, salt=S1))
        O.later(lambda name=name, method=method, key=key, extra=extra: _imgproxy_vendor(V, O, name, method, key, extra))
    _imgproxy_formula_vectors(V)


def _imgproxy_vendor(V, O, name, method, key, extra):
    P = "imgproxy"
    url, sig = O.ok(key)["url"], O.ok(key)["signature"]
    prefix = "/info" if method == "generateImageInfoUrl" else ""
    opts = {"path_prefix": prefix} if prefix else {}
    unsigned = url.replace("/" + sig + "/", "/insecure/", 1)
    src = "@imgproxy/imgproxy-node 1.1.0 " + method
    raw = url[path_start(url) + len(prefix):]
    # The SDK's own signature is the formula's over the bytes it wrote.
    assert imgproxy_sig(K1, S1, raw[raw.index("/", 1):]) == sig, name
    sent_key = whatwg(O, url)

    def signed_as_sent():
        sent = O.ok(sent_key)
        if sent["href"] == url:
            V.pair(f"imgproxy-node-{name}", src, P, K1, unsigned, url, "its URL, signed from `insecure`", salt=S1,
                   options=opts)
            return
        # Not the form clients send: imgsign signs what they send (formula), not the SDK's bytes.
        rest = imgproxy_path(sent["href"], prefix)
        fixed = sent["origin"] + prefix + "/" + imgproxy_sig(K1, S1, rest) + rest + sent["search"]
        V.sign(f"imgproxy-node-{name}-sign-as-sent", f"{src} pastes the source raw ({url!r}); clients send it "
               "WHATWG-encoded (Node's URL) and imgproxy cuts it at `?`: the sent path is signed (formulas.imgproxy)",
               P, K1, unsigned, fixed, salt=S1, options=opts)
    O.later(signed_as_sent)
    # The builder, from the same options in the order the SDK wrote them.
    segs = imgproxy_path(url, prefix).split("/")[1:]
    src_url = extra["url"] if isinstance(extra["url"], str) else extra["url"]["value"]
    plain = isinstance(extra["url"], dict) and extra["url"]["displayAs"] == "plain"
    n_opts = next(i for i, s in enumerate(segs) if ":" not in s)
    built = formulas.imgproxy_build({"endpoint": IMGPROXY + prefix, "options": segs[:n_opts], "source_url": src_url,
                                     "encoding": "plain" if plain else "base64", "key_hex": K1,
                                     "salt_hex": S1})["url"]
    desc = (f"{src}, the same options in its order" if built == url else
            f"formulas.imgproxy_build: the documented escaping of a plain source ({src} pastes it raw: {url!r})")
    V.build(f"imgproxy-build-{name}", desc, P, "imgproxy.example.com", K1, src_url,
            [s.split(":", 1) for s in segs[:n_opts]], built, salt=S1,
            options=dict(opts, **({"source_encoding": "plain"} if plain else {})))


def _imgproxy_formula_vectors(V):
    P = "imgproxy"
    path = "/rs:fill:300:400:0/g:sm/plain/https://example.com/image.jpg"
    sig1 = imgproxy_sig(K1, S1, path)
    signed = IMGPROXY + "/" + sig1 + path
    V.verify("imgproxy-verify-wrong-salt", "imgproxy: the right key with another salt (formulas.imgproxy)", P, K1,
             signed, salt=S2, error="signature_mismatch")
    V.verify("imgproxy-verify-rotation", "imgproxy: signed with a previous key and salt pair (formulas.imgproxy; "
             "imgproxy tries each IMGPROXY_KEY/IMGPROXY_SALT pair)", P, K2, signed, salt=S2, previous_keys=[K1],
             previous_salts=[S1])
    V.verify("imgproxy-verify-rotation-wrong-pair", "imgproxy: a previous key with another pair's salt is not "
             "accepted (formulas.imgproxy)", P, K2, signed, salt=S1, previous_keys=[K1], previous_salts=[S2],
             error="signature_mismatch")
    V.verify("imgproxy-verify-marker-left", "imgproxy: `insecure` left in place with keys set: missing_signature",
             P, K1, IMGPROXY + "/insecure" + path, salt=S1, error="missing_signature")
    V.verify("imgproxy-verify-tampered-option", "imgproxy: an option changed after signing (formulas.imgproxy)",
             P, K1, signed.replace("300:400", "300:401"), salt=S1, error="signature_mismatch")
    V.verify("imgproxy-verify-padded", "imgproxy: a padded signature is rejected (the server's decoder refuses "
             "it too)", P, K1, signed.replace(sig1, sig1 + "="), salt=S1, error="signature_mismatch")
    last = sig1[-1]
    other = {"A": "B"}.get(last, "A")
    V.verify("imgproxy-verify-non-canonical", "imgproxy: another last character (the server's lenient base64 "
             "decoder may accept it; imgsign compares the exact string)", P, K1, signed[:-len(path) - 1] + other +
             path, salt=S1, error="signature_mismatch")
    size8 = imgproxy_sig(K1, S1, path, 8)
    V.verify("imgproxy-verify-truncated-at-32", "imgproxy: an 8-byte signature where 32 are expected", P, K1,
             IMGPROXY + "/" + size8 + path, salt=S1, error="signature_mismatch")
    V.verify("imgproxy-verify-full-at-8", "imgproxy: a 32-byte signature where 8 are expected", P, K1, signed,
             salt=S1, options={"signature_size": 8}, error="signature_mismatch")
    V.verify("imgproxy-verify-truncated-8", "imgproxy: signature_size 8 (formulas.imgproxy)", P, K1,
             IMGPROXY + "/" + size8 + path, salt=S1, options={"signature_size": 8})
    V.verify("imgproxy-verify-query-not-signed", "imgproxy: the query is not signed (the server cuts it): a URL "
             "with a query added verifies", P, K1, signed + "?cache=1", salt=S1)
    V.verify("imgproxy-verify-no-signature-segment", "imgproxy: the first segment is an option: no signature "
             "segment", P, K1, IMGPROXY + path, salt=S1, error="malformed_url")
    V.sign("imgproxy-sign-no-signature-segment", "imgproxy: a URL whose first segment is an option has no "
           "signature segment to replace (invalid_url)", P, K1, IMGPROXY + path, salt=S1, error="invalid_url")
    V.sign("imgproxy-sign-replaces-old-signature", "imgproxy: an old signature is replaced (formulas.imgproxy)",
           P, K1, IMGPROXY + "/" + imgproxy_sig(K2, S2, path) + path, signed, salt=S1)
    V.sign("imgproxy-sign-keeps-query-and-fragment", "imgproxy: the query and fragment are kept, not signed "
           "(formulas.imgproxy)", P, K1, IMGPROXY + "/insecure" + path + "?a=1#top", signed + "?a=1#top", salt=S1)
    long_path = "/" + "/".join(f"cb:{i}" if i % 2 else f"q:{i + 1}" for i in range(40)) + "/plain/local:///a.png"
    V.sign("imgproxy-sign-40-options", "imgproxy: a chain of 40 options (formulas.imgproxy)", P, K1,
           IMGPROXY + "/insecure" + long_path, IMGPROXY + "/" + imgproxy_sig(K1, S1, long_path) + long_path, salt=S1)
    for size in (1, 8, 31):
        V.sign(f"imgproxy-sign-signature-size-{size}", f"imgproxy: signature_size {size}: the HMAC cut to {size} "
               "bytes before encoding (formulas.imgproxy)", P, K1, IMGPROXY + "/insecure" + path,
               IMGPROXY + "/" + imgproxy_sig(K1, S1, path, size) + path, salt=S1, options={"signature_size": size})
    pref = "/imgproxy"
    V.sign("imgproxy-sign-path-prefix", "imgproxy: with path_prefix (IMGPROXY_PATH_PREFIX) the prefix is not "
           "signed (formulas.imgproxy)", P, K1, IMGPROXY + pref + "/insecure" + path,
           IMGPROXY + pref + "/" + sig1 + path, salt=S1, options={"path_prefix": pref})
    V.sign("imgproxy-sign-path-prefix-missing", "imgproxy: a URL without the configured path prefix", P, K1,
           IMGPROXY + "/insecure" + path, salt=S1, options={"path_prefix": pref}, error="invalid_url")
    # Secrets and options (docs/schemes.md).
    u = IMGPROXY + "/insecure" + path
    V.sign("imgproxy-sign-no-salt", "imgproxy needs a salt (docs/schemes.md): invalid_key", P, K1, u,
           error="invalid_key")
    V.sign("imgproxy-sign-odd-hex-key", "imgproxy's key is hex: an odd number of digits is refused, never cut "
           "short (the npm Akamai package's bug)", P, "abc", u, salt=S1, error="invalid_key")
    V.sign("imgproxy-sign-text-key", "imgproxy's key is hex: text is refused", P, "secret", u, salt=S1,
           error="invalid_key")
    V.sign("imgproxy-sign-non-hex-salt", "imgproxy's salt is hex", P, K1, u, salt="hello!", error="invalid_key")
    V.sign("imgproxy-sign-uppercase-hex", "hex digits in either case (the docs' salt is 68656C6C6F)", P,
           "736563726574", IMGPROXY + "/insecure" + path, IMGPROXY + "/" + imgproxy_sig("736563726574", "68656C6C6F",
                                                                                       path) + path, salt="68656C6C6F")
    V.verify("imgproxy-verify-previous-salts-count", "one previous salt per previous key (docs/schemes.md)", P, K1,
             signed, salt=S1, previous_keys=[K2], previous_salts=[], error="invalid_key")
    for bad in (0, 33):
        V.sign(f"imgproxy-sign-signature-size-{bad}", f"signature_size {bad} is out of 1..32: invalid_param", P, K1,
               u, salt=S1, options={"signature_size": bad}, error="invalid_param")
    V.sign("imgproxy-sign-signature-size-text", "signature_size as text is the wrong type: invalid_param", P, K1,
           u, salt=S1, options={"signature_size": "8"}, error="invalid_param")
    V.sign("imgproxy-sign-signature-size-camel", "option names in camelCase are the same options "
           "(formulas.imgproxy)", P, K1, u, IMGPROXY + "/" + size8 + path, salt=S1, options={"signatureSize": 8})
    V.sign("imgproxy-sign-option-null", "an option given as null is not given (the full 32 bytes)", P, K1, u,
           signed, salt=S1, options={"signature_size": None})
    V.sign("imgproxy-sign-option-twice", "an option given twice (in two casings) is invalid_param", P, K1, u,
           salt=S1, options={"signature_size": 8, "signatureSize": 8}, error="invalid_param")
    V.sign("imgproxy-sign-unknown-option", "an option imgproxy does not have: invalid_param", P, K1, u, salt=S1,
           options={"truncate": 20}, error="invalid_param")
    V.sign("imgproxy-sign-expires-refused", "imgproxy URLs carry no expiry outside their options: expires is "
           "invalid_param", P, K1, u, salt=S1, expires=NOW, error="invalid_param")
    # Builder: the documented escaping, options in the caller's order, prefix, srcset.
    src = "https://example.com/images/curiosity.jpg"
    b_params = [("rs", "fill:300:400:0"), ("g", "sm")]

    def build(encoding, params=b_params, source=src, size=None, prefix=""):
        return formulas.imgproxy_build({"endpoint": IMGPROXY + prefix, "options": [f"{k}:{v}" for k, v in params],
                                        "source_url": source, "encoding": encoding, "key_hex": K1, "salt_hex": S1,
                                        **({"signature_size": size} if size else {})})["url"]
    V.build("imgproxy-build-caller-order", "imgproxy: options are written in the caller's order (the SDK sorts "
            "them; the signature covers the order) (formulas.imgproxy_build)", P, "imgproxy.example.com", K1, src,
            [("g", "sm"), ("rs", "fill:300:400:0")], build("base64", [("g", "sm"), ("rs", "fill:300:400:0")]),
            salt=S1)
    V.build("imgproxy-build-plain-unicode", "imgproxy: a plain source with Unicode, a space and a query, "
            "percent-encoded as the docs require (formulas.imgproxy_build)", P, "imgproxy.example.com", K1,
            "https://example.com/фото 1.jpg?size=big&x=a+b#frag", b_params,
            build("plain", source="https://example.com/фото 1.jpg?size=big&x=a+b#frag"), salt=S1,
            options={"source_encoding": "plain"})
    V.build("imgproxy-build-signature-size", "imgproxy: signature_size 8 in a builder (formulas.imgproxy_build)",
            P, "imgproxy.example.com", K1, src, b_params, build("base64", size=8), salt=S1,
            options={"signature_size": 8})
    V.build("imgproxy-build-values", "imgproxy: numbers and booleans as option values (formulas.imgproxy_build)",
            P, "imgproxy.example.com", K1, src, [("w", 300), ("ar", True), ("q", 80)],
            build("base64", [("w", 300), ("ar", "true"), ("q", 80)]), salt=S1)
    V.build("imgproxy-build-dot-segment", "imgproxy: a plain source with a `..` segment would be rewritten by "
            "browsers (docs/behaviour.md): invalid_url", P, "imgproxy.example.com", K1,
            "https://example.com/a/../b.jpg", b_params, salt=S1, options={"source_encoding": "plain"},
            error="invalid_url")
    V.build("imgproxy-build-slash-in-option", "imgproxy: an option value with `/` would split the option: "
            "invalid_param", P, "imgproxy.example.com", K1, src, [("wm", "a/b")], salt=S1, error="invalid_param")
    V.build("imgproxy-build-no-salt", "imgproxy: a signing builder needs the salt: invalid_key", P,
            "imgproxy.example.com", K1, src, b_params, error="invalid_key")
    V.build("imgproxy-build-profile-refused", "imgproxy URLs are built by its path grammar: a compatibility "
            "profile is invalid_param", P, "imgproxy.example.com", K1, src, b_params, salt=S1, profile="imgix-js",
            error="invalid_param")
    widths = [100, 200]
    entries = [build("base64", b_params + [("w", w)]) + f" {w}w" for w in widths]
    V.srcset("imgproxy-srcset-fluid", "imgproxy: a fluid srcset sets the w option of each entry "
             "(formulas.imgproxy_build)", P, "imgproxy.example.com", K1, src, b_params, {"widths": widths},
             ",\n".join(entries), salt=S1)
    ratios = {1: 75, 2: 50}
    entries = [build("base64", [("w", 300), ("dpr", r), ("q", q)]) + f" {r}x" for r, q in ratios.items()]
    V.srcset("imgproxy-srcset-fixed", "imgproxy: a fixed srcset sets the dpr and q options (formulas.imgproxy_build)",
             P, "imgproxy.example.com", K1, src, [("w", 300)], {"device_pixel_ratios": [1.0, 2.0]},
             ",\n".join(entries), salt=S1)
    for n, url in enumerate([signed, IMGPROXY + "/" + size8 + path]):
        s = path_start(url)
        V.tampered(f"imgproxy-tampered-{n}", "imgproxy: every byte of the path (signature and signed path) "
                   "changed is rejected", P, K1, url, [(s, path_end(url))], salt=S1,
                   options={"signature_size": 8} if n else {})





# ================================================================================= thumbor

THUMBOR = "https://thumbor.example.com"
TK = "my-security-key"


def thumbor_params(o):
    """libthumbor's url options as the builder's params (docs/schemes.md, thumbor)."""
    out = []
    for k in ("meta", "fit_in", "full_fit_in", "adaptive_fit_in", "adaptive_full_fit_in", "smart", "flip", "flop"):
        if o.get(k):
            out.append((k, True))
    if o.get("trim"):
        out.append(("trim", True if o["trim"] is True else ":".join(str(x) for x in o["trim"] if x != "")))
    if o.get("crop"):
        (l, t), (r, b) = o["crop"]
        out.append(("crop", f"{l}x{t}:{r}x{b}"))
    for k in ("width", "height", "halign", "valign"):
        if o.get(k):
            out.append((k, o[k]))
    if o.get("filters"):
        out.append(("filters", ":".join(o["filters"])))
    return out


def thumbor_sig(key, path, alg="sha1", truncate=0):
    return formulas.imagor_signature({"key": key, "path": path, "alg": alg, "truncate": truncate})


def gen_thumbor(V, O):
    P = "thumbor"
    for v in published(P):
        i = v["input"]
        sig = formulas.thumbor_signature(i)
        assert sig == v["expected"], v["id"]
        V.pair(v["id"], f"thumbor published: {source_of(v)}", P, i["key"], THUMBOR + "/unsafe/" + i["path"],
               THUMBOR + "/" + sig + "/" + i["path"], f"`unsafe` is replaced by {sig}")
    cases = [
        ("size", {"image_url": "my.server.com/some/path/to/image.jpg", "width": 300, "height": 200}),
        ("crop", {"image_url": "my.server.com/some/path/to/image.jpg", "width": 300, "height": 200,
                  "crop": [[10, 10], [200, 200]]}),
        ("filters", {"image_url": "my.server.com/some/path/to/image.jpg", "width": 300, "height": 200,
                     "crop": [[10, 10], [200, 200]], "filters": ["brightness(20)", "contrast(10)"]}),
        ("meta-smart", {"image_url": "my.server.com/a.jpg", "meta": True, "smart": True, "width": 100}),
        ("fit-in", {"image_url": "my.server.com/a.jpg", "fit_in": True, "width": 300, "height": 200}),
        ("full-fit-in", {"image_url": "my.server.com/a.jpg", "full_fit_in": True, "width": 300}),
        ("adaptive-fit-in", {"image_url": "my.server.com/a.jpg", "adaptive_fit_in": True, "height": 50}),
        ("align", {"image_url": "my.server.com/a.jpg", "width": 300, "height": 200, "halign": "left",
                   "valign": "bottom"}),
        ("align-defaults", {"image_url": "my.server.com/a.jpg", "width": 300, "halign": "center",
                            "valign": "middle"}),
        ("trim", {"image_url": "my.server.com/a.jpg", "trim": True, "width": 10}),
        ("trim-side-tolerance", {"image_url": "my.server.com/a.jpg", "trim": ["top-left", 10]}),
        ("flip-flop", {"image_url": "my.server.com/a.jpg", "width": 300, "height": 200, "flip": True, "flop": True}),
        ("flip-no-size", {"image_url": "my.server.com/a.jpg", "flip": True}),
        ("watermark-url-filter", {"image_url": "my.server.com/a.jpg", "width": 300,
                                  "filters": ["watermark(http://my.server.com/mark.png,10,10,50)", "quality(80)"]}),
        ("full-url-image", {"image_url": "https://example.com/img/a.jpg?v=2", "width": 300}),
        ("encoded-unicode-image", {"image_url": "example.com/caf%C3%A9/ñ 1.jpg", "width": 10, "height": 10}),
    ]
    for name, o in cases:
        key = O.add("py", "libthumbor.CryptoURL.generate", {"key": TK, "options": o})
        O.later(lambda name=name, o=o, key=key: _thumbor_vendor(V, O, name, o, key))
    # libthumbor's flip with a height only loses the flip (`0x200`): thumbor's grammar writes `-0x200`.
    path = "-0x200/my.server.com/a.jpg"
    V.build("thumbor-build-flip-height-only", "thumbor: flip with a height only is `-0x200` in thumbor's grammar "
            "(formulas.thumbor_path; libthumbor writes `0x200` and loses the flip)", P, "thumbor.example.com", TK,
            "my.server.com/a.jpg", [("flip", True), ("height", 200)], THUMBOR + "/" + thumbor_sig(TK, path) + "/" + path)
    # Verify negatives, checked by libthumbor's Signer.validate (what the thumbor server calls).
    p = "300x200/my.server.com/some/path/to/image.jpg"
    good = formulas.thumbor_signature({"key": TK, "path": p})
    negatives = [
        ("tampered-path", good, p.replace("300x200", "300x201")),
        ("padding-removed", good.rstrip("="), p),
        ("one-character-changed", ("A" if good[0] != "A" else "B") + good[1:], p),
        ("signed-with-leading-slash", formulas.b64url(__import__("hmac").new(TK.encode(), ("/" + p).encode(),
                                                                              "sha1").digest(), pad=True), p),
        ("wrong-key", formulas.thumbor_signature({"key": "another-key", "path": p}), p),
    ]
    for name, sig, path in negatives:
        key = O.add("py", "libthumbor.Signer.validate", {"key": TK, "signature": sig, "path": path})

        def neg(name=name, sig=sig, path=path, key=key):
            assert O.ok(key) is False, name
            V.verify(f"thumbor-verify-{name}", f"thumbor: {name.replace('-', ' ')}: libthumbor 2.0.2 Signer.validate "
                     "(the server's check) rejects it", P, TK, THUMBOR + "/" + sig + "/" + path,
                     error="signature_mismatch")
        O.later(neg)
    signed = THUMBOR + "/" + good + "/" + p
    V.verify("thumbor-verify-unsafe-left", "thumbor: `unsafe` left in place with a key: missing_signature", P, TK,
             THUMBOR + "/unsafe/" + p, error="missing_signature")
    V.verify("thumbor-verify-query-not-signed", "thumbor: the query is not signed (the server ignores it; "
             "libthumbor #33)", P, TK, signed + "?v=3")
    V.verify("thumbor-verify-previous-key", "thumbor: a previous key (an imgsign feature: thumbor has one key; "
             "formulas.thumbor)", P, "new-key", signed, previous_keys=[TK])
    V.verify("thumbor-verify-percent-encoded-padding", "thumbor: a signature sent with `=` as %3D is compared as "
             "sent (imgsign is stricter than the server, which unquotes it)", P, TK,
             signed.replace(good, good.replace("=", "%3D")), error="malformed_url")
    # A non-ASCII key: libthumbor's Signer (the server's) hashes UTF-8; CryptoURL hashes Latin-1.
    key = O.add("py", "libthumbor.Signer.signature", {"key": "clé-ß", "path": p})
    O.later(lambda key=key: V.sign("thumbor-sign-utf8-key", "thumbor: a non-ASCII key is UTF-8, as libthumbor "
                                   "2.0.2 Signer.signature (the server's) hashes it (its CryptoURL uses Latin-1)", P,
                                   "clé-ß", THUMBOR + "/unsafe/" + p, THUMBOR + "/" + O.ok(key) + "/" + p))
    u = THUMBOR + "/unsafe/" + p
    V.sign("thumbor-sign-salt-refused", "thumbor takes no salt: invalid_key", P, TK, u, salt="x", error="invalid_key")
    V.sign("thumbor-sign-no-options", "thumbor has no options (imagor has): invalid_param", P, TK, u,
           options={"algorithm": "sha256"}, error="invalid_param")
    V.sign("thumbor-sign-first-segment-not-a-signature", "thumbor: the first segment must be `unsafe` or a "
           "signature (`10x10:20x20` is an operation)", P, TK, THUMBOR + "/10x10:20x20/a.jpg", error="invalid_url")
    V.sign("thumbor-sign-expires-refused", "thumbor URLs carry no expiry: invalid_param", P, TK, u, expires=NOW,
           error="invalid_param")
    V.build("thumbor-build-unknown-param", "thumbor: a param its grammar does not have: invalid_param", P,
            "thumbor.example.com", TK, "a.jpg", [("w", 100)], error="invalid_param")
    V.build("thumbor-build-bad-halign", "thumbor: halign is left, center or right: invalid_param", P,
            "thumbor.example.com", TK, "a.jpg", [("halign", "middle")], error="invalid_param")
    V.build("thumbor-build-unsigned", "thumbor: an unsigned builder writes `unsafe` (formulas.thumbor_path)", P,
            "thumbor.example.com", None, "a.jpg", [("width", 300)], THUMBOR + "/unsafe/300x0/a.jpg")
    for n, url in enumerate([signed, THUMBOR + "/" + thumbor_sig(TK, "fit-in/300x200/smart/a.jpg") +
                             "/fit-in/300x200/smart/a.jpg"]):
        V.tampered(f"thumbor-tampered-{n}", "thumbor: every byte of the path changed is rejected", P, TK, url,
                   [(path_start(url), path_end(url))])


def _thumbor_vendor(V, O, name, o, key):
    P = "thumbor"
    path = O.ok(key)["url"]
    sig, rest = path[1:].split("/", 1)
    url = THUMBOR + path
    src = f"libthumbor 2.0.2 CryptoURL.generate({', '.join(f'{k}={v!r}' for k, v in o.items())})"
    sent_key = whatwg(O, url)

    def after():
        sent = O.ok(sent_key)
        params = thumbor_params(o)
        if sent["href"] == url and not sent["search"]:
            V.pair(f"thumbor-libthumbor-{name}", src, P, TK, THUMBOR + "/unsafe/" + rest, url,
                   "its URL, signed from `unsafe`")
            V.build(f"thumbor-build-{name}", f"{src}, the same operations as params", P, "thumbor.example.com", TK,
                    o["image_url"], params, url)
            return
        # Not what clients send (a raw byte they encode, or a `?` that starts the query, which
        # thumbor does not sign): imgsign signs the sent path.
        sent_rest = sent["pathname"].split("/", 2)[2]
        fixed = THUMBOR + "/" + thumbor_sig(TK, sent_rest) + "/" + sent_rest + sent["search"]
        V.sign(f"thumbor-libthumbor-{name}-sign-as-sent", f"{src} writes the image as given ({path!r}); clients "
               "send it WHATWG-encoded and cut at `?`: imgsign signs the sent path (formulas.thumbor)", P, TK,
               THUMBOR + "/unsafe/" + rest, fixed)
        image = o["image_url"]
        built_rest = rest[:-len(image)] + sent_form(image)
        V.build(f"thumbor-build-{name}", f"thumbor: the image written as clients send it, `?` included "
                f"(docs/schemes.md; formulas.thumbor over it; {src} writes it raw)", P, "thumbor.example.com", TK,
                image, params, THUMBOR + "/" + thumbor_sig(TK, built_rest) + "/" + built_rest)
    O.later(after)



# ================================================================================= imagor

IMAGOR = "https://imagor.example.com"
IK = "1234"


def imagor_options(alg, truncate):
    out = {}
    if alg != "sha1":
        out["algorithm"] = alg
    if truncate:
        out["truncate"] = truncate
    return out


def gen_imagor(V, O):
    P = "imagor"
    for v in published(P):
        i = v["input"]
        sig = formulas.imagor_signature(i)
        assert sig == v["expected"], v["id"]
        opts = imagor_options(i["alg"], i["truncate"])
        V.pair(v["id"], f"imagor published: {source_of(v)}", P, i["key"], IMAGOR + "/unsafe/" + i["path"],
               IMAGOR + "/" + sig + "/" + i["path"], f"`unsafe` is replaced by {sig}", options=opts)
        for n, neg in enumerate(v.get("negative", [])):
            V.verify(f"{v['id']}-negative-{n}", f"imagor published: {source_of(v)}: {neg} is rejected", P, i["key"],
                     IMAGOR + "/" + neg + "/" + i["path"], options=opts, error="signature_mismatch")
    # imagor's own imagorpath.Generate (Go), with each hash and truncation.
    params = {"image": "example.com/gopher.png", "width": 300, "height": 200, "smart": True,
              "filters": [{"name": "fill", "args": "red"}, {"name": "quality", "args": "80"}]}
    builder_params = [("width", 300), ("height", 200), ("smart", True), ("filters", "fill(red):quality(80)")]
    for alg, truncate in (("sha1", 0), ("sha256", 0), ("sha512", 0), ("sha256", 17), ("sha256", 40),
                          ("sha512", 64), ("sha1", 28)):
        key = O.add("go", "imagorpath.Generate", {"secret": IK, "alg": alg, "truncate": truncate, "params": params})

        def made(alg=alg, truncate=truncate, key=key):
            path = O.ok(key)
            sig, rest = path.split("/", 1)
            assert sig == formulas.imagor_signature({"key": IK, "path": rest, "alg": alg, "truncate": truncate})
            opts = imagor_options(alg, truncate)
            url = IMAGOR + "/" + path
            name = f"{alg}-{truncate or 'full'}"
            src = f"imagor v1.9.4 imagorpath.Generate (HMAC-{alg.upper()}, truncate {truncate})"
            V.pair(f"imagor-generate-{name}", src, P, IK, IMAGOR + "/unsafe/" + rest, url,
                   "its URL, signed from `unsafe`", options=opts)
            V.build(f"imagor-build-{name}", f"{src}, the same params", P, "imagor.example.com", IK, params["image"],
                    builder_params, url, options=opts)
        O.later(made)
    # Negatives through imagor's parse-sign-compare (the server's check).
    full = formulas.imagor_signature({"key": IK, "path": "foo.jpg", "alg": "sha1"})
    sha256_40 = formulas.imagor_signature({"key": IK, "path": "foo.jpg", "alg": "sha256", "truncate": 40})
    negatives = [
        ("truncated-sha1", "sha1", 0, full[:20] + "/foo.jpg"),
        ("sha1-where-sha256-40", "sha256", 40, full + "/foo.jpg"),
        ("unsafe-with-a-secret", "sha1", 0, "unsafe/foo.jpg"),
        ("tampered-path", "sha256", 40, sha256_40 + "/foo.png"),
        ("escaped-path", "sha1", 0, formulas.imagor_signature({"key": IK, "path": "filters:fill(red)/gopher.png"})
         + "/filters%3Afill%28red%29/gopher.png"),
    ]
    for name, alg, truncate, path in negatives:
        key = O.add("go", "imagorpath.Verify", {"secret": IK, "alg": alg, "truncate": truncate, "path": "/" + path})

        def neg(name=name, alg=alg, truncate=truncate, path=path, key=key):
            assert O.ok(key) is False, name
            code = "missing_signature" if path.startswith("unsafe/") else "signature_mismatch"
            extra = "; the server also retries the unescaped path, imgsign compares what was sent" \
                if name == "escaped-path" else ""
            V.verify(f"imagor-verify-{name}", f"imagor: {name.replace('-', ' ')}: imagor v1.9.4's parse-sign-compare "
                     f"rejects it{extra}", P, IK, IMAGOR + "/" + path, options=imagor_options(alg, truncate),
                     error=code)
        O.later(neg)
    u = IMAGOR + "/unsafe/foo.jpg"
    for bad, what in (({"truncate": 16}, "truncate below 17 (imagor's router needs 17 characters)"),
                      ({"truncate": 89}, "truncate above 88"), ({"algorithm": "md5"}, "algorithm md5")):
        V.sign(f"imagor-sign-option-{list(bad)[0]}-{list(bad.values())[0]}", f"imagor: {what}: invalid_param", P, IK,
               u, options=bad, error="invalid_param")
    V.sign("imagor-sign-algorithm-case", "imagor: an algorithm name in another case is the same (formulas.imagor)",
           P, IK, u, IMAGOR + "/" + formulas.imagor_signature({"key": IK, "path": "foo.jpg", "alg": "sha256"})
           + "/foo.jpg", options={"algorithm": "SHA256"})
    url = IMAGOR + "/" + sha256_40 + "/fit-in/300x200/foo.jpg"
    url = IMAGOR + "/" + formulas.imagor_signature({"key": IK, "path": "fit-in/300x200/foo.jpg", "alg": "sha256",
                                                    "truncate": 40}) + "/fit-in/300x200/foo.jpg"
    V.tampered("imagor-tampered-0", "imagor: every byte of the path changed is rejected (SHA-256, 40)", P, IK, url,
               [(path_start(url), len(url))], options={"algorithm": "sha256", "truncate": 40})


# ================================================================================= Cloudinary

CLD = "https://res.cloudinary.com"
CLD_SECRET = "b"


def cld_strip(url):
    """The URL without its signature's segment, and the segment (found by its length)."""
    parts = url.split("/")
    for i, seg in enumerate(parts):
        if seg.startswith("s--") and seg.endswith("--") and len(seg) in (13, 37):
            return "/".join(parts[:i] + parts[i + 1:]), seg
    raise AssertionError(url)


def cld_formula(url, long=False, alg="sha1", secret=CLD_SECRET):
    """formulas.cloudinary_signature over what follows the delivery type, less the version."""
    path = url.split("?")[0]
    for rt in ("/image/", "/video/", "/raw/"):
        if rt in path:
            after = path.split(rt, 1)[1].split("/", 1)[1]
            break
    segs = [s for s in after.split("/") if not (s.startswith("s--") and s.endswith("--") and len(s) in (13, 37))]
    for i, s in enumerate(segs[:-1]):
        if len(s) > 1 and s[0] == "v" and s[1:].isdigit():
            del segs[i]
            break
    return formulas.cloudinary_signature({"transformation": "", "source": "/".join(segs), "api_secret": secret,
                                          "algorithm": alg, "long_url_signature": long})


def cld_options(o):
    out = {}
    if o.get("long_url_signature"):
        out["long_url_signature"] = True
    if o.get("signature_algorithm"):
        out["signature_algorithm"] = o["signature_algorithm"]
    return out


def cld_params(o):
    """The SDK's options as the builder's params (docs/schemes.md, Cloudinary)."""
    out = []
    for k in ("resource_type", "type"):
        if k in o:
            out.append((k, o[k]))
    if "raw_transformation" in o:
        out.append(("transformation", o["raw_transformation"]))
    for k in ("version", "format"):
        if k in o:
            out.append((k, o[k]))
    return out


def gen_cloudinary(V, O):
    P = "cloudinary"
    for v in published(P):
        i = v["input"]
        sig = formulas.cloudinary_signature(i)
        assert sig == v["expected"], v["id"]
        vendor = v.get("vendor")
        if not vendor:
            continue
        url = vendor["expected"] if isinstance(vendor["expected"], str) else vendor["expected"]["url"]
        unsigned, seg = cld_strip(url)
        assert seg == sig, v["id"]
        opts = cld_options(vendor["input"]["options"])
        V.pair(v["id"], f"Cloudinary published: {source_of(v)}", P, CLD_SECRET, unsigned, url,
               "the signature inserted after the delivery type", options=opts)
    base = {"cloud_name": "demo", "api_secret": CLD_SECRET, "secure": True, "sign_url": True}
    cases = [
        ("transformation", "sample.jpg", {"raw_transformation": "c_fill,h_200,w_300"}),
        ("chained", "sample.jpg", {"raw_transformation": "c_fill,w_300/e_sepia/r_max"}),
        ("version", "sample.jpg", {"raw_transformation": "w_100", "version": 1312461204}),
        ("folder", "folder/sub/sample.jpg", {"raw_transformation": "w_100"}),
        ("folder-version", "folder/sample.jpg", {"version": 42}),
        ("format", "sample", {"format": "png", "raw_transformation": "q_auto"}),
        ("long", "sample.jpg", {"raw_transformation": "e_sepia", "long_url_signature": True}),
        ("sha256", "sample.jpg", {"raw_transformation": "e_sepia", "signature_algorithm": "sha256"}),
        ("authenticated", "private/doc.jpg", {"type": "authenticated", "raw_transformation": "w_50"}),
        ("video", "dog.mp4", {"resource_type": "video", "raw_transformation": "w_320"}),
        ("fetch", "https://example.com/images/photo.jpg", {"type": "fetch", "raw_transformation": "w_300"}),
        ("space-plus", "my folder/a+b.jpg", {}),
        ("unicode", "café/ñandú.jpg", {}),
        ("sub-delims", "a(1)!*'~.jpg", {}),
        ("percent", "100%.jpg", {}),
        ("encoded", "my%20folder/a.jpg", {}),
        ("slashes", "a//b///c.jpg", {}),
        ("fetch-unicode", "https://example.com/café.jpg", {"type": "fetch"}),
    ]
    for name, public_id, o in cases:
        opts = dict(base, **o)
        py = O.add("py", "cloudinary.cloudinary_url", {"public_id": public_id, "options": opts})
        node = O.add("node", "cloudinary.url", {"public_id": public_id, "options": opts})
        O.later(lambda name=name, public_id=public_id, o=o, py=py, node=node: _cloudinary_vendor(
            V, O, name, public_id, o, py, node))
    # Hand-checked rules of the grammar and the placement (formulas.cloudinary).
    signed = CLD + "/demo/image/upload/" + cld_formula(CLD + "/demo/image/upload/c_fill,w_300/v12/a.jpg") \
        + "/c_fill,w_300/v12/a.jpg"
    sig = cld_strip(signed)[1]
    V.verify("cloudinary-verify-version-changed", "Cloudinary: the version is not signed, so a changed version still "
             "verifies (formulas.cloudinary)", P, CLD_SECRET, signed.replace("/v12/", "/v13/"))
    V.verify("cloudinary-verify-tampered-transformation", "Cloudinary: a transformation changed after signing", P,
             CLD_SECRET, signed.replace("w_300", "w_301"), error="signature_mismatch")
    V.verify("cloudinary-verify-tampered-format", "Cloudinary: the format is signed", P, CLD_SECRET,
             signed.replace("a.jpg", "a.png"), error="signature_mismatch")
    V.verify("cloudinary-verify-wrong-secret", "Cloudinary: another api_secret", P, "c", signed,
             error="signature_mismatch")
    V.verify("cloudinary-verify-moved-signature", "Cloudinary: the signature after the transformation is not in "
             "its place: missing_signature", P, CLD_SECRET,
             CLD + "/demo/image/upload/c_fill,w_300/" + sig + "/v12/a.jpg", error="missing_signature")
    V.verify("cloudinary-verify-unsigned", "Cloudinary: no s--…-- segment: missing_signature", P, CLD_SECRET,
             CLD + "/demo/image/upload/c_fill,w_300/v12/a.jpg", error="missing_signature")
    V.verify("cloudinary-verify-nine-characters", "Cloudinary: `s--` and 9 characters is not a signature segment "
             "(8 or 32): missing_signature", P, CLD_SECRET, signed.replace(sig, sig[:-2] + "x--"),
             error="missing_signature")
    V.verify("cloudinary-verify-short-where-long", "Cloudinary: an 8-character signature where the long form is "
             "configured", P, CLD_SECRET, signed, options={"long_url_signature": True}, error="signature_mismatch")
    V.verify("cloudinary-verify-sha1-where-sha256", "Cloudinary: a SHA-1 signature where SHA-256 is configured", P,
             CLD_SECRET, signed, options={"signature_algorithm": "sha256"}, error="signature_mismatch")
    # The version ambiguity: a public id starting v<digits>/ signed whole, or a version.
    for name, source, desc in (("id", "v1234/image.jpg", "the public id `v1234/image.jpg`, signed whole"),
                               ("version", "image.jpg", "the public id `image.jpg` at version 1234")):
        sig_ = formulas.cloudinary_signature({"source": source, "api_secret": "abcd"})
        url = CLD + "/test123/image/upload/" + sig_ + "/v1234/image.jpg"
        V.verify(f"cloudinary-verify-ambiguous-{name}", f"Cloudinary: `/v1234/image.jpg` read as {desc} ({sig_}): "
                 "both readings are tried (formulas.cloudinary; oracles/NOTES.md)", P, "abcd", url)
    dashes = CLD + "/demo/image/upload/" + cld_formula(CLD + "/demo/image/upload/e_sepia/sample.jpg", long=True,
                                                       alg="sha256", secret="abcd") + "/e_sepia/sample.jpg"
    assert "--" in dashes.split("s--", 1)[1][:32], dashes
    V.verify("cloudinary-verify-dashes-inside-long", "Cloudinary: a long signature with `--` inside "
             "(s--J-xQc_CEOARWe--F7Uw…--) is found by its length (formulas.cloudinary)", P, "abcd", dashes,
             options={"long_url_signature": True})
    V.sign("cloudinary-sign-replaces-old-signature", "Cloudinary: an old signature segment is replaced, even one "
           "starting with `--` (formulas.cloudinary)", P, CLD_SECRET,
           CLD + "/test123/image/upload/s----SjmNDA--/c_fill,w_300/v12/a.jpg", signed.replace("/demo/", "/test123/"))
    V.sign("cloudinary-sign-no-delivery-type", "Cloudinary: a URL with no resource and delivery type has no place "
           "for the signature: invalid_url", P, CLD_SECRET, CLD + "/demo/sample.jpg", error="invalid_url")
    V.sign("cloudinary-sign-keeps-query", "Cloudinary: the query (`_a` analytics) is kept and not signed "
           "(formulas.cloudinary)", P, CLD_SECRET, CLD + "/demo/image/upload/c_fill,w_300/v12/a.jpg?_a=BAMAK+Go0",
           signed + "?_a=BAMAK+Go0")
    V.sign("cloudinary-sign-salt-refused", "Cloudinary takes no salt: invalid_key", P, CLD_SECRET,
           CLD + "/demo/image/upload/a.jpg", salt="x", error="invalid_key")
    V.build("cloudinary-build-unknown-param", "Cloudinary: a param its grammar does not have (transformations go "
            "in `transformation`): invalid_param", P, "res.cloudinary.com", CLD_SECRET, "a.jpg", [("w", 100)],
            options={"cloud_name": "demo"}, error="invalid_param")
    V.build("cloudinary-build-bad-type", "Cloudinary: an unknown delivery type: invalid_param", P,
            "res.cloudinary.com", CLD_SECRET, "a.jpg", [("type", "uploads")], options={"cloud_name": "demo"},
            error="invalid_param")
    V.build("cloudinary-build-no-cloud-name", "Cloudinary: without cloud_name there is no cloud segment (a private "
            "CDN or CNAME) (formulas.cloudinary)", P, "demo-res.cloudinary.com", CLD_SECRET, "a.jpg", [],
            "https://demo-res.cloudinary.com/image/upload/" + formulas.cloudinary_signature(
                {"source": "a.jpg", "api_secret": CLD_SECRET}) + "/a.jpg")
    V.build("cloudinary-build-unsigned", "Cloudinary: an unsigned builder writes no signature segment "
            "(formulas.cloudinary_build)", P, "res.cloudinary.com", None, "sample.jpg",
            [("transformation", "w_100")], CLD + "/demo/image/upload/w_100/sample.jpg", options={"cloud_name": "demo"})
    for n, (url, secret, opts) in enumerate([(signed, CLD_SECRET, {}), (dashes, "abcd", {"long_url_signature": True})]):
        start = url.index("/upload/") + len("/upload/")
        ranges = [(start, len(url))]
        if "/v12/" in url:
            v = url.index("/v12/")
            ranges = [(start, v + 1), (v + 5, len(url))]
        V.tampered(f"cloudinary-tampered-{n}", "Cloudinary: every byte of the signature and of what it covers "
                   "(all after the delivery type but the version) changed is rejected", P, secret, url, ranges,
                   options=opts)


def _cloudinary_vendor(V, O, name, public_id, o, py, node):
    P = "cloudinary"
    opts = cld_options(o)
    for label, key in (("py", py), ("npm", node)):
        status, got = O.outcome(key)
        version = "cloudinary 1.46.3 (PyPI) cloudinary_url" if label == "py" else \
            "cloudinary 2.11.0 (npm) url"
        if status != "ok":
            continue  # the SDK refuses the input (npm: `100%.jpg` is a URI malformed error)
        url = got["url"]
        unsigned, seg = cld_strip(url)
        long = bool(o.get("long_url_signature"))
        alg = "sha256" if long or o.get("signature_algorithm") == "sha256" else "sha1"
        assert seg == cld_formula(url, long, alg), (name, label, url)
        src = f"{version}({public_id!r}, {', '.join(f'{k}={v!r}' for k, v in o.items())})"
        sent_key = whatwg(O, url)

        def after(label=label, url=url, unsigned=unsigned, src=src, sent_key=sent_key):
            sent = O.ok(sent_key)
            if sent["href"] != url:
                return  # every case here is sent as written; a new one that is not needs the sent form
            V.pair(f"cloudinary-{label}-{name}", src, P, CLD_SECRET, unsigned, url, "its URL, signed from the unsigned "
                   "one", options=opts)
            if label == "py":
                V.build(f"cloudinary-build-{name}", f"{src}, the same options as params", P, "res.cloudinary.com",
                        CLD_SECRET, public_id, cld_params(o), url, options=dict(opts, cloud_name="demo"))
        O.later(after)


def generate(G, O):
    V = Vectors(G)
    for p, key, url, salt in (("imgproxy", K1, IMGPROXY + "/insecure/w:1/x", S1), ("thumbor", TK, THUMBOR + "/unsafe/a.jpg", None),
                              ("imagor", IK, IMAGOR + "/unsafe/a.jpg", None),
                              ("cloudinary", CLD_SECRET, CLD + "/demo/image/upload/a.jpg", None)):
        G.add(f"{p}-sign-token-refused", "sign_token", f"{p} signs URLs: it has no token on its own "
              "(docs/schemes.md): invalid_param", token_input(p, key, salt=salt, expires=NOW), ("error", "invalid_param"))
        V.sign(f"{p}-sign-unknown-value", f"{p} takes no per-call values (docs/schemes.md): invalid_param", p, key,
               url, salt=salt, values={"ip": "192.0.2.1"}, error="invalid_param")
    gen_imgproxy(V, O)
    gen_thumbor(V, O)
    gen_imagor(V, O)
    gen_cloudinary(V, O)
