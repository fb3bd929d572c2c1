"""The catalogue's lists (pendel/core/tables.py): the national products, a region's products
with their prices in force, the price history, the VAT rates, and Min side's products.

A product's price in force is a quote worked out in Python (pricing.quotes_for), so the lists
that show it are lists of `QuotedProduct` rows, sorted and paginated in Python; the others
are querysets."""

from dataclasses import dataclass

import django_filters
from django.utils.translation import gettext_lazy as _

from pendel.catalogue.models import VatRate
from pendel.core.tables import NUMBER_CELLS, CellColumn, PendelTable


@dataclass(frozen=True)
class QuotedProduct:
    """A product of a region with its price in force (None when it has none)."""

    product: object
    quote: object
    region: object

    @property
    def name(self) -> str:
        return str(self.product.get_name_display())


def quoted(products, quotes: dict, region) -> list[QuotedProduct]:
    return [QuotedProduct(product, quotes.get(product.pk), region) for product in products]


NO_PRICE = '{% translate "No price" %}'
NET = (
    "{% if row.quote %}{{ row.quote.net|money:row.region.currency }}{% else %}"
    + NO_PRICE
    + "{% endif %}"
)
GROSS = "{% if row.quote %}{{ row.quote.gross|money:row.region.currency }}{% endif %}"
VAT = (
    '{% if row.quote %}{% include "catalogue/staff/_vat.html" with vat=row.quote.vat %}{% endif %}'
)


class QuotedProductTable(PendelTable):
    """The product and its price in force, excluding and including VAT. As it stands (the
    prices page) it lists a region's products on one page and does not sort: the page's
    sortable list is the price history."""

    record_name = "row"

    product = CellColumn(
        _("Product"),
        template_code="<strong>{{ row.name }}</strong><br>"
        "<small>{{ row.product.get_billing_display }}</small>",
    )
    net = CellColumn(_("Price excl. VAT"), template_code=NET, attrs=NUMBER_CELLS)
    gross = CellColumn(_("Price incl. VAT"), template_code=GROSS, attrs=NUMBER_CELLS)
    vat = CellColumn(_("VAT"), template_code=VAT)

    class Meta(PendelTable.Meta):
        empty_text = _("No products yet.")


class RegionProductTable(QuotedProductTable):
    """Staff: the region's catalogue, each product switched on or off here."""

    product = CellColumn(
        _("Product"),
        template_code="<strong>{{ row.name }}</strong> {% if row.product.region_id %}"
        '<span class="badge">{% translate "local add-on" %}</span> '
        '<a href="{% url \'staff:product_edit\' row.product.pk %}">{% translate "Edit" %}'
        '<span class="visually-hidden"> {{ row.name }}</span></a>{% endif %}'
        "{% if not row.product.is_active %} "
        '<span class="ds-tag badge badge-ended" data-color="neutral">{% translate "inactive" %}'
        "</span>{% endif %}<br><small>{{ row.product.get_billing_display }}</small>",
        order_by="name",
        orderable=True,
    )
    net = CellColumn(
        _("Price excl. VAT"),
        template_code='{% if row.product.kind == "membership_fee" %}'
        '{% translate "Set per member in the membership terms." %}{% else %}' + NET + "{% endif %}",
        attrs=NUMBER_CELLS,
    )
    offered = CellColumn(
        _("Offered"),
        template_code='{% if row.product.kind == "membership_fee" %}–{% else %}'
        '<form method="post" action="{% url \'staff:offer_toggle\' row.region.slug '
        'row.product.pk %}" class="inline-form">{% csrf_token %}{% if row.product.offered %}'
        '<input type="hidden" name="enabled" value="0"><span class="ds-tag badge badge-active" '
        'data-color="success">{% translate "Offered" %}</span> '
        '<button class="ds-button" data-variant="secondary" type="submit">'
        '{% translate "Switch off" %}<span class="visually-hidden"> {{ row.name }}</span>'
        '</button>{% else %}<input type="hidden" name="enabled" value="1">'
        '<button class="ds-button" data-variant="secondary" type="submit">'
        '{% translate "Switch on" %}<span class="visually-hidden"> {{ row.name }}</span>'
        "</button>{% endif %}</form>{% endif %}",
        order_by="product__offered",
        orderable=True,
    )


class CompanyProductTable(QuotedProductTable):
    """Min side: what the company can order in each of its programmes."""

    product = CellColumn(
        _("Product"),
        template_code="<strong>{{ row.name }}</strong><br>"
        "<small>{{ row.product.get_description_display }}</small>",
        order_by="name",
        orderable=True,
    )
    programme = CellColumn(
        _("Programme"),
        template_code="{{ row.region.programme_name }}",
        order_by="region__programme_name",
        orderable=True,
    )
    net = CellColumn(
        _("Price excl. VAT"),
        template_code="{% if row.quote %}{{ row.quote.net|money:row.region.currency }}<br>"
        '<small>{% if row.product.is_monthly %}{% translate "a month" %}{% else %}'
        '{% translate "once" %}{% endif %}</small>{% else %}'
        '{% translate "Ask your advisor for a price." %}{% endif %}',
        attrs=NUMBER_CELLS,
    )
    actions = CellColumn(
        _("Actions"),
        template_code="{% if row.quote %}{% if row.product.is_ticket %}"
        '<a href="{% url \'company:ticket_order\' %}">{% translate "Order tickets" %}</a>'
        "{% else %}<a href=\"{% url 'company:order_create' %}?product={{ row.product.pk }}\">"
        '{% translate "Order" %}<span class="visually-hidden"> {{ row.name }}</span></a>'
        "{% endif %}{% endif %}",
    )

    class Meta(QuotedProductTable.Meta):
        exclude = ("vat",)
        sequence = ("product", "programme", "net", "gross", "actions")
        empty_text = _("Nothing can be ordered yet.")


