"""Every model of the blocs app (label "blocs"), re-exported from the sub-domain that defines it.

Django loads this module to register the app's models; code may import a model from here or from its
sub-domain (``blocs.register.models``, ``blocs.membership.models``, ``blocs.pledges.models``,
``blocs.voting.models``). Nothing but this list lives here.
"""

from blocs.membership.models import (
    Bloc,
    BlocMembership,
    BlocRegulation,
    ConsolidationDecision,
    Delegation,
    Election,
    EmulationYear,
    Meeting,
    MembershipApplication,
)
from blocs.pledges.models import (
    Indicator,
    Pledge,
    PledgeReminder,
    PledgeSignature,
    PledgeSignatureScan,
    PledgeTarget,
    PledgeTemplate,
    PledgeTransition,
    TitleRegistration,
)
from blocs.register.models import Enterprise, EnterpriseUser, IndustrialPark
from blocs.voting.models import Ballot, BallotChoice, Candidate, EligibleVoter, VotingSession

__all__ = [
    "Ballot",
    "BallotChoice",
    "Bloc",
    "BlocMembership",
    "BlocRegulation",
    "Candidate",
    "ConsolidationDecision",
    "Delegation",
    "Election",
    "EligibleVoter",
    "EmulationYear",
    "Enterprise",
    "EnterpriseUser",
    "Indicator",
    "IndustrialPark",
    "Meeting",
    "MembershipApplication",
    "Pledge",
    "PledgeReminder",
    "PledgeSignature",
    "PledgeSignatureScan",
    "PledgeTarget",
    "PledgeTemplate",
    "PledgeTransition",
    "TitleRegistration",
    "VotingSession",
]
