"""Invoices and credit notes, the runs that make them, the numbers they take, and who
sells: each region's public transport authority.

An issued invoice never changes (DESIGN.md, "Invoices"): it holds copies of the seller,
the buyer, and each line's name, price, VAT category and rate as they were at issue, and
its PDF and UBL XML are rendered from those copies only. Corrections are credit notes.
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pendel.core.models import TimeStampedModel
from pendel.invoicing.identifiers import SellerChecks

ZERO = Decimal("0.00")


class AccountKind(models.TextChoices):
    IBAN = "iban", _("IBAN")
    NO_ACCOUNT = "no_account", _("Norwegian account number")
    SE_BANKGIRO = "se_bankgiro", _("Bankgiro")
    SE_PLUSGIRO = "se_plusgiro", _("Plusgiro")


class LegalIdScheme(models.TextChoices):
    """ISO 6523 identifiers of the registers Peppol uses for the legal entity."""

    NO_ORGNR = "0192", _("Norwegian organisation number (0192)")
    SE_ORGNR = "0007", _("Swedish organisation number (0007)")
    NL_KVK = "0106", _("Dutch KvK number (0106)")
    NL_OIN = "0190", _("Dutch government OIN (0190)")


class SellerProfile(SellerChecks, TimeStampedModel):
    """Who sells in a region: its public transport authority, as it must appear on an
    invoice. One per region."""

    region = models.OneToOneField(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        related_name="seller_profile",
    )
    legal_name = models.CharField(_("legal name"), max_length=200)
    organisation_number = models.CharField(_("organisation number"), max_length=40)
    legal_id_scheme = models.CharField(
        _("register"), max_length=4, choices=LegalIdScheme.choices, blank=True
    )
    vat_number = models.CharField(
        _("VAT number"), max_length=20, help_text=_("E.g. NO923609016MVA, SE556036079301.")
    )
    in_business_register = models.BooleanField(
        _("registered for tax"),
        default=True,
        help_text=_(
            "Norway: in Foretaksregisteret. Sweden: approved for F-tax. Shown on the invoice."
        ),
    )
    street = models.CharField(_("street address"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    email = models.EmailField(_("invoice email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    account_kind = models.CharField(
        _("account type"), max_length=12, choices=AccountKind.choices, default=AccountKind.IBAN
    )
    account_number = models.CharField(_("account number"), max_length=40)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    payment_terms_days = models.PositiveSmallIntegerField(
        _("payment terms (days)"), default=14, validators=[MinValueValidator(1)]
    )
    invoice_prefix = models.CharField(
        _("invoice number prefix"),
        max_length=12,
        blank=True,
        help_text=_("E.g. NG-; the number follows it."),
    )

    class Meta:
        verbose_name = _("seller details")
        verbose_name_plural = _("seller details")

    def __str__(self) -> str:
        return self.legal_name

    @property
    def country_code(self) -> str:
        return self.region.country_id


class BillingSettings(models.Model):
    """How an organisation wants its invoices. A national company can have one invoice for
    all its locations in a region, or one per location."""

    organisation = models.OneToOneField(
        "companies.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="billing_settings",
    )
    invoice_per_location = models.BooleanField(
        _("one invoice per location"),
        default=False,
        help_text=_("Otherwise one invoice per region for all your locations there."),
    )
    language = models.CharField(
        _("invoice language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Empty: the language of the company's country."),
    )

    class Meta:
        verbose_name = _("billing settings")
        verbose_name_plural = _("billing settings")

    def __str__(self) -> str:
        return str(self.organisation)


class InvoiceCounter(models.Model):
    """The last number a region has given. Taken under a lock inside the issuing
    transaction (see numbering.py), so numbers have no gaps and are never reused."""

    region = models.OneToOneField(
        "regions.Region", primary_key=True, on_delete=models.PROTECT, related_name="+"
    )
    last_number = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("invoice counter")
        verbose_name_plural = _("invoice counters")

    def __str__(self) -> str:
        return f"{self.region_id}: {self.last_number}"


class InvoiceRun(models.Model):
    """The monthly invoicing of one region. Keyed by region and month: starting it again
    finds the work already done and invoices only what is new."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Making drafts")
        REVIEW = "review", _("Drafts to review")
        ISSUING = "issuing", _("Issuing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")
        DISCARDED = "discarded", _("Drafts discarded")

    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="invoice_runs",
    )
    period = models.DateField(_("month"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    units_total = models.PositiveIntegerField(_("to invoice"), default=0)
    units_done = models.PositiveIntegerField(_("invoiced"), default=0)
    invoices_created = models.PositiveIntegerField(_("invoices made"), default=0)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # Each planning gives the drafts a new version; "Issue" names the version it was
    # reviewed as, so a click on a page older than the drafts issues nothing.
    plan_version = models.PositiveIntegerField(_("drafts version"), default=0)
    planned_at = models.DateTimeField(_("drafts made"), null=True, blank=True)
    in_advance = models.BooleanField(
        _("invoiced in advance"),
        default=False,
        help_text=_("Staff confirmed that this month is invoiced before it begins."),
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who reviewed the drafts and asked for them to be issued."),
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("invoice run")
        verbose_name_plural = _("invoice runs")
        ordering = ["-period", "region_id"]
        constraints = [
            models.UniqueConstraint(fields=["region", "period"], name="invoice_run_unique")
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.period:%Y-%m}"

    @property
    def percent_done(self) -> int:
        if not self.units_total:
            return 100 if self.status == self.Status.DONE else 0
        return min(100, round(100 * self.units_done / self.units_total))

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING, self.Status.ISSUING)

    @property
    def in_review(self) -> bool:
        return self.status == self.Status.REVIEW


class DraftInvoice(models.Model):
    """An invoice the run would issue, for staff to review before any number is spent.

    A copy of what the plan made when the run was planned: totals, lines (as the invoice
    would show them) and the findings of the Peppol check of the draft's document. It has
    no number: the gapless number is taken only when the draft is issued. `fingerprint`
    sums up what it bills (items, quantities, prices, VAT); issuing plans the month again
    and issues a draft only when its fingerprint is still the one staff reviewed."""

    class Check(models.TextChoices):
        PASSED = "passed", _("Passes the e-invoice rules")
        FAILED = "failed", _("Breaks the e-invoice rules")

    run = models.ForeignKey(
        InvoiceRun, verbose_name=_("invoice run"), on_delete=models.CASCADE, related_name="drafts"
    )
    key = models.CharField(max_length=40)
    organisation = models.ForeignKey(
        "companies.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    location = models.ForeignKey(
        "companies.Location",
        verbose_name=_("location"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    currency = models.CharField(_("currency"), max_length=3)
    line_total = models.DecimalField(_("net total"), max_digits=14, decimal_places=2)
    vat_total = models.DecimalField(_("VAT"), max_digits=14, decimal_places=2)
    total = models.DecimalField(_("total"), max_digits=14, decimal_places=2)
    lines = models.JSONField(_("lines"), default=list)
    tax_classes = models.JSONField(default=list)
    fingerprint = models.CharField(max_length=64)
    validation = models.CharField(_("e-invoice check"), max_length=8, choices=Check.choices)
    findings = models.JSONField(_("findings"), default=list, blank=True)
    changed = models.BooleanField(
        _("changed since the last review"),
        default=False,
        help_text=_("Made again after an issue found it different from what was reviewed."),
    )

    class Meta:
        verbose_name = _("draft invoice")
        verbose_name_plural = _("draft invoices")
        ordering = ["run_id", "organisation__name", "key"]
        constraints = [
            models.UniqueConstraint(fields=["run", "key"], name="draft_invoice_unique_key")
        ]

    def __str__(self) -> str:
        return f"{self.run_id} {self.key}"

    @property
    def breaks_the_rules(self) -> bool:
        return self.validation == self.Check.FAILED


class Invoice(models.Model):
    """An issued invoice or credit note. Immutable except for its status and payments."""

    class Kind(models.TextChoices):
        INVOICE = "invoice", _("Invoice")
        CREDIT_NOTE = "credit_note", _("Credit note")

    class Status(models.TextChoices):
        ISSUED = "issued", _("Issued")
        SENT = "sent", _("Sent")
        PAID = "paid", _("Paid")
        CREDITED = "credited", _("Credited")

    class Validation(models.TextChoices):
        """The e-invoice checked against the Peppol BIS Billing 3.0 rules (validation.py)."""

        PENDING = "pending", _("Not checked yet")
        PASSED = "passed", _("Passed the rules")
        FAILED = "failed", _("Breaks the rules")

    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        "companies.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="invoices",
    )
    location = models.ForeignKey(
        "companies.Location",
        verbose_name=_("location"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="invoices",
        help_text=_("Empty: all the organisation's locations in the region."),
    )
    run = models.ForeignKey(
        InvoiceRun,
        verbose_name=_("invoice run"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="invoices",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.INVOICE)
    credited_invoice = models.ForeignKey(
        "self",
        verbose_name=_("credits invoice"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="credit_notes",
    )
    sequence = models.PositiveBigIntegerField(_("sequence"))
    number = models.CharField(_("number"), max_length=30)
    issue_date = models.DateField(_("issue date"))
    due_date = models.DateField(_("due date"), null=True, blank=True)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    currency = models.CharField(_("currency"), max_length=3)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    seller = models.JSONField(_("seller"))
    buyer = models.JSONField(_("buyer"))
    buyer_reference = models.CharField(_("buyer reference"), max_length=100)
    payment_reference = models.CharField(_("payment reference"), max_length=40, blank=True)
    line_total = models.DecimalField(_("net total"), max_digits=14, decimal_places=2)
    vat_total = models.DecimalField(_("VAT"), max_digits=14, decimal_places=2)
    rounding_amount = models.DecimalField(
        _("rounding"),
        max_digits=14,
        decimal_places=2,
        default=ZERO,
        help_text=_("Added to the total with VAT to give the amount due (EN 16931 BT-114)."),
    )
    total = models.DecimalField(
        _("total"),
        max_digits=14,
        decimal_places=2,
        help_text=_("The amount due: the total with VAT plus the rounding."),
    )
    vat_breakdown = models.JSONField(_("VAT breakdown"), default=list)
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ISSUED, db_index=True
    )
    paid_total = models.DecimalField(_("paid"), max_digits=14, decimal_places=2, default=ZERO)
    credited_total = models.DecimalField(
        _("credited"), max_digits=14, decimal_places=2, default=ZERO
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    validation = models.CharField(
        _("e-invoice check"),
        max_length=8,
        choices=Validation.choices,
        default=Validation.PENDING,
    )
    validation_findings = models.JSONField(_("findings"), default=list, blank=True)
    validated_against = models.CharField(_("rules version"), max_length=20, blank=True)
    validated_at = models.DateTimeField(_("checked"), null=True, blank=True)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("archived PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        ordering = ["-issue_date", "-sequence"]
        constraints = [
            models.UniqueConstraint(fields=["region", "sequence"], name="invoice_number_unique"),
            models.CheckConstraint(
                condition=Q(kind="invoice") | Q(credited_invoice__isnull=False),
                name="credit_note_has_invoice",
            ),
        ]
        indexes = [
            models.Index(fields=["region", "status", "due_date"], name="invoice_overdue_idx"),
            models.Index(fields=["organisation", "-issue_date"], name="invoice_org_idx"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_credit_note(self) -> bool:
        return self.kind == self.Kind.CREDIT_NOTE

    @property
    def breaks_the_rules(self) -> bool:
        """Its last e-invoice check found a fatal finding: it cannot be sent."""
        return self.validation == self.Validation.FAILED

    @property
    def outstanding(self) -> Decimal:
        if self.is_credit_note:
            return ZERO
        return max(ZERO, self.total - self.credited_total - self.paid_total)

    @property
    def is_partly_credited(self) -> bool:
        """Some of it is credited, not all: it is "credited" only when its whole amount is."""
        return not self.is_credit_note and ZERO < self.credited_total < self.total

    def is_overdue(self, today: date) -> bool:
        open_statuses = (self.Status.ISSUED, self.Status.SENT)
        return (
            not self.is_credit_note
            and self.status in open_statuses
            and self.due_date is not None
            and self.due_date < today
        )

    def display_status(self, today: date) -> str:
        if self.is_overdue(today):
            return str(_("Overdue"))
        if self.is_partly_credited and self.status in (self.Status.ISSUED, self.Status.SENT):
            return str(_("Partly credited"))
        return self.get_status_display()

    def status_key(self, today: date) -> str:
        if self.is_overdue(today):
            return "overdue"
        if self.is_partly_credited and self.status in (self.Status.ISSUED, self.Status.SENT):
            return "partly_credited"
        return self.status


class InvoiceLine(models.Model):
    """A line as issued: a copy of the product's name, price, VAT category and rate."""

    invoice = models.ForeignKey(
        Invoice, verbose_name=_("invoice"), on_delete=models.CASCADE, related_name="lines"
    )
    position = models.PositiveIntegerField(_("line"))
    product = models.ForeignKey(
        "catalogue.Product",
        verbose_name=_("product"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    product_code = models.CharField(_("product code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    description = models.CharField(_("description"), max_length=300, blank=True)
    location_name = models.CharField(_("location"), max_length=200, blank=True)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    quantity = models.DecimalField(_("quantity"), max_digits=12, decimal_places=2)
    unit_code = models.CharField(_("unit"), max_length=3, default="EA")
    unit_price = models.DecimalField(_("unit price"), max_digits=14, decimal_places=4)
    unit_price_incl_vat = models.DecimalField(
        _("unit price incl. VAT"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "Set when the price includes VAT: the line then costs quantity × this price, "
            "VAT included (see totals.py)."
        ),
    )
    net_amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    vat_category = models.CharField(_("VAT category"), max_length=2)
    vat_rate = models.DecimalField(_("VAT rate"), max_digits=5, decimal_places=2)
    vat_exemption_reason = models.CharField(_("exemption reason"), max_length=200, blank=True)
    vat_rate_confirmed = models.BooleanField(
        _("VAT rate confirmed"),
        default=True,
        help_text=_("Whether the VAT rate had been checked at the source when it was issued."),
    )
    employee_count = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    employer_share = models.DecimalField(
        _("employer pays (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    credited_line = models.ForeignKey(
        "self",
        verbose_name=_("credits line"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="credit_lines",
    )

    class Meta:
        verbose_name = _("invoice line")
        verbose_name_plural = _("invoice lines")
        ordering = ["invoice_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["invoice", "position"], name="invoice_line_position")
        ]

    def __str__(self) -> str:
        return f"{self.invoice_id}/{self.position} {self.name}"


class BilledItem(models.Model):
    """What a line billed, month by month: one ticket, one order or one membership fee in
    one period. Each may be billed once per period, so a run started twice, or two runs at
    once, can never bill the same thing twice."""

    line = models.ForeignKey(InvoiceLine, on_delete=models.CASCADE, related_name="billed_items")
    period = models.DateField()
    # Copied from the invoice so that "what is billed in this region this month" is one
    # index scan, not a join through every line (the run asks it twice per chunk).
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    organisation = models.ForeignKey(
        "companies.Organisation", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    ticket = models.ForeignKey(
        "orders.Ticket", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    order = models.ForeignKey(
        "orders.Order", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    membership = models.ForeignKey(
        "companies.Membership", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    employee = models.ForeignKey(
        "employees.Employee", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["ticket", "period"],
                condition=Q(ticket__isnull=False),
                name="billed_ticket_once",
            ),
            models.UniqueConstraint(
                fields=["order", "period"],
                condition=Q(order__isnull=False),
                name="billed_order_once",
            ),
            models.UniqueConstraint(
                fields=["membership", "period"],
                condition=Q(membership__isnull=False),
                name="billed_fee_once",
            ),
        ]
        indexes = [
            models.Index(fields=["region", "period"], name="billed_region_period_idx"),
            models.Index(fields=["organisation", "period"], name="billed_org_period_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.line_id} {self.period:%Y-%m}"


class Payment(models.Model):
    """Money received against an invoice."""

    invoice = models.ForeignKey(
        Invoice, verbose_name=_("invoice"), on_delete=models.PROTECT, related_name="payments"
    )
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    received_on = models.DateField(_("received on"))
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"{self.invoice} {self.amount}"
