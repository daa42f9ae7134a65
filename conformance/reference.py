"""Independent reference implementation of imgsign's behaviour (docs/behaviour.md).

Used only by generate.py to compute expected values. It never imports imgsign and
is deliberately small and literal: each function follows one section of
docs/behaviour.md. It implements the *canonical* profile of build_url/build_srcset
in full, the provider signing formulas (sign_url, verify_url) and origin-request
authentication. For the compatibility profiles it implements only the checks that
imgsign applies before delegating to the official libraries' behaviour
(`prepare_compat`); the URL itself comes from the official libraries.
"""

import base64
import decimal
import hashlib
import hmac
import math
import re

PROVIDERS = ("imgix", "gumlet", "pixta", "imageboss")
PROFILES = ("canonical", "imgix-python", "imgix-js", "imgix-swift", "imgix-java")
COMPAT_PROFILES = PROFILES[1:]
SIG_PARAM = {"imgix": "s", "gumlet": "s", "pixta": "s", "imageboss": "bossToken"}

UNRESERVED = frozenset(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
)
PATH_SAFE = UNRESERVED | frozenset(b"/&$;=@,")
HEX = "0123456789abcdefABCDEF"

# What an option that is not given (None) means (docs/behaviour.md, "Options not given").
BUILDER_DEFAULTS = {"provider": "imgix", "profile": "canonical", "use_https": True,
                    "include_library_param": False, "disable_path_encoding": False}
SRCSET_DEFAULTS = {"min_width": 100, "max_width": 8192, "tolerance": 0.08,
                   "disable_variable_quality": False}
ORIGIN_TOLERANCE = 300


def given(value, name, profile=None):
    """`value`, or the documented default of option `name` when it is not given (None). The
    compatibility profiles add the library param by default, as their libraries do."""
    if value is not None:
        return value
    if name == "include_library_param" and profile in COMPAT_PROFILES:
        return True
    return {**BUILDER_DEFAULTS, **SRCSET_DEFAULTS}[name]


DEFAULT_QUALITIES = {1: 75, 2: 50, 3: 35, 4: 23, 5: 20}
DEFAULT_RATIOS = [1, 2, 3, 4, 5]
MAX_URL_BYTES = 65536


class RefError(Exception):
    def __init__(self, code, field=""):
        super().__init__(f"{code}: {field}")
        self.code = code


# ---------------------------------------------------------------- helpers


def is_control(ch):
    o = ord(ch)
    return o <= 0x1F or 0x7F <= o <= 0x9F


def pct(text, keep):
    """Percent-encode the UTF-8 bytes of `text` not in `keep` (uppercase hex)."""
    return "".join(
        chr(b) if b in keep else "%%%02X" % b for b in text.encode("utf-8")
    )


def b64url(text):
    return base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")


def fmt_float(x):
    """Shortest round-trip form, never exponent, no trailing `.0`, -0.0 -> 0."""
    if not math.isfinite(x):
        raise RefError("invalid_param", "value")
    if x == 0:
        return "0"
    s = format(decimal.Decimal(repr(x)), "f")
    if s.endswith(".0"):
        s = s[:-2]
    return s


