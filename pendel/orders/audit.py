"""What the audit trail records about orders and tickets (see pendel.core.audit)."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pendel.core.audit import date_text, month_text, register_actions


class OrdersAction(models.TextChoices):
    ORDER_CREATED = "order.created", _("Order placed.")
    ORDER_CANCELLED = "order.cancelled", _("Order cancelled.")
    TICKET_CANCELLED = "ticket.cancelled", _("Company ticket cancelled.")
    TICKET_ENDED = "ticket.ended", _("Company ticket ended because the employee left.")
    HANDOFF_KEY_CREATED = "handoff_key.created", _("Ticket system key created.")
    HANDOFF_KEY_REVOKED = "handoff_key.revoked", _("Ticket system key revoked.")


def _order_created(changes: dict) -> str:
    return gettext("Order placed from %(month)s.") % {"month": month_text(changes["start_month"])}


def _cancelled(changes: dict) -> str:
    return gettext("Cancelled from %(month)s.") % {"month": month_text(changes["from_month"])}


def _ticket_ended(changes: dict) -> str:
    return gettext("Company ticket ended: the employee left on %(date)s.") % {
        "date": date_text(changes["left_on"])
    }


register_actions(
    OrdersAction,
    sentences={
        OrdersAction.ORDER_CREATED: _order_created,
        OrdersAction.ORDER_CANCELLED: _cancelled,
        OrdersAction.TICKET_CANCELLED: _cancelled,
        OrdersAction.TICKET_ENDED: _ticket_ended,
        OrdersAction.HANDOFF_KEY_CREATED: lambda changes: (
            gettext("Ticket system key “%(name)s” created.") % {"name": changes["name"]}
        ),
        OrdersAction.HANDOFF_KEY_REVOKED: lambda changes: (
            gettext("Ticket system key “%(name)s” revoked.") % {"name": changes["name"]}
        ),
    },
)
