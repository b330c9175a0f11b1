"""The minutes (biên bản) of a vote, in Vietnamese like every official paper of the portal.

``round_summary(session)`` is the record of one round (method, electors present and absent, ballots issued,
valid and invalid, "đồng ý" and "không đồng ý" per candidate, elected, tie, second round, chair's decision),
JSON-ready; ``minutes_text`` writes it as the short text shown on the vote's page; ``minutes_context(rounds)``
is the body of the Biên bản (Decree 30, form 1.9) of all the rounds of one matter, for the template
``pdf/voting/minutes.html``: the caller adds the abstract, the chair's and secretary's names and issues it.
"""

from fractions import Fraction

from django.utils import timezone

from blocs.voting.enums import Counting, ThresholdBase, VotingMethod
from blocs.voting.models import Ballot, Candidate, EligibleVoter, VotingSession
from blocs.voting.tally import as_fraction

METHOD_WORDS = {
    VotingMethod.SECRET: "bỏ phiếu kín",
    VotingMethod.OPEN: "biểu quyết công khai",
    VotingMethod.CONSENSUS: "biểu quyết thống nhất",
}


def ratio_words(ratio) -> str:
    """2/3 and 3/4 as fractions, the others as percentages ("50 %", "80 %"), as rules are written."""
    value = as_fraction(ratio)
    if value.denominator in (3, 4):
        return f"{value.numerator}/{value.denominator}"
    return f"{_number(float(value) * 100)} %"


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _percent(share) -> str:
    return f"{float(Fraction(share)) * 100:.2f}".replace(".", ",") + " %"


def _time(moment) -> str:
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    return f"{local:%H} giờ {local:%M}, ngày {local:%d/%m/%Y}"


def round_summary(session: VotingSession, result: dict | None = None, *, voters=None, candidates=None) -> dict:
    """The record of one round, from its stored result (or ``result``) and its electors and candidates
    (loaded here with three queries unless given: ``voters`` with ``took_part``)."""
    result = session.result if result is None else result
    if candidates is None:
        candidates = Candidate.objects.filter(session=session)
    labels = {candidate.pk: candidate.label for candidate in candidates}
    if voters is None:
        took_part = set(Ballot.objects.filter(session=session).values_list("voter_id", flat=True))
        voters = EligibleVoter.objects.filter(session=session).order_by("label", "id")
    else:
        took_part = {voter.pk for voter in voters if voter.took_part}
    present, absent = [], []
    for voter in voters:
        (present if voter.pk in took_part else absent).append(voter.label or str(voter.pk))
    consensus = session.method == VotingMethod.CONSENSUS
    count = session.paper_count or {}
    if consensus:
        ballots = None
    elif session.counting == Counting.PAPER:
        ballots = {
            "issued": count.get("issued", 0),
            "received": count.get("received", 0),
            "valid": result.get("valid", 0),
            "invalid": result.get("invalid", 0),
        }
    else:
        ballots = {
            "issued": result.get("eligible", 0),
            "received": result.get("present", 0),
            "valid": result.get("valid", 0),
            "invalid": result.get("invalid", 0),
        }
    threshold = ratio_words(session.threshold_ratio)
    threshold = f"từ {threshold} trở lên" if session.threshold_inclusive else f"trên {threshold}"
    base = (
        "tổng số thành viên"
        if session.threshold_base == ThresholdBase.ALL_ELIGIBLE
        else "số thành viên tham gia"
    )
    chair = result.get("chair_decision") or None

    def names(ids) -> list[str]:
        return [labels.get(pk, str(pk)) for pk in ids or []]

    return {
        "round": session.round,
        "method": METHOD_WORDS.get(session.method, session.method),
        "at_meeting": session.counting == Counting.PAPER or consensus,
        "consensus": consensus,
        "eligible": result.get("eligible", 0),
        "present": result.get("present", 0),
        "present_labels": present,
        "absent_labels": absent,
        "quorum": ratio_words(session.quorum_ratio),
        "quorum_reached": bool(result.get("quorum_reached")),
        "threshold": f"{threshold} {base}",
        "ballots": ballots,
        "rows": [
            {
                "label": labels.get(row["candidate_id"], str(row["candidate_id"])),
                "votes": row["votes"],
                "against": row.get("against", 0),
                "share": _percent(row["share"]),
                "passes": row["passes"],
            }
            for row in result.get("rows", [])
        ],
        "elected": names(result.get("elected")),
        "tied": names(result.get("tied")),
        "runoff": names(result.get("runoff")),
        "chair_decision": (
            {"label": labels.get(chair["candidate_id"], ""), "note": chair.get("note", "")} if chair else None
        ),
        "closed_at": _time(session.closed_at),
    }


