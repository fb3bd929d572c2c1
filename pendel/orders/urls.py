"""URL patterns per portal; config/urls.py mounts them."""

from django.urls import path

from pendel.orders.views import company, staff

staff_patterns = [
    path("orders/", staff.order_list, name="order_list"),
    path("tickets/handoff/", staff.ticket_handoff, name="ticket_handoff"),
    path(
        "tickets/handoff/<slug:slug>/<str:month>.csv",
        staff.ticket_handoff_csv,
        name="ticket_handoff_csv",
    ),
    path(
        "tickets/handoff/<slug:slug>/<str:month>.json",
        staff.ticket_handoff_json,
        name="ticket_handoff_json",
    ),
    path("tickets/handoff/<slug:slug>/keys/", staff.handoff_key_create, name="handoff_key_create"),
    path(
        "tickets/handoff/keys/<int:pk>/revoke/",
        staff.handoff_key_revoke,
        name="handoff_key_revoke",
    ),
]
company_patterns = [
    path("tickets/", company.ticket_list, name="ticket_list"),
    path("tickets/order/", company.ticket_order, name="ticket_order"),
    path("tickets/<int:pk>/cancel/", company.ticket_cancel, name="ticket_cancel"),
    path("orders/", company.order_list, name="order_list"),
    path("orders/new/", company.order_create, name="order_create"),
    path("orders/<int:pk>/cancel/", company.order_cancel, name="order_cancel"),
]
