"""Inserting many rows in few statements.

`bulk_create` splits rows into batches by the database's parameter limit; Django assumes
999 parameters for SQLite, so 20,000 invitations of 10 columns would take 200 statements.
On SQLite, `executemany` runs one prepared statement over all the rows (one query, and the
fastest way in). On PostgreSQL, multi-row INSERTs of up to 5,000 rows each are several
times faster than a statement per row. Either way a dispatch of a few thousand employees is
a constant number of queries. It runs on Django's connection, in the caller's transaction.

Use it for many plain rows whose ids the caller does not need back: every column is
given, so no model default or `auto_now` runs. Where the ids are needed (employees created
by an import, whose events name them) or defaults matter, `bulk_create` stays."""

from collections.abc import Iterable

from django.db import connections, router
from django.db.models import DateTimeField


def bulk_insert(model, field_names: list[str], rows: Iterable[tuple]) -> None:
    connection = connections[router.db_for_write(model)]
    fields = [model._meta.get_field(name) for name in field_names]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    insert = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES "
    datetimes = [i for i, field in enumerate(fields) if isinstance(field, DateTimeField)]
    adapt = connection.ops.adapt_datetimefield_value

    def prepared(row):
        if not datetimes:
            return row
        row = list(row)
        for index in datetimes:
            row[index] = adapt(row[index])
        return row

    rows = [prepared(row) for row in rows]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.executemany(f"{insert}({placeholders})", rows)
            return
        per_statement = max(1, min(5000, 60000 // len(fields)))
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            values = ", ".join([f"({placeholders})"] * len(chunk))
            cursor.execute(insert + values, [value for row in chunk for value in row])
