"""URL patterns per portal; config/urls.py mounts them."""

from django.urls import path

from pendel.invoicing.views import company, staff

staff_patterns = [
    path("invoice-runs/", staff.run_list, name="invoice_run_list"),
    path("invoice-runs/start/", staff.run_start, name="invoice_run_start"),
    path("invoice-runs/<int:pk>/", staff.run_detail, name="invoice_run_detail"),
    path("invoice-runs/<int:pk>/send/", staff.run_send, name="invoice_run_send"),
    path("invoice-runs/<int:pk>/issue/", staff.run_issue, name="invoice_run_issue"),
    path("invoice-runs/<int:pk>/discard/", staff.run_discard, name="invoice_run_discard"),
    path("invoices/", staff.invoice_list, name="invoice_list"),
    path("invoices/overdue/", staff.overdue_list, name="invoice_overdue"),
    path("invoices/<int:pk>/", staff.invoice_detail, name="invoice_detail"),
    path("invoices/<int:pk>/pdf/", staff.invoice_pdf, name="invoice_pdf"),
    path("invoices/<int:pk>/xml/", staff.invoice_xml, name="invoice_xml"),
    path(
        "invoices/<int:pk>/employees.csv",
        staff.invoice_specification,
        name="invoice_specification",
    ),
    path("invoices/<int:pk>/credit/", staff.invoice_credit, name="invoice_credit"),
    path("invoices/<int:pk>/payment/", staff.invoice_payment, name="invoice_payment"),
    path("invoices/<int:pk>/send/", staff.invoice_send, name="invoice_send"),
    path("invoices/<int:pk>/check/", staff.invoice_check, name="invoice_check"),
    path("invoicing/sellers/<slug:slug>/", staff.seller_profile, name="seller_profile"),
    path(
        "invoicing/organisations/<int:pk>/",
        staff.billing_settings,
        name="billing_settings",
    ),
]
company_patterns = [
    path("invoices/", company.invoice_list, name="invoice_list"),
    path("invoices/settings/", company.billing_settings, name="billing_settings"),
    path("invoices/<int:pk>/", company.invoice_detail, name="invoice_detail"),
    path("invoices/<int:pk>/pdf/", company.invoice_pdf, name="invoice_pdf"),
    path("invoices/<int:pk>/xml/", company.invoice_xml, name="invoice_xml"),
    path(
        "invoices/<int:pk>/employees.csv",
        company.invoice_specification,
        name="invoice_specification",
    ),
]
