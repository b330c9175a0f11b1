import pytest
from django.core.exceptions import ValidationError

from blocs.validators import tax_code_check_digit, validate_tax_code, with_check_digit
from thidua.search import search_key

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "code",
    [
        "0300588569",  # Vinamilk
        "0101248141",  # FPT
        "0100109106",  # Viettel
        "0100107370",  # Petrolimex: remainder 10 gives check digit 0
        "0100233488",
        "0314409058-002",  # a branch
    ],
)
def test_validate_tax_code_accepts_real_codes(code):
    validate_tax_code(code)


@pytest.mark.parametrize(
    ("code", "error_code"),
    [
        ("0300588560", "tax_code_checksum"),
        ("0101248142", "tax_code_checksum"),
        ("030058856", "tax_code_format"),
        ("03005885690", "tax_code_format"),
        ("0300588569-02", "tax_code_format"),
        ("0300588569-000", "tax_code_format"),
        ("03OO588569", "tax_code_format"),
        ("", "tax_code_format"),
        ("0100000000", "tax_code_format"),
    ],
)
def test_validate_tax_code_rejects_bad_codes(code, error_code):
    with pytest.raises(ValidationError) as excinfo:
        validate_tax_code(code)

    assert excinfo.value.code == error_code


def test_tax_code_check_digit_is_none_when_remainder_is_zero():
    prefix = next(f"42{n:07d}" for n in range(1000) if tax_code_check_digit(f"42{n:07d}") is None)

    assert with_check_digit(prefix) is None


def test_with_check_digit_builds_valid_code():
    validate_tax_code(with_check_digit("030058856"))

    assert with_check_digit("030058856") == "0300588569"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Công ty Cổ phần Ván dán Hồng Ngọc", "cong ty co phan van dan hong ngoc"),
        ("ĐẮK LẮK  Đông Bắc", "dak lak dong bac"),
        ("Lechenwood", "lechenwood"),
    ],
)
def test_search_key_strips_accents(text, key):
    assert search_key(text) == key
