"""The production URLconf plus a minimal baseline view, for the load benchmark only (never in thidua.urls)."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.urls import path

from blocs.models import Enterprise
from thidua.pagination import PAGE_SIZE
from thidua.urls import urlpatterns as production


def baseline(request):
    """The same page-sized query as the enterprise list (plain filtered table, park joined), no template."""
    qs = (
        Enterprise.objects.filter(organization=request.user.organization)
        .select_related("park")
        .order_by("name", "id")
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return HttpResponse("\n".join(f"{e.tax_code} {e.name} {e.park.name if e.park else ''}" for e in page))


urlpatterns = [path("bench/baseline/", baseline), *production]
