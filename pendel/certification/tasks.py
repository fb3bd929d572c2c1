"""Background work of certification, by ids and safe to run twice: the yearly evaluation of
a region's members (one row per member and year, decided rows left alone)."""

from django.utils.translation import gettext

from pendel.certification.services import actor_by_id, certification_evaluate_region
from pendel.core.task_descriptions import describe_task
from pendel.core.tasks import retrying
from pendel.regions.models import Region


@retrying
def certification_evaluate_region_task(
    *, region_id: int, year: int, actor_id: int | None = None
) -> int:
    if not Region.objects.filter(pk=region_id).exists():
        return 0  # the region is gone: nothing to evaluate
    return certification_evaluate_region(
        region_id=region_id, year=year, actor=actor_by_id(actor_id)
    )


def _describe(kwargs_list) -> list[str]:
    names = dict(
        Region.objects.filter(pk__in=[k.get("region_id") for k in kwargs_list]).values_list(
            "pk", "programme_name"
        )
    )
    return [
        gettext("Evaluating the certification of %(programme)s's members for %(year)s")
        % {"programme": names.get(kwargs.get("region_id"), "–"), "year": kwargs.get("year")}
        for kwargs in kwargs_list
    ]


describe_task(certification_evaluate_region_task, _describe)
