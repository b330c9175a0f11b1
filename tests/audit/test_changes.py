import pytest

from tests.factories.accounts import OrganizationFactory
from thidua.audit.changes import apply_changes

pytestmark = pytest.mark.unit


def test_apply_changes_sets_values_and_reports_only_real_changes(db):
    board = OrganizationFactory.build(place_name="Thái Nguyên", short_code="BQL")

    changed = apply_changes(board, {"place_name": "Bắc Kạn", "short_code": "BQL"})

    assert board.place_name == "Bắc Kạn"
    assert changed == {"place_name": ["Thái Nguyên", "Bắc Kạn"]}
