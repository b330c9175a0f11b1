"""Input validation for the membership screens. Writes go through the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from blocs.enums import ElectionOffice, MembershipRole
from blocs.membership.models import Bloc, BlocRegulation, Meeting
from blocs.membership.queries import active_blocs
from blocs.membership.rules import month_day
from blocs.membership.services.regulations import FIELDS as REGULATION_FIELDS
from blocs.register.models import Enterprise
from blocs.register.queries import active_enterprises
from blocs.validators import validate_ratio
from blocs.voting.enums import Counting, VotingMethod
from blocs.voting.models import Candidate
from thidua.accounts.models import User
from thidua.accounts.queries import signers_of
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
    leader_consecutive_terms_allowed = forms.BooleanField(
        label=_("A leader may serve consecutive terms"), required=False
    )
    deputy_is_default_leader_candidate = forms.BooleanField(
        label=_("The deputy is the default candidate for leader"),
        required=False,
        help_text=_(
            "The deputy heads the candidates of the leader election and, when no election chose next "
            "year's leader, leads next year."
        ),
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
    """A new election of a bloc: the office, the year it elects for, how the members decide, the meeting."""

    office = forms.ChoiceField(
        label=_("Office"), choices=ElectionOffice.choices, initial=ElectionOffice.LEADER
    )
    elects_for = forms.TypedChoiceField(label=_("Elects for the year"), coerce=int)
    method = forms.ChoiceField(label=_("Method"), choices=VotingMethod.choices, initial=VotingMethod.SECRET)
    counting = forms.ChoiceField(label=_("Counting"), choices=Counting.choices, initial=Counting.ONLINE)
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    chair = forms.CharField(label=_("Chair"), max_length=150, required=False)
    secretary = forms.CharField(label=_("Secretary"), max_length=150, required=False)
    others_present = forms.CharField(
        label=_("Others present"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line, e.g. the Board's officer attending."),
    )

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["elects_for"].choices = [(year + 1, str(year + 1)), (year, str(year))]
        self.fields["elects_for"].initial = year + 1


class BallotForm(forms.Form):
    """One candidate, or an explicit "không đồng ý" to all: a ballot is never blank by accident."""

    NONE = "none"
    choice = forms.ChoiceField(label=_("Your vote"), widget=forms.RadioSelect)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = {str(candidate.pk): candidate for candidate in candidates}
        self.fields["choice"].choices = [
            *((key, candidate.label) for key, candidate in self.candidates.items()),
            (self.NONE, _("I agree with none of the candidates")),
        ]

    def chosen(self) -> list[Candidate]:
        value = self.cleaned_data["choice"]
        return [] if value == self.NONE else [self.candidates[value]]


class _RoundIds:
    """Ids of a round's electors or candidates: the choices are shown when given (the page), and the
    voting engine, which reads the round anyway, checks the ids posted (no query here)."""

    def valid_value(self, value) -> bool:
        return True


class RoundIdsField(_RoundIds, forms.TypedMultipleChoiceField):
    pass


class RoundIdField(_RoundIds, forms.TypedChoiceField):
    pass


class _PresentForm(forms.Form):
    present = RoundIdsField(label=_("Members present"), coerce=int, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, voters=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [(voter.pk, voter.label) for voter in voters]


class PaperCountForm(_PresentForm):
    """The count made at the meeting: who attended, the ballots (secret vote) and the votes per candidate."""

    issued = forms.IntegerField(label=_("Ballots issued"), min_value=0, required=False)
    received = forms.IntegerField(label=_("Ballots received"), min_value=0, required=False)
    invalid = forms.IntegerField(label=_("Invalid ballots"), min_value=0, initial=0, required=False)

    def __init__(self, *args, candidates, secret: bool, voters=(), **kwargs):
        super().__init__(*args, voters=voters, **kwargs)
        self.candidates = list(candidates)
        if not secret:
            for name in ("issued", "received", "invalid"):
                del self.fields[name]
        for candidate in self.candidates:
            self.fields[f"votes_{candidate.pk}"] = forms.IntegerField(
                label=_("“Agree” votes for %(candidate)s") % {"candidate": candidate.label}, min_value=0
            )

    def votes(self) -> dict[int, int]:
        return {candidate.pk: self.cleaned_data[f"votes_{candidate.pk}"] for candidate in self.candidates}

    def ballots(self) -> dict:
        """The ballot counts given (empty ones take the service's defaults)."""
        return {
            name: self.cleaned_data[name]
            for name in ("issued", "received", "invalid")
            if name in self.fields and self.cleaned_data.get(name) is not None
        }


class ConsensusForm(_PresentForm):
    chosen = RoundIdField(label=_("Agreed by all present"), coerce=int, widget=forms.RadioSelect)

    def __init__(self, *args, voters=(), candidates=(), **kwargs):
        super().__init__(*args, voters=voters, **kwargs)
        self.fields["chosen"].choices = [(candidate.pk, candidate.label) for candidate in candidates]


class ChairDecisionForm(forms.Form):
    candidate = RoundIdField(label=_("The chair's decision"), coerce=int, widget=forms.RadioSelect)
    note = forms.CharField(label=_("Grounds (as the regulation provides)"), max_length=500, required=False)

    def __init__(self, *args, tied=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidate"].choices = [(candidate.pk, candidate.label) for candidate in tied]


class NextRoundForm(forms.Form):
    method = forms.ChoiceField(label=_("Method"), choices=VotingMethod.choices)
    counting = forms.ChoiceField(label=_("Counting"), choices=Counting.choices)


class DelegateForm(forms.Form):
    """One of the enterprise's reporters (``links``: its EnterpriseUser rows, user joined, already loaded)."""

    delegate = forms.TypedChoiceField(label=_("Delegate"), coerce=int)

    def __init__(self, *args, links, **kwargs):
        super().__init__(*args, **kwargs)
        self.users = {link.user_id: link.user for link in links}
        self.fields["delegate"].choices = [
            (user.pk, f"{user.full_name} ({user.email})") for user in self.users.values()
        ]

    def clean_delegate(self):
        return self.users[self.cleaned_data["delegate"]]


class RegulationForm(forms.ModelForm):
    """A new version of the bloc's regulation, as the members agreed to it; the service numbers it and keeps
    the old ones."""

    file = pdf_field(_("Adopted text (signed PDF)"))
    agreed_members = forms.ModelMultipleChoiceField(
        label=_("Members who agreed"),
        queryset=Enterprise.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

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

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreed_members"].queryset = members


class DecisionSignerForm(forms.Form):
    """Who signs the consolidation decision: one of the Board's signers (their position gives the prefix)."""

    signer = forms.ModelChoiceField(
        label=_("Signer"),
        queryset=User.objects.none(),
        help_text=_("The Board leader who signs it; the number is taken when they sign."),
    )

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signer"].queryset = signers_of(board)
        self.fields["signer"].label_from_instance = lambda user: user.full_name
