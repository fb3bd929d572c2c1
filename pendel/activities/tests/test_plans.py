"""The yearly plan's rules: the number of activities, the survey's place, the baseline
first, approval once, and no change by the contact person after approval."""

from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from pendel.activities import plans
from pendel.activities.catalogue import activity_rules_save
from pendel.activities.models import ActivityPlan, PlannedActivity
from pendel.activities.plans_selectors import plan_state
from pendel.activities.tests.builders import (
    approved_plan_with_bike_check,
    member_with_baseline,
    national_type,
    plan_with_lines,
    region_with_plan_rules,
)
from pendel.core.models import AuditEvent

YEAR = 2027


@pytest.fixture
def member(world):
    return member_with_baseline(
        world.location, closes_on=date(YEAR, 3, 12), closed=True, advisor=world.advisor
    )


def add(plan, code, month, actor, *, by_staff=False):
    return plans.plan_line_add(
        plan=plan, activity_type=national_type(code), month=month, actor=actor, by_staff=by_staff
    )


def test_a_new_plan_starts_with_the_survey_in_the_baselines_month(world, member):
    plan = plans.plan_start(location=world.location, year=YEAR, actor=world.contact)
    (line,) = plan.lines.all()
    assert line.activity_type.is_survey
    assert line.month == 3
    again = plans.plan_start(location=world.location, year=YEAR, actor=world.contact)
    assert again.pk == plan.pk and again.lines.count() == 1


def test_with_the_survey_included_it_is_one_of_the_four(world, member):
    region_with_plan_rules(world.region, per_plan=4, survey_place="included")
    plan = plans.plan_start(location=world.location, year=YEAR, actor=world.contact)
    add(plan, "stand", 4, world.contact)
    add(plan, "bike-check", 5, world.contact)
    assert plan_state(plan).to_choose == 1
    with pytest.raises(ValidationError, match="Choose 1 more activity first"):
        plans.plan_submit(plan=plan, actor=world.contact)
    plan.refresh_from_db()
    assert plan.status == ActivityPlan.Status.DRAFT
    add(plan, "health-talk", 9, world.contact)
    with pytest.raises(ValidationError, match="has its 4 activities"):
        add(plan, "webinar", 10, world.contact)
    assert plan.lines.count() == 4
    plans.plan_submit(plan=plan, actor=world.contact)
    plan.refresh_from_db()
    assert plan.status == ActivityPlan.Status.SUBMITTED


def test_with_the_survey_on_top_four_others_are_needed(world, member):
    region_with_plan_rules(world.region, per_plan=4, survey_place="extra")
    plan = plans.plan_start(location=world.location, year=YEAR, actor=world.contact)
    for code, month in [("stand", 4), ("bike-check", 5), ("health-talk", 9)]:
        add(plan, code, month, world.contact)
    assert plan_state(plan).to_choose == 1
    with pytest.raises(ValidationError, match="Choose 1 more activity first"):
        plans.plan_submit(plan=plan, actor=world.contact)
    add(plan, "webinar", 10, world.contact)
    plans.plan_submit(plan=plan, actor=world.contact)
    plan.refresh_from_db()
    assert plan.status == ActivityPlan.Status.SUBMITTED and plan.lines.count() == 5


def test_the_rules_page_changes_the_number_and_is_audited(world, member):
    activity_rules_save(
        actor=world.advisor,
        region=world.region,
        data={"activities_per_plan": 2, "survey_place": "included", "yearly_target": 80},
    )
    event = AuditEvent.objects.get(action="activity_rules.updated")
    assert event.actor == world.advisor and event.region_id == world.region.pk
    assert event.changes["activities_per_plan"] == [4, 2]
    plan = plans.plan_start(location=world.location, year=YEAR, actor=world.contact)
    add(plan, "stand", 4, world.contact)
    plans.plan_submit(plan=plan, actor=world.contact)


def test_the_survey_stays_in_the_plan_once(world, member):
    plan = plans.plan_start(location=world.location, year=YEAR, actor=world.contact)
    survey = plan.lines.get()
    with pytest.raises(ValidationError, match="compulsory"):
        plans.plan_line_remove(line=survey, actor=world.advisor, by_staff=True)
    with pytest.raises(ValidationError, match="in the plan already"):
        add(plan, "travel-survey", 6, world.contact)
    with pytest.raises(ValidationError, match="keeps its activity"):
        plans.plan_line_change(
            line=survey,
            actor=world.advisor,
            by_staff=True,
            data={"activity_type": national_type("stand")},
        )
    assert list(plan.lines.values_list("activity_type__code", flat=True)) == ["travel-survey"]


def test_another_regions_own_activity_cannot_be_chosen(world, member):
    plan = plans.plan_start(location=world.location, year=YEAR, actor=world.contact)
    theirs = national_type("stand")
    theirs.pk, theirs.region, theirs.code = None, world.other_region, "their-stand"
    theirs.save()
    with pytest.raises(ValidationError):
        plans.plan_line_add(
            plan=plan, activity_type=theirs, month=5, actor=world.contact, by_staff=False
        )
    assert plan.lines.count() == 1


