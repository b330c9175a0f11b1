"""The generic voting engine: rounds of a vote, their electors, candidates, ballots, tally and minutes.

It has no pages and no rule about who belongs to what: its callers (the blocs' leader and deputy elections in
``blocs.membership``; later the awards' suy tôn and bình xét votes of a bloc, and the Board council's votes)
say who the electors and candidates are and who may act for an elector, and call this public API, nothing
else of the package. The engine imports nothing of the blocs' sub-domains (only ``blocs.validators``).

Electors, candidates, ballots
    An elector (``EligibleVoter``) is a *person* (``VoterSpec(user=…)``: a council member, who casts their
    own ballot) or a *unit* (``VoterSpec(enterprise=…)``: a member enterprise; the caller checks who casts
    for it, e.g. its representative or the delegate the representative named). Every elector counts for
    the quorum and the thresholds, including a unit nobody can cast for (absent). One ballot per elector,
    whoever casts it: a second one is refused. A ballot says "đồng ý" to at most ``max_choices``
    candidates; every other candidate gets a "không đồng ý" from it (an empty ballot: "không đồng ý" to
    all). A secret ballot keeps who voted (``Ballot``) apart from what was chosen (``BallotChoice``).

Methods and counting (the minutes say which)
    ``method``: SECRET (bỏ phiếu kín), OPEN (biểu quyết công khai) or CONSENSUS (biểu quyết thống nhất);
    ``counting`` (SECRET and OPEN): ONLINE, ballots cast in the portal (absent council members' written
    opinions recorded by the secretary count, ``channel=WRITTEN``), or PAPER, counted at the meeting and
    recorded once (electors present, ballots issued, received and invalid, "đồng ý" per candidate).

Ties and rounds (``blocs.voting.tally`` says how)
    A tie for a seat is never resolved silently: the result names the ``tied`` candidates and, when seats
    stay empty in a competitive vote, the ``runoff`` candidates of a second round. The caller starts it
    (``start_next_round``: the tied, or everyone when the quorum was missed) or, where its rules say the
    chair decides (``tie_rule=CHAIR``), records the chair's decision. Every round of one matter shares its
    ``subject`` (any model instance, e.g. a bloc's ``Election``); a later round points to the earlier one
    (``runoff_of``). An approval vote (no more candidates than seats: a council voting on each nominee)
    has neither ties nor second rounds.

``blocs.voting.services`` (every write; keyword-only, atomic, audited)
    ``create_voting_session(*, organization, purpose, title, voters, candidates, created_by, bloc=None,
    year=None, subject=None, method=SECRET, counting=ONLINE, tie_rule=RUNOFF, quorum_ratio="0.6667",
    threshold_ratio="0.5", threshold_base=PRESENT, threshold_inclusive=False, seats=1, max_choices=None,
    place="", chair="", secretary="", others_present="", opens_at=None, closes_at=None)`` with
    ``VoterSpec(user=None, label="", weight=1, enterprise=None)`` and ``CandidateSpec(label,
    enterprise=None, target=None)``;
    ``open_voting_session(*, session, opened_by)`` (ONLINE only);
    ``cast_ballot(*, session, voter, cast_by, candidates, channel=ONLINE)`` (``voter``: the
    ``EligibleVoter``; a person elector casts only for themselves; ``channel=WRITTEN``: the written
    opinion of an absent elector, recorded by ``cast_by``);
    ``close_voting_session(*, session, closed_by)`` (tallies, stores the result and the minutes text);
    ``record_paper_count(*, session, present, votes, recorded_by, issued=None, received=None, invalid=0)``;
    ``record_consensus(*, session, present, chosen, recorded_by)``;
    ``record_chair_decision(*, session, candidate, recorded_by, note="")``;
    ``start_next_round(*, session, created_by, method=None, counting=None)``;
    ``confirm_voting_result(*, session, confirmed_by)`` (refused while undecided: quorum missed, tie or
    second round pending); ``count_session(session)``.
``blocs.voting.queries`` (reads)
    ``sessions_for_board``, ``rounds_of(subject)``, ``latest_rounds(subjects)``, ``candidates_of``,
    ``voters_of``, ``voted_ids``, ``has_voted``, ``voter_for_user``, ``voter_for_unit``, ``turnout``.
``blocs.voting.tally`` (pure arithmetic, no database)
    ``tally(...)`` → ``TallyResult``; ``quorum_reached``, ``passes_threshold``, ``as_fraction``,
    ``is_decided(result)``.
``blocs.voting.minutes``
    ``round_summary(session)``, ``minutes_text``, ``minutes_context(rounds)``: the Biên bản (Decree 30,
    form 1.9) of every round of one matter, for the template ``pdf/voting/minutes.html``; the caller issues
    it in the right register (a bloc's minutes in the bloc's own).
``blocs.voting.enums``
    ``VotingPurpose``, ``VotingStatus``, ``ThresholdBase``, ``VotingMethod``, ``Counting``, ``TieRule``,
    ``BallotChannel``.

A round's result (``VotingSession.result``) holds the counts (eligible, present, valid, invalid), the rows
(candidate, votes, against, share, passes), the elected candidate ids (best first), the tied ones, the
second round's candidates, and the chair's decision if any. The database keeps the ratios in (0, 1], at
least one seat and one choice, one candidate row per enterprise and one elector row per person or unit in a
round. Models live in ``blocs.voting.models`` (app label "blocs").
"""
