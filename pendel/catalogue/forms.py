from django import forms
from django.utils.translation import gettext_lazy as _

from pendel.catalogue.models import Price, Product, VatRate
from pendel.catalogue.texts import LANGUAGES

LANGUAGE_NAMES = {
    "nb": _("Norwegian bokmål"),
    "en": _("English"),
    "sv": _("Swedish"),
    "nl": _("Dutch"),
}


class ProductForm(forms.ModelForm):
    """The product's settings, and its name and description in each language."""

    class Meta:
        model = Product
        fields = ["code", "kind", "billing", "tax_class", "is_orderable", "is_active", "sort_order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            choice for choice in Product.Kind.choices if choice[0] != Product.Kind.MEMBERSHIP_FEE
        ]
        texts = self.instance.texts or self.initial.get("texts") or {}
        for code in LANGUAGES:
            values = texts.get(code) or {}
            self.fields[f"name_{code}"] = forms.CharField(
                label=_("Name (%(language)s)") % {"language": LANGUAGE_NAMES[code]},
                max_length=120,
                required=False,
                initial=values.get("name", ""),
            )
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("Description (%(language)s)") % {"language": LANGUAGE_NAMES[code]},
                max_length=600,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=values.get("description", ""),
            )

    def texts(self) -> dict:
        data = self.cleaned_data
        return {
            code: {"name": data[f"name_{code}"], "description": data[f"description_{code}"]}
            for code in LANGUAGES
        }

    def settings(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def _post_clean(self):
        # The service validates the whole row (with its region) when it saves.
        pass


class PriceForm(forms.Form):
    product = forms.ModelChoiceField(label=_("Product"), queryset=Product.objects.none())
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
    valid_from = forms.DateField(
        label=_("Valid from"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, products, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = products
        self.fields["product"].label_from_instance = lambda product: product.text("name")

    def clean(self):
        data = super().clean()
        if data.get("basis") == Price.Basis.FIXED and data.get("amount") is None:
            self.add_error("amount", _("Give the amount."))
        return data


class AnnualPassForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Annual pass price, VAT included"), max_digits=12, decimal_places=2, min_value=1
    )
    valid_from = forms.DateField(
        label=_("Valid from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    source_url = forms.URLField(
        label=_("Source"), required=False, max_length=500, assume_scheme="https"
    )


class VatRateForm(forms.ModelForm):
    source_url = forms.URLField(label=_("Source"), max_length=500, assume_scheme="https")

    class Meta:
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
