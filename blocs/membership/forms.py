"""Input validation for the membership screens. Writes go through the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from blocs.enums import MembershipRole
from blocs.membership.models import Bloc, BlocRegulation, Meeting
from blocs.membership.queries import active_blocs
from blocs.membership.rules import MAX_LEADER_TERM_YEARS, month_day
from blocs.membership.services.regulations import FIELDS as REGULATION_FIELDS
from blocs.register.models import Enterprise
from blocs.register.queries import active_enterprises
from blocs.validators import validate_ratio
from thidua.documents.uploads import PdfUploadValidator
from thidua.formtools import DateInput


class YearOpenForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    copy_previous = forms.BooleanField(
        label=_("Copy last year's blocs, members, roles and settings"), required=False, initial=True
    )


class YearSettingsForm(forms.Form):
    """The open year's settings; the service checks them again (clean_year_settings) before saving."""

    bloc_quorum_ratio = forms.DecimalField(
        label=_("Quorum of a bloc vote"),
        max_digits=5,
        decimal_places=4,
        localize=True,
        validators=[validate_ratio],
        help_text=_("Share of the members who must take part, e.g. 0.6667 for two thirds."),
    )
    bloc_vote_threshold_ratio = forms.DecimalField(
        label=_("Vote threshold"),
        max_digits=5,
        decimal_places=4,
        localize=True,
        validators=[validate_ratio],
        help_text=_("A candidate needs more than this share of the votes cast, e.g. 0.5."),
    )
    leader_term_years = forms.IntegerField(
        label=_("Leader's term (years)"), min_value=1, max_value=MAX_LEADER_TERM_YEARS
    )
    leader_consecutive_terms_allowed = forms.BooleanField(
        label=_("A leader may serve consecutive terms"), required=False
    )
    deputy_is_default_leader_candidate = forms.BooleanField(
        label=_("The deputy is the default candidate for leader"), required=False
    )
    enterprise_report_day = forms.IntegerField(
        label=_("Enterprise report day"),
        min_value=1,
        max_value=31,
        help_text=_("Day of the month by which enterprises report to the bloc."),
    )
    bloc_report_day = forms.IntegerField(
        label=_("Bloc report day"),
        min_value=1,
        max_value=31,
        help_text=_("Day of the month by which the bloc reports to the Board."),
    )
    objection_window_working_days = forms.IntegerField(
        label=_("Objection window (working days)"), min_value=1, max_value=31
    )
    dossier_deadline = forms.RegexField(
        label=_("Award dossier deadline"),
        regex=r"^\d{2}-\d{2}$",
        max_length=5,
        help_text=_("Month and day, MM-DD: 12-10 is 10 December."),
        error_messages={"invalid": _("Enter a date as MM-DD, e.g. 12-10.")},
    )

    def clean_dossier_deadline(self):
        return month_day(self.cleaned_data["dossier_deadline"])


class BlocForm(forms.ModelForm):
    class Meta:
        model = Bloc
        fields = ["code", "name", "description", "eligible_for_provincial_flag", "active"]


class AddMemberForm(forms.Form):
    enterprise = forms.ModelChoiceField(label=_("Enterprise"), queryset=Enterprise.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices, initial=MembershipRole.MEMBER)

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        # A plain select is fine for a Board's few hundred enterprises; the register search finds the rest.
        self.fields["enterprise"].queryset = active_enterprises(board)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class ApproveForm(forms.Form):
    bloc = forms.ModelChoiceField(label=_("Bloc"), queryset=Bloc.objects.none())

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bloc"].queryset = active_blocs(board)


class ApplicationForm(forms.Form):
    preferred_bloc = forms.ModelChoiceField(
        label=_("Preferred bloc"), queryset=Bloc.objects.none(), required=False
    )
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_bloc"].queryset = active_blocs(board)


def pdf_field(label) -> forms.FileField:
    """An optional PDF upload checked by the shared rules (size cap, extension, magic bytes)."""
    return forms.FileField(
        label=label,
        required=False,
        validators=[PdfUploadValidator()],
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
        help_text=_("PDF, at most 10 MB."),
    )


class MeetingForm(forms.ModelForm):
    file = pdf_field(_("Minutes (signed PDF)"))

    class Meta:
        model = Meeting
        fields = ["kind", "date", "place", "attendees", "attendees_text", "minutes", "file"]
        widgets = {"date": DateInput(), "attendees": forms.CheckboxSelectMultiple}

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = members


class ElectionForm(forms.Form):
    bloc = forms.ModelChoiceField(label=_("Bloc"), queryset=Bloc.objects.none())

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bloc"].queryset = active_blocs(board)


class BallotForm(forms.Form):
    candidates = forms.ModelMultipleChoiceField(
        label=_("Your choice"), queryset=None, widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidates"].queryset = session.candidates.order_by("position", "id")
        self.fields["candidates"].help_text = _("Choose at most %(count)d.") % {"count": session.max_choices}


class RegulationForm(forms.ModelForm):
    """A new version of the bloc's regulation; the service numbers it and keeps the old ones."""

    file = pdf_field(_("Adopted text (signed PDF)"))

    class Meta:
        model = BlocRegulation
        localized_fields = "__all__"
        fields = [*REGULATION_FIELDS, "file"]
        widgets = {
            "adopted_on": DateInput(),
            "text": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "quorum_ratio": _("Share of the members who must take part, e.g. 0.6667 for two thirds."),
            "vote_threshold_ratio": _("Share of the votes cast a candidate needs, e.g. 0.5 for a majority."),
            "enterprise_report_day": _("Day of the month by which enterprises report to the bloc."),
            "bloc_report_day": _("Day of the month by which the bloc reports to the Board."),
        }
