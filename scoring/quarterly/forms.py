"""Input validation for the quarterly screens; the services do the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from blocs.enums import YearStatus
from blocs.models import EmulationYear
from blocs.pledges.enums import IndicatorKind
from scoring.quarterly.enums import ReviewKind
from scoring.quarterly.models import BoardReview
from scoring.quarterly.periods import OPTIONAL_REVIEW_QUARTERS
from scoring.quarterly.services.board_reviews import TEXT_FIELDS as BOARD_TEXT_FIELDS
from scoring.quarterly.services.reports import ValueInput
from scoring.quarterly.services.reviews import TEXT_FIELDS
from scoring.quarterly.ytd import may_enter_ytd, ytd_rule
from thidua.accounts.models import User
from thidua.accounts.queries import signers_of
from thidua.documents.uploads import PdfUploadValidator
from thidua.formtools import DateInput

NUMBER_ATTRS = {"class": "form-control form-control-sm text-end", "inputmode": "decimal"}



class SummaryFilterForm(forms.Form):
    """The consolidated table's filter: one park of the Board (an id; another Board's is a 404)."""

    park = forms.IntegerField(label=_("Industrial park"), min_value=1, max_value=2**31 - 1, required=False)

class PeriodSetupForm(forms.Form):
    year = forms.ModelChoiceField(label=_("Year"), queryset=EmulationYear.objects.none())

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].queryset = EmulationYear.objects.filter(
            organization=board, status=YearStatus.OPEN
        ).order_by("-year")


class PeriodForm(forms.Form):
    review_kind = forms.ChoiceField(label=_("Bloc report"), choices=ReviewKind.choices)
    enterprise_deadline = forms.DateField(label=_("Enterprise report deadline"), widget=DateInput)
    bloc_deadline = forms.DateField(label=_("Bloc report deadline"), widget=DateInput)

    def __init__(self, *args, period, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "review_kind": period.review_kind,
                "enterprise_deadline": period.enterprise_deadline,
                "bloc_deadline": period.bloc_deadline,
            },
        )
        super().__init__(*args, **kwargs)
        if period.kind in OPTIONAL_REVIEW_QUARTERS:
            allowed = (ReviewKind.QUARTER, ReviewKind.EXTRA_REVIEW)
        else:
            allowed = (period.review_kind,)
        self.fields["review_kind"].choices = [(k, ReviewKind(k).label) for k in allowed]


class YesNoField(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            choices=[("", "—"), ("1", _("Yes")), ("0", _("No"))],
            coerce=Decimal,
            empty_value=None,
            **kwargs,
        )


CODE_RE = re.compile(r"[A-Z0-9_]{1,20}")


@dataclass(frozen=True)
class PostedIndicator:
    """An indicator code as posted by the report form (``ReportForm.for_post``)."""

    code: str
    with_ytd: bool
    kind: str = IndicatorKind.NUMERIC
    name: str = ""
    unit: str = ""


class ReportForm(forms.Form):
    """One row per indicator: a figure (or yes / no), "not applicable", and the year-to-date where the
    indicator's rule lets the enterprise type it; the report's remarks.

    ``indicators`` make the fields (enough to read a POST); ``sheet`` (``queries.report_sheet``) gives the
    initial values and what the page shows beside each field.
    """

    note = forms.CharField(label=_("Remarks"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(
        self, *args, indicators, sheet=None, start_from: dict | None = None, report_note: str = "", **kwargs
    ):
        self.indicators = list(indicators)
        self.sheet = sheet or []
        self.started_from = bool(start_from)
        if sheet is not None:
            kwargs.setdefault("initial", self._initial(sheet, start_from or {}, report_note))
        super().__init__(*args, **kwargs)
        for indicator in self.indicators:
            code = indicator.code
            label = f"{indicator.code} — {indicator.name} ({indicator.unit})"
            if indicator.kind == IndicatorKind.YES_NO:
                self.fields[f"value_{code}"] = YesNoField(
                    label=label,
                    required=False,
                    widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
                )
            else:
                self.fields[f"value_{code}"] = forms.DecimalField(
                    label=label,
                    max_digits=18,
                    decimal_places=4,
                    required=False,
                    localize=True,
                    widget=forms.TextInput(attrs=NUMBER_ATTRS),
                )
            self.fields[f"na_{code}"] = forms.BooleanField(
                label=_("Not applicable"),
                required=False,
                widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
            )
            if isinstance(indicator, PostedIndicator):
                with_ytd = indicator.with_ytd
            else:
                with_ytd = may_enter_ytd(ytd_rule(indicator))
            if with_ytd:
                self.fields[f"ytd_{code}"] = forms.DecimalField(
                    label=_("Year to date"),
                    max_digits=18,
                    decimal_places=4,
                    required=False,
                    localize=True,
                    widget=forms.TextInput(attrs=NUMBER_ATTRS),
                )

    @classmethod
    def for_post(cls, data) -> ReportForm:
        """A form that reads a POST of the report form without the catalogue: one number field per
        ``value_<CODE>`` and ``ytd_<CODE>`` posted, one box per code (the service knows the indicators)."""
        codes = sorted({key[6:] for key in data if key.startswith("value_") and CODE_RE.fullmatch(key[6:])})
        indicators = [PostedIndicator(code, with_ytd=f"ytd_{code}" in data) for code in codes]
        return cls(data, indicators=indicators)

    @staticmethod
    def _initial(sheet, start_from: dict, report_note: str) -> dict:
        initial = {"note": report_note}
        for row in sheet:
            code, entry = row.code, row.entry
            source = entry or start_from.get(row.indicator.pk)
            if source is not None:
                value = source.value
                if row.indicator.kind == IndicatorKind.YES_NO and value is not None:
                    value = str(int(value))  # the choice "1" / "0"
                initial[f"value_{code}"] = value
                initial[f"na_{code}"] = source.not_applicable
            if entry is not None and entry.ytd_entered:
                initial[f"ytd_{code}"] = entry.ytd_value
        return initial

    def rows(self):
        for row in self.sheet:
            code = row.code
            ytd = self[f"ytd_{code}"] if f"ytd_{code}" in self.fields else None
            yield row, self[f"value_{code}"], self[f"na_{code}"], ytd

    def values(self) -> list[ValueInput]:
        data = self.cleaned_data
        return [
            ValueInput(
                code=indicator.code,
                value=data.get(f"value_{indicator.code}"),
                not_applicable=bool(data.get(f"na_{indicator.code}")),
                ytd=data.get(f"ytd_{indicator.code}"),
            )
            for indicator in self.indicators
        ]


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("PDF file"), validators=[PdfUploadValidator()])
    label = forms.CharField(label=_("Description"), max_length=200, required=False)


class ReviewForm(forms.Form):
    def __init__(self, *args, review, **kwargs):
        kwargs.setdefault("initial", {name: getattr(review, name) for name in TEXT_FIELDS})
        super().__init__(*args, **kwargs)
        for name in TEXT_FIELDS:
            model_field = review._meta.get_field(name)
            self.fields[name] = forms.CharField(
                label=model_field.verbose_name,
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )


class BoardReviewForm(forms.Form):
    """The Board's report: its signer and the text of parts I to IV (part I's tables are computed)."""

    signer = forms.ModelChoiceField(
        label=_("Signer"),
        queryset=User.objects.none(),
        help_text=_("The Board leader who signs it; the number is taken when they sign."),
    )

    def __init__(self, *args, review: BoardReview | None, board, **kwargs):
        if review is not None:
            initial = {name: getattr(review, name) for name in BOARD_TEXT_FIELDS}
            kwargs.setdefault("initial", {**initial, "signer": review.signer_id})
        super().__init__(*args, **kwargs)
        self.fields["signer"].queryset = signers_of(board)
        self.fields["signer"].label_from_instance = lambda user: user.full_name
        for name in BOARD_TEXT_FIELDS:
            self.fields[name] = forms.CharField(
                label=BoardReview._meta.get_field(name).verbose_name,
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Excel workbook (.xlsx)"))
