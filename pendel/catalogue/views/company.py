"""Min side: what the programme offers the company, with this month's prices."""

from pendel.accounts.access import contact_person_required, request_scope
from pendel.catalogue.pricing import quotes_for
from pendel.catalogue.selectors import offered_products
from pendel.catalogue.tables import CompanyProductTable, quoted
from pendel.companies.selectors import locations_for
from pendel.core.dates import current_month
from pendel.core.tables import table_configure, table_render


@contact_person_required
def catalogue(request):
    regions = {location.region for location in locations_for(request_scope(request))}
    rows = []
    for region in sorted(regions, key=lambda r: r.programme_name):
        quotes = quotes_for(region, current_month(region.time_zone))
        rows += quoted(offered_products(region, orderable_only=True), quotes, region)
    table = CompanyProductTable(rows, exclude=() if len(regions) > 1 else ("programme",))
    table_configure(request, table)
    return table_render(request, "catalogue/company/catalogue.html", {}, table=table)
