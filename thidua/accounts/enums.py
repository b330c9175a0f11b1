from django.db import models
from django.utils.translation import gettext_lazy as _


class BoardRole(models.TextChoices):
    ADMIN = "admin", _("Board administrator")
    OFFICER = "officer", _("Emulation officer")
    SIGNER = "signer", _("Signer (Board leader)")
    COUNCIL = "council", _("Council member")
