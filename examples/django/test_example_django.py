"""The example project, through Django's test client."""

import html
import re

import pytest
from django.test import Client, override_settings

import imgsign
from imgsign.django import get_builder

KEY = "example-test-key-123"
NOW_SIGNER = imgsign.Signer("imgix", KEY)


@pytest.fixture()
def client():
    return Client()


def page_urls(client):
    res = client.get("/")
    assert res.status_code == 200
    body = res.content.decode()
    srcs = [html.unescape(u) for u in re.findall(r'src="([^"]+)"', body)]
    srcsets = [html.unescape(s) for s in re.findall(r'srcset="([^"]+)"', body)]
    return body, srcs, srcsets


def test_page_urls_verify(client):
    body, srcs, srcsets = page_urls(client)
    assert KEY not in body
    assert len(srcs) == 4 and len(srcsets) == 4
    entries = [e.strip().rsplit(" ", 1) for s in srcsets for e in s.split(",\n")]
    assert {d for _, d in entries} >= {"1x", "5x", "100w", "8192w"}
    urls = srcs + [u for u, _ in entries]
    for url in urls:
        assert url.startswith("https://img.example.com/images/")
        NOW_SIGNER.verify_url(url)
    assert srcs[0] == get_builder().build_url("images/mountain.jpg", {"w": 400, "h": 300, "fit": "crop"})
    assert "lake%20side.png" in srcs[2]


def test_good_tampered_and_expired_requests(client):
    _, srcs, _ = page_urls(client)
    good = srcs[0].removeprefix("https://img.example.com")
    res = client.get(good)
    assert res.status_code == 200 and res["Content-Type"] == "image/gif"
    space = srcs[2].removeprefix("https://img.example.com")
    assert client.get(space).status_code == 200

    assert client.get(good.replace("w=400", "w=401")).status_code == 403
    assert client.get(good.replace("/mountain", "/mountaim")).status_code == 403
    assert client.get(good[:-1] + ("0" if good[-1] != "0" else "1")).status_code == 403
    assert client.get(good.split("&s=")[0]).status_code == 403  # no signature
    assert client.get("/images/mountain.jpg").status_code == 403

    expired = NOW_SIGNER.sign_url("https://img.example.com/images/mountain.jpg?w=400", expires=1_000_000)
    res = client.get(expired.removeprefix("https://img.example.com"))
    assert res.status_code == 410
    fresh = NOW_SIGNER.sign_url("https://img.example.com/images/mountain.jpg?w=400", expires_in=3600)
    assert client.get(fresh.removeprefix("https://img.example.com")).status_code == 200


def test_raw_request_target_is_preferred(client):
    # A path with ';' is percent-decoded by Django and re-encoded differently by
    # get_full_path(); the server's raw request target keeps the signed bytes.
    url = get_builder().build_url("images/a;b.jpg", {"w": 10})
    target = url.removeprefix("https://img.example.com")
    assert ";" in target
    assert client.get(target, REQUEST_URI=target).status_code == 200
    assert client.get(target, RAW_URI=target.replace("w=10", "w=11")).status_code == 403


def test_previous_keys_and_no_key(client):
    old = imgsign.Signer("imgix", "old-key-456").sign_url("https://img.example.com/images/x.jpg")
    target = old.removeprefix("https://img.example.com")
    assert client.get(target).status_code == 403
    conf = {"domain": "img.example.com", "provider": "imgix", "previous_keys": ["old-key-456"]}
    with override_settings(IMGSIGN=conf):
        assert client.get(target).status_code == 200
    with override_settings(IMGSIGN={**conf, "key_env": "IMGSIGN_UNSET_VARIABLE_FOR_TEST"}):
        assert client.get(target).status_code == 403
        assert not get_builder().is_signed


def test_the_request_target_is_verified_as_received_whatever_the_host(client):
    # imgsign.django hands Signer.verify the path and query: no absolute URL is rebuilt, so
    # neither the Host header nor the scheme the app sees matters.
    from imgsign.django import signed_request_target

    _, srcs, _ = page_urls(client)
    good = srcs[0].removeprefix("https://img.example.com")
    with override_settings(ALLOWED_HOSTS=["origin.internal", "10.0.0.7"]):
        assert client.get(good, HTTP_HOST="origin.internal:8000").status_code == 200
        assert client.get(good, REQUEST_URI=good, HTTP_HOST="10.0.0.7", secure=False).status_code == 200
    request = client.get(good).wsgi_request
    assert signed_request_target(request) == good
