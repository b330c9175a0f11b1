"""What the awards app answers to the platform's extension signals: its document kinds and sample documents.
(The award decision's signed/returned receivers live with its service, ``awards.decisions.services``.)"""

from awards.council import documents as council_documents
from awards.decisions import documents as decision_documents
from awards.proposals import documents as proposal_documents
from thidua.documents.kinds import DocumentKind


def document_kinds(**kwargs) -> list[DocumentKind]:
    return [
        decision_documents.AWARD_DECISION_KIND,
        proposal_documents.PROPOSAL_KIND,
        DocumentKind(code=council_documents.KIND, label="Biên bản họp Hội đồng Thi đua - Khen thưởng"),
    ]


def document_samples(**kwargs) -> dict:
    return {
        decision_documents.KIND: decision_documents.sample_award_decision,
        council_documents.KIND: council_documents.sample_council_minutes,
        proposal_documents.KIND: proposal_documents.sample_provincial_proposal,
    }
