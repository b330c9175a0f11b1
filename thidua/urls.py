from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language
from django_otp.admin import OTPAdminSite

from thidua import views

# The Django admin asks for a second factor too.
admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("", views.home, name="home"),
    path("", include("thidua.accounts.urls")),
    path("notifications/", include("thidua.notifications.urls")),
    path("blocs/", include("blocs.urls")),
    path("quarterly/", include("scoring.urls")),
    path("scoring/criteria/", include("scoring.criteria.urls")),
    path("awards/", include("awards.urls")),
    path("scoring/", include("scoring.ranking.urls")),
    path("", include("thidua.documents.urls")),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("django-admin/", admin.site.urls),
]

handler403 = "thidua.views.error_403"
handler404 = "thidua.views.error_404"
handler500 = "thidua.views.error_500"
