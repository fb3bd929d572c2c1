"""Who may see what. Out of scope is a 404 on every survey view, for every outsider."""

import pytest
from django.urls import reverse

from pendel.surveys.models import Invitation, Question, Wave

WAVE_GET = [
    "staff:survey_wave_detail",
    "staff:survey_wave_delete",
    "staff:survey_wave_extend",
    "staff:survey_wave_remind",
    "staff:survey_wave_results",
    "staff:survey_wave_api",
]
WAVE_POST = [
    "staff:survey_wave_dispatch",
    "staff:survey_wave_remind",
    "staff:survey_wave_delete",
    "staff:survey_wave_extend",
    "staff:survey_wave_close",
    "staff:survey_wave_undelivered",
]
REGION_GET = [
    "staff:survey_region_results",
    "staff:survey_region_api",
    "staff:survey_settings",
    "staff:survey_region_questions",
    "staff:survey_region_question_create",
]


@pytest.fixture
def region_question(world):
    return Question.objects.create(region=world.region, kind="text", text={"nb": "Hvorfor?"})


def staff_urls(wave, world, question) -> list[tuple[str, str]]:
    """Every staff view about the world's company or region, with its method."""
    urls = [("get", reverse(name, args=[wave.pk])) for name in WAVE_GET]
    urls += [("post", reverse(name, args=[wave.pk])) for name in WAVE_POST]
    urls += [
        ("get", reverse("staff:survey_wave_export", args=[wave.pk, kind]))
        for kind in ("xlsx", "pdf")
    ]
    urls.append(("get", reverse("staff:survey_location_results", args=[world.location.pk])))
    slug = world.region.slug
    urls += [("get", reverse(name, args=[slug])) for name in REGION_GET]
    urls += [("post", reverse("staff:survey_settings", args=[slug]))]
    urls += [
        ("get", reverse("staff:survey_region_export", args=[slug, kind]))
        for kind in ("xlsx", "pdf")
    ]
    urls += [
        ("get", reverse("staff:survey_region_question_edit", args=[slug, question.pk])),
        ("post", reverse("staff:survey_region_question_edit", args=[slug, question.pk])),
        ("post", reverse("staff:survey_region_question_retire", args=[slug, question.pk])),
    ]
    return urls


def test_another_regions_advisor_gets_404_on_every_staff_view(
    client, world, sent_wave, region_question
):
    client.force_login(world.other_advisor)
    for method, url in staff_urls(sent_wave, world, region_question):
        response = getattr(client, method)(url, {"emails": "person0@fredrikstad.example.com"})
        assert response.status_code == 404, (method, url, response.status_code)
    sent_wave.refresh_from_db()
    assert sent_wave.closed_at is None and not sent_wave.is_extended
    assert not Invitation.objects.filter(undelivered_at__isnull=False).exists()
    region_question.refresh_from_db()
    assert region_question.is_active


def test_another_regions_advisor_cannot_send_or_delete_a_draft(client, world, wave, employees):
    client.force_login(world.other_advisor)
    assert client.post(reverse("staff:survey_wave_dispatch", args=[wave.pk])).status_code == 404
    assert client.post(reverse("staff:survey_wave_delete", args=[wave.pk])).status_code == 404
    assert Wave.objects.filter(pk=wave.pk, dispatched_at__isnull=True).exists()
    assert not Invitation.objects.exists()


def test_the_wave_list_shows_only_the_advisors_region(client, world, sent_wave, other_wave):
    client.force_login(world.other_advisor)
    page = client.get(reverse("staff:survey_wave_list")).content.decode()
    assert "Twentse Tegels" in page
    assert "Fredrikstad Fisk" not in page


def test_the_advisor_cannot_create_a_wave_for_another_region(client, world):
    client.force_login(world.other_advisor)
    response = client.post(
        reverse("staff:survey_wave_create"),
        {
            "location": world.location.pk,
            "kind": "baseline",
            "opens_on": "2030-01-01",
            "closes_on": "2030-01-20",
        },
    )
    assert response.status_code == 200
    assert not Wave.objects.exists()


def test_the_coordinator_sees_every_region(client, world, sent_wave, other_wave, region_question):
    client.force_login(world.coordinator)
    for method, url in staff_urls(sent_wave, world, region_question):
        if method == "get":
            assert client.get(url).status_code == 200, url
    assert client.get(reverse("staff:survey_national_results")).status_code == 200


@pytest.mark.parametrize(
    "name",
    ["staff:survey_national_results", "staff:survey_national_api", "staff:survey_template_draft"],
)
def test_national_pages_are_for_the_coordinator(client, world, name):
    client.force_login(world.advisor)
    assert client.get(reverse(name)).status_code in (404, 405)


def test_national_exports_are_for_the_coordinator(client, world):
    client.force_login(world.advisor)
    url = reverse("staff:survey_national_export", args=["xlsx"])
    assert client.get(url).status_code == 404


def test_another_companys_contact_gets_404(client, world, sent_wave):
    client.force_login(world.other_contact)
    for url in [
        reverse("company:survey_results", args=[sent_wave.pk]),
        reverse("company:survey_export", args=[sent_wave.pk, "xlsx"]),
        reverse("company:survey_export", args=[sent_wave.pk, "pdf"]),
    ]:
        assert client.get(url).status_code == 404, url


def test_a_contact_sees_only_their_own_companys_waves(client, world, sent_wave, other_wave):
    client.force_login(world.contact)
    page = client.get(reverse("company:survey_list")).content.decode()
    assert reverse("company:survey_results", args=[sent_wave.pk]) in page
    assert reverse("company:survey_results", args=[other_wave.pk]) not in page


def test_a_contact_does_not_see_a_draft(client, world, wave):
    client.force_login(world.contact)
    assert client.get(reverse("company:survey_results", args=[wave.pk])).status_code == 404


def test_a_contact_person_cannot_use_the_staff_pages(client, world, sent_wave):
    client.force_login(world.contact)
    assert client.get(reverse("staff:survey_wave_list")).status_code == 404
    assert client.get(reverse("staff:survey_wave_results", args=[sent_wave.pk])).status_code == 404


def test_an_advisor_cannot_use_min_side(client, world, sent_wave):
    client.force_login(world.advisor)
    assert client.get(reverse("company:survey_list")).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        lambda w: reverse("staff:survey_wave_list"),
        lambda w: reverse("staff:survey_wave_results", args=[w.pk]),
        lambda w: reverse("company:survey_list"),
        lambda w: reverse("company:survey_results", args=[w.pk]),
    ],
)
def test_anonymous_visitors_are_sent_to_the_login(client, sent_wave, url):
    response = client.get(url(sent_wave))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_employee_reaches_only_their_own_survey(client, invitations, other_wave):
    """The token is the only key: it opens its own invitation, and staff pages stay shut."""
    assert client.get(reverse("survey:start", args=[invitations[0].token])).status_code == 200
    response = client.get(reverse("staff:survey_wave_results", args=[invitations[0].wave_id]))
    assert response.status_code == 302
