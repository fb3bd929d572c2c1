"""The audit API: one way to write an event, bulk writes in one insert, and a sentence for
each event in the reader's language."""

import pytest
from django.utils import translation

from pendel.core.audit import Target, audit_event, audit_record, audit_record_many, audit_sentence
from pendel.core.models import AuditEvent
from pendel.invoicing.audit import InvoicingAction
from pendel.orders.audit import OrdersAction


def test_an_event_names_its_target_region_and_changes(world):
    event = audit_record(
        actor=world.advisor,
        action=InvoicingAction.ISSUED,
        target=world.location,
        region_id=world.region.pk,
        changes={"number": "2026-0001"},
    )
    event.refresh_from_db()
    assert (event.action, event.object_type, event.object_id) == (
        "invoice.issued",
        "location",
        str(world.location.pk),
    )
    assert (event.actor, event.region_id, event.changes) == (
        world.advisor,
        world.region.pk,
        {"number": "2026-0001"},
    )


def test_an_unregistered_action_is_refused_and_nothing_is_written(world):
    with pytest.raises(ValueError, match="invoice.lost"):
        audit_record(actor=None, action="invoice.lost", target=world.location)
    assert not AuditEvent.objects.exists()


def test_many_events_are_one_insert(db, django_assert_num_queries):
    events = [
        audit_event(actor=None, action=OrdersAction.TICKET_ENDED, target=Target("ticket", pk))
        for pk in range(1, 101)
    ]
    with django_assert_num_queries(1):
        audit_record_many(events)
    assert AuditEvent.objects.filter(object_type="ticket").count() == 100


def event(action, **changes) -> AuditEvent:
    return AuditEvent(action=action, changes=changes)


def test_an_event_reads_as_a_sentence_in_the_readers_language():
    ended = event("ticket.ended", employee_id=3, left_on="2026-11-30")
    issued = event("invoice.issued", number="NG-2026-0007", total="100.00")
    with translation.override("en"):
        assert (
            audit_sentence(ended) == "Company ticket ended: the employee left on 30 November 2026."
        )
        assert audit_sentence(issued) == "Invoice NG-2026-0007 issued."
    with translation.override("nl"):
        assert audit_sentence(ended) == (
            "Bedrijfsabonnement beëindigd: de medewerker ging op 30 november 2026 uit dienst."
        )
        assert audit_sentence(issued) == "Factuur NG-2026-0007 uitgereikt."


def test_an_event_without_the_values_of_its_sentence_reads_as_its_label():
    with translation.override("nb"):
        assert audit_sentence(event("invoice.issued")) == "Fakturaen ble utstedt."
        assert audit_sentence(event("invoice.sent")) == "Fakturaen ble sendt."
        assert audit_sentence(event("old.action")) == "Endring registrert (old.action)."
