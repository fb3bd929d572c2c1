"""What the audit trail records about members, and the membership's history in sentences.

The membership history (MembershipEvent) stores field names with old and new values; the
member page reads it as one sentence per event, built here in the reader's language."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pendel.companies.models import Membership, MembershipEvent, MembershipStatus, Organisation
from pendel.core.audit import date_text, register_actions
from pendel.core.money import format_money
from pendel.regions.models import FeeBasis


class CompaniesAction(models.TextChoices):
    APPLICATION_APPROVED = "application.approved", _("Application approved.")
    APPLICATION_REJECTED = "application.rejected", _("Application rejected.")
    CONTACT_INVITED = "contact.invited", _("Contact person invited.")
    CONTACT_ACCEPTED = "contact.accepted", _("Contact person invitation accepted.")
    BILLING_CHANGED = "organisation.billing_changed", _("Billing details changed.")
    INVOICE_CONTACT_CHANGED = "organisation.invoice_contact_changed", _("Invoice contact changed.")
    MEMBER_CREATED = "member.created", _("Member added by staff.")
    LOGO_UPLOADED = "organisation.logo_uploaded", _("Logo uploaded.")
    LOGO_REMOVED = "organisation.logo_removed", _("Logo removed.")


def _field_label(name: str) -> str:
    try:
        return str(Organisation._meta.get_field(name).verbose_name)
    except Exception:  # a field that no longer exists
        return name


register_actions(
    CompaniesAction,
    sentences={
        CompaniesAction.CONTACT_INVITED: lambda changes: (
            gettext("%(email)s invited as a contact person.") % {"email": changes["email"]}
        ),
        CompaniesAction.BILLING_CHANGED: lambda changes: (
            gettext("Billing details of %(organisation)s changed: %(fields)s.")
            % {
                "organisation": changes["organisation"],
                "fields": "; ".join(
                    f"{_field_label(name)}: “{old}” → “{new}”"
                    for name, (old, new) in changes["fields"].items()
                ),
            }
        ),
        CompaniesAction.INVOICE_CONTACT_CHANGED: lambda changes: (
            gettext("Invoice contact of %(organisation)s changed from %(old)s to %(new)s.")
            % {
                "organisation": changes["organisation"],
                "old": changes["from"] or "–",
                "new": changes["to"] or "–",
            }
        ),
        CompaniesAction.MEMBER_CREATED: lambda changes: (
            gettext("%(organisation)s (%(number)s), %(location)s, added as a member.")
            % {
                "organisation": changes["organisation"],
                "number": changes["organisation_number"],
                "location": changes["location"],
            }
        ),
        CompaniesAction.CONTACT_ACCEPTED: lambda changes: (
            gettext("%(email)s accepted to be a contact person.") % {"email": changes["email"]}
        ),
    },
)


STATUS_SENTENCES = {
    MembershipStatus.APPROVED: _("Membership approved."),
    MembershipStatus.ACTIVE: _("Membership became active."),
    MembershipStatus.QUALIFIED: _("Membership qualified."),
    MembershipStatus.ENDED: _("Membership ended."),
}


def _status(event: MembershipEvent) -> str:
    if event.from_status == MembershipStatus.QUALIFIED and event.to_status == "active":
        return gettext("Qualification lost; the membership is active again.")
    if event.to_status in STATUS_SENTENCES:
        return str(STATUS_SENTENCES[event.to_status])
    return gettext("Status changed from %(old)s to %(new)s.") % {
        "old": event.from_label().lower(),
        "new": event.to_label().lower(),
    }


def _advisor(changes: dict) -> str:
    old, new = changes["advisor"]
    if old and new:
        return gettext("Advisor changed from %(old)s to %(new)s.") % {"old": old, "new": new}
    if new:
        return gettext("%(name)s became the advisor.") % {"name": new}
    return gettext("%(name)s is no longer the advisor.") % {"name": old}


def _signature(changes: dict) -> str | None:
    name = (changes.get("agreement_signed_by") or [None, None])[1]
    day = date_text((changes.get("agreement_signed_on") or [None, None])[1])
    if name and day:
        return gettext("Agreement signed by %(name)s on %(date)s.") % {"name": name, "date": day}
    if name:
        return gettext("Agreement signed by %(name)s.") % {"name": name}
    if day:
        return gettext("Agreement signed on %(date)s.") % {"date": day}
    if "agreement_signed_by" in changes or "agreement_signed_on" in changes:
        return gettext("The record of the signed agreement was removed.")
    return None


def _version(changes: dict) -> str | None:
    if "agreement_version" not in changes:
        return None
    version = changes["agreement_version"][1]
    if not version:
        return gettext("Agreement version removed.")
    return gettext("Agreement version %(version)s.") % {"version": version}


def _fee(changes: dict, currency: str) -> str | None:
    basis = (changes.get("fee_basis") or [None, None])[1]
    amount = (changes.get("fee_amount") or [None, None])[1]
    if basis == FeeBasis.NONE:
        return gettext("No membership fee.")
    money = format_money(amount, currency) if amount not in (None, "") else ""
    label = FeeBasis(basis).label.lower() if basis else ""
    if label and money:
        return gettext("Membership fee %(amount)s, %(basis)s.") % {"amount": money, "basis": label}
    if label:
        return gettext("Membership fee %(basis)s.") % {"basis": label}
    if money:
        return gettext("Membership fee amount %(amount)s.") % {"amount": money}
    if "fee_amount" in changes:
        return gettext("Membership fee amount removed.")
    return None


CONSENT_SENTENCES = {
    ("logo_consent", True): _("The company's logo may be shown on the programme's pages."),
    ("logo_consent", False): _("The company's logo may no longer be shown."),
    ("story_consent", True): _("Employees may be contacted for stories."),
    ("story_consent", False): _("Employees may no longer be contacted for stories."),
}


def _terms(changes: dict, currency: str) -> str:
    parts = [_signature(changes), _version(changes), _fee(changes, currency)]
    for (field, value), sentence in CONSENT_SENTENCES.items():
        if field in changes and bool(changes[field][1]) == value:
            parts.append(str(sentence))
    return " ".join(part for part in parts if part) or gettext("Terms changed.")


def membership_event_sentence(event: MembershipEvent, *, currency: str) -> str:
    """One event of the history as a sentence in the active language."""
    changes = event.changes or {}
    try:
        if event.kind == MembershipEvent.Kind.STATUS:
            return _status(event)
        if event.kind == MembershipEvent.Kind.ADVISOR:
            return _advisor(changes)
        if event.kind == MembershipEvent.Kind.CONTACT:
            return gettext("%(name)s became the primary contact.") % {
                "name": changes["primary_contact"]
            }
        if event.kind == MembershipEvent.Kind.TERMS:
            return _terms(changes, currency)
    except (KeyError, TypeError, ValueError):  # an event stored in an older shape
        pass
    return event.get_kind_display()


@dataclass(frozen=True)
class HistoryLine:
    event: MembershipEvent
    sentence: str


def membership_history(membership: Membership) -> list[HistoryLine]:
    """The membership's events, newest first, each with its sentence (one query)."""
    currency = membership.location.region.currency
    events = membership.events.select_related("actor")
    return [
        HistoryLine(event, membership_event_sentence(event, currency=currency)) for event in events
    ]
