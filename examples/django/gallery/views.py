"""A page that shows images through signed URLs, and the image views that check them."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from imgsign.django import verify_signed_url

# A 1x1 transparent GIF stands in for the real image pipeline.
PIXEL = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")
# Names with what servers and clients treat differently: + ! ' ( ) *, a space, Unicode.
PHOTOS = ["mountain.jpg", "lake side.png", "a+b (1)!'*.jpg", "café/ünïcode 2.png"]


def gallery(request: HttpRequest) -> HttpResponse:
    return render(request, "gallery/index.html", {
        "photos": ["images/" + p for p in PHOTOS],
        "mirrored": ["mirror/" + p for p in PHOTOS],
    })


# [readme:django-view]
@verify_signed_url  # 403 for a missing or wrong signature, 410 once expired
def image(request: HttpRequest, name: str) -> HttpResponse:
    return HttpResponse(PIXEL, content_type="image/gif")


@verify_signed_url(source="mirror")
def mirror_image(request: HttpRequest, name: str) -> HttpResponse:
    return HttpResponse(PIXEL, content_type="image/gif")
# [/readme]
