from django.urls import path

from awards.exemplars import views

app_name = "exemplars"

urlpatterns = [
    path("exemplars/", views.exemplar_list, name="exemplar_list"),
    path("exemplars/new/", views.exemplar_create, name="exemplar_create"),
    path("exemplars/<int:pk>/propose/", views.exemplar_propose, name="exemplar_propose"),
]
