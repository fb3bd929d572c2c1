from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pendel.companies.identifiers import (
    is_plausible_company_name,
    is_valid_organisation_number,
    normalise_organisation_number,
)
from pendel.core.models import TimeStampedModel
from pendel.regions.models import FeeBasis

ORGANISATION_NUMBER_HELP = {
    "NO": _("Nine digits, e.g. 923 609 016."),
    "SE": _("Ten digits, e.g. 556036-0793."),
    "NL": _("The KvK number: eight digits, e.g. 27312152."),
}


def validate_organisation_number(country: str, value: str) -> str:
    """The normalised number, or a ValidationError that says what is wrong for that country."""
    if not is_valid_organisation_number(country, value):
        messages = {
            "NO": _("A Norwegian organisation number has nine digits and a valid check digit."),
            "SE": _("A Swedish organisation number has ten digits and a valid check digit."),
            "NL": _("A Dutch KvK number has eight digits."),
        }
        raise ValidationError(messages.get(country, _("Unknown country.")), code="invalid")
    return normalise_organisation_number(country, value)


class InvoiceCountry(models.TextChoices):
    """Where an invoice address may be: the programmes' countries and their neighbours."""

    NO = "NO", _("Norway")
    SE = "SE", _("Sweden")
    NL = "NL", _("Netherlands")
    DK = "DK", _("Denmark")
    FI = "FI", _("Finland")
    DE = "DE", _("Germany")
    BE = "BE", _("Belgium")


def validate_company_name(value: str) -> str:
    """The name with its spaces tidied, or a ValidationError if it cannot be a company's."""
    name = " ".join((value or "").split())
    if not is_plausible_company_name(name):
        raise ValidationError(
            _("Give the company's registered name, as in the business register."),
            code="implausible",
        )
    return name


class Sector(models.TextChoices):
    PUBLIC = "public", _("Public administration")
    HEALTH = "health", _("Health and social care")
    EDUCATION = "education", _("Education")
    INDUSTRY = "industry", _("Manufacturing and industry")
    ENERGY = "energy", _("Energy and utilities")
    CONSTRUCTION = "construction", _("Construction")
    RETAIL = "retail", _("Retail and wholesale")
    TRANSPORT = "transport", _("Transport and logistics")
    IT = "it", _("Information and communication")
    FINANCE = "finance", _("Finance and insurance")
    SERVICES = "services", _("Professional services")
    HOSPITALITY = "hospitality", _("Hotels and restaurants")
    OTHER = "other", _("Other")


