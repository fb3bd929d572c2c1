"""Many rows in a constant number of statements, with aware datetimes kept exact."""

from datetime import UTC, datetime

from pendel.core.bulk import bulk_insert
from pendel.core.models import OutboxMessage

FIELDS = ["created_at", "from_email", "to", "subject", "body", "html"]
WHEN = datetime(2026, 3, 31, 22, 30, tzinfo=UTC)


def rows(count: int):
    return ((WHEN, "a@example.com", f"p{n}@example.com", f"S{n}", "B", "") for n in range(count))


def test_a_thousand_rows_take_as_few_statements_as_ten(db, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        bulk_insert(OutboxMessage, FIELDS, rows(10))
    with django_assert_max_num_queries(1):
        bulk_insert(OutboxMessage, FIELDS, rows(1000))
    assert OutboxMessage.objects.count() == 1010
    message = OutboxMessage.objects.get(to="p999@example.com", subject="S999")
    assert message.created_at == WHEN


def test_no_rows_is_no_harm(db):
    bulk_insert(OutboxMessage, FIELDS, [])
    assert not OutboxMessage.objects.exists()
