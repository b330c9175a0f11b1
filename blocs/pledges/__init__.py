"""Annual pledges (giao ước thi đua): the indicator catalogue, the bloc's template, each member's versioned
pledge with targets, ticked commitments and title registrations, online signing with a SHA-256 fingerprint,
reminders, and the joint pledge PDF. Models live in ``blocs.pledges.models`` (app label "blocs").
"""
