"""The certification pages: tiers and rules, the evaluation list with its decisions, the
member page's block and Min side; an outsider and the dual-role persona are refused what is
not theirs, and nothing changes."""

from html import unescape

import pytest
from django.urls import reverse

from pendel.certification.models import Evaluation, Tier
from pendel.certification.services import certification_evaluate_region, evaluation_confirm
from pendel.certification.tests.builders import YEAR, default_tiers, excellent_member
from pendel.core.models import AuditEvent


@pytest.fixture
def evaluated(world):
    """Fredrikstad Fisk (Nedre Glomma) and Sandnes Sykkel (Nord-Jæren), both evaluated."""
    default_tiers(world.region, world.advisor)
    default_tiers(world.third_region, world.coordinator)
    membership = excellent_member(world.location, world.advisor, events=2)
    excellent_member(world.third_location, world.coordinator)
    for region in (world.region, world.third_region):
        certification_evaluate_region(region_id=region.pk, year=YEAR)
    return {
        "membership": membership,
        "own": Evaluation.objects.get(location=world.location),
        "third": Evaluation.objects.get(location=world.third_location),
    }


def page(response) -> str:
    return unescape(response.content.decode())


def list_url(world, region=None, year=YEAR):
    return reverse("staff:certification_evaluations", args=[(region or world.region).slug]) + (
        f"?year={year}"
    )


def test_the_list_shows_the_proposed_tier_and_why(client, world, evaluated):
    client.force_login(world.advisor)

    text = page(client.get(list_url(world)))

    assert "Fredrikstad Fisk AS" in text and "Sandnes Sykkel" not in text
    assert "Good" in text
    assert "Missing for Very good:" in text
    assert "2 of 4 activities held" in text
    assert "Response rate 80% ≥ 60%" in text


def test_an_advisor_confirms_and_a_second_click_confirms_nothing_more(client, world, evaluated):
    client.force_login(world.advisor)
    own = evaluated["own"]
    url = reverse("staff:certification_confirm", args=[own.pk])

    first = client.post(url, {"tier": own.proposed_tier_id}, follow=True)
    second = client.post(url, {"tier": own.proposed_tier_id}, follow=True)

    assert "is certified" in page(first)
    assert "was certified already" in page(second)
    assert Evaluation.objects.get(pk=own.pk).status == Evaluation.Status.CONFIRMED
    assert AuditEvent.objects.filter(action="certification.confirmed").count() == 1


def test_an_outsider_gets_404_and_changes_nothing(client, world, evaluated):
    client.force_login(world.other_advisor)
    own = evaluated["own"]

    assert client.get(list_url(world)).status_code == 404
    for name in ("certification_confirm", "certification_reject"):
        url = reverse(f"staff:{name}", args=[own.pk])
        assert client.post(url, {"tier": own.proposed_tier_id}).status_code == 404
    bulk = reverse("staff:certification_bulk_confirm", args=[world.region.slug])
    assert client.post(bulk, {"evaluation": [own.pk]}).status_code == 404
    assert Evaluation.objects.get(pk=own.pk).status == Evaluation.Status.PROPOSED


def test_mari_decides_in_her_region_only_and_sees_her_company_on_min_side(client, world, evaluated):
    client.force_login(world.staff_and_contact)
    third = evaluated["third"]

    assert client.get(list_url(world)).status_code == 200
    assert client.get(list_url(world, world.third_region)).status_code == 404
    confirm = reverse("staff:certification_confirm", args=[third.pk])
    assert client.post(confirm, {"tier": third.proposed_tier_id}).status_code == 404
    bulk = reverse("staff:certification_bulk_confirm", args=[world.region.slug])
    client.post(bulk, {"evaluation": [third.pk], "confirm": "x"})
    assert Evaluation.objects.get(pk=third.pk).status == Evaluation.Status.PROPOSED

    text = page(client.get(reverse("company:certification")))
    assert "Sandnes" in text and "Fredrikstad" not in text
    assert "your advisor has yet to confirm" in text


def test_min_side_shows_the_tier_once_confirmed_with_the_reasons(client, world, evaluated):
    own = evaluated["own"]
    client.force_login(world.contact)
    before = page(client.get(reverse("company:certification")))
    evaluation_confirm(actor=world.advisor, evaluation=own, tier_id=own.proposed_tier_id)

    after = page(client.get(reverse("company:certification")))

    assert "Certified:" not in before
    assert "Certified: Good (2026)" in after
    assert "2 of 4 activities held" in after
    client.force_login(world.other_contact)
    assert "Fredrikstad" not in page(client.get(reverse("company:certification")))


