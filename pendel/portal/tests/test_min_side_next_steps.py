"""Issue 13, item 7: Min side's start page says what the programme expects next of the
company, tells the employee count of the application from the count on the list, and
shows a survey's rate only once enough employees have received it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pendel.companies.models import Membership
from pendel.documents.models import Document
from pendel.documents.tests.factories import make_document
from pendel.employees.models import Employee
from pendel.orders.tests import builders as orders
from pendel.surveys.models import Invitation, SurveySettings, Wave
from pendel.surveys.tests.conftest import make_wave


@pytest.fixture
def member(world):
    world.location.employee_count = 86
    world.location.save()
    return Membership.objects.create(location=world.location, status="approved")


def home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("company:home"))
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def open_wave(location, *, delivered: int, answered: int, undelivered: int = 0) -> Wave:
    wave = make_wave(location)
    Wave.objects.filter(pk=wave.pk).update(dispatched_at=timezone.now())
    now = timezone.now()
    Invitation.objects.bulk_create(
        Invitation(
            wave=wave,
            location_id=location.pk,
            language="en",
            sent_at=now,
            answered_at=now if index < answered else None,
            undelivered_at=now if index >= delivered else None,
        )
        for index in range(delivered + undelivered)
    )
    return wave


def test_the_stated_count_and_the_list_are_told_apart(client, world, member):
    orders.employees(world.location, 20)
    ended = orders.employees(world.location, 3, prefix="Gone")
    Employee.objects.filter(pk__in=[e.pk for e in ended]).update(
        end_date=timezone.localdate() - timedelta(days=30)
    )
    page = home(client, world.contact)
    assert "86 at this workplace, as stated when you joined; 20 on your employee list" in page
    assert "Add the 66 employees missing from your list" in page


def test_a_rate_is_shown_once_enough_employees_received_the_survey(client, world, member):
    open_wave(world.location, delivered=10, answered=4, undelivered=2)
    page = home(client, world.contact)
    assert "Response rate 40" in page and "75 %" in page
    assert "not met" in page
    assert "4/10" not in page and "(4" not in page  # a rate, never the counts


def test_below_the_minimum_group_size_no_rate_is_shown(client, world, member):
    open_wave(world.location, delivered=4, answered=3)
    page = home(client, world.contact)
    assert "Response rate" not in page and "75 %" not in page
    assert "shown once at least 5 employees have received the survey" in page


def test_the_regions_own_minimum_group_size_applies(client, world, member):
    SurveySettings.objects.create(region=world.region, min_group_size=12)
    open_wave(world.location, delivered=10, answered=9)
    page = home(client, world.contact)
    assert "Response rate" not in page and "at least 12 employees" in page


def test_the_agreement_to_sign_and_the_activity_plan_are_named(
    client, world, member, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    make_document(actor=world.advisor, location=world.location, title="Samarbeidsavtale 2027")
    make_document(
        actor=world.advisor,
        location=world.location,
        title="Tiltaksplan 2027",
        category=Document.Category.ACTIVITY_PLAN,
    )
    make_document(
        actor=world.advisor,
        location=world.location,
        title="Intern plan",
        category=Document.Category.ACTIVITY_PLAN,
        visibility=Document.Visibility.REGION,
    )
    page = home(client, world.contact)
    assert "Sign the cooperation agreement." in page and "Samarbeidsavtale 2027" in page
    assert "Plan documents:" in page and "Tiltaksplan 2027" in page
    assert "Not started." in page  # this year's plan on Min side (pendel.activities)
    assert "Intern plan" not in page


def test_a_signed_agreement_is_no_longer_asked_for(client, world, member):
    Membership.objects.filter(pk=member.pk).update(
        agreement_signed_by="Kari", agreement_signed_on=timezone.localdate()
    )
    page = home(client, world.contact)
    assert "Sign the cooperation agreement." not in page
    assert "The baseline survey has not been sent yet" in page


def test_the_dual_role_user_sees_only_the_company_they_act_for(client, world, member):
    Membership.objects.create(location=world.third_location, status="active")
    open_wave(world.location, delivered=10, answered=4)  # Fredrikstad, in Mari's staff region
    page = home(client, world.staff_and_contact)
    assert "Sandnes Sykkel AS" in page and "Fredrikstad" not in page
    assert "Response rate" not in page


def test_outsiders_do_not_get_min_side(client, world, member):
    client.force_login(world.advisor)
    assert client.get(reverse("company:home")).status_code == 404
    open_wave(world.location, delivered=10, answered=4)
    page = home(client, world.other_contact)
    assert "Fredrikstad" not in page and "Response rate" not in page
