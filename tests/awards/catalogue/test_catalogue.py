import datetime

import pytest

from awards.catalogue.queries import base_salary_on, money_for, nominable_award_types, required_documents
from awards.enums import AwardCategory, DecidingLevel, SubjectKind
from tests.factories.awards import award_type

pytestmark = pytest.mark.unit


def test_the_catalogue_is_seeded_with_titles_and_forms(db):
    codes = {
        code: (award_type(code).category, award_type(code).deciding_level)
        for code in ("CO_TINH", "BK_CT_TINH", "TTLDXS", "GK_BQL", "LDTT")
    }

    assert codes == {
        "CO_TINH": (AwardCategory.TITLE, DecidingLevel.PROVINCE),
        "BK_CT_TINH": (AwardCategory.FORM, DecidingLevel.PROVINCE),
        "TTLDXS": (AwardCategory.TITLE, DecidingLevel.PROVINCE),
        "GK_BQL": (AwardCategory.FORM, DecidingLevel.BOARD),
        "LDTT": (AwardCategory.TITLE, DecidingLevel.ENTERPRISE),
    }


def test_printed_names_carry_the_boards_province_and_name(world):
    board = world.a.board
    board.place_name = "Thái Nguyên"

    flag = award_type("CO_TINH").printed_name(board)
    certificate = award_type("GK_BQL").printed_name(board)

    assert flag == "Cờ thi đua của Ủy ban nhân dân tỉnh Thái Nguyên"
    assert certificate == f"Giấy khen của Trưởng {board.name}"


def test_subjects_admitted(db):
    flag, merit = award_type("CO_TINH"), award_type("BK_CT_TINH")

    assert [flag.admits(kind) for kind in SubjectKind.values] == [True, False, False]
    assert [merit.admits(kind) for kind in SubjectKind.values] == [True, True, True]


def test_ad_hoc_awards_do_not_count_towards_merit(db):
    assert award_type("KT_DOT_XUAT").counts_towards_merit is False
    assert award_type("GK_BQL").counts_towards_merit is True


def test_the_flag_needs_eighty_percent_of_the_council(db):
    flag = award_type("CO_TINH")

    assert (str(flag.council_threshold), flag.council_threshold_inclusive) == ("0.8000", True)


def test_an_enterprise_dossier_requires_the_compliance_confirmations(db):
    documents = required_documents(award_type("BK_CT_TINH"), SubjectKind.ENTERPRISE)

    assert {
        "XAC_NHAN_THUE",
        "XAC_NHAN_BHXH",
        "XAC_NHAN_PCCC",
        "XAC_NHAN_MOI_TRUONG",
        "XAC_NHAN_ATVSLD",
    } <= set(documents)
    assert "XAC_NHAN_THUE" not in required_documents(award_type("BK_CT_TINH"), SubjectKind.INDIVIDUAL)


def test_only_board_and_provincial_awards_are_nominated(db):
    codes = set(nominable_award_types().values_list("code", flat=True))

    assert codes == {"CO_TINH", "BK_CT_TINH", "TTLDXS", "GK_BQL", "KT_DOT_XUAT"}


def test_base_salary_in_force_on_the_decision_date(db):
    before = base_salary_on(datetime.date(2026, 6, 30)).amount
    after = base_salary_on(datetime.date(2026, 7, 1)).amount

    assert (before, after) == (2_340_000, 2_530_000)


def test_money_for_a_collective_certificate_on_a_date(db):
    amount = money_for(award_type("GK_BQL"), SubjectKind.ENTERPRISE, datetime.date(2026, 1, 15))

    assert amount == 1_410_000
