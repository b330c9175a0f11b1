from django.urls import path

from thidua.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="notification_list"),
    path("count/", views.notification_count, name="notification_count"),
    path("preferences/", views.notification_preferences, name="notification_preferences"),
]
