import datetime

import pytest
from django.core.exceptions import ValidationError

from awards.council.enums import CouncilStatus, ItemOutcome
from awards.council.services import (
    cast_council_ballots,
    close_council_session,
    create_council_session,
    open_council_session,
)
from awards.nominations.enums import NominationStatus
from awards.nominations.models import Nomination
from blocs.voting.models import Ballot
from thidua.documents.models import GeneratedDocument

pytestmark = pytest.mark.unit


def prepare(world, year, nominations, **changes):
    values = {
        "year": year,
        "title": "Phiên họp xét khen thưởng năm 2025",
        "meets_on": datetime.date(2025, 12, 5),
        "chair": "Hoàng Văn Khởi",
        "secretary": "Chuyên Viên",
        "nominations": nominations,
        "created_by": world.a.officer,
    }
    return create_council_session(**(values | changes))


def vote(session, members, flag_yes, certificate_yes, *, cast_by=None):
    items = {
        item.nomination.award_type.code: item.pk
        for item in session.items.select_related("nomination__award_type")
    }
    for index, member in enumerate(members):
        cast_council_ballots(
            session=session,
            member=member,
            approvals={items["CO_TINH"]: index < flag_yes, items["GK_BQL"]: index < certificate_yes},
            cast_by=cast_by or member,
        )


def test_a_session_has_one_round_per_nominee_over_all_council_members(world, council, before_council):
    year, flag, certificate = before_council

    session = prepare(world, year, [flag, certificate])

    items = list(session.items.select_related("voting"))
    assert [item.voting.voters.count() for item in items] == [5, 5]
    assert [(str(item.voting.threshold_ratio), item.voting.threshold_inclusive) for item in items] == [
        ("0.8000", True),
        ("0.5000", False),
    ]


def test_only_nominations_sent_to_the_council_are_voted_on(world, council, before_council):
    year, flag, _certificate = before_council
    Nomination.objects.filter(pk=flag.pk).update(status=NominationStatus.UNDER_REVIEW)

    with pytest.raises(ValidationError) as refused:
        prepare(world, year, [flag])

    assert "nominations" in refused.value.message_dict


def test_thresholds_count_all_members_and_written_opinions(world, council, before_council):
    year, flag, certificate = before_council
    session = prepare(world, year, [flag, certificate])
    open_council_session(session=session, opened_by=world.a.officer)
    # four members vote in the portal, the fifth is absent and sends a written opinion
    vote(session, council[:4], flag_yes=3, certificate_yes=3)
    vote(session, council[4:], flag_yes=1, certificate_yes=0, cast_by=world.a.officer)

    close_council_session(session=session, closed_by=world.a.officer)

    flag.refresh_from_db()
    certificate.refresh_from_db()
    # flag: 4 "đồng ý" of 5 = 80 % ≥ 80 %; Giấy khen: 3 of 5 = 60 % > 50 %
    assert (flag.status, certificate.status) == (NominationStatus.APPROVED, NominationStatus.APPROVED)
    assert Ballot.objects.filter(channel="WRITTEN").count() == 2


def test_below_the_threshold_the_council_rejects(world, council, before_council):
    year, flag, certificate = before_council
    session = prepare(world, year, [flag, certificate])
    open_council_session(session=session, opened_by=world.a.officer)
    vote(session, council, flag_yes=3, certificate_yes=2)  # 60 % < 80 %; 40 % ≤ 50 %

    closed = close_council_session(session=session, closed_by=world.a.officer)

    outcomes = sorted(closed.items.values_list("outcome", flat=True))
    assert outcomes == [ItemOutcome.REJECTED, ItemOutcome.REJECTED]
    assert set(Nomination.objects.values_list("status", flat=True)) == {NominationStatus.REJECTED}


def test_without_the_quorum_the_nominations_stay_before_the_council(world, council, before_council):
    year, flag, certificate = before_council
    session = prepare(world, year, [flag, certificate])
    open_council_session(session=session, opened_by=world.a.officer)
    vote(session, council[:3], flag_yes=3, certificate_yes=3)  # 3 of 5 < 80 %

    closed = close_council_session(session=session, closed_by=world.a.officer)

    assert set(closed.items.values_list("outcome", flat=True)) == {ItemOutcome.NO_QUORUM}
    assert set(Nomination.objects.values_list("status", flat=True)) == {NominationStatus.COUNCIL_VOTING}


def test_a_member_votes_once(world, council, before_council):
    year, flag, certificate = before_council
    session = prepare(world, year, [flag, certificate])
    open_council_session(session=session, opened_by=world.a.officer)
    vote(session, council[:1], flag_yes=1, certificate_yes=1)

    with pytest.raises(ValidationError):
        vote(session, council[:1], flag_yes=0, certificate_yes=0)

    assert Ballot.objects.count() == 2


def test_a_ballot_must_cover_every_nominee(world, council, before_council):
    year, flag, certificate = before_council
    session = prepare(world, year, [flag, certificate])
    open_council_session(session=session, opened_by=world.a.officer)
    first = session.items.first()

    with pytest.raises(ValidationError) as refused:
        cast_council_ballots(
            session=session, member=council[0], approvals={first.pk: True}, cast_by=council[0]
        )

    assert refused.value.code == "incomplete"


def test_closing_issues_the_minutes_in_the_boards_register(
    world, council, before_council, django_capture_on_commit_callbacks
):
    year, flag, certificate = before_council
    session = prepare(world, year, [flag, certificate])
    open_council_session(session=session, opened_by=world.a.officer)
    vote(session, council, flag_yes=5, certificate_yes=5)

    closed = close_council_session(session=session, closed_by=world.a.officer)

    minutes = GeneratedDocument.objects.get(pk=closed.minutes_id)
    assert (closed.status, minutes.kind, minutes.doc_type) == (CouncilStatus.CLOSED, "council_minutes", "BB")
    assert minutes.number == 1
    assert [item["outcome"] for item in minutes.context["items"]] == [
        "Hội đồng thống nhất đề nghị khen thưởng.",
        "Hội đồng thống nhất đề nghị khen thưởng.",
    ]


def test_the_quota_is_checked_again_at_the_council(world, council, before_council):
    from decimal import Decimal

    from tests.factories.awards import QuotaRuleFactory, award_type

    year, flag, certificate = before_council
    QuotaRuleFactory(year=year, award_type=award_type("GK_BQL"), kind="COUNT", value=Decimal(0), minimum=0)
    session = prepare(world, year, [flag, certificate])
    open_council_session(session=session, opened_by=world.a.officer)
    vote(session, council, flag_yes=5, certificate_yes=5)

    close_council_session(session=session, closed_by=world.a.officer)

    certificate.refresh_from_db()
    item = certificate.council_items.get()
    assert (certificate.status, item.outcome) == (NominationStatus.REJECTED, ItemOutcome.REJECTED)
    assert "0 of 0 taken" in item.note
