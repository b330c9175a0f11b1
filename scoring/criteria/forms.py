"""Input validation for the criteria screens; the services keep the rules."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from blocs.enums import YearStatus
from blocs.models import Bloc, EmulationYear
from blocs.pledges.queries import catalogue_for
from scoring.criteria.enums import CountSource, CriterionKind, Scale, ScoringMethod
from scoring.criteria.queries import meetings_for
from scoring.criteria.services import criterion_errors
from thidua.formtools import DateInput

POINTS = {"max_digits": 7, "decimal_places": 2, "min_value": Decimal(0)}
BAND = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%?\s*[:=]\s*(\d+(?:[.,]\d+)?)\s*$")


def _open_years(board):
    return EmulationYear.objects.filter(organization=board, status=YearStatus.OPEN).order_by("-year")


class SetCreateForm(forms.Form):
    year = forms.ModelChoiceField(label=_("Year"), queryset=EmulationYear.objects.none())
    bloc = forms.ModelChoiceField(
        label=_("Bloc"),
        queryset=Bloc.objects.none(),
        required=False,
        empty_label=_("The Board's default set"),
    )
    scale = forms.TypedChoiceField(label=_("Scale"), choices=Scale.choices, coerce=int, initial=Scale.HUNDRED)

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].queryset = _open_years(board)
        self.fields["bloc"].queryset = Bloc.objects.filter(organization=board, active=True).order_by("code")


class SetEditForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=255)
    scale = forms.TypedChoiceField(label=_("Scale"), choices=Scale.choices, coerce=int)


class GroupForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=10)
    name = forms.CharField(label=_("Name"), max_length=255)
    cap = forms.DecimalField(label=_("Cap of the group"), required=False, **POINTS)
    order = forms.IntegerField(label=_("Order"), min_value=0, max_value=999, initial=0)


class BandsField(forms.CharField):
    """Bands typed as “100: 10; 90: 8; 80: 6; 0: 3” (percent reached: points)."""

    def to_python(self, value):
        text = super().to_python(value)
        bands = []
        for part in filter(None, (p.strip() for p in re.split(r"[;\n]", text or ""))):
            match = BAND.match(part)
            if match is None:
                raise forms.ValidationError(
                    _("Write each band as “percent: points”, separated by semicolons.")
                )
            try:
                bands.append([Decimal(match[1].replace(",", ".")), Decimal(match[2].replace(",", "."))])
            except InvalidOperation as exc:  # pragma: no cover - the pattern admits only numbers
                raise forms.ValidationError(_("Enter numbers.")) from exc
        return bands


def bands_initial(bands) -> str:
    return "; ".join(
        f"{Decimal(str(low)).normalize():f}: {Decimal(str(points)).normalize():f}" for low, points in bands
    )


class CriterionForm(forms.Form):
    group = forms.ModelChoiceField(label=_("Group"), queryset=None)
    code = forms.CharField(label=_("Code"), max_length=10)
    text = forms.CharField(label=_("Criterion"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    kind = forms.ChoiceField(label=_("Kind"), choices=CriterionKind.choices)
    max_points = forms.DecimalField(
        label=_("Maximum points"),
        help_text=_("The standard score; for a bonus or a deduction its cap; 0 for an exclusion condition."),
        **POINTS,
    )
    method = forms.ChoiceField(label=_("Method"), choices=ScoringMethod.choices)
    indicator_code = forms.ChoiceField(label=_("Indicator"), required=False)
    bands = BandsField(
        label=_("Bands"),
        required=False,
        help_text=_("For a percentage: “100: 10; 90: 8; 80: 6; 0: 3” (percent reached: points)."),
    )
    count_source = forms.ChoiceField(
        label=_("Counted fact"), required=False, choices=[("", "—"), *CountSource.choices]
    )
    per_occurrence = forms.DecimalField(label=_("Points per occurrence"), required=False, **POINTS)
    evidence_required = forms.BooleanField(label=_("Evidence required"), required=False)
    order = forms.IntegerField(label=_("Order"), min_value=0, max_value=999, initial=0)

    def __init__(self, *args, criteria_set, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = criteria_set.groups.order_by("order", "code")
        self.fields["indicator_code"].choices = [
            ("", "—"),
            *(
                (i.code, f"{i.code} — {i.name}")
                for i in catalogue_for(criteria_set.organization).order_by("ordering", "code")
            ),
        ]

    def clean(self):
        data = super().clean()
        for field, message in criterion_errors(data).items():
            if field in self.fields and field not in self.errors:
                self.add_error(field, message)
        return data


def criterion_initial(criterion) -> dict:
    return {
        "group": criterion.group_id,
        "code": criterion.code,
        "text": criterion.text,
        "kind": criterion.kind,
        "max_points": criterion.max_points,
        "method": criterion.method,
        "indicator_code": criterion.indicator_code,
        "bands": bands_initial(criterion.bands),
        "count_source": criterion.count_source,
        "per_occurrence": criterion.per_occurrence,
        "evidence_required": criterion.evidence_required,
        "order": criterion.order,
    }


class AdoptForm(forms.Form):
    adopted_on = forms.DateField(label=_("Adopted on"), widget=DateInput)
    meeting = forms.ModelChoiceField(
        label=_("At the bloc's meeting"), queryset=None, required=False, empty_label=_("Not at a meeting")
    )
    note = forms.CharField(
        label=_("Vote or decision"),
        max_length=500,
        required=False,
        help_text=_("E.g. the vote of the members, or the Board's decision number."),
    )

    def __init__(self, *args, criteria_set, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings_for(criteria_set)
        if criteria_set.bloc_id is None:
            del self.fields["meeting"]


class CopyToBlocsForm(forms.Form):
    blocs = forms.ModelMultipleChoiceField(
        label=_("Blocs"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["blocs"].queryset = Bloc.objects.filter(organization=board, active=True).order_by("code")


class NewVersionForm(forms.Form):
    year = forms.ModelChoiceField(label=_("For the year"), queryset=None)

    def __init__(self, *args, criteria_set, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].queryset = _open_years(criteria_set.organization).filter(
            year__gte=criteria_set.year.year
        )
