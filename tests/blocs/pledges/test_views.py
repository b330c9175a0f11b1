"""Pledge screens: allowed / 403 / 404 on every URL, the progress page's query count, the sign page."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from blocs.pledges import services
from blocs.pledges.models import Pledge, PledgeSignature
from tests.blocs.pledges.conftest import TEST_PASSWORD, accepted, fill, make_pledge_world, signed
from tests.e2e.conftest import totp_code
from tests.factories.blocs import BlocMembershipFactory, EnterpriseFactory, enterprise_user

pytestmark = pytest.mark.unit


@pytest.fixture
def outsider(world):
    """An enterprise user of Board B."""
    return enterprise_user(EnterpriseFactory(organization=world.b.board))


def _status(client_for, user, method, url, data=None):
    client = client_for(user)
    response = client.post(url, data or {}) if method == "post" else client.get(url)
    return response.status_code


def test_pledge_detail_trio(pw, world, client_for, outsider):
    pledge = fill(pw.pledge_of(pw.member), pw.member_rep, pw.indicators)
    url = reverse("pledges:pledge_detail", args=[pledge.pk])
    leader_on_the_draft = _status(client_for, pw.leader_rep, "get", url)
    services.submit_pledge(pledge=pledge, submitted_by=pw.member_rep)

    assert leader_on_the_draft == 404  # the reviewer sees it once submitted
    assert _status(client_for, pw.member_rep, "get", url) == 200
    assert _status(client_for, pw.leader_rep, "get", url) == 200
    assert _status(client_for, world.a.council, "get", url) == 200
    assert _status(client_for, pw.other_rep, "get", url) == 404  # another enterprise's pledge
    assert _status(client_for, outsider, "get", url) == 404
    assert _status(client_for, world.b.officer, "get", url) == 404


@pytest.mark.parametrize("name", ["pledge_edit", "pledge_submit"])
def test_enterprise_step_trio(pw, world, client_for, outsider, name):
    pledge = fill(pw.pledge_of(pw.member), pw.member_rep, pw.indicators)
    url = reverse(f"pledges:{name}", args=[pledge.pk])
    method = "post" if name == "pledge_submit" else "get"

    assert _status(client_for, pw.leader_rep, method, url) == 404  # a draft: not yet the reviewer's
    assert _status(client_for, pw.reporter, method, url) in (200, 302)
    assert _status(client_for, world.a.council, method, url) == 403
    assert _status(client_for, pw.other_rep, method, url) == 404
    assert _status(client_for, world.b.officer, method, url) == 404


@pytest.mark.parametrize("name", ["pledge_accept", "pledge_return"])
def test_review_step_trio(pw, world, client_for, name):
    pledge = fill(pw.pledge_of(pw.member), pw.member_rep, pw.indicators)
    from blocs.pledges import services

    services.submit_pledge(pledge=pledge, submitted_by=pw.member_rep)
    url = reverse(f"pledges:{name}", args=[pledge.pk])

    assert _status(client_for, pw.member_rep, "post", url, {"reason": "x"}) == 403
    assert _status(client_for, world.a.council, "post", url, {"reason": "x"}) == 403
    assert _status(client_for, world.b.officer, "post", url, {"reason": "x"}) == 404
    assert _status(client_for, pw.leader_rep, "post", url, {"reason": "Thiếu số liệu"}) == 302
    pledge.refresh_from_db()
    assert pledge.status == ("ACCEPTED" if name == "pledge_accept" else "RETURNED")


@pytest.mark.parametrize("name", ["pledge_sign", "pledge_amend"])
def test_representative_step_trio(pw, world, client_for, name):
    pledge = accepted(pw, pw.member, pw.member_rep, world.a.officer)
    url = reverse(f"pledges:{name}", args=[pledge.pk])

    assert _status(client_for, pw.member_rep, "get", url) == 200
    assert _status(client_for, pw.reporter, "get", url) == 403
    assert _status(client_for, world.a.officer, "get", url) == 403
    assert _status(client_for, pw.other_rep, "get", url) == 404
    assert _status(client_for, world.b.officer, "get", url) == 404


def test_sign_page_signs_with_password(pw, world, client_for):
    pledge = accepted(pw, pw.member, pw.member_rep, world.a.officer)
    client = client_for(pw.member_rep)  # creates a confirmed TOTP device: the code is asked too
    device = TOTPDevice.objects.get(user=pw.member_rep)

    wrong = client.post(
        reverse("pledges:pledge_sign", args=[pledge.pk]),
        {"title": "Giám đốc", "password": "x", "confirm": "on"},
    )
    right = client.post(
        reverse("pledges:pledge_sign", args=[pledge.pk]),
        {"title": "Giám đốc", "password": TEST_PASSWORD, "otp_token": totp_code(device), "confirm": "on"},
        HTTP_USER_AGENT="pytest-browser",
    )

    assert wrong.status_code == 200
    assert right.status_code == 302
    assert PledgeSignature.objects.get(pledge=pledge).user_agent == "pytest-browser"
    assert PledgeSignature.objects.get(pledge=pledge).auth_method == "PASSWORD_TOTP"


def test_signature_records_the_client_address_behind_a_trusted_proxy(pw, world, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    pledge = accepted(pw, pw.member, pw.member_rep, world.a.officer)
    client = Client()
    client.force_login(pw.member_rep)  # no TOTP device: the password alone signs

    response = client.post(
        reverse("pledges:pledge_sign", args=[pledge.pk]),
        {"title": "Giám đốc", "password": TEST_PASSWORD, "confirm": "on"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.99, 203.0.113.7",
    )

    assert response.status_code == 302
    assert PledgeSignature.objects.get(pledge=pledge).ip == "203.0.113.7"


def test_detail_shows_valid_or_tampered_signature(pw, world, client_for):
    signed(pw, pw.member, pw.member_rep, world.a.officer)
    pledge = pw.pledge_of(pw.member)
    url = reverse("pledges:pledge_detail", args=[pledge.pk])
    valid = client_for(world.a.officer).get(url).content.decode()
    pledge.targets.update(value=1)  # behind the services' back
    tampered = client_for(world.a.officer).get(url).content.decode()

    assert 'data-testid="signature-valid"' in valid
    assert 'data-testid="signature-invalid"' in tampered


@pytest.mark.parametrize(
    "name",
    [
        "template_detail",
        "template_edit",
        "template_approve",
        "template_close_signing",
        "template_issue_joint",
    ],
)
def test_template_urls_trio(pw, world, client_for, name):
    url = reverse(f"pledges:{name}", args=[pw.template.pk])
    method = "get" if name in ("template_detail", "template_edit") else "post"

    allowed = _status(client_for, world.a.officer, method, url)
    assert allowed in (200, 302)
    assert _status(client_for, pw.member_rep, method, url) == 403
    assert _status(client_for, world.b.officer, method, url) == 404


def test_template_create_by_leader(world, client_for):
    pw = make_pledge_world(world)

    assert _status(client_for, pw.leader_rep, "get", reverse("pledges:template_create")) == 200
    assert _status(client_for, pw.member_rep, "get", reverse("pledges:template_create")) == 403


def test_progress_trio(pw, world, client_for):
    url = reverse("pledges:progress")

    assert _status(client_for, world.a.officer, "get", url) == 200
    assert _status(client_for, pw.leader_rep, "get", url) == 200
    assert _status(client_for, pw.member_rep, "get", url) == 403


def _progress_world(world, extra_members: int):
    pw = make_pledge_world(world)
    for pledge in Pledge.objects.filter(template=pw.template):
        fill(pledge, pw.member_rep if pledge.enterprise == pw.member else pw.leader_rep, pw.indicators)
    for _n in range(extra_members):  # members without a pledge yet are rows too
        BlocMembershipFactory(
            bloc=pw.bloc, year=pw.template.year, enterprise=EnterpriseFactory(organization=world.a.board)
        )
    return pw


@pytest.mark.parametrize("extra", [0, 3])
def test_progress_query_count_is_constant(world, client_for, django_assert_num_queries, extra):
    _progress_world(world, extra)
    client = client_for(world.a.officer)
    client.get(reverse("pledges:progress"))  # warm the session and caches

    with django_assert_num_queries(9):  # session, user+Board, 2FA device, roles, then the page
        response = client.get(reverse("pledges:progress"))

    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == 3 + extra


def test_notifications_count_fragment(pw, world, client_for):
    pledge = fill(pw.pledge_of(pw.member), pw.member_rep, pw.indicators)
    from blocs.pledges import services

    services.submit_pledge(pledge=pledge, submitted_by=pw.member_rep)
    services.return_pledge(pledge=pledge, returned_by=pw.leader_rep, reason="Thiếu")
    client = client_for(pw.member_rep)

    fragment = client.get(reverse("notifications:notification_count")).content.decode()
    client.post(reverse("notifications:notification_list"))

    assert 'data-testid="notification-count">1<' in fragment
    assert client.get(reverse("notifications:notification_count")).content.decode().strip() == ""


def test_a_huge_total_forms_is_refused_without_building_the_forms(pw, client_for):
    pledge = pw.pledge_of(pw.member)
    url = reverse("pledges:pledge_edit", args=[pledge.pk])
    data = {"reg-TOTAL_FORMS": "999999", "reg-INITIAL_FORMS": "0", "reg-MIN_NUM_FORMS": "0"}

    response = client_for(pw.member_rep).post(url, data)

    assert response.status_code == 200
    assert len(response.context["formset"].forms) == 30
    assert 'data-testid="formset-errors"' in response.content.decode()
    assert pledge.registrations.count() == 0
