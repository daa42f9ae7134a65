"""Independent reference of imgsign's rules for the token-style providers (docs/behaviour.md,
"Token providers"): ImageKit, Bunny CDN, Cloudflare Images, Akamai EdgeAuth, Uploadcare,
Glide and KeyCDN.

Used only by gen_tokens.py, to compute what imgsign must answer where no vendor package
answers for it: which bytes sign-as-given signs for a URL already in the provider's grammar,
and what verification says about a URL (the reason code). The digests themselves come from
`oracles/formulas.py`, the independent implementation of each vendor's documented formula
(checked by `oracles/run_all.py` against every published vector and vendor package); this
file adds only imgsign's decisions around them (what is stripped, what is refused, which
code a failure gets). It never imports imgsign.
"""

import base64
import hashlib
import hmac
import ipaddress
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "oracles"))
import formulas  # noqa: E402
from reference import MAX_URL_BYTES, RefError, check_key, parse_normalised  # noqa: E402

NEVER = 9999999999  # ImageKit's expiry for a URL that does not expire
DIGITS = re.compile(r"[0-9]+")
HEX_LOWER = re.compile(r"[0-9a-f]+")


# ---------------------------------------------------------------- shared pieces

def pieces(query):
    """The raw `&`-separated pieces of a query (None or "" is no piece)."""
    return query.split("&") if query else []


def raw_key(piece):
    return piece.split("=", 1)[0]


def raw_value(piece):
    return piece.split("=", 1)[1] if "=" in piece else ""


def joined(ps):
    """Pieces joined; a result that is empty means no query at all (docs/behaviour.md)."""
    return "&".join(ps)


def with_query(base, q):
    return base + ("?" + q if q else "")


def expired(now, at):
    """The house rule for every scheme (docs/behaviour.md): valid through its expiry second,
    expired after it."""
    return now > at


class NotUtf8(RefError):
    """Decoded bytes that are not UTF-8 (Bunny cannot sign or verify them)."""

    def __init__(self):
        super().__init__("malformed_url", "url")


def form_decode(s):
    """`+` is a space, then %XX escapes are bytes, which must be UTF-8 (`NotUtf8`)."""
    raw = s.replace("+", " ").encode("utf-8")
    out = bytearray()
    i = 0
    while i < len(raw):
        if raw[i] == 0x25 and i + 2 < len(raw) + 0 and re.fullmatch(rb"[0-9A-Fa-f]{2}", raw[i + 1:i + 3]):
            out.append(int(raw[i + 1:i + 3], 16))
            i += 3
        else:
            out.append(raw[i])
            i += 1
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        raise NotUtf8()


def pct_decode(s):
    """Percent-decoding without the `+` rule (paths)."""
    return form_decode(s.replace("+", "%2B"))


def one(ps, name, missing):
    """The value of the piece named `name`, which must appear at most once: (value or None)."""
    hits = [p for p in ps if raw_key(p) == name]
    if len(hits) > 1:
        raise RefError("malformed_url", name)
    if not hits:
        if missing is not None:
            raise RefError(missing, name)
        return None
    return raw_value(hits[0])


def last_signature(ps, name):
    """The house rule for a signature param: exactly once, the last piece."""
    n = sum(raw_key(p) == name for p in ps)
    if n == 0:
        raise RefError("missing_signature", name)
    if n > 1 or raw_key(ps[-1]) != name:
        raise RefError("malformed_url", name)
    return ps[:-1], raw_value(ps[-1])


def timestamp(value, name):
    if value is None or not DIGITS.fullmatch(value):
        raise RefError("malformed_url", name)
    return int(value)


def matches(candidates, given):
    """Constant-time compare against every key's signature (rotation)."""
    ok = False
    for c in candidates:
        ok |= hmac.compare_digest(c.encode("ascii"), given.encode("utf-8", "replace"))
    if not ok:
        raise RefError("signature_mismatch", "signature")


def keys_of(key, previous_keys, check=check_key):
    check(key)
    for i, k in enumerate(previous_keys):
        check(k, f"previous_keys[{i}]")
    return [key] + list(previous_keys)


