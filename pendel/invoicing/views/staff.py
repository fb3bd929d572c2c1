"""Invoicing in the back office: runs, invoices, credit notes, payments, overdue invoices,
and each region's seller details."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from pendel.accounts.access import request_scope, staff_required
from pendel.companies.selectors import organisations_wholly_in
from pendel.core.dates import earliest_today, month_start, region_today
from pendel.core.forms import apply_validation_error, message_validation_error
from pendel.core.leases import lease_state
from pendel.core.tables import table_configure, table_render
from pendel.invoicing import selectors, services
from pendel.invoicing.forms import (
    BillingSettingsForm,
    CreditForm,
    InvoiceFilterForm,
    OverdueFilterForm,
    PaymentForm,
    RunStartForm,
    SellerProfileForm,
)
from pendel.invoicing.models import BillingSettings, Invoice, SellerProfile
from pendel.invoicing.review import review_rows, review_summary, unconfirmed_rates
from pendel.invoicing.routes import delivery_route
from pendel.invoicing.tables import InvoiceTable, OverdueTable, RunTable
from pendel.invoicing.views.common import (
    detail_context,
    pdf_response,
    specification_response,
    xml_response,
)
from pendel.regions.selectors import region_get_for, regions_for


@staff_required
def run_list(request):
    scope = request_scope(request)
    regions = regions_for(scope)
    form = RunStartForm(regions=regions, this_month=month_start(earliest_today(regions)))
    table = table_configure(request, RunTable(selectors.runs_for(scope)))
    sellers = set(
        SellerProfile.objects.filter(region__in=regions).values_list("region_id", flat=True)
    )
    missing = [region for region in regions if region.pk not in sellers]
    context = {"form": form, "missing_sellers": missing}
    return table_render(request, "invoicing/staff/run_list.html", context, table=table)


@require_POST
@staff_required
def run_start(request):
    """First POST (from the list): what the run will do, to confirm. The confirmation
    carries the digest of what was shown; only an unchanged plan starts, and only once."""
    scope = request_scope(request)
    regions = regions_for(scope)
    form = RunStartForm(
        request.POST, regions=regions, this_month=month_start(earliest_today(regions))
    )
    if not form.is_valid():
        messages.error(request, _("Choose a region and a month."))
        return redirect("staff:invoice_run_list")
    try:
        preview = services.invoice_run_preview(**form.cleaned_data)
    except ValidationError as error:
        message_validation_error(request, error)
        return redirect("staff:invoice_run_list")
    if request.POST.get("digest") != preview.digest:
        if "digest" in request.POST:
            messages.error(
                request, _("The run has changed since the page was shown. Check it and confirm.")
            )
        context = {"form": form, "preview": preview}
        return render(request, "invoicing/staff/run_start_confirm.html", context)
    try:
        run = services.invoice_run_start(actor=request.user, **form.cleaned_data)
    except ValidationError as error:
        message_validation_error(request, error)
        return redirect("staff:invoice_run_list")
    messages.success(request, _("The invoice run has started."))
    return redirect("staff:invoice_run_detail", pk=run.pk)


REVIEW_PAGE_SIZE = 50


def _review_context(request, run) -> dict:
    """The review of the drafts: the summary over all of them, one page of rows."""
    unconfirmed = unconfirmed_rates(run.region.country_id, run.period)
    drafts = run.drafts.select_related("organisation__invoice_contact", "location").order_by(
        "organisation__name", "key"
    )
    page = Paginator(drafts, REVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
    return {
        "summary": review_summary(run, unconfirmed),
        "rows": review_rows(run, list(page), unconfirmed),
        "page": page,
        "unconfirmed": sorted(unconfirmed.values(), key=lambda rate: rate.tax_class),
        "can_confirm_rates": request_scope(request).is_coordinator,
    }


@staff_required
def run_detail(request, pk: int):
    """The run's progress (htmx polls it while the run works), then its drafts to review,
    then the invoices it issued."""
    run = selectors.run_get_for(request_scope(request), pk)
    if request.htmx:
        if not run.is_active:  # the drafts or invoices are ready: show the whole page
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            return response
        return render(
            request,
            "invoicing/staff/_run_progress.html",
            {"run": run, "interruption": lease_state(run)},
        )
    context = {"run": run, "today": region_today(run.region), "interruption": lease_state(run)}
    if run.in_review:
        context.update(_review_context(request, run))
    else:
        invoices = run.invoices.select_related(
            "organisation__invoice_contact", "location"
        ).order_by("sequence")
        context["page"] = Paginator(invoices, 100).get_page(request.GET.get("page"))
    return render(request, "invoicing/staff/run_detail.html", context)


def _posted_version(request) -> int | None:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


@staff_required
def run_issue(request, pk: int):
    """Issue the reviewed drafts. A second click, or a page older than the drafts,
    issues nothing."""
    run = selectors.run_get_for(request_scope(request), pk)
    if request.method != "POST":
        return redirect("staff:invoice_run_detail", pk=run.pk)
    version = _posted_version(request)
    try:
        asked = version is not None and services.invoice_run_issue(
            actor=request.user, run=run, version=version
        )
    except ValidationError as error:
        message_validation_error(request, error)
        return redirect("staff:invoice_run_detail", pk=run.pk)
    if asked:
        messages.success(request, _("The reviewed drafts are being issued."))
    else:
        messages.info(
            request,
            _(
                "Nothing was issued from this page: the drafts were issued already, or made "
                "again since you opened it. Check them below."
            ),
        )
    return redirect("staff:invoice_run_detail", pk=run.pk)


@staff_required
def run_discard(request, pk: int):
    """Throw the drafts away; no number was spent on them."""
    run = selectors.run_get_for(request_scope(request), pk)
    if request.method != "POST":
        return redirect("staff:invoice_run_detail", pk=run.pk)
    version = _posted_version(request)
    if version is not None and services.invoice_run_discard(
        actor=request.user, run=run, version=version
    ):
        messages.success(request, _("The drafts are discarded. No invoice number was used."))
    else:
        messages.info(request, _("The drafts were issued or made again since you opened the page."))
    return redirect("staff:invoice_run_detail", pk=run.pk)


@staff_required
def run_send(request, pk: int):
    """Mail the run's issued invoices, each by its own task."""
    run = selectors.run_get_for(request_scope(request), pk)
    if request.method == "POST":
        count = services.invoice_run_send(actor=request.user, run=run)
        messages.success(
            request,
            ngettext(
                "%(count)s invoice is being sent.", "%(count)s invoices are being sent.", count
            )
            % {"count": count},
        )
        refused = run.invoices.filter(
            status=Invoice.Status.ISSUED, validation=Invoice.Validation.FAILED
        ).count()
        if refused:
            messages.warning(
                request,
                ngettext(
                    "%(count)s invoice breaks the PEPPOL BIS Billing 3.0 rules and is not sent.",
                    "%(count)s invoices break the PEPPOL BIS Billing 3.0 rules and are not sent.",
                    refused,
                )
                % {"count": refused},
            )
    return redirect("staff:invoice_run_detail", pk=run.pk)


