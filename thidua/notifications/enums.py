from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailDelivery(models.TextChoices):
    """How a user wants the e-mail of one kind of notification (the bell always shows it)."""

    IMMEDIATE = "immediate", _("E-mail at once")
    DIGEST = "digest", _("In one daily digest e-mail")
    NONE = "none", _("In the portal only, no e-mail")
