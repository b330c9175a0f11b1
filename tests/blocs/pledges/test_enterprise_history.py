import pytest
from django.urls import reverse

from tests.blocs.pledges.conftest import make_pledge_world
from tests.conftest import english

pytestmark = pytest.mark.unit


def test_enterprise_page_lists_its_pledges_across_years(world, client_for):
    pw = make_pledge_world(world)
    pledge = pw.pledge_of(pw.member)

    response = english(client_for(world.a.officer)).get(
        reverse("register:enterprise_detail", args=[pw.member.pk])
    )
    html = response.content.decode()

    assert response.status_code == 200
    assert reverse("pledges:pledge_detail", args=[pledge.pk]) in html
    assert 'data-testid="pledge-status"' in html
