"""The eligibility engine: each condition of a nomination, checked and explained. Pure: no database.

``awards.nominations.queries.eligibility_facts`` gathers the facts (one place reads the database);
``evaluate`` turns them into conditions, each with its state and an explanation in the user's language:

- the award admits the subject (an enterprise, a sub-unit or a person) and is decided by the Board or the
  province (an enterprise's own titles are attested, never nominated here);
- Decree 152/2025 Art. 4: no proposal while the subject is under discipline, investigation, inspection with
  signs of violation or an unresolved complaint;
- no second active nomination of the same subject for the same award and year;
- the flag: the enterprise's bloc is eligible for the provincial flag; the enterprise ranks first in its bloc
  and is not vetoed (from the ranking, when the bloc's ranking is locked);
- multi-year conditions read from history (Bằng khen: two consecutive years of excellent task completion,
  shown as one of the alternatives the standard admits); ad-hoc and thematic awards never count (Art. 4);
- quotas (Board policy, or law for the flag), for collectives that are member enterprises;
- the dossier: every required document present.

A condition is ``PASS``, ``FAIL``, ``UNKNOWN`` (the fact is not available yet) or ``INFO``; only a ``FAIL``
of a blocking condition stops a submission or the council.
"""

from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _

PASS, FAIL, UNKNOWN, INFO = "PASS", "FAIL", "UNKNOWN", "INFO"


@dataclass(frozen=True)
class QuotaUse:
    label: str  # e.g. "Giấy khen — KTĐ1"
    law: bool
    used: int  # other nominations already holding a place
    cap: int


@dataclass(frozen=True)
class Ranking:
    rank: int | None
    vetoed: bool
    classification: str = ""


@dataclass(frozen=True)
class Facts:
    award_code: str
    award_name: str
    subject_kind: str
    subject_label: str
    admits_subject: bool
    nominable_level: bool
    year: int
    year_open: bool
    under_investigation: bool
    investigation_note: str = ""
    duplicate: bool = False
    is_flag: bool = False
    has_bloc: bool = False
    bloc_eligible_for_flag: bool = False
    ranking: Ranking | None = None  # None: no published ranking yet
    check_veto: bool = False  # an enterprise subject: a vetoed member is not proposable
    years_of_excellence: int = 0
    excellent_years: frozenset[int] = frozenset()  # years with a merit title of excellence (from history)
    ignored_ad_hoc: int = 0  # ad-hoc or thematic awards in the history, never counted (Art. 4)
    quotas: tuple[QuotaUse, ...] = ()
    quota_applies: bool = True
    missing_documents: tuple[str, ...] = ()  # labels of the required documents still missing
    check_dossier: bool = True


@dataclass(frozen=True)
class Condition:
    code: str
    label: str
    state: str
    detail: str = ""
    blocking: bool = True

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Evaluation:
    conditions: list[Condition] = field(default_factory=list)

    @property
    def failures(self) -> list[Condition]:
        return [c for c in self.conditions if c.blocking and c.state == FAIL]

    @property
    def passes(self) -> bool:
        return not self.failures

    def as_json(self) -> list[dict]:
        return [c.as_dict() for c in self.conditions]


def _state(ok: bool) -> str:
    return PASS if ok else FAIL


def evaluate(facts: Facts) -> Evaluation:
    result = Evaluation()
    add = result.conditions.append
    add(
        Condition(
            "subject",
            _("The award admits this subject"),
            _state(facts.admits_subject),
            ""
            if facts.admits_subject
            else _("%(award)s is not given to this kind of subject.") % {"award": facts.award_name},
        )
    )
    add(
        Condition(
            "level",
            _("Decided by the Board or the province"),
            _state(facts.nominable_level),
            "" if facts.nominable_level else _("An enterprise's own titles are decided by its director."),
        )
    )
    add(
        Condition(
            "year_open",
            _("The emulation year is open"),
            _state(facts.year_open),
            "" if facts.year_open else _("The year %(year)s is closed.") % {"year": facts.year},
        )
    )
    add(
        Condition(
            "investigation",
            _("Not under discipline, investigation or unresolved complaint (Decree 152/2025, Art. 4)"),
            _state(not facts.under_investigation),
            facts.investigation_note if facts.under_investigation else "",
        )
    )
    add(
        Condition(
            "duplicate",
            _("No other nomination of this subject for this award this year"),
            _state(not facts.duplicate),
        )
    )
    if facts.check_veto:
        add(_veto(facts))
    if facts.is_flag:
        add(_flag_bloc(facts))
        add(_flag_ranking(facts))
    if facts.years_of_excellence:
        add(_history(facts))
    add(_quota(facts))
    if facts.check_dossier:
        missing = ", ".join(facts.missing_documents)
        add(
            Condition(
                "dossier",
                _("The dossier is complete"),
                _state(not facts.missing_documents),
                _("Missing: %(documents)s.") % {"documents": missing} if missing else "",
            )
        )
    return result


