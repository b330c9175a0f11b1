"""The pledge and template state machines: every allowed and every refused transition."""

import pytest
from django.core.exceptions import ValidationError

from blocs.pledges.enums import PledgeStatus, TemplateStatus
from blocs.pledges.states import (
    PLEDGE_TRANSITIONS,
    TEMPLATE_TRANSITIONS,
    next_pledge_status,
    next_template_status,
)

pytestmark = pytest.mark.unit

ALLOWED = {
    ("submit", "DRAFT"): "SUBMITTED",
    ("submit", "AMENDMENT_DRAFT"): "SUBMITTED",
    ("submit", "RETURNED"): "SUBMITTED",
    ("return", "SUBMITTED"): "RETURNED",
    ("accept", "SUBMITTED"): "ACCEPTED",
    ("sign", "ACCEPTED"): "SIGNED",
    ("amend", "SIGNED"): "SIGNED",
    ("supersede", "SIGNED"): "SUPERSEDED",
    ("lock", "SIGNED"): "LOCKED",
}
PAIRS = [(action, status) for action in PLEDGE_TRANSITIONS for status in PledgeStatus.values]


@pytest.mark.parametrize(("action", "status"), PAIRS)
def test_pledge_transition_table(action, status):
    if (action, status) in ALLOWED:
        assert next_pledge_status(status, action) == ALLOWED[(action, status)]
    else:
        with pytest.raises(ValidationError) as excinfo:
            next_pledge_status(status, action)
        assert excinfo.value.code == "illegal_transition"
        assert str(PledgeStatus(status).label) in excinfo.value.messages[0]


def test_pledge_table_has_exactly_the_allowed_moves():
    table = {(a, s) for a, (sources, _t) in PLEDGE_TRANSITIONS.items() for s in sources}

    assert table == set(ALLOWED)


TEMPLATE_ALLOWED = {
    ("submit", "DRAFT"): "SUBMITTED",
    ("submit", "RETURNED"): "SUBMITTED",
    ("return", "SUBMITTED"): "RETURNED",
    ("approve", "SUBMITTED"): "APPROVED",
}


@pytest.mark.parametrize(
    ("action", "status"), [(a, s) for a in TEMPLATE_TRANSITIONS for s in TemplateStatus.values]
)
def test_template_transition_table(action, status):
    if (action, status) in TEMPLATE_ALLOWED:
        assert next_template_status(status, action) == TEMPLATE_ALLOWED[(action, status)]
    else:
        with pytest.raises(ValidationError):
            next_template_status(status, action)
