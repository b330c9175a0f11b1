"""Choices of the awards app (importable everywhere without cycles)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AwardCategory(models.TextChoices):
    """domain.md §17.5: only emulation titles are registered at the start of the year; forms of commendation
    (Bằng khen, Giấy khen) are proposed at year end and never registered."""

    TITLE = "TITLE", _("Emulation title (danh hiệu thi đua)")
    FORM = "FORM", _("Form of commendation (hình thức khen thưởng)")


class DecidingLevel(models.TextChoices):
    """Who decides (domain.md §7.4): the Board's head, the provincial chairman, or the enterprise's director
    (the portal only records what an enterprise decides, domain.md §16.8)."""

    BOARD = "BOARD", _("The Board")
    PROVINCE = "PROVINCE", _("The province")
    ENTERPRISE = "ENTERPRISE", _("The enterprise")


class AwardBasis(models.TextChoices):
    """What the award rewards. ND 152/2025 Art. 4: ad-hoc and thematic awards never count towards merit."""

    MERIT = "MERIT", _("Merit (công trạng)")
    AD_HOC = "AD_HOC", _("Ad-hoc achievement (đột xuất)")
    THEMATIC = "THEMATIC", _("Thematic movement (chuyên đề)")


class SubjectKind(models.TextChoices):
    """Who a nomination is for."""

    ENTERPRISE = "ENTERPRISE", _("Enterprise (collective)")
    SUB_UNIT = "SUB_UNIT", _("Sub-unit of an enterprise (collective)")
    INDIVIDUAL = "INDIVIDUAL", _("Individual")


class DocumentType(models.TextChoices):
    """Typed documents of a nomination dossier (domain.md §7.5, §17.9)."""

    TO_TRINH = "TO_TRINH", _("Submission letter (tờ trình)")
    BIEN_BAN = "BIEN_BAN", _("Minutes of the vote (biên bản)")
    BAO_CAO_THANH_TICH = "BAO_CAO_THANH_TICH", _("Achievement report (ND 152 template)")
    TU_CHAM_DIEM = "TU_CHAM_DIEM", _("Self-scoring sheet")
    BANG_XEP_HANG = "BANG_XEP_HANG", _("Bloc ranking table")
    XAC_NHAN_THUE = "XAC_NHAN_THUE", _("Tax compliance confirmation")
    XAC_NHAN_BHXH = "XAC_NHAN_BHXH", _("Social insurance confirmation")
    XAC_NHAN_PCCC = "XAC_NHAN_PCCC", _("Fire safety confirmation (police)")
    XAC_NHAN_MOI_TRUONG = "XAC_NHAN_MOI_TRUONG", _("Environment confirmation")
    XAC_NHAN_ATVSLD = "XAC_NHAN_ATVSLD", _("Occupational safety confirmation")
    MINH_CHUNG = "MINH_CHUNG", _("Evidence (e.g. a recognised innovation)")
    KHAC = "KHAC", pgettext_lazy("dossier document", "Other")


class QuotaScope(models.TextChoices):
    EACH_BLOC = "EACH_BLOC", _("Each bloc (share of its members)")
    ONE_BLOC = "ONE_BLOC", _("One bloc")
    BOARD = "BOARD", _("The whole Board (share of all members)")


class QuotaKind(models.TextChoices):
    COUNT = "COUNT", _("At most a number")
    PERCENT = "PERCENT", _("At most a share of the members (%)")


class Rounding(models.TextChoices):
    DOWN = "DOWN", _("Round down")
    UP = "UP", _("Round up")
    NEAREST = "NEAREST", _("Round to the nearest")


class RuleSource(models.TextChoices):
    """domain.md §17.6: quotas are the Board's policy, not law, except the flag (Law 2022 Art. 26(1))."""

    LAW = "LAW", _("Law")
    POLICY = "POLICY", _("The Board's policy")
