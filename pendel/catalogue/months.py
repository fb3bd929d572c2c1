"""Billing periods are whole months (DESIGN.md). A month is stored as its first day."""

import calendar
import re
from datetime import date
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
    return timezone.localtime(timezone.now(), ZoneInfo(time_zone)).date()


def current_month(time_zone: str) -> date:
    return month_start(today_in(time_zone))


def month_label(month: date, language: str | None = None) -> str:
    """'March 2026' / 'mars 2026' in the language asked for (the active one by default)."""
    return format_date(month, "LLLL y", locale=babel_locale(language))


def month_choices(first: date, count: int, language: str | None = None) -> list[tuple[str, str]]:
    return [
        (month_value(add_months(first, n)), month_label(add_months(first, n), language))
        for n in range(count)
    ]
