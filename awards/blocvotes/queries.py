"""Reads of the bloc votes."""

from blocs.membership.queries import speaks_for_own_enterprise
from blocs.register.queries import enterprise_of
from blocs.voting import queries as voting_queries
from scoring.ranking.queries import final_ranking


def current_round(vote):
    return voting_queries.rounds_of(vote).order_by("-round").first()


def unit_elector(vote, user):
    """The member unit ``user`` votes for in the vote's current round, when they speak for it."""
    link = enterprise_of(user)
    if link is None or not speaks_for_own_enterprise(user):
        return None
    return voting_queries.unit_voter_in_last_round(vote, link.enterprise_id)


def flag_candidate_ids(bloc, year) -> set[int] | None:
    """The members that may stand for the flag: the first-ranked, not vetoed, of the bloc's published
    ranking; None while the bloc has no published ranking (the Board verifies the candidate then)."""
    rows = final_ranking(bloc, year)
    if rows is None:
        return None
    return {row.enterprise_id for row in rows if row.rank == 1 and not row.vetoed}
