from django import forms
from django.utils.translation import gettext_lazy as _

from pendel.catalogue.models import Price, Product, VatRate
from pendel.catalogue.pricing import month_start_problem
from pendel.core.fields import BoundedDateField, IdChoiceField, bounded_formfield
from pendel.core.texts import add_translated_fields, collect_translated


class ProductForm(forms.ModelForm):
    """The product's settings, and its name and description in each language."""

    class Meta:
        formfield_callback = bounded_formfield
        model = Product
        fields = ["code", "kind", "billing", "tax_class", "is_orderable", "is_active", "sort_order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            choice for choice in Product.Kind.choices if choice[0] != Product.Kind.MEMBERSHIP_FEE
        ]
        # No language is required: the service asks for a name in at least one.
        for name, label, max_length in (
            ("name", _("Name"), 120),
            ("description", _("Description"), 600),
        ):
            add_translated_fields(
                self,
                name,
                label=label,
                required_language=None,
                initial=getattr(self.instance, name) or self.initial.get(name),
                max_length=max_length,
                textarea=name == "description",
            )

    def texts(self) -> dict:
        return {name: collect_translated(self.cleaned_data, name) for name in Product.TEXT_FIELDS}

    def settings(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def _post_clean(self):
        # The service validates the whole row (with its region) when it saves.
        pass


class MonthStartMixin:
    """Prices change per month (see pricing.month_start_problem)."""

    def clean_valid_from(self):
        day = self.cleaned_data["valid_from"]
        problem = month_start_problem(day)
        if problem:
            raise forms.ValidationError(problem, code="month")
        return day


class PriceForm(MonthStartMixin, forms.Form):
    product = IdChoiceField(label=_("Product"), queryset=Product.objects.none())
    basis = forms.ChoiceField(
        label=_("Price basis"), choices=Price.Basis.choices, initial=Price.Basis.FIXED
    )
    amount = forms.DecimalField(
        label=_("Amount"), max_digits=12, decimal_places=2, min_value=0, required=False
    )
    includes_vat = forms.BooleanField(
        label=_("The amount includes VAT"),
        required=False,
        help_text=_("Tick for a consumer price such as 199 kr a month."),
    )
    valid_from = BoundedDateField(
        label=_("Valid from"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The first day of a month: the price applies to that month's invoices on."),
    )

    def __init__(self, *args, products, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = products
        self.fields["product"].label_from_instance = lambda product: product.get_name_display()

    def clean(self):
        data = super().clean()
        if data.get("basis") == Price.Basis.FIXED and data.get("amount") is None:
            self.add_error("amount", _("Give the amount."))
        return data


class AnnualPassForm(MonthStartMixin, forms.Form):
    amount = forms.DecimalField(
        label=_("Annual pass price, VAT included"), max_digits=12, decimal_places=2, min_value=1
    )
    valid_from = BoundedDateField(
        label=_("Valid from"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The first day of a month: the price applies to that month's invoices on."),
    )
    source_url = forms.URLField(
        label=_("Source"), required=False, max_length=500, assume_scheme="https"
    )


class VatRateForm(forms.ModelForm):
    source_url = forms.URLField(label=_("Source"), max_length=500, assume_scheme="https")

    class Meta:
        formfield_callback = bounded_formfield
        model = VatRate
        fields = [
            "country",
            "tax_class",
            "category",
            "rate",
            "valid_from",
            "exemption_reason",
            "source_url",
            "confirmed",
            "note",
        ]
        widgets = {
            "valid_from": forms.DateInput(attrs={"type": "date"}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def _post_clean(self):
        pass  # the service checks the row and closes the rate before it


class VatConfirmForm(forms.Form):
    source_url = forms.URLField(
        label=_("Source"),
        max_length=500,
        assume_scheme="https",
        help_text=_("The tax authority's page where you checked the rate today."),
    )
    source_text = forms.CharField(
        label=_("What the page says"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The sentence that gives the rate, as the page has it."),
    )