def check_hex_key(key, field="key"):
    check_key(key, field)
    if len(key) % 2 or not re.fullmatch(r"[0-9A-Fa-f]+", key):
        raise RefError("invalid_key", field)


def check_expiry(expires, required, provider):
    if expires is None:
        if required:
            raise RefError("invalid_param", "expires")
        return None
    if expires < 0:
        raise RefError("invalid_param", "expires")
    return expires


def emitted(url):
    if len(url.encode("utf-8")) > MAX_URL_BYTES:
        raise RefError("invalid_url", "url")
    return url


def frag(url, fragment):
    return url + ("#" + fragment if fragment is not None else "")


def b64url(raw):
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


# ---------------------------------------------------------------- ImageKit

def imagekit_endpoint(endpoint):
    if endpoint is None:
        raise RefError("invalid_param", "endpoint")
    try:
        prefix, path, query, fragment = parse_normalised(endpoint, "invalid_param")
    except RefError:
        raise RefError("invalid_param", "endpoint")
    if query is not None or fragment is not None:
        raise RefError("invalid_param", "endpoint")
    return prefix + path + ("" if path.endswith("/") else "/")


def imagekit_sign(key, url, endpoint, expires=None):
    check_key(key)
    ep = imagekit_endpoint(endpoint)
    expires = check_expiry(expires, False, "imagekit")
    prefix, path, query, fragment = parse_normalised(url)
    ps = [p for p in pieces(query) if raw_key(p) not in ("ik-s", "ik-t")]
    unsigned = with_query(prefix + path, joined(ps))
    if not unsigned.startswith(ep):
        raise RefError("invalid_url", "url")
    sig = formulas.imagekit_signature({"private_key": key, "url_endpoint": ep, "url": unsigned,
                                       "expires": expires})
    sep = "&" if joined(ps) else "?"
    tail = ("ik-t=%d&" % expires if expires is not None else "") + "ik-s=" + sig
    return emitted(frag(unsigned + sep + tail, fragment))


def imagekit_verify(key, previous_keys, url, endpoint, now, target=False):
    """`target`: a request target as received (`/demo/a.jpg?...`): the endpoint's path is its
    prefix (the host is not signed)."""
    keys = keys_of(key, previous_keys)
    ep = imagekit_endpoint(endpoint)
    if target:
        path, _, query = url.partition("?")
        prefix = ep[:ep.index("/", ep.index("://") + 3)]
    else:
        prefix, path, query, _ = parse_normalised(url, "malformed_url")
    ps, given = last_signature(pieces(query), "ik-s")
    exp = None
    if any(raw_key(p) == "ik-t" for p in ps):
        if raw_key(ps[-1]) != "ik-t" or sum(raw_key(p) == "ik-t" for p in ps) > 1:
            raise RefError("malformed_url", "ik-t")
        exp = timestamp(raw_value(ps[-1]), "ik-t")
        ps = ps[:-1]
    unsigned = with_query(prefix + path, joined(ps))
    if not unsigned.startswith(ep):
        raise RefError("malformed_url", "url")
    matches([formulas.imagekit_signature({"private_key": k, "url_endpoint": ep, "url": unsigned,
                                          "expires": exp}) for k in keys], given)
    if exp is not None and expired(now, exp):
        raise RefError("expired", "ik-t")


# ---------------------------------------------------------------- Bunny CDN

BUNNY_SCHEMES = ("hs256", "basic", "legacy")
BUNNY_OPTIONS = ("scheme", "form", "token_path", "countries", "countries_blocked", "limit",
                 "ignore_params")


def bunny_options(o):
    o = dict(o or {})
    for name in o:
        if name not in BUNNY_OPTIONS:
            raise RefError("invalid_param", name)
    scheme = o.get("scheme") or "hs256"
    form = o.get("form") or "query"
    if scheme not in BUNNY_SCHEMES or form not in ("query", "directory"):
        raise RefError("invalid_param", "scheme/form")
    if o.get("limit") is not None:
        if not isinstance(o["limit"], int) or isinstance(o["limit"], bool) or o["limit"] < 0:
            raise RefError("invalid_param", "limit")  # an integer value (docs/schemes.md)
        o["limit"] = str(o["limit"])
    if o.get("token_path") is not None and not o["token_path"].startswith("/"):
        raise RefError("invalid_param", "token_path")
    extra = [n for n in ("token_path", "countries", "countries_blocked", "limit")
             if o.get(n) is not None] + (["ignore_params"] if o.get("ignore_params") else [])
    if scheme == "basic" and (extra or form != "query"):
        raise RefError("invalid_param", "scheme")  # the basic scheme signs none of these
    if o.get("ignore_params") and any(o.get(n) is not None for n in ("countries", "countries_blocked", "limit")):
        raise RefError("invalid_param", "ignore_params")  # the vendor would drop them silently
    return scheme, form, o


