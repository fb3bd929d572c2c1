"""Min side: the company's own invoices and credit notes, with PDF and e-invoice (XML), and
how it wants to be invoiced."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from pendel.accounts.access import contact_person_required, request_scope
from pendel.companies.selectors import organisations_for
from pendel.core.dates import earliest_today
from pendel.core.tables import table_configure, table_render
from pendel.invoicing import selectors, services
from pendel.invoicing.forms import BillingSettingsForm
from pendel.invoicing.models import BillingSettings
from pendel.invoicing.tables import CompanyInvoiceTable
from pendel.invoicing.views.common import (
    detail_context,
    pdf_response,
    specification_response,
    xml_response,
)
from pendel.regions.selectors import regions_for


@contact_person_required
def invoice_list(request):
    scope = request_scope(request)
    today = earliest_today(regions_for(scope))
    table = table_configure(
        request, CompanyInvoiceTable(selectors.invoices_for(scope), today=today)
    )
    context = {"today": today}
    return table_render(request, "invoicing/company/invoice_list.html", context, table=table)


@contact_person_required
def invoice_detail(request, pk: int):
    invoice = selectors.invoice_get_for(request_scope(request), pk)
    return render(request, "invoicing/company/invoice_detail.html", detail_context(invoice))


@contact_person_required
def invoice_pdf(request, pk: int):
    return pdf_response(selectors.invoice_get_for(request_scope(request), pk))


@contact_person_required
def invoice_xml(request, pk: int):
    return xml_response(selectors.invoice_get_for(request_scope(request), pk))


@contact_person_required
def invoice_specification(request, pk: int):
    return specification_response(selectors.invoice_get_for(request_scope(request), pk))


@contact_person_required
def billing_settings(request):
    organisation = organisations_for(request_scope(request)).get()
    settings = BillingSettings.objects.filter(organisation=organisation).first()
    form = BillingSettingsForm(request.POST or None, instance=settings)
    if request.method == "POST" and form.is_valid():
        services.billing_settings_save(
            actor=request.user, organisation=organisation, **form.cleaned_data
        )
        messages.success(request, _("The invoice settings have been saved."))
        return redirect("company:invoice_list")
    context = {"form": form, "organisation": organisation}
    return render(request, "invoicing/company/billing_settings.html", context)
