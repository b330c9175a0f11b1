"""``render_sample`` samples exercise every part of their document (issue 10: title registrations, the
signature table, appendices, legal bases), so that a template change shows on them; names follow the seeds."""

import re

import pytest

from thidua.documents import rendering
from thidua.documents.samples import all_samples, build_sample_document

pytestmark = pytest.mark.unit


def _text(kind: str) -> str:
    html = rendering.render_html(build_sample_document(all_samples()[kind]()))
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\u00a0", " ").split())


def test_the_joint_pledge_sample_has_every_part():
    sample = all_samples()["pledge"]()
    context = sample.context

    text = _text("pledge")
    registrations = [r for m in context["members"] for r in m["registrations"]]
    assert context["commitments"] and context["indicators"] and context["members"]
    assert any("—" in r for r in registrations) and any(
        "—" not in r for r in registrations
    )  # person, collective
    assert any(s["fingerprint"] for s in context["signatories"]) and "Chưa ký" in text
    assert "V. XÁC NHẬN KÝ GIAO ƯỚC" in text.upper() and "TM. KHỐI THI ĐUA" in text
    assert sample.issuer is not None and sample.issuer.register.startswith("bloc:")
    assert "Nguyễn Văn Nam" in text  # Hồng Ngọc's director in the seeds


@pytest.mark.parametrize("kind", ["consolidation_decision", "decision"])
def test_decision_samples_cite_the_library_and_carry_an_appendix(kind):
    context = all_samples()[kind]().context

    text = _text(kind)
    assert any("Nghị định số 152/2025/NĐ-CP" in line for line in context["legal_bases"])
    assert any("Thông tư số 15/2025/TT-BNV" in line for line in context["legal_bases"])
    assert context["appendix"]["sections"] and context["appendix"]["sections"][0]["rows"]
    assert "DANH SÁCH" in text and "Hoàng Văn Khởi" in text


def test_the_consolidation_sample_cites_the_election_and_the_boards_recipients():
    sample = all_samples()["consolidation_decision"]()

    assert any("kết quả bầu" in line for line in sample.context["legal_bases"])
    assert sample.recipients[-1].startswith("Lưu: VT")
