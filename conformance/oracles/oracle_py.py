#!/usr/bin/env python3
"""Oracle: runs the vendors' own Python packages (pins in requirements.txt).

stdin: JSON list of cases {"id", "op", "input"}; stdout: JSON list of
{"id", "ok": <result>} or {"id", "error": "<message>"}, same order, one process for
all cases. Clocks are injected (the packages read time.time()): every case that
depends on "now" carries it. No network: only URL/token builders are called.

ops (inputs in each vendor's own terms):
  versions                          -> {package: version}
  libthumbor.CryptoURL.generate     {key, options}            -> {"url"}
  libthumbor.Signer.signature       {key, path}               -> signature
  libthumbor.Signer.validate        {key, signature, path}    -> bool (the server's check)
  cloudinary.cloudinary_url         {public_id, options}      -> {"url", "signature"}
  cloudinary.auth_token.generate    {options}                 -> token string
  imagekit.build_url                {private_key, url_endpoint, src, transformation,
                                     transformation_position, query_parameters,
                                     signed, expires_in, now} -> {"url", "signature",
                                                                  "expires"}
("signature"/"expires" are parsed from the vendor's URL, for convenience.)
  akamai_edgeauth.generate          {key_hex, ..., acl | url} -> token string
  pyuploadcare.build                {secret_hex, cdn, handle, mode, wildcard, now,
                                     window}                  -> {"token", "url"}
"""

import json
import os
import sys
import types
from importlib import metadata
from unittest import mock

PINS = ["libthumbor", "cloudinary", "imagekitio", "akamai-edgeauth", "pyuploadcare"]

# The vendors read secrets and defaults from the environment: an oracle must not.
for _name in list(os.environ):
    if _name.startswith(("CLOUDINARY_", "IMAGEKIT_", "UPLOADCARE_", "THUMBOR_")):
        del os.environ[_name]


def _cloudinary_sig(url):
    """The s--...--/ segment (13 or 37 characters), parsed from the vendor's URL."""
    for seg in url.split("?")[0].split("/"):
        if seg.startswith("s--") and seg.endswith("--") and len(seg) in (13, 37):
            return seg
    return None


def _imagekit_parts(url):
    q = url.split("?", 1)[1] if "?" in url else ""
    kv = dict(p.split("=", 1) for p in q.split("&") if "=" in p)
    return {"url": url, "signature": kv.get("ik-s"), "expires": kv.get("ik-t")}


def _clock(now):
    return types.SimpleNamespace(time=lambda: float(now))


def versions(_i):
    return {p: metadata.version(p) for p in PINS}


def thumbor_generate(i):
    from libthumbor import CryptoURL
    opts = dict(i["options"])
    if "crop" in opts:
        opts["crop"] = tuple(tuple(p) for p in opts["crop"])
    if "filters" in opts:
        opts["filters"] = tuple(opts["filters"])
    return {"url": CryptoURL(key=i["key"]).generate(**opts)}


def thumbor_signature(i):
    from libthumbor import Signer
    return Signer(i["key"]).signature(i["path"]).decode("ascii")


def thumbor_validate(i):
    from libthumbor import Signer
    return Signer(i["key"]).validate(i["signature"].encode("ascii"), i["path"])


def cloudinary_url(i):
    import cloudinary
    import cloudinary.utils
    cloudinary.reset_config()
    url, _rest = cloudinary.utils.cloudinary_url(i["public_id"], **dict(i["options"]))
    return {"url": url, "signature": _cloudinary_sig(url)}


def cloudinary_auth_token(i):
    import cloudinary.auth_token
    return cloudinary.auth_token.generate(**i["options"])


def imagekit_build_url(i):
    from imagekitio import ImageKit
    from imagekitio.lib import helper
    client = ImageKit(private_key=i["private_key"])
    opts = {k: i[k] for k in ("src", "url_endpoint", "transformation", "transformation_position",
                              "query_parameters", "signed", "expires_in") if i.get(k) is not None}
    with mock.patch.object(helper, "time", _clock(i.get("now", 0))):
        return _imagekit_parts(client.helper.build_url(**opts))


def akamai_generate(i):
    from akamai.edgeauth import EdgeAuth
    names = ("token_type", "token_name", "algorithm", "salt", "ip", "payload", "session_id",
             "start_time", "end_time", "window_seconds", "field_delimiter", "acl_delimiter",
             "escape_early")
    ea = EdgeAuth(key=i["key_hex"], **{k: i[k] for k in names if i.get(k) is not None})
    if i.get("acl") is not None:
        return ea.generate_acl_token(i["acl"])
    return ea.generate_url_token(i["url"])


def uploadcare_build(i):
    import pyuploadcare.secure_url as su
    cls = su.AkamaiSecureUrlBuilderWithAclToken if i["mode"] == "acl" \
        else su.AkamaiSecureUrlBuilderWithUrlToken
    b = cls(i["cdn"], i["secret_hex"], window=i.get("window", 300))
    with mock.patch.object(su, "time", _clock(i["now"])):
        return {"token": b.get_token(i["handle"], wildcard=i.get("wildcard", False)),
                "url": b.build(i["handle"], wildcard=i.get("wildcard", False))}


OPS = {
    "versions": versions,
    "libthumbor.CryptoURL.generate": thumbor_generate,
    "libthumbor.Signer.signature": thumbor_signature,
    "libthumbor.Signer.validate": thumbor_validate,
    "cloudinary.cloudinary_url": cloudinary_url,
    "cloudinary.auth_token.generate": cloudinary_auth_token,
    "imagekit.build_url": imagekit_build_url,
    "akamai_edgeauth.generate": akamai_generate,
    "pyuploadcare.build": uploadcare_build,
}


def main():
    out = []
    for c in json.load(sys.stdin):
        try:
            out.append({"id": c["id"], "ok": OPS[c["op"]](c["input"])})
        except Exception as e:  # the vendor's refusal is a result too
            out.append({"id": c["id"], "error": "%s: %s" % (type(e).__name__, e)})
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
