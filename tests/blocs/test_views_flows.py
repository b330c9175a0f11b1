"""Screens end to end through the test client (the browser journey is the lead's e2e test)."""

import pytest
from django.urls import reverse

from blocs.enums import ApplicationStatus, EnterpriseRole, MembershipRole
from blocs.membership.queries import current_round
from blocs.models import BlocMembership, ConsolidationDecision, Election, MembershipApplication
from blocs.voting.enums import VotingStatus
from tests.conftest import english
from tests.documents.conftest import totp_now
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.blocs import (
    BlocMembershipFactory,
    EmulationYearFactory,
    EnterpriseFactory,
    MembershipApplicationFactory,
    enterprise_user,
)
from thidua.audit.models import AuditEvent
from thidua.documents.models import GeneratedDocument
from thidua.documents.queries import signature_requests_for_owner

pytestmark = pytest.mark.unit


def test_search_is_accent_insensitive_and_finds_tax_code(world, client_for):
    EnterpriseFactory(
        organization=world.a.board, name="Công ty Cổ phần Ván dán Hồng Ngọc", tax_code="0300588569"
    )
    EnterpriseFactory(organization=world.a.board, name="Công ty TNHH Lechenwood Việt Nam")
    EnterpriseFactory(organization=world.b.board, name="Công ty Hồng Ngọc khác")
    client = client_for(world.a.officer)

    by_name = client.get(reverse("register:enterprise_list"), {"q": "hong ngoc"})
    by_code = client.get(reverse("register:enterprise_list"), {"q": "030058"})

    assert [e.name for e in by_name.context["page_obj"]] == ["Công ty Cổ phần Ván dán Hồng Ngọc"]
    assert [e.tax_code for e in by_code.context["page_obj"]] == ["0300588569"]


def test_create_enterprise_shows_checksum_error(world, client_for):
    response = client_for(world.a.officer).post(
        reverse("register:enterprise_create"),
        {"tax_code": "0300588560", "name": "Công ty X", "ownership": "DOMESTIC"},
    )

    assert response.status_code == 200
    assert "tax_code" in response.context["form"].errors


