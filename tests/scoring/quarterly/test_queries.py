"""Reads: the report sheet with completion, the bloc's consolidated table computed in SQL per aggregation,
the members' table with early warnings, the Board's status page; each in a fixed number of queries."""

from decimal import Decimal

import pytest

from scoring.quarterly import queries
from scoring.quarterly.services import reports as report_services
from scoring.quarterly.services.periods import ensure_period_rows
from tests.factories.blocs import BlocMembershipFactory, EnterpriseFactory, IndustrialParkFactory
from tests.scoring.quarterly.conftest import accepted, entries, submitted

pytestmark = pytest.mark.unit
D = Decimal


def _row(table, code):
    return next(row for row in table if row.indicator.code == code)


def test_the_report_sheet_puts_the_pledges_indicators_first_with_completion(qw):
    report = qw.report(qw.member)
    report_services.save_report(
        report=report, entered_by=qw.member_rep, values=entries(qw, GTSX="100", LD="260")
    )

    sheet = queries.report_sheet(report)

    assert [row.code for row in sheet[:4]] == ["GTSX", "DT", "LD", "TNBQ"]
    gtsx, ld = _row(sheet, "GTSX"), _row(sheet, "LD")
    assert (gtsx.completion.target, gtsx.completion.of_plan, gtsx.completion.of_same_period) == (
        D(400),
        D("25.0"),
        D("125.0"),
    )
    assert (ld.completion.of_plan, ld.completion.of_same_period) == (D("86.7"), D("104.0"))
    assert not gtsx.completion.behind


def test_the_report_sheet_takes_two_queries(qw, django_assert_num_queries):
    report = qw.report(qw.member)
    report.enterprise, report.period.year  # noqa: B018 -- loaded by the accessor

    with django_assert_num_queries(2):
        queries.report_sheet(report)


def test_the_consolidated_table_follows_each_indicators_aggregation(qw, django_assert_num_queries):
    accepted(qw, qw.member, qw.member_rep, qw.leader_rep, TUTT="1")
    accepted(qw, qw.deputy, qw.deputy_rep, qw.leader_rep, LD="100", TNBQ="10", TUTT="0")
    accepted(qw, qw.leader, qw.leader_rep, qw.deputy_rep, LD="140", TNBQ="9")
    submitted(qw, qw.other, qw.other_rep, GTSX="5000")  # not accepted: not counted

    with django_assert_num_queries(3):  # catalogue, plan, aggregates
        table = queries.consolidated_table(qw.q1, bloc_id=qw.bloc.pk)

    gtsx, ld, tnbq, tutt = (_row(table, c) for c in ("GTSX", "LD", "TNBQ", "TUTT"))
    assert (gtsx.value, gtsx.ytd, gtsx.plan, gtsx.reported) == (D(300), D(300), D(1200), 3)
    assert (gtsx.last_value, gtsx.of_same_period, gtsx.of_plan) == (D(80), D("375.0"), D("25.0"))
    assert (ld.value, ld.ytd, ld.plan) == (D(500), D(500), D(900))  # end of period: summed across members
    # average income weighted by each member's workforce: (260x8.5 + 100x10 + 140x9) / 500
    assert tnbq.value == D("8.9400")
    assert tnbq.plan == D(12)  # the average of the members' targets
    assert (tutt.value, tutt.plan) == (D(2), None)  # "yes" answers: member and leader


def test_not_applicable_is_counted_apart_and_adds_nothing(qw):
    accepted(qw, qw.member, qw.member_rep, qw.leader_rep)  # CHAY not applicable
    accepted(qw, qw.deputy, qw.deputy_rep, qw.leader_rep, CHAY="1")

    chay = _row(queries.consolidated_table(qw.q1, bloc_id=qw.bloc.pk), "CHAY")

    assert (chay.value, chay.reported, chay.not_applicable) == (D(1), 1, 1)


def test_the_board_table_spans_blocs_and_a_park_narrows_it(qw, world):
    park = IndustrialParkFactory(organization=world.a.board)
    qw.stranger.park = park
    qw.stranger.save()
    accepted(qw, qw.member, qw.member_rep, qw.leader_rep)
    accepted(qw, qw.stranger, qw.stranger_rep, world.a.officer, GTSX="40")

    assert _row(queries.consolidated_table(qw.q1), "GTSX").value == D(140)
    assert _row(queries.consolidated_table(qw.q1, park_id=park.pk), "GTSX").value == D(40)


def test_the_members_table_warns_of_members_far_behind(qw):
    accepted(qw, qw.member, qw.member_rep, qw.leader_rep, GTSX="20")  # 5 % of 400 after a quarter (pace 25 %)
    review = qw.review()
    indicators = queries.headline_indicators(queries.consolidated_catalogue(qw.q1, bloc_id=qw.bloc.pk))

    rows = {row.report.enterprise_id: row for row in queries.members_table(review, indicators)}

    assert [i.code for i in indicators] == ["GTSX", "DT", "LD", "TNBQ"]
    assert [cell.code for cell in rows[qw.member.pk].behind] == ["GTSX"]
    assert rows[qw.other.pk].behind == []


def test_the_members_table_takes_one_query_whatever_the_bloc_size(qw, world, django_assert_num_queries):
    for _n in range(5):
        enterprise = EnterpriseFactory(organization=world.a.board)
        BlocMembershipFactory(bloc=qw.bloc, enterprise=enterprise, year=qw.year)
    ensure_period_rows(qw.q1)
    review = qw.review()
    review.period.year  # noqa: B018 -- loaded by the accessor
    indicators = queries.headline_indicators(queries.consolidated_catalogue(qw.q1, bloc_id=qw.bloc.pk))

    with django_assert_num_queries(1):
        rows = queries.members_table(review, indicators)

    assert len(rows) == 9


def test_the_status_page_counts_per_bloc_park_and_board(qw, world, django_assert_num_queries):
    accepted(qw, qw.member, qw.member_rep, qw.leader_rep)
    submitted(qw, qw.deputy, qw.deputy_rep)
    report_services.waive_report(
        report=qw.report(qw.other), waived_by=qw.leader_rep, reason="Ngừng hoạt động"
    )

    with django_assert_num_queries(5):
        status = queries.period_status(qw.q1)

    by_bloc = {row["review"].bloc_id: row for row in status["blocs"]}
    tally = by_bloc[qw.bloc.pk]["tally"]
    assert (tally.members, tally.accepted, tally.submitted, tally.not_started, tally.waived) == (
        4,
        1,
        1,
        2,
        1,
    )
    assert (tally.late, tally.overdue) == (
        2,
        1,
    )  # both submissions after 10/04/2026; the leader has not submitted
    assert by_bloc[qw.bloc.pk]["overdue"]
    board = status["board"]
    assert (board.members, board.accepted, board.not_started) == (5, 1, 3)
