from django.urls import path

from thidua.documents import views

app_name = "documents"

urlpatterns = [
    path("notices/", views.notice_list, name="notice_list"),
    path("notices/new/", views.notice_create, name="notice_create"),
    path("notices/<int:pk>/", views.notice_detail, name="notice_detail"),
    path("notices/<int:pk>/edit/", views.notice_edit, name="notice_edit"),
    path("notices/<int:pk>/delete/", views.notice_delete, name="notice_delete"),
    path("notices/<int:pk>/submit/", views.notice_submit, name="notice_submit"),
    path("signatures/", views.signature_queue, name="signature_queue"),
    path("signatures/<int:pk>/", views.signature_detail, name="signature_detail"),
    path("signatures/<int:pk>/sign/", views.signature_sign, name="signature_sign"),
    path("signatures/<int:pk>/return/", views.signature_return, name="signature_return"),
    path("signatures/<int:pk>/withdraw/", views.signature_withdraw, name="signature_withdraw"),
    path("legal-bases/", views.legal_basis_list, name="legal_basis_list"),
    path("legal-bases/new/", views.legal_basis_create, name="legal_basis_create"),
    path("legal-bases/<int:pk>/edit/", views.legal_basis_edit, name="legal_basis_edit"),
    path("legal-bases/<int:pk>/delete/", views.legal_basis_delete, name="legal_basis_delete"),
    path("documents/<int:pk>/status/", views.document_status, name="document_status"),
    path("documents/<int:pk>/download/", views.document_download, name="document_download"),
    path("documents/<int:pk>/retry/", views.document_retry, name="document_retry"),
    path("verify/<str:token>/", views.verify, name="verify"),
]
