"""The URLs of the awards app: one namespace per sub-domain."""

from django.urls import include, path

urlpatterns = [
    path("", include("awards.catalogue.urls")),
]
