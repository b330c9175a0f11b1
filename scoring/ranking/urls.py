from django.urls import path

from scoring.ranking import views

app_name = "ranking"

urlpatterns = [
    path("", views.scoring_home, name="scoring_home"),
    path("open/", views.scoring_open, name="scoring_open"),
    path("compute/", views.ranking_compute, name="ranking_compute"),
    path("policy/<int:pk>/", views.policy_edit, name="policy_edit"),
    path("scorecards/<int:pk>/", views.scorecard_detail, name="scorecard_detail"),
    path("scorecards/<int:pk>/save/", views.scorecard_save, name="scorecard_save"),
    path("scorecards/<int:pk>/submit/", views.scorecard_submit, name="scorecard_submit"),
    path("scorecards/<int:pk>/return/", views.scorecard_return, name="scorecard_return"),
    path("scorecards/<int:pk>/findings/", views.scorecard_findings, name="scorecard_findings"),
    path("scorecards/<int:pk>/evidence/", views.score_evidence_upload, name="score_evidence_upload"),
    path("evidence/<int:pk>/", views.score_evidence_download, name="score_evidence_download"),
    path("evidence/<int:pk>/remove/", views.score_evidence_remove, name="score_evidence_remove"),
    path("rankings/<int:pk>/", views.ranking_detail, name="ranking_detail"),
    path("rankings/<int:pk>/publish/", views.ranking_publish, name="ranking_publish"),
    path("rankings/<int:pk>/lock/", views.ranking_lock, name="ranking_lock"),
    path("rankings/<int:pk>/tie-vote/", views.ranking_tie_vote, name="ranking_tie_vote"),
    path("rankings/<int:pk>/object/", views.objection_create, name="objection_create"),
    path("objections/<int:pk>/answer/", views.objection_answer, name="objection_answer"),
    path("objections/<int:pk>/file/", views.objection_file, name="objection_file"),
]
