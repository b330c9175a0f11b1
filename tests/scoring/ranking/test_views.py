"""The scoring screens: the scorecard page in each round, the ranking page, objections; who sees what; the
query budget."""

import datetime
from decimal import Decimal as D

import pytest
from django.urls import reverse

from scoring.ranking.enums import ScorecardStatus, ScoringPeriod
from scoring.ranking.models import Objection, Scorecard, ScoreEntry
from scoring.ranking.services import rankings as ranking_services
from tests.scoring.ranking.conftest import all_final, inputs, self_submitted

pytestmark = pytest.mark.unit


def scores_post(card, round_, **by_code) -> dict:
    data = {}
    for item in inputs(card, round_, **by_code):
        data[f"value_{item.criterion_id}"] = str(item.value)
        data[f"reason_{item.criterion_id}"] = "Đối chiếu hồ sơ" if round_ != "SELF" else ""
    return data


def test_the_enterprise_self_scores_through_the_page(sw, client_as):
    card = sw.card(sw.qw.member)
    client = client_as(sw.qw.member_rep)

    response = client.post(
        reverse("ranking:scorecard_save", args=[card.pk]), scores_post(card, "SELF", B1="7")
    )

    assert response.status_code == 302
    assert ScoreEntry.objects.get(scorecard=card, criterion__code="B1").self_value == D(7)


def test_a_wrong_value_is_shown_on_the_page_and_nothing_changes(sw, client_as):
    card = sw.card(sw.qw.member)

    response = client_as(sw.qw.member_rep).post(
        reverse("ranking:scorecard_save", args=[card.pk]), scores_post(card, "SELF", B1="80")
    )

    assert response.status_code == 200
    assert ScoreEntry.objects.get(scorecard=card, criterion__code="A3").self_value is None
    assert "At most 8" in response.content.decode() or "Tối đa 8" in response.content.decode()


def test_the_scorecard_page_and_its_post_stay_within_the_query_budget(
    sw, client_as, django_assert_num_queries
):
    card = sw.card(sw.qw.member)
    client = client_as(sw.qw.member_rep)
    url = reverse("ranking:scorecard_detail", args=[card.pk])
    client.get(url)
    data = scores_post(card, "SELF")

    with django_assert_num_queries(11):
        page = client.get(url)
    with django_assert_num_queries(15):
        client.post(reverse("ranking:scorecard_save", args=[card.pk]), data)

    assert page.status_code == 200


def test_the_leader_cross_scores_a_member_and_the_deputy_the_leader(sw, client_as):
    qw = sw.qw
    self_submitted(sw, qw.member, qw.member_rep)
    self_submitted(sw, qw.leader, qw.leader_rep)
    member_card, leader_card = sw.card(qw.member), sw.card(qw.leader)

    by_leader = client_as(qw.leader_rep).post(
        reverse("ranking:scorecard_save", args=[member_card.pk]), scores_post(member_card, "CROSS", B3="5")
    )
    own = client_as(qw.leader_rep).post(
        reverse("ranking:scorecard_save", args=[leader_card.pk]), scores_post(leader_card, "CROSS")
    )
    by_deputy = client_as(qw.deputy_rep).post(reverse("ranking:scorecard_submit", args=[leader_card.pk]))

    assert (by_leader.status_code, own.status_code) == (302, 403)
    assert ScoreEntry.objects.get(scorecard=member_card, criterion__code="B3").cross_value == D(5)
    assert by_deputy.status_code == 302
    assert (
        Scorecard.objects.get(pk=leader_card.pk).status == ScorecardStatus.SELF_SUBMITTED
    )  # cross incomplete


@pytest.mark.parametrize(
    ("who", "status"),
    [("member_rep", 200), ("leader_rep", 200), ("other_rep", 404), ("stranger_rep", 404), ("officer", 200)],
)
def test_who_sees_a_scorecard(sw, client_as, who, status):
    user = sw.officer if who == "officer" else getattr(sw.qw, who)

    response = client_as(user).get(reverse("ranking:scorecard_detail", args=[sw.card(sw.qw.member).pk]))

    assert response.status_code == status


