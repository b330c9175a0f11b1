"""Input validation for the decision screens. Writes go through ``awards.decisions.services``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from awards.catalogue.models import AwardType
from awards.decisions.queries import approved_for_decision
from blocs.enums import YearStatus
from blocs.membership.models import EmulationYear


class AwardDecisionForm(forms.Form):
    year = forms.ModelChoiceField(label=_("Year"), queryset=EmulationYear.objects.none())
    award_type = forms.ModelChoiceField(
        label=_("Award"), queryset=AwardType.objects.filter(deciding_level="BOARD", active=True)
    )
    nominations = forms.ModelMultipleChoiceField(
        label=_("Approved nominations"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].queryset = EmulationYear.objects.filter(
            organization=board, status=YearStatus.OPEN
        )
        self.fields["nominations"].queryset = approved_for_decision(board)
        self.fields["nominations"].label_from_instance = lambda n: (
            f"{n.award_type.short_name}: {n.subject_label}"
        )
        self.fields["award_type"].label_from_instance = lambda t: t.printed_name(board)
