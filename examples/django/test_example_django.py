"""The example project through Django's test client (which, like runserver, gives the view
the percent-decoded path only), and the system checks."""

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import checks
from django.test import Client, override_settings

import imgsign
from imgsign.django import ERROR_HEADER, get_builder, get_signer, signed_request_target

KEY = "example-test-key-123"
SIGNER = imgsign.Signer("imgix", KEY)
MIRROR = imgsign.Signer("imgix", "example-mirror-key-456")
HERE = Path(__file__).resolve().parent


@pytest.fixture()
def client():
    return Client()


def page_urls(client):
    res = client.get("/")
    assert res.status_code == 200
    body = res.content.decode()
    assert KEY not in body and "example-mirror-key-456" not in body
    srcs = [html.unescape(u) for u in re.findall(r'src="([^"]+)"', body)]
    srcsets = [html.unescape(s) for s in re.findall(r'srcset="([^"]+)"', body)]
    entries = [e.strip().rsplit(" ", 1) for s in srcsets for e in s.split(",\n")]
    return srcs, srcsets, srcs + [u for u, _ in entries]


def target(url):
    return url.split(".example.com", 1)[1]


def test_page_urls_verify(client):
    srcs, srcsets, urls = page_urls(client)
    assert len(srcs) == 12 and len(srcsets) == 12
    for url in urls:
        if url.startswith("https://img.example.com/images/"):
            SIGNER.verify_url(url)
        else:
            assert url.startswith("https://mirror.example.com/mirror/"), url
            MIRROR.verify_url(url)
    assert srcs[0] == get_builder().build_url("images/mountain.jpg", {"w": 400, "h": 300, "fit": "crop"})
    assert "lake%20side.png" in srcs[2]
    assert "a%2Bb%20%281%29%21%27%2A.jpg" in srcs[4]  # canonical: + ! ' ( ) * encoded
    assert "a%2Bb%20(1)!'*.jpg" in srcs[10]  # imgix-js profile: ! ' ( ) * kept


def test_every_url_of_the_page_is_served_under_the_decoded_path(client):
    # The test client gives the view the decoded path only (as runserver does): the builder
    # encodes it again, so every URL it built is accepted.
    _, _, urls = page_urls(client)
    assert len(urls) > 100
    for url in urls:
        res = client.get(target(url))
        assert res.status_code == 200, (url, res.content)
        assert res["Content-Type"] == "image/gif"


def test_tampered_missing_and_expired(client):
    srcs, _, _ = page_urls(client)
    good = target(srcs[0])
    for bad, code in [
        (good.replace("w=400", "w=401"), "signature_mismatch"),
        (good.replace("/mountain", "/mountaim"), "signature_mismatch"),
        (good[:-1] + ("0" if good[-1] != "0" else "1"), "signature_mismatch"),
        (good.split("&s=")[0], "missing_signature"),
        ("/images/mountain.jpg", "missing_signature"),
        # The mirror's signature on the default source's view (another key).
        ("/images/" + target(srcs[10]).split("/mirror/", 1)[1], "signature_mismatch"),
    ]:
        res = client.get(bad)
        assert (res.status_code, res[ERROR_HEADER], res.content.decode()) == (403, code, code), bad
    expired = SIGNER.sign_url("https://img.example.com/images/mountain.jpg?w=400", expires=1_000_000)
    res = client.get(target(expired))
    assert (res.status_code, res[ERROR_HEADER]) == (410, "expired")
    fresh = SIGNER.sign_url("https://img.example.com/images/mountain.jpg?w=400", expires_in=3600)
    assert client.get(target(fresh)).status_code == 200


def test_raw_request_target_is_preferred(client):
    # Given the raw target (as gunicorn and uWSGI do), the decoded path is not used.
    url = get_builder().build_url("images/a;b=c.jpg", {"w": 10})
    raw = target(url)
    assert client.get(raw, REQUEST_URI=raw).status_code == 200
    assert client.get(raw, RAW_URI=raw.replace("w=10", "w=11")).status_code == 403
    # A URL signed over %2B where a + was sent decodes alike; the raw target tells them apart.
    plus = SIGNER.sign_url("https://img.example.com/images/a+b.jpg")
    assert client.get(target(plus), RAW_URI=target(plus)).status_code == 200