def stringify(v):
    """Param value stringification (same in every profile). None is handled by callers."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return fmt_float(v)
    if isinstance(v, str):
        return v
    raise TypeError(f"unsupported value {v!r}")


def round_half_away(x):
    return int(decimal.Decimal(x).quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP))


# ---------------------------------------------------------------- keys, domain


def check_key(key, field="key"):
    if not isinstance(key, str) or key == "":
        raise RefError("invalid_key", field)
    if any(is_control(c) for c in key):
        raise RefError("invalid_key", field)
    if key[0].isspace() or key[-1].isspace():
        raise RefError("invalid_key", field)


def check_provider(provider):
    if provider not in PROVIDERS:
        raise RefError("invalid_param", "provider")


def check_profile(profile):
    if profile not in PROFILES:
        raise RefError("invalid_param", "profile")


def _alnum(c):
    return c.isascii() and c.isalnum()


def _ends_in_number(label):
    """WHATWG: a last label of digits, or 0x and hex digits, makes the host an IPv4 address."""
    low = label.lower()
    if low.isascii() and low.isdigit():
        return True
    return low.startswith("0x") and all(c in "0123456789abcdef" for c in low[2:])


def _strict_ipv4(domain):
    parts = domain.split(".")
    return len(parts) == 4 and all(
        p.isascii() and p.isdigit() and (p == "0" or not p.startswith("0")) and int(p) <= 255 for p in parts)


def valid_domain(domain, lowercase_only=False):
    """The imgix domain rule of docs/behaviour.md (ASCII letters and digits)."""
    if lowercase_only and any("A" <= c <= "Z" for c in domain):
        return False
    labels = domain.split(".")
    if labels and _ends_in_number(labels[-1]) and not _strict_ipv4(domain):
        return False
    if len(labels) < 2 or len(labels) > 127:
        return False
    last, second, earlier = labels[-1], labels[-2], labels[:-2]
    if not (1 <= len(last) <= 63 and all(_alnum(c) for c in last)):
        return False
    if not (1 <= len(second) <= 63 and all(_alnum(c) or c == "-" for c in second)):
        return False
    if not _alnum(second[0]) or second[-1] == "-":
        return False
    for lab in earlier:
        if not (1 <= len(lab) <= 62 and all(_alnum(c) or c in "-_" for c in lab)):
            return False
    return True


def check_domain(domain, profile):
    if not valid_domain(domain, lowercase_only=(profile in ("imgix-python", "imgix-java"))):
        raise RefError("invalid_domain", "domain")


# ---------------------------------------------------------------- provider formulas


def signature(provider, key, path, query):
    """Signature over `path` and `query` exactly as emitted (query without `?`)."""
    if provider == "gumlet":
        path = "/" + path.lstrip("/")
    msg = path + ("?" + query if query else "")
    if provider in ("imgix", "gumlet"):
        return hashlib.md5((key + msg).encode("utf-8")).hexdigest()
    if provider == "pixta":
        return hashlib.md5((msg + key).encode("utf-8")).hexdigest()
    if provider == "imageboss":
        return hmac.new(key.encode("utf-8"), msg.encode("utf-8"), hashlib.sha256).hexdigest()
    raise RefError("invalid_param", "provider")


def append_signature(provider, key, prefix, path, query):
    """prefix = scheme://host ; returns the full signed URL (no fragment)."""
    sig = signature(provider, key, path, query)
    sp = SIG_PARAM[provider]
    return prefix + path + ("?" + query + "&" if query else "?") + sp + "=" + sig


# ---------------------------------------------------------------- sign_url / verify_url

_URL_RE = re.compile(r"(https?)://([a-z0-9.\-]+(?::[0-9]+)?)(/[^?#]*)(?:\?([^#]*))?(?:#(.*))?", re.S)
# Characters a WHATWG serialiser leaves alone in an http(s) path / query / fragment; a
# conservative subset, so that an input accepted here is certainly "already normalised"
# (anything else must be normalised by hand in the vector). Note `'` is encoded in the
# query of special schemes, and `%` must start a valid escape.
_NORMAL_PATH = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*")
_NORMAL_QUERY = re.compile(r"(?:[A-Za-z0-9\-._~!$&()*+,;=:@/?]|%[0-9A-Fa-f]{2})*")
_NORMAL_FRAGMENT = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*")


def parse_normalised(url, code="invalid_url"):
    """Split an http(s) URL that is already in WHATWG-serialised form.

    Returns (prefix, path, query or None, fragment or None). Inputs that a browser
    would rewrite are not supported here (generate.py supplies the rewritten form
    by hand for those vectors)."""
    if any(is_control(c) for c in url) or url != url.strip():
        raise RefError(code, "url")
    if len(url.encode("utf-8")) > MAX_URL_BYTES:
        raise RefError(code, "url")
    m = _URL_RE.fullmatch(url)
    if not m:
        raise RefError(code, "url")
    scheme, host, path, query, frag = m.groups()
    for rx, part in ((_NORMAL_PATH, path), (_NORMAL_QUERY, query or ""), (_NORMAL_FRAGMENT, frag or "")):
        if not rx.fullmatch(part):
            raise AssertionError(f"not normalised, give the browser form by hand: {url!r}")
    return scheme + "://" + host, path, query, frag


def _raw_key(piece):
    return piece.split("=", 1)[0]


