"""The advisor's decision: only a confirmed certification counts and carries the badge on
the programme's public page; confirming is idempotent and refuses a proposal that changed."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import translation

from pendel.certification.models import Evaluation
from pendel.certification.selectors import certification_for
from pendel.certification.services import (
    certification_evaluate_region,
    evaluation_confirm,
    evaluation_reject,
    evaluation_revoke,
    evaluations_confirm_many,
)
from pendel.certification.tests.builders import YEAR, default_tiers, excellent_member
from pendel.companies.models import Membership
from pendel.core.models import AuditEvent


@pytest.fixture
def evaluation(world):
    default_tiers(world.region, world.advisor)
    excellent_member(world.location, world.advisor)
    Membership.objects.filter(location=world.location).update(logo_consent=True)
    certification_evaluate_region(region_id=world.region.pk, year=YEAR)
    return Evaluation.objects.select_related("location__region").get(location=world.location)


def public_page(client, world) -> str:
    with translation.override("en"):
        url = reverse("portal:programme_detail", args=[world.region.slug])
    return client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_the_badge_shows_only_once_the_advisor_confirms_and_goes_when_revoked(
    client, world, evaluation, settings
):
    settings.LANGUAGE_CODE = "en"
    assert "Fredrikstad Fisk AS" in public_page(client, world)
    assert "Certified:" not in public_page(client, world)
    assert certification_for(world.location, YEAR) is None

    assert evaluation_confirm(
        actor=world.advisor, evaluation=evaluation, tier_id=evaluation.proposed_tier_id
    )

    assert "Certified: Excellent (2026)" in public_page(client, world)
    assert certification_for(world.location, YEAR).confirmed_tier == evaluation.proposed_tier

    evaluation_revoke(actor=world.advisor, evaluation=evaluation, note="Wrong figures")

    assert "Certified:" not in public_page(client, world)
    assert certification_for(world.location, YEAR) is None


def test_a_rejected_evaluation_carries_no_badge(client, world, evaluation, settings):
    settings.LANGUAGE_CODE = "en"
    evaluation_reject(actor=world.advisor, evaluation=evaluation, note="Not this year")

    assert "Certified:" not in public_page(client, world)
    assert Evaluation.objects.get(pk=evaluation.pk).status == Evaluation.Status.REJECTED
    with pytest.raises(ValidationError):
        evaluation_confirm(
            actor=world.advisor, evaluation=evaluation, tier_id=evaluation.proposed_tier_id
        )
    assert certification_for(world.location, YEAR) is None


def test_a_member_without_logo_consent_shows_no_badge_either(client, world, evaluation, settings):
    settings.LANGUAGE_CODE = "en"
    Membership.objects.filter(location=world.location).update(logo_consent=False)
    evaluation_confirm(
        actor=world.advisor, evaluation=evaluation, tier_id=evaluation.proposed_tier_id
    )

    page = public_page(client, world)

    assert "Fredrikstad Fisk" not in page and "Certified:" not in page


def test_confirming_twice_confirms_once(world, evaluation):
    tier = evaluation.proposed_tier_id

    first = evaluation_confirm(actor=world.advisor, evaluation=evaluation, tier_id=tier)
    second = evaluation_confirm(actor=world.advisor, evaluation=evaluation, tier_id=tier)

    assert (first, second) == (True, False)
    assert AuditEvent.objects.filter(action="certification.confirmed").count() == 1


def test_a_proposal_that_changed_since_it_was_shown_is_not_confirmed(world, evaluation):
    lower = evaluation.outcomes[0]["tier"]

    with pytest.raises(ValidationError, match="changed since you saw it"):
        evaluation_confirm(actor=world.advisor, evaluation=evaluation, tier_id=lower)

    assert Evaluation.objects.get(pk=evaluation.pk).status == Evaluation.Status.PROPOSED
    assert not AuditEvent.objects.filter(action="certification.confirmed").exists()


def test_bulk_confirmation_refuses_everything_when_one_changed(world, evaluation):
    with pytest.raises(ValidationError):
        evaluations_confirm_many(
            actor=world.advisor, region=world.region, shown=[(evaluation.pk, 999999)]
        )
    assert Evaluation.objects.get(pk=evaluation.pk).status == Evaluation.Status.PROPOSED

    count = evaluations_confirm_many(
        actor=world.advisor,
        region=world.region,
        shown=[(evaluation.pk, evaluation.proposed_tier_id)],
    )
    again = evaluations_confirm_many(
        actor=world.advisor,
        region=world.region,
        shown=[(evaluation.pk, evaluation.proposed_tier_id)],
    )

    assert (count, again) == (1, 0)
    assert AuditEvent.objects.filter(action="certification.confirmed").count() == 1


def test_bulk_confirmation_stays_in_its_region(world, evaluation):
    with pytest.raises(ValidationError):
        evaluations_confirm_many(
            actor=world.other_advisor,
            region=world.other_region,
            shown=[(evaluation.pk, evaluation.proposed_tier_id)],
        )
    assert Evaluation.objects.get(pk=evaluation.pk).status == Evaluation.Status.PROPOSED


@pytest.mark.django_db(transaction=True)
def test_two_advisors_confirming_at_once_confirm_once(world):
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is proven on PostgreSQL (SQLite serialises writers)")
    default_tiers(world.region, world.advisor)
    excellent_member(world.location, world.advisor)
    certification_evaluate_region(region_id=world.region.pk, year=YEAR)
    evaluation = Evaluation.objects.select_related("location").get(location=world.location)
    results, barrier = [], threading.Barrier(2)

    def confirm():
        barrier.wait()
        try:
            results.append(
                evaluation_confirm(
                    actor=world.advisor,
                    evaluation=evaluation,
                    tier_id=evaluation.proposed_tier_id,
                )
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == [False, True]
    assert AuditEvent.objects.filter(action="certification.confirmed").count() == 1
