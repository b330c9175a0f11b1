from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DocumentStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be rendered")
    RENDERING = "rendering", _("Rendering")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class DocumentState(models.TextChoices):
    """Where a Board document stands (Decree 30/2020, Art. 15: it is signed, and only then numbered).

    DRAFT (editable) → PENDING_SIGNATURE (a preview marked "DỰ THẢO"; the signer approves or returns it) →
    ISSUED (numbered at the moment of signing, rendered, verifiable). A returned or withdrawn document is a
    DRAFT again. Owners of Board documents (a notice, a consolidation decision, …) store this state.
    """

    DRAFT = "draft", pgettext_lazy("document state", "Draft")
    PENDING_SIGNATURE = "pending_signature", pgettext_lazy("document state", "Waiting for signature")
    ISSUED = "issued", pgettext_lazy("document state", "Issued")


class SignatureRequestStatus(models.TextChoices):
    """One submission of a document to its signer."""

    PENDING = "pending", pgettext_lazy("signature request", "Waiting for signature")
    SIGNED = "signed", pgettext_lazy("signature request", "Signed")
    RETURNED = "returned", pgettext_lazy("signature request", "Returned")
    WITHDRAWN = "withdrawn", pgettext_lazy("signature request", "Withdrawn")


class LegalInstrument(models.TextChoices):
    """Kinds of legal documents a Board's documents cite as their bases ("Căn cứ …")."""

    LAW = "Luật", pgettext_lazy("legal instrument", "Law")
    RESOLUTION = "Nghị quyết", pgettext_lazy("legal instrument", "Resolution")
    DECREE = "Nghị định", pgettext_lazy("legal instrument", "Decree")
    DECISION = "Quyết định", pgettext_lazy("legal instrument", "Decision")
    CIRCULAR = "Thông tư", pgettext_lazy("legal instrument", "Circular")
    DIRECTIVE = "Chỉ thị", pgettext_lazy("legal instrument", "Directive")
    OTHER = "Văn bản", pgettext_lazy("legal instrument", "Other document")


class SignerPrefix(models.TextChoices):
    """Authority prefixes of Decree 30/2020 (signing on behalf of someone else)."""

    NONE = "", _("None (the head signs)")
    KT = "KT.", _("KT. (deputy signs for the head)")
    TM = "TM.", _("TM. (on behalf of a collective body)")
    Q = "Q.", _("Q. (acting head)")
    TL = "TL.", _("TL. (by order)")
    TUQ = "TUQ.", _("TUQ. (by authorisation)")


class DocumentType(models.TextChoices):
    """Abbreviations of the document types the portal issues; the code is the first part of the symbol ("QĐ"
    in "05/QĐ-BQL"), the label is what people read (vi: Quyết định, Thông báo, Báo cáo, Biên bản, Tờ trình,
    Kế hoạch, Giao ước thi đua, Quy chế, Hướng dẫn, Chương trình, Giấy mời). All are Decree 30/2020 Appendix
    III abbreviations except the pledge's, a local convention each Board sets (``Organization.pledge_doc_type``;
    "GUTĐ" is how the first documents were numbered)."""

    QD = "QĐ", pgettext_lazy("document type", "Decision")
    TB = "TB", pgettext_lazy("document type", "Notice")
    BC = "BC", pgettext_lazy("document type", "Report")
    BB = "BB", pgettext_lazy("document type", "Minutes")
    TTR = "TTr", pgettext_lazy("document type", "Submission")
    KH = "KH", pgettext_lazy("document type", "Plan")
    GUTD = "GUTĐ", pgettext_lazy("document type", "Emulation pledge")
    GUOTD = "GƯTĐ", pgettext_lazy("document type", "Emulation pledge")
    QC = "QC", pgettext_lazy("document type", "Regulation")
    HD = "HD", pgettext_lazy("document type", "Guidance")
    CTR = "CTr", pgettext_lazy("document type", "Programme")
    GM = "GM", pgettext_lazy("document type", "Invitation")


def doc_type_label(code: str) -> str:
    """The human name of a document type code; an unknown code is shown as it is."""
    return str(DocumentType(code).label) if code in DocumentType.values else code
