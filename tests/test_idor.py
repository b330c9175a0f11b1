"""Zero IDOR (operations.md S2): every URL that takes an object id, for GET and POST, answers 404 to people of
another Board, whatever their role there. The cases come from the URLconf: a new URL with an id and no case
here fails this test until someone says which object of the other Board it should be tried on."""

import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from awards.blocvotes.services import create_bloc_vote
from awards.council.services import create_council_session
from awards.decisions.services import create_award_decision
from awards.models import Exemplar, ProvincialDecision
from awards.proposals.services import create_provincial_proposal
from blocs.enums import MembershipRole
from blocs.membership.services.elections import create_election
from scoring.criteria.models import Criterion
from scoring.criteria.services import create_default_set
from tests.factories.accounts import InvitationFactory
from tests.factories.awards import DossierDocumentFactory, NominationFactory, QuotaRuleFactory, award_type
from tests.factories.blocs import (
    BlocFactory,
    BlocMembershipFactory,
    BlocRegulationFactory,
    ConsolidationDecisionFactory,
    EmulationYearFactory,
    EnterpriseFactory,
    IndustrialParkFactory,
    MeetingFactory,
    MembershipApplicationFactory,
    enterprise_user,
)
from tests.factories.documents import NoticeFactory
from tests.factories.pledges import PledgeFactory, PledgeTemplateFactory
from tests.factories.scoring import (
    BlocReviewFactory,
    EnterpriseReportFactory,
    EvidenceFileFactory,
    ObjectionFactory,
    RankingFactory,
    ReportingPeriodFactory,
    ScorecardFactory,
    ScoreEntryFactory,
    ScoreEvidenceFactory,
)
from thidua.documents.models import LegalBasis, SignatureRequest
from thidua.documents.services import issue_document, submit_notice

pytestmark = pytest.mark.unit

# URLs whose key is an unguessable token handed out on purpose (public by design), not an object id.
TOKEN_URLS = {
    "accounts:password_reset_confirm",
    "accounts:invitation_accept",
    "documents:verify",
    "register:enterprise_import_preview",
    "register:enterprise_import_commit",
    "register:enterprise_import_cancel",
}


def url_names_with_ids() -> list[str]:
    names = []

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or None
                full = f"{namespace}:{inner}" if namespace and inner else (inner or namespace)
                walk(pattern.url_patterns, full)
            elif isinstance(pattern, URLPattern) and pattern.pattern.converters and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                if not name.startswith("admin:") and name not in TOKEN_URLS:
                    names.append(name)

    walk(get_resolver().url_patterns, None)
    return sorted(set(names))


