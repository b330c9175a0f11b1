"""The URLs of the blocs app: one namespace per sub-domain (the voting engine has no pages)."""

from django.urls import include, path

urlpatterns = [
    path("", include("blocs.register.urls")),
    path("", include("blocs.membership.urls")),
    path("pledges/", include("blocs.pledges.urls")),
]
