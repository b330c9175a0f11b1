"""Every write of the pledges, one module per topic: ``templates`` (the bloc's template and the catalogue),
``versions`` (fill, submit, review, amend, lock), ``signing`` (sign, scan, the joint pledge) and
``reminders``. Each service is keyword-only, atomic and audited."""

from blocs.pledges.services.reminders import send_due_reminders, send_review_reminders
from blocs.pledges.services.signing import (
    all_members_signed,
    attach_signed_scan,
    close_signing,
    issue_joint_pledge,
    sign_pledge,
)
from blocs.pledges.services.templates import (
    approve_template,
    create_template,
    ensure_member_pledges,
    ensure_national_indicators,
    return_template,
    submit_template,
    update_template,
)
from blocs.pledges.services.versions import (
    RegistrationInput,
    TargetInput,
    accept_pledge,
    lock_pledges_for_year,
    propose_amendment,
    return_pledge,
    submit_pledge,
    update_pledge,
)

__all__ = [
    "RegistrationInput",
    "TargetInput",
    "accept_pledge",
    "all_members_signed",
    "approve_template",
    "attach_signed_scan",
    "close_signing",
    "create_template",
    "ensure_member_pledges",
    "ensure_national_indicators",
    "issue_joint_pledge",
    "lock_pledges_for_year",
    "propose_amendment",
    "return_pledge",
    "return_template",
    "send_due_reminders",
    "send_review_reminders",
    "sign_pledge",
    "submit_pledge",
    "submit_template",
    "update_pledge",
    "update_template",
]
