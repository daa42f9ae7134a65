"""Django app configuration: add ``"imgsign"`` to ``INSTALLED_APPS`` to enable
``{% load imgsign %}`` and the system checks of the ``IMGSIGN`` and ``IMGSIGN_SOURCES``
settings (see :mod:`imgsign.django`)."""

from django.apps import AppConfig


class ImgsignConfig(AppConfig):
    """The imgsign Django app (template tags ``imgsign_url`` and ``imgsign_srcset``, checks)."""

    name = "imgsign"
    label = "imgsign"
    verbose_name = "imgsign"
    default = True

    def ready(self) -> None:
        from .django import checks  # noqa: F401 (registers the checks)
