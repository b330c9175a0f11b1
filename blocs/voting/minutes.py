"""The minutes (biên bản) text of a closed vote, in Vietnamese like every official paper of the portal."""

from django.utils import timezone

from blocs.voting.models import Candidate, VotingSession
from blocs.voting.tally import TallyResult


def _percent(value) -> str:
    return f"{float(value) * 100:.2f}".replace(".", ",") + "%"


def minutes_text(*, session: VotingSession, result: TallyResult) -> str:
    labels = dict(Candidate.objects.filter(session=session).values_list("pk", "label"))
    closed = timezone.localtime(session.closed_at or timezone.now())
    method = "bỏ phiếu kín" if session.secret else "biểu quyết công khai"
    lines = [
        "BIÊN BẢN KIỂM PHIẾU",
        session.title,
        f"Thời gian kết thúc bỏ phiếu: {closed:%H giờ %M, ngày %d/%m/%Y}.",
        f"Hình thức: {method}.",
        f"Số người có quyền bỏ phiếu: {result.eligible}. Số người đã bỏ phiếu: {result.present}.",
        f"Tỷ lệ tham gia yêu cầu: {_percent(session.quorum_ratio)}. "
        + (
            "Đủ điều kiện tiến hành."
            if result.quorum_reached
            else "Không đủ số lượng tham gia theo quy định."
        ),
        "Kết quả:",
    ]
    for row in result.rows:
        mark = " — đạt" if row.passes else ""
        lines.append(
            f"- {labels.get(row.candidate_id, row.candidate_id)}: {row.votes} phiếu ({_percent(row.share)}){mark}"
        )
    if result.elected:
        lines.append("Trúng cử / được thống nhất: " + "; ".join(labels[pk] for pk in result.elected) + ".")
    if result.tied:
        lines.append(
            "Số phiếu bằng nhau, cần bỏ phiếu lại giữa: " + "; ".join(labels[pk] for pk in result.tied) + "."
        )
    if result.quorum_reached and not result.elected and not result.tied:
        lines.append("Không có ứng viên đạt tỷ lệ phiếu theo quy định.")
    return "\n".join(lines)
