"""URL patterns per portal; config/urls.py mounts them."""

staff_patterns: list = []
company_patterns: list = []
# Mounted at /s/ with namespace "survey": the employee answers here with a token, no login.
survey_patterns: list = []
