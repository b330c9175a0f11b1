"""Exemplar records and their proposal for the Board's ad-hoc Giấy khen (KT_DOT_XUAT: ND 152/2025 Art. 4,
never counted towards merit)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awards.catalogue.models import AwardType
from awards.enums import SubjectKind
from awards.exemplars.models import Exemplar
from awards.nominations.services.common import ensure_year_open
from awards.nominations.services.nominations import propose_nomination
from thidua.audit.services import record_event
from thidua.documents.uploads import check_pdf_upload

AD_HOC_CODE = "KT_DOT_XUAT"


@transaction.atomic
def record_exemplar(
    *,
    year,
    enterprise,
    person: str,
    deed: str,
    deed_on,
    found_by: str,
    recorded_by,
    public: bool = True,
    evidence=None,
) -> Exemplar:
    if enterprise.organization_id != year.organization_id:
        raise ValidationError({"enterprise": _("Choose an enterprise of the Board.")})
    ensure_year_open(year)
    errors = {
        name: _("This field is required.")
        for name, value in (("person", person), ("deed", deed), ("found_by", found_by))
        if not value.strip()
    }
    if errors:
        raise ValidationError(errors)
    if evidence:
        check_pdf_upload(evidence, field="evidence")
    exemplar = Exemplar.objects.create(
        organization_id=year.organization_id,
        year=year,
        enterprise=enterprise,
        person=person.strip(),
        deed=deed.strip(),
        deed_on=deed_on,
        found_by=found_by.strip(),
        public=public,
        evidence=evidence or "",
        created_by=recorded_by,
    )
    record_event(
        action="exemplar.recorded",
        actor=recorded_by,
        organization=exemplar.organization,
        obj=exemplar,
        changes={"person": exemplar.person, "enterprise": enterprise.tax_code, "public": public},
    )
    return exemplar


@transaction.atomic
def propose_exemplar(*, exemplar: Exemplar, proposed_by) -> Exemplar:
    """A nomination of the person for the ad-hoc Giấy khen, its achievement the deed."""
    exemplar = Exemplar.objects.select_for_update().select_related("year", "enterprise").get(pk=exemplar.pk)
    if exemplar.nomination_id is not None:
        raise ValidationError(_("This exemplar is already proposed for an award."))
    exemplar.nomination = propose_nomination(
        year=exemplar.year,
        award_type=AwardType.objects.get(code=AD_HOC_CODE),
        subject_kind=SubjectKind.INDIVIDUAL,
        enterprise=exemplar.enterprise,
        proposed_by=proposed_by,
        subject_name=exemplar.person,
        achievement=f"Có hành động người tốt, việc tốt: {exemplar.deed}"[:2000],
    )
    exemplar.save(update_fields=["nomination"])
    record_event(
        action="exemplar.proposed",
        actor=proposed_by,
        organization=exemplar.organization,
        obj=exemplar,
        changes={"nomination": exemplar.nomination_id},
    )
    return exemplar