def bunny_ip(ip):
    if ip is None:
        return None
    try:
        ipaddress.ip_address(ip)
    except ValueError:
        raise RefError("invalid_param", "ip")
    return ip


def bunny_enc(s):
    return formulas.pct_encode(s, safe="-._~")


def _bunny_token(scheme, key, sig_path, expires, ip, params):
    if scheme == "hs256":
        return formulas.bunny_hs256({"key": key, "path": sig_path, "expires": expires, "ip": ip,
                                     "params": params})["token"]
    if scheme == "legacy":
        return formulas.bunny_legacy_sha256({"key": key, "path": sig_path, "expires": expires,
                                             "ip": ip, "params": params})
    return formulas.bunny_basic_md5({"key": key, "path": sig_path, "expires": expires, "ip": ip})


def bunny_sign(key, url, expires, options=None, ip=None):
    check_key(key)
    scheme, form, o = bunny_options(options)
    expires = check_expiry(expires, True, "bunny")
    ip = bunny_ip(ip)
    prefix, path, query, fragment = parse_normalised(url)
    if path.startswith("/bcdn_token="):  # re-signing a directory-form URL: drop the old token
        cut = path.find("/", 1)
        path = path[cut:] if cut > 0 else "/"
    params = {}
    for p in pieces(query):
        if p == "":
            continue
        k, v = form_decode(raw_key(p)), form_decode(raw_value(p))
        if k in ("token", "expires"):
            continue
        if k in params:
            raise RefError("invalid_url", "url")  # multi-valued params cannot be signed
        params[k] = v
    if scheme == "basic" and params:
        raise RefError("invalid_url", "url")
    for opt, name in (("countries", "token_countries"), ("countries_blocked", "token_countries_blocked"),
                      ("limit", "limit"), ("token_path", "token_path")):
        if o.get(opt) is not None:
            params[name] = o[opt]
    tp = params.get("token_path")
    if tp is not None and not path.startswith(tp):
        raise RefError("invalid_url", "url")
    if o.get("ignore_params"):
        params = {"token_ignore_params": "true", **({"token_path": tp} if tp else {})}
    items = sorted(params.items())
    if scheme == "hs256":
        token = formulas.bunny_hs256({"key": key, "path": path, "expires": expires, "ip": ip,
                                      "params": [list(i) for i in items], "path_allowed": tp})["token"]
    elif scheme == "legacy":
        token = formulas.bunny_legacy_sha256({"key": key, "path": path, "expires": expires, "ip": ip,
                                              "params": [list(i) for i in items if i[0] != "token_path"],
                                              "path_allowed": tp})
    else:
        token = formulas.bunny_basic_md5({"key": key, "path": path, "expires": expires, "ip": ip})
    data = "".join("&%s=%s" % (bunny_enc(k), bunny_enc(v)) for k, v in items)
    if form == "directory":
        out = "%s/bcdn_token=%s%s&expires=%d%s" % (prefix, token, data, expires, path)
    else:
        out = "%s%s?token=%s%s&expires=%d" % (prefix, path, token, data, expires)
    return emitted(frag(out, fragment))


