"""The council session's minutes (Biên bản họp Hội đồng Thi đua - Khen thưởng, Decree 30 form 1.9) as an
official document of the Board's register: the pure context (``minutes_context``) and the one call to the
documents platform (``issue_council_minutes``)."""

from django.utils import timezone

from blocs.voting.minutes import round_summary, summary_lines
from thidua.documents.services import issue_document

TEMPLATE_NAME = "pdf/awards/council_minutes.html"
KIND = "council_minutes"
DOC_TYPE = "BB"
OUTCOME_WORDS = {
    "APPROVED": "Hội đồng thống nhất đề nghị khen thưởng.",
    "REJECTED": "Không đạt tỷ lệ đồng ý theo quy chế Hội đồng; không đề nghị khen thưởng.",
    "NO_QUORUM": "Không đủ số thành viên tham gia biểu quyết; xem xét lại tại phiên họp sau.",
    "PENDING": "",
}


def _time(moment) -> str:
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    return f"{local:%H} giờ {local:%M}, ngày {local:%d/%m/%Y}"


def minutes_context(*, session, items) -> dict:
    """JSON-ready context of ``pdf/awards/council_minutes.html``."""
    summaries = [(item, round_summary(item.voting)) for item in items]
    first = summaries[0][1] if summaries else {"present_labels": [], "absent_labels": [], "eligible": 0}
    return {
        "meets_on": session.meets_on.strftime("%d/%m/%Y"),
        "started_at": _time(session.opened_at),
        "ended_at": _time(session.closed_at),
        "place": session.place,
        "chair": session.chair,
        "secretary": session.secretary,
        "year": str(session.year.year),
        "members": first["eligible"],
        "present": first["present_labels"],
        "absent": first["absent_labels"],
        "items": [
            {
                "heading": f"{index}. {item.nomination.award_type.short_name}: {item.nomination.subject_label}",
                "lines": summary_lines(summary),
                "outcome": OUTCOME_WORDS[item.outcome],
                "note": item.note,
            }
            for index, (item, summary) in enumerate(summaries, start=1)
        ],
    }


def issue_council_minutes(*, session, items, issued_by):
    return issue_document(
        organization=session.organization,
        kind=KIND,
        doc_type=DOC_TYPE,
        title=f"Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng năm {session.year.year}",
        template_name=TEMPLATE_NAME,
        context=minutes_context(session=session, items=items),
        owner=session,
        requested_by=issued_by,
        signer={"prefix": "", "authority": "", "title": "Chủ tọa", "name": session.chair},
        issued_on=timezone.localdate(session.closed_at) if session.closed_at else None,
    )


def sample_council_minutes():
    """The sample for ``manage.py render_sample council_minutes``."""
    from datetime import date  # noqa: PLC0415 -- sample only

    from thidua.documents.samples import SampleDocument  # noqa: PLC0415 -- sample only

    rows = [
        ("Cờ thi đua", "Công ty Cổ phần Ván dán Hồng Ngọc", 5, 0, "từ 80% trở lên", "APPROVED"),
        ("Giấy khen", "Công ty TNHH Lechenwood Việt Nam", 4, 1, "trên 50%", "APPROVED"),
        ("Giấy khen", "Công ty TNHH Chế biến Lâm sản Bắc Kạn", 2, 3, "trên 50%", "REJECTED"),
    ]
    items = [
        {
            "heading": f"{n}. {award}: {name}",
            "lines": [
                "Hình thức: bỏ phiếu kín.",
                "Số thành viên có quyền biểu quyết: 5; số thành viên tham gia: 5.",
                "Yêu cầu tham gia: ít nhất 80% số thành viên. Đủ điều kiện tiến hành.",
                f"Kết quả (tỷ lệ đạt: {threshold} tổng số thành viên):",
                f"- {name}: {yes} phiếu đồng ý ({yes * 20}%), {no} phiếu không đồng ý"
                + ("; đạt." if outcome == "APPROVED" else "."),
            ],
            "outcome": OUTCOME_WORDS[outcome],
            "note": "",
        }
        for n, (award, name, yes, no, threshold, outcome) in enumerate(rows, start=1)
    ]
    return SampleDocument(
        template_name=TEMPLATE_NAME,
        kind=KIND,
        doc_type=DOC_TYPE,
        number=4,
        issued_on=date(2025, 12, 5),
        title="Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng năm 2025",
        context={
            "meets_on": "05/12/2025",
            "started_at": "08 giờ 00, ngày 05/12/2025",
            "ended_at": "10 giờ 30, ngày 05/12/2025",
            "place": "Phòng họp Ban Quản lý các KCN tỉnh Thái Nguyên",
            "chair": "Hoàng Văn Khởi",
            "secretary": "Lưu Đức Thắng",
            "year": "2025",
            "members": 5,
            "present": [
                "Hoàng Văn Khởi",
                "Lưu Đức Thắng",
                "Trần Văn Mỹ",
                "Phạm Quỳnh Ỷ",
                "Nguyễn Thị Hồng Ngọc",
            ],
            "absent": [],
            "items": items,
        },
        signer={"prefix": "", "authority": "", "title": "Chủ tọa", "name": "Hoàng Văn Khởi"},
    )
