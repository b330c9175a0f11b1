"""Every write of quarterly reporting, one module per topic. Each service is keyword-only, atomic, moves a
status only through ``scoring.quarterly.states``, logs the transition and writes one audit event."""