@staff_required
def invoice_list(request):
    scope = request_scope(request)
    form = InvoiceFilterForm(request.GET or None, regions=regions_for(scope))
    filters = form.filters()
    region = filters.get("region")
    today = region_today(region) if region else earliest_today(regions_for(scope))
    invoices = selectors.invoices_filtered(scope, **filters, today=today)
    table = table_configure(request, InvoiceTable(invoices, today=today))
    context = {"form": form, "today": today}
    return table_render(request, "invoicing/staff/invoice_list.html", context, table=table)


@staff_required
def overdue_list(request):
    scope = request_scope(request)
    regions = regions_for(scope)
    form = OverdueFilterForm(request.GET or None, regions=regions)
    invoices = selectors.overdue_for(scope, **form.filters())
    table = OverdueTable(invoices, exclude=() if len(form.regions) > 1 else ("programme",))
    table_configure(request, table)
    context = {"form": form, "today": earliest_today(regions)}
    return table_render(request, "invoicing/staff/overdue_list.html", context, table=table)


@staff_required
def invoice_detail(request, pk: int):
    invoice = selectors.invoice_get_for(request_scope(request), pk)
    context = detail_context(invoice)
    context["payment_form"] = PaymentForm(invoice=invoice)
    context["show_vat_status"] = True
    context["findings"] = services.findings_of(invoice)
    context["route"] = delivery_route(invoice.organisation)
    context["billing_settings_editable"] = (
        organisations_wholly_in(request_scope(request)).filter(pk=invoice.organisation_id).exists()
    )
    return render(request, "invoicing/staff/invoice_detail.html", context)


