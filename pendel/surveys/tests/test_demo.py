from django.utils import timezone

from pendel.companies.models import Membership
from pendel.surveys.demo import seed_demo_surveys
from pendel.surveys.models import Wave
from pendel.surveys.results import wave_results


def test_the_demo_has_a_closed_baseline_with_real_results_and_an_open_survey(
    world, membership, django_capture_on_commit_callbacks
):
    Membership.objects.create(
        location=world.other_location,
        status="active",
        agreement_signed_by="Joost",
        agreement_signed_on=timezone.localdate(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        closed, open_now = seed_demo_surveys()

    results = wave_results(closed)
    assert (results.rate.answered, results.rate.delivered) == (23, 30)
    assert Wave.objects.get(pk=closed.pk).outcome == Wave.Outcome.QUALIFIED
    membership.refresh_from_db()
    assert membership.status == "qualified"
    assert results.respondents == 23 and results.car_share is not None
    assert Wave.objects.get(pk=open_now.pk).status == Wave.Status.OPEN
    assert seed_demo_surveys() == []
