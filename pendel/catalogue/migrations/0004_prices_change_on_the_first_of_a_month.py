"""Prices change per month. A price dated mid-month was never used for its own month (each
month is invoiced at the price in force on its first day), so it moves to the first of the
next month: the month it first applied to. Nothing already invoiced changes. A row that
never applied to any month's first day (replaced within its month) is removed; of rows that
land on the same month the one in force on that first day is kept. The row before each
kept row ends the day before it, as price_set does."""

from datetime import date, timedelta

from django.db import migrations


def _next_month_start(day: date) -> date:
    if day.day == 1:
        return day
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _month_end(day: date) -> date:
    return _next_month_start(day + timedelta(days=1)) - timedelta(days=1)


def _snap(rows, save, delete) -> None:
    """rows: one price series (a region's product, or a region's annual pass)."""
    rows = sorted(rows, key=lambda row: row.valid_from)
    kept = {}
    for row in rows:  # a later row wins the month it lands on
        start = _next_month_start(row.valid_from)
        if row.valid_to is None or row.valid_to >= start:  # it applied to some month
            kept[start] = row
    keep_ids = {row.pk for row in kept.values()}
    delete([row for row in rows if row.pk not in keep_ids])
    series = sorted(kept.items())
    changed = []
    for index, (start, row) in enumerate(series):
        following = series[index + 1][0] if index + 1 < len(series) else None
        if following is not None:
            new_to = following - timedelta(days=1)
        else:
            new_to = _month_end(row.valid_to) if row.valid_to else None
        if (row.valid_from, row.valid_to) != (start, new_to):
            row.valid_from, row.valid_to = start, new_to
            changed.append(row)
    save(changed)


def forwards(apps, schema_editor):
    for model_name, key in (
        ("Price", ("region_id", "product_id")),
        ("AnnualPassPrice", ("region_id",)),
    ):
        Model = apps.get_model("catalogue", model_name)
        series = {}
        for row in Model.objects.order_by("valid_from", "pk"):
            series.setdefault(tuple(getattr(row, k) for k in key), []).append(row)
        for rows in series.values():
            if all(row.valid_from.day == 1 for row in rows):
                continue

            def delete(doomed, Model=Model):
                Model.objects.filter(pk__in=[row.pk for row in doomed]).delete()

            def save(changed, Model=Model):
                # Move rows one at a time, latest first, so the unique start never collides.
                for row in sorted(changed, key=lambda r: r.valid_from, reverse=True):
                    Model.objects.filter(pk=row.pk).update(
                        valid_from=row.valid_from, valid_to=row.valid_to
                    )

            _snap(rows, save, delete)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0003_travel_survey_text_without_threshold")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
