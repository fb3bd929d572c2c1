"""The catalogue in the back office: the coordinator keeps the national catalogue; a region
switches products on, adds its own and sets its prices; the VAT rates per country."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from pendel.accounts.access import coordinator_required, request_scope, staff_required
from pendel.catalogue import selectors, services
from pendel.catalogue.forms import (
    AnnualPassForm,
    PriceForm,
    ProductForm,
    VatConfirmForm,
    VatRateForm,
)
from pendel.catalogue.models import AnnualPassPrice, Product
from pendel.catalogue.pricing import quotes_for
from pendel.catalogue.seed import LOCAL_ADDON_TEMPLATES, addon_template
from pendel.catalogue.tables import (
    NationalProductTable,
    PriceHistoryTable,
    QuotedProductTable,
    RegionProductTable,
    VatRateFilter,
    VatRateTable,
    quoted,
)
from pendel.core.dates import region_today
from pendel.core.forms import apply_validation_error, confirmation_digest
from pendel.core.requests import next_path
from pendel.core.tables import table_configure, table_render
from pendel.core.texts import localized
from pendel.regions.models import Country
from pendel.regions.selectors import region_get_for, regions_for


@staff_required
def catalogue_list(request):
    """The national catalogue, and the regions whose catalogue the actor keeps."""
    scope = request_scope(request)
    products = Product.objects.filter(region__isnull=True)
    table = NationalProductTable(products, exclude=() if scope.is_coordinator else ("actions",))
    table_configure(request, table)
    context = {"regions": regions_for(scope), "can_edit": scope.is_coordinator}
    return table_render(request, "catalogue/staff/catalogue_list.html", context, table=table)


@staff_required
def region_catalogue(request, slug: str):
    region = region_get_for(request_scope(request), slug)
    today = region_today(region)
    quotes = quotes_for(region, today)
    products = selectors.products_for_region(region)
    table = table_configure(request, RegionProductTable(quoted(products, quotes, region)))
    context = {
        "region": region,
        "today": today,
        "templates": [
            (code, localized(texts["name"]))
            for code, _k, _b, _t, _o, texts in LOCAL_ADDON_TEMPLATES
        ],
    }
    return table_render(request, "catalogue/staff/region_catalogue.html", context, table=table)


@staff_required
def offer_toggle(request, slug: str, pk: int):
    region = region_get_for(request_scope(request), slug)
    product = selectors.product_get_for_region(region, pk)
    if request.method != "POST":
        return redirect("staff:region_catalogue", slug=region.slug)
    enabled = request.POST.get("enabled") == "1"
    services.offer_set(actor=request.user, region=region, product=product, enabled=enabled)
    if enabled:
        messages.success(request, _("%(product)s is now offered.") % {"product": product})
    else:
        messages.success(request, _("%(product)s is no longer offered.") % {"product": product})
    return redirect("staff:region_catalogue", slug=region.slug)


def _product_form_page(request, *, product: Product, region, back):
    form = ProductForm(request.POST or None, instance=product, initial=_template_initial(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.product_save(
                actor=request.user, product=product, data=form.settings(), texts=form.texts()
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The product has been saved."))
            return back
    context = {"form": form, "product": product, "region": region}
    return render(request, "catalogue/staff/product_form.html", context)


def _template_initial(request) -> dict:
    template = addon_template(request.GET.get("template", ""))
    return template or {}


@coordinator_required
def national_product_create(request):
    product = Product(region=None)
    back = redirect("staff:catalogue_list")
    return _product_form_page(request, product=product, region=None, back=back)


@staff_required
def region_product_create(request, slug: str):
    region = region_get_for(request_scope(request), slug)
    product = Product(region=region)
    back = redirect("staff:region_catalogue", slug=region.slug)
    return _product_form_page(request, product=product, region=region, back=back)


@staff_required
def product_edit(request, pk: int):
    product = selectors.product_get_for_edit(request_scope(request), pk)
    if product.region_id:
        back = redirect("staff:region_catalogue", slug=product.region.slug)
    else:
        back = redirect("staff:catalogue_list")
    return _product_form_page(request, product=product, region=product.region, back=back)


@staff_required
def region_prices(request, slug: str):
    """Price history; a new price or annual pass price from a day on."""
    region = region_get_for(request_scope(request), slug)
    products = selectors.products_for_region(region).filter(is_active=True)
    price_form = PriceForm(
        request.POST if request.POST.get("form") == "price" else None, products=products
    )
    pass_form = AnnualPassForm(request.POST if request.POST.get("form") == "pass" else None)
    effect = None
    if request.method == "POST":
        effect = _price_effect(request, region, price_form)
        if effect is None and _save_price(request, region, price_form, pass_form):
            return redirect("staff:region_prices", slug=region.slug)
    today = region_today(region)
    current = quoted(products, quotes_for(region, today), region)
    current_table = QuotedProductTable(current, prefix="current-")
    table_configure(request, current_table, per_page=max(len(current), 1))  # one page
    history = PriceHistoryTable(selectors.prices_for_region(region), region=region)
    table_configure(request, history)
    context = {
        "region": region,
        "annual_passes": AnnualPassPrice.objects.filter(region=region),
        "current": current_table,
        "price_form": price_form,
        "pass_form": pass_form,
        "today": today,
        "effect": effect,
    }
    status = 200 if effect is not None or request.method == "GET" else 400
    return table_render(
        request, "catalogue/staff/region_prices.html", context, table=history, status=status
    )


def _price_effect(request, region, price_form):
    """Before a new price is saved: what it changes (PriceChangeEffect), or None once the
    staff member has seen that for these very values and confirms (or the form is wrong)."""
    if not (price_form.is_bound and price_form.is_valid()):
        return None
    data = price_form.cleaned_data
    digest = confirmation_digest(
        region.pk,
        data["product"].pk,
        data["basis"],
        data["amount"],
        data["includes_vat"],
        data["valid_from"],
    )
    if request.POST.get("confirm", "") == digest:
        return None
    effect = selectors.price_change_effect(region, data["product"], data["valid_from"])
    return {"effect": effect, "digest": digest, "product": data["product"], "data": data}


def _save_price(request, region, price_form, pass_form) -> bool:
    try:
        if price_form.is_bound and price_form.is_valid():
            data = price_form.cleaned_data
            services.price_set(
                actor=request.user,
                region=region,
                product=data["product"],
                basis=data["basis"],
                amount=data["amount"],
                includes_vat=data["includes_vat"],
                valid_from=data["valid_from"],
            )
            messages.success(request, _("The price has been saved."))
            return True
        if pass_form.is_bound and pass_form.is_valid():
            services.annual_pass_set(actor=request.user, region=region, **pass_form.cleaned_data)
            messages.success(request, _("The annual pass price has been saved."))
            return True
    except ValidationError as error:
        apply_validation_error(price_form if price_form.is_bound else pass_form, error)
    return False


@staff_required
def vat_rate_list(request):
    can_edit = request_scope(request).is_coordinator
    found = VatRateFilter(
        request.GET, queryset=selectors.vat_rates(), countries=Country.objects.order_by("code")
    )
    table = table_configure(request, VatRateTable(found.qs, can_edit=can_edit))
    context = {"form": found.form, "can_edit": can_edit}
    return table_render(request, "catalogue/staff/vat_rate_list.html", context, table=table)


@coordinator_required
def vat_rate_create(request):
    form = VatRateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.vat_rate_create(actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The VAT rate has been saved."))
            return redirect("staff:vat_rate_list")
    return render(request, "catalogue/staff/vat_rate_form.html", {"form": form})


@coordinator_required
def vat_rate_confirm(request, pk: int):
    rate = selectors.vat_rate_get(pk)
    form = VatConfirmForm(request.POST or None, initial={"source_url": rate.source_url})
    back = next_path(request, "staff:vat_rate_list")
    if request.method == "POST" and form.is_valid():
        services.vat_rate_confirm(actor=request.user, rate=rate, **form.cleaned_data)
        messages.success(request, _("The VAT rate is marked as confirmed."))
        return redirect(back)
    context = {"form": form, "rate": rate, "next": back}
    return render(request, "catalogue/staff/vat_rate_confirm.html", context)