def test_a_member_may_not_finalise_or_record_findings(sw, client_as):
    card = sw.card(sw.qw.member)
    client = client_as(sw.qw.member_rep)

    response = client.post(reverse("ranking:scorecard_findings", args=[card.pk]), {"discipline_flag": ""})

    assert response.status_code == 403


@pytest.fixture
def ranked(sw):
    qw = sw.qw
    all_final(sw, {qw.member: {}, qw.leader: {"A3": "6"}, qw.deputy: {}, qw.other: {"A3": "3"}})
    return ranking_services.compute_ranking(
        bloc=qw.bloc, year=qw.year, period=ScoringPeriod.MIDYEAR, computed_by=sw.officer
    )


def test_members_see_the_ranking_once_published(sw, ranked, client_as):
    url = reverse("ranking:ranking_detail", args=[ranked.pk])
    before = client_as(sw.qw.member_rep).get(url).status_code
    leader = client_as(sw.qw.leader_rep).get(url).status_code

    ranking_services.publish_ranking(ranking=ranked, published_by=sw.officer)
    after = client_as(sw.qw.member_rep).get(url)

    assert (before, leader, after.status_code) == (404, 200, 200)
    assert after.context["own_row"].rank == 1
    assert client_as(sw.qw.stranger_rep).get(url).status_code == 404


def test_the_ranking_page_within_the_query_budget(sw, ranked, client_as, django_assert_num_queries):
    client = client_as(sw.officer)
    url = reverse("ranking:ranking_detail", args=[ranked.pk])
    client.get(url)

    with django_assert_num_queries(11):
        response = client.get(url)

    assert response.status_code == 200


def test_a_member_objects_and_the_board_answers(sw, ranked, client_as):
    ranking = ranking_services.publish_ranking(ranking=ranked, published_by=sw.officer)
    entry = ScoreEntry.objects.get(scorecard__enterprise=sw.qw.leader, criterion__code="A3")

    client_as(sw.qw.leader_rep).post(
        reverse("ranking:objection_create", args=[ranking.pk]), {"entry": entry.pk, "text": "Đã nộp đủ thuế."}
    )
    objection = Objection.objects.get()
    client_as(sw.officer).post(
        reverse("ranking:objection_answer", args=[objection.pk]),
        {"accept": "1", "new_value": "10", "answer": "Biên lai hợp lệ"},
    )

    objection.refresh_from_db()
    assert (objection.status, objection.new_value) == ("ACCEPTED", D(10))


def test_a_member_may_not_object_to_another_members_score(sw, ranked, client_as):
    ranking = ranking_services.publish_ranking(ranking=ranked, published_by=sw.officer)
    entry = ScoreEntry.objects.get(scorecard__enterprise=sw.qw.leader, criterion__code="A3")

    client_as(sw.qw.member_rep).post(
        reverse("ranking:objection_create", args=[ranking.pk]), {"entry": entry.pk, "text": "x"}
    )

    assert Objection.objects.count() == 0


def test_the_board_runs_a_what_if(sw, ranked, client_as):
    card = sw.card(sw.qw.other)
    a3 = ScoreEntry.objects.get(scorecard=card, criterion__code="A3").criterion_id

    response = client_as(sw.officer).get(
        reverse("ranking:ranking_detail", args=[ranked.pk]),
        {"scorecard": card.pk, "criterion": a3, "value": "10"},
    )

    ranks = {m.key: m.rank for m in response.context["whatif"]}
    assert ranks[card.pk] == 1


def test_the_home_pages(sw, ranked, client_as):
    staff = client_as(sw.officer).get(reverse("ranking:scoring_home"))
    leader = client_as(sw.qw.leader_rep).get(reverse("ranking:scoring_home"))

    assert staff.status_code == leader.status_code == 200
    assert len(leader.context["to_cross"]) == 3
    assert [r.pk for r in leader.context["page_obj"]] == [ranked.pk]


def test_the_enterprise_page_shows_the_history(sw, ranked, client_as):
    ranking_services.publish_ranking(ranking=ranked, published_by=sw.officer, today=datetime.date(2026, 7, 6))

    response = client_as(sw.officer).get(reverse("register:enterprise_detail", args=[sw.qw.member.pk]))

    assert "enterprise-ranking-history" in response.content.decode()
