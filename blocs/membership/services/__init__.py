"""Every write of the membership, one module per topic. Each service is keyword-only, atomic and audited."""

from blocs.membership.services.applications import approve_application, reject_application, submit_application
from blocs.membership.services.blocs import create_bloc, update_bloc
from blocs.membership.services.decisions import consolidation_problems, issue_consolidation_decision
from blocs.membership.services.elections import apply_election_result, create_leader_election
from blocs.membership.services.meetings import create_meeting
from blocs.membership.services.members import add_member, assign_role, check_leader_rule, withdraw_membership
from blocs.membership.services.regulations import FIELDS as REGULATION_FIELDS
from blocs.membership.services.regulations import adopt_regulation
from blocs.membership.services.years import close_year, ensure_year_open, open_year, update_year_settings

__all__ = [
    "REGULATION_FIELDS",
    "add_member",
    "adopt_regulation",
    "apply_election_result",
    "approve_application",
    "assign_role",
    "check_leader_rule",
    "close_year",
    "consolidation_problems",
    "create_bloc",
    "create_leader_election",
    "create_meeting",
    "ensure_year_open",
    "issue_consolidation_decision",
    "open_year",
    "reject_application",
    "submit_application",
    "update_bloc",
    "update_year_settings",
    "withdraw_membership",
]
