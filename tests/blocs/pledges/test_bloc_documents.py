"""The joint pledge is the bloc's document and a covenant (domain.md §17.1, §17.5): the bloc's letterhead and
register, the Board's pledge abbreviation, signed in the bloc's name by the leader's representative once they
have signed; every commitment accepted by every signatory; a signature table of every member unit; only
titles registrable, each for its subjects."""

import pytest
from django.core.exceptions import ValidationError

from blocs.pledges import services
from blocs.pledges.forms import RegistrationForm
from blocs.pledges.models import PledgeTemplate
from tests.blocs.pledges.conftest import accepted, make_pledge_world, signed
from tests.factories.accounts import TEST_PASSWORD
from thidua.documents.models import NumberSequence
from thidua.documents.rendering import render_html

pytestmark = pytest.mark.unit


def _everyone_signs(pw, world):
    for enterprise, rep in ((pw.leader, pw.leader_rep), (pw.member, pw.member_rep), (pw.other, pw.other_rep)):
        signed(pw, enterprise, rep, world.a.officer)
    pw.template.refresh_from_db()
    return pw.template.joint_document


def test_the_joint_pledge_is_numbered_in_the_blocs_own_register_under_the_blocs_letterhead(pw, world):
    document = _everyone_signs(pw, world)

    html = " ".join(render_html(document).replace("\u00a0", " ").split())
    assert document.register == f"bloc:{pw.bloc.pk}"
    assert (document.number, document.symbol) == (1, f"GƯTĐ-{pw.bloc.code}")
    assert document.letterhead["parent_body_line"] == world.a.board.name.upper()
    assert document.letterhead["issuing_body_line"] == pw.bloc.name.upper()
    assert not NumberSequence.objects.filter(register="").exists()  # the Board's register is untouched
    assert f"Số: 01/GƯTĐ-{pw.bloc.code}" in html
    assert f"{world.a.board.name} (b/c);" in document.recipients
    assert not any("Ban Quản lý các KCN (b/c)" in line for line in document.recipients)


def test_each_bloc_numbers_from_01_and_the_abbreviation_is_the_boards_setting(pw, world):
    world.a.board.pledge_doc_type = "BTT"
    world.a.board.save(update_fields=["pledge_doc_type"])
    second = make_pledge_world(world, name_prefix="Hai ", year=pw.template.year)

    first_document = _everyone_signs(pw, world)
    second_document = _everyone_signs(second, world)

    assert (first_document.number, second_document.number) == (1, 1)
    assert first_document.symbol == f"BTT-{pw.bloc.code}"
    assert second_document.symbol == f"BTT-{second.bloc.code}"


def test_signed_in_the_blocs_name_by_the_leaders_representative(pw, world):
    document = _everyone_signs(pw, world)

    assert (document.signer_prefix, document.signer_authority, document.signer_title) == (
        "TM.",
        "Khối thi đua",
        "Khối trưởng",
    )
    assert document.signer_name == pw.leader_rep.full_name


def test_not_issued_before_the_leaders_representative_has_signed(pw, world):
    signed(pw, pw.member, pw.member_rep, world.a.officer)

    with pytest.raises(ValidationError, match="leader's representative has not signed"):
        services.close_signing(template=pw.template, closed_by=world.a.officer)

    template = PledgeTemplate.objects.get(pk=pw.template.pk)
    assert template.joint_document is None and template.signing_closed_at is None


def test_every_signatory_accepts_every_commitment_of_the_bloc(pw, world):
    signature = signed(pw, pw.member, pw.member_rep, world.a.officer)

    document = _everyone_signs_rest(pw, world)
    content = signature.canonical_json
    assert all(commitment in content for commitment in pw.template.commitments)
    assert document.context["commitments"] == pw.template.commitments


def _everyone_signs_rest(pw, world):
    for enterprise, rep in ((pw.leader, pw.leader_rep), (pw.other, pw.other_rep)):
        signed(pw, enterprise, rep, world.a.officer)
    pw.template.refresh_from_db()
    return pw.template.joint_document


def test_the_signature_table_lists_every_member_unit(pw, world):
    signed(pw, pw.leader, pw.leader_rep, world.a.officer)
    signed(pw, pw.member, pw.member_rep, world.a.officer)

    document = services.close_signing(template=pw.template, closed_by=world.a.officer)

    rows = {row["enterprise"]: row for row in document.context["signatories"]}
    assert set(rows) == {pw.leader.name, pw.member.name, pw.other.name}
    assert rows[pw.other.name]["signed_at"] == "Chưa ký" and rows[pw.other.name]["fingerprint"] == ""
    assert rows[pw.member.name]["representative"] == pw.member_rep.full_name
    assert len(rows[pw.member.name]["fingerprint"]) == 12


@pytest.mark.parametrize(
    ("subject", "award"),
    [
        ("INDIVIDUAL", "CO_TINH"),  # an individual cannot strive for the provincial flag
        ("COLLECTIVE", "CSTDCS"),  # a collective cannot be a grassroots emulation fighter
        ("COLLECTIVE", "BK_CT_TINH"),  # a certificate of merit is proposed, never registered
        ("INDIVIDUAL", "GK_BQL"),  # nor a certificate of commendation
    ],
)
def test_only_titles_a_subject_admits_can_be_registered(pw, subject, award):
    pledge = pw.pledge_of(pw.member)

    with pytest.raises(ValidationError):
        services.update_pledge(
            pledge=pledge,
            updated_by=pw.member_rep,
            targets=[],
            registrations=[services.RegistrationInput(subject, "Nguyễn Văn A", award)],
        )

    assert not pledge.registrations.exists()


def test_titles_for_their_subjects_are_registered(pw):
    pledge = services.update_pledge(
        pledge=pw.pledge_of(pw.member),
        updated_by=pw.member_rep,
        targets=[],
        registrations=[
            services.RegistrationInput("COLLECTIVE", pw.member.name, "CO_TINH"),
            services.RegistrationInput("INDIVIDUAL", "Nguyễn Văn A", "CSTDCS"),
            services.RegistrationInput("INDIVIDUAL", "Trần Thị B", "LDTT"),
        ],
    )

    assert sorted(pledge.registrations.values_list("award_code", flat=True)) == ["CO_TINH", "CSTDCS", "LDTT"]


def test_the_registration_form_offers_titles_only():
    form = RegistrationForm(
        data={"subject_kind": "INDIVIDUAL", "name": "Nguyễn Văn A", "award_code": "CO_TINH"}
    )

    offered = {code for code, _label in RegistrationForm().fields["award_code"].choices}
    assert offered == {"CO_TINH", "TTLDXS", "TTLDTT", "CSTDCS", "LDTT"}
    assert not form.is_valid() and "award_code" in form.errors


def test_a_member_accepted_pledge_still_signs_the_whole_covenant(pw, world):
    pledge = accepted(pw, pw.member, pw.member_rep, world.a.officer)
    type(pledge).objects.filter(pk=pledge.pk).update(ticked_commitments=[])  # a draft made before the change

    signature = services.sign_pledge(
        pledge=pledge, user=pw.member_rep, password=TEST_PASSWORD, title="Giám đốc"
    )

    assert all(commitment in signature.canonical_json for commitment in pw.template.commitments)
