"""Every write of the membership, one module per topic. Each service is keyword-only, atomic and audited."""

from blocs.membership.services.applications import (
    approve_application,
    reject_application,
    submit_application,
    withdraw_application,
)
from blocs.membership.services.blocs import create_bloc, update_bloc
from blocs.membership.services.decisions import (
    consolidation_problems,
    create_consolidation_draft,
    delete_consolidation_draft,
    submit_consolidation_decision,
)
from blocs.membership.services.delegations import name_delegate, revoke_delegate
from blocs.membership.services.elections import (
    apply_election_result,
    cast_member_ballot,
    close_election_round,
    confirm_election,
    create_election,
    issue_election_minutes,
    open_election,
    record_election_chair_decision,
    record_election_consensus,
    record_election_count,
    start_election_round,
)
from blocs.membership.services.meetings import create_meeting
from blocs.membership.services.members import add_member, assign_role, check_leader_rule, withdraw_membership
from blocs.membership.services.regulations import FIELDS as REGULATION_FIELDS
from blocs.membership.services.regulations import (
    adopt_regulation,
    confirm_regulation,
    propose_regulation,
    return_regulation,
)
from blocs.membership.services.years import (
    close_year,
    ensure_year_open,
    lock_open_year,
    open_year,
    update_year_settings,
)

__all__ = [
    "REGULATION_FIELDS",
    "add_member",
    "adopt_regulation",
    "apply_election_result",
    "approve_application",
    "assign_role",
    "cast_member_ballot",
    "check_leader_rule",
    "close_election_round",
    "close_year",
    "confirm_election",
    "confirm_regulation",
    "consolidation_problems",
    "create_bloc",
    "create_consolidation_draft",
    "create_election",
    "create_meeting",
    "delete_consolidation_draft",
    "ensure_year_open",
    "issue_election_minutes",
    "lock_open_year",
    "name_delegate",
    "open_election",
    "open_year",
    "propose_regulation",
    "record_election_chair_decision",
    "record_election_consensus",
    "record_election_count",
    "reject_application",
    "return_regulation",
    "revoke_delegate",
    "start_election_round",
    "submit_application",
    "submit_consolidation_decision",
    "update_bloc",
    "update_year_settings",
    "withdraw_application",
    "withdraw_membership",
]
