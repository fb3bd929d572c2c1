"""Writes of certification: the region's tiers (and a default set), the yearly evaluation
of its members, and the advisor's decision. Every write is audited in its transaction.

The evaluation is safe to run twice: one row per location and year, written again with
the same figures; a decided row (confirmed, rejected, revoked) is left as the advisor left
it. Confirming is a conditional UPDATE on the proposal the advisor saw, so two clicks (or
two advisors) confirm once, and a proposal that changed meanwhile is not confirmed unseen."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from pendel.certification.audit import CertificationAction
from pendel.certification.facts import facts_for
from pendel.certification.models import Evaluation, RateRule, Tier
from pendel.certification.rules import tier_outcomes
from pendel.companies.models import Membership, MembershipStatus
from pendel.core.audit import Target, audit_event, audit_record, audit_record_many
from pendel.core.texts import localized
from pendel.regions.models import Region

# Members evaluated: those in the programme (not applicants, not ended).
EVALUATED_STATUSES = [MembershipStatus.ACTIVE, MembershipStatus.QUALIFIED]
TIER_FIELDS = [
    "rank",
    "rate_rule",
    "rate_minimum",
    "activities_minimum",
    "car_share_reduction",
    "plan_approved",
]
# The default set: the programme's rules rising tier by tier (DOMAIN.md: the survey's
# threshold, four activities a year, car share down 5 percentage points by 2027).
DEFAULT_TIERS = [
    (
        {"nb": "Godkjent", "en": "Approved", "sv": "Godkänd", "nl": "Goedgekeurd"},
        {"rate_rule": RateRule.THRESHOLD},
    ),
    (
        {"nb": "God", "en": "Good", "sv": "Bra", "nl": "Goed"},
        {"rate_rule": RateRule.THRESHOLD, "activities_minimum": 2, "plan_approved": True},
    ),
    (
        {"nb": "Meget god", "en": "Very good", "sv": "Mycket bra", "nl": "Zeer goed"},
        {
            "rate_rule": RateRule.THRESHOLD,
            "activities_minimum": 4,
            "plan_approved": True,
            "car_share_reduction": "2.5",
        },
    ),
    (
        {"nb": "Fremragende", "en": "Excellent", "sv": "Utmärkt", "nl": "Uitstekend"},
        {
            "rate_rule": RateRule.THRESHOLD,
            "activities_minimum": 4,
            "plan_approved": True,
            "car_share_reduction": "5.0",
        },
    ),
]


def _tier_values(tier: Tier) -> dict:
    values = {name: getattr(tier, name) for name in TIER_FIELDS}
    values["car_share_reduction"] = (
        None if tier.car_share_reduction is None else str(tier.car_share_reduction)
    )
    return {**values, "name": tier.name}


def _clean_tier(tier: Tier) -> None:
    if tier.rate_rule != RateRule.MINIMUM:
        tier.rate_minimum = None
    elif tier.rate_minimum is None:
        raise ValidationError(
            {"rate_minimum": gettext("Give the response rate the tier needs.")}, code="required"
        )
    if not tier.has_rules:
        raise ValidationError(gettext("Give the tier at least one rule."), code="no_rules")
    clash = Tier.objects.filter(region_id=tier.region_id, rank=tier.rank).exclude(pk=tier.pk)
    if clash.exists():
        raise ValidationError(
            {"rank": gettext("Another tier of the region has this rank.")}, code="unique"
        )
    tier.full_clean(validate_constraints=False)


@transaction.atomic
def tier_save(*, actor, tier: Tier, data: dict, texts: dict) -> Tier:
    """Add or change a tier of the region (`data`: TIER_FIELDS; `texts`: {"name": …})."""
    before = _tier_values(tier) if tier.pk else None
    for name, value in data.items():
        setattr(tier, name, value)
    tier.name = texts["name"]
    _clean_tier(tier)
    tier.save()
    after = _tier_values(tier)
    if before is None:
        action, changes = CertificationAction.TIER_CREATED, after
    else:
        action = CertificationAction.TIER_CHANGED
        changes = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    audit_record(actor=actor, action=action, target=tier, region_id=tier.region_id, changes=changes)
    return tier


@transaction.atomic
def tier_delete(*, actor, tier: Tier) -> None:
    confirmed = Evaluation.objects.filter(confirmed_tier=tier).exists()
    if confirmed:
        raise ValidationError(
            gettext(
                "Members hold this tier as their certification, so it cannot be removed. "
                "Change its rules instead."
            ),
            code="in_use",
        )
    changes = _tier_values(tier)
    audit_record(
        actor=actor,
        action=CertificationAction.TIER_DELETED,
        target=tier,
        region_id=tier.region_id,
        changes=changes,
    )
    tier.delete()


@transaction.atomic
def tiers_default_create(*, actor, region: Region) -> list[Tier]:
    """The default set of four tiers, for a region that has none yet."""
    Region.objects.select_for_update().filter(pk=region.pk).first()
    if Tier.objects.filter(region=region).exists():
        raise ValidationError(
            gettext("The region has tiers already; the default set is only for a start."),
            code="exists",
        )
    tiers = Tier.objects.bulk_create(
        Tier(region=region, name=names, rank=rank, **rules)
        for rank, (names, rules) in enumerate(DEFAULT_TIERS, start=1)
    )
    audit_record(
        actor=actor,
        action=CertificationAction.DEFAULTS_CREATED,
        target=region,
        region_id=region.pk,
        changes={"tiers": [localized(tier.name) for tier in tiers]},
    )
    return tiers


# --- evaluation -----------------------------------------------------------------------------
def _rows(region: Region, location_ids: list[int], year: int, actor) -> list[Evaluation]:
    tiers = list(Tier.objects.filter(region=region))
    facts = facts_for(region, location_ids, year)
    now = timezone.now()
    rows = []
    for location_id in location_ids:
        outcomes, reached = tier_outcomes(tiers, facts[location_id])
        rows.append(
            Evaluation(
                location_id=location_id,
                year=year,
                facts=facts[location_id],
                outcomes=outcomes,
                proposed_tier_id=reached,
                evaluated_at=now,
                evaluated_by=actor,
            )
        )
    return rows


def _write(rows: list[Evaluation]) -> None:
    """Insert the new rows and write the figures of the proposed ones again (the caller
    has locked those, so a confirmation waits for this and then sees the new proposal)."""
    Evaluation.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["location", "year"],
        update_fields=[
            "facts",
            "outcomes",
            "proposed_tier",
            "evaluated_at",
            "evaluated_by",
            "status",
            "decided_at",
            "decided_by",
            "note",
            "updated_at",
        ],
    )


@transaction.atomic
def certification_evaluate_region(*, region_id: int, year: int, actor=None) -> int:
    """Evaluate every member of the region for the year; the members an advisor has decided
    on already are left alone. Returns how many were evaluated."""
    region = Region.objects.get(pk=region_id)
    location_ids = list(
        Membership.objects.filter(location__region=region, status__in=EVALUATED_STATUSES)
        .order_by("location_id")
        .values_list("location_id", flat=True)
        .distinct()
    )
    existing = (
        Evaluation.objects.select_for_update()
        .filter(location_id__in=location_ids, year=year)
        .values_list("location_id", "status")
    )
    decided = {pk for pk, status in existing if status != Evaluation.Status.PROPOSED}
    open_ids = [location_id for location_id in location_ids if location_id not in decided]
    _write(_rows(region, open_ids, year, actor))
    audit_record(
        actor=actor,
        action=CertificationAction.EVALUATED,
        target=region,
        region_id=region.pk,
        changes={"year": year, "count": len(open_ids)},
    )
    return len(open_ids)


@transaction.atomic
def certification_evaluate_member(*, actor, membership: Membership, year: int) -> Evaluation:
    """Evaluate one member now. A rejected or revoked evaluation is proposed again with the
    new figures; a confirmed one is refused (revoke it first)."""
    location = membership.location
    current = Evaluation.objects.select_for_update().filter(location=location, year=year).first()
    if current is not None and current.status == Evaluation.Status.CONFIRMED:
        raise ValidationError(
            gettext(
                "The certification for %(year)s is confirmed. Revoke it first to evaluate again."
            )
            % {"year": year},
            code="confirmed",
        )
    (row,) = _rows(location.region, [location.pk], year, actor)
    _write([row])
    evaluation = Evaluation.objects.get(location=location, year=year)
    audit_record(
        actor=actor,
        action=CertificationAction.EVALUATED,
        target=evaluation,
        region_id=location.region_id,
        changes={"year": year, "count": 1},
    )
    return evaluation


# --- the advisor's decision -----------------------------------------------------------------
def _tier_name(tier_id) -> str:
    tier = Tier.objects.select_related("region").filter(pk=tier_id).first()
    return str(tier) if tier else ""


@transaction.atomic
def evaluation_confirm(*, actor, evaluation: Evaluation, tier_id) -> bool:
    """Certify the member at the proposed tier the advisor saw (`tier_id`). True when this
    call confirmed it; False when it was confirmed at that tier already (a second click)."""
    now = timezone.now()
    updated = Evaluation.objects.filter(
        pk=evaluation.pk,
        status=Evaluation.Status.PROPOSED,
        proposed_tier_id=tier_id,
        proposed_tier__isnull=False,
    ).update(
        status=Evaluation.Status.CONFIRMED,
        confirmed_tier_id=tier_id,
        decided_at=now,
        decided_by=actor,
        updated_at=now,
    )
    if updated:
        audit_record(
            actor=actor,
            action=CertificationAction.CONFIRMED,
            target=evaluation,
            region_id=evaluation.location.region_id,
            changes={"year": evaluation.year, "tier": _tier_name(tier_id)},
        )
        return True
    current = Evaluation.objects.get(pk=evaluation.pk)
    if current.status == Evaluation.Status.CONFIRMED and str(current.confirmed_tier_id) == str(
        tier_id
    ):
        return False
    if current.status == Evaluation.Status.PROPOSED and current.proposed_tier_id is None:
        raise ValidationError(
            gettext("No tier was reached, so there is nothing to confirm."), code="no_tier"
        )
    raise ValidationError(
        gettext("The evaluation has changed since you saw it. Look at it again and decide."),
        code="changed",
    )


def _decide(*, actor, evaluation, from_status, to_status, action, note: str) -> bool:
    now = timezone.now()
    updated = Evaluation.objects.filter(pk=evaluation.pk, status=from_status).update(
        status=to_status, decided_at=now, decided_by=actor, note=note[:500], updated_at=now
    )
    if updated:
        audit_record(
            actor=actor,
            action=action,
            target=evaluation,
            region_id=evaluation.location.region_id,
            changes={"year": evaluation.year, "note": note[:500]},
        )
        return True
    if Evaluation.objects.filter(pk=evaluation.pk, status=to_status).exists():
        return False
    raise ValidationError(
        gettext("The evaluation has changed since you saw it. Look at it again and decide."),
        code="changed",
    )


@transaction.atomic
def evaluation_reject(*, actor, evaluation: Evaluation, note: str = "") -> bool:
    """The advisor does not certify the member for the year (the proposal stays readable)."""
    return _decide(
        actor=actor,
        evaluation=evaluation,
        from_status=Evaluation.Status.PROPOSED,
        to_status=Evaluation.Status.REJECTED,
        action=CertificationAction.REJECTED,
        note=note,
    )


@transaction.atomic
def evaluation_revoke(*, actor, evaluation: Evaluation, note: str = "") -> bool:
    """A confirmed certification withdrawn: the badge goes at once."""
    return _decide(
        actor=actor,
        evaluation=evaluation,
        from_status=Evaluation.Status.CONFIRMED,
        to_status=Evaluation.Status.REVOKED,
        action=CertificationAction.REVOKED,
        note=note,
    )


@transaction.atomic
def evaluations_confirm_many(*, actor, region: Region, shown: list[tuple[int, int]]) -> int:
    """Confirm several members at the tiers the advisor was shown ((evaluation id, tier id)
    pairs). Refused as a whole when any of them changed since; those confirmed already
    are left as they are. Returns how many this call confirmed."""
    wanted = dict(shown)
    rows = list(
        Evaluation.objects.select_for_update()
        .filter(pk__in=wanted, location__region=region)
        .values_list("pk", "status", "proposed_tier_id", "confirmed_tier_id", "year")
    )
    to_confirm = []
    for pk, status, proposed, confirmed, _year in rows:
        if status == Evaluation.Status.CONFIRMED and confirmed == wanted[pk]:
            continue
        if status != Evaluation.Status.PROPOSED or proposed is None or proposed != wanted[pk]:
            raise ValidationError(
                gettext(
                    "Some evaluations have changed since you saw them. Nothing was "
                    "confirmed; look at the list again."
                ),
                code="changed",
            )
        to_confirm.append(pk)
    if len(rows) != len(wanted):
        raise ValidationError(gettext("Some evaluations were not found."), code="missing")
    now = timezone.now()
    Evaluation.objects.filter(pk__in=to_confirm, status=Evaluation.Status.PROPOSED).update(
        status=Evaluation.Status.CONFIRMED,
        confirmed_tier_id=F("proposed_tier_id"),
        decided_at=now,
        decided_by=actor,
        updated_at=now,
    )
    names = {tier.pk: str(tier) for tier in Tier.objects.filter(region=region)}
    years = {pk: year for pk, _s, _p, _c, year in rows}
    audit_record_many(
        audit_event(
            actor=actor,
            action=CertificationAction.CONFIRMED,
            target=Target("evaluation", pk),
            region_id=region.pk,
            changes={"year": years[pk], "tier": names.get(wanted[pk], "")},
        )
        for pk in to_confirm
    )
    return len(to_confirm)


def actor_by_id(actor_id: int | None):
    if actor_id is None:
        return None
    return get_user_model().objects.filter(pk=actor_id).first()
