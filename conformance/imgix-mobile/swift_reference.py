"""An independent reimplementation of imgix-swift 1.1.3's URL building, written from reading
its sources (`ImgixClient.swift`, `String+ImgixSwift.swift`) and the Foundation code it leans
on. No Swift toolchain is needed; the behaviour modelled is Apple Foundation's (imgix-swift
imports CommonCrypto, so it only builds on Apple platforms). See NOTES.md for every rule and
the places where Apple Foundation versions could differ.

    build_url(domain, path, params, use_https=True, token=None, include_library_param=True)
    reconstruct(original_url, params, domain="...", token=None, include_library_param=True)

`params` is a list of `[key, value]` pairs; values are JSON-typed (str, int, float, bool,
None), standing for what a Swift caller puts in the `NSDictionary`.
"""

from __future__ import annotations

import base64
import hashlib
import unicodedata
from typing import Any, Iterable, Optional

VERSION = "1.1.3"

_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
# CharacterSet.alphanumerics + "-_.!~*'()". Only its ASCII members matter: Foundation's
# addingPercentEncoding(withAllowedCharacters:) tests UTF-8 bytes, and every byte >= 0x80 is
# percent-encoded whatever the set holds.
COMPONENT_ALLOWED = frozenset((_ALNUM + "-_.!~*'()").encode())
# CharacterSet.urlPathAllowed ("!$&'()*+,-./0-9:=@A-Z_a-z~", no ';') minus "#?:+".
_URL_PATH_ALLOWED = _ALNUM + "!$&'()*+,-./:=@_~"
PATH_ALLOWED = frozenset(c for c in _URL_PATH_ALLOWED.encode() if chr(c) not in "#?:+")


def percent_encode(text: str, allowed: frozenset) -> str:
    """addingPercentEncoding: UTF-8 bytes, allowed ASCII bytes raw, others %XX (uppercase)."""
    out = []
    for byte in text.encode("utf-8"):
        out.append(chr(byte) if byte in allowed else "%%%02X" % byte)
    return "".join(out)


def encode_uri_component(text: str) -> str:
    return percent_encode(text, COMPONENT_ALLOWED)


def encode_uri(text: str) -> str:
    return percent_encode(text, PATH_ALLOWED)


def encode64(text: str) -> str:
    """ixEncode64: standard base64 of the UTF-8 bytes, '=' removed, '/' -> '_', '+' -> '-'."""
    b64 = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return b64.replace("=", "").replace("/", "_").replace("+", "-")


def describe(value: Any) -> str:
    """String(describing:) of a value bridged into an NSDictionary, on Apple platforms."""
    if value is None:
        return "<null>"  # NSNull's description
    if isinstance(value, bool):
        return "1" if value else "0"  # an NSNumber boolean describes itself as 1 / 0
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # Apple's NSNumber description of a double: "%0.16g".
        return "%0.16g" % value
    return str(value)


def sanitize_path(path: str) -> str:
    if path.startswith("http://") or path.startswith("https://"):
        path = encode_uri_component(path)
    else:
        path = encode_uri(path)
    if not path.startswith("/"):
        path = "/" + path
    return path


def _sort_key(key: str) -> str:
    # Swift String `<`: Unicode scalar order of the NFC-normalized strings.
    return unicodedata.normalize("NFC", key)


def _merge(params: Iterable[Any]) -> dict:
    """An NSDictionary from pairs: a later key replaces an earlier one."""
    merged: dict = {}
    for key, value in params:
        merged[key] = value
    return merged


def build_query_items(params: dict, include_library_param: bool) -> list:
    query_params = dict(params)
    if include_library_param:
        query_params["ixlib"] = "swift-" + VERSION
    items = []
    for key in sorted(query_params, key=_sort_key):
        value = describe(query_params[key])
        if key.endswith("64"):
            value = encode64(value)
        items.append((key, value))
    return items


def encode_query_items(items: list) -> str:
    return "&".join(encode_uri_component(k) + "=" + encode_uri_component(v) for k, v in items)


