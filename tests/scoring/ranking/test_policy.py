"""The Board's ranking rules of a year: bands, levels, tie-breaks; fixed once a ranking is published."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from scoring.ranking.enums import ScoringPeriod
from scoring.ranking.queries import policy_for, ranking_rows
from scoring.ranking.services import rankings as services
from tests.scoring.ranking.conftest import all_final

pytestmark = pytest.mark.unit

BANDS = {"EXCELLENT": D(99), "GOOD": D(95), "FAIR": D(70), "AVERAGE": D(50)}
LEVELS = {
    "EXCELLENT": "EXCELLENT",
    "GOOD": "GOOD",
    "FAIR": "COMPLETED",
    "AVERAGE": "COMPLETED",
    "WEAK": "NOT_COMPLETED",
}


def save(sw, **changes):
    values = {
        "bands": BANDS,
        "levels": LEVELS,
        "tie_breaks": ["WOMEN_SHARE", "VOTE"],
        "confirmations": ["TAX"],
        "disagreement_points": D(2),
    } | changes
    return services.save_policy(year=sw.qw.year, saved_by=sw.officer, **values)


def test_the_boards_bands_classify_the_ranking(sw):
    qw = sw.qw
    save(sw)
    all_final(sw, {qw.member: {}, qw.leader: {"A3": "6"}, qw.deputy: {}, qw.other: {}})

    ranking = services.compute_ranking(
        bloc=qw.bloc, year=qw.year, period=ScoringPeriod.MIDYEAR, computed_by=sw.officer
    )

    classes = {row.enterprise: row.classification for row in ranking_rows(ranking)}
    assert (classes[qw.member], classes[qw.leader]) == ("EXCELLENT", "GOOD")
    assert policy_for(qw.year).tie_breaks == ["WOMEN_SHARE", "VOTE"]


def test_bands_must_decrease(sw):
    with pytest.raises(ValidationError) as error:
        save(sw, bands={**BANDS, "GOOD": D(99)})

    assert "bands" in error.value.message_dict


def test_a_tie_break_counts_once(sw):
    with pytest.raises(ValidationError):
        save(sw, tie_breaks=["VOTE", "VOTE"])


def test_the_rules_are_fixed_once_a_ranking_is_published(sw):
    qw = sw.qw
    all_final(sw, {qw.member: {}, qw.leader: {}, qw.deputy: {}, qw.other: {}})
    ranking = services.compute_ranking(
        bloc=qw.bloc, year=qw.year, period=ScoringPeriod.MIDYEAR, computed_by=sw.officer
    )
    services.publish_ranking(ranking=ranking, published_by=sw.officer)

    with pytest.raises(ValidationError, match="published"):
        save(sw)


def test_the_board_edits_the_rules_on_its_page(sw, client_as):
    data = {f"band_{code}": str(value) for code, value in BANDS.items()}
    data |= {f"level_{code}": level for code, level in LEVELS.items()}
    data |= {
        "tie_0": "FEWER_DEDUCTIONS",
        "tie_1": "VOTE",
        "confirmations": ["TAX"],
        "disagreement_points": "4",
    }

    response = client_as(sw.officer).post(reverse("ranking:policy_edit", args=[sw.qw.year.pk]), data)

    assert response.status_code == 302
    assert policy_for(sw.qw.year).bands[0] == ["EXCELLENT", 99.0]


def test_a_member_may_not_see_the_rules_page(sw, client_as):
    response = client_as(sw.qw.leader_rep).get(reverse("ranking:policy_edit", args=[sw.qw.year.pk]))

    assert response.status_code == 403
