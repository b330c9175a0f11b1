from django.urls import path

from awards.nominations import views

app_name = "nominations"

urlpatterns = [
    path("nominations/", views.nomination_list, name="nomination_list"),
    path("nominations/new/", views.nomination_create, name="nomination_create"),
    path("nominations/<int:pk>/", views.nomination_detail, name="nomination_detail"),
    path("nominations/<int:pk>/eligibility/", views.nomination_eligibility, name="nomination_eligibility"),
    path("nominations/<int:pk>/edit/", views.nomination_edit, name="nomination_edit"),
    path(
        "nominations/<int:pk>/documents/", views.nomination_document_upload, name="nomination_document_upload"
    ),
    path("nominations/<int:pk>/submit/", views.nomination_submit, name="nomination_submit"),
    path("nominations/<int:pk>/review/", views.nomination_review, name="nomination_review"),
    path("nominations/<int:pk>/return/", views.nomination_return, name="nomination_return"),
    path("nominations/<int:pk>/council/", views.nomination_council, name="nomination_council"),
    path("nominations/<int:pk>/revoke/", views.nomination_revoke, name="nomination_revoke"),
    path(
        "nominations/<int:pk>/investigation/", views.nomination_investigation, name="nomination_investigation"
    ),
    path("dossier/<int:pk>/", views.dossier_document_download, name="dossier_document_download"),
    path("years/<int:pk>/awards/", views.year_award_list, name="year_award_list"),
    path("years/<int:pk>/awards.xlsx", views.year_award_export, name="year_award_export"),
    path("enterprises/<int:pk>/history/", views.enterprise_award_history, name="enterprise_award_history"),
    path("dossier/<int:pk>/remove/", views.dossier_document_remove, name="dossier_document_remove"),
]
