"""The catalogue, rules and plan pages, with an outsider and Mari (region staff in Nedre
Glomma, contact person of Sandnes Sykkel in Nord-Jæren)."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from pendel.activities.models import ActivityPlan, ActivityRules, ActivityType
from pendel.activities.tests.builders import (
    member_with_baseline,
    national_type,
    plan_with_lines,
    seed_activity_catalogue,
)
from pendel.catalogue.tests import builders as catalogue

YEAR = date.today().year


@pytest.fixture
def member(world):
    seed_activity_catalogue()
    return member_with_baseline(
        world.location, closes_on=date(YEAR, 3, 12), closed=False, advisor=world.advisor
    )


def plan_url(location, year=YEAR):
    return reverse("company:activity_plan", args=[location.pk]) + f"?year={year}"


def test_the_contact_person_chooses_activities_and_sees_what_is_left(client, world, member):
    client.force_login(world.contact)
    page = client.get(plan_url(world.location))
    assert "4 activities are still to choose." in page.content.decode()
    assert "The baseline survey closes on" in page.content.decode()
    bike = national_type("bike-check")
    response = client.post(
        plan_url(world.location), {"year": YEAR, "activity_type": bike.pk, "month": 5, "wish": ""}
    )
    assert response.status_code == 302
    page = client.get(plan_url(world.location)).content.decode()
    assert "Bike check" in page and "Travel survey" in page
    assert "2 activities are still to choose." in page


def test_bad_input_is_refused_with_a_message_and_nothing_changes(client, world, member):
    client.force_login(world.contact)
    stand = national_type("stand")
    for data in (
        {"activity_type": stand.pk, "month": "13"},
        {"activity_type": "²", "month": "4"},
        {"activity_type": national_type("travel-survey").pk, "month": "4"},
    ):
        response = client.post(plan_url(world.location), {"year": YEAR, **data})
        assert response.status_code == 400
        assert "There is a problem with the form" in response.content.decode()
    assert ActivityPlan.objects.filter(location=world.location).first() is None or (
        ActivityPlan.objects.get(location=world.location).lines.count() == 1
    )


def test_submitting_mails_the_advisor_and_the_advisor_approves(
    client, world, member, django_capture_on_commit_callbacks
):
    plan = plan_with_lines(world.location, YEAR, [("stand", 4), ("bike-check", 5), ("webinar", 9)])
    client.force_login(world.contact)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("company:activity_plan_submit", args=[plan.pk]))
    assert [m.to for m in mail.outbox] == [[world.advisor.email]]
    assert reverse("staff:activity_plan_detail", args=[plan.pk]) in mail.outbox[0].body
    client.force_login(world.advisor)
    page = client.get(reverse("staff:activity_plan_detail", args=[plan.pk])).content.decode()
    assert "Approve the plan" in page
    client.post(reverse("staff:activity_plan_approve", args=[plan.pk]), {"advisor_comment": "OK"})
    plan.refresh_from_db()
    assert plan.status == ActivityPlan.Status.APPROVED and plan.approved_by == world.advisor


def test_outsiders_see_no_plan(client, world, member):
    plan = plan_with_lines(world.location, YEAR, [("stand", 4)])
    line = plan.lines.get(activity_type__code="stand")
    client.force_login(world.other_advisor)
    assert client.get(reverse("staff:activity_plan_detail", args=[plan.pk])).status_code == 404
    assert client.post(reverse("staff:activity_plan_approve", args=[plan.pk])).status_code == 404
    client.force_login(world.other_contact)
    assert client.get(plan_url(world.location)).status_code == 404
    assert (
        client.post(reverse("company:activity_plan_line_remove", args=[line.pk])).status_code == 404
    )
    assert plan.lines.count() == 2


def test_mari_sees_her_regions_plans_as_staff_and_her_companys_on_min_side(client, world, member):
    ours = plan_with_lines(world.location, YEAR, [("stand", 4)])
    hers = plan_with_lines(world.third_location, YEAR, [("webinar", 4)])
    client.force_login(world.staff_and_contact)
    assert client.get(reverse("staff:activity_plan_detail", args=[ours.pk])).status_code == 200
    assert client.get(reverse("staff:activity_plan_detail", args=[hers.pk])).status_code == 404
    listed = client.get(reverse("staff:activity_plan_list")).content.decode()
    assert "Fredrikstad Fisk" in listed and "Sandnes Sykkel" not in listed
    assert client.get(plan_url(world.third_location)).status_code == 200
    assert client.get(plan_url(world.location)).status_code == 404
    assert client.post(reverse("company:activity_plan_submit", args=[ours.pk])).status_code == 404


def test_national_types_are_the_coordinators_and_own_types_the_regions(client, world):
    seed_activity_catalogue()
    stand = national_type("stand")
    client.force_login(world.advisor)
    assert client.get(reverse("staff:activity_type_edit", args=[stand.pk])).status_code == 404
    assert client.get(reverse("staff:activity_type_create")).status_code == 404
    response = client.post(
        reverse("staff:region_activity_type_create", args=[world.region.slug]),
        {
            "code": "ferry-talk",
            "goal": "inform",
            "duration_minutes": 30,
            "sort_order": 100,
            "is_active": "on",
            "name_nb": "Fergeprat",
        },
    )
    assert response.status_code == 302
    own = ActivityType.objects.get(code="ferry-talk")
    assert own.region == world.region and own.name == {"nb": "Fergeprat"}
    client.force_login(world.other_advisor)
    assert client.get(reverse("staff:activity_type_edit", args=[own.pk])).status_code == 404
    assert "Fergeprat" not in client.get(reverse("staff:activity_type_list")).content.decode()
    client.force_login(world.coordinator)
    assert client.get(reverse("staff:activity_type_edit", args=[stand.pk])).status_code == 200


def test_a_used_type_is_deactivated_not_deleted(client, world, member):
    plan_with_lines(world.location, YEAR, [("webinar", 4)])
    webinar, challenge = national_type("webinar"), national_type("challenge")
    client.force_login(world.coordinator)
    client.post(reverse("staff:activity_type_remove", args=[webinar.pk]))
    client.post(reverse("staff:activity_type_remove", args=[challenge.pk]))
    webinar.refresh_from_db()
    assert webinar.is_active is False
    assert not ActivityType.objects.filter(pk=challenge.pk).exists()
    client.force_login(world.contact)
    page = client.get(plan_url(world.location)).content.decode()
    assert f'<option value="{webinar.pk}">Webinar</option>' not in page
    assert f'<option value="{national_type("stand").pk}">' in page


def test_the_catalogue_filters_by_goal_and_origin(client, world):
    seed_activity_catalogue()
    client.force_login(world.advisor)
    page = client.get(reverse("staff:activity_type_list"), {"goal": "facilitate"}).content.decode()
    assert "Bike check" in page and "Health talk" not in page
    page = client.get(reverse("staff:activity_type_list"), {"origin": "own"}).content.decode()
    assert "Bike check" not in page


def test_the_rules_page_saves_for_staff_of_the_region(client, world):
    client.force_login(world.advisor)
    url = reverse("staff:activity_rules", args=[world.region.slug])
    response = client.post(
        url, {"activities_per_plan": 5, "survey_place": "extra", "yearly_target": 80}
    )
    assert response.status_code == 302
    rules = ActivityRules.objects.get(region=world.region)
    assert (rules.activities_per_plan, rules.survey_place, rules.updated_by) == (
        5,
        "extra",
        world.advisor,
    )
    assert client.post(url, {"activities_per_plan": 0}).status_code == 400
    client.force_login(world.other_advisor)
    assert client.get(url).status_code == 404


def test_the_national_catalogue_is_seeded_in_four_languages(db):
    seed_activity_catalogue()
    catalogue.seed()
    seed_activity_catalogue()  # links the products that exist now
    national = ActivityType.objects.filter(region__isnull=True)
    assert national.count() == 13
    assert all(kind.missing_languages() == [] for kind in national)
    assert all(set(kind.description) == {"nb", "en", "sv", "nl"} for kind in national)
    assert national_type("bike-check").capacity == 10
    assert national_type("ebike-trial").name["nb"] == "Smaksprøver på elsykler"
    assert national_type("ebike-trial").leads_to.code == "ebike-leasing"
    assert list(national.filter(is_survey=True).values_list("code", flat=True)) == ["travel-survey"]


def test_min_sides_start_page_links_this_years_plan_with_its_status(client, world, member):
    plan_with_lines(world.location, YEAR, [("stand", 4)], status=ActivityPlan.Status.SUBMITTED)
    client.force_login(world.contact)
    page = client.get(reverse("company:home")).content.decode()
    assert f'href="{plan_url(world.location)}"' in page
    assert "Sent to the advisor" in page and "2 activities chosen." in page
