"""The one lock order of the pledges' writes, so that two of them never wait on each other in a circle:

    emulation year -> pledge template -> pledges (ascending id) -> signature scan -> audit chain head

A service takes only the locks it needs, but always in this order, every row lock before its first audit
event (``record_event`` locks the Board's chain head until the transaction ends: it comes last), and the
pledges' rows only through this module. Each lock is on the row itself (``of=("self",)``): loading a pledge
with its template, year and enterprise does not also lock those rows. The year's lock
(``membership.services.lock_open_year``, FOR NO KEY UPDATE) serialises the signature chain of a Board's year
and the year's close without holding up rows that merely reference the year.

- ``sign_pledge``: year -> template -> the version it supersedes (older, smaller id) -> the version -> audit;
  the joint pledge it may then issue numbers in the bloc's own register for that document type, which only
  this path and ``close_signing`` use, both holding the template;
- ``attach_signed_scan``: the version -> its scan -> audit;
- ``close_signing`` / ``issue_joint_pledge``: template -> audit;
- ``close_year`` (through ``year_closing``): year -> every signed version of the year, by id -> audit.
"""

from blocs.membership.models import EmulationYear
from blocs.membership.services import lock_open_year
from blocs.pledges.models import Pledge, PledgeTemplate


def lock_template(template: PledgeTemplate | int) -> PledgeTemplate:
    pk = template if isinstance(template, int) else template.pk
    return (
        PledgeTemplate.objects.select_for_update(of=("self",))
        .select_related("bloc__organization", "year", "organization")
        .get(pk=pk)
    )


def lock_pledge(pledge: Pledge | int) -> Pledge:
    pk = pledge if isinstance(pledge, int) else pledge.pk
    return (
        Pledge.objects.select_for_update(of=("self",))
        .select_related("template__year", "enterprise")
        .get(pk=pk)
    )


def lock_for_signing(pledge: Pledge) -> tuple[EmulationYear, PledgeTemplate, Pledge | None, Pledge]:
    """The locks of a signature, before it writes anything: the year (refused when closed), the template, the
    version it supersedes (if any), then the version itself."""
    template_id, year_id, previous_id = Pledge.objects.values_list(
        "template_id", "template__year_id", "previous_id"
    ).get(pk=pledge.pk)
    year = lock_open_year(year_id)
    template = lock_template(template_id)
    previous = lock_pledge(previous_id) if previous_id is not None else None
    return year, template, previous, lock_pledge(pledge)
