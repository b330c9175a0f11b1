"""Every write of the nominations: keyword-only, atomic, a status moves only through
``awards.nominations.states``, each step is logged, audited and announced."""
