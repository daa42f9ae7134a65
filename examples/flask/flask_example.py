"""A Flask app that renders signed image URLs with Jinja2 and serves the images itself,
verifying their signatures.

    IMGSIGN_KEY=... flask --app flask_example run
"""

import os

from flask import Flask, Response, render_template

import imgsign
from imgsign.jinja import install
from imgsign.middleware import WSGISignedURLMiddleware

# A 1x1 transparent GIF stands in for the real image pipeline.
PIXEL = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")
PHOTOS = ["images/mountain.jpg", "images/lake side.png", "images/a+b (1)!'*.jpg", "images/café/ünïcode.png"]


def create_app(key: str, domain: str = "img.example.com") -> Flask:
    # [readme:flask]
    app = Flask(__name__)
    sources = imgsign.Sources({"images": {"domain": domain, "key": key}})  # more sources: more entries
    install(app.jinja_env, sources)  # {{ imgsign_url("a.jpg", w=400) }}, {{ imgsign_srcset(...) }}
    # Requests under /images/ need a valid signature: 403 (bad or missing), 410 (expired).
    app.wsgi_app = WSGISignedURLMiddleware(app.wsgi_app, sources=sources, source="images", prefix="/images/")
    # [/readme]

    @app.get("/")
    def gallery() -> str:
        return render_template("index.html", photos=PHOTOS)

    @app.get("/images/<path:name>")
    def image(name: str) -> Response:
        return Response(PIXEL, mimetype="image/gif")

    return app


if os.environ.get("IMGSIGN_KEY"):
    app = create_app(os.environ["IMGSIGN_KEY"])
