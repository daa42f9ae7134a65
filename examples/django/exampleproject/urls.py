from django.urls import path

from gallery import views

urlpatterns = [
    path("", views.gallery, name="gallery"),
    path("images/<path:name>", views.image, name="image"),
    path("mirror/<path:name>", views.mirror_image, name="mirror-image"),
]
