import pytest
from django.core.exceptions import ValidationError

from awards.nominations.enums import NominationStatus as S
from awards.nominations.states import TRANSITIONS, allowed_actions, next_status

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("current", "action", "expected"),
    [
        (S.PROPOSED, "start_dossier", S.DOSSIER_IN_PROGRESS),
        (S.DOSSIER_IN_PROGRESS, "submit", S.SUBMITTED),
        (S.RETURNED, "submit", S.SUBMITTED),
        (S.SUBMITTED, "start_review", S.UNDER_REVIEW),
        (S.UNDER_REVIEW, "return", S.RETURNED),
        (S.UNDER_REVIEW, "to_council", S.COUNCIL_VOTING),
        (S.COUNCIL_VOTING, "approve", S.APPROVED),
        (S.COUNCIL_VOTING, "reject", S.REJECTED),
        (S.APPROVED, "decide", S.DECIDED),
        (S.APPROVED, "forward", S.FORWARDED),
        (S.FORWARDED, "decide_external", S.DECIDED_EXTERNAL),
        (S.FORWARDED, "reject_external", S.REJECTED_EXTERNAL),
        (S.DECIDED, "revoke", S.REVOKED),
        (S.DECIDED_EXTERNAL, "revoke", S.REVOKED),
    ],
)
def test_each_step_of_the_issue(current, action, expected):
    assert next_status(current, action) == expected


@pytest.mark.parametrize("final", [S.DECIDED, S.DECIDED_EXTERNAL, S.REJECTED, S.REJECTED_EXTERNAL, S.REVOKED])
def test_a_closed_nomination_never_goes_back(final):
    assert allowed_actions(final) <= {"revoke"}


def test_a_refused_step_names_the_step_and_the_status():
    with pytest.raises(ValidationError) as refused:
        next_status(S.PROPOSED, "to_council")

    assert refused.value.messages == [
        "The step “send to the council” is not allowed for a nomination that is “Proposed”."
    ]


def test_every_status_but_revoked_and_the_refusals_has_a_way_out():
    reachable = {target for _sources, target in TRANSITIONS.values()} | {S.PROPOSED}

    assert reachable == set(S.values)