def _veto(facts: Facts) -> Condition:
    label = _("Not vetoed in the bloc's scoring")
    if facts.ranking is None:
        return Condition(
            "veto",
            label,
            UNKNOWN,
            _("The bloc's ranking is not published yet: the Board verifies it."),
            blocking=False,
        )
    return Condition(
        "veto",
        label,
        _state(not facts.ranking.vetoed),
        _("A vetoed member is ranked but cannot be proposed.") if facts.ranking.vetoed else "",
    )


def _flag_bloc(facts: Facts) -> Condition:
    if not facts.has_bloc:
        detail = _("The enterprise is not an active member of a bloc this year.")
    elif not facts.bloc_eligible_for_flag:
        detail = _("Its bloc is not eligible for the provincial flag.")
    else:
        detail = ""
    return Condition(
        "flag_bloc",
        _("Leads a bloc eligible for the provincial flag (Law 2022, Art. 26(1))"),
        _state(facts.has_bloc and facts.bloc_eligible_for_flag),
        detail,
    )


def _flag_ranking(facts: Facts) -> Condition:
    label = _("Ranks first in its bloc and is not vetoed")
    ranking = facts.ranking
    if ranking is None:
        return Condition(
            "flag_ranking",
            label,
            UNKNOWN,
            _("The bloc's ranking is not published yet: the Board verifies it."),
        )
    ok = ranking.rank == 1 and not ranking.vetoed
    if ranking.vetoed:
        detail = _("The enterprise was vetoed in the scoring.")
    elif ranking.rank != 1:
        detail = _("It ranks %(rank)s in its bloc.") % {"rank": ranking.rank or "—"}
    else:
        detail = ""
    return Condition("flag_ranking", label, _state(ok), detail)


def _history(facts: Facts) -> Condition:
    wanted = [facts.year - offset for offset in range(1, facts.years_of_excellence + 1)]
    had = [year for year in wanted if year in facts.excellent_years]
    ok = len(had) == len(wanted)
    detail = _("Years with excellent task completion on record: %(had)s of %(wanted)s.") % {
        "had": ", ".join(str(y) for y in had) or "—",
        "wanted": ", ".join(str(y) for y in sorted(wanted)),
    }
    if facts.ignored_ad_hoc:
        detail += " " + _("%(n)d ad-hoc or thematic awards are not counted (Decree 152/2025, Art. 4).") % {
            "n": facts.ignored_ad_hoc
        }
    # One of the alternatives of the standard (an outstanding result in a movement is another): never blocks.
    return Condition(
        "history",
        _("%(n)d consecutive years of excellent task completion (one of the standard's alternatives)")
        % {"n": facts.years_of_excellence},
        PASS if ok else INFO,
        detail,
        blocking=False,
    )


def _quota(facts: Facts) -> Condition:
    label = _("Within the quotas")
    if not facts.quota_applies:
        return Condition("quota", label, INFO, _("Quotas count member enterprises only."), blocking=False)
    if not facts.quotas:
        return Condition("quota", label, PASS, _("No quota applies."))
    over = [q for q in facts.quotas if q.used + 1 > q.cap]
    parts = [
        _("%(rule)s: %(used)d of %(cap)d taken (%(source)s)")
        % {
            "rule": q.label,
            "used": q.used,
            "cap": q.cap,
            "source": _("law") if q.law else _("the Board's policy"),
        }
        for q in facts.quotas
    ]
    return Condition("quota", label, _state(not over), "; ".join(parts) + ".")
