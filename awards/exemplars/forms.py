"""Input validation for the exemplar screens."""

from django import forms
from django.utils.translation import gettext_lazy as _

from blocs.enums import YearStatus
from blocs.membership.models import EmulationYear
from blocs.register.models import Enterprise
from thidua.documents.uploads import PdfUploadValidator
from thidua.formtools import DateInput


class ExemplarForm(forms.Form):
    year = forms.ModelChoiceField(label=_("Year"), queryset=EmulationYear.objects.none())
    enterprise = forms.ModelChoiceField(label=_("Enterprise"), queryset=Enterprise.objects.none())
    person = forms.CharField(label=_("Person"), max_length=150)
    deed = forms.CharField(label=_("Deed"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    deed_on = forms.DateField(label=_("Date of the deed"), widget=DateInput())
    found_by = forms.CharField(label=_("Found by"), max_length=255)
    public = forms.BooleanField(label=_("Public"), required=False, initial=True)
    evidence = forms.FileField(label=_("Evidence (PDF)"), required=False, validators=[PdfUploadValidator()])

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].queryset = EmulationYear.objects.filter(
            organization=board, status=YearStatus.OPEN
        )
        self.fields["enterprise"].queryset = Enterprise.objects.filter(
            organization=board, active=True
        ).order_by("name")