def bunny_verify(key, previous_keys, url, now, options=None, ip=None, target=False):
    keys = keys_of(key, previous_keys)
    scheme, _form, _o = bunny_options({k: v for k, v in (options or {}).items() if k in ("scheme",)})
    ip = bunny_ip(ip)
    if target:
        path, _, query = url.partition("?")
    else:
        _prefix, path, query, _ = parse_normalised(url, "malformed_url")
    if path.startswith("/bcdn_token="):
        cut = path.find("/", 1)
        seg, path = (path[1:cut], path[cut:]) if cut > 0 else (path[1:], "/")
        ps = seg.split("&")
        ps[0] = "token=" + raw_value(ps[0])
    else:
        ps = [p for p in pieces(query) if p != ""]
    token = one(ps, "token", "missing_signature")
    exp = timestamp(one(ps, "expires", "malformed_url"), "expires")
    params = {}
    for p in ps:
        k, v = form_decode(raw_key(p)), form_decode(raw_value(p))
        if k in ("token", "expires"):
            continue
        if k in params:
            raise RefError("malformed_url", k)
        params[k] = v
    if params.get("token_ignore_params") == "true":
        params = {k: v for k, v in params.items() if k in ("token_ignore_params", "token_path")}
    tp = params.get("token_path")
    bound = False
    if scheme == "hs256":
        if not token.startswith("HS256-"):
            raise RefError("signature_mismatch", "token")
        bound = token.startswith("HS256-1-")
        if bound and ip is None:
            raise RefError("ip_mismatch", "ip")
    elif scheme == "basic" and params:
        params = {}
    if scheme == "hs256":
        ips = [ip if bound else None]
    else:  # nothing in a basic or legacy token says whether it is bound: try both
        ips = ([ip] if ip is not None else []) + [None]
    items = [list(i) for i in sorted(params.items())]
    cands = []
    for k, use_ip in ((k, i) for k in keys for i in ips):
        if scheme == "hs256":
            cands.append(formulas.bunny_hs256({"key": k, "path": path, "expires": exp, "ip": use_ip,
                                               "params": [i for i in items if i[0] != "token_path"],
                                               "path_allowed": tp})["token"])
        elif scheme == "legacy":
            cands.append(formulas.bunny_legacy_sha256({"key": k, "path": path, "expires": exp,
                                                       "ip": use_ip, "params": [i for i in items if i[0] != "token_path"],
                                                       "path_allowed": tp}))
        else:
            cands.append(formulas.bunny_basic_md5({"key": k, "path": path, "expires": exp, "ip": use_ip}))
    matches(cands, token)
    if expired(now, exp):
        raise RefError("expired", "expires")
    if tp is not None and not path.startswith(tp):
        raise RefError("acl_mismatch", "token_path")


# ---------------------------------------------------------------- Cloudflare Images

def _cf_pairs(query):
    return [[form_decode(raw_key(p)), form_decode(raw_value(p))] for p in pieces(query) if p != ""]


def cloudflare_sign(key, url, expires):
    """The documented Worker, with one repair: a `sig` already in the URL is removed before
    signing (the Worker signs the stale one and then replaces it: a URL nothing verifies)."""
    check_key(key)
    expires = check_expiry(expires, True, "cloudflare-images")
    prefix, path, query, fragment = parse_normalised(url)
    kept = "&".join(p for p in pieces(query) if form_decode(raw_key(p)) != "sig")
    out = formulas.cloudflare_images_sign({"key": key, "url": with_query(prefix + path, kept),
                                           "exp": expires})["url"]
    return emitted(frag(out, fragment))


def cloudflare_verify(key, previous_keys, url, now, target=False):
    keys = keys_of(key, previous_keys)
    if target:
        path, _, query = url.partition("?")
    else:
        _p, path, query, _ = parse_normalised(url, "malformed_url")
    ps, given = last_signature(pieces(query), "sig")
    exp = timestamp(one(ps, "exp", "malformed_url"), "exp")
    msg = path + "?" + joined(ps)
    matches([hmac.new(k.encode(), msg.encode(), hashlib.sha256).hexdigest() for k in keys], given)
    if expired(now, exp):
        raise RefError("expired", "exp")


# ---------------------------------------------------------------- Akamai EdgeAuth

AKAMAI_OPTIONS = ("algorithm", "token_name", "field_delimiter", "acl_delimiter", "escape_early", "salt")


