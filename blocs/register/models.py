"""The register: the Board's industrial parks, its enterprises and the people acting for an enterprise.

Every row belongs to one Board, directly (``organization``) or through its enterprise.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from blocs.enums import EnterpriseRole, Ownership
from blocs.validators import validate_tax_code
from thidua.search import search_key


class IndustrialPark(models.Model):
    """An industrial park (KCN) managed by the Board."""

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="industrial_parks"
    )
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=255)
    province = models.CharField(_("province"), max_length=100, blank=True)
    location = models.CharField(_("location"), max_length=255, blank=True)
    area_ha = models.DecimalField(_("area (ha)"), max_digits=10, decimal_places=2, null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("industrial park")
        verbose_name_plural = _("industrial parks")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "code"], name="park_code_unique_per_board")
        ]

    def __str__(self) -> str:
        return self.name


class Enterprise(models.Model):
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="enterprises"
    )
    tax_code = models.CharField(
        _("tax code"),
        max_length=14,
        validators=[validate_tax_code],
        help_text=_("10 digits, or 10 digits and a branch suffix such as -001"),
    )
    name = models.CharField(_("name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    search_name = models.CharField(max_length=600, editable=False, default="")
    park = models.ForeignKey(
        IndustrialPark,
        verbose_name=_("industrial park"),
        on_delete=models.PROTECT,
        related_name="enterprises",
        null=True,
        blank=True,
    )
    ownership = models.CharField(
        _("ownership"), max_length=10, choices=Ownership.choices, default=Ownership.DOMESTIC
    )
    sector = models.CharField(_("sector"), max_length=255, blank=True)
    legal_representative = models.CharField(_("legal representative"), max_length=150, blank=True)
    representative_title = models.CharField(_("representative's title"), max_length=150, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "tax_code"], name="enterprise_tax_code_unique_per_board"
            )
        ]
        indexes = [
            models.Index(fields=["organization", "name", "id"], name="enterprise_board_name_idx"),
            models.Index(fields=["organization", "search_name"], name="enterprise_board_search_idx"),
            models.Index(fields=["park", "name"], name="enterprise_park_name_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # A derived column of the row's own fields, not a side effect; bulk inserts must set it themselves.
        self.search_name = self.compute_search_name()
        super().save(*args, **kwargs)

    def compute_search_name(self) -> str:
        """The accent-free key searched by the list ("hong ngoc" finds "Hồng Ngọc")."""
        return search_key(" ".join(part for part in (self.name, self.name_en) if part))


class EnterpriseUser(models.Model):
    """A person acting for one enterprise: its representative (may sign) or a reporter."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enterprise_links"
    )
    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="user_links")
    role = models.CharField(_("role"), max_length=16, choices=EnterpriseRole.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("enterprise user")
        verbose_name_plural = _("enterprise users")
        constraints = [models.UniqueConstraint(fields=["user"], name="one_enterprise_per_user")]

    def __str__(self) -> str:
        return f"{self.user} — {self.enterprise}"
