from django.urls import path

from awards.council import views

app_name = "council"

urlpatterns = [
    path("council/", views.council_list, name="council_list"),
    path("council/new/", views.council_create, name="council_create"),
    path("council/<int:pk>/", views.council_detail, name="council_detail"),
    path("council/<int:pk>/open/", views.council_open, name="council_open"),
    path("council/<int:pk>/vote/", views.council_vote, name="council_vote"),
    path("council/<int:pk>/written/", views.council_written, name="council_written"),
    path("council/<int:pk>/close/", views.council_close, name="council_close"),
]
