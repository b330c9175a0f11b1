"""The kinds of documents the portal issues, and what each cites and sends by default.

A kind is a stable code (``"notice"``, ``"consolidation_decision"``, …) with a label, the codes of the seeded
legal bases it cites unless the Board chose otherwise (``legal_bases``), and its default recipients
("Nơi nhận") before the Board's filing line "Lưu: VT, <unit>.". In recipients, ``{board}`` stands for the
Board's name and ``{reports_to}`` for the body the Board reports to (both Board settings).

The platform's own kind is ``notice``; a domain app adds its kinds by answering the ``document_kinds``
signal (``thidua.documents.signals``) with a list of ``DocumentKind``, from a receiver connected in its
``AppConfig.ready()``; ``all_kinds()`` merges them, so the platform never imports a domain app.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from thidua.accounts.models import Organization
from thidua.documents.signals import document_kinds
from thidua.signals import collected_answers

# Codes of the legal bases seeded for every Board (data migration 0004 and ``seed_legal_bases``).
LAW_TDKT = "law_06_2022"
DECREE_152 = "decree_152_2025"
CIRCULAR_15 = "circular_15_2025"
PROVINCIAL_REGULATION = "provincial_regulation"
BOARD_FUNCTIONS = "board_functions"
STANDARD_BASES = (LAW_TDKT, DECREE_152, CIRCULAR_15, PROVINCIAL_REGULATION, BOARD_FUNCTIONS)


@dataclass(frozen=True)
class DocumentKind:
    code: str
    label: str | Promise
    legal_bases: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()

    @property
    def cites_legal_bases(self) -> bool:
        return bool(self.legal_bases)


NOTICE = DocumentKind(
    code="notice",
    label=pgettext_lazy("document kind", "Notice"),
    recipients=("Như trên;", "Lãnh đạo Ban;"),
)
PLATFORM_KINDS = (NOTICE,)


def all_kinds() -> dict[str, DocumentKind]:
    """Every kind: the platform's, then those the domain apps answer ``document_kinds`` with."""
    return {kind.code: kind for kind in (*PLATFORM_KINDS, *collected_answers(document_kinds))}


def get_kind(code: str) -> DocumentKind:
    """The kind ``code``, or a bare one (no bases, no default recipients) for a code nobody declared."""
    return all_kinds().get(code) or DocumentKind(code=code, label=code)


def kinds_citing_bases() -> list[DocumentKind]:
    return sorted((k for k in all_kinds().values() if k.cites_legal_bases), key=lambda k: str(k.label))


def recipients_for(organization: Organization, kind: str, *, lead: tuple[str, ...] = ()) -> list[str]:
    """The "Nơi nhận" lines: ``lead`` (e.g. "Như trên;"), the kind's defaults, then "Lưu: VT, <unit>."."""
    values = {"board": organization.name, "reports_to": organization.reports_to}
    lines = [*lead, *(line.format(**values) for line in get_kind(kind).recipients)]
    return [*lines, filing_line(organization)]


def filing_line(organization: Organization) -> str:
    unit = organization.filing_unit.strip().rstrip(".")
    return f"Lưu: VT, {unit}." if unit else "Lưu: VT."
