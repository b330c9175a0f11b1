"""Input validation for the pledge screens; the services do the rest."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from blocs.enums import YearStatus
from blocs.membership.models import Bloc, EmulationYear
from blocs.pledges.enums import PledgeStatus, SubjectKind, TargetBasis
from blocs.pledges.models import Indicator, Pledge, PledgeTemplate
from blocs.pledges.queries import NO_PLEDGE, catalogue_for
from blocs.pledges.services import RegistrationInput, TargetInput
from blocs.pledges.titles import registration_problem, title_choices
from thidua.documents.uploads import PdfUploadValidator
from thidua.formtools import DateInput


class ProgressFilterForm(forms.Form):
    """The progress page's filter: one template (an id the accessor checks) and one status."""

    template = forms.IntegerField(label=_("Bloc"), min_value=1, max_value=2**31 - 1, required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All")), (NO_PLEDGE, _("No pledge yet")), *PledgeStatus.choices],
        required=False,
    )


class TemplateForm(forms.Form):
    bloc = forms.ModelChoiceField(label=_("Bloc"), queryset=Bloc.objects.none())
    year = forms.ModelChoiceField(label=_("Year"), queryset=EmulationYear.objects.none())
    theme = forms.CharField(label=_("Theme of the year"), max_length=500)
    joint_text = forms.CharField(label=_("Joint commitments"), widget=forms.Textarea(attrs={"rows": 6}))
    commitments = forms.CharField(
        label=_("Commitments of the bloc"),
        help_text=_("One per line. Every member that signs accepts them all (a covenant)."),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
    )
    indicators = forms.ModelMultipleChoiceField(
        label=_("Target indicators"), queryset=Indicator.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    signing_deadline = forms.DateField(label=_("Signing deadline"), widget=DateInput)

    def __init__(self, *args, board, blocs=None, template: PledgeTemplate | None = None, **kwargs):
        if template is not None:
            kwargs.setdefault(
                "initial",
                {
                    "theme": template.theme,
                    "joint_text": template.joint_text,
                    "commitments": "\n".join(template.commitments),
                    "indicators": list(template.indicators.all()),
                    "signing_deadline": template.signing_deadline,
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["indicators"].queryset = catalogue_for(board)
        if template is not None:
            del self.fields["bloc"]
            del self.fields["year"]
        else:
            self.fields["bloc"].queryset = (
                blocs if blocs is not None else Bloc.objects.filter(organization=board)
            )
            self.fields["year"].queryset = EmulationYear.objects.filter(
                organization=board, status=YearStatus.OPEN
            )

    def commitment_lines(self) -> list[str]:
        return [
            line.strip() for line in self.cleaned_data.get("commitments", "").splitlines() if line.strip()
        ]


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class RegistrationForm(forms.Form):
    """One title (danh hiệu) registered for the enterprise's collective or one of its people; only titles
    the subject may strive for (``blocs.pledges.titles``)."""

    subject_kind = forms.ChoiceField(label=_("Subject"), choices=SubjectKind.choices)
    name = forms.CharField(label=_("Name of the collective or person"), max_length=255, required=False)
    award_code = forms.ChoiceField(
        label=pgettext_lazy("emulation title", "Title registered"), choices=title_choices
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("name", "").strip() and cleaned.get("subject_kind") and cleaned.get("award_code"):
            problem = registration_problem(cleaned["subject_kind"], cleaned["award_code"])
            if problem:
                self.add_error("award_code", problem)
        return cleaned


MAX_REGISTRATIONS = 30
# absolute_max bounds the forms Django builds whatever TOTAL_FORMS says (999999 is refused at once).
RegistrationFormSet = forms.formset_factory(
    RegistrationForm, extra=2, max_num=MAX_REGISTRATIONS, absolute_max=MAX_REGISTRATIONS, validate_max=True
)


class PledgeForm(forms.Form):
    """A value and a basis per indicator of the template (the commitments are the bloc's, accepted whole)."""

    def __init__(self, *args, pledge: Pledge, **kwargs):
        targets = {t.indicator_id: t for t in pledge.targets.all()}
        initial = {}
        self.indicators = list(pledge.template.indicators.order_by("ordering", "code"))
        for indicator in self.indicators:
            target = targets.get(indicator.pk)
            initial[f"value_{indicator.code}"] = target.value if target else None
            initial[f"basis_{indicator.code}"] = target.basis if target else TargetBasis.PLAN
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        for indicator in self.indicators:
            self.fields[f"value_{indicator.code}"] = forms.DecimalField(
                label=f"{indicator.name} ({indicator.unit})",
                max_digits=18,
                decimal_places=4,
                required=False,
                localize=True,  # 1.234,5 in Vietnamese, 1,234.5 in English
                widget=forms.TextInput(
                    attrs={"class": "form-control form-control-sm text-end", "inputmode": "decimal"}
                ),
                help_text=_("Optional") if indicator.optional else "",
            )
            self.fields[f"basis_{indicator.code}"] = forms.ChoiceField(
                label=_("Basis"),
                choices=TargetBasis.choices,
                widget=forms.Select(
                    attrs={
                        "class": "form-select form-select-sm",
                        # The table's column header is not a label: name each select for screen readers.
                        "aria-label": _("Basis of the target: %(indicator)s") % {"indicator": indicator.name},
                    }
                ),
            )

    def rows(self):
        for indicator in self.indicators:
            yield indicator, self[f"value_{indicator.code}"], self[f"basis_{indicator.code}"]

    def targets(self) -> list[TargetInput]:
        return [
            TargetInput(
                indicator=indicator,
                value=self.cleaned_data.get(f"value_{indicator.code}"),
                basis=self.cleaned_data.get(f"basis_{indicator.code}") or TargetBasis.PLAN,
            )
            for indicator in self.indicators
        ]


def registrations_of(formset) -> list[RegistrationInput]:
    return [
        RegistrationInput(
            subject_kind=form.cleaned_data["subject_kind"],
            name=form.cleaned_data.get("name", ""),
            award_code=form.cleaned_data["award_code"],
        )
        for form in formset.forms
        if form.cleaned_data and form.cleaned_data.get("name", "").strip()
    ]


class SignForm(forms.Form):
    title = forms.CharField(label=_("Your title"), max_length=150)
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput, strip=False)
    otp_token = forms.CharField(
        label=_("Authenticator code"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    confirm = forms.BooleanField(label=_("I have read the pledge and sign it on behalf of the enterprise."))

    def __init__(self, *args, needs_totp: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not needs_totp:
            del self.fields["otp_token"]
        else:
            self.fields["otp_token"].required = True


class ScanForm(forms.Form):
    file = forms.FileField(
        label=_("Scanned signed copy (PDF, at most 10 MB)"),
        validators=[PdfUploadValidator()],
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
