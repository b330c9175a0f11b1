from django.urls import path

from blocs.pledges import views

app_name = "pledges"

urlpatterns = [
    path("", views.pledge_home, name="pledge_home"),
    path("mine/", views.my_pledge, name="my_pledge"),
    path("progress/", views.progress, name="progress"),
    path("templates/", views.template_list, name="template_list"),
    path("templates/new/", views.template_create, name="template_create"),
    path("templates/<int:pk>/", views.template_detail, name="template_detail"),
    path("templates/<int:pk>/edit/", views.template_edit, name="template_edit"),
    path("templates/<int:pk>/submit/", views.template_submit, name="template_submit"),
    path("templates/<int:pk>/approve/", views.template_approve, name="template_approve"),
    path("templates/<int:pk>/return/", views.template_return, name="template_return"),
    path("templates/<int:pk>/close-signing/", views.template_close_signing, name="template_close_signing"),
    path("templates/<int:pk>/issue-joint/", views.template_issue_joint, name="template_issue_joint"),
    path("<int:pk>/", views.pledge_detail, name="pledge_detail"),
    path("<int:pk>/edit/", views.pledge_edit, name="pledge_edit"),
    path("<int:pk>/submit/", views.pledge_submit, name="pledge_submit"),
    path("<int:pk>/return/", views.pledge_return, name="pledge_return"),
    path("<int:pk>/accept/", views.pledge_accept, name="pledge_accept"),
    path("<int:pk>/sign/", views.pledge_sign, name="pledge_sign"),
    path("<int:pk>/amend/", views.pledge_amend, name="pledge_amend"),
    path("<int:pk>/scan/", views.pledge_scan_upload, name="pledge_scan_upload"),
    path("<int:pk>/scan/download/", views.pledge_scan_download, name="pledge_scan_download"),
]
