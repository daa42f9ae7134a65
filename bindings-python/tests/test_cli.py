"""Canonical output equals the Rust CLI's output for the same input (the CLI must exist)."""

import os
import subprocess

import pytest

import imgsign

CASES = [
    ("demo.imgix.net", "imgix", "/users/1.png", [("w", "400"), ("h", "300")]),
    ("demo.imgix.net", "imgix", "/a b/ümlaut.jpg", [("txt", "hello world"), ("txt64", "Hello, World!")]),
    ("assets.example.com", "gumlet", "//x/y.png", [("fit", "crop")]),
    ("image.pvnservices.com", "pixta", "books/database-internals.jpg", [("w", "400"), ("h", "600"), ("fit", "crop")]),
    ("img.example.com", "imageboss", "/cover/300x200/a.jpg", []),
    ("demo.imgix.net", "imgix", "https://example.com/p.jpg?x=1", [("w", "1")]),
]


@pytest.fixture(scope="module")
def cli(repo_root):
    for profile in ("release", "debug"):
        path = repo_root / "target" / profile / "imgsign"
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
    pytest.fail("the imgsign CLI is not built (target/debug/imgsign or target/release/imgsign)")


@pytest.mark.parametrize("domain,provider,path,params", CASES)
def test_build_matches_cli(cli, domain, provider, path, params):
    key = "FOO123bar"
    args = [cli, "build", "--domain", domain, "--provider", provider, "--profile", "canonical", path]
    args += [f"{k}={v}" for k, v in params]
    out = subprocess.run(args, env={**os.environ, "IMGSIGN_KEY": key}, capture_output=True, text=True, check=True)
    ours = imgsign.UrlBuilder(domain, provider=provider, key=key).build_url(path, dict(params))
    assert out.stdout.strip() == ours
    assert key not in out.stderr