def sign_url(provider, key, url, expires=None, normalised=None):
    """`normalised` is the WHATWG form of `url` when it differs (hand-computed)."""
    check_provider(provider)
    check_key(key)
    prefix, path, query, frag = parse_normalised(url if normalised is None else normalised)
    if normalised is not None:  # the raw input must still pass the pre-parse checks
        if any(is_control(c) for c in url) or url != url.strip():
            raise RefError("invalid_url", "url")
    if provider == "gumlet":
        path = "/" + path.lstrip("/")
    sp = SIG_PARAM[provider]
    pieces = [p for p in (query.split("&") if query else []) if _raw_key(p) != sp]
    if expires is not None:
        exp_idx = [i for i, p in enumerate(pieces) if _raw_key(p) == "expires"]
        assert len(exp_idx) <= 1, "ambiguous input: several expires pieces"
        if exp_idx:
            pieces[exp_idx[0]] = f"expires={expires}"
        else:
            pieces.append(f"expires={expires}")
    q = "&".join(pieces)
    out = append_signature(provider, key, prefix, path, q)
    if frag is not None:
        out += "#" + frag
    if len(out.encode("utf-8")) > MAX_URL_BYTES:  # one limit for what is accepted and emitted
        raise RefError("invalid_url", "url")
    return out


def _check_signer(provider, key, previous_keys):
    check_provider(provider)
    check_key(key)
    for i, k in enumerate(previous_keys):
        check_key(k, f"previous_keys[{i}]")


def verify_url(provider, key, previous_keys, url, now):
    _check_signer(provider, key, previous_keys)
    prefix, path, query, _frag = parse_normalised(url, code="malformed_url")
    return _verify_parts(provider, key, previous_keys, path, query, now)


def verify_target(provider, key, previous_keys, target, now):
    """What a server receives: an origin-form request target (`/path?query`, verified byte
    for byte as received: printable ASCII, no `#`) or a full URL (as verify_url)."""
    if not target.startswith("/"):
        return verify_url(provider, key, previous_keys, target, now)
    _check_signer(provider, key, previous_keys)
    if len(target.encode("utf-8")) > MAX_URL_BYTES:
        raise RefError("malformed_url", "target")
    if any(not (0x21 <= ord(c) <= 0x7E) or c == "#" for c in target):
        raise RefError("malformed_url", "target")
    path, _, query = target.partition("?")
    return _verify_parts(provider, key, previous_keys, path, query or None, now)


def _verify_parts(provider, key, previous_keys, path, query, now):
    sp = SIG_PARAM[provider]
    pieces = query.split("&") if query else []
    if sum(_raw_key(p) == sp for p in pieces) > 1:
        raise RefError("malformed_url", "url")
    if not pieces or _raw_key(pieces[-1]) != sp:
        if any(_raw_key(p) == sp for p in pieces):
            raise RefError("malformed_url", "url")
        raise RefError("missing_signature", "url")
    given = pieces[-1].split("=", 1)[1] if "=" in pieces[-1] else ""
    signed = pieces[:-1]
    q = "&".join(signed)
    ok = False
    for k in [key] + list(previous_keys):
        if hmac.compare_digest(signature(provider, k, path, q).encode(), given.encode()):
            ok = True
    if not ok:
        raise RefError("signature_mismatch", "url")
    exp = [p for p in signed if _raw_key(p) == "expires"]
    if len(exp) > 1:
        raise RefError("malformed_url", "expires")
    if exp:
        val = exp[0].split("=", 1)[1] if "=" in exp[0] else ""
        if not re.fullmatch(r"[0-9]+", val):
            raise RefError("malformed_url", "expires")
        if now > int(val):
            raise RefError("expired", "expires")
    return None


# ---------------------------------------------------------------- building (canonical)


def check_raw_path(path):
    """A path used with disable_path_encoding must already be a valid URL path."""
    for i, c in enumerate(path):
        if is_control(c) or c in ' #?"<>`{}\\^' or not c.isascii():
            raise RefError("invalid_url", "path")
        if c == "%" and not (len(path) > i + 2 and path[i + 1] in HEX and path[i + 2] in HEX):
            raise RefError("invalid_url", "path")


def is_dot_segment(seg):
    return seg.lower().replace("%2e", ".") in (".", "..")


