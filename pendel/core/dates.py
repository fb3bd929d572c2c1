"""Days and months as the region lives them. Each region has a time zone (DESIGN.md), and a
rule that asks "is it past the close date?" or "which month is it?" asks it in the region's
zone, never the server's: just after midnight in Oslo it is still yesterday in UTC.

Billing periods are whole months; a month is stored as its first day."""

import calendar
import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from babel.dates import format_date
from django.utils import timezone

from pendel.core.money import babel_locale


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def month_after(day: date) -> date:
    """The first month that begins after `day`."""
    return add_months(month_start(day), 1)


def parse_month(value: str) -> date | None:
    """'2026-03' -> 1 March 2026; None for anything else."""
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", (value or "").strip())
    if not match or not 1 <= int(match[2]) <= 12:
        return None
    return date(int(match[1]), int(match[2]), 1)


def month_value(month: date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def today_in(time_zone: str) -> date:
    """Today's date in that zone (a region's or a country's `time_zone`)."""
    return timezone.localtime(timezone.now(), ZoneInfo(time_zone)).date()


def region_today(region) -> date:
    """Today in the region: the date every rule about that region's deadlines uses."""
    return today_in(region.time_zone)


def earliest_today(regions) -> date:
    """For a rule over several regions at once (a list of follow-ups, of overdue invoices):
    the day that has begun in every one of them, so nothing is due somewhere before its
    day. With no region, today in the server's zone."""
    days = [region_today(region) for region in regions]
    return min(days) if days else timezone.localdate()


def region_start_of(region, day: date) -> datetime:
    """The first moment of `day` in the region's time zone, as an aware datetime."""
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(region.time_zone))


def current_month(time_zone: str) -> date:
    return month_start(today_in(time_zone))


def region_month(region) -> date:
    """The month it is now in the region, as its first day."""
    return current_month(region.time_zone)


def month_label(month: date, language: str | None = None) -> str:
    """'March 2026' / 'mars 2026' in the language asked for (the active one by default)."""
    return format_date(month, "LLLL y", locale=babel_locale(language))


def month_choices(first: date, count: int, language: str | None = None) -> list[tuple[str, str]]:
    return [
        (month_value(add_months(first, n)), month_label(add_months(first, n), language))
        for n in range(count)
    ]