class OtherBoard:
    """Lazily built objects of Board B, one per kind, shared by the URL cases of one test."""

    def __init__(self, world):
        self.world = world
        self.board = world.b.board
        self._cache = {}

    def _get(self, key, build):
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def year(self):
        return self._get("year", lambda: EmulationYearFactory(organization=self.board, year=2026))

    def bloc(self):
        return self._get("bloc", lambda: BlocFactory(organization=self.board))

    def membership(self):
        return self._get(
            "membership",
            lambda: BlocMembershipFactory(bloc=self.bloc(), year=self.year(), role=MembershipRole.LEADER),
        )

    def enterprise(self):
        return self._get("enterprise", lambda: EnterpriseFactory(organization=self.board))

    def template(self):
        return self._get(
            "template",
            lambda: PledgeTemplateFactory(organization=self.board, bloc=self.bloc(), year=self.year()),
        )

    def pledge(self):
        return self._get(
            "pledge", lambda: PledgeFactory(template=self.template(), enterprise=self.membership().enterprise)
        )

    def election(self):
        def build():
            leader = self.membership()
            enterprise_user(leader.enterprise)
            BlocMembershipFactory(bloc=self.bloc(), year=self.year())
            return create_election(
                bloc=self.bloc(),
                year=self.year(),
                office="LEADER",
                elects_for=2027,
                created_by=self.world.b.officer,
            )

        return self._get("election", build)

    def period(self):
        return self._get("period", lambda: ReportingPeriodFactory(year=self.year()))

    def report(self):
        return self._get(
            "report",
            lambda: EnterpriseReportFactory(
                period=self.period(), enterprise=self.membership().enterprise, bloc=self.bloc()
            ),
        )

    def review(self):
        return self._get("review", lambda: BlocReviewFactory(period=self.period(), bloc=self.bloc()))

    def document(self):
        return self._get(
            "document",
            lambda: issue_document(
                organization=self.board,
                kind="notice",
                doc_type="TB",
                title="Về việc tổ chức Hội nghị",
                template_name="pdf/notice.html",
                context={"audience": "", "paragraphs": ["Nội dung."]},
                requested_by=self.world.b.officer,
                issued_on=datetime.date(2026, 3, 2),
            ),
        )

    def signature_request(self):
        def build():
            notice = NoticeFactory(created_by=self.world.b.officer, signer=self.world.b.signer)
            submit_notice(notice=notice, submitted_by=self.world.b.officer)
            return SignatureRequest.objects.get(object_id=str(notice.pk))

        return self._get("signature_request", build)

    def criteria_set(self):
        return self._get(
            "criteria_set",
            lambda: create_default_set(year=self.year(), bloc=self.bloc(), created_by=self.world.b.officer),
        )

    def criterion(self):
        return self._get(
            "criterion", lambda: Criterion.objects.filter(group__criteria_set=self.criteria_set()).first()
        )

    def nomination(self):
        return self._get(
            "nomination",
            lambda: NominationFactory(
                year=self.year(),
                enterprise=self.membership().enterprise,
                bloc=self.bloc(),
                created_by=self.world.b.officer,
            ),
        )

    def council_session(self):
        def build():
            nomination = NominationFactory(
                year=self.year(),
                enterprise=self.membership().enterprise,
                bloc=self.bloc(),
                created_by=self.world.b.officer,
                status="COUNCIL_VOTING",
            )
            return create_council_session(
                year=self.year(),
                title="Phiên họp",
                meets_on=datetime.date(2026, 12, 5),
                chair="Chủ tọa",
                secretary="Thư ký",
                nominations=[nomination],
                created_by=self.world.b.officer,
            )

        return self._get("council_session", build)

    def award_decision(self):
        def build():
            nomination = NominationFactory(
                year=self.year(),
                enterprise=self.membership().enterprise,
                bloc=self.bloc(),
                created_by=self.world.b.officer,
                status="APPROVED",
            )
            return create_award_decision(
                year=self.year(),
                award_type=nomination.award_type,
                nominations=[nomination],
                created_by=self.world.b.officer,
            )

        return self._get("award_decision", build)

    def proposal(self):
        def build():
            nomination = NominationFactory(
                year=self.year(),
                enterprise=self.membership().enterprise,
                bloc=self.bloc(),
                created_by=self.world.b.officer,
                status="APPROVED",
                award_type=award_type("BK_CT_TINH"),
            )
            return create_provincial_proposal(
                year=self.year(),
                award_type=nomination.award_type,
                nominations=[nomination],
                created_by=self.world.b.officer,
            )

        return self._get("proposal", build)

    def provincial_decision(self):
        return self._get(
            "provincial_decision",
            lambda: ProvincialDecision.objects.create(
                proposal=self.proposal(),
                number="1/QĐ-UBND",
                decided_on=datetime.date(2026, 12, 20),
                signer="Chủ tịch",
                file="awards/provincial/x.pdf",
                recorded_by=self.world.b.officer,
            ),
        )

    def bloc_vote(self):
        def build():
            leader = self.membership()
            other = BlocMembershipFactory(bloc=self.bloc(), year=self.year())
            return create_bloc_vote(
                bloc=self.bloc(),
                year=self.year(),
                purpose="BINH_XET",
                award_type=award_type("GK_BQL"),
                candidates=[leader.enterprise, other.enterprise],
                achievement="Thành tích",
                created_by=self.world.b.officer,
            )

        return self._get("bloc_vote", build)

    def scorecard(self):
        return self._get(
            "scorecard",
            lambda: ScorecardFactory(
                year=self.year(),
                bloc=self.bloc(),
                enterprise=self.membership().enterprise,
                criteria_set=self.criteria_set(),
            ),
        )

    def score_entry(self):
        return self._get(
            "score_entry", lambda: ScoreEntryFactory(scorecard=self.scorecard(), criterion=self.criterion())
        )

    def ranking(self):
        return self._get("ranking", lambda: RankingFactory(year=self.year(), bloc=self.bloc()))

    def objection(self):
        return self._get(
            "objection", lambda: ObjectionFactory(ranking=self.ranking(), entry=self.score_entry())
        )

    def legal_basis(self):
        return self._get("legal_basis", lambda: LegalBasis.objects.filter(organization=self.board).first())