def summary_lines(summary: dict) -> list[str]:
    """The paragraphs of one round's record (shared by the page's text and the PDF)."""
    lines = [
        f"Hình thức: {summary['method']}"
        + (", kiểm phiếu tại hội nghị." if summary["at_meeting"] and not summary["consensus"] else "."),
        f"Số thành viên có quyền biểu quyết: {summary['eligible']}; số thành viên tham gia: {summary['present']}"
        + (f" (vắng: {'; '.join(summary['absent_labels'])})" if summary["absent_labels"] else "")
        + ".",
        f"Yêu cầu tham gia: ít nhất {summary['quorum']} số thành viên. "
        + (
            "Đủ điều kiện tiến hành."
            if summary["quorum_reached"]
            else "Không đủ số thành viên tham gia theo quy định."
        ),
    ]
    ballots = summary["ballots"]
    if ballots is not None:
        lines.append(
            f"Số phiếu phát ra: {ballots['issued']}; số phiếu thu về: {ballots['received']}; "
            f"số phiếu hợp lệ: {ballots['valid']}; số phiếu không hợp lệ: {ballots['invalid']}."
        )
    if summary["consensus"]:
        if summary["elected"]:
            lines.append(
                "Các thành viên tham gia biểu quyết thống nhất: " + "; ".join(summary["elected"]) + "."
            )
    else:
        lines.append(f"Kết quả (tỷ lệ đạt: {summary['threshold']}):")
        lines.extend(
            f"- {row['label']}: {row['votes']} phiếu đồng ý ({row['share']}), {row['against']} phiếu không đồng ý"
            + ("; đạt." if row["passes"] else ".")
            for row in summary["rows"]
        )
    if summary["tied"]:
        lines.append("Số phiếu bằng nhau giữa: " + "; ".join(summary["tied"]) + ".")
    if summary["chair_decision"]:
        decision = summary["chair_decision"]
        lines.append(
            f"Theo quy chế, chủ tọa quyết định: {decision['label']}"
            + (f" ({decision['note']})" if decision["note"] else "")
            + "."
        )
    if summary["elected"] and not summary["consensus"]:
        lines.append("Trúng cử: " + "; ".join(summary["elected"]) + ".")
    if summary["quorum_reached"] and summary["runoff"] and not summary["chair_decision"]:
        lines.append("Bầu vòng tiếp theo giữa: " + "; ".join(summary["runoff"]) + ".")
    elif not summary["quorum_reached"]:
        lines.append("Cần tổ chức biểu quyết lại.")
    elif not summary["elected"]:
        lines.append("Không có ứng viên đạt tỷ lệ theo quy định.")
    return lines


def minutes_text(*, session: VotingSession, result: dict, voters=None, candidates=None) -> str:
    summary = round_summary(session, result, voters=voters, candidates=candidates)
    heading = session.title + (f" — vòng {session.round}" if session.round > 1 else "")
    lines = ["BIÊN BẢN KIỂM PHIẾU", heading, *summary_lines(summary)]
    if summary["closed_at"]:
        lines.append(f"Kết thúc lúc {summary['closed_at']}.")
    return "\n".join(lines)


def minutes_context(rounds: list[VotingSession]) -> dict:
    """The body of the Biên bản of every round of one matter (first round first), JSON-ready."""
    first, last = rounds[0], rounds[-1]
    summaries = [round_summary(session) for session in rounds]
    present = sorted({label for summary in summaries for label in summary["present_labels"]})
    others = [line.strip() for line in first.others_present.splitlines() if line.strip()]
    return {
        "started_at": _time(first.opened_at or first.opens_at or first.created_at),
        "ended_at": _time(last.closed_at),
        "place": first.place,
        "participants": present,
        "others_present": others,
        "chair": first.chair,
        "secretary": first.secretary,
        "rounds": [{"round": summary["round"], "lines": summary_lines(summary)} for summary in summaries],
        "several_rounds": len(rounds) > 1,
    }
