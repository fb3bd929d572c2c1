"""The activity catalogue and a region's rules for plans: reads (scoped) and writes (each in
one transaction with its AuditEvent).

National types are kept by the national coordinator; a region's own types by the staff of
that region. A type that plans or events use is deactivated, never deleted: their history
keeps its name."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext

from pendel.accounts.access import Scope
from pendel.activities.audit import PlansAction
from pendel.activities.models import ActivityRules, ActivityType, Event, PlannedActivity
from pendel.core.audit import audit_record
from pendel.core.texts import texts_clean
from pendel.regions.selectors import regions_for

RULES_FIELDS = ("activities_per_plan", "survey_place", "yearly_target")


# --- reads -----------------------------------------------------------------------------------
def with_use(types: QuerySet[ActivityType]) -> QuerySet[ActivityType]:
    """Each type marked `used` when a plan or an event refers to it."""
    planned = PlannedActivity.objects.filter(activity_type=OuterRef("pk"))
    events = Event.objects.filter(activity_type=OuterRef("pk"))
    return types.annotate(used=Exists(planned) | Exists(events))


def activity_types_for(scope: Scope) -> QuerySet[ActivityType]:
    """The national catalogue and the own types of the regions the actor works in."""
    own = Q(region__in=regions_for(scope).values("id"))
    return (
        ActivityType.objects.filter(Q(region__isnull=True) | own)
        .select_related("region__country", "leads_to")
        .order_by("region_id", "sort_order", "code")
    )


def activity_types_for_region(region, *, active_only: bool = True) -> QuerySet[ActivityType]:
    """What a member of the region chooses from: the national types and the region's own."""
    types = ActivityType.objects.filter(Q(region__isnull=True) | Q(region=region))
    if active_only:
        types = types.filter(is_active=True)
    return types.select_related("region", "leads_to").order_by("sort_order", "code")


def survey_type_for(region) -> ActivityType | None:
    """The travel survey's line in the region's plans: the region's own, else the national."""
    return (
        activity_types_for_region(region)
        .filter(is_survey=True)
        .order_by("region_id", "sort_order")
        .first()
    )


def activity_type_get_for_edit(scope: Scope, pk) -> ActivityType:
    """A national type for the coordinator, a region's own for its staff; else 404."""
    found = with_use(ActivityType.objects.select_related("region").filter(pk=pk)).first()
    if found is None:
        raise Http404
    if found.is_national and scope.is_coordinator:
        return found
    if not found.is_national and regions_for(scope).filter(pk=found.region_id).exists():
        return found
    raise Http404


def activity_rules_for(region) -> ActivityRules:
    """The region's rules; unsaved defaults when it has not set any."""
    return ActivityRules.objects.filter(region=region).first() or ActivityRules(region=region)


def activity_rules_by_region(region_ids) -> dict[int, ActivityRules]:
    found = {r.region_id: r for r in ActivityRules.objects.filter(region_id__in=region_ids)}
    return {rid: found.get(rid) or ActivityRules(region_id=rid) for rid in region_ids}


# --- writes ----------------------------------------------------------------------------------
def _jsonable(value):
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "pk"):
        return value.pk
    return value


@transaction.atomic
def activity_type_save(*, actor, activity_type: ActivityType, data: dict, texts: dict):
    """Create or change a type of the catalogue: national (no region) or a region's own."""
    texts = {field: texts_clean(texts.get(field)) for field in ActivityType.TEXT_FIELDS}
    if not texts["name"]:
        raise ValidationError(gettext("Give the activity a name in at least one language."))
    leads_to = data.get("leads_to")
    if leads_to is not None and leads_to.region_id not in (None, activity_type.region_id):
        raise ValidationError({"leads_to": gettext("This product belongs to another region.")})
    created = activity_type.pk is None
    changes = {}
    for name, value in [*data.items(), *texts.items()]:
        old = getattr(activity_type, name, None)
        if created or old != value:
            changes[name] = [_jsonable(old), _jsonable(value)]
        setattr(activity_type, name, value)
    _check_code_free(activity_type)
    activity_type.full_clean()
    activity_type.save()
    action = PlansAction.TYPE_CREATED if created else PlansAction.TYPE_CHANGED
    audit_record(
        actor=actor,
        action=action,
        target=activity_type,
        region_id=activity_type.region_id,
        changes=changes,
    )
    return activity_type


def _check_code_free(activity_type: ActivityType) -> None:
    """The codes' uniqueness (national, or within the region) as a message on the field."""
    same = ActivityType.objects.filter(code=activity_type.code, region=activity_type.region_id)
    if same.exclude(pk=activity_type.pk).exists():
        raise ValidationError({"code": gettext("Another activity already has this code.")})


@transaction.atomic
def activity_type_remove(*, actor, activity_type: ActivityType) -> bool:
    """Delete a type no plan or event uses (True); deactivate one that is used (False)."""
    locked = ActivityType.objects.select_for_update().get(pk=activity_type.pk)
    used = (
        PlannedActivity.objects.filter(activity_type=locked).exists()
        or Event.objects.filter(activity_type=locked).exists()
    )
    region_id, code = locked.region_id, locked.code
    if used:
        if locked.is_active:
            locked.is_active = False
            locked.save(update_fields=["is_active", "updated_at"])
        action = PlansAction.TYPE_DEACTIVATED
        audit_record(actor=actor, action=action, target=locked, region_id=region_id)
        return False
    audit_record(
        actor=actor,
        action=PlansAction.TYPE_DELETED,
        target=locked,
        region_id=region_id,
        changes={"code": code, "name": locked.name},
    )
    locked.delete()
    return True


@transaction.atomic
def activity_rules_save(*, actor, region, data: dict) -> ActivityRules:
    """The region's rules for plans: how many activities, the survey's place, the target."""
    rules, _created = ActivityRules.objects.select_for_update().get_or_create(region=region)
    changes = {
        name: [getattr(rules, name), data[name]]
        for name in RULES_FIELDS
        if name in data and getattr(rules, name) != data[name]
    }
    if not changes:
        return rules
    for name in changes:
        setattr(rules, name, data[name])
    rules.updated_by = actor
    rules.full_clean()
    rules.save(update_fields=[*changes, "updated_by", "updated_at"])
    audit_record(
        actor=actor,
        action=PlansAction.RULES_UPDATED,
        target=rules,
        region_id=region.pk,
        changes=changes,
    )
    return rules
