"""URL patterns per portal; config/urls.py mounts them. Each part of the app keeps its own
list (catalogue_urls, plans_urls, …)."""

from pendel.activities import catalogue_urls, plans_urls

staff_patterns = [*catalogue_urls.staff_patterns, *plans_urls.staff_patterns]
company_patterns = [*plans_urls.company_patterns]
