"""Every write to a yearly activity plan, each in one transaction with its AuditEvent.

The contact person drafts the plan on Min side and sends it to the advisor; the advisor
comments, adjusts (month, activity, lines) and approves, or sends it back with a comment.
The contact person changes a plan only while it is a draft. A plan has exactly the
region's number of activities to be sent or approved; the travel survey is always one of
its lines, counted among them or on top as the region's rules say.

Status changes claim the plan with a conditional UPDATE, so two tabs sending or approving
at once do it once (the second is told it has been done)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from pendel.accounts.emails import send_templated
from pendel.activities.audit import PlansAction
from pendel.activities.catalogue import activity_rules_for, survey_type_for
from pendel.activities.models import ActivityPlan, ActivityType, PlannedActivity
from pendel.activities.plans_selectors import baseline_for, still_to_choose
from pendel.companies.models import Membership, MembershipStatus
from pendel.companies.selectors import contacts_for_locations
from pendel.companies.services.memberships import advisors_for_region
from pendel.core.audit import audit_record
from pendel.core.dates import region_today

Status = ActivityPlan.Status
LineStatus = PlannedActivity.Status
EMAILS = "activities/emails"


def _audit(*, actor, action, target, plan: ActivityPlan, changes=None) -> None:
    region_id = plan.location.region_id
    audit_record(actor=actor, action=action, target=target, region_id=region_id, changes=changes)


def _locked(plan: ActivityPlan) -> ActivityPlan:
    return (
        ActivityPlan.objects.select_for_update()
        .select_related("location__region", "location__organisation")
        .get(pk=plan.pk)
    )


def _check_editable(plan: ActivityPlan, *, by_staff: bool) -> None:
    """The contact person changes a draft only; the advisor any plan."""
    if by_staff or plan.status == Status.DRAFT:
        return
    if plan.status == Status.SUBMITTED:
        raise ValidationError(
            gettext(
                "The plan has been sent to your advisor. Ask your advisor to send it back "
                "if you want to change it."
            )
        )
    raise ValidationError(gettext("The plan is approved. Your advisor can still adjust it."))


def _counts(plan: ActivityPlan) -> tuple[int, int]:
    lines = plan.lines.count()
    surveys = plan.lines.filter(activity_type__is_survey=True).count()
    return lines, surveys


def _check_type(plan: ActivityPlan, activity_type: ActivityType) -> None:
    region_id = plan.location.region_id
    if activity_type.region_id not in (None, region_id) or not activity_type.is_active:
        raise ValidationError({"activity_type": gettext("Choose an activity from the catalogue.")})


def _check_month(month) -> None:
    if not isinstance(month, int) or not 1 <= month <= 12:
        raise ValidationError({"month": gettext("Choose a month.")})


def _survey_month(location, year: int) -> int:
    """A first proposal for the survey's month: the baseline's closing month in its year,
    else this month (this year) or January (a later year)."""
    baseline = baseline_for(location)
    if baseline.closes_on and baseline.closes_on.year == year:
        return baseline.closes_on.month
    today = region_today(location.region)
    return today.month if year == today.year else 1


@transaction.atomic
def plan_start(*, location, year: int, actor) -> ActivityPlan:
    """The location's plan for the year, started with the travel survey's line when new.
    Safe to call twice at once: the second finds the first one's plan."""
    plan = ActivityPlan.objects.filter(location=location, year=year).first()
    if plan is not None:
        return plan
    survey = survey_type_for(location.region)
    try:
        with transaction.atomic():
            plan = ActivityPlan(location=location, year=year)
            plan.full_clean()
            plan.save()
    except IntegrityError:
        return ActivityPlan.objects.get(location=location, year=year)
    if survey is not None:
        PlannedActivity.objects.create(
            plan=plan, activity_type=survey, month=_survey_month(location, year)
        )
    _audit(
        actor=actor, action=PlansAction.PLAN_CREATED, target=plan, plan=plan, changes={"year": year}
    )
    return plan