def _assemble(scheme: str, host: str, port: Optional[int], path: str, params: dict,
              token: Optional[str], include_library_param: bool) -> str:
    path = sanitize_path(path)
    items = build_query_items(params, include_library_param)
    if token is not None:  # an empty token still signs
        query = encode_query_items(items)
        base = token + path + ("?" + query if query else "")
        items.append(("s", hashlib.md5(base.encode("utf-8")).hexdigest()))
    url = scheme + "://" + host + (":%d" % port if port is not None else "") + path
    if items:
        url += "?" + encode_query_items(items)
    return url


def build_url(domain: str, path: str, params: Iterable[Any] = (), use_https: bool = True,
              token: Optional[str] = None, include_library_param: bool = True) -> str:
    return _assemble("https" if use_https else "http", domain, None, path, _merge(params),
                     token, include_library_param)


# --- reconstruct -----------------------------------------------------------------------------

def _percent_decode(text: str) -> Optional[str]:
    """removingPercentEncoding: None when a % is not followed by two hex digits or the
    decoded bytes are not UTF-8."""
    out = bytearray()
    i = 0
    raw = text.encode("utf-8")
    while i < len(raw):
        if raw[i] == 0x25:
            pair = raw[i + 1:i + 3]
            if len(pair) != 2 or not all(chr(b) in "0123456789abcdefABCDEF" for b in pair):
                return None
            out.append(int(pair, 16))
            i += 3
        else:
            out.append(raw[i])
            i += 1
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        return None


def parse_url(url: str) -> dict:
    """The parts of an absolute http(s) URL that reconstruct reads (RFC 3986 split)."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        raise ValueError("not an absolute URL: %r" % url)
    rest, _, _fragment = rest.partition("#")
    authority_end = len(rest)
    for ch in "/?":
        idx = rest.find(ch)
        if idx != -1:
            authority_end = min(authority_end, idx)
    authority, remainder = rest[:authority_end], rest[authority_end:]
    path, qmark, query = remainder.partition("?")
    hostport = authority.rpartition("@")[2]
    host, port = hostport, None
    if not hostport.endswith("]") and ":" in hostport:
        host, _, port_text = hostport.rpartition(":")
        port = int(port_text) if port_text else None
    return {"scheme": scheme, "host": host, "port": port, "path": path,
            "query": query if qmark else None}


def query_items(query: Optional[str]) -> Optional[list]:
    """URLComponents.queryItems: split on '&', then on the first '='; names and values
    percent-decoded ('+' stays '+'); an item without '=' has a nil value."""
    if query is None:
        return None
    if query == "":
        return []
    items = []
    for piece in query.split("&"):
        name, eq, value = piece.partition("=")
        items.append((_percent_decode(name) or name, (_percent_decode(value) or value) if eq else None))
    return items


def url_path(path: str) -> str:
    """URL.path: percent-decoded; trailing slashes dropped (an all-slash path is "/")."""
    decoded = _percent_decode(path)
    if decoded is None:
        return ""
    if decoded and decoded.strip("/") == "":
        return "/"
    return decoded.rstrip("/") if decoded else decoded


def reconstruct(original_url: str, params: Iterable[Any] = (), domain: str = "",
                token: Optional[str] = None, include_library_param: bool = True) -> str:
    """ImgixClient.reconstruct(originalURL:params:): the original's query items (a nil
    value removes the key; a later duplicate wins), then the new params over them, built as
    buildUrl(originalURL.path, ...) and put on the original's scheme, host and port. The
    client's own host and useHttps are not used."""
    parts = parse_url(original_url)
    merged: dict = {}
    for name, value in query_items(parts["query"]) or []:
        if value is None:
            merged.pop(name, None)  # NSMutableDictionary setValue(nil, forKey:) removes
        else:
            merged[name] = value
    for key, value in params:
        merged[key] = value
    return _assemble(parts["scheme"], parts["host"], parts["port"], url_path(parts["path"]),
                     merged, token, include_library_param)