def akamai_options(o):
    o = dict(o or {})
    for name in o:
        if name not in AKAMAI_OPTIONS:
            raise RefError("invalid_param", name)
    alg = o.get("algorithm") or "sha256"
    if alg not in ("sha256", "sha1", "md5"):
        raise RefError("invalid_param", "algorithm")
    if o.get("salt") is not None:
        check_key(o["salt"], "salt")
    fd, ad = o.get("field_delimiter") or "~", o.get("acl_delimiter") or "!"
    if len(fd) != 1 or len(ad) != 1 or fd == ad or fd in "=" or ad in "=":
        raise RefError("invalid_param", "delimiter")
    return {"algorithm": alg, "token_name": o.get("token_name") or "__token__", "field_delimiter": fd,
            "acl_delimiter": ad, "escape_early": bool(o.get("escape_early")), "salt": o.get("salt")}


def akamai_end(start, expires, expires_in, now):
    if expires is not None and expires_in is not None:
        raise RefError("invalid_param", "expires")
    if expires_in is not None:
        if expires_in <= 0:
            raise RefError("invalid_param", "expires_in")
        base = start if start is not None else now
        return base + expires_in
    if expires is None:
        raise RefError("invalid_param", "expires")
    return expires


def akamai_token(key, o, acl=None, url=None, start=None, expires=None, expires_in=None, now=None,
                 ip=None, session_id=None, payload=None):
    """`acl`: one ACL, or several joined by the acl_delimiter option."""
    check_hex_key(key)
    o = akamai_options(o)
    if start is not None and start < 0:
        raise RefError("invalid_param", "start")
    end = akamai_end(start, expires, expires_in, now)
    if start is not None and end <= start:
        raise RefError("invalid_param", "expires")
    if (acl is None) == (url is None):
        raise RefError("invalid_param", "acl")
    inp = {"key_hex": key, "algorithm": o["algorithm"], "end_time": end,
           "field_delimiter": o["field_delimiter"], "acl_delimiter": o["acl_delimiter"],
           "escape_early": o["escape_early"], "salt": o["salt"], "ip": ip, "session_id": session_id,
           "payload": payload}
    if start is not None:
        inp["start_time"] = start
    if acl is not None:
        inp["acl"] = acl
    else:
        inp["url"] = url
    return formulas.akamai_token(inp)


def query_value(v):
    """A token field written into a URL's query as clients send it: the bytes a WHATWG parser
    percent-encodes in a query (controls, space, `"`, `#`, `'`, `<`, `>`, DEL, non-ASCII) and `&`
    written %XX (upper case), before hashing."""
    if v is None:
        return None
    return "".join("%%%02X" % b if b <= 0x20 or b >= 0x7f or chr(b) in "\"#&'<>" else chr(b)
                   for b in v.encode("utf-8"))


def akamai_sign_url(key, url, o=None, acl=None, **kw):
    prefix, path, query, fragment = parse_normalised(url)
    oo = akamai_options(o)
    early = oo["escape_early"]
    kw = {k: (query_value(v) if k in ("ip", "session_id", "payload") and not early else v) for k, v in kw.items()}
    token = akamai_token(key, o, acl=query_value(acl), url=None if acl is not None else path, **kw)
    ps = [p for p in pieces(query) if raw_key(p) != oo["token_name"]]
    q = joined(ps)
    out = prefix + path + ("?" + q + "&" if q else "?") + oo["token_name"] + "=" + token
    return emitted(frag(out, fragment))


def acl_match(pattern, path):
    rx = "".join(".*" if c == "*" else re.escape(c) for c in pct_decode(pattern))
    return re.fullmatch(rx, pct_decode(path), re.S) is not None


