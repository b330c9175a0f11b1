"""Bloc regulations: versions, the adopted PDF, the leader's record of the members' agreement that the Board
confirms, and the rules that read the version in force."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from blocs.enums import MembershipRole, RegulationStatus
from blocs.membership.queries import current_regulation, current_round, effective_rules
from blocs.membership.services.elections import create_election
from blocs.membership.services.members import assign_role
from blocs.membership.services.regulations import (
    adopt_regulation,
    confirm_regulation,
    propose_regulation,
    return_regulation,
)
from blocs.models import BlocRegulation
from blocs.voting.enums import TieRule
from tests.blocs.pdf import PDF_BYTES, pdf_upload
from tests.conftest import english
from tests.factories.blocs import BlocMembershipFactory, EmulationYearFactory
from thidua.audit.models import AuditEvent

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _data(**overrides) -> dict:
    data = {
        "adopted_on": datetime.date(2026, 2, 15),
        "quorum_ratio": Decimal("0.75"),
        "vote_threshold_ratio": Decimal("0.6"),
        "enterprise_report_day": 12,
        "bloc_report_day": 22,
        "leader_consecutive_terms_allowed": False,
        "text": "Điều 1. Khối thi đua hoạt động theo nguyên tắc tự nguyện.",
    }
    return {**data, **overrides}


def _form(**overrides) -> dict:
    data = {**_data(), "adopted_on": "2026-02-15", "tie_rule": "RUNOFF", **overrides}
    return {key: value for key, value in data.items() if value is not False}


# ---------------------------------------------------------------------------
# Service
# ---------------------------------------------------------------------------
def test_adopt_numbers_versions_and_audits(world, blocs_world):
    first = adopt_regulation(bloc=blocs_world.bloc, data=_data(), adopted_by=world.a.officer)
    second = adopt_regulation(
        bloc=blocs_world.bloc, data=_data(quorum_ratio=Decimal("0.5")), adopted_by=world.a.officer
    )
    other = adopt_regulation(bloc=blocs_world.other_bloc, data=_data(), adopted_by=world.a.officer)

    first.refresh_from_db()
    assert (first.version, second.version, other.version) == (1, 2, 1)
    assert first.quorum_ratio == Decimal("0.75")  # the old version is untouched
    events = AuditEvent.objects.filter(action="regulation.adopted", object_id=str(second.pk))
    assert [(e.changes["version"], e.changes["quorum_ratio"]) for e in events] == [(2, "0.5")]


def test_adopt_stores_the_pdf_under_a_generated_name(world, blocs_world, media):
    regulation = adopt_regulation(
        bloc=blocs_world.bloc,
        data=_data(),
        file=pdf_upload("../Quy chế KTĐ1 bản ký.pdf"),
        adopted_by=world.a.officer,
    )

    assert regulation.file.name.startswith("blocs/regulations/")
    assert "Quy" not in regulation.file.name
    assert (media / regulation.file.name).read_bytes() == PDF_BYTES


@pytest.mark.parametrize(
    ("upload", "error"),
    [
        (pdf_upload("quy-che.docx"), "Upload a file ending in .pdf."),
        (pdf_upload("quy-che.pdf", b"PK\x03\x04 a zip"), "This is not a PDF file."),
        (
            pdf_upload("quy-che.pdf", PDF_BYTES + b" " * (10 * 1024 * 1024)),
            "The file is too large (at most 10 MB).",
        ),
    ],
    ids=["extension", "magic", "size"],
)
def test_adopt_refuses_files_that_are_not_small_pdfs(world, blocs_world, upload, error):
    with pytest.raises(ValidationError) as caught:
        adopt_regulation(bloc=blocs_world.bloc, data=_data(), file=upload, adopted_by=world.a.officer)

    assert caught.value.message_dict == {"file": [error]}
    assert not BlocRegulation.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"quorum_ratio": Decimal("1.2")},
        {"quorum_ratio": Decimal("0")},
        {"vote_threshold_ratio": Decimal("-0.1")},
        {"enterprise_report_day": 0},
        {"bloc_report_day": 32},
    ],
)
def test_adopt_refuses_out_of_range_values(world, blocs_world, overrides):
    with pytest.raises(ValidationError) as caught:
        adopt_regulation(bloc=blocs_world.bloc, data=_data(**overrides), adopted_by=world.a.officer)

    assert list(caught.value.message_dict) == list(overrides)


def test_database_refuses_out_of_range_ratio(blocs_world):
    with pytest.raises(IntegrityError), transaction.atomic():
        BlocRegulation.objects.create(
            bloc=blocs_world.bloc,
            version=1,
            adopted_on=datetime.date(2026, 1, 1),
            quorum_ratio=Decimal("1.5"),
        )


def test_election_reads_the_latest_version(world, blocs_world):
    adopt_regulation(bloc=blocs_world.bloc, data=_data(), adopted_by=world.a.officer)
    adopt_regulation(
        bloc=blocs_world.bloc,
        data=_data(quorum_ratio=Decimal("0.8"), vote_threshold_ratio=Decimal("0.55")),
        adopted_by=world.a.officer,
    )

    election = create_election(
        bloc=blocs_world.bloc,
        year=blocs_world.year,
        office="LEADER",
        elects_for=2027,
        created_by=world.a.officer,
    )

    session = current_round(election)
    assert (session.quorum_ratio, session.threshold_ratio) == (Decimal("0.8"), Decimal("0.55"))


def test_election_without_regulation_reads_the_year_settings(world, blocs_world):
    blocs_world.year.settings = {**blocs_world.year.settings, "bloc_quorum_ratio": "0.9"}
    blocs_world.year.save()

    election = create_election(
        bloc=blocs_world.bloc,
        year=blocs_world.year,
        office="LEADER",
        elects_for=2027,
        created_by=world.a.officer,
    )

    assert (current_round(election).quorum_ratio, current_round(election).tie_rule) == (
        Decimal("0.9"),
        TieRule.RUNOFF,
    )


def test_leader_rule_reads_the_latest_version(world, blocs_world):
    bloc = blocs_world.bloc
    last = EmulationYearFactory(organization=world.a.board, year=2025)
    leader = BlocMembershipFactory(bloc=bloc, year=last, role=MembershipRole.LEADER)
    again = BlocMembershipFactory(bloc=bloc, year=blocs_world.year, enterprise=leader.enterprise)
    blocs_world.leader_enterprise.memberships.update(role=MembershipRole.MEMBER)
    adopt_regulation(bloc=bloc, data=_data(leader_consecutive_terms_allowed=True), adopted_by=None)
    adopt_regulation(bloc=bloc, data=_data(leader_consecutive_terms_allowed=False), adopted_by=None)

    with pytest.raises(ValidationError):
        assign_role(membership=again, role=MembershipRole.LEADER, assigned_by=None)
    adopt_regulation(bloc=bloc, data=_data(leader_consecutive_terms_allowed=True), adopted_by=None)
    assert assign_role(membership=again, role=MembershipRole.LEADER, assigned_by=None).role == "LEADER"


# ---------------------------------------------------------------------------
# Screens
# ---------------------------------------------------------------------------
def status(client_for, user, url):
    return client_for(user).get(url).status_code


def test_regulation_list_trio(world, blocs_world, client_for):
    url = reverse("membership:regulation_list", args=[blocs_world.bloc.pk])

    assert status(client_for, world.a.council, url) == 200
    assert status(client_for, blocs_world.leader, url) == 200
    assert status(client_for, blocs_world.member, url) == 200
    assert status(client_for, blocs_world.outsider, url) == 403
    assert status(client_for, world.b.officer, url) == 404


def test_regulation_create_trio(world, blocs_world, client_for):
    url = reverse("membership:regulation_create", args=[blocs_world.bloc.pk])

    assert status(client_for, world.a.officer, url) == 200
    assert status(client_for, blocs_world.leader, url) == 200  # records what the members agreed to
    assert status(client_for, world.a.council, url) == 403
    assert status(client_for, blocs_world.member, url) == 403
    assert status(client_for, world.b.officer, url) == 404


def test_regulation_detail_and_download_trio(world, blocs_world, client_for):
    regulation = adopt_regulation(
        bloc=blocs_world.bloc, data=_data(), file=pdf_upload(), adopted_by=world.a.officer
    )
    for name in ["regulation_detail", "regulation_download"]:
        url = reverse(f"membership:{name}", args=[regulation.pk])

        assert status(client_for, world.a.signer, url) == 200, name
        assert status(client_for, blocs_world.member, url) == 200, name
        assert status(client_for, blocs_world.outsider, url) == 403, name
        assert status(client_for, world.b.officer, url) == 404, name


def test_download_without_file_is_404(world, blocs_world, client_for):
    regulation = adopt_regulation(bloc=blocs_world.bloc, data=_data(), adopted_by=world.a.officer)

    assert (
        status(client_for, world.a.officer, reverse("membership:regulation_download", args=[regulation.pk]))
        == 404
    )


def test_create_through_the_form_then_download(world, blocs_world, client_for):
    client = client_for(world.a.officer)
    url = reverse("membership:regulation_create", args=[blocs_world.bloc.pk])

    response = client.post(url, {**_form(), "file": pdf_upload("Quy chế bản ký.pdf")})
    regulation = BlocRegulation.objects.get()
    download = client_for(blocs_world.leader).get(
        reverse("membership:regulation_download", args=[regulation.pk])
    )

    assert response.status_code == 302
    assert (regulation.version, regulation.quorum_ratio) == (1, Decimal("0.75"))
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"] == (
        "attachment; filename*=utf-8''Quy%20ch%E1%BA%BF%20ho%E1%BA%A1t%20%C4%91%E1%BB%99ng%20KT%C4%90"
        "1%20-%20phi%C3%AAn%20b%E1%BA%A3n%201.pdf"
    )


def test_form_shows_upload_and_range_errors(world, blocs_world, client_for):
    client = english(client_for(world.a.officer))
    url = reverse("membership:regulation_create", args=[blocs_world.bloc.pk])

    response = client.post(url, {**_form(quorum_ratio="1.5"), "file": pdf_upload("x.pdf", b"<html>")})

    errors = response.context["form"].errors
    assert response.status_code == 200
    assert errors["file"] == ["This is not a PDF file."]
    assert "quorum_ratio" in errors
    assert not BlocRegulation.objects.exists()


def test_new_version_form_starts_from_the_version_in_force(world, blocs_world, client_for):
    adopt_regulation(bloc=blocs_world.bloc, data=_data(bloc_report_day=25), adopted_by=world.a.officer)

    response = client_for(world.a.officer).get(
        reverse("membership:regulation_create", args=[blocs_world.bloc.pk])
    )

    assert response.context["form"].initial["bloc_report_day"] == 25


def test_regulation_list_shows_every_version(world, blocs_world, client_for):
    for day in (10, 15, 20):
        adopt_regulation(bloc=blocs_world.bloc, data=_data(bloc_report_day=day), adopted_by=None)

    response = client_for(blocs_world.member).get(
        reverse("membership:regulation_list", args=[blocs_world.bloc.pk])
    )

    assert [r.version for r in response.context["page_obj"]] == [3, 2, 1]


def test_the_leader_records_the_members_agreement_and_the_board_confirms(world, blocs_world, client_for):
    """Issue 10, item 7: the bloc leader records the members' agreement to a regulation version; it is not in
    force until the Board confirms it."""
    members = [blocs_world.leader_enterprise.pk, blocs_world.member_enterprise.pk]
    response = client_for(blocs_world.leader).post(
        reverse("membership:regulation_create", args=[blocs_world.bloc.pk]),
        {**_form(quorum_ratio="0.8", tie_rule="CHAIR"), "agreed_members": members},
    )
    proposed = BlocRegulation.objects.get()
    rules_before = effective_rules(blocs_world.bloc, blocs_world.year)

    confirmed = client_for(world.a.officer).post(reverse("membership:regulation_confirm", args=[proposed.pk]))

    proposed.refresh_from_db()
    rules_after = effective_rules(blocs_world.bloc, blocs_world.year)
    assert response.status_code == 302
    assert sorted(proposed.agreed_members.values_list("pk", flat=True)) == sorted(members)
    assert (rules_before.from_regulation, rules_before.tie_rule) == (False, TieRule.RUNOFF)
    assert confirmed.status_code == 302
    assert (proposed.status, proposed.confirmed_by) == (RegulationStatus.CONFIRMED, world.a.officer)
    assert (rules_after.quorum_ratio, rules_after.tie_rule) == (Decimal("0.8000"), TieRule.CHAIR)


def test_the_board_returns_a_version_with_a_reason(world, blocs_world):
    proposed = propose_regulation(
        bloc=blocs_world.bloc, data=_data(), agreed_members=[], proposed_by=blocs_world.leader
    )

    with pytest.raises(ValidationError):
        return_regulation(regulation=proposed, reason=" ", returned_by=world.a.officer)
    returned = return_regulation(regulation=proposed, reason="Thiếu chữ ký", returned_by=world.a.officer)

    assert (returned.status, returned.return_reason, current_regulation(blocs_world.bloc)) == (
        RegulationStatus.REJECTED,
        "Thiếu chữ ký",
        None,
    )
    with pytest.raises(ValidationError):
        confirm_regulation(regulation=returned, confirmed_by=world.a.officer)


def test_one_version_awaits_confirmation_at_a_time_and_only_members_agree(world, blocs_world):
    propose_regulation(bloc=blocs_world.bloc, data=_data(), agreed_members=[], proposed_by=None)

    with pytest.raises(ValidationError, match="already awaits"):
        propose_regulation(bloc=blocs_world.bloc, data=_data(), agreed_members=[], proposed_by=None)
    with pytest.raises(ValidationError) as caught:
        adopt_regulation(
            bloc=blocs_world.bloc,
            data=_data(),
            agreed_members=[blocs_world.outsider_enterprise],
            adopted_by=None,
        )
    assert "agreed_members" in caught.value.message_dict


def test_confirm_and_return_trio(world, blocs_world, client_for):
    proposed = propose_regulation(bloc=blocs_world.bloc, data=_data(), agreed_members=[], proposed_by=None)
    for name in ["regulation_confirm", "regulation_return"]:
        url = reverse(f"membership:{name}", args=[proposed.pk])

        assert client_for(blocs_world.leader).post(url, {"reason": "x"}).status_code == 403, name
        assert client_for(world.b.officer).post(url, {"reason": "x"}).status_code == 404, name
    assert (
        client_for(world.a.officer)
        .post(reverse("membership:regulation_return", args=[proposed.pk]), {"reason": "Chưa đủ"})
        .status_code
        == 302
    )
