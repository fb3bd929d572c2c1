"""URL patterns per portal; config/urls.py mounts them. Each part of the app keeps its own
list (catalogue_urls, plans_urls, events_urls, followup_urls)."""

from pendel.activities import catalogue_urls, events_urls, followup_urls, plans_urls

staff_patterns = [
    *catalogue_urls.staff_patterns,
    *plans_urls.staff_patterns,
    *events_urls.staff_patterns,
    *followup_urls.staff_patterns,
]
company_patterns = [*plans_urls.company_patterns, *events_urls.company_patterns]
public_patterns = [*events_urls.public_patterns]
# The calendars' subscription feed: no login, the secret in the address.
feed_patterns = [*followup_urls.feed_patterns]
