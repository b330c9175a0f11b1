"""The delegate a member enterprise's representative names to act for it in its bloc (vote for it, and hold
the leader's powers when it leads the bloc). One in force per enterprise; naming another replaces it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import EnterpriseRole
from blocs.membership.models import Delegation
from blocs.register.models import Enterprise, EnterpriseUser
from thidua.audit.services import record_event


def _revoke(enterprise: Enterprise, revoked_by) -> Delegation | None:
    current = Delegation.objects.select_for_update().filter(enterprise=enterprise, revoked_at__isnull=True).first()
    if current is not None:
        current.revoked_at = timezone.now()
        current.revoked_by = revoked_by
        current.save(update_fields=["revoked_at", "revoked_by"])
    return current


@transaction.atomic
def name_delegate(*, enterprise: Enterprise, delegate, named_by) -> Delegation:
    """``delegate``: one of the enterprise's reporters (its representatives act for it already)."""
    if not EnterpriseUser.objects.filter(
        enterprise=enterprise, user=delegate, role=EnterpriseRole.REPORTER, user__is_active=True
    ).exists():
        raise ValidationError({"delegate": _("Choose one of your enterprise's reporters.")})
    previous = _revoke(enterprise, named_by)
    delegation = Delegation.objects.create(enterprise=enterprise, delegate=delegate, named_by=named_by)
    record_event(
        action="delegation.named",
        actor=named_by,
        organization=enterprise.organization,
        obj=delegation,
        changes={"enterprise": enterprise.tax_code, "delegate": delegate.email, "replaces": getattr(previous, "pk", None)},
    )
    return delegation


@transaction.atomic
def revoke_delegate(*, enterprise: Enterprise, revoked_by) -> Delegation:
    revoked = _revoke(enterprise, revoked_by)
    if revoked is None:
        raise ValidationError(_("Your enterprise has no delegate."))
    record_event(
        action="delegation.revoked",
        actor=revoked_by,
        organization=enterprise.organization,
        obj=revoked,
        changes={"enterprise": enterprise.tax_code},
    )
    return revoked
