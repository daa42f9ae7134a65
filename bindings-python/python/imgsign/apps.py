"""Django app configuration: add ``"imgsign"`` to ``INSTALLED_APPS`` to enable
``{% load imgsign %}``. Configuration is read from the ``IMGSIGN`` setting (see
:mod:`imgsign.django`)."""

from django.apps import AppConfig


class ImgsignConfig(AppConfig):
    """The imgsign Django app (template tags ``imgsign_url`` and ``imgsign_srcset``)."""

    name = "imgsign"
    label = "imgsign"
    verbose_name = "imgsign"
    default = True
