from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from awards.enums import DocumentType, QuotaKind, QuotaScope, SubjectKind
from awards.nominations.enums import NominationStatus, ProposedBy
from awards.nominations.models import DossierDocument, Nomination
from awards.nominations.services.nominations import (
    add_document,
    eligibility_of,
    propose_nomination,
    remove_document,
    return_nomination,
    send_to_council,
    set_investigation,
    start_review,
    submit_nomination,
    update_nomination,
)
from tests.awards.nominations.conftest import complete_dossier, pdf_upload
from tests.factories.awards import NominationFactory, QuotaRuleFactory, award_type
from tests.factories.blocs import BlocFactory, BlocMembershipFactory, EmulationYearFactory, EnterpriseFactory
from thidua.audit.models import AuditEvent
from thidua.notifications.models import Notification

pytestmark = pytest.mark.unit

ACHIEVEMENT = "Đã có thành tích xuất sắc trong phong trào thi đua năm 2025"


def propose(aw, user, enterprise, code="GK_BQL", kind=SubjectKind.ENTERPRISE, **values):
    return propose_nomination(
        year=aw.year,
        award_type=award_type(code),
        subject_kind=kind,
        enterprise=enterprise,
        proposed_by=user,
        achievement=values.pop("achievement", ACHIEVEMENT),
        **values,
    )


def test_the_origin_follows_who_proposes(world, aw):
    by_board = propose(aw, world.a.officer, aw.member)
    by_leader = propose(aw, aw.leader_rep, aw.other, code="BK_CT_TINH")
    by_enterprise = propose(
        aw, aw.member_rep, aw.member, kind=SubjectKind.INDIVIDUAL, subject_name="Lê Thị Hoa"
    )

    assert [by_board.proposed_by, by_leader.proposed_by, by_enterprise.proposed_by] == [
        ProposedBy.BOARD,
        ProposedBy.BLOC,
        ProposedBy.ENTERPRISE,
    ]
    assert (by_board.bloc, by_board.status) == (aw.bloc, NominationStatus.PROPOSED)


def test_an_enterprise_may_not_propose_another(aw):
    with pytest.raises(ValidationError) as refused:
        propose(aw, aw.member_rep, aw.other)

    assert refused.value.code == "not_proposer"
    assert Nomination.objects.count() == 0


def test_an_individual_needs_a_name_and_keeps_the_direct_worker_flag(world, aw):
    with pytest.raises(ValidationError) as refused:
        propose(aw, world.a.officer, aw.member, kind=SubjectKind.INDIVIDUAL)

    person = propose(
        aw,
        world.a.officer,
        aw.member,
        kind=SubjectKind.INDIVIDUAL,
        subject_name="Lê Thị Hoa",
        position="Công nhân may",
        direct_worker=True,
    )

    assert refused.value.message_dict == {"subject_name": ["Name the sub-unit or the person."]}
    assert (person.subject_label, person.direct_worker) == (f"Lê Thị Hoa ({aw.member.name})", True)


@pytest.mark.parametrize(
    ("code", "kind"), [("CO_TINH", SubjectKind.INDIVIDUAL), ("LDTT", SubjectKind.INDIVIDUAL)]
)
def test_an_award_that_does_not_admit_the_subject_is_refused(world, aw, code, kind):
    with pytest.raises(ValidationError):
        propose(aw, world.a.officer, aw.member, code=code, kind=kind, subject_name="Lê Thị Hoa")

    assert Nomination.objects.count() == 0


def test_the_first_document_starts_the_dossier_and_is_checked_as_a_pdf(world, aw):
    nomination = propose(aw, world.a.officer, aw.member)
    bad = SimpleUploadedFile("x.pdf", b"<html>not a pdf</html>", content_type="application/pdf")

    with pytest.raises(ValidationError) as refused:
        add_document(
            nomination=nomination,
            document_type=DocumentType.TO_TRINH,
            upload=bad,
            uploaded_by=world.a.officer,
        )
    add_document(
        nomination=nomination,
        document_type=DocumentType.TO_TRINH,
        upload=pdf_upload(),
        uploaded_by=world.a.officer,
    )

    nomination.refresh_from_db()
    assert "file" in refused.value.message_dict
    assert (nomination.status, nomination.documents.count()) == (NominationStatus.DOSSIER_IN_PROGRESS, 1)