def akamai_verify_token(key, previous_keys, token, path, now, o=None, ip=None):
    keys = keys_of(key, previous_keys, check_hex_key)
    o = akamai_options(o)
    d = o["field_delimiter"]
    fields = token.split(d) if token else []
    if not fields:
        raise RefError("missing_signature", "token")
    names = [raw_key(f) for f in fields]
    known = ("ip", "st", "exp", "acl", "id", "data", "hmac")
    if "hmac" not in names:
        raise RefError("missing_signature", "hmac")
    if any("=" not in f for f in fields) or any(n not in known for n in names) \
            or len(set(names)) != len(names) or names[-1] != "hmac":
        raise RefError("malformed_url", "token")
    if "exp" not in names:
        raise RefError("malformed_url", "exp")
    val = {n: raw_value(f) for n, f in zip(names, fields)}
    exp = timestamp(val["exp"], "exp")
    st = timestamp(val["st"], "st") if "st" in val else None
    signed = fields[:-1]
    if "acl" not in val:
        esc = formulas._akamai_escape if o["escape_early"] else (lambda s: s)
        signed = signed + ["url=" + esc(path)]
    if o["salt"]:
        signed = signed + ["salt=" + o["salt"]]
    msg = d.join(signed).encode("utf-8")
    alg = {"sha256": hashlib.sha256, "sha1": hashlib.sha1, "md5": hashlib.md5}[o["algorithm"]]
    matches([hmac.new(bytes.fromhex(k), msg, alg).hexdigest() for k in keys], val["hmac"])
    if st is not None and now < st:
        raise RefError("not_yet_valid", "st")
    if expired(now, exp):
        raise RefError("expired", "exp")
    if "acl" in val and not any(acl_match(a, path) for a in val["acl"].split(o["acl_delimiter"])):
        raise RefError("acl_mismatch", "acl")
    if "ip" in val:
        if ip is None or ip != val["ip"]:
            raise RefError("ip_mismatch", "ip")


def akamai_verify_url(key, previous_keys, url, now, o=None, ip=None, target=False):
    oo = akamai_options(o)
    keys_of(key, previous_keys, check_hex_key)
    if target:
        path, _, query = url.partition("?")
    else:
        _p, path, query, _ = parse_normalised(url, "malformed_url")
    _ps, token = last_signature(pieces(query), oo["token_name"])
    return akamai_verify_token(key, previous_keys, token, path, now, o, ip)


# ---------------------------------------------------------------- Uploadcare

def uploadcare_url_escape(path):
    """The `url=` field of an Uploadcare URL token: the path percent-decoded, then escaped as
    pyuploadcare does (quote_plus keeping `,`, lower-case hex, `~` written %7e)."""
    keep = "_.-~,"
    return "".join("+" if b == 0x20 else chr(b) if b < 0x80 and (chr(b).isalnum() or chr(b) in keep)
                   else "%%%02x" % b for b in pct_decode(path).encode("utf-8")).replace("~", "%7e")


def uploadcare_sign(key, url, expires, mode="acl", wildcard=False):
    check_hex_key(key)
    expires = check_expiry(expires, True, "uploadcare")
    if mode not in ("acl", "url"):
        raise RefError("invalid_param", "mode")
    prefix, path, query, fragment = parse_normalised(url)
    if any(raw_key(p) != "token" for p in pieces(query) if p != ""):
        raise RefError("invalid_url", "url")
    core = path.strip("/")
    out_path = "/" + core + "/"
    if mode == "acl":
        acl = query_value("/%s/%s" % (core.replace("~", "%7e"), "*" if wildcard else ""))
        signed = "exp=%d~acl=%s" % (expires, acl)
        fields = signed
    else:
        esc = uploadcare_url_escape(out_path)
        signed = "exp=%d~url=%s" % (expires, esc)
        fields = "exp=%d" % expires
    digest = hmac.new(bytes.fromhex(key), signed.encode(), hashlib.sha256).hexdigest()
    return emitted(frag("%s%s?token=%s~hmac=%s" % (prefix, out_path, fields, digest), fragment))


def uploadcare_verify(key, previous_keys, url, now, mode="acl"):
    keys_of(key, previous_keys, check_hex_key)
    _p, path, query, _ = parse_normalised(url, "malformed_url")
    _ps, token = last_signature(pieces(query), "token")
    fields = token.split("~")
    names = [raw_key(f) for f in fields]
    if names not in (["exp", "acl", "hmac"], ["exp", "hmac"]):
        if "hmac" not in names:
            raise RefError("missing_signature", "hmac")
        raise RefError("malformed_url", "token")
    val = {n: raw_value(f) for n, f in zip(names, fields)}
    exp = timestamp(val["exp"], "exp")
    if "acl" in val:
        signed = "exp=%s~acl=%s" % (val["exp"], val["acl"])
    else:
        esc = uploadcare_url_escape(path)
        signed = "exp=%s~url=%s" % (val["exp"], esc)
    matches([hmac.new(bytes.fromhex(k), signed.encode(), hashlib.sha256).hexdigest()
             for k in [key] + list(previous_keys)], val["hmac"])
    if expired(now, exp):
        raise RefError("expired", "exp")
    if "acl" in val and not acl_match(val["acl"].replace("%7e", "~"), path):
        raise RefError("acl_mismatch", "acl")


