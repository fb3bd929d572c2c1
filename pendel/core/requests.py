"""Reading what a request carries, without trusting it: ids from the query string and the
page to go back to. Bad input reads as "none given", never as a 500."""

import re

from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

# ASCII digits only: str.isdigit() also accepts "²" and "١", which int() refuses or reads
# as another number. At most 18 digits, so the id fits every database's bigint.
ID = re.compile(r"[0-9]{1,18}")


def parse_id(value) -> int | None:
    """A database id from text, or None when the text is not one."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 0 < value < 10**18 else None
    if not isinstance(value, str) or not ID.fullmatch(value):
        return None
    number = int(value)
    return number or None


def id_param(request, name: str) -> int | None:
    """The id in the query string parameter `name`, or None when it is missing or not an id."""
    return parse_id(request.GET.get(name, ""))


def next_path(request, default: str, *, field: str = "next") -> str:
    """Where to go after a form: the `next` the form carried when it is a path on this site
    (starting with one "/"), otherwise `default` (a URL name or a path)."""
    target = request.POST.get(field) or request.GET.get(field) or ""
    if (
        target.startswith("/")
        and not target.startswith("//")
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return resolve_url(default)
