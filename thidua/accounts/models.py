from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.accounts.enums import BoardRole, SigningPosition


class Organization(models.Model):
    """One Management Board (BQL). Every domain row belongs to exactly one Board.

    Besides its header lines, the Board keeps the settings its official documents read (never hard-coded):
    the head's title (printed in "KT. TRƯỞNG BAN" and in a decision's authority line), the unit named in the
    last recipient line "Lưu: VT, <unit>.", the body it reports to ("Sở Nội vụ (b/c)"), and the type
    abbreviation of a bloc's joint pledge. Decree 30/2020 Appendix III has no abbreviation for a pledge (the
    nearest are "BTT" bản thỏa thuận and "BGN" bản ghi nhớ): the default "GƯTĐ" (giao ước thi đua) is a local
    convention, which is why each Board may change it.
    """

    name = models.CharField(_("name"), max_length=255, unique=True)
    parent_body_line = models.CharField(
        _("parent body line"), max_length=255, help_text=_("First header line, e.g. UBND TỈNH THÁI NGUYÊN")
    )
    issuing_body_line = models.CharField(
        _("issuing body line"),
        max_length=255,
        help_text=_("Second header line, e.g. BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP"),
    )
    short_code = models.CharField(
        _("symbol code"), max_length=20, help_text=_("Used in document symbols, e.g. BQL in 05/QĐ-BQL")
    )
    place_name = models.CharField(_("place name"), max_length=100, help_text=_("For the date line"))
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    head_title = models.CharField(
        _("title of the head"),
        max_length=100,
        default="Trưởng ban",
        help_text=_("Printed after KT. or Q. when a deputy or an acting head signs, e.g. Trưởng ban"),
    )
    filing_unit = models.CharField(
        _("filing unit"),
        max_length=50,
        default="TĐKT",
        help_text=_("The unit in the last recipient line “Lưu: VT, TĐKT.”"),
    )
    reports_to = models.CharField(
        _("reports to"),
        max_length=150,
        default="Sở Nội vụ",
        help_text=_(
            "The body that receives the Board's decisions for information, printed “Sở Nội vụ (b/c);”"
        ),
    )
    pledge_doc_type = models.CharField(
        _("pledge abbreviation"),
        max_length=10,
        default="GƯTĐ",
        help_text=_(
            "Type abbreviation in the number of a bloc's joint pledge, e.g. GƯTĐ in 01/GƯTĐ-KTĐ1. Decree "
            "30/2020 has none for pledges: GƯTĐ is a local convention."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Management Board")
        verbose_name_plural = _("Management Boards")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username: str) -> "User":
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with an e-mail address; acts for exactly one Board."""

    email = models.EmailField(_("e-mail"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("Board"),
        on_delete=models.PROTECT,
        related_name="users",
        null=True,
        blank=True,
        help_text=_("The Board this person acts for. Enterprise users belong to their enterprise's Board."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("Django admin access"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    preferred_language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="vi"
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[-1] if self.full_name else self.email


class BoardMembership(models.Model):
    """A role a user holds in their Board. A user may hold several roles."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="board_roles")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="staff_roles")
    role = models.CharField(_("role"), max_length=16, choices=BoardRole.choices)
    title = models.CharField(
        pgettext_lazy("position held", "title"),
        max_length=150,
        blank=True,
        help_text=_("Position printed under a signature, e.g. Phó Trưởng ban"),
    )
    signing_position = models.CharField(
        _("signs as"),
        max_length=12,
        choices=SigningPosition.choices,
        blank=True,
        help_text=_("For signers: decides the authority prefix printed over the title (none, KT., Q., TM.)."),
    )
    signs_for = models.CharField(
        _("collective body"),
        max_length=150,
        blank=True,
        help_text=_("Only for TM.: the body signed for, e.g. Hội đồng Thi đua - Khen thưởng"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Board role")
        verbose_name_plural = _("Board roles")
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="unique_role_per_user")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}"


class Invitation(models.Model):
    """A one-time link with which a person invited by a Board admin sets a password."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    full_name = models.CharField(_("full name"), max_length=150)
    roles = models.JSONField(_("roles"), default=list)
    title = models.CharField(pgettext_lazy("position held", "title"), max_length=150, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    accepted_user = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.email

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()
