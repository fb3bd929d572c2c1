"""The follow-up pages: a region's members and totals for a year, with its export, and the
national coordinator's view of every region against the targets."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from pendel.accounts.access import coordinator_required, request_scope, staff_required
from pendel.activities.followup import (
    DEFINITIONS,
    followup_members,
    followup_region,
    followup_regions,
    national_total,
    total_of,
    year_choices,
)
from pendel.activities.followup_charts import followup_charts
from pendel.activities.followup_export import (
    FORMATS,
    XLSX_TYPE,
    followup_csv,
    followup_rows,
    followup_xlsx,
)
from pendel.activities.followup_tables import FollowupFilter, FollowupTable
from pendel.core.dates import earliest_today, region_today
from pendel.core.downloads import file_response
from pendel.core.tables import table_configure, table_render
from pendel.regions.selectors import region_get_for, regions_for


def _year(request, today) -> int:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and int(value) in year_choices(today) else today.year


def _filtered(request, region, year):
    scope = request_scope(request)
    members = followup_members(scope, region=region, year=year)
    return FollowupFilter(request.GET or None, queryset=members)


@staff_required
def region_followup(request, slug: str):
    scope = request_scope(request)
    region = region_get_for(scope, slug)
    today = region_today(region)
    year = _year(request, today)
    filters = _filtered(request, region, year)
    table = table_configure(request, FollowupTable(filters.qs))
    context = {
        "region": region,
        "year": year,
        "years": year_choices(today),
        "form": filters.form,
        "total": followup_region(scope, region=region, year=year),
        "definitions": DEFINITIONS,
        "query": request.GET.urlencode(),
    }
    return table_render(request, "activities/staff/followup_region.html", context, table=table)


@staff_required
def region_followup_export(request, slug: str):
    """The page's rows (its filter, every page) and the region's totals, as CSV or XLSX."""
    scope = request_scope(request)
    region = region_get_for(scope, slug)
    year = _year(request, region_today(region))
    members = _filtered(request, region, year).qs
    rows = followup_rows(members, followup_region(scope, region=region, year=year), region=region)
    stem = _("activities-%(region)s-%(year)s") % {"region": region.slug, "year": year}
    if request.GET.get("format") == FORMATS[1]:
        content = followup_xlsx(rows, title=f"{region.name} {year}")
        return file_response(content, filename=f"{stem}.xlsx", content_type=XLSX_TYPE)
    return file_response(
        followup_csv(rows), filename=f"{stem}.csv", content_type="text/csv; charset=utf-8"
    )


@coordinator_required
def national_followup(request):
    scope = request_scope(request)
    regions = regions_for(scope)
    today = earliest_today(regions)
    year = _year(request, today)
    rows = [(row, total_of(row)) for row in followup_regions(regions, year=year)]
    total = national_total([row for row, _total in rows])
    context = {
        "year": year,
        "years": year_choices(today),
        "rows": rows,
        "total": total,
        "charts": followup_charts(rows, total, year=year),
        "definitions": DEFINITIONS,
    }
    return render(request, "activities/staff/followup_national.html", context)
