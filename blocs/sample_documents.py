"""``manage.py render_sample consolidation_decision out.pdf``: the consolidation decision with sample blocs."""

from datetime import date

from blocs.documents import (
    DOC_TYPE,
    KIND,
    RECIPIENTS,
    TEMPLATE_NAME,
    BlocSection,
    MemberRow,
    consolidation_context,
    decision_title,
)
from thidua.documents.samples import SAMPLE_BOARD, SAMPLE_SIGNER, SampleDocument, register_sample


def sample_consolidation_decision() -> SampleDocument:
    park = "KCN Thanh Bình"
    sections = [
        BlocSection(
            code="KTĐ1",
            name="Khối thi đua các doanh nghiệp KCN Thanh Bình",
            members=[
                MemberRow("Công ty Cổ phần Ván dán Hồng Ngọc", "4700123451", park, "LEADER"),
                MemberRow("Công ty TNHH Lechenwood Việt Nam", "4700123468", park, "DEPUTY"),
                MemberRow("Công ty TNHH Chế biến Lâm sản Bắc Kạn", "4700123475", park, "MEMBER"),
            ],
        ),
        BlocSection(
            code="KTĐ2",
            name="Khối thi đua số 2",
            members=[
                MemberRow(f"Công ty TNHH Thành viên số {n}", "4700200009", park, "MEMBER")
                for n in range(1, 6)
            ],
        ),
    ]
    return SampleDocument(
        template_name=TEMPLATE_NAME,
        kind=KIND,
        doc_type=DOC_TYPE,
        number=3,
        issued_on=date(2026, 1, 20),
        title=decision_title(2026),
        context=consolidation_context(
            board_name=SAMPLE_BOARD.name,
            issuing_body_line=SAMPLE_BOARD.issuing_body_line,
            parent_body_line=SAMPLE_BOARD.parent_body_line,
            year=2026,
            sections=sections,
        ),
        signer=SAMPLE_SIGNER,
        recipients=RECIPIENTS,
    )


register_sample(KIND, sample_consolidation_decision)
import blocs.pledges.sample_documents  # noqa: E402, F401 -- registers "pledge"
