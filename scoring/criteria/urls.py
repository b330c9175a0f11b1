from django.urls import path

from scoring.criteria import views

app_name = "criteria"

urlpatterns = [
    path("", views.criteria_set_list, name="criteria_set_list"),
    path("create/", views.criteria_set_create, name="criteria_set_create"),
    path("<int:pk>/", views.criteria_set_detail, name="criteria_set_detail"),
    path("<int:pk>/edit/", views.criteria_set_edit, name="criteria_set_edit"),
    path("<int:pk>/delete/", views.criteria_set_delete, name="criteria_set_delete"),
    path("<int:pk>/adopt/", views.criteria_set_adopt, name="criteria_set_adopt"),
    path("<int:pk>/copy/", views.criteria_set_copy, name="criteria_set_copy"),
    path("<int:pk>/new-version/", views.criteria_set_new_version, name="criteria_set_new_version"),
    path("<int:pk>/groups/add/", views.group_add, name="group_add"),
    path("groups/<int:pk>/", views.group_edit, name="group_edit"),
    path("<int:pk>/criteria/add/", views.criterion_add, name="criterion_add"),
    path("criteria/<int:pk>/", views.criterion_edit, name="criterion_edit"),
    path("criteria/<int:pk>/remove/", views.criterion_remove, name="criterion_remove"),
]
