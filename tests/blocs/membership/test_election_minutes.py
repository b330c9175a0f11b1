"""The minutes (Biên bản) of a bloc's election (issue 10 item 4): the bloc's document, numbered in the bloc's
register with "BB", rendered by the worker in Vietnamese with every round (counts per candidate with "không
đồng ý", invalid ballots, the tie and the second round), signed by the chair beside the secretary; issued
from the election's page once the round is closed, downloadable by the bloc's members, not by other blocs."""

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import translation

from blocs.enums import MembershipRole
from blocs.membership.issuers import bloc_register
from blocs.membership.queries import current_round, election_minutes_document
from blocs.membership.services import (
    cast_member_ballot,
    close_election_round,
    create_election,
    issue_election_minutes,
    open_election,
    start_election_round,
)
from tests.factories.blocs import BlocFactory, BlocMembershipFactory, EmulationYearFactory, enterprise_user
from tests.pdf_tools import pdf_text
from thidua.documents.enums import DocumentStatus
from thidua.documents.permissions import get_document_for_user_or_404


def _tied_then_decided(world, *, second_round: bool = True):
    """Four member units (one without an account: absent): a 1-1 tie with one "không đồng ý", then a second
    round the first candidate wins 2-1."""
    bloc = BlocFactory(organization=world.a.board, name="Khối thi đua KCN Thanh Bình", code="KTĐ3")
    year = EmulationYearFactory(organization=world.a.board, year=2026)
    members = sorted(
        (BlocMembershipFactory(bloc=bloc, year=year) for _ in range(4)), key=lambda m: m.enterprise.name
    )
    representatives = [enterprise_user(m.enterprise) for m in members[:3]]
    election = create_election(
        bloc=bloc,
        year=year,
        office=MembershipRole.LEADER,
        elects_for=2027,
        created_by=world.a.officer,
        place="Hội trường Khu công nghiệp Thanh Bình",
        chair="Nguyễn Thị Hồng Ngọc",
        secretary="Phạm Quỳnh Ỷ",
    )

    def vote(choices):
        open_election(election=election, opened_by=None)
        session = current_round(election)
        for user, choice in zip(representatives, choices, strict=True):
            chosen = [] if choice is None else [session.candidates.get(enterprise=members[choice].enterprise)]
            cast_member_ballot(election=election, cast_by=user, candidates=chosen)
        close_election_round(election=election, closed_by=None)

    vote([0, 1, None])
    if second_round:
        start_election_round(election=election, created_by=world.a.officer)
        vote([0, 0, 1])
    return election, members


@pytest.mark.integration
@pytest.mark.slow  # renders the PDF, then reads it with pdftotext
def test_the_minutes_pdf_records_every_round_in_vietnamese(world, django_capture_on_commit_callbacks):
    election, members = _tied_then_decided(world)

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        document = issue_election_minutes(election=election, issued_by=world.a.officer)

    document.refresh_from_db()
    flat = " ".join(pdf_text(document.file.read()).split())
    winner = members[0].enterprise.name
    assert document.status == DocumentStatus.DONE
    assert (document.register, document.doc_type, document.number) == (bloc_register(election.bloc), "BB", 1)
    for text in (
        "BIÊN BẢN",
        "KHỐI THI ĐUA KCN THANH BÌNH",
        "01/BB-KTĐ3",
        "Bầu Khối trưởng Khối thi đua KCN Thanh Bình năm 2027",
        "Địa điểm: Hội trường Khu công nghiệp Thanh Bình",
        "Số thành viên có quyền biểu quyết: 4; số thành viên tham gia: 3",
        f"(vắng: {members[3].enterprise.name})",
        "Vòng 1",
        "Vòng 2",
        "phiếu không đồng ý",
        "Số phiếu bằng nhau giữa",
        "Bầu vòng tiếp theo giữa",
        f"Trúng cử: {winner}.",
        "THƯ KÝ",
        "CHỦ TỌA",
        "Nguyễn Thị Hồng Ngọc",
        "Phạm Quỳnh Ỷ",
    ):
        assert text in flat, text
    for english in ("Minutes", "round", "votes", "Chair"):
        assert english not in flat, english


@pytest.mark.integration
def test_the_minutes_wait_for_the_closed_round_and_are_issued_once_per_set_of_rounds(world):
    election, _members = _tied_then_decided(world, second_round=False)
    start_election_round(election=election, created_by=world.a.officer)

    with pytest.raises(ValidationError, match="closed"):
        issue_election_minutes(election=election, issued_by=world.a.officer)


@pytest.mark.integration
def test_issue_refused_twice_for_the_same_rounds(world):
    election, _members = _tied_then_decided(world, second_round=False)
    issue_election_minutes(election=election, issued_by=world.a.officer)

    with pytest.raises(ValidationError, match="already issued"):
        issue_election_minutes(election=election, issued_by=world.a.officer)


@pytest.mark.integration
def test_the_election_page_issues_the_minutes_and_links_their_pdf(world, client_for):
    election, _members = _tied_then_decided(world)
    client = client_for(world.a.officer)

    response = client.post(reverse("membership:election_minutes", args=[election.pk]), follow=True)

    document = election_minutes_document(election)
    assert document is not None and document.kind == "election_minutes"
    assert reverse("documents:document_status", args=[document.pk]).encode() in response.content


@pytest.mark.integration
def test_a_member_sees_the_minutes_and_another_blocs_member_gets_404(world):
    election, members = _tied_then_decided(world, second_round=False)
    document = issue_election_minutes(election=election, issued_by=world.a.officer)
    other = BlocMembershipFactory(bloc=BlocFactory(organization=world.a.board), year=election.year).enterprise

    seen = get_document_for_user_or_404(enterprise_user(members[1].enterprise), document.pk)

    assert seen == document
    with pytest.raises(Http404):
        get_document_for_user_or_404(enterprise_user(other), document.pk)