def check_dot_segments(emitted_path):
    """Browsers remove `.` and `..` segments (also written %2e) before requesting a URL, so
    a URL path holding one would be signed over bytes that are never sent."""
    if any(is_dot_segment(seg) for seg in emitted_path.split("/")[1:]):
        raise RefError("invalid_url", "path")


def encode_path(path, disable_path_encoding):
    rest = path[1:] if path.startswith("/") else path
    if disable_path_encoding:
        check_raw_path(rest)
        return "/" + rest
    if rest == "":
        return "/"
    low = rest[:8].lower()
    if low.startswith("http://") or low.startswith("https://"):
        return "/" + pct(rest, UNRESERVED)
    return "/" + pct(rest, PATH_SAFE)


def check_params(params, allow_empty_key):
    seen = set()
    for i, (k, v) in enumerate(params):
        if k == "" and not allow_empty_key:
            raise RefError("invalid_param", f"params[{i}]")
        if k in seen:
            raise RefError("invalid_param", f"params[{k!r}]")
        seen.add(k)
        if v is not None:
            stringify(v)  # raises on non-finite floats


def library_version():
    import pathlib

    cargo = pathlib.Path(__file__).resolve().parent.parent / "Cargo.toml"
    m = re.search(r'\[workspace\.package\][^\[]*?version\s*=\s*"([^"]+)"', cargo.read_text())
    return m.group(1)


def encode_query(params, provider, key, include_library_param):
    sp = SIG_PARAM[provider]
    items = []
    for k, v in params:
        if v is None:
            continue
        if key is not None and k == sp:
            continue  # reserved: dropped and replaced by the real signature
        if include_library_param and k == "ixlib":
            continue
        sv = stringify(v)
        ev = b64url(sv) if k.endswith("64") else pct(sv, UNRESERVED)
        items.append((pct(k, UNRESERVED), ev))
    if include_library_param:
        items.append(("ixlib", "imgsign-" + library_version()))
    items.sort(key=lambda kv: kv[0].encode("utf-8"))
    return "&".join(f"{k}={v}" for k, v in items)


def check_builder(domain, provider, key, profile):
    profile, provider = given(profile, "profile"), given(provider, "provider")
    check_profile(profile)
    check_provider(provider)
    check_domain(domain, profile)
    if key is not None:
        check_key(key)


def build_url(domain, provider, key, profile, use_https, include_library_param,
              disable_path_encoding, path, params):
    provider, profile, use_https = given(provider, "provider"), given(profile, "profile"), given(use_https, "use_https")
    include_library_param = given(include_library_param, "include_library_param")
    disable_path_encoding = given(disable_path_encoding, "disable_path_encoding")
    assert profile == "canonical"
    check_builder(domain, provider, key, profile)
    check_params(params, allow_empty_key=False)
    epath = encode_path(path, disable_path_encoding)
    check_dot_segments(epath)
    query = encode_query(params, provider, key, include_library_param)
    prefix = ("https" if use_https else "http") + "://" + domain.lower()
    if key is None:
        return prefix + epath + ("?" + query if query else "")
    return append_signature(provider, key, prefix, epath, query)


JAVA_ENCODED_PROXY = ("http%3A%2F%2F", "https%3A%2F%2F", "http%3a%2f%2f", "https%3a%2f%2f")


def prepare_compat(domain, provider, key, profile, disable_path_encoding, path, params):
    """imgsign's own checks and param preparation for the compatibility profiles (the house
    rules: a valid domain and key, no duplicate key, no non-finite float, no dot segment, a
    verbatim path that is a valid URL path, the reserved signature param dropped when signing).

    Returns the (key, value) pairs, values as the caller gave them, to hand to the official
    library (or its reference): null is kept for imgix-python (which prints it) and imgix-js
    (which skips it, but keeps its key's place when a srcset sets it), dropped for the
    others."""
    assert profile in COMPAT_PROFILES
    provider, disable_path_encoding = given(provider, "provider"), given(disable_path_encoding, "disable_path_encoding")
    check_builder(domain, provider, key, profile)
    check_params(params, allow_empty_key=True)
    rest = path[1:] if path.startswith("/") else path
    if disable_path_encoding:
        check_raw_path(rest)
        check_dot_segments("/" + rest)
    elif profile == "imgix-swift":
        if not path.startswith(("http://", "https://")):
            check_dot_segments(path if path.startswith("/") else "/" + path)
    elif profile == "imgix-java":
        if rest.startswith(JAVA_ENCODED_PROXY):
            check_raw_path(rest)
            check_dot_segments("/" + rest)
        elif not rest.startswith(("http://", "https://")):
            check_dot_segments("/" + rest.rstrip("/"))
    elif path and not (rest.startswith("http") if profile == "imgix-python"
                       else re.match(r"https?://", rest)):
        # Ordinary paths keep `.` and `/` when encoded, so the emitted segments are these.
        check_dot_segments("/" + rest)
    out = []
    for k, v in params:
        if v is None and profile in ("imgix-swift", "imgix-java"):
            continue
        if key is not None and k == SIG_PARAM[provider]:
            continue
        out.append((k, v))
    return out


