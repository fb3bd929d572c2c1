"""Writes of the climate app: importing a factor set, a region's climate settings."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from pendel.accounts.access import Scope
from pendel.climate.audit import ClimateAction
from pendel.climate.importers import FactorRow, Importer, RowError
from pendel.climate.models import ClimateSettings, EmissionFactor, EmissionFactorSet
from pendel.core.audit import audit_record


@dataclass(frozen=True)
class SetDetails:
    """What the import form says about the set as a whole."""

    name: str
    version: str
    country: str
    fallback_scope: str
    source: str
    source_url: str = ""
    published_year: int | None = None
    note: str = ""
    is_default: bool = False


def factor_rows_check(details: SetDetails, rows: list[FactorRow]) -> list[RowError]:
    """What the rows break together: one factor per country and mode, and a national set's
    rows all of its own country (or of its fallback scope)."""
    errors, seen = [], {}
    allowed = {details.country, details.fallback_scope} - {""}
    for row in rows:
        key = (row.country, row.mode)
        if key in seen:
            message = gettext("%(country)s %(mode)s is also on line %(line)s: one factor each.")
            values = {"country": row.country, "mode": row.mode, "line": seen[key]}
            errors.append(RowError(row.line, message % values))
        seen.setdefault(key, row.line)
        if details.country and row.country not in allowed:
            message = gettext("This set is for %(country)s: the row is for %(row)s.")
            errors.append(RowError(row.line, message % {"country": details.country,
                                                        "row": row.country}))  # fmt: skip
    return errors


def factor_set_read(importer: Importer, data: bytes, details: SetDetails):
    """The file's rows and every error found in them, for the preview. Writes nothing."""
    parsed = importer.read(data)
    parsed.errors += factor_rows_check(details, parsed.rows)
    parsed.errors.sort(key=lambda error: error.line or 0)
    return parsed


def factor_set_import(
    *, actor, scope: Scope, importer: Importer, data: bytes, details: SetDetails
) -> EmissionFactorSet:
    """The set and all its factors, or nothing: read and checked again (the preview may be
    stale), written in one transaction with its audit event. Only the national coordinator
    imports (factors are national data that every region's reports share)."""
    if not scope.is_coordinator:
        raise ValidationError(gettext("Only the national coordinator imports emission factors."))
    parsed = factor_set_read(importer, data, details)
    if parsed.errors:
        raise ValidationError(
            [gettext("The file has errors; nothing has been imported.")]
            + [error.message for error in parsed.errors[:20]]
        )
    try:
        with transaction.atomic():
            factor_set = _create(actor, details, parsed.rows)
    except IntegrityError as error:
        raise ValidationError(
            gettext("A set with this name and version exists already: give it a new version.")
        ) from error
    return factor_set


def _create(actor, details: SetDetails, rows: list[FactorRow]) -> EmissionFactorSet:
    if details.is_default:
        EmissionFactorSet.objects.filter(country=details.country, is_default=True).update(
            is_default=False
        )
    factor_set = EmissionFactorSet(
        name=details.name,
        version=details.version,
        country=details.country,
        fallback_scope=details.fallback_scope,
        source=details.source,
        source_url=details.source_url,
        published_year=details.published_year,
        confirmed=all(row.confirmed for row in rows),
        is_default=details.is_default,
        note=details.note,
        imported_by=actor,
    )
    # Uniqueness is the database's to check, under concurrency too (IntegrityError above).
    factor_set.full_clean(validate_constraints=False, validate_unique=False)
    factor_set.save()
    EmissionFactor.objects.bulk_create(
        EmissionFactor(
            factor_set=factor_set,
            country=row.country,
            mode=row.mode,
            value=row.value,
            unit=row.unit,
            boundary=row.boundary,
            year=row.year,
            confirmed=row.confirmed,
            source=row.source,
            note=row.note,
        )
        for row in rows
    )
    audit_record(
        actor=actor,
        action=ClimateAction.FACTOR_SET_IMPORTED,
        target=factor_set,
        changes={"name": str(factor_set), "factors": len(rows), "country": details.country},
    )
    return factor_set


def climate_settings_update(
    *, actor, region, factor_set: EmissionFactorSet | None, working_weeks: int
) -> ClimateSettings:
    """The region's factor set (None: the country's default) and working weeks."""
    if factor_set is not None and not factor_set.covers(region.country_id):
        raise ValidationError(
            {"factor_set": gettext("This set has no factors for the region's country.")}
        )
    with transaction.atomic():
        settings, _created = ClimateSettings.objects.select_for_update().get_or_create(
            region=region
        )
        before = {"factor_set": settings.factor_set_id, "working_weeks": settings.working_weeks}
        settings.factor_set, settings.working_weeks = factor_set, working_weeks
        settings.updated_by = actor
        settings.full_clean()
        settings.save(update_fields=["factor_set", "working_weeks", "updated_by", "updated_at"])
        after = {"factor_set": settings.factor_set_id, "working_weeks": settings.working_weeks}
        audit_record(
            actor=actor,
            action=ClimateAction.SETTINGS_UPDATED,
            target=settings,
            region_id=region.pk,
            changes={"before": before, "after": after},
        )
    return settings
