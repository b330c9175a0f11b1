"""Excel exports of the membership: bloc members, applications, participation statistics."""

from django.utils.translation import gettext as _

from thidua.spreadsheets import Sheet, workbook_bytes


def bloc_members_workbook(memberships) -> bytes:
    headers = [_("Bloc code"), _("Bloc"), _("Role"), _("Tax code"), _("Enterprise"), _("Industrial park"),
               _("Legal representative"), _("Phone"), _("E-mail")]  # fmt: skip
    rows = (
        (
            m.bloc.code,
            m.bloc.name,
            m.get_role_display(),
            m.enterprise.tax_code,
            m.enterprise.name,
            m.enterprise.park.name if m.enterprise.park else "",
            m.enterprise.legal_representative,
            m.enterprise.phone,
            m.enterprise.email,
        )
        for m in memberships
    )
    return workbook_bytes(
        Sheet(_("Bloc members"), headers, rows, widths=[10, 30, 16, 14, 40, 24, 24, 16, 24])
    )


def applications_workbook(applications) -> bytes:
    headers = [_("Year"), _("Tax code"), _("Enterprise"), _("Preferred bloc"), _("Status"), _("Bloc"),
               _("Submitted at"), _("Reason")]  # fmt: skip
    rows = (
        (
            a.year.year,
            a.enterprise.tax_code,
            a.enterprise.name,
            a.preferred_bloc.name if a.preferred_bloc else "",
            a.get_status_display(),
            a.decided_bloc.name if a.decided_bloc else "",
            a.submitted_at,
            a.reason,
        )
        for a in applications
    )
    return workbook_bytes(Sheet(_("Applications"), headers, rows, widths=[8, 14, 40, 24, 12, 24, 18, 30]))


def participation_workbook(stats, board_label: str) -> bytes:
    headers = [_("Industrial park"), _("Active enterprises"), _("Enrolled in a bloc"), _("Share (%)"),
               _("Blocs")]  # fmt: skip
    rows = [
        (r.park_name or _("No industrial park"), r.active, r.enrolled, r.share, r.blocs) for r in stats.parks
    ]
    t = stats.total
    rows.append((board_label, t.active, t.enrolled, t.share, t.blocs))
    return workbook_bytes(
        Sheet(_("Participation %(year)s") % {"year": stats.year}, headers, rows, widths=[40, 16, 16, 12, 10])
    )
