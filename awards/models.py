"""Every model of the awards app (label "awards"), re-exported from the sub-domain that defines it."""

from awards.blocvotes.models import BlocVote
from awards.catalogue.models import AwardType, BaseSalary, DossierRequirement, QuotaRule
from awards.council.models import CouncilItem, CouncilSession
from awards.decisions.models import AwardDecision, AwardDecisionLine
from awards.exemplars.models import Exemplar
from awards.nominations.models import DossierDocument, Nomination, NominationTransition
from awards.proposals.models import ProvincialDecision, ProvincialProposal, ProvincialProposalLine

__all__ = [
    "AwardDecision",
    "AwardDecisionLine",
    "AwardType",
    "BaseSalary",
    "BlocVote",
    "CouncilItem",
    "CouncilSession",
    "DossierDocument",
    "DossierRequirement",
    "Exemplar",
    "Nomination",
    "NominationTransition",
    "ProvincialDecision",
    "ProvincialProposal",
    "ProvincialProposalLine",
    "QuotaRule",
]
