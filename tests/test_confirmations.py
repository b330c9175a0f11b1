"""Every irreversible action asks first: its button carries ``data-confirm`` (static/js/app.js asks the
question; no inline script). The list names the actions that issue, approve, close, apply, delete or lock."""

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
IRREVERSIBLE = {
    "application_approve", "application_reject", "criteria_set_adopt", "criteria_set_delete", "criterion_remove",
    "decision_delete", "decision_submit", "delegate_revoke", "election_apply", "election_chair_decision",
    "election_close", "election_confirm", "election_consensus", "election_count", "election_open",
    "enterprise_import_commit", "evidence_remove", "invitation_revoke", "membership_withdraw", "notice_delete",
    "notice_submit", "period_close", "period_open", "pledge_accept", "pledge_submit", "quota_delete",
    "regulation_confirm", "report_accept", "report_reopen", "report_submit", "report_waive", "review_accept",
    "review_publish", "review_submit", "signature_withdraw", "staff_toggle_active", "template_approve",
    "template_close_signing", "template_issue_joint", "template_submit", "year_close", "year_open",
}  # fmt: skip
FORM = re.compile(r"<form[^>]*action=\"\{% url '[a-z_]+:([a-z_]+)'[^>]*>.*?</form>", re.S)


def test_every_irreversible_action_asks_for_confirmation():
    found, missing = set(), []
    for template in TEMPLATES.rglob("*.html"):
        for form in FORM.finditer(template.read_text(encoding="utf-8")):
            if form.group(1) in IRREVERSIBLE:
                found.add(form.group(1))
                if "data-confirm=" not in form.group(0):
                    missing.append(f"{template.relative_to(TEMPLATES)}: {form.group(1)}")

    assert missing == []
    assert found == IRREVERSIBLE  # each action is still a form of some page
