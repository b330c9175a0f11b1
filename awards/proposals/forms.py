"""Input validation for the proposal screens. Writes go through ``awards.proposals.services``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from awards.catalogue.models import AwardType
from awards.nominations.enums import NominationStatus
from awards.nominations.models import Nomination
from blocs.enums import YearStatus
from blocs.membership.models import EmulationYear
from thidua.documents.uploads import PdfUploadValidator
from thidua.formtools import DateInput


class ProposalForm(forms.Form):
    year = forms.ModelChoiceField(label=_("Year"), queryset=EmulationYear.objects.none())
    award_type = forms.ModelChoiceField(
        label=_("Award"), queryset=AwardType.objects.filter(deciding_level="PROVINCE", active=True)
    )
    nominations = forms.ModelMultipleChoiceField(
        label=_("Approved nominations"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].queryset = EmulationYear.objects.filter(
            organization=board, status=YearStatus.OPEN
        )
        self.fields["nominations"].queryset = (
            Nomination.objects.filter(
                organization=board,
                status=NominationStatus.APPROVED,
                award_type__deciding_level="PROVINCE",
                proposal_line__isnull=True,
            )
            .select_related("award_type", "enterprise")
            .order_by("award_type__sort_order", "pk")
        )
        self.fields["nominations"].label_from_instance = lambda n: (
            f"{n.award_type.short_name}: {n.subject_label}"
        )
        self.fields["award_type"].label_from_instance = lambda t: t.printed_name(board)


class ProvincialDecisionForm(forms.Form):
    number = forms.CharField(label=_("Number and symbol"), max_length=50, help_text=_("e.g. 125/QĐ-UBND"))
    decided_on = forms.DateField(label=_("Date"), widget=DateInput())
    signer = forms.CharField(label=_("Signed by"), max_length=150)
    file = forms.FileField(label=_("PDF of the decision"), validators=[PdfUploadValidator()])
    granted = forms.ModelMultipleChoiceField(
        label=_("Granted"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The nominations the province's decision names; the others were not granted"),
    )

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["granted"].queryset = Nomination.objects.filter(
            proposal_line__proposal=proposal
        ).select_related("enterprise")
        self.fields["granted"].label_from_instance = lambda n: n.subject_label
