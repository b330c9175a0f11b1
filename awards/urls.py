"""The URLs of the awards app: one namespace per sub-domain."""

from django.urls import include, path

urlpatterns = [
    path("", include("awards.catalogue.urls")),
    path("", include("awards.nominations.urls")),
    path("", include("awards.council.urls")),
    path("", include("awards.decisions.urls")),
    path("", include("awards.proposals.urls")),
    path("", include("awards.blocvotes.urls")),
    path("", include("awards.exemplars.urls")),
]