CASES = {
    "accounts:staff_toggle_active": lambda o: o.world.b.officer,
    "accounts:invitation_revoke": lambda o: InvitationFactory(
        organization=o.board, invited_by=o.world.b.admin
    ),
    "register:park_edit": lambda o: IndustrialParkFactory(organization=o.board),
    "register:enterprise_detail": OtherBoard.enterprise,
    "register:enterprise_edit": OtherBoard.enterprise,
    "membership:year_close": OtherBoard.year,
    "membership:bloc_detail": OtherBoard.bloc,
    "membership:bloc_edit": OtherBoard.bloc,
    "membership:member_add": OtherBoard.bloc,
    "membership:meeting_list": OtherBoard.bloc,
    "membership:meeting_create": OtherBoard.bloc,
    "membership:meeting_detail": lambda o: MeetingFactory(bloc=o.bloc()),
    "membership:meeting_file_download": lambda o: MeetingFactory(bloc=o.bloc(), file="blocs/meetings/x.pdf"),
    "membership:year_settings": OtherBoard.year,
    "membership:regulation_list": OtherBoard.bloc,
    "membership:regulation_create": OtherBoard.bloc,
    "membership:regulation_detail": lambda o: BlocRegulationFactory(bloc=o.bloc()),
    "membership:regulation_download": lambda o: BlocRegulationFactory(
        bloc=o.bloc(), file="blocs/regulations/x.pdf"
    ),
    "membership:membership_role": OtherBoard.membership,
    "membership:membership_withdraw": OtherBoard.membership,
    "membership:application_detail": lambda o: MembershipApplicationFactory(
        enterprise=o.enterprise(), year=o.year()
    ),
    "membership:application_approve": lambda o: MembershipApplicationFactory(
        enterprise=o.enterprise(), year=o.year()
    ),
    "membership:application_reject": lambda o: MembershipApplicationFactory(
        enterprise=o.enterprise(), year=o.year()
    ),
    "membership:my_application_withdraw": lambda o: MembershipApplicationFactory(
        enterprise=o.enterprise(), year=o.year()
    ),
    "membership:decision_detail": lambda o: ConsolidationDecisionFactory(organization=o.board, year=o.year()),
    "membership:decision_submit": lambda o: ConsolidationDecisionFactory(organization=o.board, year=o.year()),
    "membership:decision_delete": lambda o: ConsolidationDecisionFactory(organization=o.board, year=o.year()),
    "membership:election_detail": OtherBoard.election,
    "membership:election_open": OtherBoard.election,
    "membership:election_close": OtherBoard.election,
    "membership:election_confirm": OtherBoard.election,
    "membership:election_vote": OtherBoard.election,
    "membership:election_count": OtherBoard.election,
    "membership:election_consensus": OtherBoard.election,
    "membership:election_chair_decision": OtherBoard.election,
    "membership:election_next_round": OtherBoard.election,
    "membership:election_apply": OtherBoard.election,
    "membership:election_minutes": OtherBoard.election,
    "membership:election_create": OtherBoard.bloc,
    "membership:regulation_confirm": lambda o: BlocRegulationFactory(bloc=o.bloc(), status="PROPOSED"),
    "membership:regulation_return": lambda o: BlocRegulationFactory(bloc=o.bloc(), status="PROPOSED"),
    "documents:notice_detail": lambda o: NoticeFactory(created_by=o.world.b.officer, signer=o.world.b.signer),
    "documents:notice_submit": lambda o: NoticeFactory(created_by=o.world.b.officer, signer=o.world.b.signer),
    "documents:signature_detail": OtherBoard.signature_request,
    "documents:signature_sign": OtherBoard.signature_request,
    "documents:signature_return": OtherBoard.signature_request,
    "documents:signature_withdraw": OtherBoard.signature_request,
    "documents:legal_basis_edit": OtherBoard.legal_basis,
    "documents:legal_basis_delete": OtherBoard.legal_basis,
    "accounts:signer_settings": lambda o: o.world.b.signer,
    "documents:notice_edit": lambda o: NoticeFactory(created_by=o.world.b.officer, signer=o.world.b.signer),
    "documents:notice_delete": lambda o: NoticeFactory(created_by=o.world.b.officer, signer=o.world.b.signer),
    "documents:document_status": OtherBoard.document,
    "documents:document_download": OtherBoard.document,
    "documents:document_retry": OtherBoard.document,
    "pledges:template_detail": OtherBoard.template,
    "pledges:template_edit": OtherBoard.template,
    "pledges:template_submit": OtherBoard.template,
    "pledges:template_approve": OtherBoard.template,
    "pledges:template_return": OtherBoard.template,
    "pledges:template_close_signing": OtherBoard.template,
    "pledges:template_issue_joint": OtherBoard.template,
    "pledges:pledge_detail": OtherBoard.pledge,
    "pledges:pledge_edit": OtherBoard.pledge,
    "pledges:pledge_submit": OtherBoard.pledge,
    "pledges:pledge_return": OtherBoard.pledge,
    "pledges:pledge_accept": OtherBoard.pledge,
    "pledges:pledge_sign": OtherBoard.pledge,
    "pledges:pledge_amend": OtherBoard.pledge,
    "pledges:pledge_scan_upload": OtherBoard.pledge,
    "pledges:pledge_scan_download": OtherBoard.pledge,
    "scoring:period_status": OtherBoard.period,
    "scoring:period_edit": OtherBoard.period,
    "scoring:period_open": OtherBoard.period,
    "scoring:period_close": OtherBoard.period,
    "scoring:period_summary": OtherBoard.period,
    "scoring:period_export": OtherBoard.period,
    "scoring:board_review": OtherBoard.period,
    "scoring:board_review_submit": OtherBoard.period,
    "scoring:report_detail": OtherBoard.report,
    "scoring:report_edit": OtherBoard.report,
    "scoring:report_submit": OtherBoard.report,
    "scoring:report_return": OtherBoard.report,
    "scoring:report_accept": OtherBoard.report,
    "scoring:report_reopen": OtherBoard.report,
    "scoring:report_waive": OtherBoard.report,
    "scoring:evidence_upload": OtherBoard.report,
    "scoring:evidence_download": lambda o: EvidenceFileFactory(report=o.report()),
    "scoring:evidence_remove": lambda o: EvidenceFileFactory(report=o.report()),
    "scoring:review_detail": OtherBoard.review,
    "scoring:review_edit": OtherBoard.review,
    "scoring:review_submit": OtherBoard.review,
    "scoring:review_return": OtherBoard.review,
    "scoring:review_accept": OtherBoard.review,
    "scoring:review_publish": OtherBoard.review,
    "scoring:review_template": OtherBoard.review,
    "scoring:review_upload": OtherBoard.review,
    "criteria:criteria_set_detail": OtherBoard.criteria_set,
    "criteria:criteria_set_edit": OtherBoard.criteria_set,
    "criteria:criteria_set_delete": OtherBoard.criteria_set,
    "criteria:criteria_set_adopt": OtherBoard.criteria_set,
    "criteria:criteria_set_copy": OtherBoard.criteria_set,
    "criteria:criteria_set_new_version": OtherBoard.criteria_set,
    "criteria:group_add": OtherBoard.criteria_set,
    "criteria:group_edit": lambda o: o.criteria_set().groups.first(),
    "criteria:criterion_add": OtherBoard.criteria_set,
    "criteria:criterion_edit": OtherBoard.criterion,
    "criteria:criterion_remove": OtherBoard.criterion,
    "catalogue:quota_list": OtherBoard.year,
    "catalogue:quota_create": OtherBoard.year,
    "catalogue:quota_defaults": OtherBoard.year,
    "catalogue:quota_edit": lambda o: QuotaRuleFactory(year=o.year()),
    "catalogue:quota_delete": lambda o: QuotaRuleFactory(year=o.year()),
    "nominations:nomination_detail": OtherBoard.nomination,
    "nominations:nomination_eligibility": OtherBoard.nomination,
    "nominations:nomination_edit": OtherBoard.nomination,
    "nominations:nomination_document_upload": OtherBoard.nomination,
    "nominations:nomination_submit": OtherBoard.nomination,
    "nominations:nomination_review": OtherBoard.nomination,
    "nominations:nomination_return": OtherBoard.nomination,
    "nominations:nomination_council": OtherBoard.nomination,
    "nominations:nomination_investigation": OtherBoard.nomination,
    "nominations:dossier_document_download": lambda o: DossierDocumentFactory(nomination=o.nomination()),
    "nominations:dossier_document_remove": lambda o: DossierDocumentFactory(nomination=o.nomination()),
    "council:council_detail": OtherBoard.council_session,
    "council:council_open": OtherBoard.council_session,
    "council:council_vote": OtherBoard.council_session,
    "council:council_written": OtherBoard.council_session,
    "council:council_close": OtherBoard.council_session,
    "decisions:decision_detail": OtherBoard.award_decision,
    "decisions:decision_submit": OtherBoard.award_decision,
    "decisions:decision_certificates": OtherBoard.award_decision,
    "proposals:proposal_detail": OtherBoard.proposal,
    "blocvotes:bloc_vote_detail": OtherBoard.bloc_vote,
    "blocvotes:bloc_vote_open": OtherBoard.bloc_vote,
    "blocvotes:bloc_vote_ballot": OtherBoard.bloc_vote,
    "blocvotes:bloc_vote_close": OtherBoard.bloc_vote,
    "blocvotes:bloc_vote_next_round": OtherBoard.bloc_vote,
    "blocvotes:bloc_vote_conclude": OtherBoard.bloc_vote,
    "blocvotes:bloc_vote_create": OtherBoard.bloc,
    "nominations:enterprise_award_history": OtherBoard.enterprise,
    "nominations:nomination_revoke": OtherBoard.nomination,
    "nominations:year_award_list": OtherBoard.year,
    "exemplars:exemplar_propose": lambda o: Exemplar.objects.create(
        organization=o.board,
        year=o.year(),
        person="Lê Văn A",
        enterprise=o.enterprise(),
        deed="Cứu người",
        deed_on=datetime.date(2026, 5, 1),
        found_by="Công đoàn",
        created_by=o.world.b.officer,
    ),
    "nominations:year_award_export": OtherBoard.year,
    "proposals:proposal_submit": OtherBoard.proposal,
    "proposals:proposal_record": OtherBoard.proposal,
    "proposals:provincial_decision_download": OtherBoard.provincial_decision,
    "ranking:scorecard_detail": OtherBoard.scorecard,
    "ranking:scorecard_save": OtherBoard.scorecard,
    "ranking:scorecard_submit": OtherBoard.scorecard,
    "ranking:scorecard_return": OtherBoard.scorecard,
    "ranking:scorecard_findings": OtherBoard.scorecard,
    "ranking:score_evidence_upload": OtherBoard.scorecard,
    "ranking:score_evidence_download": lambda o: ScoreEvidenceFactory(entry=o.score_entry()),
    "ranking:score_evidence_remove": lambda o: ScoreEvidenceFactory(entry=o.score_entry()),
    "ranking:ranking_detail": OtherBoard.ranking,
    "ranking:ranking_publish": OtherBoard.ranking,
    "ranking:ranking_lock": OtherBoard.ranking,
    "ranking:ranking_tie_vote": OtherBoard.ranking,
    "ranking:objection_create": OtherBoard.ranking,
    "ranking:objection_answer": OtherBoard.objection,
    "ranking:objection_file": OtherBoard.objection,
    "ranking:policy_edit": OtherBoard.year,
}


def test_every_url_with_an_id_has_a_cross_board_case():
    missing = [name for name in url_names_with_ids() if name not in CASES]

    assert missing == [], f"add a case to tests/test_idor.py::CASES for {missing}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_people_of_another_board_get_404(world, client_for, name):
    other = OtherBoard(world)
    target = CASES[name](other)
    url = reverse(name, args=[target.pk])
    board_a_enterprise = EnterpriseFactory(organization=world.a.board)
    outsiders = [world.a.admin, world.a.officer, enterprise_user(board_a_enterprise)]

    statuses = {
        (outsider.email, method): getattr(client_for(outsider), method)(url).status_code
        for outsider in outsiders
        for method in ("get", "post")
    }

    assert {key: status for key, status in statuses.items() if status not in {404, 405}} == {}
    assert any(status == 404 for status in statuses.values())
