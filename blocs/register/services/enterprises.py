"""Parks, enterprises and the people acting for an enterprise."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from blocs.register.models import Enterprise, EnterpriseUser, IndustrialPark
from blocs.validators import normalize_tax_code
from thidua.audit.changes import apply_changes
from thidua.audit.services import record_event

# What an enterprise's own users may change on its profile; the rest is the Board's register.
PROFILE_FIELDS = ("name_en", "address", "phone", "email", "employees")


@transaction.atomic
def create_park(*, organization, data: dict, created_by) -> IndustrialPark:
    park = IndustrialPark(organization=organization, **data)
    park.full_clean()
    park.save()
    record_event(action="park.created", actor=created_by, organization=organization, obj=park, changes=data)
    return park


@transaction.atomic
def update_park(*, park: IndustrialPark, data: dict, updated_by) -> IndustrialPark:
    changes = apply_changes(park, data)
    park.full_clean()
    park.save()
    record_event(
        action="park.updated", actor=updated_by, organization=park.organization, obj=park, changes=changes
    )
    return park


def _check_park(organization, park) -> None:
    if park is not None and park.organization_id != organization.pk:
        raise ValidationError({"park": _("Choose a park of this Board.")})


@transaction.atomic
def create_enterprise(*, organization, data: dict, created_by) -> Enterprise:
    data = {**data, "tax_code": normalize_tax_code(data.get("tax_code", ""))}
    _check_park(organization, data.get("park"))
    enterprise = Enterprise(organization=organization, **data)
    enterprise.search_name = enterprise.compute_search_name()
    enterprise.full_clean()
    enterprise.save()
    record_event(
        action="enterprise.created",
        actor=created_by,
        organization=organization,
        obj=enterprise,
        changes={"tax_code": enterprise.tax_code, "name": enterprise.name},
    )
    return enterprise


@transaction.atomic
def update_enterprise(*, enterprise: Enterprise, data: dict, updated_by) -> Enterprise:
    if "tax_code" in data:
        data = {**data, "tax_code": normalize_tax_code(data["tax_code"])}
    _check_park(enterprise.organization, data.get("park"))
    changes = apply_changes(enterprise, data)
    enterprise.search_name = enterprise.compute_search_name()
    enterprise.full_clean()
    enterprise.save()
    record_event(
        action="enterprise.updated",
        actor=updated_by,
        organization=enterprise.organization,
        obj=enterprise,
        changes=changes,
    )
    return enterprise


def update_enterprise_profile(*, enterprise: Enterprise, data: dict, updated_by) -> Enterprise:
    """The enterprise's own users edit only their contact fields."""
    unknown = set(data) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError(
            _("These fields are kept by the Board: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    return update_enterprise(enterprise=enterprise, data=data, updated_by=updated_by)


@transaction.atomic
def link_enterprise_user(*, enterprise: Enterprise, user, role: str, linked_by) -> EnterpriseUser:
    if user.organization_id != enterprise.organization_id:
        raise ValidationError(_("The person must belong to the enterprise's Board."))
    if EnterpriseUser.objects.filter(user=user).exclude(enterprise=enterprise).exists():
        raise ValidationError(_("This person already acts for another enterprise."))
    link, _created = EnterpriseUser.objects.update_or_create(
        user=user, defaults={"enterprise": enterprise, "role": role}
    )
    record_event(
        action="enterprise.user_linked",
        actor=linked_by,
        organization=enterprise.organization,
        obj=link,
        changes={"user": user.email, "role": role},
    )
    return link
