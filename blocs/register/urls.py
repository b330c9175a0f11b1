from django.urls import path

from blocs.register import views

app_name = "register"

urlpatterns = [
    path("parks/", views.park_list, name="park_list"),
    path("parks/new/", views.park_create, name="park_create"),
    path("parks/<int:pk>/edit/", views.park_edit, name="park_edit"),
    path("enterprises/", views.enterprise_list, name="enterprise_list"),
    path("enterprises/export.xlsx", views.enterprise_export, name="enterprise_export"),
    path("enterprises/new/", views.enterprise_create, name="enterprise_create"),
    path("enterprises/<int:pk>/", views.enterprise_detail, name="enterprise_detail"),
    path("enterprises/<int:pk>/edit/", views.enterprise_edit, name="enterprise_edit"),
    path("enterprises/import/", views.enterprise_import, name="enterprise_import"),
    path("enterprises/import/template.xlsx", views.enterprise_import_template, name="enterprise_import_template"),
    path("enterprises/import/<str:token>/", views.enterprise_import_preview, name="enterprise_import_preview"),
    path(
        "enterprises/import/<str:token>/commit/", views.enterprise_import_commit, name="enterprise_import_commit"
    ),
    path(
        "enterprises/import/<str:token>/cancel/", views.enterprise_import_cancel, name="enterprise_import_cancel"
    ),
    path("my/enterprise/", views.my_enterprise, name="my_enterprise"),
    path("my/enterprise/edit/", views.my_enterprise_edit, name="my_enterprise_edit"),
]
