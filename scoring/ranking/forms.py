"""Input validation for the scoring screens; the services keep the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from blocs.enums import YearStatus
from blocs.models import Bloc, EmulationYear
from scoring.criteria.enums import CriterionKind
from scoring.ranking.enums import (
    Classification,
    CompletionLevel,
    Confirmation,
    ScoreRound,
    ScoringPeriod,
    TieBreak,
)
from scoring.ranking.services.scorecards import ScoreInput
from thidua.documents.uploads import PdfUploadValidator

POINTS = {"max_digits": 7, "decimal_places": 2}
NUMBER_ATTRS = {"class": "form-control form-control-sm text-end", "inputmode": "decimal"}


class BlocPeriodForm(forms.Form):
    """Open scoring, or compute a ranking: a bloc, an open year, a period."""

    bloc = forms.ModelChoiceField(label=_("Bloc"), queryset=Bloc.objects.none())
    year = forms.ModelChoiceField(label=_("Year"), queryset=EmulationYear.objects.none())
    period = forms.ChoiceField(label=_("Period"), choices=ScoringPeriod.choices)

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bloc"].queryset = Bloc.objects.filter(organization=board, active=True).order_by("code")
        self.fields["year"].queryset = EmulationYear.objects.filter(
            organization=board, status=YearStatus.OPEN
        ).order_by("-year")


class ScoresForm(forms.Form):
    """One round's values: ``value_<criterion id>``, ``reason_<id>`` (cross and verified; self when changing a
    value already entered), ``note_<id>`` (self)."""

    def __init__(self, *args, entries, round_: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round_
        self.entries = entries
        field = {
            ScoreRound.SELF: "self_value",
            ScoreRound.CROSS: "cross_value",
            ScoreRound.VERIFIED: "verified_value",
        }[round_]
        for entry in entries:
            cid = entry.criterion_id
            initial = getattr(entry, field)
            if initial is None and round_ != ScoreRound.SELF:
                initial = entry.final_value
            self.fields[f"value_{cid}"] = forms.DecimalField(
                label=entry.criterion.code,
                required=False,
                initial=initial,
                widget=forms.NumberInput(attrs={**NUMBER_ATTRS, "step": "0.01"}),
                **POINTS,
            )
            self.fields[f"reason_{cid}"] = forms.CharField(label=_("Reason"), required=False, max_length=1000)
            if round_ == ScoreRound.SELF:
                self.fields[f"note_{cid}"] = forms.CharField(
                    label=_("Comment"), required=False, max_length=1000, initial=entry.self_note
                )

    def rows(self):
        """(entry, value field, reason field, note field) per entry, for the template."""
        for entry in self.entries:
            cid = entry.criterion_id
            yield (
                entry,
                self[f"value_{cid}"],
                self[f"reason_{cid}"],
                (self[f"note_{cid}"] if self.round == ScoreRound.SELF else None),
            )

    def inputs(self) -> list[ScoreInput]:
        data = self.cleaned_data
        return [
            ScoreInput(
                criterion_id=entry.criterion_id,
                value=data.get(f"value_{entry.criterion_id}"),
                note=data.get(f"note_{entry.criterion_id}", ""),
                reason=data.get(f"reason_{entry.criterion_id}", ""),
            )
            for entry in self.entries
        ]


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class EvidenceForm(forms.Form):
    entry = forms.ModelChoiceField(label=_("Criterion"), queryset=None)
    file = forms.FileField(label=_("PDF file"), validators=[PdfUploadValidator()])
    label = forms.CharField(label=_("Description"), max_length=200, required=False)

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].queryset = entries
        self.fields["entry"].label_from_instance = lambda e: (
            f"{e.criterion.code}{' *' if e.criterion.evidence_required else ''} — {e.criterion.text[:70]}"
        )


class FindingsForm(forms.Form):
    discipline_flag = forms.BooleanField(
        label=_(
            "Under discipline, investigation, inspection with signs of violation or unresolved complaints"
        ),
        help_text=_("ND 152/2025 Art. 4(4): no award or proposal while this holds."),
        required=False,
    )
    discipline_note = forms.CharField(label=_("Finding"), required=False, max_length=2000)
    confirmations = forms.MultipleChoiceField(
        label=_("Confirmations received"),
        choices=Confirmation.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class ObjectionForm(forms.Form):
    entry = forms.ModelChoiceField(label=_("Criterion"), queryset=None)
    text = forms.CharField(label=_("Objection"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
    file = forms.FileField(label=_("Evidence (PDF)"), required=False, validators=[PdfUploadValidator()])

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].queryset = entries
        self.fields["entry"].label_from_instance = lambda e: f"{e.criterion.code} — {e.criterion.text[:80]}"


class AnswerForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=_("Answer"),
        choices=[("1", _("Accept with a new score")), ("0", _("Reject"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    new_value = forms.DecimalField(label=_("New score"), required=False, **POINTS)
    answer = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class TieVoteForm(forms.Form):
    scorecard = forms.IntegerField(widget=forms.HiddenInput)
    votes = forms.IntegerField(label=_("Votes"), min_value=0, max_value=100000)


class WhatIfForm(forms.Form):
    """A changed score of one member for one criterion (the Board's what-if)."""

    scorecard = forms.TypedChoiceField(label=_("Member"), coerce=int, choices=())
    criterion = forms.TypedChoiceField(label=_("Criterion"), coerce=int, choices=())
    value = forms.DecimalField(label=_("Score"), **POINTS)

    def __init__(self, *args, rows, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scorecard"].choices = [(row.scorecard_id, row.enterprise.name) for row in rows]
        self.fields["criterion"].choices = [
            (c.pk, f"{c.code} — {c.text[:60]}") for c in criteria if c.kind != CriterionKind.VETO
        ]


class PolicyForm(forms.Form):
    """The Board's ranking rules of a year (domain.md §17.6: policy, not law)."""

    def __init__(self, *args, policy, **kwargs):
        super().__init__(*args, **kwargs)
        bands = dict(policy.bands)
        for code, label in Classification.choices:
            if code != Classification.WEAK:
                self.fields[f"band_{code}"] = forms.DecimalField(
                    label=_("%(class)s from (%% of the scale)") % {"class": label},
                    initial=bands.get(code),
                    min_value=0,
                    max_value=100,
                    decimal_places=1,
                )
            self.fields[f"level_{code}"] = forms.ChoiceField(
                label=_("%(class)s: task completion") % {"class": label},
                choices=CompletionLevel.choices,
                initial=policy.levels.get(code),
            )
        rules = list(policy.tie_breaks)
        for n in range(len(TieBreak.values)):
            self.fields[f"tie_{n}"] = forms.ChoiceField(
                label=_("Tie-break %(n)s") % {"n": n + 1},
                choices=[("", "—"), *TieBreak.choices],
                required=False,
                initial=rules[n] if n < len(rules) else "",
            )
        self.fields["confirmations"] = forms.MultipleChoiceField(
            label=_("Confirmations required at year end"),
            choices=Confirmation.choices,
            required=False,
            initial=policy.confirmations,
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["disagreement_points"] = forms.DecimalField(
            label=_("Flag scorers who differ by more than (points)"),
            initial=policy.disagreement_points,
            min_value=0,
            decimal_places=2,
        )

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "bands": {c: data.get(f"band_{c}") for c in Classification.values if c != Classification.WEAK},
            "levels": {c: data[f"level_{c}"] for c in Classification.values},
            "tie_breaks": [data[f"tie_{n}"] for n in range(len(TieBreak.values)) if data.get(f"tie_{n}")],
            "confirmations": data["confirmations"],
            "disagreement_points": data["disagreement_points"],
        }
