from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DocumentStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be rendered")
    RENDERING = "rendering", _("Rendering")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class SignerPrefix(models.TextChoices):
    """Authority prefixes of Decree 30/2020 (signing on behalf of someone else)."""

    NONE = "", _("None (the head signs)")
    KT = "KT.", _("KT. (deputy signs for the head)")
    TM = "TM.", _("TM. (on behalf of a collective body)")
    Q = "Q.", _("Q. (acting head)")
    TL = "TL.", _("TL. (by order)")
    TUQ = "TUQ.", _("TUQ. (by authorisation)")


class DocumentType(models.TextChoices):
    """Decree 30/2020 abbreviations (Appendix III) of the document types the portal issues; the code is the
    first part of the symbol ("QĐ" in "05/QĐ-BQL"), the label is what people read (vi: Quyết định, Thông
    báo, Báo cáo, Biên bản, Tờ trình, Kế hoạch, Giao ước thi đua, Quy chế, Hướng dẫn, Chương trình, Giấy mời)."""

    QD = "QĐ", pgettext_lazy("document type", "Decision")
    TB = "TB", pgettext_lazy("document type", "Notice")
    BC = "BC", pgettext_lazy("document type", "Report")
    BB = "BB", pgettext_lazy("document type", "Minutes")
    TTR = "TTr", pgettext_lazy("document type", "Submission")
    KH = "KH", pgettext_lazy("document type", "Plan")
    GUTD = "GUTĐ", pgettext_lazy("document type", "Emulation pledge")
    QC = "QC", pgettext_lazy("document type", "Regulation")
    HD = "HD", pgettext_lazy("document type", "Guidance")
    CTR = "CTr", pgettext_lazy("document type", "Programme")
    GM = "GM", pgettext_lazy("document type", "Invitation")


def doc_type_label(code: str) -> str:
    """The human name of a document type code; an unknown code is shown as it is."""
    return str(DocumentType(code).label) if code in DocumentType.values else code
