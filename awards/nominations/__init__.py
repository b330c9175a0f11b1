"""Nominations: who proposes whom for which award, the dossier of typed documents, the eligibility engine and
the nomination's state machine up to the council and the decision (domain.md §7, §12, §17)."""
