from django.urls import path

from awards.proposals import views

app_name = "proposals"

urlpatterns = [
    path("proposals/", views.proposal_list, name="proposal_list"),
    path("proposals/new/", views.proposal_create, name="proposal_create"),
    path("proposals/<int:pk>/", views.proposal_detail, name="proposal_detail"),
    path("proposals/<int:pk>/submit/", views.proposal_submit, name="proposal_submit"),
    path("proposals/<int:pk>/record/", views.proposal_record, name="proposal_record"),
    path(
        "provincial-decisions/<int:pk>/",
        views.provincial_decision_download,
        name="provincial_decision_download",
    ),
]
