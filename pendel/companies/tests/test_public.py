from django.urls import reverse

from pendel.companies.models import Membership


def test_the_programme_page_lists_members_who_allow_their_logo(client, world):
    Membership.objects.create(location=world.location, status="active", logo_consent=True)
    page = client.get(reverse("portal:programme_detail", args=[world.region.slug])).content.decode()
    assert "Fredrikstad Fisk AS" in page
    assert "Twentse Tegels" not in page


def test_members_without_consent_or_not_yet_active_are_not_shown(client, world):
    Membership.objects.create(location=world.location, status="approved", logo_consent=True)
    Membership.objects.create(location=world.other_location, status="active", logo_consent=False)
    for region in (world.region, world.other_region):
        page = client.get(reverse("portal:programme_detail", args=[region.slug])).content.decode()
        assert "Fredrikstad Fisk AS" not in page and "Twentse Tegels" not in page


def test_an_unknown_programme_is_not_found(client, db):
    assert client.get(reverse("portal:programme_detail", args=["nope"])).status_code == 404
