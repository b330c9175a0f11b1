from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.accounts.models import User
from thidua.accounts.queries import signers_of
from thidua.documents.audiences import audiences_for
from thidua.documents.kinds import kinds_citing_bases, recipients_for
from thidua.documents.models import LegalBasis
from thidua.documents.uploads import check_pdf_upload
from thidua.formtools import DateInput


class NoticeForm(forms.Form):
    title = forms.CharField(
        label=pgettext_lazy("document abstract", "Abstract"),
        max_length=300,
        help_text=_("Printed under THÔNG BÁO, e.g. Về việc tổ chức Hội nghị sơ kết 6 tháng"),
    )
    audience = forms.CharField(
        label=_("Addressed to"), max_length=300, required=False, help_text=_("Printed as “Kính gửi: …”")
    )
    body = forms.CharField(
        label=_("Body"), widget=forms.Textarea(attrs={"rows": 10}), help_text=_("One paragraph per line.")
    )
    recipients = forms.CharField(
        label=_("Recipients (Nơi nhận)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line, without the leading dash."),
    )
    signer = forms.ModelChoiceField(
        label=_("Signer"),
        queryset=User.objects.none(),
        help_text=_("The Board leader who signs it; the number is taken when they sign."),
    )
    deliver_to = forms.ChoiceField(
        label=_("Deliver in the portal to"),
        required=False,
        help_text=_("Once signed, the notice appears in the portal of these people and they are notified."),
    )

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deliver_to"].choices = [("", _("Nobody: printed and sent outside the portal")), *audiences_for(board)]
        self.fields["signer"].queryset = signers_of(board)
        self.fields["signer"].label_from_instance = lambda user: user.full_name
        self.fields["recipients"].initial = "\n".join(recipients_for(board, "notice"))


class SignForm(forms.Form):
    """Re-authentication before signing: the password, and the authenticator code when the signer has one."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    otp_token = forms.CharField(
        label=_("Authenticator code"),
        max_length=16,
        required=False,
        help_text=_("A fresh code from your app: the code you signed in with is not accepted a second time."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, needs_code: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if needs_code:
            self.fields["otp_token"].required = True
        else:
            del self.fields["otp_token"]

    def clean_otp_token(self) -> str:
        return self.cleaned_data["otp_token"].replace(" ", "").strip()


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for returning it"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("The issuer sees it on the document's page."),
    )


class LegalBasisForm(forms.ModelForm):
    kinds = forms.MultipleChoiceField(
        label=_("Cited by"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The kinds of document that cite this basis. A kind none of whose bases is ticked cites "
            "the standard ones."
        ),
    )

    class Meta:
        model = LegalBasis
        fields = [
            "instrument",
            "number",
            "signed_on",
            "issuer",
            "title",
            "in_force_from",
            "in_force_to",
            "position",
            "kinds",
        ]
        widgets = {
            "signed_on": DateInput(),
            "in_force_from": DateInput(),
            "in_force_to": DateInput(),
            "title": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kinds"].choices = [(kind.code, kind.label) for kind in kinds_citing_bases()]


class VerifyUploadForm(forms.Form):
    file = forms.FileField(label=_("PDF file"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_pdf_upload(upload, max_bytes=settings.DOCUMENTS_UPLOAD_MAX_BYTES)
        return upload
