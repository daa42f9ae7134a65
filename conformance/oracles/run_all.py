#!/usr/bin/env python3
"""Run every oracle on a built-in sample and on every published vector; print a summary.

    python3 conformance/oracles/run_all.py            # set up what is missing, then run
    python3 conformance/oracles/run_all.py --verbose  # also print every value compared

Setup (done here when missing, all inside this folder and git-ignored): a venv in
.venv with requirements.txt, node_modules from package.json (npm install), the Go
oracle built into .bin/ with its module cache in .gomodcache. PHP (Debian's php-cli)
is used for the Glide cross-check.

What is checked:
  1. every vector of published.json against formulas.py (and, where the vector
     names the vendor's own call, against the vendor package too);
  2. a sample of cases per scheme, hard inputs included, run through every oracle
     that can produce it: the vendors' packages and formulas.py must agree, except
     where a case is marked as a known disagreement; then it must still disagree
     (so NOTES.md stays true) and the values are printed.
Exit status 0 only when everything holds.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import formulas  # noqa: E402

VENV_PY = HERE / ".venv" / "bin" / "python"
GO_BIN = HERE / ".bin" / "oracle_go"
VERBOSE = "--verbose" in sys.argv
NOW = 1700000000


# --------------------------------------------------------------------------- setup

def sh(cmd, **kw):
    subprocess.run(cmd, check=True, **kw)


def pins_py():
    return dict(line.strip().split("==") for line in (HERE / "requirements.txt").read_text().split()
                if line.strip())


def pins_node():
    return json.loads((HERE / "package.json").read_text())["dependencies"]


def go_env():
    env = dict(os.environ)
    env["GOMODCACHE"] = str(HERE / ".gomodcache")
    env["GOFLAGS"] = "-modcacherw"
    return env


def setup():
    if not VENV_PY.exists():
        sh([sys.executable, "-m", "venv", str(HERE / ".venv")])
    sh([str(VENV_PY), "-m", "pip", "install", "-q", "--disable-pip-version-check",
        "-r", str(HERE / "requirements.txt")])
    if not all((HERE / "node_modules" / p / "package.json").exists() for p in pins_node()):
        sh(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE)
    if not GO_BIN.exists():
        GO_BIN.parent.mkdir(exist_ok=True)
        sh(["go", "build", "-o", str(GO_BIN), "."], cwd=HERE / "go", env=go_env())
    if shutil.which("php") is None:
        sys.exit("run_all: php is needed for the Glide cross-check (apt-get install php-cli)")


# --------------------------------------------------------------------------- oracle batches

ORACLES = {
    "py": lambda: [str(VENV_PY), str(HERE / "oracle_py.py")],
    "node": lambda: ["node", str(HERE / "oracle_node.mjs")],
    "go": lambda: [str(GO_BIN)],
    "php": lambda: ["php", str(HERE / "glide_php.php")],
}


class Batch:
    def __init__(self):
        self.cases = {k: [] for k in list(ORACLES) + ["formula"]}
        self.results = {}

    def add(self, oracle, op, inp):
        key = "%s#%d" % (oracle, len(self.cases[oracle]))
        self.cases[oracle].append({"id": key, "op": op, "input": inp})
        return key

    def run(self):
        for oracle, cases in self.cases.items():
            if not cases:
                continue
            if oracle == "formula":
                out = formulas.run(cases)
            else:
                proc = subprocess.run(ORACLES[oracle](), input=json.dumps(cases).encode(),
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      cwd=HERE, check=False)
                if proc.returncode != 0:
                    sys.exit("run_all: the %s oracle failed:\n%s"
                             % (oracle, proc.stderr.decode("utf-8", "replace")))
                try:
                    out = json.loads(proc.stdout)
                except ValueError:
                    sys.exit("run_all: the %s oracle printed no JSON:\n%s%s" % (
                        oracle, proc.stdout[:2000].decode("utf-8", "replace"),
                        proc.stderr.decode("utf-8", "replace")))
            for r in out:
                self.results[r["id"]] = ("ok", r["ok"]) if "ok" in r else ("error", r["error"])

    def get(self, key):
        return self.results[key]


B = Batch()
CHECKS = []   # (scheme, name, [(label, key, extract)], expect, why)


def check(scheme, name, items, expect="agree", why=None):
    CHECKS.append((scheme, name, items, expect, why))


def ident(v):
    return v


def field(name):
    return lambda v: v[name]


# --------------------------------------------------------------------------- 1. published vectors

PUB = json.loads((HERE / "published.json").read_text())
PUBLISHED = []   # (vector, formula key, [(label, key, extract)])
VENDOR_RUNS = {
    "imgproxy-node.generateImageUrl": [("@imgproxy/imgproxy-node", "node", "imgproxy-node.generateImageUrl")],
    "libthumbor.CryptoURL.generate": [("libthumbor", "py", "libthumbor.CryptoURL.generate")],
    "cloudinary.cloudinary_url": [("cloudinary (PyPI)", "py", "cloudinary.cloudinary_url"),
                                  ("cloudinary (npm)", "node", "cloudinary.url")],
    "imagekit.build_url": [("imagekitio", "py", "imagekit.build_url"),
                           ("@imagekit/nodejs", "node", "imagekit.buildSrc")],
    "pyuploadcare.build": [("pyuploadcare", "py", "pyuploadcare.build")],
}
for v in PUB["vectors"]:
    fk = B.add("formula", v["op"], v["input"])
    vendor = []
    if "vendor" in v:
        for label, oracle, op in VENDOR_RUNS[v["vendor"]["op"]]:
            vendor.append((label, B.add(oracle, op, v["vendor"]["input"]), v["vendor"]["expected"]))
    PUBLISHED.append((v, fk, vendor))


# --------------------------------------------------------------------------- 2. samples

# ---- imgproxy: @imgproxy/imgproxy-node vs formulas (build and signature of the SDK's path)
K943 = "943b421c9eb07c830af81030552c86009268de4e532ba2ee2eab8247c6da0881"
S520 = "520f986b998545b4785e0defbc4f3c1203f22de2374a3d53cb7a7fe9fea309c5"
IMGPROXY = [
    ("base64 source, raw option chain", ["rs:fill:300:400:0", "g:sm", "q:80"],
     "http://example.com/images/curiosity.jpg", "base64", "png"),
    ("base64 source with Unicode, spaces and a query", ["w:100"],
     "https://example.com/фото 1.jpg?size=big&x=a+b", "base64", None),
    ("very long option chain", ["rs:fit:%d:%d" % (n, n) for n in range(1, 40)] + ["bl:2"],
     "s3://bucket/key with space.png", "base64", "webp"),
    ("plain source without reserved characters", ["w:300", "h:200"],
     "https://example.com/image.jpg", "plain", None),
]
for name, opts, src, enc, ext in IMGPROXY:
    sdk_url = {"value": src, "displayAs": enc}
    sdk_opts = {"wild_options": [o.split(":") for o in opts]}
    if ext:
        sdk_opts["format"] = ext if enc == "base64" else None
    sdk_opts = {k: v for k, v in sdk_opts.items() if v is not None}
    # js-core emits the format as an f: option, not as an extension: build the same
    form_opts = (["f:" + ext] if ext and enc == "base64" else []) + opts
    nk = B.add("node", "imgproxy-node.generateImageUrl",
               {"endpoint": "https://imgproxy.example.com", "url": sdk_url, "options": sdk_opts,
                "key": K943, "salt": S520})
    fk = B.add("formula", "imgproxy.build",
               {"endpoint": "https://imgproxy.example.com", "options": form_opts, "source_url": src,
                "encoding": enc, "extension": None, "key_hex": K943, "salt_hex": S520})
    check("imgproxy", name, [("@imgproxy/imgproxy-node", nk, field("url")),
                             ("formulas.imgproxy.build", fk, field("url"))])

nk = B.add("node", "imgproxy-node.generateImageUrl",
           {"endpoint": "https://imgproxy.example.com", "key": K943, "salt": S520,
            "url": {"value": "https://example.com/a b/100%.jpg?v=1@2", "displayAs": "plain"},
            "options": {"width": 100}})
fk = B.add("formula", "imgproxy.build",
           {"endpoint": "https://imgproxy.example.com", "options": ["w:100"], "encoding": "plain",
            "source_url": "https://example.com/a b/100%.jpg?v=1@2", "extension": None,
            "key_hex": K943, "salt_hex": S520})
check("imgproxy", "plain source with space, %, ? and @", [
    ("@imgproxy/imgproxy-node", nk, field("url")), ("formulas.imgproxy.build", fk, field("url"))],
    expect="disagree",
    why="the SDK pastes a plain source unescaped; the docs require %, ? and @ escaped "
        "(the server would read '?v=1@2' as query and extension). Sign what is emitted: "
        "imgsign should escape.")
nk = B.add("node", "imgproxy-node.generateImageUrl",
           {"endpoint": "https://imgproxy.example.com", "key": K943 + "," + "00ff", "salt": S520 + ",00ff",
            "url": "https://example.com/image.jpg", "options": {"width": 100}})
fk = B.add("formula", "imgproxy.build",
           {"endpoint": "https://imgproxy.example.com", "options": ["w:100"], "encoding": "base64",
            "source_url": "https://example.com/image.jpg", "extension": None,
            "key_hex": K943, "salt_hex": S520})
check("imgproxy", "comma-separated key/salt lists sign with the first pair", [
    ("@imgproxy/imgproxy-node", nk, field("url")), ("formulas.imgproxy.build", fk, field("url"))])

# ---- thumbor / imagor: libthumbor vs imagor (Go) vs thumbor-url-builder (npm) vs formulas
THUMBOR = [
    ("resize", {"width": 300, "height": 200}),
    ("crop + resize", {"width": 300, "height": 200, "crop": [[10, 20], [30, 40]]}),
    ("fit-in + filters", {"width": 300, "height": 200, "fit_in": True,
                          "filters": ["quality(80)", "fill(blue)", "watermark(a.png,10,10,50)"]}),
    ("meta + smart + halign/valign", {"width": 50, "height": 60, "meta": True, "smart": True,
                                      "halign": "left", "valign": "top"}),
    ("flips", {"width": 300, "height": 200, "flip": True, "flop": True}),
    ("Unicode and encoded image path", {"width": 10, "height": 10}),
]
IMAGES = ["my.server.com/some/path/to/image.jpg"] * 5 + ["example.com/caf%C3%A9/ñ.jpg"]
for (name, opts), image in zip(THUMBOR, IMAGES):
    lib = dict(opts, image_url=image)
    pk = B.add("py", "libthumbor.CryptoURL.generate", {"key": "my-security-key", "options": lib})
    f_opts = dict(opts, image=image, crop=[c for p in opts.get("crop", []) for c in p],
                  flip_horizontal=opts.get("flip", False), flip_vertical=opts.get("flop", False))
    fk = B.add("formula", "thumbor.build", {"key": "my-security-key", "options": f_opts})
    gp = {"image": image, "width": opts.get("width", 0), "height": opts.get("height", 0),
          "fit_in": opts.get("fit_in", False), "smart": opts.get("smart", False),
          "meta": opts.get("meta", False), "h_flip": opts.get("flip", False),
          "v_flip": opts.get("flop", False), "h_align": opts.get("halign", ""),
          "v_align": opts.get("valign", "")}
    if "crop" in opts:
        (gp["crop_left"], gp["crop_top"]), (gp["crop_right"], gp["crop_bottom"]) = opts["crop"]
    if "filters" in opts:
        gp["filters"] = [{"name": f.split("(")[0], "args": f.split("(", 1)[1][:-1]}
                         for f in opts["filters"]]
    gk = B.add("go", "imagorpath.Generate", {"secret": "my-security-key", "params": gp})
    items = [("libthumbor", pk, field("url")), ("formulas.thumbor.build", fk, field("url")),
             ("imagor imagorpath.Generate", gk, lambda v: "/" + v)]
    if not opts.get("flip"):
        tk = B.add("node", "thumbor-url-builder.buildUrl",
                   {"key": "my-security-key", "image": image, **{k: v for k, v in opts.items()
                                                                 if k != "crop"},
                    **({"crop": [c for p in opts["crop"] for c in p]} if "crop" in opts else {})})
        items.append(("thumbor-url-builder (3rd party)", tk, field("url")))
    check("thumbor", name, items)

pk = B.add("py", "libthumbor.CryptoURL.generate",
           {"key": "clé-ß", "options": {"width": 1, "height": 1, "image_url": "a.jpg"}})
sk = B.add("py", "libthumbor.Signer.signature", {"key": "clé-ß", "path": "1x1/a.jpg"})
gk = B.add("go", "imagorpath.Sign", {"secret": "clé-ß", "path": "1x1/a.jpg"})
fk = B.add("formula", "thumbor.signature", {"key": "clé-ß", "path": "1x1/a.jpg"})
check("thumbor", "non-ASCII security key", [
    ("libthumbor CryptoURL", pk, lambda v: v["url"].split("/")[1]),
    ("libthumbor Signer (what the thumbor server uses)", sk, ident),
    ("imagor", gk, ident), ("formulas (UTF-8 key)", fk, ident)],
    expect="disagree",
    why="libthumbor's CryptoURL encodes the key as Latin-1 (six.b), its Signer and the "
        "server as UTF-8: keys outside ASCII sign differently; imgsign should use UTF-8.")
IMG = "300x200/my.server.com/some/path/to/image.jpg"
for name, sig, path, want in [
        ("valid", "8ammJH8D-7tXy6kU3lTvoXlhu4o=", IMG, True),
        ("tampered path", "8ammJH8D-7tXy6kU3lTvoXlhu4o=", IMG.replace("300x200", "300x201"), False),
        ("padding removed", "8ammJH8D-7tXy6kU3lTvoXlhu4o", IMG, False),
        ("signature computed with the leading '/'", formulas.b64url(formulas._hmac(
            "sha1", b"my-security-key", ("/" + IMG).encode()), pad=True), IMG, False),
        ("one character changed", "8ammJH8D-7tXy6kU3lTvoXlhu4p=", IMG, False)]:
    pk = B.add("py", "libthumbor.Signer.validate", {"key": "my-security-key", "signature": sig, "path": path})
    gk = B.add("go", "imagorpath.Verify", {"secret": "my-security-key", "path": "/%s/%s" % (sig, path)})
    check("thumbor", "verify negative: " + name, [("libthumbor Signer.validate", pk, ident),
                                                 ("imagor Parse + Sign", gk, ident),
                                                 ("expected", None, want)])
for name, alg, trunc, sig, want in [
        ("SHA-1 signature, SHA-256 configured", "sha256", 40, "_-19cQt1szHeUV0WyWFntvTImDI=", False),
        ("truncated SHA-1 signature", "sha1", 0, "_-19cQt1szHeUV0WyWFntvTIm", False),
        ("SHA-256/40 valid", "sha256", 40, "91DBDJtTFePFnbaj5Qq8JLvq5sM5VTipE685f4Gp", True),
        ("unsafe marker with signing on", "sha1", 0, "unsafe", False)]:
    gk = B.add("go", "imagorpath.Verify", {"secret": "1234", "alg": alg, "truncate": trunc,
                                           "path": "/%s/foo.jpg" % sig})
    check("imagor", "verify: " + name, [("imagor Parse + Sign", gk, ident), ("expected", None, want)])
for alg, trunc in [("sha256", 0), ("sha512", 0), ("sha256", 40), ("sha1", 17), ("sha512", 64)]:
    path = "fit-in/-300x-200/filters:fill(white):format(webp)/example.com/a%20b.jpg"
    gk = B.add("go", "imagorpath.Sign", {"secret": "s3cret", "alg": alg, "truncate": trunc, "path": path})
    fk = B.add("formula", "imagor.signature", {"key": "s3cret", "alg": alg, "truncate": trunc, "path": path})
    check("imagor", "HMAC-%s truncate %d" % (alg.upper(), trunc),
          [("imagor imagorpath NewHMACSigner", gk, ident), ("formulas.imagor.signature", fk, ident)])
gk = B.add("go", "imagorpath.Generate",
           {"secret": "s3cret", "params": {"image": "example.com/a(1).jpg?x=1,2", "width": 10}})
fk = B.add("formula", "imagor.signature", {"key": "s3cret", "path": "10x0/example.com%2Fa%281%29.jpg%3Fx=1%2C2"})
check("imagor", "imagor escapes an image containing ? ( ) , with url.PathEscape before signing", [
    ("imagor imagorpath.Generate", gk, lambda v: v.split("/")[0]),
    ("formulas on the escaped path", fk, ident)])
gk = B.add("go", "imagorpath.Parse", {"path": "/_-19cQt1szHeUV0W/foo.jpg"})
check("imagor", "a signature shorter than 17 characters is not recognised as one", [
    ("imagor imagorpath.Parse hash", gk, field("hash")), ("expected", None, "")])

# ---- Cloudinary: PyPI vs npm vs formulas (signature of the emitted path)
CLD = [
    ("plain", "sample.jpg", {}),
    ("transformation + version", "folder/sample", {"transformation": {"width": 100, "crop": "fill"},
                                                  "version": 1700000000, "format": "png"}),
    ("sha256", "sample.jpg", {"signature_algorithm": "sha256"}),
    ("long", "sample.jpg", {"long_url_signature": True, "transformation": {"effect": "sepia"}}),
    ("fetch", "https://example.com/a.jpg?x=1&y=2", {"type": "fetch"}),
    ("public id with space and +", "my folder/a+b.jpg", {}),
    ("public id already %-encoded", "my%20folder/a.jpg", {}),
    ("Unicode public id", "café/ñandú.jpg", {}),
    ("public id with ( ) ! * ' ~", "a(1)!*'~.jpg", {}),
    ("fetch URL with Unicode", "https://example.com/café.jpg", {"type": "fetch"}),
    ("double slashes in the public id", "a//b///c.jpg", {}),
]
for name, pid, opts in CLD:
    o = dict(opts, cloud_name="demo", api_secret="abcd", sign_url=True, secure=True)
    pk = B.add("py", "cloudinary.cloudinary_url", {"public_id": pid, "options": o})
    nk = B.add("node", "cloudinary.url", {"public_id": pid, "options": o})
    disagree = name in ("public id with ( ) ! * ' ~", "fetch URL with Unicode", "double slashes in the public id")
    check("cloudinary", name, [("cloudinary (PyPI)", pk, field("url")), ("cloudinary (npm)", nk, field("url"))],
          expect="disagree" if disagree else "agree",
          why={"public id with ( ) ! * ' ~": "PyPI escapes every byte outside [A-Za-z0-9_.-/:] "
                                              "(%28%29%21%2A%27%7E); npm uses encodeURIComponent, "
                                              "which keeps !'()*~: different path, different signature",
               "fetch URL with Unicode": "npm's smart_escape encodes UTF-16 code units (%E9), "
                                         "PyPI the UTF-8 bytes (%C3%A9)",
               "double slashes in the public id": "PyPI collapses runs of '/' (a/b/c), npm only "
                                                  "pairs (a/b//c)"}.get(name))

o = dict(cloud_name="demo", api_secret="abcd", sign_url=True, secure=True)
pk = B.add("py", "cloudinary.cloudinary_url", {"public_id": "100%.jpg", "options": o})
nk = B.add("node", "cloudinary.url", {"public_id": "100%.jpg", "options": o})
check("cloudinary", "a bare '%' in the public id", [("cloudinary (PyPI)", pk, field("url")),
                                                     ("cloudinary (npm)", nk, field("url"))],
      expect="disagree", why="PyPI unquotes leniently and emits 100%25.jpg; npm's "
                             "decodeURIComponent throws 'URI malformed'")
k1 = B.add("py", "cloudinary.cloudinary_url", {"public_id": "v1234/image.jpg", "options": o})
k2 = B.add("py", "cloudinary.cloudinary_url", {"public_id": "image.jpg", "options": dict(o, version=1234)})
check("cloudinary", "the same URL path .../v1234/image.jpg from two inputs", [
    ("public id 'v1234/image.jpg' (a folder)", k1, field("url")),
    ("public id 'image.jpg', version 1234", k2, field("url"))], expect="disagree",
    why="the SDKs add no version when the public id already starts with v<digits>, so "
        "'v1234' is signed as part of the id in one case and left out as the version in the "
        "other: a verifier cannot tell them apart from the URL; imgsign must treat the "
        "segment after the transformations as the version only when told, or try both")
pk = B.add("py", "cloudinary.cloudinary_url", {"public_id": "folder/sample", "options": dict(
    o, format="jpg", transformation={"crop": "fill", "width": 100}, version=1700000000)})
fk = B.add("formula", "cloudinary.build", {"cloud_name": "demo", "public_id": "folder/sample",
                                           "format": "jpg", "transformation": "c_fill,w_100",
                                           "version": 1700000000, "api_secret": "abcd",
                                           "sign_url": True})
check("cloudinary", "formula builder on a URL-safe public id", [
    ("cloudinary (PyPI)", pk, field("url")), ("formulas.cloudinary.build", fk, ident)])

CLD_OPTS = {n: o for n, _p, o in CLD}
TRANSFORMATION_SEGMENT = re.compile(r"^[a-z]{1,3}_[^,/]+(,[a-z]{1,3}_[^,/]+)*$")


def cld_formula_from_url(url, long=False, alg="sha1"):
    """formulas.cloudinary.signature over the path a vendor emitted: the
    transformation segments (if any) + '/' + the public id part, version left out."""
    parts = url.split("/s--", 1)[1].split("--/", 1)[1].split("/")
    trans = []
    while parts and TRANSFORMATION_SEGMENT.match(parts[0]):
        trans.append(parts.pop(0))
    if parts and re.match(r"^v[0-9]+$", parts[0]):
        parts.pop(0)
    return {"transformation": "/".join(trans), "source": "/".join(parts), "api_secret": "abcd",
            "algorithm": alg, "long_url_signature": long}


CLD_SIGN_SELF = []   # checked after the run: the formula re-signs what the vendor emitted

# ---- ImageKit: imagekitio vs @imagekit/nodejs vs formulas (and the legacy npm SDK)
EP = "https://ik.imagekit.io/demo/"
IK = [
    ("plain", {"src": "img/a.jpg"}),
    ("expiring (now injected)", {"src": "img/a.jpg", "expires_in": 3600}),
    ("query params", {"src": "img/a.jpg", "query_parameters": {"v": "2", "z": "a b"}}),
    ("transformation in path", {"src": "img/a.jpg", "transformation": [{"width": 300}],
                                "transformation_position": "path"}),
    ("transformation in query + expiry", {"src": "img/a.jpg", "transformation": [{"width": 300, "height": 200}],
                                          "expires_in": 60}),
    ("Unicode and space in src", {"src": "dossier/été 2024.jpg"}),
    ("src with its own query", {"src": "img/a.jpg?x=1&y=a%20b"}),
    ("'+' in a query value", {"src": "img/a.jpg", "query_parameters": {"q": "a+b"}}),
]
for name, o in IK:
    base = dict(o, private_key="private_key_test", url_endpoint=EP, signed=True, now=NOW)
    pk = B.add("py", "imagekit.build_url", base)
    nk = B.add("node", "imagekit.buildSrc", base)
    disagree = {"query params": "imagekitio writes query values raw ('z=a b', a space in the "
                                "URL); @imagekit/nodejs form-encodes them ('z=a+b'); each signs "
                                "what it emits",
                "src with its own query": "a relative src's '?' is not a query to either SDK: both "
                                          "emit it as %3F inside the path; imagekitio also re-escapes "
                                          "'%' (a%20b -> a%2520b), @imagekit/nodejs keeps it",
                "'+' in a query value": "imagekitio emits 'q=a+b' (a '+' the server reads as "
                                        "space), @imagekit/nodejs 'q=a%2Bb'",
                "Unicode and space in src": None}.get(name)
    check("imagekit", name, [("imagekitio", pk, field("url")), ("@imagekit/nodejs", nk, field("url"))],
          expect="disagree" if disagree else "agree", why=disagree)
lk = B.add("node", "imagekit-legacy.url", {"private_key": "private_key_test", "url_endpoint": EP,
                                           "path": "img/a.jpg", "signed": True,
                                           "transformation": [{"width": 300, "height": 200}],
                                           "expireSeconds": 60, "now": NOW})
nk = B.add("node", "imagekit.buildSrc", {"private_key": "private_key_test", "url_endpoint": EP,
                                         "src": "img/a.jpg", "signed": True, "now": NOW,
                                         "transformation": [{"width": 300, "height": 200}],
                                         "expires_in": 60})
check("imagekit", "legacy imagekit 6 vs @imagekit/nodejs 7, default transformation position", [
    ("imagekit 6.0.0 (npm, legacy)", lk, field("url")), ("@imagekit/nodejs 7", nk, field("url"))],
    expect="disagree", why="imagekit 6 puts the transformation in the path by default "
                           "(tr:w-300,h-200/img/a.jpg), v7 in the query (?tr=w-300,h-200): the "
                           "same call signs a different URL")
lk = B.add("node", "imagekit-legacy.url", {"private_key": "private_key_test", "url_endpoint": EP,
                                           "path": "img/a.jpg", "signed": True,
                                           "transformation": [{"width": 300, "height": 200}],
                                           "transformationPosition": "query",
                                           "expireSeconds": 60, "now": NOW})
check("imagekit", "legacy imagekit 6 vs @imagekit/nodejs 7, transformation in the query", [
    ("imagekit 6.0.0 (npm, legacy)", lk, field("url")), ("@imagekit/nodejs 7", nk, field("url"))],
    expect="disagree", why="imagekit 6 serialises tr with URLSearchParams (w-300%2Ch-200), v7 "
                           "writes it raw (w-300,h-200): both valid, different signatures")
for name, o, exp in [("sign as given, expiring", {"src": "img/a.jpg", "expires_in": 3600}, NOW + 3600),
                     ("sign as given, query and tr", {"src": "img/a.jpg", "query_parameters": {"v": "2"},
                                                      "transformation": [{"width": 300}]}, None)]:
    pk = B.add("py", "imagekit.build_url", dict(o, private_key="private_key_test", url_endpoint=EP,
                                                signed=True, now=NOW))
    uk = B.add("py", "imagekit.build_url", dict(o, private_key="private_key_test", url_endpoint=EP,
                                                signed=False, expires_in=None, now=NOW))
    check("imagekit", name, [("imagekitio signed", pk, field("url")),
                             ("formulas.imagekit.sign_url on imagekitio's unsigned URL", uk,
                              lambda v, exp=exp: formulas.imagekit_sign_url(
                                  {"private_key": "private_key_test", "url_endpoint": EP,
                                   "url": v["url"], "expires": exp}))])
IK_SIGN_SELF = []

# ---- Akamai EdgeAuth: akamai-edgeauth PyPI vs npm vs formulas
KEY = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
AK = [
    ("acl + start + end", {"acl": "/images/*", "start_time": 1700000000, "end_time": 1700003600}),
    ("url", {"url": "/images/a.jpg", "start_time": 1700000000, "end_time": 1700003600}),
    ("acl list, sha1", {"acl": ["/a/*", "/b/*"], "end_time": 1700003600, "algorithm": "sha1"}),
    ("md5, ip, id, data, salt", {"acl": "/*", "end_time": 1700003600, "algorithm": "md5", "ip": "1.2.3.4",
                                 "session_id": "sess-1", "payload": "user=42", "salt": "pepper"}),
    ("start + window", {"url": "/v.m3u8", "start_time": 1700000000, "window_seconds": 300}),
    ("escape_early, plain characters", {"url": "/a/b.jpg", "end_time": 1700003600, "escape_early": True,
                                        "session_id": "abc_1.2-3"}),
    ("custom delimiters", {"acl": ["/x/*", "/y/*"], "end_time": 1700003600, "field_delimiter": "|",
                           "acl_delimiter": ","}),
]
for name, o in AK:
    inp = dict(o, key_hex=KEY)
    pk = B.add("py", "akamai_edgeauth.generate", inp)
    nk = B.add("node", "akamai-edgeauth.generate", inp)
    fk = B.add("formula", "akamai.token", inp)
    check("akamai", name, [("akamai-edgeauth (PyPI)", pk, ident), ("akamai-edgeauth (npm)", nk, ident),
                           ("formulas.akamai.token", fk, ident)])
inp = {"key_hex": KEY, "url": "/a b/~(x)*'.jpg", "end_time": 1700003600, "escape_early": True,
       "payload": "k=v w"}
pk = B.add("py", "akamai_edgeauth.generate", inp)
nk = B.add("node", "akamai-edgeauth.generate", inp)
fk = B.add("formula", "akamai.token", inp)
check("akamai", "escape_early with space ~ ( ) * '", [
    ("akamai-edgeauth (PyPI)", pk, ident), ("formulas (PyPI rules)", fk, ident),
    ("akamai-edgeauth (npm)", nk, ident)], expect="disagree",
    why="PyPI: quote_plus (space '+', keeps ~, escapes ()*') lower-cased; npm: encodeURIComponent "
        "(space %20, keeps ()!) then ~ ' * escaped: same token only for plain characters")
inp = {"key_hex": KEY, "acl": "/*", "start_time": 1700000000, "end_time": 1700000000}
pk = B.add("py", "akamai_edgeauth.generate", inp)
nk = B.add("node", "akamai-edgeauth.generate", inp)
check("akamai", "end_time equal to start_time", [("akamai-edgeauth (PyPI)", pk, ident),
                                                 ("akamai-edgeauth (npm)", nk, ident)],
      expect="disagree", why="PyPI refuses (end <= start), npm emits a token (only end < start fails)")
inp = {"key_hex": "abc", "acl": "/*", "end_time": 1700003600}
pk = B.add("py", "akamai_edgeauth.generate", inp)
nk = B.add("node", "akamai-edgeauth.generate", inp)
check("akamai", "odd-length hex key", [("akamai-edgeauth (PyPI)", pk, ident),
                                       ("akamai-edgeauth (npm)", nk, ident)],
      expect="disagree", why="PyPI raises (a2b_hex); npm's Buffer.from(hex) silently drops the "
                             "last nibble: imgsign must reject it (invalid_key)")

# ---- Uploadcare: pyuploadcare vs formulas
SEC = "73636b61519adede42191efe1e73f02a67c7b692e3765f90c250c230be095211"
UC = [
    ("acl, bare uuid", "1bd27101-6f40-460a-9358-d44c282e9d16", "acl", False),
    ("acl, group uuid with ~", "3b278cee-47bd-4276-8d7d-9cde5902b18c~1/nth/0/", "acl", True),
    ("url token, full URL", "https://sectest.ucarecdn.com/1bd27101-6f40-460a-9358-d44c282e9d16/-/crop/10x10/20,20/", "url", False),
    ("url token, group with ~ and a space", "3b278cee-47bd-4276-8d7d-9cde5902b18c~1/nth/0/-/text/a b/", "url", False),
]
for name, handle, mode, wild in UC:
    inp = {"secret_hex": SEC, "cdn": "sectest.ucarecdn.com", "handle": handle, "mode": mode,
           "wildcard": wild, "now": NOW, "window": 3600}
    pk = B.add("py", "pyuploadcare.build", inp)
    fk = B.add("formula", "uploadcare.token", inp)
    check("uploadcare", name, [("pyuploadcare", pk, field("token")), ("formulas.uploadcare.token", fk, field("token"))])
    check("uploadcare", name + " (URL)", [("pyuploadcare", pk, field("url")), ("formulas", fk, field("url"))])

# ---- Cloudflare Images: documented Worker steps on Node's URL vs formulas
CF = [
    ("plain", "https://imagedelivery.net/hash/id/public"),
    ("existing params, space, + and ~", "https://imagedelivery.net/hash/id/w=100?a=b c&p=1+2&t=~x"),
    ("existing exp is replaced, repeated exp dropped", "https://imagedelivery.net/hash/id/v?exp=1&x=1&exp=2"),
    ("Unicode and a stale sig", "https://imagedelivery.net/hash/id/v?name=café&sig=deadbeef"),
    ("%-encoded value and empty value", "https://imagedelivery.net/hash/id/v?q=%2F%41&e=&f"),
]
for name, url in CF:
    inp = {"key": "signing-key", "url": url, "exp": 1631289275}
    nk = B.add("node", "cloudflare-images.documented-worker", inp)
    fk = B.add("formula", "cloudflare_images.sign", inp)
    check("cloudflare-images", name, [("documented Worker on Node URL", nk, field("url")),
                                      ("formulas.cloudflare_images.sign", fk, field("url"))])

# ---- Glide: formulas vs PHP's own ksort/http_build_query
GL = [
    ("one param", "image.jpg", [["w", "100"]]),
    ("unsorted params", "/img/kayaks.jpg", [["w", "300"], ["h", "200"], ["fit", "crop"], ["blur", "5"]]),
    ("space, +, ~, Unicode, / in values", "cats/a b.jpg", [["mark", "logos/a b+c~é.png"], ["w", "1"]]),
    ("no params (the '?' stays)", "image.jpg", []),
    ("numeric and mixed keys", "i.jpg", [["10", "a"], ["9", "b"], ["b", "c"], ["A", "d"], ["_", "e"]]),
    ("an existing s is ignored", "i.jpg", [["s", "abc"], ["w", "5"]]),
]
for name, path, params in GL:
    inp = {"key": "glide-key", "path": path, "params": params}
    hk = B.add("php", "glide", inp)
    fk = B.add("formula", "glide.signature", inp)
    check("glide", name, [("PHP ksort + http_build_query", hk, ident), ("formulas.glide.signature", fk, ident)])

# ---- formula-only schemes: show the values (no vendor package to compare with)
ONLY = [
    ("bunny", "HS256 query form, IPv6 bound", "bunny.hs256",
     {"key": "k", "base": "https://z.b-cdn.net", "path": "/v/a.mp4", "expires": 1700003600,
      "ip": "2001:db8::1", "params": [["token_countries", "GB,FR"]], "directory": False}),
    ("bunny", "HS256 directory form, path_allowed", "bunny.hs256",
     {"key": "k", "base": "https://z.b-cdn.net", "path": "/v/seg/1.ts", "expires": 1700003600,
      "path_allowed": "/v/", "params": [], "directory": True}),
    ("bunny", "basic (V1) MD5", "bunny.basic_md5", {"key": "k", "path": "/a.jpg", "expires": 1700003600}),
    ("bunny", "basic (V1) MD5 with IP", "bunny.basic_md5",
     {"key": "k", "path": "/a.jpg", "expires": 1700003600, "ip": "1.2.3.4"}),
    ("bunny", "legacy SHA-256 (pre-2026)", "bunny.legacy_sha256",
     {"key": "SecurityKey", "path": "/300kb.jpg", "expires": 1598024587, "params": []}),
    ("keycdn", "image processing token", "keycdn.image_token",
     {"path": "/path/to/example.jpg", "query": "flip=1&width=400", "secret": "mysecret"}),
    ("keycdn", "access control token", "keycdn.access_token",
     {"path": "/path/to/file1.jpg", "secret": "securetokenkey", "expire": 1700003600}),
]
ONLY_KEYS = [(s, n, B.add("formula", op, i)) for s, n, op, i in ONLY]


# --------------------------------------------------------------------------- run and report

def main():
    setup()
    pyv = subprocess.run([str(VENV_PY), str(HERE / "oracle_py.py")], input=b'[{"id":"v","op":"versions","input":{}}]',
                         stdout=subprocess.PIPE, check=True)
    nodev = subprocess.run(["node", str(HERE / "oracle_node.mjs")], input=b'[{"id":"v","op":"versions","input":{}}]',
                           stdout=subprocess.PIPE, check=True, cwd=HERE)
    got_py = json.loads(pyv.stdout)[0]["ok"]
    got_node = json.loads(nodev.stdout)[0]["ok"]
    failures = []
    for name, want in pins_py().items():
        if got_py.get(name) != want:
            failures.append("pin: %s is %s, want %s" % (name, got_py.get(name), want))
    for name, want in pins_node().items():
        if got_node.get(name) != want:
            failures.append("pin: %s is %s, want %s" % (name, got_node.get(name), want))
    print("vendor packages: " + ", ".join(["%s %s (PyPI)" % kv for kv in got_py.items()]
                                          + ["%s %s (npm)" % kv for kv in got_node.items()])
          + ", github.com/cshum/imagor v1.9.4 (Go)")

    B.run()
    summary = {}

    def tally(scheme, key):
        summary.setdefault(scheme, {"published": [0, 0], "vendor": [0, 0], "agree": 0, "disagree": 0})
        return summary[scheme]

    # 1. published
    for v, fk, vendor in PUBLISHED:
        t = tally(v["scheme"], None)
        st, got = B.get(fk)
        exp = v["expected"]
        match = st == "ok" and (all(got.get(k) == x for k, x in exp.items()) if isinstance(exp, dict)
                                else got == exp)
        reproducible = v.get("reproducible", True)
        if reproducible:
            t["published"][1] += 1
            t["published"][0] += match
            if not match:
                failures.append("published %s: formula gave %r, want %r" % (v["id"], got, exp))
        elif match:
            failures.append("published %s is marked not reproducible but now matches" % v["id"])
        for n in v.get("negative", []):
            val = got.get("token") if isinstance(got, dict) else got
            if val == n:
                failures.append("published %s: negative value %s matches" % (v["id"], n))
        for label, key, want in vendor:
            t["vendor"][1] += 1
            st, got = B.get(key)
            if st == "ok" and isinstance(got, dict) and isinstance(want, str):
                got = got.get("url")
            if st == "ok" and got == want:
                t["vendor"][0] += 1
            else:
                failures.append("published %s via %s: got %r, want %r" % (v["id"], label, got, want))

    # 2. samples
    disagreements = []
    for scheme, name, items, expect, why in CHECKS:
        t = tally(scheme, None)
        vals = []
        for label, key, ex in items:
            if key is None:
                vals.append((label, ex))
                continue
            st, got = B.get(key)
            vals.append((label, ex(got) if st == "ok" else "ERROR " + got))
        distinct = {json.dumps(v) for _l, v in vals}
        if VERBOSE:
            print("  [%s] %s" % (scheme, name))
            for label, val in vals:
                print("      %-48s %s" % (label, val))
        if expect == "agree":
            if len(distinct) == 1 and not str(vals[0][1]).startswith("ERROR"):
                t["agree"] += 1
            else:
                failures.append("[%s] %s: oracles disagree:\n%s" % (scheme, name, "\n".join(
                    "      %-48s %s" % lv for lv in vals)))
        else:
            if len(distinct) > 1:
                t["disagree"] += 1
                disagreements.append((scheme, name, vals, why))
            else:
                failures.append("[%s] %s: expected a known disagreement, all agree (%s); "
                                "update NOTES.md" % (scheme, name, vals[0][1]))

    # The formulas re-sign what the vendors emitted (signature only, not the encoding)
    for scheme, name, items, expect, _why in CHECKS:
        if scheme == "cloudinary" and name in CLD_OPTS:
            for label, key, ex in items:
                st, got = B.get(key)
                if st != "ok":
                    continue
                url = ex(got)
                if "/s--" not in url:
                    continue
                sig = "s--" + url.split("/s--", 1)[1].split("--/", 1)[0] + "--"
                opts = CLD_OPTS[name]
                inp = cld_formula_from_url(url, long=bool(opts.get("long_url_signature")),
                                           alg="sha256" if opts.get("long_url_signature") or
                                           opts.get("signature_algorithm") == "sha256" else "sha1")
                mine = formulas.cloudinary_signature(inp)
                t = tally("cloudinary", None)
                if mine == sig:
                    t.setdefault("resigned", 0)
                    t["resigned"] = t.get("resigned", 0) + 1
                else:
                    failures.append("[cloudinary] %s: formula re-signing %s's URL gives %s, "
                                    "the URL has %s" % (name, label, mine, sig))
        if scheme == "imagekit":
            for label, key, ex in items:
                st, got = B.get(key)
                if st != "ok":
                    continue
                url = ex(got)
                q = urllib.parse.urlsplit(url).query
                pairs = [p.split("=", 1) for p in q.split("&")] if q else []
                sig = dict(pairs)["ik-s"]
                exp = int(dict(pairs).get("ik-t", 0)) or None
                unsigned = url.split("&ik-t=")[0].split("?ik-t=")[0].split("&ik-s=")[0].split("?ik-s=")[0]
                mine = formulas.imagekit_signature({"private_key": "private_key_test", "url": unsigned,
                                                    "url_endpoint": EP, "expires": exp})
                t = tally("imagekit", None)
                if mine == sig:
                    t["resigned"] = t.get("resigned", 0) + 1
                else:
                    failures.append("[imagekit] %s: formula re-signing %s's URL gives %s, the URL "
                                    "has %s" % (name, label, mine, sig))

    for scheme, name, key in ONLY_KEYS:
        st, got = B.get(key)
        t = tally(scheme, None)
        t.setdefault("formula_only", 0)
        if st != "ok":
            failures.append("[%s] %s: %s" % (scheme, name, got))
        else:
            t["formula_only"] += 1
            if VERBOSE:
                print("  [%s] %s: %s" % (scheme, name, got))

    print("\n%-18s %-10s %-12s %-8s %-10s %-9s %s" % ("scheme", "published", "vendor-pub", "agree",
                                                      "disagree", "resigned", "formula-only"))
    for scheme in sorted(summary):
        t = summary[scheme]
        print("%-18s %-10s %-12s %-8d %-10d %-9s %s" % (
            scheme, "%d/%d" % tuple(t["published"]), "%d/%d" % tuple(t["vendor"]), t["agree"],
            t["disagree"], t.get("resigned", "-"), t.get("formula_only", "-")))
    print("\nknown disagreements (each checked to still hold):")
    for scheme, name, vals, why in disagreements:
        print("  [%s] %s\n      why: %s" % (scheme, name, why))
        for label, val in vals:
            print("      %-48s %s" % (label, val))
    if failures:
        print("\nFAILURES:")
        for f in failures:
            print("  " + f)
        sys.exit(1)
    n_pub = sum(t["published"][0] for t in summary.values())
    n_agree = sum(t["agree"] for t in summary.values())
    print("\nall good: %d published vectors reproduce, %d cross-checks agree, %d known "
          "disagreements confirmed" % (n_pub, n_agree, len(disagreements)))


if __name__ == "__main__":
    main()
