from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from pendel.core.dates import add_months, month_choices, region_today
from pendel.core.fields import BoundedDateField, IdChoiceField, bounded_formfield
from pendel.invoicing.models import BillingSettings, Invoice, SellerProfile
from pendel.orders.forms import MonthField


class RunStartForm(forms.Form):
    region = IdChoiceField(label=_("Region"), queryset=None)
    in_advance = forms.BooleanField(
        label=_("We invoice this month in advance"),
        required=False,
        help_text=_("Needed for a month that has not begun yet. The audit trail records it."),
    )

    def __init__(self, *args, regions, this_month, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions
        self.fields["region"].label_from_instance = lambda region: region.programme_name
        if len(regions) == 1:  # staff of one programme need not pick it
            self.fields["region"].empty_label = None
        # From next month back a year: a run is usually for this month or the next one.
        first = add_months(this_month, -11)
        self.fields["period"] = MonthField(label=_("Month"), first=first, count=13)
        self.fields["period"].choices = list(reversed(month_choices(first, 13)))
        self.fields["period"].initial = self.fields["period"].choices[1][0]
        self.order_fields(["region", "period", "in_advance"])


class InvoiceFilterForm(forms.Form):
    STATUS_CHOICES = [
        ("", _("All")),
        *Invoice.Status.choices,
        ("overdue", _("Overdue")),
        ("partly_credited", _("Partly credited")),
    ]
    region = forms.ChoiceField(label=_("Region"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All")), *Invoice.Kind.choices], required=False
    )
    q = forms.CharField(label=_("Search"), required=False, max_length=100)

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.regions = {region.slug: region for region in regions}
        self.fields["region"].choices = [("", _("All regions"))] + [
            (region.slug, region.programme_name) for region in regions
        ]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "region": self.regions.get(data["region"]),
            "status": data["status"],
            "kind": data["kind"],
            "q": data["q"].strip(),
        }


class OverdueFilterForm(InvoiceFilterForm):
    """The overdue list: by region and search (overdue is its status already)."""

    status = None
    kind = None

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {
            "region": self.regions.get(self.cleaned_data["region"]),
            "q": self.cleaned_data["q"].strip(),
        }


class PaymentForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount"), max_digits=14, decimal_places=2, min_value=Decimal("0.01")
    )
    received_on = BoundedDateField(
        label=_("Received on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reference = forms.CharField(label=_("Reference"), max_length=100, required=False)

    def __init__(self, *args, invoice: Invoice, **kwargs):
        kwargs.setdefault(
            "initial", {"amount": invoice.outstanding, "received_on": region_today(invoice.region)}
        )
        super().__init__(*args, **kwargs)


class CreditForm(forms.Form):
    """The whole invoice, or a quantity of each line (what is left of it at most)."""

    whole = forms.BooleanField(
        label=_("Credit everything that is left of the invoice"), required=False
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("Shown on the credit note, e.g. the employee left in March."),
    )

    def __init__(self, *args, lines, remaining: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = []
        for line in lines:
            left = remaining.get(line.pk, Decimal("0"))
            name = f"line_{line.pk}"
            self.fields[name] = forms.DecimalField(
                label=f"{line.position}. {line.name} – {line.description}",
                required=False,
                min_value=Decimal("0"),
                max_value=left,
                decimal_places=2,
                help_text=_("At most %(left)s.") % {"left": left.normalize()},
                disabled=left <= 0,
            )
            self.lines.append((line, name, left))

    def clean(self):
        data = super().clean()
        if not data.get("whole") and not any(data.get(name) for _l, name, _left in self.lines):
            raise forms.ValidationError(_("Choose what to credit."))
        return data

    def quantities(self) -> dict | None:
        if self.cleaned_data["whole"]:
            return None
        return {
            line.pk: self.cleaned_data[name]
            for line, name, _left in self.lines
            if self.cleaned_data.get(name)
        }


class SellerProfileForm(forms.ModelForm):
    class Meta:
        formfield_callback = bounded_formfield
        model = SellerProfile
        fields = [
            "legal_name",
            "organisation_number",
            "legal_id_scheme",
            "vat_number",
            "in_business_register",
            "street",
            "postcode",
            "city",
            "email",
            "phone",
            "account_kind",
            "account_number",
            "bic",
            "payment_terms_days",
            "invoice_prefix",
        ]

    def _post_clean(self):
        pass  # the service checks the whole row, with its region's country


class BillingSettingsForm(forms.ModelForm):
    class Meta:
        model = BillingSettings
        fields = ["invoice_per_location", "language"]
