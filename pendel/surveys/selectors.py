"""Reads, always scoped: waves the actor may see, their live response rates, the settings
of a region, and the invitation behind a survey link."""

import functools
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from pendel.accounts.access import Scope
from pendel.companies.selectors import locations_for
from pendel.surveys.models import Invitation, Question, SurveySettings, TemplateVersion, Wave


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
    """Response rate = answered ÷ delivered invitations (undelivered ones do not count)."""

    invited: int
    undelivered: int
    answered: int

    @property
    def delivered(self) -> int:
        return self.invited - self.undelivered

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


def with_rates(waves: QuerySet[Wave]) -> QuerySet[Wave]:
    """Each wave annotated with its counts; `rate_of(wave)` reads them. Aggregating drops the
    model's default ordering, so it is set again (pagination needs a stable order)."""
    ordering = waves.query.order_by or Wave._meta.ordering or ["-pk"]
    return waves.annotate(**RATE_AGGREGATES).order_by(*ordering)


def rate_of(wave: Wave) -> Rate:
    if hasattr(wave, "invited_count"):
        return Rate(wave.invited_count, wave.undelivered_count, wave.answered_count)
    return response_rate(wave)


def response_rate(wave: Wave) -> Rate:
    # Counting wave_id (not id) lets the databases read the (wave, answered, undelivered)
    # index alone.
    counts = Invitation.objects.filter(wave=wave).aggregate(
        invited=Count("wave"),
        undelivered=Count("wave", filter=Q(undelivered_at__isnull=False)),
        answered=Count("wave", filter=Q(answered_at__isnull=False)),
    )
    return Rate(counts["invited"], counts["undelivered"], counts["answered"])


def baseline_closed(location) -> bool:
    """The programme's rule: other activities start only after the location's baseline
    survey has closed."""
    return Wave.objects.filter(
        location=location, kind=Wave.Kind.BASELINE, closed_at__isnull=False
    ).exists()


def survey_settings_for(region) -> SurveySettings:
    """The region's survey settings, created with the defaults the first time."""
    settings, _created = SurveySettings.objects.get_or_create(region=region)
    return settings


def settings_by_region(region_ids) -> dict[int, SurveySettings]:
    """Settings of several regions at once; regions without a row get the defaults."""
    found = {s.region_id: s for s in SurveySettings.objects.filter(region_id__in=region_ids)}
    return {rid: found.get(rid) or SurveySettings(region_id=rid) for rid in region_ids}


def invitation_for_token(token: str) -> Invitation:
    """The invitation behind a survey link; an unknown token is a 404."""
    if not token or len(token) > 64:
        raise Http404
    invitation = (
        Invitation.objects.filter(token=token)
        .select_related(
            "wave__location__region", "wave__location__organisation", "wave__template_version"
        )
        .first()
    )
    if invitation is None:
        raise Http404
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
