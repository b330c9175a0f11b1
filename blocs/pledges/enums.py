"""Choices of the pledges (importable everywhere without cycles)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorKind(models.TextChoices):
    NUMERIC = "NUMERIC", _("Number")
    YES_NO = "YES_NO", _("Yes / no")


class Aggregation(models.TextChoices):
    SUM = "SUM", _("Sum")
    WEIGHTED_AVG = "WEIGHTED_AVG", _("Weighted average")
    COUNT = "COUNT", _("Count")
    END_OF_PERIOD = "END_OF_PERIOD", _("End of period")


class TemplateStatus(models.TextChoices):
    DRAFT = "DRAFT", _("Draft")
    SUBMITTED = "SUBMITTED", _("Submitted to the Board")
    RETURNED = "RETURNED", _("Returned")
    APPROVED = "APPROVED", _("Approved")


class PledgeStatus(models.TextChoices):
    DRAFT = "DRAFT", _("Draft")
    AMENDMENT_DRAFT = "AMENDMENT_DRAFT", _("Amendment draft")
    SUBMITTED = "SUBMITTED", _("Submitted")
    RETURNED = "RETURNED", _("Returned")
    ACCEPTED = "ACCEPTED", _("Accepted")
    SIGNED = "SIGNED", _("Signed")
    SUPERSEDED = "SUPERSEDED", _("Superseded by an amendment")
    LOCKED = "LOCKED", _("Locked")


class TargetBasis(models.TextChoices):
    PLAN = "PLAN", _("Compared with the plan")
    SAME_PERIOD = "SAME_PERIOD", _("Compared with the same period")


class SubjectKind(models.TextChoices):
    COLLECTIVE = "COLLECTIVE", _("Collective")
    INDIVIDUAL = "INDIVIDUAL", _("Individual")


class AwardCode(models.TextChoices):
    """Award types of domain.md §8; the awards app will own ``AwardType`` and map these codes."""

    CO_TINH = "CO_TINH", _("Provincial People's Committee Emulation Flag")
    BK_CT_TINH = "BK_CT_TINH", _("Certificate of Merit of the Provincial Chairman")
    TTLDXS = "TTLDXS", _("Excellent Labour Collective")
    TTLDTT = "TTLDTT", _("Advanced Labour Collective")
    CSTDCS = "CSTDCS", _("Grassroots Emulation Fighter")
    LDTT = "LDTT", _("Advanced Worker")
    GK_BQL = "GK_BQL", _("Certificate of Commendation of the Board Head")


class AuthMethod(models.TextChoices):
    PASSWORD = "PASSWORD", _("Password")
    PASSWORD_TOTP = "PASSWORD_TOTP", _("Password and authenticator code")
