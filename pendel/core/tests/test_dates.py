"""Days and months in the region's time zone: just after midnight in Oslo it is already the
next day there, while the server's UTC clock still shows the day before."""

from datetime import date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.utils import timezone
from freezegun import freeze_time

from pendel.core.dates import (
    add_months,
    current_month,
    earliest_today,
    month_after,
    month_end,
    parse_month,
    region_month,
    region_start_of,
    region_today,
    today_in,
)

OSLO = SimpleNamespace(time_zone="Europe/Oslo")
# A region far to the west, to show that a rule over several regions waits for the last.
REYKJAVIK = SimpleNamespace(time_zone="Atlantic/Reykjavik")
JUST_AFTER_MIDNIGHT_IN_OSLO = "2026-03-31T22:30:00Z"  # 00:30 on 1 April, summer time


@freeze_time(JUST_AFTER_MIDNIGHT_IN_OSLO)
def test_it_is_already_tomorrow_in_oslo_while_utc_is_still_today(settings):
    settings.TIME_ZONE = "UTC"
    assert timezone.localdate() == date(2026, 3, 31)
    assert region_today(OSLO) == date(2026, 4, 1)
    assert today_in("UTC") == date(2026, 3, 31)


@freeze_time(JUST_AFTER_MIDNIGHT_IN_OSLO)
def test_the_month_turns_at_the_regions_midnight():
    assert region_month(OSLO) == date(2026, 4, 1)
    assert current_month("UTC") == date(2026, 3, 1)


@freeze_time(JUST_AFTER_MIDNIGHT_IN_OSLO)
def test_a_rule_over_several_regions_uses_the_day_begun_in_all():
    assert earliest_today([OSLO, REYKJAVIK]) == date(2026, 3, 31)
    assert earliest_today([OSLO]) == date(2026, 4, 1)


def test_a_day_starts_at_midnight_in_the_region():
    start = region_start_of(OSLO, date(2026, 4, 1))
    assert start == datetime(2026, 3, 31, 22, 0, tzinfo=ZoneInfo("UTC"))
    assert region_start_of(OSLO, date(2026, 1, 1)).utcoffset().total_seconds() == 3600


def test_months():
    assert add_months(date(2026, 11, 1), 3) == date(2027, 2, 1)
    assert add_months(date(2026, 1, 1), -1) == date(2025, 12, 1)
    assert month_end(date(2028, 2, 1)) == date(2028, 2, 29)
    assert month_after(date(2026, 3, 31)) == date(2026, 4, 1)
    assert parse_month("2026-03") == date(2026, 3, 1)
    assert parse_month("2026-13") is None
    assert parse_month("") is None