def test_bulk_confirmation_lists_what_will_happen_first(client, world, evaluated):
    client.force_login(world.advisor)
    own = evaluated["own"]
    url = reverse("staff:certification_bulk_confirm", args=[world.region.slug])

    step = client.post(url, {"evaluation": [own.pk], "year": YEAR})

    assert step.status_code == 200
    assert "Fredrikstad Fisk AS – Fredrikstad: <strong>Good</strong>" in page(step)
    assert Evaluation.objects.get(pk=own.pk).status == Evaluation.Status.PROPOSED
    digest = step.context["digest"]

    done = client.post(url, {"evaluation": [own.pk], "year": YEAR, "confirm": digest}, follow=True)

    assert "1 member certified." in page(done)
    assert Evaluation.objects.get(pk=own.pk).status == Evaluation.Status.CONFIRMED


def test_a_tier_without_rules_is_refused_and_nothing_is_saved(client, world):
    client.force_login(world.advisor)
    url = reverse("staff:certification_tiers", args=[world.region.slug])

    response = client.post(url, {"name_nb": "Sølv", "rank": 1, "rate_rule": ""})

    assert response.status_code == 400
    assert "Give the tier at least one rule." in page(response)
    assert not Tier.objects.exists()
    bad = client.post(url, {"name_nb": "Sølv", "rank": "x", "activities_minimum": "-2"})
    assert bad.status_code == 400 and not Tier.objects.exists()


def test_staff_add_and_change_a_tier_audited(client, world):
    client.force_login(world.advisor)
    url = reverse("staff:certification_tiers", args=[world.region.slug])

    client.post(url, {"name_nb": "Sølv", "name_en": "Silver", "rank": 1, "activities_minimum": 3})
    tier = Tier.objects.get(region=world.region)
    edit = reverse("staff:certification_tier_edit", args=[tier.pk])
    client.post(
        edit,
        {"name_nb": "Sølv", "rank": 1, "activities_minimum": 3, "rate_rule": "minimum",
         "rate_minimum": 70},
    )  # fmt: skip

    tier.refresh_from_db()
    assert (tier.rate_rule, tier.rate_minimum, tier.activities_minimum) == ("minimum", 70, 3)
    actions = list(AuditEvent.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["certification_tier.created", "certification_tier.changed"]
    assert "Silver" not in str(tier.name)  # the English name was removed with the edit


def test_the_default_set_is_made_once(client, world):
    client.force_login(world.advisor)
    url = reverse("staff:certification_tiers_default", args=[world.region.slug])

    client.post(url)
    again = client.post(url, follow=True)

    assert Tier.objects.filter(region=world.region).count() == 4
    assert "The region has tiers already" in page(again)


def test_the_member_page_shows_the_certification_and_evaluates_now(client, world, evaluated):
    client.force_login(world.advisor)
    membership = evaluated["membership"]
    detail = reverse("staff:member_detail", args=[membership.pk])

    text = page(client.get(detail))
    assert "Not certified." in text and "Evaluate now for" in text

    evaluate = reverse("staff:certification_member_evaluate", args=[membership.pk])
    response = client.post(evaluate, {"year": YEAR, "next": detail}, follow=True)
    assert "The member has been evaluated for 2026." in page(response)

    own = Evaluation.objects.get(location=world.location)
    evaluation_confirm(actor=world.advisor, evaluation=own, tier_id=own.proposed_tier_id)
    assert "Certified: Good (2026)" in page(client.get(detail))


def test_the_region_is_evaluated_in_the_background(
    client, world, evaluated, django_capture_on_commit_callbacks
):
    client.force_login(world.advisor)
    Evaluation.objects.all().delete()
    url = reverse("staff:certification_region_evaluate", args=[world.region.slug])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"year": YEAR})

    assert list(Evaluation.objects.values_list("location", flat=True)) == [world.location.pk]
    event = AuditEvent.objects.filter(action="certification.evaluated").latest("id")
    assert (event.actor, event.region_id) == (world.advisor, world.region.pk)
