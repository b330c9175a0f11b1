"""A bloc issues its own documents (domain.md §17.1): the joint pledge, its review reports, its minutes and
its tờ trình are printed under a letterhead whose parent line is the Board and whose issuing line is the bloc,
numbered in the bloc's own register (a sequence per bloc and year, never the Board's), and signed
"TM. KHỐI THI ĐUA / KHỐI TRƯỞNG" by the leader enterprise's representative."""

from thidua.documents.issuers import Issuer, unit_issuer
from thidua.documents.signers import collective_signer_block

BLOC_BODY = "Khối thi đua"
LEADER_TITLE = "Khối trưởng"


def bloc_register(bloc) -> str:
    """The key of the bloc's register in the documents platform, e.g. ``"bloc:12"``."""
    return f"bloc:{bloc.pk}"


def bloc_issuer(bloc) -> Issuer:
    """The bloc as issuer: its register, the Board (``bloc.organization``) as parent line, its code in the
    symbol (e.g. ``01/GƯTĐ-KTĐ1``)."""
    return unit_issuer(
        organization=bloc.organization,
        register=bloc_register(bloc),
        unit_name=bloc.name,
        short_code=bloc.code,
    )


def bloc_signer_block(representative_name: str) -> dict:
    """ "TM. KHỐI THI ĐUA" over "KHỐI TRƯỞNG", signed by the leader enterprise's representative."""
    return collective_signer_block(body=BLOC_BODY, title=LEADER_TITLE, name=representative_name)


def bloc_recipients(board) -> list[str]:
    """ "Nơi nhận" of a bloc's document: the Board (for its information), the members, the bloc's file."""
    return [f"{board.name} (b/c);", "Các doanh nghiệp thành viên Khối;", "Lưu: Khối thi đua."]
