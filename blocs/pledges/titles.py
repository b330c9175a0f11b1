"""Which emulation titles a pledge may register, and for whom (domain.md §17.5).

Only emulation titles (danh hiệu thi đua) are registered at the start of the year, each for the subjects it
admits: a collective strives for the Emulation Flag (Cờ thi đua), Excellent or Advanced Labour Collective; a
person for Grassroots Emulation Fighter or Advanced Worker. Certificates of merit and of commendation (Bằng
khen, Giấy khen) are forms of commendation proposed at the year's end, never registered.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from blocs.pledges.enums import AwardCode, SubjectKind

TITLE_SUBJECTS: dict[str, str] = {
    AwardCode.CO_TINH: SubjectKind.COLLECTIVE,
    AwardCode.TTLDXS: SubjectKind.COLLECTIVE,
    AwardCode.TTLDTT: SubjectKind.COLLECTIVE,
    AwardCode.CSTDCS: SubjectKind.INDIVIDUAL,
    AwardCode.LDTT: SubjectKind.INDIVIDUAL,
}


def title_choices() -> list[tuple[str, str]]:
    """The registrable titles, in the order of ``AwardCode``, for a form's select."""
    return [(code, label) for code, label in AwardCode.choices if code in TITLE_SUBJECTS]


def registration_problem(subject_kind: str, award_code: str) -> str:
    """Why ``award_code`` cannot be registered for ``subject_kind``, or "" when it can."""
    if award_code not in TITLE_SUBJECTS:
        return _(
            "%(award)s is a form of commendation proposed at the year's end, not a title: it cannot be "
            "registered in a pledge."
        ) % {"award": AwardCode(award_code).label if award_code in AwardCode.values else award_code}
    if TITLE_SUBJECTS[award_code] != subject_kind:
        if subject_kind == SubjectKind.INDIVIDUAL:
            return _("%(award)s is a title for a collective, not for a person.") % {
                "award": AwardCode(award_code).label
            }
        return _("%(award)s is a title for a person, not for a collective.") % {
            "award": AwardCode(award_code).label
        }
    return ""


def check_registrations(registrations) -> None:
    """A ValidationError naming every registration that is not a title its subject may strive for."""
    problems = [registration_problem(r.subject_kind, r.award_code) for r in registrations if r.name.strip()]
    problems = [problem for problem in problems if problem]
    if problems:
        raise ValidationError(problems, code="not_registrable")