@transaction.atomic
def plan_line_add(
    *, plan: ActivityPlan, activity_type: ActivityType, month: int, actor, by_staff: bool, wish=""
) -> PlannedActivity:
    """One more activity in the plan, while it still lacks some."""
    plan = _locked(plan)
    _check_editable(plan, by_staff=by_staff)
    _check_type(plan, activity_type)
    _check_month(month)
    if activity_type.is_survey:
        raise ValidationError(
            {"activity_type": gettext("The travel survey is in the plan already.")}
        )
    rules = activity_rules_for(plan.location.region)
    lines, surveys = _counts(plan)
    if still_to_choose(rules, lines=lines + 1, surveys=surveys) < 0:
        raise ValidationError(
            ngettext(
                "The plan has its %(count)s activity. Remove one to choose another.",
                "The plan has its %(count)s activities. Remove one to choose another.",
                rules.activities_per_plan,
            )
            % {"count": rules.activities_per_plan}
        )
    line = PlannedActivity(plan=plan, activity_type=activity_type, month=month, wish=wish.strip())
    line.full_clean()
    line.save()
    changes = {"activity": activity_type.code, "month": month}
    _audit(actor=actor, action=PlansAction.LINE_ADDED, target=line, plan=plan, changes=changes)
    return line


LINE_FIELDS = ("activity_type", "month", "wish", "comment", "status")
CONTACT_FIELDS = ("month", "wish")


@transaction.atomic
def plan_line_change(*, line: PlannedActivity, actor, by_staff: bool, data: dict):
    """Change a line: the contact person its month and wishes; the advisor also the
    activity (not the survey's), its status and a comment."""
    plan = _locked(line.plan)
    _check_editable(plan, by_staff=by_staff)
    line = PlannedActivity.objects.select_related("activity_type").get(pk=line.pk)
    allowed = LINE_FIELDS if by_staff else CONTACT_FIELDS
    data = {name: value for name, value in data.items() if name in allowed}
    if "month" in data:
        _check_month(data["month"])
    new_type = data.get("activity_type")
    if new_type is not None and new_type.pk != line.activity_type_id:
        _check_type(plan, new_type)
        if new_type.is_survey or line.activity_type.is_survey:
            raise ValidationError(
                {"activity_type": gettext("The travel survey's line keeps its activity.")}
            )
    changes = {}
    for name, value in data.items():
        old = getattr(line, name)
        if isinstance(value, str):
            value = value.strip()
        if old != value:
            changes[name] = [getattr(old, "code", old), getattr(value, "code", value)]
            setattr(line, name, value)
    if not changes:
        return line
    line.full_clean()
    line.save()
    _audit(actor=actor, action=PlansAction.LINE_CHANGED, target=line, plan=plan, changes=changes)
    return line


def planned_activity_status_set(*, line: PlannedActivity, status: str, actor) -> PlannedActivity:
    """For the events: a line becomes scheduled, held or cancelled (or planned again)."""
    return plan_line_change(line=line, actor=actor, by_staff=True, data={"status": status})


@transaction.atomic
def plan_line_remove(*, line: PlannedActivity, actor, by_staff: bool) -> None:
    plan = _locked(line.plan)
    _check_editable(plan, by_staff=by_staff)
    line = PlannedActivity.objects.select_related("activity_type").get(pk=line.pk)
    if line.activity_type.is_survey:
        raise ValidationError(gettext("The travel survey is a compulsory part of the plan."))
    if line.status in (LineStatus.SCHEDULED, LineStatus.HELD) or line.events.exists():
        raise ValidationError(
            gettext("This activity has been scheduled. Cancel it instead of removing it.")
        )
    changes = {"activity": line.activity_type.code, "month": line.month}
    _audit(actor=actor, action=PlansAction.LINE_REMOVED, target=line, plan=plan, changes=changes)
    line.delete()


def _check_complete(plan: ActivityPlan) -> None:
    rules = activity_rules_for(plan.location.region)
    lines, surveys = _counts(plan)
    if surveys != 1:
        raise ValidationError(gettext("The plan needs the travel survey."))
    missing = still_to_choose(rules, lines=lines, surveys=surveys)
    if missing > 0:
        raise ValidationError(
            ngettext(
                "Choose %(count)s more activity first.",
                "Choose %(count)s more activities first.",
                missing,
            )
            % {"count": missing}
        )
    if missing < 0:
        raise ValidationError(
            ngettext(
                "The plan has %(count)s activity too many.",
                "The plan has %(count)s activities too many.",
                -missing,
            )
            % {"count": -missing}
        )


