"""Min side: what the programme offers the company, with this month's prices."""

from django.shortcuts import render

from pendel.accounts.access import contact_person_required, request_scope
from pendel.catalogue.pricing import quotes_for
from pendel.catalogue.selectors import offered_products
from pendel.companies.selectors import locations_for
from pendel.core.dates import current_month


@contact_person_required
def catalogue(request):
    regions = {location.region for location in locations_for(request_scope(request))}
    sections = []
    for region in sorted(regions, key=lambda r: r.programme_name):
        quotes = quotes_for(region, current_month(region.time_zone))
        products = offered_products(region, orderable_only=True)
        sections.append({"region": region, "rows": [(p, quotes.get(p.pk)) for p in products]})
    return render(request, "catalogue/company/catalogue.html", {"sections": sections})
