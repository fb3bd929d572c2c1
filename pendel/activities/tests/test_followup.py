"""The follow-up's counts, checked by hand on a small set: planned, held and cancelled per
member and region for a year, against the targets (75 a region by default, 750 nationally);
the members without an approved plan; the export holds what the page shows."""

import csv
import html
import io
from datetime import UTC, datetime

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from pendel.accounts.access import Portal, scope_for
from pendel.activities.followup import (
    followup_members,
    followup_region,
    followup_regions,
    members_without_approved_plan,
    national_total,
    total_of,
)
from pendel.activities.models import ActivityRules, Event
from pendel.activities.tests.followup_builders import at, event, held_from_line, member, plan
from pendel.companies.factories import LocationFactory, OrganisationFactory
from pendel.regions.models import Region

YEAR = 2027


@pytest.fixture
def data(world):
    """Nedre Glomma in 2027, worked out by hand:

    Fredrikstad Fisk: approved plan, lines planned/scheduled/held/cancelled → planned 3,
        cancelled 1; the held line's event is held (held 1, not planned twice); the
        scheduled line's first event was cancelled (its line is still planned: not a
        cancelled activity). A 2026 plan does not count.
    Borg Bygg: plan sent, two lines → 2; an event outside the plan → planned 3; a cancelled
        event outside the plan → cancelled 1; a held event of 2026 does not count.
    Sarp Sag: no plan; an event held at 00:30 on 1 January 2027 Oslo time (23:30 UTC the
        day before) → planned 1, held 1.
    An event open to several members, held → the region's planned 1, held 1.
    The region: planned 3 + 3 + 1 + 1 = 8, held 3, cancelled 2. Overijssel: one held event."""
    region = world.region
    fisk = member(world.location, advisor=world.advisor)
    _plan, (proposed, scheduled, held, _cancelled) = plan(
        world.location, status="approved", lines=["proposed", "scheduled", "held", "cancelled"]
    )
    held_from_line(held, starts=at(YEAR, 5, 4))
    event(world.location, planned=scheduled, starts=at(YEAR, 6, 1), status="cancelled")
    plan(world.location, year=YEAR - 1, lines=["proposed", "held"])

    borg = member(_location(region, "Borg Bygg AS"))
    plan(borg.location, status="submitted", lines=["proposed", "proposed"])
    event(borg.location, starts=at(YEAR, 9, 1))
    event(borg.location, starts=at(YEAR, 9, 2), status="cancelled")
    event(borg.location, starts=at(YEAR - 1, 6, 1), status="held")

    sarp = member(_location(region, "Sarp Sag AS"))
    new_year = datetime(YEAR - 1, 12, 31, 23, 30, tzinfo=UTC)
    event(sarp.location, starts=new_year, status="held")

    event(region=region, starts=at(YEAR, 10, 1), status="held")  # open to several members
    gone = member(_location(region, "Ferdig AS"), status="ended")
    plan(gone.location, lines=["proposed"])  # counts for the region, not in the table

    member(world.other_location, advisor=world.other_advisor)
    event(world.other_location, starts=at(YEAR, 3, 3), status="held")
    return {"fisk": fisk, "borg": borg, "sarp": sarp}


def _location(region, name):
    organisation = OrganisationFactory(name=name, country=region.country)
    return LocationFactory(organisation=organisation, region=region, name=name.split()[0])


def staff(user):
    return scope_for(user, Portal.STAFF)


def figures(rows) -> dict:
    return {
        row.location.organisation.name: (row.plan_status, row.planned, row.held, row.cancelled)
        for row in rows
    }


def test_the_counts_per_member_match_the_hand_count(world, data):
    rows = followup_members(staff(world.advisor), region=world.region, year=YEAR)
    assert figures(rows) == {
        "Fredrikstad Fisk AS": ("approved", 3, 1, 1),
        "Borg Bygg AS": ("submitted", 3, 0, 1),
        "Sarp Sag AS": (None, 1, 1, 0),
    }


def test_the_regions_total_counts_open_events_and_members_who_left(world, data):
    total = followup_region(staff(world.advisor), region=world.region, year=YEAR)
    # The ended member's plan line counts too: 8 + 1.
    assert (total.planned, total.held, total.cancelled, total.target) == (9, 3, 2, 75)


def test_the_target_is_the_regions_own(world, data):
    ActivityRules.objects.create(region=world.region, yearly_target=80)
    total = followup_region(staff(world.advisor), region=world.region, year=YEAR)
    assert total.target == 80


def test_the_national_view_counts_each_region_against_its_target(world, data):
    rows = list(followup_regions(Region.objects.all(), year=YEAR))
    by_slug = {row.slug: (row.planned, row.held, row.cancelled, row.target) for row in rows}
    assert by_slug == {
        "nedre-glomma": (9, 3, 2, 75),
        "overijssel": (1, 1, 0, 75),
        "nord-jaeren": (0, 0, 0, 75),
    }
    total = national_total(rows)
    assert (total.planned, total.held, total.target) == (10, 4, 750)
    assert total_of(rows[0]).held_share == pytest.approx(100 * rows[0].held / 75)


