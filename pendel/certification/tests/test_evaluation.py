"""The yearly evaluation: each rule with its reason, the highest tier whose rules all pass,
the minimum group size, and running it twice."""

from datetime import date

import pytest
from django.utils import translation

from pendel.certification.models import Evaluation
from pendel.certification.rules import FAIL, PASS, UNKNOWN, headline_reasons, tier_results
from pendel.certification.selectors import tiers_by_id
from pendel.certification.services import (
    certification_evaluate_member,
    certification_evaluate_region,
)
from pendel.certification.tests.builders import (
    YEAR,
    approved_plan,
    baseline,
    default_tiers,
    excellent_member,
    held,
    survey,
)
from pendel.companies.models import Membership
from pendel.core.models import AuditEvent
from pendel.surveys.models import SurveySettings


@pytest.fixture
def tiers(world):
    return default_tiers(world.region, world.advisor)


def evaluate(world, year=YEAR) -> Evaluation:
    certification_evaluate_region(region_id=world.region.pk, year=year, actor=world.advisor)
    return Evaluation.objects.get(location=world.location, year=year)


def reasons(evaluation) -> list[tuple[str, str, str]]:
    """(tier, sentence, outcome) of every rule, in English."""
    with translation.override("en"):
        return [
            (str(result.tier), reason.text, reason.outcome)
            for result in tier_results(evaluation, tiers_by_id([evaluation.location.region_id]))
            for reason in result.reasons
        ]


def test_a_member_meeting_every_rule_gets_the_highest_tier_with_the_reasons(world, tiers):
    excellent_member(world.location, world.advisor)

    evaluation = evaluate(world)

    with translation.override("nb"):
        assert str(evaluation.proposed_tier) == "Fremragende"
    with translation.override("en"):
        assert str(evaluation.proposed_tier) == "Excellent"
    lines = reasons(evaluation)
    assert ("Excellent", "Response rate 80% ≥ 60%", PASS) in lines
    assert ("Excellent", "4 of 4 activities held", PASS) in lines
    assert ("Excellent", "Car share 60% → 25%: down 35.0 percentage points ≥ 5.0", PASS) in lines
    assert ("Excellent", "Activity plan for 2026 approved", PASS) in lines
    assert evaluation.status == Evaluation.Status.PROPOSED


def test_a_member_missing_one_rule_gets_the_lower_tier_and_the_reason(world, tiers):
    excellent_member(world.location, world.advisor, events=2)

    evaluation = evaluate(world)

    with translation.override("en"):
        assert str(evaluation.proposed_tier) == "Good"
        reached, above = headline_reasons(evaluation, tiers_by_id([world.region.pk]))
        assert str(reached.tier) == "Good"
        assert str(above.tier) == "Very good"
        missing = [(r.text, r.outcome) for r in above.reasons if r.outcome != PASS]
    assert missing == [("2 of 4 activities held", FAIL)]


def test_a_survey_too_small_to_show_makes_the_car_share_rule_not_evaluable(world, tiers):
    Membership.objects.create(location=world.location, status="active")
    baseline(world.location)
    # Four answers: a car share the minimum group size (5) does not let out.
    survey(world.location, opens_on=date(YEAR, 3, 2), answered=4, invited=5, car_alone=0)
    held(world.location, 4)
    approved_plan(world.location)

    evaluation = evaluate(world)

    with translation.override("en"):
        assert str(evaluation.proposed_tier) == "Good"
    car = [line for line in reasons(evaluation) if line[1].startswith("Car share")]
    assert car == [
        (
            "Very good",
            "Car share cannot be evaluated: fewer than 5 answered the survey of 2026, "
            "too few to show.",
            UNKNOWN,
        ),
        (
            "Excellent",
            "Car share cannot be evaluated: fewer than 5 answered the survey of 2026, "
            "too few to show.",
            UNKNOWN,
        ),
    ]
    assert "current" not in evaluation.facts["car"]  # no hidden figure is kept either


def test_the_region_s_larger_minimum_group_size_applies(world, tiers):
    excellent_member(world.location, world.advisor)
    SurveySettings.objects.create(region=world.region, min_group_size=9)

    evaluation = evaluate(world)

    assert evaluation.facts["car"]["state"] == "too_few_now"  # 8 answered, 9 needed
    with translation.override("en"):
        assert str(evaluation.proposed_tier) == "Good"


def test_a_low_response_rate_reaches_no_tier(world, tiers):
    Membership.objects.create(location=world.location, status="active")
    baseline(world.location)
    survey(world.location, opens_on=date(YEAR, 3, 2), answered=5, invited=10, car_alone=0)

    evaluation = evaluate(world)

    assert evaluation.proposed_tier is None
    assert ("Approved", "Response rate 50% < 60%", FAIL) in reasons(evaluation)


def test_evaluating_twice_changes_nothing_and_leaves_decisions_alone(world, tiers):
    excellent_member(world.location, world.advisor)
    first = evaluate(world)

    second = evaluate(world)

    assert Evaluation.objects.filter(location=world.location).count() == 1
    assert (second.pk, second.facts, second.outcomes, second.proposed_tier_id) == (
        first.pk,
        first.facts,
        first.outcomes,
        first.proposed_tier_id,
    )
    Evaluation.objects.filter(pk=first.pk).update(status=Evaluation.Status.REJECTED)
    held(world.location, 3, year=YEAR)  # new figures…
    assert certification_evaluate_region(region_id=world.region.pk, year=YEAR) == 0
    third = Evaluation.objects.get(pk=first.pk)
    assert third.status == Evaluation.Status.REJECTED  # …do not undo the advisor's decision
    assert third.facts == first.facts


def test_only_members_of_the_region_in_the_programme_are_evaluated(world, tiers):
    excellent_member(world.location, world.advisor)
    Membership.objects.create(location=world.other_location, status="active")
    Membership.objects.create(location=world.third_location, status="applied")

    count = certification_evaluate_region(region_id=world.region.pk, year=YEAR)

    assert count == 1
    assert list(Evaluation.objects.values_list("location", flat=True)) == [world.location.pk]
    event = AuditEvent.objects.get(action="certification.evaluated")
    assert event.changes == {"year": YEAR, "count": 1}


def test_evaluating_one_member_now_refuses_a_confirmed_certification(world, tiers):
    membership = excellent_member(world.location, world.advisor)
    evaluation = certification_evaluate_member(
        actor=world.advisor, membership=membership, year=YEAR
    )
    Evaluation.objects.filter(pk=evaluation.pk).update(
        status=Evaluation.Status.CONFIRMED, confirmed_tier=evaluation.proposed_tier
    )

    with pytest.raises(Exception, match="Revoke it first"):
        certification_evaluate_member(actor=world.advisor, membership=membership, year=YEAR)
    assert Evaluation.objects.get(pk=evaluation.pk).status == Evaluation.Status.CONFIRMED


def test_activities_of_another_year_and_not_held_do_not_count(world, tiers):
    excellent_member(world.location, world.advisor, events=0)
    held(world.location, 3, year=YEAR - 1)
    cancelled = held(world.location, 1)[0]
    cancelled.status = "cancelled"
    cancelled.save()

    evaluation = evaluate(world)

    assert evaluation.facts["held"] == 0
