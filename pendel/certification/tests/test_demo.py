"""The demo's certification: tiers in every region, members evaluated, and one badge on
Nedre Glomma's programme page; loading the demo again changes nothing."""

from django.core.management import call_command
from django.urls import reverse

from pendel.certification.models import Evaluation, Tier
from pendel.regions.models import Region


def test_the_demo_has_tiers_evaluations_and_one_badge(db, client, settings):
    settings.SURVEY_MAIL_PER_MINUTE = 100_000
    call_command("seed_demo", verbosity=0)
    counts = (Tier.objects.count(), Evaluation.objects.count())

    call_command("seed_demo", verbosity=0)

    assert (Tier.objects.count(), Evaluation.objects.count()) == counts
    assert counts[0] == 4 * Region.objects.count()
    confirmed = Evaluation.objects.get(status=Evaluation.Status.CONFIRMED)
    assert confirmed.location.region.slug == "nedre-glomma"
    page = client.get(reverse("portal:programme_detail", args=["nedre-glomma"]))
    assert f"Certified: {confirmed.confirmed_tier} ({confirmed.year})" in page.content.decode()