def _claim(plan: ActivityPlan, old: str, new: str, **fields) -> ActivityPlan:
    """Move the plan from `old` to `new` exactly once; a second attempt is told what
    became of it."""
    claimed = ActivityPlan.objects.filter(pk=plan.pk, status=old).update(
        status=new, updated_at=timezone.now(), **fields
    )
    plan.refresh_from_db()
    if claimed != 1:
        raise ValidationError(_status_now(plan))
    return plan


def _status_now(plan: ActivityPlan) -> str:
    if plan.status == Status.SUBMITTED:
        return gettext("The plan has already been sent to your advisor.")
    return _not_with_advisor(plan)


@transaction.atomic
def plan_submit(*, plan: ActivityPlan, actor) -> ActivityPlan:
    """The contact person sends the draft to the advisor, who gets a mail."""
    plan = _locked(plan)
    if plan.status != Status.DRAFT:
        raise ValidationError(_status_now(plan))
    _check_complete(plan)
    plan = _claim(
        plan, Status.DRAFT, Status.SUBMITTED, submitted_at=timezone.now(), submitted_by=actor
    )
    _audit(actor=actor, action=PlansAction.PLAN_SUBMITTED, target=plan, plan=plan)
    _mail_advisors(plan)
    return plan


@transaction.atomic
def plan_approve(*, plan: ActivityPlan, actor, comment: str | None = None) -> ActivityPlan:
    plan = _locked(plan)
    if plan.status != Status.SUBMITTED:
        raise ValidationError(_status_now(plan))
    _check_complete(plan)
    fields = {"approved_at": timezone.now(), "approved_by": actor}
    if comment is not None:
        fields["advisor_comment"] = comment.strip()
    plan = _claim(plan, Status.SUBMITTED, Status.APPROVED, **fields)
    _audit(actor=actor, action=PlansAction.PLAN_APPROVED, target=plan, plan=plan)
    _mail_contacts(plan, "plan_approved")
    return plan


@transaction.atomic
def plan_return(*, plan: ActivityPlan, actor, comment: str) -> ActivityPlan:
    """Send the plan back to the company as a draft, saying why."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"advisor_comment": gettext("Say what the company should change.")})
    plan = _locked(plan)
    if plan.status != Status.SUBMITTED:
        raise ValidationError(_status_now(plan))
    plan = _claim(plan, Status.SUBMITTED, Status.DRAFT, advisor_comment=comment)
    _audit(actor=actor, action=PlansAction.PLAN_RETURNED, target=plan, plan=plan)
    _mail_contacts(plan, "plan_returned")
    return plan


@transaction.atomic
def plan_comment(*, plan: ActivityPlan, actor, comment: str) -> ActivityPlan:
    plan = _locked(plan)
    comment = (comment or "").strip()
    if comment == plan.advisor_comment:
        return plan
    plan.advisor_comment = comment
    plan.save(update_fields=["advisor_comment", "updated_at"])
    _audit(actor=actor, action=PlansAction.PLAN_COMMENTED, target=plan, plan=plan)
    return plan


def _not_with_advisor(plan: ActivityPlan) -> str:
    if plan.status == Status.APPROVED:
        return gettext("The plan has already been approved.")
    return gettext("The plan is a draft: the company has not sent it yet.")


# --- mail --------------------------------------------------------------------------------
def _link(name: str, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def _mail_advisors(plan: ActivityPlan) -> None:
    """The member's advisor, or the region's staff while it has none (as for applications)."""
    region = plan.location.region
    membership = (
        Membership.objects.filter(location=plan.location)
        .filter(~Q(status=MembershipStatus.ENDED), advisor__is_active=True)
        .select_related("advisor")
        .first()
    )
    advisors = [membership.advisor] if membership else list(advisors_for_region(region.pk))
    context = {"plan": plan, "link": _link("staff:activity_plan_detail", plan.pk)}
    for advisor in advisors:
        send_templated(
            to=advisor.email,
            language=advisor.language or region.default_language,
            template=f"{EMAILS}/plan_submitted",
            context=context,
            region=region,
        )


def _mail_contacts(plan: ActivityPlan, template: str) -> None:
    region = plan.location.region
    link = _link("company:activity_plan", plan.location_id) + f"?year={plan.year}"
    for role in contacts_for_locations([plan.location_id]).filter(user__is_active=True):
        send_templated(
            to=role.user.email,
            language=role.user.language or region.default_language,
            template=f"{EMAILS}/{template}",
            context={"plan": plan, "link": link},
            region=region,
        )