class NationalProductTable(PendelTable):
    """Staff: the national base package, in catalogue order."""

    record_name = "product"

    product = CellColumn(
        _("Product"),
        template_code="<strong>{{ product.get_name_display }}</strong>"
        "{% if not product.is_active %} "
        '<span class="badge badge-ended">{% translate "inactive" %}</span>{% endif %}<br>'
        "<small>{{ product.get_description_display }}</small>",
        order_by=("sort_order", "code"),
        orderable=True,
    )
    billing = CellColumn(
        _("Invoiced"), template_code="{{ product.get_billing_display }}", orderable=True
    )
    tax_class = CellColumn(
        _("Tax class"), template_code="{{ product.get_tax_class_display }}", orderable=True
    )
    missing = CellColumn(
        _("Languages missing"),
        template_code='{{ product.missing_languages|join:", "|default:"–" }}',
    )
    actions = CellColumn(
        _("Actions"),
        template_code="<a href=\"{% url 'staff:product_edit' product.pk %}\">"
        '{% translate "Edit" %}<span class="visually-hidden"> '
        "{{ product.get_name_display }}</span></a>",
    )

    class Meta(PendelTable.Meta):
        empty_text = _("The national catalogue is empty. Run manage.py seed_catalogue.")


class PriceHistoryTable(PendelTable):
    """Staff: every price the region has set, the newest first."""

    record_name = "price"

    product = CellColumn(
        _("Product"),
        template_code="{{ price.product.get_name_display }}",
        order_by=("product__sort_order", "product__code"),
        orderable=True,
    )
    basis = CellColumn(_("Price basis"), template_code="{{ price.get_basis_display }}")
    amount = CellColumn(
        _("Amount"),
        template_code="{% if price.amount is not None %}"
        "{{ price.amount|money:region.currency }} <small>{% if price.includes_vat %}"
        '{% translate "incl. VAT" %}{% else %}{% translate "excl. VAT" %}{% endif %}</small>'
        "{% else %}–{% endif %}",
        orderable=True,
        attrs=NUMBER_CELLS,
    )
    valid_from = CellColumn(
        _("Valid from"), template_code='{{ price.valid_from|date:"DATE_FORMAT" }}', orderable=True
    )
    valid_to = CellColumn(
        _("Valid to"),
        template_code='{{ price.valid_to|date:"DATE_FORMAT"|default:"–" }}',
        orderable=True,
    )
    set_by = CellColumn(_("Set by"), template_code='{{ price.created_by|default:"Pendel" }}')

    class Meta(PendelTable.Meta):
        empty_text = _("No prices yet.")

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.cell_context = {"region": region}


class VatRateFilter(django_filters.FilterSet):
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), queryset=None, empty_label=_("All countries")
    )
    tax_class = django_filters.ChoiceFilter(
        label=_("Tax class"),
        choices=VatRate._meta.get_field("tax_class").choices,
        empty_label=_("All"),
    )

    class Meta:
        model = VatRate
        fields = ["country", "tax_class"]

    def __init__(self, data=None, *, queryset, countries, **kwargs):
        super().__init__(data, queryset=queryset, **kwargs)
        self.filters["country"].queryset = countries


class VatRateTable(PendelTable):
    """Staff: each country's VAT rates with the dates they apply."""

    record_name = "rate"

    country = CellColumn(
        _("Country"),
        template_code="{{ rate.country.name }}",
        order_by="country__code",
        orderable=True,
    )
    tax_class = CellColumn(
        _("Tax class"), template_code="{{ rate.get_tax_class_display }}", orderable=True
    )
    category = CellColumn(
        _("VAT category"), template_code="{{ rate.get_category_display }}", orderable=True
    )
    rate = CellColumn(
        _("Rate"),
        template_code='{{ rate.rate|floatformat:"-2" }} %',
        orderable=True,
        attrs=NUMBER_CELLS,
    )
    valid = CellColumn(
        _("Valid"),
        template_code='{{ rate.valid_from|date:"DATE_FORMAT" }} – '
        '{{ rate.valid_to|date:"DATE_FORMAT"|default:"" }}',
        order_by="valid_from",
        orderable=True,
    )
    source = CellColumn(
        _("Source"),
        template_code='<a href="{{ rate.source_url }}" rel="noopener noreferrer">'
        '{% translate "Source" %}<span class="visually-hidden"> {{ rate }}</span></a>'
        "{% if rate.note %}<br><small>{{ rate.note }}</small>{% endif %}",
    )
    status = CellColumn(
        _("Status"),
        template_code='{% if rate.confirmed %}<span class="badge badge-active">'
        '{% translate "confirmed" %}</span><br><small>{{ rate.checked_on|date:"DATE_FORMAT" }}'
        '</small>{% else %}<span class="badge badge-pending">{% translate "unconfirmed" %}'
        "</span>{% if can_edit %}<br><a href=\"{% url 'staff:vat_rate_confirm' rate.pk %}\">"
        '{% translate "Confirm" %}<span class="visually-hidden"> {{ rate }}</span></a>'
        "{% endif %}{% endif %}",
        order_by="confirmed",
        orderable=True,
    )

    class Meta(PendelTable.Meta):
        empty_text = _("No VAT rates yet. Run manage.py seed_catalogue.")

    def __init__(self, *args, can_edit: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.cell_context = {"can_edit": can_edit}