# ---------------------------------------------------------------- srcset (canonical)


def check_width_range(min_width, max_width, tolerance):
    if not all(float(w).is_integer() for w in (min_width, max_width)):
        raise RefError("invalid_srcset", "min_width/max_width")
    if not (1 <= min_width <= max_width <= 8192):
        raise RefError("invalid_srcset", "min_width/max_width")
    if not (math.isfinite(tolerance) and tolerance >= 0.01):
        raise RefError("invalid_srcset", "tolerance")


def target_widths(min_width=None, max_width=None, tolerance=None):
    min_width, max_width = given(min_width, "min_width"), given(max_width, "max_width")
    tolerance = given(tolerance, "tolerance")
    check_width_range(min_width, max_width, tolerance)
    min_width, max_width = int(min_width), int(max_width)
    if min_width == max_width:
        return [min_width]
    out = []
    x = float(min_width)
    factor = 1 + 2 * tolerance
    while x < max_width:
        r = round_half_away(x)
        if not out or out[-1] != r:
            out.append(r)
        x *= factor
    if out[-1] < max_width:
        out.append(max_width)
    return out


def check_srcset_options(widths, min_width, max_width, tolerance, ratios, qualities):
    check_width_range(min_width, max_width, tolerance)
    if widths is not None:
        if not widths or not all(isinstance(w, int) and 1 <= w <= 8192 for w in widths):
            raise RefError("invalid_srcset", "widths")
    if ratios is not None:
        if not ratios or not all(math.isfinite(r) and 1 <= r <= 5 for r in ratios):
            raise RefError("invalid_srcset", "device_pixel_ratios")
    if qualities is not None:
        for r, q in qualities:
            if not (isinstance(q, int) and 0 <= q <= 100) or not math.isfinite(r):
                raise RefError("invalid_srcset", "variable_qualities")


def _with(params, key, value):
    out = [(k, v) for k, v in params if k != key]
    out.append((key, value))
    return out


def build_srcset(domain, provider, key, profile, use_https, include_library_param,
                 disable_path_encoding, path, params, widths, min_width, max_width,
                 tolerance, device_pixel_ratios, variable_qualities,
                 disable_variable_quality):
    profile, provider = given(profile, "profile"), given(provider, "provider")
    min_width, max_width = given(min_width, "min_width"), given(max_width, "max_width")
    tolerance = given(tolerance, "tolerance")
    disable_variable_quality = given(disable_variable_quality, "disable_variable_quality")
    assert profile == "canonical"
    check_builder(domain, provider, key, profile)
    check_params(params, allow_empty_key=False)
    check_srcset_options(widths, min_width, max_width, tolerance,
                         device_pixel_ratios, variable_qualities)

    def url(p):
        return build_url(domain, provider, key, profile, use_https,
                         include_library_param, disable_path_encoding, path, p)

    present = {k: v for k, v in params if v is not None}
    if widths is None and ("w" in present or "h" in present):
        ratios = device_pixel_ratios if device_pixel_ratios is not None else DEFAULT_RATIOS
        qualities = dict(DEFAULT_QUALITIES)
        for r, q in variable_qualities or []:
            qualities[r] = q  # float keys equal to ints share a slot (2.0 == 2)
        entries = []
        for r in ratios:
            p = _with(params, "dpr", float(r))
            if not disable_variable_quality and "q" not in present:
                q = qualities.get(r)
                if q is None:
                    q = qualities.get(math.floor(r))
                if q is not None:
                    p = _with(p, "q", q)
            entries.append(url(p) + " " + fmt_float(float(r)) + "x")
        return ",\n".join(entries)
    ws = widths if widths is not None else target_widths(min_width, max_width, tolerance)
    return ",\n".join(url(_with(params, "w", w)) + f" {w}w" for w in ws)


