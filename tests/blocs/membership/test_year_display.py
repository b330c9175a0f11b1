"""Years are printed as years (2026), never as localized numbers (2.026), in every language."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "page",
    [
        lambda w: reverse("membership:bloc_detail", args=[w.bloc.pk]),
        lambda w: reverse("register:my_enterprise"),
    ],
    ids=["bloc_detail", "my_enterprise"],
)
def test_year_is_not_printed_with_a_thousands_separator(blocs_world, client_for, page):
    html = client_for(blocs_world.leader).get(page(blocs_world)).content.decode()

    assert str(blocs_world.year.year) in html
    assert f"{blocs_world.year.year // 1000}.{blocs_world.year.year % 1000:03d}" not in html
