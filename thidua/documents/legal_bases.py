"""How a legal basis is cited ("Căn cứ …" lines) and the entries every Board's library starts with.

Citation (Decree 30/2020 practice): a law by its name and date ("Luật Thi đua, khen thưởng ngày 15 tháng 6
năm 2022"); any other instrument by type, number, date, issuer and title ("Nghị định số 152/2025/NĐ-CP ngày
14 tháng 6 năm 2025 của Chính phủ quy định …"). Parts still unknown are left out. The lines of a document end
with ";" and the last with ".".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from thidua.accounts.models import Organization
from thidua.documents.enums import LegalInstrument
from thidua.documents.kinds import BOARD_FUNCTIONS, CIRCULAR_15, DECREE_152, LAW_TDKT, PROVINCIAL_REGULATION
from thidua.documents.letterhead import locality_of
from thidua.documents.rendering import date_words

PLACEHOLDER = "…"


def citation(
    *, instrument: str, number: str = "", signed_on: date | None = None, issuer: str = "", title: str = ""
) -> str:
    day = date_words(signed_on) if signed_on else ""
    if instrument == LegalInstrument.LAW:
        parts = [f"{instrument} {title.strip()}", day]
    else:
        parts = [
            instrument,
            f"số {number.strip()}" if number.strip() else "",
            day,
            f"của {issuer.strip()}" if issuer.strip() else "",
            title.strip(),
        ]
    return " ".join(part for part in parts if part)


def citation_of(basis) -> str:
    return citation(
        instrument=basis.instrument,
        number=basis.number,
        signed_on=basis.signed_on,
        issuer=basis.issuer,
        title=basis.title,
    )


def basis_lines(citations: Iterable[str], *, closing: str = "") -> list[str]:
    """ "Căn cứ …;" for each citation, the last line (or ``closing``, e.g. "Theo đề nghị của …") with "."."""
    lines = [f"Căn cứ {text.rstrip(' ;.')};" for text in citations]
    if closing:
        lines.append(f"{closing.strip().rstrip(' ;.')}.")
    elif lines:
        lines[-1] = lines[-1][:-1] + "."
    return lines


def locality_words(organization: Organization) -> str:
    """ "tỉnh Thái Nguyên" for a Board whose parent line is "UBND TỈNH THÁI NGUYÊN"; "…" when unknown."""
    locality = locality_of(organization.parent_body_line)
    if not locality or not organization.place_name:
        return PLACEHOLDER
    unit = "thành phố" if locality.startswith("THÀNH PHỐ") else "tỉnh"
    return f"{unit} {organization.place_name}"


def seed_entries(organization: Organization) -> list[dict]:
    """The library a new Board starts with: Law 06/2022/QH15, Decree 152/2025/NĐ-CP, Circular
    15/2025/TT-BNV, and placeholders ("…") for the provincial regulation and the decision on the Board's
    functions, which the Board completes. The circular's date is left for the Board to enter from the official
    text. (Migration 0004 seeds existing Boards with a frozen copy of these rows.)"""
    where = locality_words(organization)
    province_committee = f"Ủy ban nhân dân {where}"
    return [
        {
            "code": LAW_TDKT,
            "instrument": LegalInstrument.LAW,
            "number": "06/2022/QH15",
            "signed_on": date(2022, 6, 15),
            "issuer": "Quốc hội",
            "title": "Thi đua, khen thưởng",
            "in_force_from": date(2024, 1, 1),
            "position": 10,
        },
        {
            "code": DECREE_152,
            "instrument": LegalInstrument.DECREE,
            "number": "152/2025/NĐ-CP",
            "signed_on": date(2025, 6, 14),
            "issuer": "Chính phủ",
            "title": "quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và "
            "hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng",
            "in_force_from": date(2025, 7, 1),
            "position": 20,
        },
        {
            "code": CIRCULAR_15,
            "instrument": LegalInstrument.CIRCULAR,
            "number": "15/2025/TT-BNV",
            "signed_on": None,
            "issuer": "Bộ trưởng Bộ Nội vụ",
            "title": "quy định biện pháp để tổ chức, hướng dẫn thi hành Luật Thi đua, khen thưởng và Nghị định số "
            "152/2025/NĐ-CP",
            "in_force_from": None,
            "position": 30,
        },
        {
            "code": PROVINCIAL_REGULATION,
            "instrument": LegalInstrument.DECISION,
            "number": f"{PLACEHOLDER}/QĐ-UBND",
            "signed_on": None,
            "issuer": province_committee,
            "title": f"ban hành Quy định về công tác thi đua, khen thưởng trên địa bàn {where}",
            "in_force_from": None,
            "position": 40,
        },
        {
            "code": BOARD_FUNCTIONS,
            "instrument": LegalInstrument.DECISION,
            "number": f"{PLACEHOLDER}/QĐ-UBND",
            "signed_on": None,
            "issuer": province_committee,
            "title": f"quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của {organization.name}",
            "in_force_from": None,
            "position": 50,
        },
    ]
