"""The minutes (Biên bản) of a bloc's election, an official document of the bloc (domain.md §17.1, §17.4):
issued under the bloc's letterhead (the Board as parent line), numbered in the bloc's register with the type
"BB", signed by the meeting's chair (or "TM. KHỐI THI ĐUA / KHỐI TRƯỞNG" when no chair was recorded) beside
the secretary, rendered by the worker in ``pdf/blocs/membership/election_minutes.html``. Always Vietnamese.

The body of every round (electors present and absent, quorum, method, counts per candidate with "không đồng
ý" and invalid ballots, tie, second round, chair's decision) is ``blocs.voting.minutes.minutes_context``;
this module adds the election's own heading and issues it. ``sample_election_minutes`` is
``manage.py render_sample election_minutes``: a secret ballot tied 2 to 2, then a second round."""

from __future__ import annotations

from datetime import date

from blocs.membership.issuers import bloc_issuer, bloc_recipients, bloc_signer_block
from blocs.voting.minutes import minutes_context
from thidua.documents.samples import SAMPLE_BOARD, SampleDocument

TEMPLATE_NAME = "pdf/blocs/membership/election_minutes.html"
KIND = "election_minutes"
DOC_TYPE = "BB"
CHAIR_TITLE = "Chủ tọa"
OFFICE_WORDS = {"LEADER": "Khối trưởng", "DEPUTY": "Khối phó"}


def minutes_title(*, office: str, bloc_name: str, elects_for: int) -> str:
    return f"Bầu {OFFICE_WORDS.get(office, office)} {bloc_name} năm {elects_for}"


def minutes_signer(*, chair: str, representative: str) -> dict:
    """The chair signs the minutes of the meeting; without a recorded chair, the bloc's leader signs for it."""
    if chair.strip():
        return {"prefix": "", "authority": "", "title": CHAIR_TITLE, "name": chair.strip()}
    return bloc_signer_block(representative)


def election_minutes_context(*, election, rounds, members_count: int) -> dict:
    """JSON-ready context: the rounds' record plus the election's heading (office, bloc, year)."""
    context = minutes_context(rounds)
    context.update(
        {
            "office": OFFICE_WORDS.get(election.office, election.office),
            "bloc_name": election.bloc.name,
            "elects_for": str(election.elects_for),
            "members_count": members_count,
            "rounds_count": len(rounds),
        }
    )
    return context


def issue_kwargs(*, election, rounds, members_count: int, representative: str) -> dict:
    """What ``thidua.documents.services.issue_document`` needs for the minutes (the service adds who asks)."""
    context = election_minutes_context(election=election, rounds=rounds, members_count=members_count)
    return {
        "organization": election.bloc.organization,
        "kind": KIND,
        "doc_type": DOC_TYPE,
        "title": minutes_title(
            office=election.office, bloc_name=election.bloc.name, elects_for=election.elects_for
        ),
        "template_name": TEMPLATE_NAME,
        "context": context,
        "owner": election,
        "signer": minutes_signer(chair=context["chair"], representative=representative),
        "recipients": bloc_recipients(election.bloc.organization),
        "issuer": bloc_issuer(election.bloc),
    }


def sample_election_minutes() -> SampleDocument:
    """A secret ballot of five member units tied 2 to 2 with one invalid ballot, then a second round."""
    from blocs.membership.models import Bloc  # noqa: PLC0415 -- sample only (unsaved)

    bloc = Bloc(pk=1, organization=SAMPLE_BOARD, name="Khối thi đua số 1", code="KTĐ1")
    present = [
        "Công ty Cổ phần Ván dán Hồng Ngọc",
        "Công ty TNHH Chế biến Lâm sản Bắc Kạn",
        "Công ty TNHH Lechenwood Việt Nam",
        "Công ty TNHH Nguyễn Thị Hồng Ngọc Lưu Đức Thắng",
        "Công ty Cổ phần Trần Văn Mỹ Phạm Quỳnh Ỷ",
    ]
    first, second = present[0], present[2]
    opening = [
        "Hình thức: bỏ phiếu kín, kiểm phiếu tại hội nghị.",
        "Số thành viên có quyền biểu quyết: 6; số thành viên tham gia: 5 (vắng: Công ty TNHH Sông Công).",
        "Yêu cầu tham gia: ít nhất 2/3 số thành viên. Đủ điều kiện tiến hành.",
    ]
    rounds = [
        {
            "round": 1,
            "lines": [
                *opening,
                "Số phiếu phát ra: 5; số phiếu thu về: 5; số phiếu hợp lệ: 4; số phiếu không hợp lệ: 1.",
                "Kết quả (tỷ lệ đạt: trên 50 % tổng số thành viên):",
                f"- {first}: 2 phiếu đồng ý (33,33 %), 2 phiếu không đồng ý.",
                f"- {second}: 2 phiếu đồng ý (33,33 %), 2 phiếu không đồng ý.",
                f"Số phiếu bằng nhau giữa: {first}; {second}.",
                f"Bầu vòng tiếp theo giữa: {first}; {second}.",
            ],
        },
        {
            "round": 2,
            "lines": [
                *opening,
                "Số phiếu phát ra: 5; số phiếu thu về: 5; số phiếu hợp lệ: 5; số phiếu không hợp lệ: 0.",
                "Kết quả (tỷ lệ đạt: trên 50 % tổng số thành viên):",
                f"- {first}: 4 phiếu đồng ý (66,67 %), 1 phiếu không đồng ý; đạt.",
                f"- {second}: 1 phiếu đồng ý (16,67 %), 4 phiếu không đồng ý.",
                f"Trúng cử: {first}.",
            ],
        },
    ]
    return SampleDocument(
        template_name=TEMPLATE_NAME,
        kind=KIND,
        doc_type=DOC_TYPE,
        number=2,
        issued_on=date(2025, 12, 10),
        title=minutes_title(office="LEADER", bloc_name=bloc.name, elects_for=2026),
        context={
            "started_at": "08 giờ 30, ngày 10/12/2025",
            "ended_at": "10 giờ 15, ngày 10/12/2025",
            "place": "Hội trường Công ty Cổ phần Ván dán Hồng Ngọc, khu công nghiệp Sông Công I",
            "participants": present,
            "others_present": ["Lưu Đức Thắng, chuyên viên Ban Quản lý các KCN"],
            "chair": "Nguyễn Thị Hồng Ngọc",
            "secretary": "Phạm Quỳnh Ỷ",
            "rounds": rounds,
            "several_rounds": True,
            "office": "Khối trưởng",
            "bloc_name": bloc.name,
            "elects_for": "2026",
            "members_count": 6,
            "rounds_count": 2,
        },
        signer=minutes_signer(chair="Nguyễn Thị Hồng Ngọc", representative=""),
        recipients=bloc_recipients(SAMPLE_BOARD),
        issuer=bloc_issuer(bloc),
    )
