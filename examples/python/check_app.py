"""The checks every Jinja2 example (Flask, FastAPI) passes, through any client with a
``get(target) -> (status, headers, body)``: every URL of the rendered page is served, tampered
ones are refused (403) and expired ones too (410), with the error code in X-Imgsign-Error,
and no key is in any body."""

import time

import imgsign

from servers import origin_form, page_image_urls, tampered


def check_app(get, key: str, domain: str = "img.example.com") -> int:
    status, _, body = get("/")
    assert status == 200
    page = body.decode()
    assert key not in page
    urls = page_image_urls(page)
    assert len(urls) > 100
    signer = imgsign.Signer("imgix", key)
    targets = []
    for url in urls:
        assert url.startswith(f"https://{domain}/images/"), url
        signer.verify_url(url)
        targets.append(origin_form(url))
    assert any("a%2Bb%20%281%29%21%27%2A.jpg" in t for t in targets)
    assert any("caf%C3%A9/%C3%BCn%C3%AFcode.png" in t for t in targets)
    for t in targets:
        status, headers, body = get(t)
        assert (status, headers.get("content-type", "").split(";")[0]) == (200, "image/gif"), (t, body)
    for t in (targets[0], next(t for t in targets if "%2B" in t)):
        for bad in tampered(t):
            status, headers, body = get(bad)
            assert (status, headers.get("x-imgsign-error"), body) == (403, "signature_mismatch", b"signature_mismatch")
    status, headers, body = get("/images/mountain.jpg?w=1")
    assert (status, headers.get("x-imgsign-error")) == (403, "missing_signature")
    builder = imgsign.UrlBuilder(domain, key=key)
    expired = origin_form(builder.build_url("images/a+b.jpg", {"expires": 1_000_000}))
    status, headers, body = get(expired)
    assert (status, headers.get("x-imgsign-error"), body) == (410, "expired", b"expired")
    fresh = origin_form(builder.build_url("images/a+b.jpg", {"expires": int(time.time()) + 600}))
    assert get(fresh)[0] == 200
    assert get("/")[0] == 200  # paths outside the prefix pass through
    assert key not in body.decode()
    return len(targets)