def test_another_year_counts_apart(world, data):
    total = followup_region(staff(world.advisor), region=world.region, year=YEAR - 1)
    # 2026: the Fisk plan's two lines (one held line, no event), Borg's held event.
    assert (total.planned, total.held) == (3, 1)


def test_members_without_an_approved_plan(world, data):
    rows = members_without_approved_plan(staff(world.advisor), year=YEAR)
    assert [row.location.organisation.name for row in rows] == ["Borg Bygg AS", "Sarp Sag AS"]
    # The other region's member is not the Nedre Glomma advisor's.
    everyone = members_without_approved_plan(staff(world.coordinator), year=YEAR)
    assert "Twentse Tegels B.V." in [row.location.organisation.name for row in everyone]


def page(client, user, slug="nedre-glomma", query=f"year={YEAR}"):
    client.force_login(user)
    return client.get(reverse("staff:activity_followup", args=[slug]) + f"?{query}")


def test_the_page_shows_the_counts_and_says_what_is_counted(world, data, client):
    response = page(client, world.advisor)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Borg Bygg AS" in text and "Twentse Tegels" not in text
    assert "3 of the target of 75 activities held" in text
    assert "not part of a plan" in text  # the definitions


def test_the_page_filters_the_members_without_an_approved_plan(world, data, client):
    text = page(client, world.advisor, query=f"year={YEAR}&plan=not_approved").content.decode()
    assert "Borg Bygg AS" in text and "Sarp Sag AS" in text
    assert "Fredrikstad Fisk AS" not in text
    text = page(client, world.advisor, query=f"year={YEAR}&plan=none").content.decode()
    assert "Sarp Sag AS" in text and "Borg Bygg AS" not in text


def test_another_regions_follow_up_is_not_found(world, data, client):
    assert page(client, world.advisor, slug="overijssel").status_code == 404
    assert page(client, world.staff_and_contact, slug="nord-jaeren").status_code == 404
    client.force_login(world.advisor)
    export = reverse("staff:activity_followup_export", args=["overijssel"])
    assert client.get(export).status_code == 404


def _export(client, fmt, query=f"year={YEAR}"):
    url = reverse("staff:activity_followup_export", args=["nedre-glomma"])
    return client.get(f"{url}?{query}&format={fmt}")


def test_the_export_holds_the_pages_rows_and_the_regions_total(world, data, client):
    client.force_login(world.advisor)
    response = _export(client, "csv")
    assert response["Content-Disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:7] == ["Company", "Location", "Advisor", "Plan", "Planned", "Held", "Cancelled"]
    body = {row[0]: row[3:7] for row in rows[1:-1]}
    on_page = figures(followup_members(staff(world.advisor), region=world.region, year=YEAR))
    assert body == {
        name: [_label(status), str(planned), str(held), str(cancelled)]
        for name, (status, planned, held, cancelled) in on_page.items()
    }
    assert rows[-1][4:] == ["9", "3", "2", "75"]

    sheet = load_workbook(io.BytesIO(_export(client, "xlsx").content)).active
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert [row[0] for row in cells[1:-1]] == [row[0] for row in rows[1:-1]]
    assert cells[-1][4:] == [9, 3, 2, 75]


def test_the_export_follows_the_pages_filter(world, data, client):
    client.force_login(world.advisor)
    response = _export(client, "csv", query=f"year={YEAR}&plan=none")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [row[0] for row in rows[1:-1]] == ["Sarp Sag AS"]


def _label(status) -> str:
    return {"approved": "Approved", "submitted": "Sent to the advisor", None: "No plan"}[status]


def test_a_name_that_looks_like_a_formula_is_exported_as_text(world, data, client):
    data["borg"].location.organisation.__class__.objects.filter(
        pk=data["borg"].location.organisation_id
    ).update(name="=HYPERLINK(1)")
    client.force_login(world.advisor)
    content = _export(client, "csv").content.decode("utf-8-sig")
    assert "\n=HYPERLINK" not in content and "'=HYPERLINK(1)" in content


def test_the_national_view_is_the_coordinators(world, data, client):
    client.force_login(world.advisor)
    assert client.get(reverse("staff:activity_followup_national")).status_code == 404
    client.force_login(world.coordinator)
    response = client.get(reverse("staff:activity_followup_national") + f"?year={YEAR}")
    text = response.content.decode()
    assert response.status_code == 200
    assert "All regions: 4 held and 10 planned, against the national target of 750" in text
    assert 'aria-label="Activities held in 2027 against the target, per region"' in text
    assert Event.objects.count() > 0


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("nb", "Aktiviteter 2027: alle regioner"),
        ("sv", "Aktiviteter 2027: alla regioner"),
        ("nl", "Activiteiten 2027: alle regio's"),
    ],
)
def test_the_national_view_speaks_the_users_language(world, data, client, language, words):
    world.coordinator.language = language
    world.coordinator.save()
    client.force_login(world.coordinator)
    response = client.get(reverse("staff:activity_followup_national") + f"?year={YEAR}")
    assert words in html.unescape(response.content.decode())