def test_an_incomplete_dossier_cannot_be_submitted_and_names_what_is_missing(world, aw):
    nomination = propose(aw, world.a.officer, aw.member)
    add_document(
        nomination=nomination,
        document_type=DocumentType.TO_TRINH,
        upload=pdf_upload(),
        uploaded_by=world.a.officer,
    )

    with pytest.raises(ValidationError) as refused:
        submit_nomination(nomination=nomination, submitted_by=world.a.officer)

    assert "Tax compliance confirmation" in refused.value.messages[0]
    assert Nomination.objects.get(pk=nomination.pk).status == NominationStatus.DOSSIER_IN_PROGRESS


def test_a_complete_dossier_is_submitted_audited_and_announced_to_the_board(world, aw):
    nomination = propose(aw, aw.member_rep, aw.member)
    complete_dossier(nomination, aw.member_rep)

    submitted = submit_nomination(nomination=nomination, submitted_by=aw.member_rep)

    assert submitted.status == NominationStatus.SUBMITTED
    assert {c["code"] for c in submitted.eligibility} >= {"subject", "quota", "dossier"}
    assert AuditEvent.objects.filter(action="nomination.submitted", object_id=str(nomination.pk)).exists()
    assert set(Notification.objects.values_list("user__email", flat=True)) == {
        world.a.admin.email,
        world.a.officer.email,
    }


def test_a_reporter_may_not_submit(world, aw):
    from tests.factories.blocs import enterprise_user

    reporter = enterprise_user(aw.member, role="REPORTER")
    nomination = propose(aw, aw.member_rep, aw.member)
    complete_dossier(nomination, reporter)

    with pytest.raises(ValidationError) as refused:
        submit_nomination(nomination=nomination, submitted_by=reporter)

    assert refused.value.code == "not_proposer"


def test_the_quota_is_checked_at_submission(world, aw):
    QuotaRuleFactory(year=aw.year, award_type=award_type("GK_BQL"), kind=QuotaKind.COUNT, value=Decimal(1))
    first = propose(aw, world.a.officer, aw.member)
    complete_dossier(first, world.a.officer)
    submit_nomination(nomination=first, submitted_by=world.a.officer)
    second = propose(aw, world.a.officer, aw.other)
    complete_dossier(second, world.a.officer)

    with pytest.raises(ValidationError) as refused:
        submit_nomination(nomination=second, submitted_by=world.a.officer)

    assert "Giấy khen — KTĐ1: 1 of 1 taken (the Board's policy)" in refused.value.messages[0]


def test_the_flag_is_one_per_eligible_bloc_by_law(world, aw):
    QuotaRuleFactory(
        year=aw.year,
        award_type=award_type("CO_TINH"),
        kind=QuotaKind.COUNT,
        value=Decimal(1),
        eligible_blocs_only=True,
        source="LAW",
    )
    aw.bloc.eligible_for_provincial_flag = False
    aw.bloc.save()
    nomination = propose(aw, world.a.officer, aw.leader, code="CO_TINH")

    evaluation = eligibility_of(nomination, check_dossier=False)

    assert {c.code for c in evaluation.failures} == {"flag_bloc", "quota"}


def test_a_quota_for_one_bloc_does_not_touch_another(world, aw):
    other_bloc = BlocFactory(organization=world.a.board)
    elsewhere = BlocMembershipFactory(bloc=other_bloc, year=aw.year).enterprise
    QuotaRuleFactory(
        year=aw.year,
        award_type=award_type("GK_BQL"),
        scope=QuotaScope.ONE_BLOC,
        bloc=aw.bloc,
        kind=QuotaKind.COUNT,
        value=Decimal(0),
    )
    nomination = propose(aw, world.a.officer, elsewhere)

    evaluation = eligibility_of(nomination, check_dossier=False)

    assert evaluation.passes


def test_two_years_of_excellence_are_read_from_the_history(world, aw):
    for year in (2023, 2024):
        NominationFactory(
            year=EmulationYearFactory(organization=world.a.board, year=year),
            enterprise=aw.member,
            award_type=award_type("TTLDXS"),
            status=NominationStatus.DECIDED_EXTERNAL,
        )
    NominationFactory(
        year=EmulationYearFactory(organization=world.a.board, year=2024),
        enterprise=aw.member,
        award_type=award_type("KT_DOT_XUAT"),
        status=NominationStatus.DECIDED,
    )
    nomination = propose(aw, world.a.officer, aw.member, code="BK_CT_TINH")

    history = next(c for c in eligibility_of(nomination).conditions if c.code == "history")

    assert history.state == "PASS"
    assert "1 ad-hoc or thematic awards are not counted" in history.detail


