"""Lists that scale: every back-office and Min side list is a django-tables2 table with
Designsystemet markup (`templates/includes/table.html`), sortable on the columns it names,
paginated, and re-rendered alone when htmx asks for it.

The same URLs work without JavaScript: sort headers and page numbers are plain links, filters
plain GET forms. With htmx the list's form and links target `#results` and only the template's
`results` partial comes back. On a phone the rows become cards (static/css/tables.css): every
cell carries its column's header as `data-label`.

Querysets come from the app's scoped selectors; the table only orders and slices them.
"""

from datetime import datetime

import django_tables2 as tables
from django.core.paginator import EmptyPage, Page
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template import Context, Template
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.formats import date_format

from pendel.core.money import format_money, format_number

RESULTS = "results"  # the element id the htmx requests target, and the partial's name
PAGE_SIZE = 50
SORT_MAX_LENGTH = 100


class PendelTable(tables.Table):
    """The base of every list. Columns are not sortable unless they say `orderable=True`: a
    ?sort= naming any other column is ignored."""

    class Meta:
        template_name = "includes/table.html"
        attrs = {"class": "ds-table pendel-table", "data-size": "sm"}
        order_by_field = "sort"
        page_field = "page"
        orderable = False
        default = "–"


def _page_number(value) -> int:
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


def _order_stably(table) -> None:
    """Ties broken by primary key, so a row never shows on two pages or on none."""
    data = table.data
    queryset = getattr(data, "data", None)
    if not hasattr(queryset, "query"):
        return
    ordering = list(queryset.query.order_by or queryset.model._meta.ordering or [])
    if "pk" not in ordering and "-pk" not in ordering:
        data.data = queryset.order_by(*ordering, "pk")


def table_configure(request, table, *, per_page: int = PAGE_SIZE):
    """Sort by ?sort= (whitelisted columns only) and show the ?page= asked for (the last page
    when past the end, the first when not a number). The page size is the view's, not the
    query string's."""
    table.request = request
    sort = request.GET.get(table.prefixed_order_by_field, "")[:SORT_MAX_LENGTH]
    if sort:
        table.order_by = sort
    _order_stably(table)
    try:
        table.paginate(
            per_page=per_page, page=_page_number(request.GET.get(table.prefixed_page_field))
        )
    except EmptyPage:
        table.page = table.paginator.page(table.paginator.num_pages)
    return table


def table_page(table) -> Page:
    """The page of records shown (model instances, not table rows), for the template's counts
    and for code that reads the list."""
    records = [row.record for row in table.page.object_list]
    return Page(records, table.page.number, table.paginator)


def table_render(request, template: str, context: dict, *, table, status: int = 200):
    """The whole page, or only its `results` partial when htmx asks for `#results`."""
    context = {**context, "table": table, "page": table_page(table)}
    if request.htmx and request.htmx.target == RESULTS:
        template = f"{template}#{RESULTS}"
    response = render(request, template, context, status=status)
    patch_vary_headers(response, ("HX-Request", "HX-Target"))  # never the partial for a page
    return response


# A column of figures: right-aligned on a desktop (its header too).
NUMBER_CELLS = {"th": {"class": "num"}, "td": {"class": "num"}}


class NumberColumn(tables.Column):
    """A count, right-aligned on a desktop, in the reader's number format."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("attrs", NUMBER_CELLS)
        super().__init__(*args, **kwargs)

    def render(self, value):
        return format_number(value)


class DateColumn(tables.Column):
    """A date in the reader's short date format."""

    def render(self, value):
        if isinstance(value, datetime) and timezone.is_aware(value):
            value = timezone.localtime(value)
        return date_format(value, "SHORT_DATE_FORMAT")


class MoneyColumn(NumberColumn):
    """An amount with its currency, read from `currency` on the row (an accessor)."""

    def __init__(self, *args, currency: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.currency = tables.A(currency)

    def render(self, value, record):
        return format_money(value, self.currency.resolve(record))


class CellColumn(tables.TemplateColumn):
    """A cell drawn by a template snippet, with the row's object under the table's
    `record_name` (so a list's cell markup reads as it did: `order`, `document`…; a column may
    name its own) and the table's `cell_context` (e.g. `today`). The snippet is compiled
    once, not once a row; `{% csrf_token %}` works in it."""

    def __init__(self, verbose_name=None, *, template_code: str, record_name=None, **kwargs):
        super().__init__(template_code=template_code, verbose_name=verbose_name, **kwargs)
        self.record_name = record_name
        self.compiled = Template("{% load i18n pendel %}" + template_code)

    def render(self, record, table, value, bound_column, **kwargs):
        context = self.get_context_data(
            record=record, table=table, value=value, bound_column=bound_column, **kwargs
        )
        context[self.record_name or getattr(table, "record_name", "record")] = record
        context.update(getattr(table, "cell_context", {}))
        request = getattr(table, "request", None)
        if request is not None:
            context["request"] = request
            context["csrf_token"] = get_token(request)
        return self.compiled.render(Context(context))
