from django.urls import path

from awards.decisions import views

app_name = "decisions"

urlpatterns = [
    path("decisions/", views.decision_list, name="decision_list"),
    path("decisions/new/", views.decision_create, name="decision_create"),
    path("decisions/<int:pk>/", views.decision_detail, name="decision_detail"),
    path("decisions/<int:pk>/submit/", views.decision_submit, name="decision_submit"),
    path("decisions/<int:pk>/certificates/", views.decision_certificates, name="decision_certificates"),
]
