"""Input validation for the bloc vote screens. Writes go through ``awards.blocvotes.services``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from awards.catalogue.models import AwardType
from blocs.enums import MembershipStatus, YearStatus
from blocs.membership.models import EmulationYear
from blocs.register.models import Enterprise
from blocs.voting.enums import VotingPurpose


class BlocVoteForm(forms.Form):
    year = forms.ModelChoiceField(label=_("Year"), queryset=EmulationYear.objects.none())
    purpose = forms.ChoiceField(
        label=_("Vote"),
        choices=[
            (VotingPurpose.SUY_TON, VotingPurpose.SUY_TON.label),
            (VotingPurpose.BINH_XET, VotingPurpose.BINH_XET.label),
        ],
    )
    award_type = forms.ModelChoiceField(
        label=_("Award"),
        queryset=AwardType.objects.filter(
            active=True, admits_enterprise=True, deciding_level__in=("BOARD", "PROVINCE")
        ),
    )
    candidates = forms.ModelMultipleChoiceField(
        label=_("Candidates"), queryset=Enterprise.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    achievement = forms.CharField(
        label=_("Achievement"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The phrase of the nominations the vote proposes"),
    )
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    chair = forms.CharField(label=_("Chair"), max_length=150, required=False)
    secretary = forms.CharField(label=_("Secretary"), max_length=150, required=False)

    def __init__(self, *args, bloc, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].queryset = EmulationYear.objects.filter(
            organization_id=bloc.organization_id, status=YearStatus.OPEN
        )
        self.fields["candidates"].queryset = (
            Enterprise.objects.filter(
                memberships__bloc=bloc,
                memberships__status=MembershipStatus.ACTIVE,
                memberships__year__status=YearStatus.OPEN,
            )
            .distinct()
            .order_by("name")
        )


class UnitBallotForm(forms.Form):
    def __init__(self, *args, candidates, max_choices: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_choices = max_choices
        self.fields["chosen"] = forms.MultipleChoiceField(
            label=_("Your choice (at most %(n)d)") % {"n": max_choices},
            choices=[(c.pk, c.label) for c in candidates],
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
