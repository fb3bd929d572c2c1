"""Min side: the contact person orders company tickets and other products for their own
locations, sees what is active, and cancels from a month on."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pendel.accounts.access import contact_person_required, request_scope
from pendel.catalogue.models import Product
from pendel.catalogue.selectors import offered_products
from pendel.companies.selectors import locations_for
from pendel.core.dates import current_month
from pendel.core.forms import apply_validation_error
from pendel.core.requests import id_param
from pendel.core.tables import table_configure, table_render
from pendel.employees.models import Employee
from pendel.orders import selectors, services
from pendel.orders.forms import CancelForm, OrderForm, TicketOrderForm
from pendel.orders.tables import CompanyOrderTable, TicketTable


def _location(request):
    """The location asked for (?location=), or the contact person's first one."""
    locations = locations_for(request_scope(request))
    if request.GET.get("location", ""):
        wanted = id_param(request, "location")
        if wanted is None:
            raise Http404
        return get_object_or_404(locations, pk=wanted), locations
    location = locations.first()
    if location is None:
        raise Http404
    return location, locations


@contact_person_required
def ticket_list(request):
    location, locations = _location(request)
    month = current_month(location.region.time_zone)
    tickets = (
        selectors.tickets_for(request_scope(request))
        .filter(order__location=location)
        .filter(Q(end_month__isnull=True) | Q(end_month__gt=month))
        .exclude(end_month__lte=F("start_month"))  # cancelled before they began
    )
    table = table_configure(request, TicketTable(tickets), per_page=100)
    context = {"location": location, "locations": locations, "month": month}
    return table_render(request, "orders/company/ticket_list.html", context, table=table)


@contact_person_required
def ticket_order(request):
    location, locations = _location(request)
    first = current_month(location.region.time_zone)
    form = TicketOrderForm(
        request.POST or None,
        products=offered_products(location.region, orderable_only=True).filter(
            kind=Product.Kind.COMPANY_TICKET
        ),
        employees=Employee.objects.active(on=first).filter(location=location),
        first_month=first,
    )
    problem = services.ordering_problem(location)
    preview = None
    if request.method == "POST" and not problem and form.is_valid():
        order = {
            "location": location,
            "product": form.cleaned_data["product"],
            "employee_ids": form.employee_ids(),
            "start_month": form.cleaned_data["start_month"],
            "employer_share": form.cleaned_data["employer_share"],
        }
        try:
            preview = services.ticket_order_preview(**order)
            if _confirmed(request, preview):
                result = services.ticket_order_create(actor=request.user, **order)
                messages.success(request, _ordered_message(result))
                return redirect(f"{reverse('company:ticket_list')}?location={location.pk}")
        except ValidationError as error:
            apply_validation_error(form, error)
            preview = None
    context = {
        "form": form,
        "location": location,
        "locations": locations,
        "problem": problem,
        "preview": preview,
    }
    return render(request, "orders/company/ticket_order.html", context)


def _confirmed(request, preview) -> bool:
    """The order is placed only from its summary, and only as the summary showed it."""
    return request.POST.get("confirm", "") == preview.digest


def _ordered_message(result) -> str:
    text = ngettext(
        "%(count)s company ticket has been ordered.",
        "%(count)s company tickets have been ordered.",
        result.created,
    ) % {"count": result.created}
    if result.skipped:
        text += " " + ngettext(
            "%(count)s employee already had one.",
            "%(count)s employees already had one.",
            result.skipped,
        ) % {"count": result.skipped}
    return text


@contact_person_required
def ticket_cancel(request, pk: int):
    ticket = selectors.ticket_get_for(request_scope(request), pk)
    location = ticket.order.location
    form = CancelForm(request.POST or None, first_month=current_month(location.region.time_zone))
    if request.method == "POST" and form.is_valid():
        try:
            services.ticket_cancel(
                actor=request.user, ticket=ticket, from_month=form.cleaned_data["from_month"]
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The ticket has been cancelled."))
            return redirect(f"{reverse('company:ticket_list')}?location={location.pk}")
    return render(request, "orders/company/ticket_cancel.html", {"form": form, "ticket": ticket})


@contact_person_required
def order_list(request):
    orders = selectors.orders_for(request_scope(request))
    table = table_configure(request, CompanyOrderTable(orders))
    return table_render(request, "orders/company/order_list.html", {}, table=table)


@contact_person_required
def order_create(request):
    """Another product: an event, e-bike leasing, a bike check…"""
    location, locations = _location(request)
    products = Product.objects.filter(
        pk__in=[p.pk for loc in locations for p in _orderable_extras(loc.region)]
    )
    initial = {"location": location, "product": id_param(request, "product")}
    form = OrderForm(
        request.POST or None,
        initial=initial,
        locations=locations,
        products=products,
        first_month=current_month(location.region.time_zone),
    )
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            preview = services.order_preview(**data)
            if _confirmed(request, preview):
                services.order_create(actor=request.user, **data)
                messages.success(request, _("Thank you, the order has been placed."))
                return redirect("company:order_list")
        except ValidationError as error:
            apply_validation_error(form, error)
            preview = None
    problems = services.ordering_problems(locations)
    context = {"form": form, "preview": preview, "problems": problems}
    return render(request, "orders/company/order_form.html", context)


def _orderable_extras(region):
    return offered_products(region, orderable_only=True).exclude(
        kind__in=[Product.Kind.COMPANY_TICKET, Product.Kind.MEMBERSHIP_FEE]
    )


@contact_person_required
def order_cancel(request, pk: int):
    order = selectors.order_get_for(request_scope(request), pk)
    region = order.location.region
    form = CancelForm(request.POST or None, first_month=current_month(region.time_zone))
    if request.method == "POST" and form.is_valid():
        try:
            services.order_cancel(
                actor=request.user, order=order, from_month=form.cleaned_data["from_month"]
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The order has been cancelled."))
            return redirect("company:order_list")
    return render(request, "orders/company/order_cancel.html", {"form": form, "order": order})
