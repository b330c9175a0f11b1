from django.urls import path

from awards.catalogue import views

app_name = "catalogue"

urlpatterns = [
    path("types/", views.award_type_list, name="award_type_list"),
    path("years/<int:pk>/quotas/", views.quota_list, name="quota_list"),
    path("years/<int:pk>/quotas/add/", views.quota_create, name="quota_create"),
    path("years/<int:pk>/quotas/defaults/", views.quota_defaults, name="quota_defaults"),
    path("quotas/<int:pk>/edit/", views.quota_edit, name="quota_edit"),
    path("quotas/<int:pk>/delete/", views.quota_delete, name="quota_delete"),
]
