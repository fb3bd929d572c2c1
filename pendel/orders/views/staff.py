"""Orders in the back office, and the ticket hand-off to the ticketing system (see
pendel/orders/handoff.py for the format and the API)."""

from django.contrib import messages
from django.db.models import Count
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from pendel.accounts.access import request_scope, staff_required
from pendel.core.dates import current_month, month_value, parse_month
from pendel.core.downloads import file_response, no_store
from pendel.core.tables import table_configure, table_render
from pendel.orders import handoff, selectors
from pendel.orders.forms import HandoffKeyForm
from pendel.orders.tables import OrderTable
from pendel.regions.selectors import region_get_for, regions_for


@staff_required
def order_list(request):
    scope = request_scope(request)
    regions = regions_for(scope)
    orders = (
        selectors.orders_for(scope)
        .annotate(ticket_count=Count("tickets"))
        .order_by("-start_month", "-id")
    )
    region = regions.filter(slug=request.GET.get("region", "")).first()
    if region is not None:
        orders = orders.filter(location__region=region)
    table = table_configure(request, OrderTable(orders))
    context = {"regions": regions, "region": region}
    return table_render(request, "orders/staff/order_list.html", context, table=table)


@staff_required
def ticket_handoff(request):
    """How a ticketing system gets the active tickets, with the files and the keys."""
    scope = request_scope(request)
    regions = list(regions_for(scope))
    context = {
        "regions": [(region, month_value(current_month(region.time_zone))) for region in regions],
        "keys": selectors.handoff_keys_for(scope),
        "form": HandoffKeyForm(),
        "new_key": request.session.pop("handoff_new_key", None),
        "columns": handoff.COLUMNS,
    }
    return render(request, "orders/staff/ticket_handoff.html", context)


def _region_month(request, slug: str, month: str):
    region = region_get_for(request_scope(request), slug)
    first = parse_month(month)
    if first is None:
        raise Http404
    return region, first


@staff_required
def ticket_handoff_csv(request, slug: str, month: str):
    region, first = _region_month(request, slug, month)
    body = handoff.handoff_csv(handoff.handoff_rows(region, first))
    filename = f"tickets-{region.slug}-{month_value(first)}.csv"
    return file_response(body, filename=filename, content_type="text/csv; charset=utf-8")


def ticket_handoff_json(request, slug: str, month: str):
    """For staff in the browser, or a ticketing system with its region's key."""
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return _handoff_json_for_staff(request, slug, month)
    key = handoff.handoff_key_authenticate(header.removeprefix("Bearer ").strip())
    if key is None:
        return JsonResponse({"error": "invalid or revoked key"}, status=401)
    first = parse_month(month)
    if key.region.slug != slug or first is None:
        raise Http404
    return _json(key.region, first)


@staff_required
def _handoff_json_for_staff(request, slug: str, month: str):
    region, first = _region_month(request, slug, month)
    return _json(region, first)


def _json(region, first) -> JsonResponse:
    rows = handoff.handoff_rows(region, first)
    return no_store(JsonResponse(handoff.handoff_json(region, first, rows)))


@staff_required
def handoff_key_create(request, slug: str):
    region = region_get_for(request_scope(request), slug)
    if request.method != "POST":
        return redirect("staff:ticket_handoff")
    form = HandoffKeyForm(request.POST)
    if form.is_valid():
        key, raw = handoff.handoff_key_create(
            actor=request.user, region=region, name=form.cleaned_data["name"]
        )
        # Shown once on the next page, then gone: only its hash is kept.
        request.session["handoff_new_key"] = {"name": key.name, "key": raw, "region": region.slug}
        messages.success(request, _("The key has been made. Copy it now; it is shown only once."))
    else:
        messages.error(request, _("Give the key a name."))
    return redirect("staff:ticket_handoff")


@staff_required
def handoff_key_revoke(request, pk: int):
    key = selectors.handoff_key_get_for(request_scope(request), pk)
    if request.method != "POST":
        return redirect("staff:ticket_handoff")
    handoff.handoff_key_revoke(actor=request.user, key=key)
    messages.success(request, _("The key has been revoked."))
    return redirect("staff:ticket_handoff")