@staff_required
def invoice_check(request, pk: int):
    """Check the e-invoice against the Peppol rules now, instead of waiting for the task."""
    invoice = selectors.invoice_get_for(request_scope(request), pk)
    if request.method == "POST":
        services.invoice_validate(invoice_id=invoice.pk)
    return redirect("staff:invoice_detail", pk=invoice.pk)


@staff_required
def invoice_pdf(request, pk: int):
    return pdf_response(selectors.invoice_get_for(request_scope(request), pk))


@staff_required
def invoice_xml(request, pk: int):
    return xml_response(selectors.invoice_get_for(request_scope(request), pk))


@staff_required
def invoice_specification(request, pk: int):
    return specification_response(selectors.invoice_get_for(request_scope(request), pk))


@staff_required
def invoice_credit(request, pk: int):
    invoice = selectors.invoice_get_for(request_scope(request), pk)
    if invoice.is_credit_note:
        messages.error(request, _("A credit note cannot be credited."))
        return redirect("staff:invoice_detail", pk=invoice.pk)
    lines = list(invoice.lines.all())
    remaining = services.remaining_quantities(invoice)
    form = CreditForm(request.POST or None, lines=lines, remaining=remaining)
    if request.method == "POST" and form.is_valid():
        try:
            credit = services.credit_note_issue(
                actor=request.user,
                invoice=invoice,
                reason=form.cleaned_data["reason"],
                quantities=form.quantities(),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, _("Credit note %(number)s has been issued.") % {"number": credit.number}
            )
            return redirect("staff:invoice_detail", pk=credit.pk)
    context = {"invoice": invoice, "form": form}
    return render(request, "invoicing/staff/invoice_credit.html", context)


@staff_required
def invoice_payment(request, pk: int):
    invoice = selectors.invoice_get_for(request_scope(request), pk)
    if request.method != "POST":
        return redirect("staff:invoice_detail", pk=invoice.pk)
    form = PaymentForm(request.POST, invoice=invoice)
    if form.is_valid():
        try:
            services.payment_record(actor=request.user, invoice=invoice, **form.cleaned_data)
        except ValidationError as error:
            message_validation_error(request, error)
        else:
            messages.success(request, _("The payment has been recorded."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("staff:invoice_detail", pk=invoice.pk)


@staff_required
def invoice_send(request, pk: int):
    invoice = selectors.invoice_get_for(request_scope(request), pk)
    if request.method != "POST":
        return redirect("staff:invoice_detail", pk=invoice.pk)
    if request.POST.get("how") == "elsewhere":
        try:
            services.invoice_mark_sent(actor=request.user, invoice=invoice)
        except ValidationError as error:
            message_validation_error(request, error)
        else:
            messages.success(request, _("The invoice is marked as sent."))
        return redirect("staff:invoice_detail", pk=invoice.pk)
    try:
        services.invoice_send(actor=request.user, invoice=invoice)
    except ValidationError as error:
        message_validation_error(request, error)
    else:
        messages.success(
            request,
            _("The invoice is being sent to %(email)s.") % {"email": invoice.buyer["email"]},
        )
    return redirect("staff:invoice_detail", pk=invoice.pk)


@staff_required
def seller_profile(request, slug: str):
    """Who sells in the region: its public transport authority, as invoices show it."""
    region = region_get_for(request_scope(request), slug)
    profile = SellerProfile.objects.filter(region=region).first()
    form = SellerProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        try:
            data = {name: form.cleaned_data[name] for name in SellerProfileForm.Meta.fields}
            services.seller_profile_save(actor=request.user, region=region, data=data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The seller details have been saved."))
            return redirect("staff:invoice_run_list")
    context = {"form": form, "region": region}
    return render(request, "invoicing/staff/seller_profile.html", context)


@staff_required
def billing_settings(request, pk: int):
    """How an organisation wants its invoices. The settings apply to its invoices in every
    region, so only staff of all its regions (or the coordinator) may change them."""
    organisation = organisations_wholly_in(request_scope(request)).filter(pk=pk).first()
    if organisation is None:
        raise Http404
    settings = BillingSettings.objects.filter(organisation=organisation).first()
    form = BillingSettingsForm(request.POST or None, instance=settings)
    if request.method == "POST" and form.is_valid():
        services.billing_settings_save(
            actor=request.user, organisation=organisation, **form.cleaned_data
        )
        messages.success(request, _("The invoice settings have been saved."))
        return redirect("staff:billing_settings", pk=organisation.pk)
    context = {"form": form, "organisation": organisation}
    return render(request, "invoicing/staff/billing_settings.html", context)
