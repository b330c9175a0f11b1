from django.db import models
from django.utils.translation import gettext_lazy as _


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
