from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person who logs in. What they may see comes from their roles (see access.py)."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Pendel is shown in this language. Empty: the browser's language."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []
    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["first_name", "last_name", "email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class Role(models.Model):
    """A user's role with its scope: all regions, one region, or one company location."""

    class Kind(models.TextChoices):
        COORDINATOR = "coordinator", _("National coordinator")
        REGION_STAFF = "region_staff", _("Region staff / mobility advisor")
        CONTACT_PERSON = "contact_person", _("Company contact person")

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="roles"
    )
    kind = models.CharField(_("role"), max_length=20, choices=Kind.choices)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="roles",
    )
    location = models.ForeignKey(
        "companies.Location",
        verbose_name=_("location"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="roles",
    )
    title = models.CharField(_("title"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    is_primary = models.BooleanField(
        _("primary contact"),
        default=False,
        help_text=_("The fixed contact person the programme talks to."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                name="role_scope_matches_kind",
                condition=(
                    Q(kind="coordinator", region__isnull=True, location__isnull=True)
                    | Q(kind="region_staff", region__isnull=False, location__isnull=True)
                    | Q(kind="contact_person", region__isnull=True, location__isnull=False)
                ),
            ),
            models.UniqueConstraint(
                fields=["user"], condition=Q(kind="coordinator"), name="role_coordinator_unique"
            ),
            models.UniqueConstraint(
                fields=["user", "region"],
                condition=Q(kind="region_staff"),
                name="role_region_staff_unique",
            ),
            models.UniqueConstraint(
                fields=["user", "location"],
                condition=Q(kind="contact_person"),
                name="role_contact_person_unique",
            ),
            models.UniqueConstraint(
                fields=["location"],
                condition=Q(kind="contact_person", is_primary=True),
                name="role_one_primary_contact_per_location",
            ),
        ]

    def __str__(self) -> str:
        target = self.region or self.location or ""
        return f"{self.get_kind_display()} {target}".strip()