def test_previous_keys_and_no_key(client):
    old = imgsign.Signer("imgix", "old-key-456").sign_url("https://img.example.com/images/x.jpg")
    assert client.get(target(old)).status_code == 403
    os.environ["IMGSIGN_TEST_OLD_KEY"] = "old-key-456"
    conf = {"domain": "img.example.com", "provider": "imgix", "previous_keys_env": ["IMGSIGN_TEST_OLD_KEY"]}
    with override_settings(IMGSIGN=conf):
        assert client.get(target(old)).status_code == 200
    with override_settings(IMGSIGN={"domain": "img.example.com"}, IMGSIGN_SOURCES=None):
        os.environ.pop("IMGSIGN_KEY")
        try:
            res = client.get(target(old))
            assert (res.status_code, res[ERROR_HEADER]) == (403, "no_key")
            assert not get_builder().is_signed and get_signer() is None
        finally:
            os.environ["IMGSIGN_KEY"] = KEY


def test_the_request_target_is_verified_as_received_whatever_the_host(client):
    srcs, _, _ = page_urls(client)
    good = target(srcs[0])
    with override_settings(ALLOWED_HOSTS=["origin.internal", "10.0.0.7"]):
        assert client.get(good, HTTP_HOST="origin.internal:8000").status_code == 200
        assert client.get(good, REQUEST_URI=good, HTTP_HOST="10.0.0.7", secure=False).status_code == 200
    assert signed_request_target(client.get(good).wsgi_request) == good


def test_one_sources_set_signs_and_verifies_every_source():
    from imgsign.django import get_sources

    sources = get_sources()
    assert sorted(sources.names) == ["default", "mirror"]
    for url in (sources.sign_url("https://img.example.com/images/a+b.jpg"),
                sources.sign_url("https://mirror.example.com/mirror/a.jpg")):
        sources.verify_url(url)
    prefixed = {"shop": {"domain": "img.example.com", "path_prefix": "/shop", "key_env": "IMGSIGN_MIRROR_KEY"}}
    with override_settings(IMGSIGN_SOURCES=prefixed):
        url = get_builder("shop").build_url("/shop/a b.jpg", {"w": 1})
        MIRROR.verify_url(url)
        assert get_builder().build_url("/images/a.jpg") != url  # the default source is another one


def test_several_sources():
    sources = {
        "photos": {"domain": "photos.imgix.net", "key_env": "IMGSIGN_KEY"},
        "avatars": {"domain": "avatars.gumlet.io", "provider": "gumlet", "key_env": "IMGSIGN_MIRROR_KEY"},
    }
    with override_settings(IMGSIGN=None, IMGSIGN_SOURCES=sources):
        assert get_builder("avatars").provider == "gumlet"
        assert get_builder("photos").domain == "photos.imgix.net"
        with pytest.raises(Exception, match="no default source"):
            get_builder()
        with pytest.raises(Exception, match="no source 'nope'"):
            get_builder("nope")
    with override_settings(IMGSIGN=None, IMGSIGN_SOURCES={"only": sources["photos"]}):
        assert get_builder().domain == "photos.imgix.net"  # the only source is the default


# --- system checks ----------------------------------------------------------------------


def ids(**settings):
    with override_settings(**settings):
        return sorted(m.id for m in checks.run_checks(tags=["imgsign"]))


def messages(**settings):
    with override_settings(**settings):
        return [m.msg for m in checks.run_checks(tags=["imgsign"])]


def test_checks_pass_on_the_example_settings():
    assert ids() == []


