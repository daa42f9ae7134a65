"""Drop-in replacements for the official imgix libraries, thin over imgsign's compatibility
profiles: ``from imgsign.compat.imgix import UrlBuilder`` for ``from imgix import UrlBuilder``."""
