"""URL patterns per portal; config/urls.py mounts them."""

from django.urls import path

from pendel.companies.views import company, logos, public, regions, staff

staff_patterns = [
    path("regions/<slug:slug>/", regions.region_detail, name="region_detail"),
    path("members/", staff.member_list, name="member_list"),
    path("members/new/", staff.member_create, name="member_create"),
    path("members/<int:pk>/", staff.member_detail, name="member_detail"),
    path(
        "members/<int:pk>/contacts/invite/",
        staff.member_contact_invite,
        name="member_contact_invite",
    ),
    path("members/<int:pk>/status/", staff.member_transition, name="member_transition"),
    path("members/<int:pk>/terms/", staff.member_terms, name="member_terms"),
    path("members/<int:pk>/billing/", staff.member_billing, name="member_billing"),
    path(
        "members/<int:pk>/invoice-contact/",
        staff.member_invoice_contact,
        name="member_invoice_contact",
    ),
    path("members/<int:pk>/logo/", logos.member_logo, name="member_logo"),
    path("members/<int:pk>/logo.png", logos.member_logo_image, name="member_logo_image"),
    path("members/<int:pk>/advisor/", staff.member_advisor, name="member_advisor"),
    path("members/<int:pk>/notes/", staff.member_note_create, name="member_note_create"),
    path("notes/<int:pk>/done/", staff.note_done, name="note_done"),
    path("contacts/<int:pk>/primary/", staff.contact_set_primary, name="contact_set_primary"),
    path("follow-ups/", staff.followups, name="followups"),
    path("applications/", staff.application_list, name="application_list"),
    path("applications/<int:pk>/", staff.application_detail, name="application_detail"),
    path("applications/<int:pk>/approve/", staff.application_approve, name="application_approve"),
    path("applications/<int:pk>/reject/", staff.application_reject, name="application_reject"),
    path("national/", staff.national_overview, name="national_overview"),
]
company_patterns = [
    path("contacts/", company.contact_list, name="contact_list"),
    path("billing/", company.billing_details, name="billing_details"),
    path("logo/", logos.company_logo, name="logo"),
    path("logo.png", logos.company_logo_image, name="logo_image"),
    path("contacts/join/<str:key>/", company.contact_invitation, name="contact_invitation"),
]
public_patterns = [
    path("programmes/<slug:slug>/", public.programme_detail, name="programme_detail"),
    path("programmes/<slug:slug>/logos/<int:pk>.png", logos.public_logo, name="member_logo_public"),
    path("programmes/<slug:slug>/join/", public.application_create, name="application_create"),
    path(
        "programmes/<slug:slug>/join/thanks/", public.application_thanks, name="application_thanks"
    ),
    path(
        "programmes/<slug:slug>/join/confirm/<str:token>/",
        public.application_confirm,
        name="application_confirm",
    ),
]
