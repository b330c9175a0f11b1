"""URLs of the Excel import/export and participation statistics (namespace ``blocs_io``)."""

from django.urls import path

from blocs import views_import as views

app_name = "blocs_io"

urlpatterns = [
    path("enterprises/import/", views.import_upload, name="import_upload"),
    path("enterprises/import/template.xlsx", views.import_template, name="import_template"),
    path("enterprises/import/<str:token>/", views.import_preview, name="import_preview"),
    path("enterprises/import/<str:token>/commit/", views.import_commit, name="import_commit"),
    path("enterprises/import/<str:token>/cancel/", views.import_cancel, name="import_cancel"),
    path("enterprises/export.xlsx", views.export_enterprises, name="export_enterprises"),
    path("members/export.xlsx", views.export_bloc_members, name="export_bloc_members"),
    path("applications/export.xlsx", views.export_applications, name="export_applications"),
    path("statistics/", views.statistics, name="statistics"),
    path("statistics/export.xlsx", views.export_statistics, name="export_statistics"),
]
