"""The bloc's operating regulation (quy chế hoạt động): every adoption is a new version; old versions stay."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from blocs.membership.models import Bloc, BlocRegulation
from thidua.audit.services import record_event
from thidua.documents.uploads import check_pdf_upload

FIELDS = (
    "adopted_on",
    "quorum_ratio",
    "vote_threshold_ratio",
    "enterprise_report_day",
    "bloc_report_day",
    "leader_consecutive_terms_allowed",
    "text",
)


@transaction.atomic
def adopt_regulation(*, bloc: Bloc, data: dict, adopted_by, file=None) -> BlocRegulation:
    """Record version n+1 of ``bloc``'s regulation. From now on its quorum, threshold and leader rule apply.

    ``data``: the values of ``FIELDS``; ``file``: the adopted text as an uploaded PDF, or None.
    """
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise ValidationError(
            _("Unknown regulation fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    if file:
        check_pdf_upload(file, field="file")
    Bloc.objects.select_for_update().filter(pk=bloc.pk).first()  # serialise version numbers per bloc
    latest = BlocRegulation.objects.filter(bloc=bloc).order_by("-version").values_list("version", flat=True)
    regulation = BlocRegulation(bloc=bloc, version=(latest.first() or 0) + 1, adopted_by=adopted_by, **data)
    if file:
        regulation.file = file
    regulation.full_clean(exclude=["adopted_by"])
    regulation.save()
    record_event(
        action="regulation.adopted",
        actor=adopted_by,
        organization=bloc.organization,
        obj=regulation,
        changes={
            "bloc": bloc.code,
            "version": regulation.version,
            "quorum_ratio": str(regulation.quorum_ratio),
            "vote_threshold_ratio": str(regulation.vote_threshold_ratio),
            "enterprise_report_day": regulation.enterprise_report_day,
            "bloc_report_day": regulation.bloc_report_day,
            "leader_consecutive_terms_allowed": regulation.leader_consecutive_terms_allowed,
            "file": bool(regulation.file),
        },
    )
    return regulation
