"""The typed surface: the generated Literal types are the core's lists, the guards take
exactly those names, the README example runs, and mypy --strict accepts and refuses what
it should."""

import runpy
import textwrap
import typing
from pathlib import Path

import pytest

import imgsign
from imgsign import _errors

ROOT = Path(__file__).resolve().parents[2]


def test_literals_are_the_core_lists():
    assert typing.get_args(imgsign.ProviderName) == tuple(imgsign.provider_names())
    assert typing.get_args(imgsign.ProfileName) == tuple(imgsign.profile_names())
    assert typing.get_args(imgsign.ErrorCode) == tuple(imgsign.error_codes())
    assert "imgix" in imgsign.provider_names()


def test_every_code_has_its_class_and_every_name_is_accepted():
    assert sorted(_errors._BY_CODE) == sorted(imgsign.error_codes())
    for provider in imgsign.provider_names():
        # An unsigned builder takes every provider without the secrets its scheme needs; a
        # scheme whose URLs need an option (imagekit's endpoint) names that option, not the
        # provider.
        try:
            assert imgsign.UrlBuilder("demo.imgix.net", provider=provider).provider == provider
        except imgsign.InvalidParamError as e:
            assert str(e).startswith("options["), (provider, str(e))
    for profile in imgsign.profile_names():
        assert imgsign.UrlBuilder("demo.imgix.net", profile=profile).profile == profile


def test_guards():
    assert imgsign.is_provider_name("imgix")
    assert not imgsign.is_provider_name("imgx")
    assert not imgsign.is_provider_name(1)
    assert imgsign.is_profile_name("imgix-js")
    assert not imgsign.is_profile_name("imgix_js")
    assert imgsign.is_error_code("expired")
    assert not imgsign.is_error_code("")


def test_the_readme_example_runs():
    runpy.run_path(str(ROOT / "bindings-python/examples/usage.py"), run_name="__main__")


def test_mypy_strict_accepts_and_refuses(tmp_path):
    mypy_api = pytest.importorskip("mypy.api")
    source = tmp_path / "cases.py"
    source.write_text(textwrap.dedent('''\
        import imgsign

        builder = imgsign.UrlBuilder("demo.imgix.net")
        params = {"w": 400, "fit": "crop"}
        builder.build_url("/a.jpg", params)
        pairs = [("w", 400), ("fit", "crop")]
        builder.build_srcset("/a.jpg", pairs)
        typed: imgsign.Params = {"w": 400, "fit": "crop", "x": None}
        builder.build_url("/a.jpg", typed)
        code: imgsign.ErrorCode = imgsign.InvalidKeyError.code
        name: imgsign.ProviderName = builder.provider
        imgsign.Signer("imgx", "key")  # E1
        imgsign.UrlBuilder("demo.imgix.net", profile="imgix_js")  # E2
        bad: imgsign.Params = {"w": [400]}  # E3
        configured: str = "imgix"
        imgsign.Signer(configured, "key")  # E4
        if imgsign.is_provider_name(configured):
            imgsign.Signer(configured, "key")
        try:
            pass
        except imgsign.ImgsignError as e:
            wrong: int = e.code  # E5
        '''))
    out, err, status = mypy_api.run(["--strict", "--no-incremental", "--cache-dir=/dev/null", str(source)])
    lines = source.read_text().splitlines()
    flagged = {int(line.split(":")[1]) for line in out.splitlines() if ": error:" in line}
    expected = {i + 1 for i, text in enumerate(lines) if "# E" in text}
    assert flagged == expected, out + err
    assert status == 1
