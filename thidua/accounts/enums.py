from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class BoardRole(models.TextChoices):
    ADMIN = "admin", _("Board administrator")
    OFFICER = "officer", _("Emulation officer")
    SIGNER = "signer", _("Signer (Board leader)")
    COUNCIL = "council", _("Council member")


class SigningPosition(models.TextChoices):
    """How a signer signs the Board's documents (Decree 30/2020, Art. 13); it decides the authority prefix.

    The head signs in their own name (no prefix); a deputy signs for the head ("KT. TRƯỞNG BAN" over
    "PHÓ TRƯỞNG BAN"); an acting head signs "Q. TRƯỞNG BAN"; someone signing on behalf of a collective body
    (a council, a committee) signs "TM." and the body's name over their own title.
    """

    HEAD = "head", pgettext_lazy("signing position", "Head (signs directly)")
    DEPUTY = "deputy", pgettext_lazy("signing position", "Deputy (KT.: signs for the head)")
    ACTING = "acting", pgettext_lazy("signing position", "Acting head (Q.)")
    COLLECTIVE = "collective", pgettext_lazy("signing position", "On behalf of a collective body (TM.)")


class AuthMethod(models.TextChoices):
    """How a person proved who they are again just before signing."""

    PASSWORD = "PASSWORD", _("Password")
    PASSWORD_TOTP = "PASSWORD_TOTP", _("Password and authenticator code")
