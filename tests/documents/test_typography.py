import pytest

from thidua.documents.typography import NBSP, keep_together, keep_together_in

pytestmark = pytest.mark.unit


def joined(text: str) -> str:
    return text.replace(NBSP, "_")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("các doanh nghiệp trong khu công nghiệp", "các doanh nghiệp trong khu_công_nghiệp"),
        ("KHU CÔNG NGHIỆP TỈNH THÁI NGUYÊN", "KHU_CÔNG_NGHIỆP TỈNH THÁI NGUYÊN"),
        ("khu công nghiệp Thanh Bình, tỉnh Thái Nguyên", "khu_công_nghiệp_Thanh_Bình, tỉnh_Thái_Nguyên"),
        ("KCN Thanh Bình", "KCN_Thanh_Bình"),
        ("ông Nguyễn Thị Hồng Ngọc ký", "ông Nguyễn_Thị_Hồng_Ngọc ký"),
        ("ngày 05 tháng 01 năm 2026", "ngày_05 tháng_01 năm_2026"),
        ("Nghị định số 152/2025/NĐ-CP", "Nghị định số_152/2025/NĐ-CP"),
        ("Điều 1. Tặng", "Điều_1. Tặng"),
        ("Hội trường Ban Quản lý", "Hội trường Ban_Quản_lý"),
        # A sentence ends after "Nam.": the next capitalised word starts a new run.
        ("Việt Nam. Đề nghị", "Việt_Nam. Đề nghị"),
        # Five capitalised words: at most four are kept together, so a line is never forced too wide.
        ("An Bình Chánh Đông Hòa", "An_Bình_Chánh_Đông Hòa"),
        ("", ""),
    ],
)
def test_keep_together(text, expected):
    assert joined(keep_together(text)) == expected


def test_extra_place_names_in_any_case():
    text = "TRƯỞNG BAN QUẢN LÝ KHU KINH TẾ TỈNH ĐẮK LẮK"

    assert joined(keep_together(text, phrases=("Đắk Lắk", "TỈNH ĐẮK LẮK"))) == (
        "TRƯỞNG BAN_QUẢN_LÝ KHU_KINH_TẾ TỈNH_ĐẮK_LẮK"
    )


def test_keep_together_in_walks_the_context_but_not_its_keys():
    context = {"Thái Nguyên": ["khu công nghiệp", {"name": "Lechenwood Việt Nam"}], "n": 5}

    result = keep_together_in(context)

    assert result == {
        "Thái Nguyên": [f"khu{NBSP}công{NBSP}nghiệp", {"name": f"Lechenwood{NBSP}Việt{NBSP}Nam"}],
        "n": 5,
    }
