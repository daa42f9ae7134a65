"""The README's usage example: ``mypy --strict`` checks it and the test suite runs it
(scripts/readme_examples.py keeps the README's copy equal)."""

import os

import imgsign

# region readme
signer = imgsign.Signer("pixta", "wakanda123@", previous_keys=())
url = signer.sign_url("https://image.pvnservices.com/books/database-internals.jpg?w=400&h=600&fit=crop")
assert url.endswith("&fit=crop&s=7d0d58f62c945d0ca08269205228bbe7")
signer.sign_url(url, expires=1767225600)  # absolute UNIX time, or
signer.sign_url(url, expires_in=3600, now=None)  # seconds from now (now: an injectable clock)
signer.sign_urls([url, url])  # one call for many URLs
signer.verify_url(url, now=None)  # None, or raises a VerifyError subclass

builder = imgsign.UrlBuilder("demo.imgix.net", provider="imgix", key="FOO123bar", profile="canonical")
params = {"w": 400, "fit": "crop"}  # any Mapping, or (name, value) pairs
assert builder.build_url("/users/1.png", params).startswith("https://demo.imgix.net/users/1.png?fit=crop&w=400&s=")
typed: imgsign.Params = {"w": 400, "dpr": 2.0, "flip": True, "mark": None}  # None drops the param
builder.build_url("/a.jpg", typed)
builder.build_urls([("/a.jpg", {"w": 100}), ("/b.jpg", None)])
builder.build_srcset("/a.jpg")  # fluid: 31 widths 100..8192
builder.build_srcset("/a.jpg", {"w": 400})  # fixed: 1x..5x with q 75/50/35/23/20
builder.build_srcset("/a.jpg", widths=[320, 640], variable_qualities={1.5: 60})
imgsign.target_widths(min_width=100, max_width=8192, tolerance=0.08)
assert imgsign.target_widths(103, 200, 0.25, profile="imgix-python") == [103, 154, 200]  # a profile's own
builder.build_url("/a%20b.jpg", disable_path_encoding=True)  # this call's path as given
builder.reconstruct("https://demo.imgix.net/a.jpg?fit=crop", {"w": 390, "dpr": 2})

try:
    signer.verify_url(url.replace("w=400", "w=401"))
except imgsign.SignatureMismatchError as e:
    assert e.code == "signature_mismatch"  # e.code: imgsign.ErrorCode, a Literal of the core's codes

# Provider and profile names are Literal types; a name read from configuration is checked first.
configured = os.environ.get("IMAGE_CDN", "imgix")
if not imgsign.is_provider_name(configured):
    raise SystemExit(f"not a provider: {configured}")
imgsign.Signer(configured, "FOO123bar")
# endregion readme

# region sources
sources = imgsign.Sources(
    {
        "shop": {"domain": "demo.imgix.net", "provider": "imgix", "key": os.environ.get("SHOP_KEY", "FOO123bar")},
        "archive": {"domain": "demo.imgix.net", "path_prefix": "/archive", "key": "Arch1veKey", "previous_keys": ["0ld"]},
        "books": {"domain": "image.pvnservices.com", "provider": "pixta", "key": "wakanda123@"},
    }
)
signed = sources.sign_url("https://image.pvnservices.com/books/a.jpg?w=400")  # the source is chosen by host and path
sources.verify_url(signed)
built = sources.source("archive").build_url("/archive/2019/a.jpg", {"w": 800})  # paths under its prefix
sources.verify(built.removeprefix("https://demo.imgix.net"), "demo.imgix.net")  # a request target and its Host
try:
    sources.sign_url("https://unknown.example.com/a.jpg")
except imgsign.UnknownSourceError as e:
    assert e.code == "unknown_source"
# endregion sources
