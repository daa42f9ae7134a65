"""imgsign.jinja and imgsign.middleware on their own: several sources, and servers that give
no raw request target (the decoded path is encoded again by the builder)."""

import asyncio
from urllib.parse import unquote

import jinja2
import pytest

import imgsign
from imgsign.jinja import install
from imgsign.middleware import SignedURLMiddleware, WSGISignedURLMiddleware

KEY = "integration-key-1"
SOURCES = imgsign.Sources({
    "images": {"domain": "img.example.com", "key": KEY},
    "shop": {"domain": "img.example.com", "path_prefix": "/shop", "key": "shop-key-2", "profile": "imgix-js"},
})
BUILDER = SOURCES.source("images")


def test_jinja_with_a_sources_set():
    env = jinja2.Environment(autoescape=False)
    install(env, SOURCES)
    out = env.from_string('{{ imgsign_url("a.jpg", w=1) }} {{ "/shop/b.jpg" | imgsign_url(source="shop") }}').render()
    first, second = out.split(" ")
    assert first == BUILDER.build_url("a.jpg", {"w": 1})
    SOURCES.verify_url(first)
    SOURCES.verify_url(second)
    with pytest.raises(imgsign.UnknownSourceError):
        env.from_string('{{ imgsign_url("a.jpg", source="nope") }}').render()


def test_jinja_sources_filters_and_globals():
    env = jinja2.Environment(autoescape=True)
    other = imgsign.UrlBuilder("avatars.gumlet.io", provider="gumlet", key="k2")
    install(env, {"photos": BUILDER, "avatars": other})
    html = env.from_string('<img src="{{ imgsign_url("a b.jpg", w=1, h=2) }}" '
                           'data-x="{{ "u.png" | imgsign_url(source="avatars") }}" '
                           'srcset="{{ imgsign_srcset("a.jpg", w=3) }}">').render()
    assert BUILDER.build_url("a b.jpg", {"w": 1, "h": 2}).replace("&", "&amp;") in html  # escaped for HTML
    assert other.build_url("u.png") in html
    assert "5x" in html and KEY not in html
    with pytest.raises(LookupError, match="no source 'nope'"):
        env.from_string('{{ imgsign_url("a.jpg", source="nope") }}').render()
    with pytest.raises(ValueError):
        install(env, {})


PATHS = ["images/a+b (1)!'*.jpg", "images/café/ü 2.png", "images/x;y=z.jpg"]


def _sent(url):
    return url.split("img.example.com", 1)[1]


def _wsgi(app, path, query, **raw):
    environ = {"REQUEST_METHOD": "GET", "SCRIPT_NAME": "", "PATH_INFO": unquote(path, "latin-1"),
               "QUERY_STRING": query, **raw}
    out = {}
    body = b"".join(app(environ, lambda status, headers: out.update(status=status, headers=dict(headers))))
    return out["status"], out["headers"], body


def test_wsgi_middleware_without_and_with_a_raw_target():
    def inner(environ, start_response):
        start_response("200 OK", [("Content-Type", "image/gif")])
        return [b"GIF"]

    app = WSGISignedURLMiddleware(inner, sources=SOURCES, source="images", prefix="/images/")
    for p in PATHS:
        path, _, query = _sent(BUILDER.build_url(p, {"w": 10})).partition("?")
        assert _wsgi(app, path, query)[0] == "200 OK", p  # wsgiref: decoded path only
        assert _wsgi(app, path, query, RAW_URI=f"{path}?{query}")[0] == "200 OK"
        status, headers, body = _wsgi(app, path, query.replace("w=10", "w=11"))
        assert (status, headers["X-Imgsign-Error"], body) == ("403 Forbidden", "signature_mismatch",
                                                              b"signature_mismatch")
    # Given a raw target, it is what is verified (not the decoded path).
    path, _, query = _sent(BUILDER.build_url(PATHS[0], {"w": 10})).partition("?")
    assert _wsgi(app, path, query, REQUEST_URI=f"{path}x?{query}")[0] == "403 Forbidden"
    expired = _sent(BUILDER.build_url("images/a.jpg", {"expires": 5}))
    assert _wsgi(app, *expired.split("?"))[0] == "410 Gone"
    assert _wsgi(app, "/other", "")[0] == "200 OK"


def _asgi(app, path, query, raw=True):
    scope = {"type": "http", "method": "GET", "path": unquote(path), "query_string": query.encode()}
    if raw:
        scope["raw_path"] = path.encode()
    sent = []

    async def receive():
        return {"type": "http.request"}

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent[0]["status"], dict(sent[0].get("headers", [])), sent[-1].get("body", b"")


def test_asgi_middleware_without_and_with_raw_path():
    async def inner(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"GIF"})

    app = SignedURLMiddleware(inner, sources=SOURCES, source="images", prefix="/images/")
    for p in PATHS:
        path, _, query = _sent(BUILDER.build_url(p, {"w": 10})).partition("?")
        assert _asgi(app, path, query)[0] == 200
        assert _asgi(app, path, query, raw=False)[0] == 200
        status, headers, body = _asgi(app, path, "w=11&" + query.split("&", 1)[1])
        assert (status, headers[b"x-imgsign-error"], body) == (403, b"signature_mismatch", b"signature_mismatch")
    assert _asgi(app, "/images/a.jpg", "")[:2] == (403, {b"content-type": b"text/plain",
                                                          b"x-imgsign-error": b"missing_signature",
                                                          b"content-length": b"17"})


def test_the_source_of_a_path_prefix_is_chosen_by_the_set():
    def inner(environ, start_response):
        start_response("200 OK", [])
        return [b""]

    shop = WSGISignedURLMiddleware(inner, sources=SOURCES, source="shop", prefix="/shop/")
    url = SOURCES.source("shop").build_url("/shop/a+b (1)!'*.jpg", {"w": 5})
    path, _, query = _sent(url).partition("?")
    assert "(1)!'*" in path  # imgix-js keeps them
    assert _wsgi(shop, path, query)[0] == "200 OK"
    other = _sent(BUILDER.build_url("/shop/a.jpg", {"w": 5}))  # the images key, under the shop's prefix
    assert _wsgi(shop, *other.split("?"))[0] == "403 Forbidden"
    with pytest.raises(imgsign.UnknownSourceError):
        WSGISignedURLMiddleware(inner, sources=SOURCES, source="nope", prefix="/")
