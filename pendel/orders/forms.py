from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from pendel.catalogue.models import Product
from pendel.core.dates import month_choices, month_value, parse_month
from pendel.core.fields import IdChoiceField, IdMultipleChoiceField
from pendel.employees.models import Employee

MONTHS_AHEAD = 12


class MonthField(forms.ChoiceField):
    """A month from a list ('2026-03'), cleaned to its first day."""

    def __init__(self, *, first, count: int = MONTHS_AHEAD, **kwargs):
        super().__init__(choices=month_choices(first, count), **kwargs)
        self.initial = month_value(first)

    def clean(self, value):
        return parse_month(super().clean(value))


class TicketOrderForm(forms.Form):
    product = IdChoiceField(label=_("Ticket"), queryset=Product.objects.none())
    all_employees = forms.BooleanField(
        label=_("All employees of the location"),
        required=False,
        help_text=_("Everyone on the employee list who has no ticket yet."),
    )
    employees = IdMultipleChoiceField(
        label=_("Employees"),
        queryset=Employee.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    employer_share = forms.DecimalField(
        label=_("Share the employer pays (%)"),
        min_value=Decimal("0"),
        max_value=Decimal("100"),
        decimal_places=2,
        initial=Decimal("100"),
        help_text=_("The employee pays the rest, through the ticket app."),
    )

    def __init__(self, *args, products, employees, first_month, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start_month"] = MonthField(label=_("From month"), first=first_month)
        self.fields["product"].queryset = products
        self.fields["product"].label_from_instance = lambda product: product.get_name_display()
        self.fields["product"].initial = products.first()
        self.fields["employees"].queryset = employees
        self.fields["employees"].label_from_instance = lambda e: f"{e.full_name} {e.email}".strip()
        self.order_fields(["product", "start_month", "employer_share", "all_employees"])

    def clean(self):
        data = super().clean()
        if not data.get("all_employees") and not data.get("employees"):
            raise forms.ValidationError(_("Choose employees, or all employees."))
        return data

    def employee_ids(self) -> list[int]:
        if self.cleaned_data["all_employees"]:
            return list(self.fields["employees"].queryset.values_list("pk", flat=True))
        return [employee.pk for employee in self.cleaned_data["employees"]]


class OrderForm(forms.Form):
    location = IdChoiceField(label=_("Location"), queryset=None)
    product = IdChoiceField(label=_("Product"), queryset=Product.objects.none())
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, max_value=10000, initial=1)
    note = forms.CharField(
        label=_("Note"),
        max_length=300,
        required=False,
        help_text=_("E.g. the date you would like for the event."),
    )

    def __init__(self, *args, locations, products, first_month, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations
        self.fields["product"].queryset = products
        self.fields["product"].label_from_instance = lambda product: product.get_name_display()
        self.fields["start_month"] = MonthField(
            label=_("From month"), first=first_month, help_text=_("One-off products: the month.")
        )
        self.order_fields(["location", "product", "start_month", "quantity", "note"])

    def clean(self):
        data = super().clean()
        location, product = data.get("location"), data.get("product")
        if location and product and product.region_id not in (None, location.region_id):
            self.add_error("product", _("This product is not offered at that location."))
        return data


class CancelForm(forms.Form):
    def __init__(self, *args, first_month, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from_month"] = MonthField(
            label=_("Cancel from"),
            first=first_month,
            help_text=_("The first month that is no longer included."),
        )


class HandoffKeyForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=100, help_text=_("E.g. the ticketing system.")
    )