@pytest.mark.slow
def test_apply_approve_issue_and_download(world, blocs_world, client_for, django_capture_on_commit_callbacks):
    newcomer = EnterpriseFactory(organization=world.a.board, name="Công ty TNHH Nông sản Thanh Bình")
    applicant = client_for(enterprise_user(newcomer))
    officer = client_for(world.a.officer)

    applicant.post(
        reverse("membership:my_application_submit"), {"preferred_bloc": blocs_world.bloc.pk, "note": ""}
    )
    application = MembershipApplication.objects.get(enterprise=newcomer)
    officer.post(
        reverse("membership:application_approve", args=[application.pk]), {"bloc": blocs_world.bloc.pk}
    )
    response = officer.post(reverse("membership:decision_create"))
    decision = ConsolidationDecision.objects.get()
    officer.post(reverse("membership:decision_submit", args=[decision.pk]), {"signer": world.a.signer.pk})
    request = signature_requests_for_owner(decision).get()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(world.a.signer).post(
            reverse("documents:signature_sign", args=[request.pk]),
            {"password": TEST_PASSWORD, "otp_token": totp_now(world.a.signer)},
        )
    page = officer.get(reverse("membership:decision_detail", args=[decision.pk]))
    decision.refresh_from_db()
    document = GeneratedDocument.objects.get(pk=decision.document_id)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert BlocMembership.objects.get(enterprise=newcomer).decision == decision
    assert response.status_code == 302
    assert page.status_code == 200
    assert f"01/{document.symbol}" in page.content.decode()
    assert document.is_done, document.error
    download = officer.get(reverse("documents:document_download", args=[document.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content)[:4] == b"%PDF"


def test_applicant_sees_its_pending_application_and_is_not_offered_the_form_again(
    world, blocs_world, client_for
):
    newcomer = EnterpriseFactory(organization=world.a.board)
    applicant = english(client_for(enterprise_user(newcomer)))
    before = applicant.get(reverse("register:my_enterprise")).content.decode()

    applicant.post(reverse("membership:my_application_submit"), {"preferred_bloc": blocs_world.bloc.pk})
    page = applicant.get(reverse("register:my_enterprise")).content.decode()

    application = MembershipApplication.objects.get(enterprise=newcomer)
    assert reverse("membership:my_application_submit") in before
    assert reverse("membership:my_application_submit") not in page
    assert "Khối thi đua KCN Thanh Bình" in page
    assert "Sent on" in page
    assert reverse("membership:my_application_withdraw", args=[application.pk]) in page


def test_applicant_withdraws_its_application_and_may_apply_again(world, blocs_world, client_for):
    newcomer = EnterpriseFactory(organization=world.a.board)
    applicant = english(client_for(enterprise_user(newcomer)))
    applicant.post(reverse("membership:my_application_submit"), {"preferred_bloc": blocs_world.bloc.pk})
    application = MembershipApplication.objects.get(enterprise=newcomer)

    response = applicant.post(reverse("membership:my_application_withdraw", args=[application.pk]))
    page = applicant.get(reverse("register:my_enterprise")).content.decode()
    again = applicant.post(reverse("membership:my_application_submit"), {"note": "Xin tham gia lại"})

    application.refresh_from_db()
    assert response.status_code == 302
    assert application.status == ApplicationStatus.WITHDRAWN
    assert AuditEvent.objects.filter(action="application.withdrawn", object_id=str(application.pk)).exists()
    assert "Withdrawn on" in page
    assert again.status_code == 302
    assert (
        MembershipApplication.objects.filter(enterprise=newcomer, status=ApplicationStatus.SUBMITTED).count()
        == 1
    )


def test_only_the_applicants_representative_withdraws_and_only_while_pending(world, blocs_world, client_for):
    newcomer = EnterpriseFactory(organization=world.a.board)
    representative = client_for(enterprise_user(newcomer))
    reporter = client_for(enterprise_user(newcomer, role=EnterpriseRole.REPORTER))
    representative.post(reverse("membership:my_application_submit"), {"note": ""})
    application = MembershipApplication.objects.get(enterprise=newcomer)
    url = reverse("membership:my_application_withdraw", args=[application.pk])

    by_reporter = reporter.post(url)
    by_other_enterprise = client_for(blocs_world.member).post(url)
    by_officer = client_for(world.a.officer).post(url)
    client_for(world.a.officer).post(
        reverse("membership:application_reject", args=[application.pk]), {"reason": "Chưa đủ điều kiện"}
    )
    after_decision = english(representative).post(url, follow=True)

    application.refresh_from_db()
    assert (by_reporter.status_code, by_other_enterprise.status_code, by_officer.status_code) == (
        403,
        403,
        403,
    )
    assert application.status == ApplicationStatus.REJECTED
    assert "This application has already been decided." in after_decision.content.decode()


@pytest.mark.parametrize("earlier_years", [1, 3])
def test_application_detail_shows_what_the_officer_needs_to_decide(
    world, blocs_world, client_for, django_assert_num_queries, earlier_years
):
    enterprise = EnterpriseFactory(
        organization=world.a.board,
        name="Công ty TNHH Nông sản Thanh Bình",
        sector="Chế biến nông sản",
        employees=420,
        legal_representative="Trần Văn Bình",
    )
    for offset in range(earlier_years):
        BlocMembershipFactory(
            bloc=blocs_world.other_bloc,
            enterprise=enterprise,
            year=EmulationYearFactory(organization=world.a.board, year=2020 + offset, status="CLOSED"),
        )
    application = MembershipApplicationFactory(enterprise=enterprise, year=blocs_world.year)
    client = english(client_for(world.a.officer))
    client.get("/")  # warm the session

    with django_assert_num_queries(8):  # session, user, device, roles, application, history, blocs, roles
        page = client.get(reverse("membership:application_detail", args=[application.pk]))

    html = page.content.decode()
    assert enterprise.tax_code in html
    assert enterprise.park.name in html
    assert "Domestic" in html and "Chế biến nông sản" in html and "420" in html and "Trần Văn Bình" in html
    card = html.split('data-testid="applicant-enterprise"')[1].split("</dl>")[0]
    assert card.count(blocs_world.other_bloc.name) == earlier_years


def test_reject_with_reason_shows_on_enterprise_page(world, blocs_world, client_for):
    newcomer = EnterpriseFactory(organization=world.a.board)
    user = enterprise_user(newcomer)
    client_for(user).post(reverse("membership:my_application_submit"), {"note": "Xin tham gia"})
    application = MembershipApplication.objects.get(enterprise=newcomer)

    client_for(world.a.officer).post(
        reverse("membership:application_reject", args=[application.pk]), {"reason": "Chưa hoạt động ổn định"}
    )
    page = client_for(user).get(reverse("register:my_enterprise"))

    assert "Chưa hoạt động ổn định" in page.content.decode()


def test_election_through_screens_and_its_result_applied(world, blocs_world, client_for):
    """Issue 10: an election's result could not be applied from the screens."""
    officer = english(client_for(world.a.officer))
    created = officer.post(
        reverse("membership:election_create", args=[blocs_world.bloc.pk]),
        {
            "office": "LEADER",
            "elects_for": "2026",
            "method": "SECRET",
            "counting": "ONLINE",
            "place": "Hội trường",
        },
    )
    election = Election.objects.get()
    url = lambda name: reverse(f"membership:{name}", args=[election.pk])  # noqa: E731
    leader, member = english(client_for(blocs_world.leader)), english(client_for(blocs_world.member))
    leader.post(url("election_open"))
    candidates = {c.enterprise_id: c.pk for c in current_round(election).candidates.all()}
    member_choice = candidates[blocs_world.member_enterprise.pk]

    leader.post(url("election_vote"), {"choice": member_choice})
    member.post(url("election_vote"), {"choice": member_choice})
    again = member.post(url("election_vote"), {"choice": "none"}, follow=True)
    leader.post(url("election_close"))
    officer.post(url("election_confirm"))
    applied = officer.post(url("election_apply"), follow=True)

    session = current_round(election)
    election.refresh_from_db()
    assert created.status_code == 302
    assert (session.status, session.result["elected"], session.ballots.count()) == (
        VotingStatus.RESULT_CONFIRMED,
        [member_choice],
        2,
    )
    assert "A ballot has already been cast for" in again.content.decode()
    assert election.applied_to == blocs_world.year
    assert "The result holds for 2026." in applied.content.decode()
    roles = dict(
        BlocMembership.objects.filter(year=blocs_world.year, bloc=blocs_world.bloc).values_list(
            "enterprise_id", "role"
        )
    )
    assert roles == {
        blocs_world.member_enterprise.pk: MembershipRole.LEADER,
        blocs_world.leader_enterprise.pk: MembershipRole.MEMBER,
    }


def test_profile_edit_changes_only_contact_fields(blocs_world, client_for):
    client = client_for(blocs_world.member)

    client.post(
        reverse("register:my_enterprise_edit"),
        {"name_en": "Member Co", "address": "Lô A1", "phone": "0209 111", "email": "a@b.vn", "employees": 12},
    )

    enterprise = blocs_world.member_enterprise
    enterprise.refresh_from_db()
    assert (enterprise.name_en, enterprise.employees) == ("Member Co", 12)


def test_open_year_with_copy_through_screen(world, blocs_world, client_for):
    client_for(world.a.officer).post(reverse("membership:year_open"), {"year": 2027, "copy_previous": "on"})

    roles = dict(
        BlocMembership.objects.filter(year__year=2027, bloc=blocs_world.bloc).values_list(
            "enterprise_id", "role"
        )
    )
    assert roles == {
        # No second consecutive term while another member could lead; no deputy to hand over to: the seat
        # stays empty for the Board to fill (or an election).
        blocs_world.leader_enterprise.pk: MembershipRole.MEMBER,
        blocs_world.member_enterprise.pk: MembershipRole.MEMBER,
    }


def test_demo_seed_runs_twice(db):
    from io import StringIO

    from blocs.membership.demo import seed
    from thidua.accounts.demo import seed as seed_accounts

    seed_accounts(StringIO())
    first = seed(StringIO())
    counts = (BlocMembership.objects.count(), MembershipApplication.objects.count())
    second = seed(StringIO())

    emails = {row["email"] for row in second}
    assert {"leader.tn@thidua.demo", "member.tn@thidua.demo", "applicant.dl@thidua.demo"} <= emails
    assert emails <= {row["email"] for row in first}
    assert (BlocMembership.objects.count(), MembershipApplication.objects.count()) == counts
    assert BlocMembership.objects.filter(bloc__organization__name__contains="Đắk Lắk").count() == 26
