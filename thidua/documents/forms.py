from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from thidua.accounts.models import User
from thidua.accounts.queries import signers_of
from thidua.documents.enums import SignerPrefix
from thidua.documents.uploads import check_pdf_upload


class NoticeForm(forms.Form):
    title = forms.CharField(
        label=_("Abstract"),
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
        initial="Như trên;\nLưu: VT, TĐKT.",
        help_text=_("One per line, without the leading dash."),
    )
    signer = forms.ModelChoiceField(label=_("Signer"), queryset=User.objects.none())
    signer_prefix = forms.ChoiceField(
        label=_("Authority prefix"), choices=SignerPrefix.choices, required=False
    )
    signer_authority = forms.CharField(
        label=_("Signing for"),
        max_length=150,
        required=False,
        help_text=_("With a prefix, e.g. Trưởng ban for “KT. TRƯỞNG BAN”."),
    )

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signer"].queryset = signers_of(board)
        self.fields["signer"].label_from_instance = lambda user: user.full_name


class VerifyUploadForm(forms.Form):
    file = forms.FileField(label=_("PDF file"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_pdf_upload(upload, max_bytes=settings.DOCUMENTS_UPLOAD_MAX_BYTES)
        return upload
