"""The awards read the bloc's published year-end ranking (``scoring.ranking.queries.final_ranking``): the flag
goes only to the first-ranked member that is not vetoed, and a vetoed member is not proposable."""

import pytest

from awards.blocvotes.queries import flag_candidate_ids
from awards.nominations.services.nominations import eligibility_of
from scoring.ranking.enums import ScoringPeriod
from scoring.ranking.services import rankings as ranking_services
from tests.factories.awards import NominationFactory, award_type
from tests.scoring.ranking.conftest import all_final, make_scoring_world

pytestmark = pytest.mark.unit


@pytest.fixture
def published(world):
    sw = make_scoring_world(world, period=ScoringPeriod.YEAR_END)
    qw = sw.qw
    all_final(sw, {qw.member: {}, qw.leader: {"A3": "6"}, qw.deputy: {}, qw.other: {"A3": "3"}})
    ranking = ranking_services.compute_ranking(
        bloc=qw.bloc, year=qw.year, period=ScoringPeriod.YEAR_END, computed_by=sw.officer
    )
    ranking_services.publish_ranking(ranking=ranking, published_by=sw.officer)
    return sw, {row.enterprise_id: row for row in ranking.rows.all()}


def test_the_flag_goes_only_to_the_first_ranked_member_not_vetoed(world, published):
    sw, rows = published
    flag = award_type("CO_TINH")
    nominations = {
        enterprise_id: NominationFactory(
            year=sw.qw.year, enterprise_id=enterprise_id, bloc=sw.qw.bloc, award_type=flag
        )
        for enterprise_id in rows
    }

    states = {
        enterprise_id: {c.code: c.state for c in eligibility_of(n, check_dossier=False).conditions}[
            "flag_ranking"
        ]
        for enterprise_id, n in nominations.items()
    }

    expected = {pk: "PASS" if row.rank == 1 and not row.vetoed else "FAIL" for pk, row in rows.items()}
    assert states == expected
    assert flag_candidate_ids(sw.qw.bloc, sw.qw.year) == {
        pk for pk, state in expected.items() if state == "PASS"
    }


def test_the_veto_condition_reads_the_ranking(world, published):
    sw, rows = published
    enterprise_id, row = next(iter(rows.items()))
    nomination = NominationFactory(year=sw.qw.year, enterprise_id=enterprise_id, bloc=sw.qw.bloc)

    veto = {c.code: c for c in eligibility_of(nomination, check_dossier=False).conditions}["veto"]

    assert veto.state == ("FAIL" if row.vetoed else "PASS")
