"""Fuzzing every public form and every Min side form (issue 10): strange text, unicode
digits, numbers of 26 digits, dates like 9999-12-31 and missing fields, by GET and POST, as
the visitor each form is for. No answer may be a 500, and a submission that is refused
(anything but a redirect) changes nothing.

The URLs come from the resolver through the access matrix's rules, so a new Min side page
is fuzzed the day it is added. Each example runs inside a savepoint that is rolled back, so
every example sees the same data (and the run is the same every time: the conftest loads a
derandomized profile)."""

import re

from django.apps import apps
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.security.test_access_matrix import (
    Access,
    fill,
    routes,
    rule_for,
    tenants,  # noqa: F401 - the fixture: one of everything in three tenants
)

# The forms of other work (login, two-factor, password reset) and the survey pages (their
# tokens) are fuzzed where they are built; here: the public forms and all of Min side.
PUBLIC_FORMS = {
    "portal:home",
    "portal:programme_detail",
    "portal:application_create",
    "portal:application_thanks",
    "accounts:set_language",
}
EXAMPLES = 4
# Tried on every form, in every field and query parameter at once, before the random ones.
NASTY = ["²", "9" * 26, "9999-12-31", "\x00"]

STRANGE = [
    "²",
    "١٢",
    "߁",
    "Ⅻ",
    "9" * 26,
    "-1",
    "0",
    "1e309",
    "NaN",
    "-Infinity",
    "0x10",
    "9999-12-31",
    "0001-01-01",
    "31.12.9999",
    "2026-02-30",
    "2026-13",
    "9999-12",
    "",
    " ",
    "\t",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%(x)s",
    "{{ x }}",
    '=HYPERLINK("x")',
    "a" * 5000,
    "ﬁ",
    "İ",
    "\u202e",
    "😀",
    "on",
    "true",
    "[]",
    "{}",
]
VALUE = st.one_of(
    st.sampled_from(STRANGE),
    st.text(max_size=20),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.dates().map(lambda d: d.isoformat()),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)
FIELD_VALUE = st.one_of(st.none(), VALUE, st.lists(VALUE, min_size=2, max_size=3))
QUERY_NAMES = [
    "location",
    "page",
    "sort",
    "q",
    "ended",
    "format",
    "product",
    "status",
    "lang",
    "next",
]
NAME = re.compile(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"')


def field_names(client: Client, url: str) -> list[str]:
    response = client.get(url)
    page = response.status_code == 200 and is_page(response)
    names = NAME.findall(response.content.decode()) if page else []
    return sorted(set(names) - {"csrfmiddlewaretoken"}) or ["next", "language", "location"]


def is_page(response) -> bool:
    return not response.streaming and response.get("Content-Type", "").startswith("text/html")


def refused(response) -> bool:
    """Not done: an error, or the form shown again. (A redirect or a download is done.)"""
    return response.status_code >= 400 or (response.status_code == 200 and is_page(response))


def fingerprint() -> tuple:
    """How many rows every table of Pendel has, and the newest row of the audit trail."""
    counts = tuple(
        model._default_manager.count()
        for model in apps.get_models()
        if model.__module__.startswith("pendel.")
    )
    audit = apps.get_model("core", "AuditEvent").objects.order_by("-pk").values("pk").first()
    return counts, audit


def targets(tenant_objects) -> list[tuple[str, str, Access]]:
    found = []
    for route in routes():
        rule = rule_for(route)
        if rule is None:
            continue
        public = route.name in PUBLIC_FORMS
        min_side = route.namespace == "company" and rule.access in (
            Access.CONTACT,
            Access.COMPANY,
        )
        if public or min_side:
            found.append((route.name, fill(route, rule, tenant_objects), rule.access))
    return found


def fuzz(client: Client, url: str, names: list[str], failures: list[str]) -> None:
    def nasty(test):
        test = example(query={}, form=dict.fromkeys(names))(test)  # every field missing
        for value in NASTY:
            test = example(
                query=dict.fromkeys(QUERY_NAMES, value), form=dict.fromkeys(names, value)
            )(test)
        return test

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(
        query=st.dictionaries(st.sampled_from(QUERY_NAMES), VALUE, max_size=3),
        form=st.fixed_dictionaries(dict.fromkeys(names, FIELD_VALUE)),
    )
    @nasty
    def attempt(query, form):
        data = {name: value for name, value in form.items() if value is not None}
        with transaction.atomic():
            got = client.get(url, query).status_code
            if got >= 500:
                failures.append(f"GET {url} {query!r}: {got}")
            before = fingerprint()
            response = client.post(url, data)
            if response.status_code >= 500:
                failures.append(f"POST {url} {data!r}: {response.status_code}")
            elif refused(response) and fingerprint() != before:
                failures.append(
                    f"POST {url} {data!r}: refused ({response.status_code}), yet data changed"
                )
            transaction.set_rollback(True)

    attempt()


def run(client: Client, found) -> list[str]:
    client.raise_request_exception = False
    failures: list[str] = []
    for _name, url, _access in found:
        fuzz(client, url, field_names(client, url), failures)
    return failures


def test_no_public_form_answers_500_to_anything(world, tenants):  # noqa: F811
    found = [t for t in targets(tenants["A"]) if t[0] in PUBLIC_FORMS]
    assert {name for name, _url, _access in found} == PUBLIC_FORMS
    failures = run(Client(), found)
    assert failures == [], "\n".join(failures[:20])


def test_no_min_side_form_answers_500_to_anything(world, tenants):  # noqa: F811
    found = [t for t in targets(tenants["A"]) if t[0].startswith("company:")]
    assert len(found) > 20
    client = Client()
    client.force_login(world.contact)
    failures = run(client, found)
    assert failures == [], "\n".join(failures[:20])
