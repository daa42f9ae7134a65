"""A FastAPI app that renders signed image URLs with Jinja2Templates and serves the images
itself, verifying their signatures.

    IMGSIGN_KEY=... uvicorn fastapi_example:app
"""

import os
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

import imgsign
from imgsign.jinja import install
from imgsign.middleware import SignedURLMiddleware

PIXEL = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")
PHOTOS = ["images/mountain.jpg", "images/lake side.png", "images/a+b (1)!'*.jpg", "images/café/ünïcode.png"]


def create_app(key: str, domain: str = "img.example.com") -> FastAPI:
    # [readme:fastapi]
    app = FastAPI()
    templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
    sources = imgsign.Sources({"images": {"domain": domain, "key": key}})  # more sources: more entries
    install(templates.env, sources)  # {{ imgsign_url("a.jpg", w=400) }}, {{ imgsign_srcset(...) }}
    app.add_middleware(SignedURLMiddleware, sources=sources, source="images",
                       prefix="/images/")  # 403 (bad or missing signature), 410 (expired)
    # [/readme]

    @app.get("/", response_class=HTMLResponse)
    def gallery(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "index.html", {"photos": PHOTOS})

    @app.get("/images/{name:path}")
    def image(name: str) -> Response:
        return Response(PIXEL, media_type="image/gif")

    return app


if os.environ.get("IMGSIGN_KEY"):
    app = create_app(os.environ["IMGSIGN_KEY"])
