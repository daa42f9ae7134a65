"""The example project under real servers on loopback: Django's runserver (WSGI, the path
decoded, no raw target), gunicorn (WSGI with RAW_URI) and uvicorn (ASGI with raw_path). Each
serves every URL the template tags built (paths with + ! ' ( ) *, spaces and Unicode, two
profiles), refuses tampered ones (403) and expired ones (410), with the error code in the
X-Imgsign-Error header, and logs no key."""

import sys
import time
from pathlib import Path

import pytest

import imgsign

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "python"))
from servers import origin_form, page_image_urls, serve, tampered  # noqa: E402

KEYS = {"IMGSIGN_KEY": "server-test-key-1", "IMGSIGN_MIRROR_KEY": "server-test-key-2"}
BIN = Path(sys.executable).parent
SERVERS = {
    "runserver": lambda port: [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
    "gunicorn": lambda port: [str(BIN / "gunicorn"), "-b", f"127.0.0.1:{port}", "-w", "1", "exampleproject.wsgi"],
    "uvicorn": lambda port: [str(BIN / "uvicorn"), "exampleproject.asgi:application", "--host", "127.0.0.1",
                             "--port", str(port)],
}


@pytest.mark.parametrize("server", list(SERVERS))
def test_every_built_url_is_served_and_bad_ones_refused(server):
    env = {**KEYS, "PYTHONPATH": str(HERE), "DJANGO_SETTINGS_MODULE": "exampleproject.settings"}
    with serve(SERVERS[server], cwd=str(HERE), env=env) as s:
        status, _, body = s.get("/")
        assert status == 200
        page = body.decode()
        urls = page_image_urls(page)
        assert len(urls) > 150
        targets = [origin_form(u) for u in urls]
        hard = [t for t in targets if "a%2Bb%20%281%29%21%27%2A" in t]  # canonical: + ( ) ! ' * encoded
        raw_subdelims = [t for t in targets if "%2Bb%20(1)!'*" in t]  # imgix-js: ! ' ( ) * as they are
        unicode = [t for t in targets if "/caf%C3%A9/%C3%BCn%C3%AFcode%202.png" in t]
        assert hard and raw_subdelims and unicode, "the page has the paths this test is about"
        for t in targets:
            status, headers, _ = s.get(t)
            assert (status, headers.get("content-type")) == (200, "image/gif"), (server, t, headers)
        for t in (hard[0], raw_subdelims[0], unicode[0], targets[0]):
            for bad in tampered(t):
                status, headers, body = s.get(bad)
                assert status == 403, (server, bad)
                assert headers["x-imgsign-error"] == body.decode() == "signature_mismatch"
        status, headers, _ = s.get(targets[0].split("&s=")[0])
        assert (status, headers["x-imgsign-error"]) == (403, "missing_signature")
        builder = imgsign.UrlBuilder("img.example.com", key=KEYS["IMGSIGN_KEY"])
        expired = builder.build_url("images/a+b (1)!'*.jpg", {"w": 1, "expires": 1_000_000})
        status, headers, _ = s.get(origin_form(expired))
        assert (status, headers["x-imgsign-error"]) == (410, "expired")
        fresh = builder.build_url("images/café.jpg", {"w": 1, "expires": int(time.time()) + 600})
        assert s.get(origin_form(fresh))[0] == 200
        # A URL signed as given keeps + ! ' ( ) * unencoded, as browsers send them. Only the
        # raw target tells that + from %2B: runserver, which has none, cannot accept it
        # (docs/behaviour.md, "Verifying behind a server that decodes the path").
        signer = imgsign.Signer("imgix", KEYS["IMGSIGN_KEY"])
        as_given = origin_form(signer.sign_url("https://img.example.com/images/a+b(1)!'*.jpg?w=1"))
        assert s.get(as_given)[0] == (403 if server == "runserver" else 200)
    log = "\n".join(s.log)
    assert "GET" in log or server == "gunicorn", log  # the log was read
    for key in KEYS.values():
        assert key not in page and key not in log