def test_under_investigation_stops_the_council(world, aw):
    nomination = propose(aw, world.a.officer, aw.member)
    complete_dossier(nomination, world.a.officer)
    submit_nomination(nomination=nomination, submitted_by=world.a.officer)
    start_review(nomination=nomination, reviewed_by=world.a.officer)
    set_investigation(nomination=nomination, flagged=True, note="Đang thanh tra", set_by=world.a.officer)

    with pytest.raises(ValidationError) as refused:
        send_to_council(nomination=nomination, sent_by=world.a.officer)
    set_investigation(nomination=nomination, flagged=False, note="", set_by=world.a.officer)
    sent = send_to_council(nomination=nomination, sent_by=world.a.officer)

    assert "Đang thanh tra" in refused.value.messages[0]
    assert sent.status == NominationStatus.COUNCIL_VOTING


def test_return_needs_a_reason_and_reopens_the_dossier(world, aw):
    nomination = propose(aw, aw.member_rep, aw.member)
    complete_dossier(nomination, aw.member_rep)
    submit_nomination(nomination=nomination, submitted_by=aw.member_rep)

    with pytest.raises(ValidationError):
        return_nomination(nomination=nomination, returned_by=world.a.officer, reason=" ")
    returned = return_nomination(nomination=nomination, returned_by=world.a.officer, reason="Thiếu chữ ký")
    updated = update_nomination(nomination=returned, updated_by=aw.member_rep, achievement="Thành tích mới")

    assert (updated.status, updated.return_reason, updated.achievement) == (
        NominationStatus.RETURNED,
        "Thiếu chữ ký",
        "Thành tích mới",
    )
    assert Notification.objects.filter(user=aw.member_rep, message__contains="Thiếu chữ ký").exists()


def test_a_submitted_dossier_is_frozen(world, aw):
    nomination = propose(aw, world.a.officer, aw.member)
    complete_dossier(nomination, world.a.officer)
    submit_nomination(nomination=nomination, submitted_by=world.a.officer)
    document = DossierDocument.objects.filter(nomination=nomination).first()

    with pytest.raises(ValidationError) as edited:
        update_nomination(nomination=nomination, updated_by=world.a.officer, achievement="Khác")
    with pytest.raises(ValidationError) as removed:
        remove_document(document=document, removed_by=world.a.officer)

    assert [edited.value.code, removed.value.code] == ["not_editable", "not_editable"]


def test_a_decided_nomination_is_immutable(world, aw):
    nomination = NominationFactory(year=aw.year, enterprise=aw.member, status=NominationStatus.DECIDED)

    with pytest.raises(ValidationError):
        update_nomination(nomination=nomination, updated_by=world.a.officer, achievement="Khác")
    with pytest.raises(ValidationError):
        set_investigation(nomination=nomination, flagged=True, note="x", set_by=world.a.officer)
    with pytest.raises(ValidationError):
        add_document(
            nomination=nomination, document_type="KHAC", upload=pdf_upload(), uploaded_by=world.a.officer
        )

    assert Nomination.objects.get(pk=nomination.pk).achievement == nomination.achievement


def test_an_enterprise_of_another_board_is_refused(world, aw):
    with pytest.raises(ValidationError) as refused:
        propose(aw, world.a.officer, EnterpriseFactory(organization=world.b.board))

    assert refused.value.code == "other_board"


def test_a_decided_award_is_revoked_by_a_later_decision(world, aw):
    from awards.nominations.services.nominations import revoke_award

    nomination = NominationFactory(year=aw.year, enterprise=aw.member, status=NominationStatus.DECIDED)
    proposed = NominationFactory(year=aw.year, enterprise=aw.other)

    with pytest.raises(ValidationError):
        revoke_award(nomination=nomination, decision="", reason="", revoked_by=world.a.officer)
    with pytest.raises(ValidationError):
        revoke_award(
            nomination=proposed, decision="QĐ 20/QĐ-BQL", reason="Kê khai sai", revoked_by=world.a.officer
        )
    revoked = revoke_award(
        nomination=nomination,
        decision="Quyết định số 20/QĐ-BQL ngày 10/03/2026",
        reason="Kê khai không trung thực",
        revoked_by=world.a.officer,
    )

    assert (revoked.status, revoked.revoked_by) == (
        NominationStatus.REVOKED,
        "Quyết định số 20/QĐ-BQL ngày 10/03/2026",
    )
