"""Reads, always scoped: waves the actor may see, their live response rates, the settings
of a region, and the invitation behind a survey link."""

import functools
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from pendel.accounts.access import Scope
from pendel.companies.selectors import locations_for
from pendel.core.dates import earliest_today, region_today
from pendel.regions.models import Region
from pendel.surveys.links import MAX_TOKEN_LENGTH, token_hash
from pendel.surveys.models import (
    Invitation,
    InvitationLink,
    Question,
    SurveySettings,
    TemplateVersion,
    Wave,
)


def waves_for(scope: Scope) -> QuerySet[Wave]:
    return Wave.objects.filter(location__in=locations_for(scope).values("id")).select_related(
        "location__organisation", "location__region__country", "template_version"
    )


def wave_get_for(scope: Scope, pk, *, dispatched_only: bool = False) -> Wave:
    waves = waves_for(scope)
    if dispatched_only:
        waves = waves.filter(dispatched_at__isnull=False)
    wave = waves.filter(pk=pk).first()
    if wave is None:
        raise Http404
    return wave


@dataclass(frozen=True)
class Rate:
    """Response rate = answered ÷ delivered invitations. Undelivered ones do not count, nor
    do those closed unanswered because the employee left or was erased (`closed`)."""

    invited: int
    undelivered: int
    answered: int
    closed: int = 0

    @property
    def delivered(self) -> int:
        return self.invited - self.undelivered - self.closed

    @property
    def percent(self) -> float | None:
        if not self.delivered:
            return None
        return round(100 * self.answered / self.delivered, 1)

    def meets(self, threshold: int) -> bool:
        # Whole numbers, so 75 % of 4 is met by exactly 3 answers.
        return self.delivered > 0 and self.answered * 100 >= threshold * self.delivered

    def answers_needed(self, threshold: int) -> int:
        """How many more answers reach the threshold."""
        needed = -(-threshold * self.delivered // 100)
        return max(0, needed - self.answered)


RATE_AGGREGATES = {
    "invited_count": Count("invitations", distinct=True),
    "undelivered_count": Count(
        "invitations", filter=Q(invitations__undelivered_at__isnull=False), distinct=True
    ),
    "answered_count": Count(
        "invitations", filter=Q(invitations__answered_at__isnull=False), distinct=True
    ),
}


def closed_invitations(today: date, *, closes_on, prefix: str = "") -> Q:
    """Invitations that left the rate: delivered, unanswered, and closed for their employee
    by `today` and within the wave's time (an invitation closed after the wave's close
    date does not change a finished rate)."""
    return Q(
        **{
            f"{prefix}answered_at__isnull": True,
            f"{prefix}undelivered_at__isnull": True,
            f"{prefix}closed_on__lte": today,
        }
    ) & Q(**{f"{prefix}closed_on__lte": closes_on})


def with_rates(waves: QuerySet[Wave]) -> QuerySet[Wave]:
    """Each wave annotated with its counts; `rate_of(wave)` reads them. Aggregating drops the
    model's default ordering, so it is set again (pagination needs a stable order). The
    day for closed invitations is the one that has begun in every region."""
    ordering = waves.query.order_by or Wave._meta.ordering or ["-pk"]
    today = earliest_today(Region.objects.only("time_zone"))
    closed = Count(
        "invitations",
        filter=closed_invitations(today, closes_on=F("closes_on"), prefix="invitations__"),
        distinct=True,
    )
    return waves.annotate(**RATE_AGGREGATES, closed_count=closed).order_by(*ordering)


def rate_of(wave: Wave) -> Rate:
    if hasattr(wave, "invited_count"):
        return Rate(
            wave.invited_count, wave.undelivered_count, wave.answered_count, wave.closed_count
        )
    return response_rate(wave)


def response_rate(wave: Wave) -> Rate:
    # Counting wave_id (not id) lets the databases read the (wave, answered, undelivered)
    # index alone.
    today = region_today(wave.location.region)
    counts = Invitation.objects.filter(wave=wave).aggregate(
        invited=Count("wave"),
        undelivered=Count("wave", filter=Q(undelivered_at__isnull=False)),
        answered=Count("wave", filter=Q(answered_at__isnull=False)),
        closed=Count("wave", filter=closed_invitations(today, closes_on=wave.closes_on)),
    )
    return Rate(counts["invited"], counts["undelivered"], counts["answered"], counts["closed"])


def baseline_closed(location) -> bool:
    """The programme's rule: other activities start only after the location's baseline
    survey has closed."""
    return Wave.objects.filter(
        location=location, kind=Wave.Kind.BASELINE, closed_at__isnull=False
    ).exists()


def baseline_wave_open(location) -> Wave | None:
    """The location's baseline survey that has been sent and is not closed yet (its
    `closes_on` says when other activities may start); None when none has been sent."""
    return (
        Wave.objects.filter(
            location=location,
            kind=Wave.Kind.BASELINE,
            dispatched_at__isnull=False,
            closed_at__isnull=True,
        )
        .order_by("closes_on")
        .first()
    )


def survey_settings_for(region) -> SurveySettings:
    """The region's survey settings, created with the defaults the first time."""
    settings, _created = SurveySettings.objects.get_or_create(region=region)
    return settings


def settings_by_region(region_ids) -> dict[int, SurveySettings]:
    """Settings of several regions at once; regions without a row get the defaults."""
    found = {s.region_id: s for s in SurveySettings.objects.filter(region_id__in=region_ids)}
    return {rid: found.get(rid) or SurveySettings(region_id=rid) for rid in region_ids}


def invitation_for_token(token: str) -> Invitation:
    """The invitation behind a survey link, found by the token's hash; an unknown token is a
    404. The link's first opening is noted (once). The invitation carries the request's
    token as `token` (in memory only) for the links and redirects of its pages."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise Http404
    link = (
        InvitationLink.objects.filter(token_hash=token_hash(token))
        .select_related(
            "invitation__wave__location__region",
            "invitation__wave__location__organisation",
            "invitation__wave__template_version",
        )
        .first()
    )
    if link is None:
        raise Http404
    if link.used_at is None:
        InvitationLink.objects.filter(pk=link.pk, used_at=None).update(used_at=timezone.now())
    invitation = link.invitation
    invitation.token = token
    return invitation


def wave_questions(wave: Wave) -> list[Question]:
    """What the wave asks: its frozen template version, then the region's own questions on
    a page of their own after the standard pages. Both are frozen at dispatch, so each
    process keeps them (the key includes the dispatch time, which no other wave shares)."""
    if wave.template_version_id is None:
        return []
    return list(_frozen_questions(wave.pk, wave.dispatched_at, wave.template_version_id))


@functools.lru_cache(maxsize=256)
def _frozen_questions(wave_id: int, dispatched_at, version_id: int) -> tuple[Question, ...]:
    version = TemplateVersion.objects.get(pk=version_id)
    questions = list(version.questions.all())
    region_questions = Question.objects.filter(
        id__in=Wave.region_questions.through.objects.filter(wave_id=wave_id).values("question_id")
    ).order_by("position", "id")
    for question in region_questions:
        question.step = version.step_count + 1
        questions.append(question)
    return tuple(questions)


def frozen_question_ids(question_ids) -> set[int]:
    """Which of these questions a sent survey has frozen (they can no longer change)."""
    return set(
        Wave.region_questions.through.objects.filter(
            question_id__in=question_ids, wave__dispatched_at__isnull=False
        ).values_list("question_id", flat=True)
    )


def region_questions_for(region) -> QuerySet[Question]:
    return Question.objects.filter(region=region).order_by("-is_active", "position", "id")
