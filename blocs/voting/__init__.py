"""The generic voting engine: sessions, eligible voters, candidates, secret or open ballots, tally, minutes.

It has no pages: the blocs' leader election (``blocs.membership``) and, later, the awards' bloc and council
votes use it through this public API, and nothing else of the package:

``blocs.voting.services`` (every write; keyword-only, atomic, audited)
    ``create_voting_session(*, organization, purpose, title, voters, candidates, created_by, bloc=None,
    year=None, secret=True, quorum_ratio="0.6667", threshold_ratio="0.5", threshold_base=PRESENT,
    threshold_inclusive=False, seats=1, max_choices=None, opens_at=None, closes_at=None)`` with
    ``VoterSpec(user, label="", weight=1)`` and ``CandidateSpec(label, enterprise=None, target=None)``;
    ``open_voting_session(*, session, opened_by)``; ``cast_ballot(*, session, voter_user, candidates)``;
    ``close_voting_session(*, session, closed_by)`` (tallies and writes the minutes);
    ``confirm_voting_result(*, session, confirmed_by)``; ``count_session(session)``.
``blocs.voting.queries`` (reads)
    ``sessions_for_board``, ``candidates_of``, ``has_voted``, ``is_eligible_voter``, ``turnout``.
``blocs.voting.tally`` (pure arithmetic, no database)
    ``tally(...)`` → ``TallyResult``; ``quorum_reached``, ``passes_threshold``, ``as_fraction``.
``blocs.voting.enums``
    ``VotingPurpose``, ``VotingStatus``, ``ThresholdBase``.

A session's result (``VotingSession.result``) holds the rows, the elected candidate ids (best first) and the
tied ones; a tie is never resolved silently. The database keeps the ratios in (0, 1], at least one seat and
one choice, and one candidate row per enterprise in a session. A secret ballot keeps who voted (``Ballot``)
apart from what was chosen (``BallotChoice``). Models live in ``blocs.voting.models`` (app label "blocs").
The engine imports nothing of the blocs' sub-domains (only the shared ``blocs.validators``).
"""
