"""A page that shows images through signed URLs, and the image view that checks them."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from imgsign.django import verify_signed_url

# A 1x1 transparent GIF stands in for the real image pipeline.
PIXEL = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")


def gallery(request: HttpRequest) -> HttpResponse:
    return render(request, "gallery/index.html", {"photos": ["images/mountain.jpg", "images/lake side.png"]})


@verify_signed_url
def image(request: HttpRequest, name: str) -> HttpResponse:
    return HttpResponse(PIXEL, content_type="image/gif")
