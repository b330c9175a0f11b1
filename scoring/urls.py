from django.urls import path

from scoring.quarterly import views

app_name = "scoring"

urlpatterns = [
    path("", views.quarterly_home, name="quarterly_home"),
    path("mine/", views.my_reports, name="my_reports"),
    path("reviews/", views.review_list, name="review_list"),
    path("periods/", views.period_list, name="period_list"),
    path("periods/setup/", views.period_setup, name="period_setup"),
    path("periods/<int:pk>/", views.period_status, name="period_status"),
    path("periods/<int:pk>/edit/", views.period_edit, name="period_edit"),
    path("periods/<int:pk>/open/", views.period_open, name="period_open"),
    path("periods/<int:pk>/close/", views.period_close, name="period_close"),
    path("periods/<int:pk>/summary/", views.period_summary, name="period_summary"),
    path("periods/<int:pk>/export/", views.period_export, name="period_export"),
    path("periods/<int:pk>/board-report/", views.board_review, name="board_review"),
    path("periods/<int:pk>/board-report/submit/", views.board_review_submit, name="board_review_submit"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("reports/<int:pk>/submit/", views.report_submit, name="report_submit"),
    path("reports/<int:pk>/return/", views.report_return, name="report_return"),
    path("reports/<int:pk>/accept/", views.report_accept, name="report_accept"),
    path("reports/<int:pk>/reopen/", views.report_reopen, name="report_reopen"),
    path("reports/<int:pk>/waive/", views.report_waive, name="report_waive"),
    path("reports/<int:pk>/evidence/", views.evidence_upload, name="evidence_upload"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("evidence/<int:pk>/remove/", views.evidence_remove, name="evidence_remove"),
    path("reviews/<int:pk>/", views.review_detail, name="review_detail"),
    path("reviews/<int:pk>/edit/", views.review_edit, name="review_edit"),
    path("reviews/<int:pk>/submit/", views.review_submit, name="review_submit"),
    path("reviews/<int:pk>/return/", views.review_return, name="review_return"),
    path("reviews/<int:pk>/accept/", views.review_accept, name="review_accept"),
    path("reviews/<int:pk>/publish/", views.review_publish, name="review_publish"),
    path("reviews/<int:pk>/template/", views.review_template, name="review_template"),
    path("reviews/<int:pk>/upload/", views.review_upload, name="review_upload"),
]
