"""Who issues a document: the register that numbers it and the letterhead it is printed under.

A Board issues in its own register under its own letterhead (``board_issuer``). A unit the Board hosts, such
as an emulation bloc, issues in its own register (a sequence per unit and year) under a letterhead whose
parent line is the Board and whose issuing line is the unit (``unit_issuer``, domain.md §17.1). The platform
never imports the domain app that owns the unit: the caller passes the register key (e.g. ``"bloc:12"``),
the unit's name and the short code used in its symbols (e.g. ``"KTĐ1"`` in ``01/GƯTĐ-KTĐ1``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from thidua.accounts.models import Organization

BOARD_REGISTER = ""


@dataclass(frozen=True)
class Issuer:
    register: str
    letterhead: dict[str, str] = field(default_factory=dict)

    @property
    def short_code(self) -> str:
        return self.letterhead.get("short_code", "")

    def symbol(self, doc_type: str) -> str:
        """ "TB-BQL", "GƯTĐ-KTĐ1": the type abbreviation, a dash, the issuer's code (no spaces)."""
        return f"{doc_type}-{self.short_code}"


def letterhead_of(organization: Organization) -> dict[str, str]:
    """The Board's own letterhead, copied into each document (a later edit of the Board changes no PDF)."""
    return {
        "name": organization.name,
        "parent_body_line": organization.parent_body_line,
        "issuing_body_line": organization.issuing_body_line,
        "short_code": organization.short_code,
        "place_name": organization.place_name,
        "address": organization.address,
        "head_title": organization.head_title,
    }


def board_issuer(organization: Organization) -> Issuer:
    return Issuer(register=BOARD_REGISTER, letterhead=letterhead_of(organization))


def unit_issuer(*, organization: Organization, register: str, unit_name: str, short_code: str) -> Issuer:
    """A unit of the Board (e.g. a bloc) as issuer: its own register, the Board as parent line."""
    if not register:
        raise ValueError("A unit issues in its own register: give its key, e.g. 'bloc:12'.")
    return Issuer(
        register=register,
        letterhead={
            "name": unit_name,
            "parent_body_line": organization.name.upper(),
            "issuing_body_line": unit_name.upper(),
            "short_code": short_code,
            "place_name": organization.place_name,
            "address": "",
            "head_title": "",
        },
    )