class Organisation(TimeStampedModel):
    """The legal entity: one organisation number in one country."""

    name = models.CharField(_("name"), max_length=200)
    country = models.ForeignKey(
        "regions.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    organisation_number = models.CharField(_("organisation number"), max_length=20)
    vat_number = models.CharField(_("VAT number"), max_length=20, blank=True)
    sector = models.CharField(
        _("sector"), max_length=20, choices=Sector.choices, default=Sector.OTHER
    )
    is_finance_sector = models.BooleanField(
        _("finance sector"),
        default=False,
        help_text=_("Pays the finance tax on wages (Norway); used for benefit tax figures."),
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/%Y/", blank=True)
    invoice_street = models.CharField(_("invoice address"), max_length=200, blank=True)
    invoice_postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    invoice_city = models.CharField(_("city"), max_length=100, blank=True)
    invoice_email = models.EmailField(_("invoice email"), blank=True)
    invoice_reference = models.CharField(
        _("buyer reference"),
        max_length=100,
        blank=True,
        help_text=_("The reference the company wants on its invoices."),
    )
    invoice_country = models.CharField(
        _("invoice country"), max_length=2, choices=InvoiceCountry.choices, blank=True
    )
    invoice_order_reference = models.CharField(
        _("order reference"),
        max_length=100,
        blank=True,
        help_text=_("The purchase order number, if the company wants one on its invoices."),
    )
    peppol_id = models.CharField(
        _("Peppol participant ID"),
        max_length=60,
        blank=True,
        help_text=_("Scheme and number, e.g. 0192:923609016 (Norway) or 0007:5560360793."),
    )
    invoice_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invoice contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invoice_contact_for",
        help_text=_(
            "A contact person who sees every invoice of the organisation, in all regions, "
            "and receives them by email."
        ),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "organisation_number"], name="organisation_number_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.country_id and self.organisation_number:
            try:
                self.organisation_number = validate_organisation_number(
                    self.country_id, self.organisation_number
                )
            except ValidationError as error:
                raise ValidationError({"organisation_number": error.messages}) from error


# The organisation's billing data: what the billing forms edit and the application asks for.
BILLING_ADDRESS_FIELDS = ["invoice_street", "invoice_postcode", "invoice_city", "invoice_country"]
BILLING_FIELDS = [
    *BILLING_ADDRESS_FIELDS,
    "invoice_email",
    "vat_number",
    "invoice_reference",
    "invoice_order_reference",
    "peppol_id",
]
APPLICATION_BILLING_FIELDS = [
    *BILLING_ADDRESS_FIELDS,
    "invoice_email",
    "vat_number",
    "invoice_reference",
]


class Location(TimeStampedModel):
    """A workplace of an organisation, in exactly one region."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="locations",
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="locations",
    )
    name = models.CharField(_("location"), max_length=200)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    employee_count = models.PositiveIntegerField(_("number of employees"), default=0)

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["organisation__name", "name"]

    def __str__(self) -> str:
        return f"{self.organisation.name} – {self.name}"


class MembershipStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    APPROVED = "approved", _("Approved")
    ACTIVE = "active", _("Active")
    QUALIFIED = "qualified", _("Qualified")
    ENDED = "ended", _("Ended")


# Which status may follow which. Ending is always possible; qualification can be lost.
TRANSITIONS = {
    MembershipStatus.APPLIED: {MembershipStatus.APPROVED, MembershipStatus.ENDED},
    MembershipStatus.APPROVED: {MembershipStatus.ACTIVE, MembershipStatus.ENDED},
    MembershipStatus.ACTIVE: {MembershipStatus.QUALIFIED, MembershipStatus.ENDED},
    MembershipStatus.QUALIFIED: {MembershipStatus.ACTIVE, MembershipStatus.ENDED},
    MembershipStatus.ENDED: set(),
}


class Membership(TimeStampedModel):
    """A location's participation in its region's programme, with the terms agreed."""

    location = models.ForeignKey(
        Location, verbose_name=_("location"), on_delete=models.CASCADE, related_name="memberships"
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=MembershipStatus.choices,
        default=MembershipStatus.APPLIED,
        db_index=True,
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("advisor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="advised_memberships",
    )
    joined_on = models.DateField(_("member since"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    agreement_version = models.CharField(_("agreement version"), max_length=40, blank=True)
    agreement_signed_by = models.CharField(_("signed by"), max_length=200, blank=True)
    agreement_signed_on = models.DateField(_("signed on"), null=True, blank=True)
    logo_consent = models.BooleanField(
        _("logo may be shown"),
        default=False,
        help_text=_("The company's logo may be shown on the programme's web pages."),
    )
    story_consent = models.BooleanField(_("employees may be contacted for stories"), default=False)
    fee_basis = models.CharField(
        _("membership fee"), max_length=24, choices=FeeBasis.choices, default=FeeBasis.NONE
    )
    fee_amount = models.DecimalField(
        _("fee amount"), max_digits=10, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["location__organisation__name", "location__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["location"],
                condition=~Q(status="ended"),
                name="membership_one_open_per_location",
            )
        ]

    def __str__(self) -> str:
        return str(self.location)

    @property
    def is_open(self) -> bool:
        return self.status != MembershipStatus.ENDED

    @property
    def agreement_signed(self) -> bool:
        return bool(self.agreement_signed_on and self.agreement_signed_by)

    def allowed_transitions(self) -> list[str]:
        return [s for s in MembershipStatus if s in TRANSITIONS[MembershipStatus(self.status)]]


class MembershipEvent(models.Model):
    """The membership's history: status changes, terms, advisor; who and when."""

    class Kind(models.TextChoices):
        STATUS = "status", _("Status changed")
        TERMS = "terms", _("Terms changed")
        ADVISOR = "advisor", _("Advisor changed")
        CONTACT = "contact", _("Contact person changed")

    membership = models.ForeignKey(
        Membership, verbose_name=_("membership"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("change"), max_length=12, choices=Kind.choices)
    from_status = models.CharField(_("from"), max_length=12, blank=True)
    to_status = models.CharField(_("to"), max_length=12, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    note = models.TextField(_("note"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership event")
        verbose_name_plural = _("membership events")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.membership})"

    def from_label(self) -> str:
        return MembershipStatus(self.from_status).label if self.from_status else ""

    def to_label(self) -> str:
        return MembershipStatus(self.to_status).label if self.to_status else ""


class Application(TimeStampedModel):
    """An employer's request to join a region's programme, from the public form."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for decision")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    company_name = models.CharField(_("company name"), max_length=200)
    organisation_number = models.CharField(_("organisation number"), max_length=20)
    sector = models.CharField(
        _("sector"), max_length=20, choices=Sector.choices, default=Sector.OTHER
    )
    location_name = models.CharField(
        _("workplace"), max_length=200, help_text=_("E.g. the town or the site's name.")
    )
    street_address = models.CharField(_("street address"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=10)
    municipality = models.CharField(_("municipality"), max_length=100)
    employee_count = models.PositiveIntegerField(_("number of employees at this workplace"))
    contact_first_name = models.CharField(_("first name"), max_length=150)
    contact_last_name = models.CharField(_("last name"), max_length=150)
    contact_email = models.EmailField(_("work email"))
    contact_phone = models.CharField(_("phone"), max_length=30, blank=True)
    contact_title = models.CharField(_("job title"), max_length=120, blank=True)
    invoice_street = models.CharField(_("invoice address"), max_length=200, blank=True)
    invoice_postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    invoice_city = models.CharField(_("city"), max_length=100, blank=True)
    invoice_country = models.CharField(
        _("invoice country"), max_length=2, choices=InvoiceCountry.choices, blank=True
    )
    invoice_email = models.EmailField(_("invoice email"), blank=True)
    vat_number = models.CharField(_("VAT number"), max_length=20, blank=True)
    invoice_reference = models.CharField(_("buyer reference"), max_length=100, blank=True)
    logo_consent = models.BooleanField(
        _("Our logo may be shown on the programme's web pages"), default=False
    )
    message = models.TextField(_("message to the programme"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    rejection_reason = models.TextField(_("reason"), blank=True)
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("membership"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The contact email is confirmed by a link before staff see the application or anyone
    # gets its text by mail. The link's token is kept only as its SHA-256.
    email_confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    confirmation_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    confirmation_expires_at = models.DateTimeField(
        _("confirmation link valid until"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.company_name} ({self.region})"


class AdvisorNote(models.Model):
    """A meeting, call or note about a member, with an optional follow-up date."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        CALL = "call", _("Phone call")
        EMAIL = "email", _("Email")
        NOTE = "note", _("Note")

    membership = models.ForeignKey(
        Membership, verbose_name=_("membership"), on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.NOTE)
    happened_on = models.DateField(_("date"))
    text = models.TextField(_("text"))
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True, db_index=True)
    follow_up_done_at = models.DateTimeField(_("followed up"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("advisor note")
        verbose_name_plural = _("advisor notes")
        ordering = ["-happened_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.happened_on}"


class ContactInvitation(models.Model):
    """An existing account asked to become contact person of a location. Nothing changes for
    that account until its owner, logged in as it, opens the link in the mail and accepts.
    Only the SHA-256 of the link's token is kept; the token is made when the mail is sent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="contact_invitations",
    )
    location = models.ForeignKey(
        Location,
        verbose_name=_("location"),
        on_delete=models.CASCADE,
        related_name="contact_invitations",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    primary = models.BooleanField(_("primary contact"), default=False)
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        verbose_name = _("contact person invitation")
        verbose_name_plural = _("contact person invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "location"],
                condition=Q(accepted_at__isnull=True),
                name="contact_invitation_one_open_per_user_and_location",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.location}"