@pytest.mark.parametrize("settings, expected", [
    (dict(IMGSIGN=["img.example.com"]), ["imgsign.E001"]),
    (dict(IMGSIGN_SOURCES=[]), ["imgsign.E001"]),
    (dict(IMGSIGN={"domain": "img.example.com", "provder": "imgix"}), ["imgsign.E002"]),
    (dict(IMGSIGN={"provider": "imgix"}), ["imgsign.E003"]),
    (dict(IMGSIGN={"domain": "https://img.example.com/"}), ["imgsign.E003"]),
    (dict(IMGSIGN={"domain": "img.example.com", "provider": "imgx"}), ["imgsign.E004"]),
    (dict(IMGSIGN={"domain": "img.example.com", "profile": "imgix-ruby"}), ["imgsign.E004"]),
    (dict(IMGSIGN={"domain": "img.example.com", "use_https": "yes"}), ["imgsign.E004"]),
    (dict(IMGSIGN={"domain": "img.example.com", "key": "trailing-newline\n"}), ["imgsign.E005"]),
    (dict(IMGSIGN={"domain": "img.example.com", "key_env": "IMGSIGN_UNSET_FOR_TEST"}), ["imgsign.E006"]),
    (dict(IMGSIGN_SOURCES={"m": {"domain": "m.example.com", "previous_keys_env": ["IMGSIGN_UNSET_FOR_TEST"]}}),
     ["imgsign.E006"]),
    (dict(IMGSIGN_SOURCES={"default": {"domain": "m.example.com"}}), ["imgsign.E007"]),
    (dict(IMGSIGN=None, IMGSIGN_SOURCES={"m": {"domain": "m.example.com"}}), ["imgsign.W001"]),
    (dict(IMGSIGN_SOURCES={"m": {"domain": "img.example.com", "key_env": "IMGSIGN_MIRROR_KEY"}}), ["imgsign.E008"]),
    (dict(IMGSIGN_SOURCES={"bad name!": {"domain": "m.example.com", "key_env": "IMGSIGN_MIRROR_KEY"}}),
     ["imgsign.E004"]),
    (dict(IMGSIGN_SOURCES={"m": {"domain": "m.example.com", "path_prefix": "no-slash", "key": "k"}}),
     ["imgsign.E004"]),
])
def test_checks_report_each_problem_with_its_id(settings, expected):
    assert ids(**settings) == expected


def test_check_messages_are_the_cores_and_never_show_a_key():
    (msg,) = messages(IMGSIGN={"domain": "img.example.com", "provider": "SuperSecretK3y!"})
    assert msg.startswith("settings.IMGSIGN: ") and "provider: unknown provider" in msg
    assert "SuperSecretK3y" not in msg
    (msg,) = messages(IMGSIGN={"domain": "img.example.com", "key": "SuperSecretK3y!\n"})
    assert "key" in msg and "SuperSecretK3y" not in msg


def test_manage_py_check_reports_them():
    env = {**os.environ, "PYTHONPATH": str(HERE)}
    ok = subprocess.run([sys.executable, "manage.py", "check"], cwd=HERE, env=env, capture_output=True, text=True)
    assert ok.returncode == 0 and "no issues" in ok.stdout, ok.stderr
    env.pop("IMGSIGN_MIRROR_KEY")
    bad = subprocess.run([sys.executable, "manage.py", "check"], cwd=HERE, env=env, capture_output=True, text=True)
    assert bad.returncode != 0
    assert "imgsign.E006" in bad.stderr and "IMGSIGN_MIRROR_KEY is not set" in bad.stderr, bad.stderr
    assert KEY not in bad.stderr + bad.stdout


def test_async_views_are_guarded_too():
    import asyncio

    from django.http import HttpResponse
    from django.test import RequestFactory

    from imgsign.django import verify_signed_url

    @verify_signed_url
    async def view(request):
        return HttpResponse("ok")

    assert asyncio.iscoroutinefunction(view)
    good = target(get_builder().build_url("images/a+b.jpg", {"w": 1}))
    assert asyncio.run(view(RequestFactory().get(good))).status_code == 200
    refused = asyncio.run(view(RequestFactory().get(good.replace("w=1", "w=2"))))
    assert (refused.status_code, refused[ERROR_HEADER]) == (403, "signature_mismatch")