# ---------------------------------------------------------------- origin requests


def check_origin_key(key):
    check_key(key)
    if len(key) > 32 or any(ord(c) > 0xFF for c in key):
        raise RefError("invalid_key", "key")


def sign_origin_request(key, request_id, timestamp):
    check_origin_key(key)
    if request_id == "" or any(is_control(c) for c in request_id):
        raise RefError("invalid_param", "request_id")
    if timestamp < 0:
        raise RefError("invalid_param", "timestamp")
    mac = hmac.new(key.encode("latin-1"), f"{request_id}.{timestamp}".encode("utf-8"),
                   hashlib.sha256)
    return "v1," + mac.hexdigest().upper()


def _headers(headers, name):
    return [v for n, v in headers if n.lower() == name.lower()]


def verify_origin_request(key, headers, now, tolerance=None):
    tolerance = ORIGIN_TOLERANCE if tolerance is None else tolerance
    check_origin_key(key)
    if tolerance < 0:
        raise RefError("invalid_param", "tolerance")
    sig = _headers(headers, "X-Imgix-Signature")
    ts = _headers(headers, "X-Imgix-Signature-Timestamp")
    rid = _headers(headers, "X-Imgix-Signature-Request-Id")
    if not sig:
        raise RefError("missing_signature", "X-Imgix-Signature")
    if len(sig) != 1 or len(ts) != 1 or len(rid) != 1:
        raise RefError("malformed_header", "headers")
    if not re.fullmatch(r"v1,[0-9A-Fa-f]{64}", sig[0]):
        raise RefError("malformed_header", "X-Imgix-Signature")
    if not re.fullmatch(r"[0-9]+", ts[0]):
        raise RefError("malformed_header", "X-Imgix-Signature-Timestamp")
    if abs(now - int(ts[0])) > tolerance:
        raise RefError("expired", "X-Imgix-Signature-Timestamp")
    mac = hmac.new(key.encode("latin-1"), f"{rid[0]}.{ts[0]}".encode("utf-8"),
                   hashlib.sha256).digest()
    if not hmac.compare_digest(mac, bytes.fromhex(sig[0][3:])):
        raise RefError("signature_mismatch", "X-Imgix-Signature")
    return None


def check_basic_credential(value, field, allow_empty):
    if (value == "" and not allow_empty) or ":" in value or any(is_control(c) for c in value):
        raise RefError("invalid_key", field)


def verify_basic_auth(username, password, headers):
    check_basic_credential(username, "username", allow_empty=False)
    check_basic_credential(password, "password", allow_empty=True)
    auth = _headers(headers, "Authorization")
    if not auth:
        raise RefError("missing_signature", "Authorization")
    if len(auth) != 1:
        raise RefError("malformed_header", "Authorization")
    m = re.fullmatch(r"([Bb][Aa][Ss][Ii][Cc]) ([A-Za-z0-9+/]+={0,2})", auth[0])
    if not m:
        raise RefError("malformed_header", "Authorization")
    try:
        raw = base64.b64decode(m.group(2), validate=True)
    except Exception:
        raise RefError("malformed_header", "Authorization")
    expected = (username + ":" + password).encode("utf-8")
    if not hmac.compare_digest(raw, expected):
        raise RefError("signature_mismatch", "Authorization")
    return None


def verify_origin_secret(secret, headers):
    if secret == "" or len(secret) > 256:
        raise RefError("invalid_key", "secret")
    check_key(secret, "secret")
    got = _headers(headers, "X-Imgix-Origin-Secret")
    if not got:
        raise RefError("missing_signature", "X-Imgix-Origin-Secret")
    if len(got) != 1:
        raise RefError("malformed_header", "X-Imgix-Origin-Secret")
    a = hashlib.sha256(got[0].encode("utf-8")).digest()
    b = hashlib.sha256(secret.encode("utf-8")).digest()
    if not hmac.compare_digest(a, b):
        raise RefError("signature_mismatch", "X-Imgix-Origin-Secret")
    return None