# ---------------------------------------------------------------- Glide

def glide_params(query, code="invalid_param"):
    """What PHP's $_GET holds for this query: `+` and %XX decoded; `.` and space in a key
    become `_`; a later value for the same key replaces the earlier one; a key with `[` or
    `]` (PHP arrays) is refused."""
    out = {}
    for p in pieces(query):
        if p == "":
            continue
        k = form_decode(raw_key(p))
        if "[" in k or "]" in k:
            raise RefError(code, k)
        k = k.replace(".", "_").replace(" ", "_")
        if k == "s":
            continue
        out[k] = form_decode(raw_value(p))
    return out


def glide_digest(key, path, params):
    return formulas.glide_signature({"key": key, "path": pct_decode(path),
                                     "params": [[k, v] for k, v in params.items()]})


def glide_sign(key, url):
    check_key(key)
    prefix, path, query, fragment = parse_normalised(url)
    params = glide_params(query)
    ps = [p for p in pieces(query) if form_decode(raw_key(p)) != "s"]
    q = joined(ps)
    sig = glide_digest(key, path, params)
    return emitted(frag(prefix + path + ("?" + q + "&" if q else "?") + "s=" + sig, fragment))


def glide_verify(key, previous_keys, url, now, target=False):
    keys = keys_of(key, previous_keys)
    if target:
        path, _, query = url.partition("?")
    else:
        _p, path, query, _ = parse_normalised(url, "malformed_url")
    ps, given = last_signature(pieces(query), "s")
    try:
        params = glide_params(joined(ps), "malformed_url")
        pct_decode(path)
    except NotUtf8:
        # Glide hashes bytes: bytes that are not the UTF-8 of any signed text match no signature.
        raise RefError("signature_mismatch", "s")
    matches([glide_digest(k, path, params) for k in keys], given)


# ---------------------------------------------------------------- KeyCDN

def keycdn_sign(key, url, expires=None, mode="image"):
    check_key(key)
    if mode not in ("image", "access"):
        raise RefError("invalid_param", "mode")
    expires = check_expiry(expires, mode == "access", "keycdn")
    if mode == "image" and expires is not None:
        raise RefError("invalid_param", "expires")
    prefix, path, query, fragment = parse_normalised(url)
    drop = ("token",) if mode == "image" else ("token", "expire")
    ps = [p for p in pieces(query) if raw_key(p) not in drop]
    q = joined(ps)
    lead = prefix + path + ("?" + q + "&" if q else "?")
    if mode == "image":
        out = lead + "token=" + formulas.keycdn_image_token({"path": path, "query": q, "secret": key})
    else:
        out = lead + "token=%s&expire=%d" % (
            formulas.keycdn_access_token({"path": path, "secret": key, "expire": expires}), expires)
    return emitted(frag(out, fragment))


def keycdn_verify(key, previous_keys, url, now, mode="image", target=False):
    keys = keys_of(key, previous_keys)
    if target:
        path, _, query = url.partition("?")
    else:
        _p, path, query, _ = parse_normalised(url, "malformed_url")
    ps = pieces(query)
    if mode == "image":
        ps, given = last_signature(ps, "token")
        q = joined(ps)
        matches([formulas.keycdn_image_token({"path": path, "query": q, "secret": k}) for k in keys], given)
        return
    n_tok = sum(raw_key(p) == "token" for p in ps)
    if n_tok == 0:
        raise RefError("missing_signature", "token")
    exp_v = one(ps, "expire", "malformed_url")
    if n_tok > 1 or len(ps) < 2 or raw_key(ps[-2]) != "token" or raw_key(ps[-1]) != "expire":
        raise RefError("malformed_url", "token")
    exp = timestamp(exp_v, "expire")
    matches([formulas.keycdn_access_token({"path": path, "secret": k, "expire": exp}) for k in keys],
            raw_value(ps[-2]))
    if expired(now, exp):
        raise RefError("expired", "expire")
