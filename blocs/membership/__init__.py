"""Membership: years and their settings, effective rules, blocs, members, applications, consolidation decisions,
regulations, meetings, elections and participation statistics."""
