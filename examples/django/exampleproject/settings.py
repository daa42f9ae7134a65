"""Settings of the imgsign example project (no database needed)."""

import os

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "example-only-not-secret")
DEBUG = True
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver", "img.example.com"]
ROOT_URLCONF = "exampleproject.urls"
WSGI_APPLICATION = "exampleproject.wsgi.application"
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "imgsign",
    "gallery",
]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {},
    }
]
DATABASES = {}
USE_TZ = True

# [readme:django-settings]
# The app serves its own images behind the signed domain img.example.com; the keys come
# from the environment, so they stay out of the code.
IMGSIGN = {
    "domain": "img.example.com",
    "provider": "imgix",
    "key_env": "IMGSIGN_KEY",
}
# More sources, each chosen by name: {% imgsign_url "a.jpg" source="mirror" %}.
IMGSIGN_SOURCES = {
    "mirror": {"domain": "mirror.example.com", "profile": "imgix-js", "key_env": "IMGSIGN_MIRROR_KEY"},
}
# [/readme]
