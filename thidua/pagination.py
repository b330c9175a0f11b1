"""The one pagination helper of the portal: count + one page of rows, then the caller decorates only that page.

List pages paginate the plain table (cheap COUNT, one page of ids) and only then join or prefetch what the
page shows, so their query count does not grow with the data.
"""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

PAGE_SIZE = 25


def paginate(queryset: QuerySet, page_number, *, per_page: int = PAGE_SIZE) -> Page:
    """The page ``page_number`` (any user input: out of range or junk gives the nearest valid page)."""
    return Paginator(queryset, per_page).get_page(page_number)


def decorate_page(page: Page, decorated: QuerySet) -> Page:
    """Replace the page's rows by ``decorated`` rows for the same ids, in the same order (one query)."""
    ids = [row.pk for row in page.object_list]
    rows = {row.pk: row for row in decorated.filter(pk__in=ids)}
    page.object_list = [rows[pk] for pk in ids if pk in rows]
    return page


def query_string_without_page(request: HttpRequest) -> str:
    """The request's filters as a query string without ``page``, for the pagination links to carry along."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
