"""Award types, dossier requirements, base salary values and quota rules.

The award types and the base salary are the national catalogue (law: Law 06/2022/QH15, ND 152/2025/NĐ-CP),
seeded by this app's first migration with frozen rows and kept in the Django admin; every Board reads the
same rows. Quota rules are a Board's, per emulation year.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awards.catalogue.rules import quota_cap
from awards.enums import (
    AwardBasis,
    AwardCategory,
    DecidingLevel,
    DocumentType,
    QuotaKind,
    QuotaScope,
    Rounding,
    RuleSource,
    SubjectKind,
)
from blocs.validators import validate_ratio

__all__ = ["AwardType", "BaseSalary", "DossierRequirement", "QuotaRule"]


class AwardType(models.Model):
    """One award of the catalogue (domain.md §8). ``name`` is the full printed name; ``{province}`` and
    ``{board}`` in it stand for the Board's province and name (see ``printed_name``)."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("printed name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=60, help_text=_("e.g. Giấy khen, in tables"))
    category = models.CharField(_("category"), max_length=8, choices=AwardCategory.choices)
    basis = models.CharField(
        _("rewards"), max_length=10, choices=AwardBasis.choices, default=AwardBasis.MERIT
    )
    deciding_level = models.CharField(_("decided by"), max_length=10, choices=DecidingLevel.choices)
    admits_enterprise = models.BooleanField(_("for enterprises"), default=False)
    admits_sub_unit = models.BooleanField(_("for sub-units"), default=False)
    admits_individual = models.BooleanField(_("for individuals"), default=False)
    standard = models.TextField(_("standard"), blank=True)
    council_vote = models.BooleanField(_("voted by the Board's council"), default=True)
    council_threshold = models.DecimalField(
        _("council threshold"),
        max_digits=5,
        decimal_places=4,
        default=Decimal("0.5"),
        validators=[validate_ratio],
        help_text=_("Share of all council members who must approve (the council's rules, not law)"),
    )
    council_threshold_inclusive = models.BooleanField(
        _("threshold reached at exactly the ratio"),
        default=False,
        help_text=_("On: at least the ratio (e.g. 80 %). Off: strictly more than the ratio (a majority)."),
    )
    money_collective = models.DecimalField(
        _("money for a collective (multiple of the base salary)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    money_individual = models.DecimalField(
        _("money for an individual (multiple of the base salary)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    money_basis = models.CharField(_("money basis"), max_length=255, blank=True)
    years_of_excellence = models.PositiveSmallIntegerField(
        _("consecutive years of excellent task completion"),
        default=0,
        help_text=_("0 when the standard asks for none (Bằng khen: 2)"),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("award type")
        verbose_name_plural = _("award types")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.printed_name()

    def printed_name(self, board=None) -> str:
        """The full name, with the Board's province and name when given (else the placeholders drop out)."""
        province = getattr(board, "place_name", "") or ""
        board_name = getattr(board, "name", "") or ""
        text = self.name.replace("{province}", province).replace("{board}", board_name)
        return " ".join(text.split())

    @property
    def counts_towards_merit(self) -> bool:
        """ND 152/2025 Art. 4: results of ad-hoc and thematic awards never ground a merit proposal."""
        return self.basis == AwardBasis.MERIT

    def admits(self, subject_kind: str) -> bool:
        return {
            SubjectKind.ENTERPRISE: self.admits_enterprise,
            SubjectKind.SUB_UNIT: self.admits_sub_unit,
            SubjectKind.INDIVIDUAL: self.admits_individual,
        }.get(subject_kind, False)

    def multiplier_for(self, subject_kind: str) -> Decimal | None:
        if subject_kind == SubjectKind.INDIVIDUAL:
            return self.money_individual
        return self.money_collective


class DossierRequirement(models.Model):
    """A document a nomination of ``award_type`` for a ``subject_kind`` must carry (domain.md §7.5, §17.9)."""

    award_type = models.ForeignKey(AwardType, on_delete=models.CASCADE, related_name="requirements")
    subject_kind = models.CharField(_("subject"), max_length=12, choices=SubjectKind.choices)
    document_type = models.CharField(_("document"), max_length=24, choices=DocumentType.choices)

    class Meta:
        verbose_name = _("required dossier document")
        verbose_name_plural = _("required dossier documents")
        ordering = ["award_type", "subject_kind", "document_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["award_type", "subject_kind", "document_type"], name="one_requirement_per_document"
            )
        ]

    def __str__(self) -> str:
        return f"{self.award_type.code} / {self.subject_kind}: {self.document_type}"


class BaseSalary(models.Model):
    """The statutory base salary (mức lương cơ sở) from a date; ND 152/2025 Art. 49 pays awards on the value
    in force on the decision date."""

    effective_from = models.DateField(_("in force from"), unique=True)
    amount = models.PositiveIntegerField(_("amount (VND per month)"), validators=[MinValueValidator(1)])
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    to_verify = models.BooleanField(
        _("to verify"), default=False, help_text=_("Found in secondary sources only: check the official text")
    )

    class Meta:
        verbose_name = _("base salary")
        verbose_name_plural = _("base salary values")
        ordering = ["-effective_from"]

    def __str__(self) -> str:
        return f"{self.amount:,} ({self.effective_from:%d/%m/%Y})"


class QuotaRule(models.Model):
    """A cap on how many of a bloc's (or the Board's) members may receive an award in a year.

    Only the flag's one-per-eligible-bloc rule is law (Law 2022 Art. 26(1)); every other cap is the Board's
    policy (domain.md §17.6) and is shown as such.
    """

    year = models.ForeignKey("blocs.EmulationYear", on_delete=models.PROTECT, related_name="quota_rules")
    award_type = models.ForeignKey(AwardType, on_delete=models.PROTECT, related_name="quota_rules")
    scope = models.CharField(_("applies to"), max_length=10, choices=QuotaScope.choices)
    bloc = models.ForeignKey(
        "blocs.Bloc", on_delete=models.PROTECT, null=True, blank=True, related_name="quota_rules"
    )
    kind = models.CharField(_("cap"), max_length=8, choices=QuotaKind.choices)
    value = models.DecimalField(
        _("value"), max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    rounding = models.CharField(_("rounding"), max_length=8, choices=Rounding.choices, default=Rounding.DOWN)
    minimum = models.PositiveSmallIntegerField(
        _("at least"), default=0, help_text=_("A share never caps below this number (e.g. 1)")
    )
    eligible_blocs_only = models.BooleanField(_("only blocs eligible for the provincial flag"), default=False)
    source = models.CharField(
        _("source"), max_length=8, choices=RuleSource.choices, default=RuleSource.POLICY
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quota rule")
        verbose_name_plural = _("quota rules")
        ordering = ["award_type__sort_order", "scope", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(scope=QuotaScope.ONE_BLOC) & Q(bloc__isnull=False))
                | (~Q(scope=QuotaScope.ONE_BLOC) & Q(bloc__isnull=True)),
                name="quota_bloc_iff_one_bloc",
            ),
            models.CheckConstraint(
                condition=~Q(kind=QuotaKind.PERCENT) | Q(value__lte=100), name="quota_percent_at_most_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award_type.short_name}: {self.get_scope_display()}"

    def cap_for(self, members: int) -> int:
        """The cap for a group of ``members`` (pure arithmetic)."""
        return quota_cap(
            kind=self.kind, value=self.value, rounding=self.rounding, minimum=self.minimum, members=members
        )
