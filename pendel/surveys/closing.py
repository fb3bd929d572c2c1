"""Closing a wave after its close date, and qualifying the membership when the rate is met.
The close task calls this; it queues nothing."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from pendel.companies.models import Membership, MembershipStatus
from pendel.companies.services import membership_transition
from pendel.core.audit import Target, audit_record
from pendel.core.dates import region_today
from pendel.core.money import format_number
from pendel.surveys.audit import SurveysAction
from pendel.surveys.models import Wave
from pendel.surveys.selectors import response_rate, survey_settings_for

logger = logging.getLogger(__name__)


def wave_audit(actor, action: str, wave: Wave, changes: dict | None = None) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=Target("survey_wave", wave.pk),
        region_id=wave.location.region_id,
        changes=changes,
    )


def wave_locked(wave: Wave) -> Wave:
    return (
        Wave.objects.select_for_update()
        .select_related("location__region", "location__organisation")
        .get(pk=wave.pk)
    )


def _open_membership(location_id: int) -> Membership | None:
    return (
        Membership.objects.filter(location_id=location_id)
        .exclude(status=MembershipStatus.ENDED)
        .first()
    )


def _qualify(wave: Wave, percent) -> tuple[str, str]:
    """The outcome of a wave that met its threshold, qualifying an active membership."""
    region = wave.location.region
    membership = _open_membership(wave.location_id)
    with translation.override(region.default_language):
        if membership is None or membership.status == MembershipStatus.APPROVED:
            note = gettext("Threshold met, but the membership is not active yet.")
            return Wave.Outcome.MET, note
        if membership.status == MembershipStatus.QUALIFIED:
            return Wave.Outcome.MET, gettext("The membership was qualified already.")
        note = gettext(
            "Qualified automatically: %(percent)s %% answered the survey that opened on %(date)s."
        ) % {
            "date": date_format(wave.opens_on, "SHORT_DATE_FORMAT"),
            "percent": format_number(percent),
        }
    membership_transition(membership=membership, to_status="qualified", actor=None, note=note)
    return Wave.Outcome.QUALIFIED, note


@transaction.atomic
def wave_close(*, wave: Wave, actor) -> Wave:
    """Close a wave whose close date has passed. At or above the region's threshold the
    location's active membership becomes qualified. Closing twice changes nothing."""
    wave = wave_locked(wave)
    if wave.is_closed:
        return wave
    if not wave.is_dispatched:
        raise ValidationError(gettext("This survey has not been sent."))
    if region_today(wave.location.region) <= wave.closes_on:
        raise ValidationError(
            gettext("The survey can be closed after its close date, %(date)s.")
            % {"date": date_format(wave.closes_on, "DATE_FORMAT")}
        )
    rate = response_rate(wave)
    threshold = survey_settings_for(wave.location.region).threshold_for(wave.kind)
    outcome, note = Wave.Outcome.BELOW, ""
    if rate.meets(threshold):
        outcome, note = _qualify(wave, rate.percent)
    wave.closed_at = timezone.now()
    wave.threshold_percent = threshold
    wave.answered_at_close = rate.answered
    wave.delivered_at_close = rate.delivered
    wave.outcome, wave.outcome_note = outcome, note
    wave.save(
        update_fields=[
            "closed_at",
            "threshold_percent",
            "answered_at_close",
            "delivered_at_close",
            "outcome",
            "outcome_note",
            "updated_at",
        ]
    )
    wave_audit(actor, SurveysAction.WAVE_CLOSED, wave, {"rate": rate.percent, "outcome": outcome})
    return wave


def wave_close_due(*, wave_id: int) -> str:
    """After the close date: close the wave (and qualify the membership if the rate is met).
    An extended wave is not due yet; its new close task comes later."""
    wave = Wave.objects.select_related("location__region").filter(pk=wave_id).first()
    if wave is None or wave.is_closed or not wave.is_dispatched:
        return "nothing to do"
    if region_today(wave.location.region) <= wave.closes_on:
        return "not due"
    try:
        wave = wave_close(wave=wave, actor=None)
    except ValidationError as error:
        logger.warning("Survey %s not closed: %s", wave_id, error.messages)
        return "refused"
    return wave.outcome
