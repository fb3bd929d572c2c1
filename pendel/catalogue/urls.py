"""URL patterns per portal; config/urls.py mounts them."""

staff_patterns: list = []
company_patterns: list = []