def test_lines_before_the_baselines_closing_month_are_flagged(world):
    member_with_baseline(world.location, closes_on=date(YEAR, 3, 12), closed=False)
    plan = plan_with_lines(world.location, YEAR, [("stand", 2), ("bike-check", 3), ("webinar", 4)])
    state = plan_state(plan)
    flagged = [row.line.activity_type.code for row in state.flagged]
    assert flagged == ["stand"]  # the survey itself (January) and March onwards are not
    assert state.baseline.closes_on == date(YEAR, 3, 12) and not state.baseline.closed
    later = plan_with_lines(world.location, YEAR + 1, [("stand", 1)])
    assert plan_state(later).flagged == []


def test_before_the_baseline_is_sent_the_plans_survey_month_counts(world):
    member_with_baseline(world.location, closes_on=None, closed=False)
    plan = plan_with_lines(world.location, YEAR, [("stand", 4)])
    PlannedActivity.objects.filter(plan=plan, activity_type__is_survey=True).update(month=5)
    state = plan_state(plan)
    assert not state.baseline.sent
    assert [row.line.activity_type.code for row in state.flagged] == ["stand"]


def test_a_line_whose_month_has_passed_is_late_until_held(world, member):
    plan = plan_with_lines(world.location, 2020, [("stand", 4), ("bike-check", 5)])
    PlannedActivity.objects.filter(plan=plan, activity_type__code="stand").update(status="held")
    state = plan_state(plan)
    assert sorted(row.line.activity_type.code for row in state.late) == [
        "bike-check",
        "travel-survey",
    ]
    assert state.done == 1


def test_two_approvals_at_once_approve_once(world, member, django_capture_on_commit_callbacks):
    plan = plan_with_lines(
        world.location, YEAR, [("stand", 4), ("bike-check", 5), ("health-talk", 9)]
    )
    first_tab = ActivityPlan.objects.get(pk=plan.pk)
    second_tab = ActivityPlan.objects.get(pk=plan.pk)
    with django_capture_on_commit_callbacks(execute=True):
        plans.plan_submit(plan=first_tab, actor=world.contact)
        with pytest.raises(ValidationError, match="already been sent"):
            plans.plan_submit(plan=second_tab, actor=world.contact)
    assert [m.to for m in mail.outbox] == [[world.advisor.email]]
    assert "Fredrikstad" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        plans.plan_approve(plan=first_tab, actor=world.advisor, comment="Fint")
        with pytest.raises(ValidationError, match="already been approved"):
            plans.plan_approve(plan=second_tab, actor=world.advisor, comment="Igjen")
    plan.refresh_from_db()
    assert plan.status == ActivityPlan.Status.APPROVED and plan.advisor_comment == "Fint"
    assert AuditEvent.objects.filter(action="activity_plan.approved").count() == 1
    assert AuditEvent.objects.filter(action="activity_plan.submitted").count() == 1


def test_the_claim_is_what_stops_a_second_approval(world, member, monkeypatch):
    """Two tabs that both read "submitted" before either wrote: only the conditional
    update decides."""
    plan = plan_with_lines(
        world.location,
        YEAR,
        [("stand", 4), ("bike-check", 5), ("health-talk", 9)],
        status=ActivityPlan.Status.SUBMITTED,
    )
    stale = ActivityPlan.objects.get(pk=plan.pk)
    plans.plan_approve(plan=plan, actor=world.advisor)
    monkeypatch.setattr(plans, "_locked", lambda plan: stale)
    with pytest.raises(ValidationError, match="already been approved"):
        plans.plan_approve(plan=stale, actor=world.advisor)
    assert AuditEvent.objects.filter(action="activity_plan.approved").count() == 1


def test_after_approval_only_the_advisor_changes_the_plan(world, member):
    plan = approved_plan_with_bike_check(world.location, year=YEAR, advisor=world.advisor)
    bike = plan.lines.get(activity_type__code="bike-check")
    with pytest.raises(ValidationError, match="approved"):
        plans.plan_line_change(line=bike, actor=world.contact, by_staff=False, data={"month": 6})
    with pytest.raises(ValidationError, match="approved"):
        plans.plan_line_remove(line=bike, actor=world.contact, by_staff=False)
    with pytest.raises(ValidationError, match="approved"):
        add(plan, "webinar", 10, world.contact)
    bike.refresh_from_db()
    assert bike.month == 5 and plan.lines.count() == 4
    plans.plan_line_change(
        line=bike,
        actor=world.advisor,
        by_staff=True,
        data={"month": 6, "activity_type": national_type("ebike-trial")},
    )
    bike.refresh_from_db()
    assert (bike.month, bike.activity_type.code) == (6, "ebike-trial")


def test_sending_back_needs_a_comment_and_makes_a_draft(world, member):
    plan = plan_with_lines(
        world.location,
        YEAR,
        [("stand", 4), ("bike-check", 5), ("health-talk", 9)],
        status=ActivityPlan.Status.SUBMITTED,
    )
    with pytest.raises(ValidationError):
        plans.plan_return(plan=plan, actor=world.advisor, comment="  ")
    plans.plan_return(plan=plan, actor=world.advisor, comment="Bytt måned for standen.")
    plan.refresh_from_db()
    assert plan.status == ActivityPlan.Status.DRAFT
    assert plan.advisor_comment == "Bytt måned for standen."
    stand = plan.lines.get(activity_type__code="stand")
    plans.plan_line_change(line=stand, actor=world.contact, by_staff=False, data={"month": 5})
