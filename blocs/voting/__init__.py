"""The generic voting engine: sessions, eligible voters, candidates, secret or open ballots, tally, minutes.

Used by the blocs app for the leader election and by the awards app for the bloc's award vote (suy tôn,
bình xét) and the council vote. Models live in ``blocs.voting.models`` (app label "blocs").
"""
