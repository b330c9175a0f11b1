"""Signing: only the representative, re-authentication, canonical fingerprint, tamper detection, one signature."""

import threading
import unicodedata
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections
from django.utils import translation

from blocs.pledges import fingerprint, services
from blocs.pledges.enums import PledgeStatus
from blocs.pledges.models import PledgeSignature, PledgeTarget
from tests.blocs.pledges.conftest import TEST_PASSWORD, accepted, make_pledge_world, signed
from tests.e2e.conftest import totp_code
from tests.factories.accounts import TOTPDeviceFactory

pytestmark = pytest.mark.unit


def test_representative_signs_and_fingerprint_matches_canonical_content(pw, world):
    signature = signed(pw, pw.member, pw.member_rep, world.a.officer)

    pledge = pw.pledge_of(pw.member)
    assert pledge.status == PledgeStatus.SIGNED
    assert signature.sha256 == fingerprint.sha256_hex(signature.canonical_json)
    assert '"tax_code":"' + pw.member.tax_code + '"' in signature.canonical_json
    assert signature.auth_method == "PASSWORD"
    assert signature.ip == "10.0.0.1"
    assert fingerprint.verify_pledge_signature(pledge).valid is True


def test_reporter_may_edit_but_not_sign(pw, world):
    pledge = accepted(pw, pw.member, pw.reporter, world.a.officer)

    with pytest.raises(ValidationError, match="representative"):
        services.sign_pledge(pledge=pledge, user=pw.reporter, password=TEST_PASSWORD, title="Kế toán")
    assert not PledgeSignature.objects.exists()


def test_representative_of_another_enterprise_cannot_sign(pw, world):
    pledge = accepted(pw, pw.member, pw.member_rep, world.a.officer)

    with pytest.raises(ValidationError):
        services.sign_pledge(pledge=pledge, user=pw.leader_rep, password=TEST_PASSWORD, title="Giám đốc")


def test_wrong_password_is_refused(pw, world):
    pledge = accepted(pw, pw.member, pw.member_rep, world.a.officer)

    with pytest.raises(ValidationError) as excinfo:
        services.sign_pledge(pledge=pledge, user=pw.member_rep, password="wrong", title="Giám đốc")
    assert "password" in excinfo.value.message_dict
    assert pw.pledge_of(pw.member).status == PledgeStatus.ACCEPTED


def test_missing_totp_is_refused_when_the_user_has_a_device(pw, world):
    device = TOTPDeviceFactory(user=pw.member_rep)
    pledge = accepted(pw, pw.member, pw.member_rep, world.a.officer)

    with pytest.raises(ValidationError):
        services.sign_pledge(pledge=pledge, user=pw.member_rep, password=TEST_PASSWORD, title="Giám đốc")
    signature = services.sign_pledge(
        pledge=pledge,
        user=pw.member_rep,
        password=TEST_PASSWORD,
        otp_token=totp_code(device),
        title="Giám đốc",
    )
    assert signature.auth_method == "PASSWORD_TOTP"


def test_wrong_totp_code_is_refused(pw, world):
    TOTPDeviceFactory(user=pw.member_rep)
    pledge = accepted(pw, pw.member, pw.member_rep, world.a.officer)

    with pytest.raises(ValidationError):
        services.sign_pledge(
            pledge=pledge, user=pw.member_rep, password=TEST_PASSWORD, otp_token="000000", title="Giám đốc"
        )
    assert not PledgeSignature.objects.exists()


def test_signed_content_cannot_be_edited(pw, world):
    signed(pw, pw.member, pw.member_rep, world.a.officer)
    pledge = pw.pledge_of(pw.member)

    with pytest.raises(ValidationError, match="can no longer be changed"):
        services.update_pledge(pledge=pledge, updated_by=pw.member_rep, targets=[], registrations=[])


