from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.accounts.enums import BoardRole, SigningPosition
from thidua.accounts.models import Organization
from thidua.accounts.throttling import password_matches


class EmailLoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"), widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )

    error_messages = {
        "invalid_login": _("The e-mail address or password is not correct."),
        "inactive": _("This account is disabled."),
    }


class OTPTokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The 6-digit code from your authenticator app, or one of your backup codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_token(self) -> str:
        return self.cleaned_data["token"].replace(" ", "").strip()


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = [
            "name",
            "parent_body_line",
            "issuing_body_line",
            "short_code",
            "place_name",
            "address",
            "phone",
            "email",
            "head_title",
            "filing_unit",
            "reports_to",
            "pledge_doc_type",
        ]


class SignerSettingsForm(forms.Form):
    title = forms.CharField(
        label=pgettext_lazy("position held", "Title"),
        max_length=150,
        required=False,
        help_text=_("Printed under the signature, e.g. Phó Trưởng ban (left empty for an acting head)."),
    )
    signing_position = forms.ChoiceField(label=_("Signs as"), choices=SigningPosition.choices)
    signs_for = forms.CharField(
        label=_("Collective body"),
        max_length=150,
        required=False,
        help_text=_("Only for TM.: the body signed for, e.g. Hội đồng Thi đua - Khen thưởng"),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    title = forms.CharField(label=pgettext_lazy("position held", "Title"), max_length=150, required=False)
    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=BoardRole.choices, widget=forms.CheckboxSelectMultiple
    )


class AcceptInvitationForm(SetPasswordForm):
    """Set a first password; the user object is a not-yet-created placeholder used for similarity checks."""


class ThrottledPasswordChangeForm(PasswordChangeForm):
    """Django's password change; the old password is checked as at login, so guesses count toward the
    same lock-out."""

    def __init__(self, user, *args, request, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.request = request

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        if not password_matches(self.request, self.user, old_password):
            raise forms.ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        return old_password
