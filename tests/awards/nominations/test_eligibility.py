import pytest

from awards.nominations.eligibility import FAIL, INFO, PASS, UNKNOWN, Facts, QuotaUse, Ranking, evaluate

pytestmark = pytest.mark.unit


def facts(**changes) -> Facts:
    values = {
        "award_code": "GK_BQL",
        "award_name": "Giấy khen",
        "subject_kind": "ENTERPRISE",
        "subject_label": "Công ty CP Ván dán Hồng Ngọc",
        "admits_subject": True,
        "nominable_level": True,
        "year": 2025,
        "year_open": True,
        "under_investigation": False,
    }
    return Facts(**(values | changes))


def states(evaluation) -> dict[str, str]:
    return {c.code: c.state for c in evaluation.conditions}


def test_a_clean_nomination_passes_every_condition():
    evaluation = evaluate(facts())

    assert evaluation.passes
    assert states(evaluation) == {
        "subject": PASS,
        "level": PASS,
        "year_open": PASS,
        "investigation": PASS,
        "duplicate": PASS,
        "quota": PASS,
        "dossier": PASS,
    }


def test_under_investigation_blocks_with_the_note():
    evaluation = evaluate(facts(under_investigation=True, investigation_note="Đang thanh tra thuế"))

    [failure] = evaluation.failures
    assert (failure.code, failure.detail) == ("investigation", "Đang thanh tra thuế")


def test_a_subject_the_award_does_not_admit_is_refused():
    evaluation = evaluate(facts(admits_subject=False, subject_kind="INDIVIDUAL", award_name="Cờ thi đua"))

    assert [c.detail for c in evaluation.failures] == ["Cờ thi đua is not given to this kind of subject."]


def test_the_flag_needs_an_eligible_bloc_and_waits_for_the_ranking():
    evaluation = evaluate(
        facts(award_code="CO_TINH", is_flag=True, has_bloc=True, bloc_eligible_for_flag=False)
    )

    assert states(evaluation)["flag_bloc"] == FAIL
    assert states(evaluation)["flag_ranking"] == UNKNOWN
    assert [c.code for c in evaluation.failures] == ["flag_bloc"]


@pytest.mark.parametrize(
    ("ranking", "state"), [(Ranking(1, False), PASS), (Ranking(2, False), FAIL), (Ranking(1, True), FAIL)]
)
def test_the_flag_goes_only_to_the_first_non_vetoed_member(ranking, state):
    evaluation = evaluate(facts(is_flag=True, has_bloc=True, bloc_eligible_for_flag=True, ranking=ranking))

    assert states(evaluation)["flag_ranking"] == state


def test_two_consecutive_years_read_from_history_and_ad_hoc_awards_are_not_counted():
    evaluation = evaluate(facts(years_of_excellence=2, excellent_years=frozenset({2024}), ignored_ad_hoc=1))

    history = next(c for c in evaluation.conditions if c.code == "history")
    assert (history.state, history.blocking) == (INFO, False)
    assert history.detail == (
        "Years with excellent task completion on record: 2024 of 2023, 2024. "
        "1 ad-hoc or thematic awards are not counted (Decree 152/2025, Art. 4)."
    )
    assert evaluation.passes


def test_two_consecutive_years_on_record_pass():
    evaluation = evaluate(facts(years_of_excellence=2, excellent_years=frozenset({2023, 2024})))

    assert states(evaluation)["history"] == PASS


def test_a_full_quota_blocks_and_says_whose_rule_it_is():
    evaluation = evaluate(facts(quotas=(QuotaUse("Giấy khen — KTĐ1", False, 2, 2),)))

    [failure] = evaluation.failures
    assert failure.detail == "Giấy khen — KTĐ1: 2 of 2 taken (the Board's policy)."


def test_the_last_place_of_a_quota_can_be_taken():
    evaluation = evaluate(facts(quotas=(QuotaUse("Cờ thi đua — KTĐ1", True, 0, 1),)))

    assert states(evaluation)["quota"] == PASS


def test_a_missing_document_is_named():
    evaluation = evaluate(facts(missing_documents=("Tax compliance confirmation",)))

    assert [c.detail for c in evaluation.failures] == ["Missing: Tax compliance confirmation."]