def test_second_signature_of_the_same_version_is_refused(pw, world):
    pledge = accepted(pw, pw.member, pw.member_rep, world.a.officer)
    services.sign_pledge(pledge=pledge, user=pw.member_rep, password=TEST_PASSWORD, title="Giám đốc")

    with pytest.raises(ValidationError):
        services.sign_pledge(pledge=pledge, user=pw.member_rep, password=TEST_PASSWORD, title="Giám đốc")
    assert PledgeSignature.objects.filter(pledge=pledge).count() == 1


def test_raw_sql_edit_of_a_target_is_detected_and_names_the_pledge(pw, world, capsys):
    signed(pw, pw.member, pw.member_rep, world.a.officer)
    pledge = pw.pledge_of(pw.member)
    target = PledgeTarget.objects.filter(pledge=pledge).first()
    table = PledgeTarget._meta.db_table

    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET value = %s WHERE id = %s", [Decimal("999.0000"), target.pk])
    result = fingerprint.verify_pledge_signature(pledge)

    assert result.valid is False
    assert result.recomputed_sha256 != result.stored_sha256
    assert pw.member.name in result.label
    with pytest.raises(CommandError):
        call_command("verify_pledges")
    assert f"FAILED pledge {pledge.pk} {pw.member.name}" in capsys.readouterr().out


def test_verify_pledges_speaks_vietnamese_like_verify_audit(pw, world, capsys):
    signed(pw, pw.member, pw.member_rep, world.a.officer)
    pledge = pw.pledge_of(pw.member)
    target = PledgeTarget.objects.filter(pledge=pledge).first()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {PledgeTarget._meta.db_table} SET value = %s WHERE id = %s",
            [Decimal("1.0000"), target.pk],
        )

    with translation.override("vi"), pytest.raises(CommandError) as failure:
        call_command("verify_pledges")

    out = capsys.readouterr().out
    assert f"KHÔNG HỢP LỆ: giao ước {pledge.pk} {pw.member.name}" in out
    assert "0/1 chữ ký hợp lệ." in out
    assert str(failure.value) == "1 chữ ký giao ước không vượt qua kiểm tra."


def test_verify_pledges_passes_on_untouched_signatures(pw, world, capsys):
    signed(pw, pw.member, pw.member_rep, world.a.officer)
    signed(pw, pw.other, pw.other_rep, world.a.officer)

    call_command("verify_pledges")

    assert "2/2 signatures valid." in capsys.readouterr().out


def test_signatures_are_chained_per_board_and_year(pw, world):
    first = signed(pw, pw.member, pw.member_rep, world.a.officer)
    second = signed(pw, pw.other, pw.other_rep, world.a.officer)

    assert first.prev_hash == fingerprint.genesis_hash(world.a.board.pk, 2026)
    assert second.prev_hash == first.record_hash


def test_canonical_form_is_nfc_and_decimal_normalised():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Hồng")

    assert fingerprint.canonical_json({"b": decomposed, "a": Decimal("120.5000")}) == (
        '{"a":"120.5","b":"Nguyễn Văn Hồng"}'
    )
    assert fingerprint.decimal_string(Decimal("1.2E+3")) == "1200"


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_signing_requests_make_one_signature(world):
    pw = make_pledge_world(world)
    pledge = accepted(pw, pw.member, pw.member_rep, world.a.officer)
    outcomes: list[str] = []
    if connection.vendor != "postgresql":
        for _attempt in range(2):
            try:
                services.sign_pledge(
                    pledge=pledge, user=pw.member_rep, password=TEST_PASSWORD, title="Giám đốc"
                )
                outcomes.append("signed")
            except ValidationError:
                outcomes.append("refused")
    else:
        barrier = threading.Barrier(2)

        def attempt():
            try:
                barrier.wait(timeout=10)
                services.sign_pledge(
                    pledge=pledge, user=pw.member_rep, password=TEST_PASSWORD, title="Giám đốc"
                )
                outcomes.append("signed")
            except ValidationError:
                outcomes.append("refused")
            finally:
                connections.close_all()

        threads = [threading.Thread(target=attempt) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

    assert sorted(outcomes) == ["refused", "signed"]
    assert PledgeSignature.objects.filter(pledge=pledge).count() == 1
