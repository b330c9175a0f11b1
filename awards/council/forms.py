"""Input validation for the council screens. Writes go through ``awards.council.services``."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from awards.council.queries import awaiting_council, council_members
from blocs.enums import YearStatus
from blocs.membership.models import EmulationYear
from blocs.validators import validate_ratio
from thidua.accounts.queries import signers_of
from thidua.formtools import DateInput


class CouncilSessionForm(forms.Form):
    year = forms.ModelChoiceField(label=_("Year"), queryset=EmulationYear.objects.none())
    title = forms.CharField(label=_("Title"), max_length=255)
    meets_on = forms.DateField(label=_("Date"), widget=DateInput())
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    chair = forms.CharField(label=_("Chair"), max_length=150)
    secretary = forms.CharField(label=_("Secretary"), max_length=150)
    quorum_ratio = forms.DecimalField(
        label=_("Quorum"),
        max_digits=5,
        decimal_places=4,
        initial=Decimal("0.8"),
        localize=True,
        validators=[validate_ratio],
        help_text=_("Share of all members who must vote, in person or by a written opinion"),
    )
    nominations = forms.ModelMultipleChoiceField(
        label=_("Nominations"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].queryset = EmulationYear.objects.filter(
            organization=board, status=YearStatus.OPEN
        )
        self.fields["nominations"].queryset = awaiting_council(board)
        self.fields["nominations"].label_from_instance = lambda n: (
            f"{n.award_type.short_name}: {n.subject_label}"
        )


class BallotForm(forms.Form):
    """One "đồng ý" box per item of the session (unticked: "không đồng ý")."""

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        for item in items:
            self.fields[f"item_{item.pk}"] = forms.BooleanField(
                label=f"{item.nomination.award_type.short_name}: {item.nomination.subject_label}",
                required=False,
            )

    def approvals(self) -> dict[int, bool]:
        return {int(name.removeprefix("item_")): value for name, value in self.cleaned_data.items()}


class WrittenOpinionForm(BallotForm):
    """The written opinion of an absent member, recorded by the Board's officer."""

    def __init__(self, *args, items, board, **kwargs):
        super().__init__(*args, items=items, **kwargs)
        members = {m.pk: m for m in council_members(board)}
        self.members = members
        self.fields = {
            "member": forms.TypedChoiceField(
                label=_("Absent member"),
                coerce=int,
                choices=[(pk, m.full_name or m.email) for pk, m in members.items()],
            ),
            **self.fields,
        }

    def approvals(self) -> dict[int, bool]:
        return {
            int(name.removeprefix("item_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("item_")
        }


class BoardSignerForm(forms.Form):
    """The Board's signer a decision or a proposal goes to (the council's approvals end in one of them)."""

    signer = forms.ModelChoiceField(label=_("Signer"), queryset=None)

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signer"].queryset = signers_of(board)
        self.fields["signer"].label_from_instance = lambda user: user.full_name
