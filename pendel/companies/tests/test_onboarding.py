"""Issue 13, items 5 and 6: staff add a member directly and invite its contact persons on
the company's behalf, everything in the audit trail under their name; public applications
a registry clerk would accept (no duplicates, plausible names, an error summary)."""

import threading
import time

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection, connections
from django.urls import reverse

from pendel.accounts.models import Role, User
from pendel.companies.models import Application, Location, Membership, Organisation
from pendel.companies.services.applications import application_submit
from pendel.companies.services.members import member_create
from pendel.companies.tests.conftest import APPLICATION_FORM, confirmation_path
from pendel.core.models import AuditEvent
from pendel.orders.tests import builders as orders

MEMBER_FORM = {
    "name": "Glomma Bakeri AS",
    "organisation_number": "923 609 016",
    "sector": "retail",
    "location_name": "Sarpsborg",
    "street_address": "Storgata 1",
    "postcode": "1706",
    "municipality": "Sarpsborg",
    "employee_count": "86",
    "advisor": "",
}
INVITE_FORM = {
    "contact-first_name": "Kari",
    "contact-last_name": "Hansen",
    "contact-email": "Kari.Hansen@bakeri.example.no",
    "contact-title": "HR-leder",
    "contact-phone": "",
}


def create(client, user, world, **changes):
    client.force_login(user)
    data = {"region": world.region.pk, **MEMBER_FORM, **changes}
    return client.post(reverse("staff:member_create"), data)


# --- item 5: a member added by staff ---------------------------------------------------------


def test_an_advisor_adds_a_member_and_the_audit_trail_names_them(client, world):
    response = create(client, world.advisor, world, advisor=world.advisor.pk)
    membership = Membership.objects.get(location__organisation__organisation_number="923609016")
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:member_detail", args=[membership.pk])
    assert membership.status == "approved" and membership.advisor == world.advisor
    location = membership.location
    assert (location.region, location.name, location.employee_count) == (
        world.region,
        "Sarpsborg",
        86,
    )
    assert location.organisation.name == "Glomma Bakeri AS"
    event = AuditEvent.objects.get(action="member.created")
    assert event.actor == world.advisor and event.region_id == world.region.pk
    page = client.get(response["Location"]).content.decode()
    assert "Added by programme staff." in page and "Invite a contact person" in page


def test_a_member_can_only_be_added_in_the_staff_members_own_region(client, world):
    response = create(client, world.advisor, world, region=world.other_region.pk)
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Organisation.objects.filter(organisation_number="923609016").exists()


def test_the_dual_role_user_adds_members_only_where_they_are_staff(client, world):
    client.force_login(world.staff_and_contact)
    page = client.get(reverse("staff:member_create"))
    assert list(page.context["form"].fields["region"].queryset) == [world.region]
    response = create(client, world.staff_and_contact, world, region=world.third_region.pk)
    assert response.status_code == 400
    assert not Location.objects.filter(name="Sarpsborg").exists()


@pytest.mark.parametrize("persona", ["contact", "other_contact", "contact_of_two"])
def test_a_contact_person_cannot_add_a_member(client, world, persona):
    response = create(client, getattr(world, persona), world)
    assert response.status_code == 404
    assert not Membership.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login(client, world):
    response = client.post(reverse("staff:member_create"), MEMBER_FORM)
    assert response.status_code == 302 and "login" in response["Location"]
    assert not Membership.objects.exists()


def test_the_same_workplace_is_not_added_twice(client, world):
    create(client, world.advisor, world)
    response = create(client, world.advisor, world, location_name="SARPSBORG ")
    assert response.status_code == 400
    assert "already a member" in response.content.decode()
    assert Membership.objects.count() == 1


def test_another_workplace_of_a_known_organisation_joins_it(client, world):
    create(client, world.advisor, world)
    create(client, world.advisor, world, location_name="Fredrikstad", name="Another Name AS")
    organisation = Organisation.objects.get(organisation_number="923609016")
    assert organisation.name == "Glomma Bakeri AS"  # the registered name stays
    assert sorted(organisation.locations.values_list("name", flat=True)) == [
        "Fredrikstad",
        "Sarpsborg",
    ]


def test_an_organisation_whose_application_waits_is_not_added_beside_it(client, world, application):
    response = create(client, world.advisor, world)
    assert response.status_code == 400
    assert "Approve the application" in response.content.decode()
    assert not Membership.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "X", "registered name"),
        ("organisation_number", "923609017", "nine digits"),
        ("employee_count", "0", "greater than or equal to 1"),
    ],
)
def test_bad_member_details_are_explained_and_nothing_is_stored(
    client, world, field, value, message
):
    response = create(client, world.advisor, world, **{field: value})
    text = response.content.decode()
    assert response.status_code == 400 and message in text
    assert 'class="ds-error-summary form-errors error-summary"' in text
    assert f'href="#id_{field}"' in text
    assert not Organisation.objects.filter(organisation_number="923609016").exists()


# --- item 5: contact persons invited by staff -------------------------------------------------


@pytest.fixture
def added(client, world):
    create(client, world.advisor, world)
    return Membership.objects.get(location__name="Sarpsborg")


def invite(client, user, membership, **changes):
    client.force_login(user)
    url = reverse("staff:member_contact_invite", args=[membership.pk])
    return client.post(url, {**INVITE_FORM, **changes})


def test_staff_invite_the_contact_person_on_the_companys_behalf(
    client, world, added, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, world.advisor, added)
    assert response.status_code == 302
    role = Role.objects.get(location=added.location, kind=Role.Kind.CONTACT_PERSON)
    assert role.user.email == "kari.hansen@bakeri.example.no" and role.is_primary
    assert [m.to for m in mail.outbox] == [["kari.hansen@bakeri.example.no"]]
    event = AuditEvent.objects.get(action="contact.invited")
    assert event.actor == world.advisor and event.changes["email"] == role.user.email


def test_a_staff_account_cannot_be_invited_as_contact(client, world, added):
    response = invite(client, world.advisor, added, **{"contact-email": "adviseur@example.com"})
    assert response.status_code == 400
    assert "programme staff" in response.content.decode()
    assert not Role.objects.filter(location=added.location).exists()


@pytest.mark.parametrize("persona", ["other_advisor", "contact", "staff_and_contact"])
def test_outsiders_cannot_invite_contacts_of_a_member_outside_their_reach(client, world, persona):
    # Sandnes Sykkel (Nord-Jæren): Mari is its contact person, not staff of its region.
    membership = Membership.objects.create(location=world.third_location, status="active")
    response = invite(client, getattr(world, persona), membership)
    assert response.status_code == 404
    assert not User.objects.filter(email="kari.hansen@bakeri.example.no").exists()


# --- item 6: applications a registry clerk would accept --------------------------------------


def apply(client, world, **changes):
    url = reverse("portal:application_create", args=[world.region.slug])
    return client.post(url, {**APPLICATION_FORM, **changes})


def test_an_organisation_that_has_applied_is_told_so_and_nothing_is_stored(
    client, world, application
):
    response = apply(client, world)
    text = response.content.decode()
    assert "already waiting for a decision" in text
    assert 'href="#id_organisation_number"' in text  # the summary links to the field
    assert Application.objects.count() == 1


def test_an_organisation_that_is_a_member_is_told_so(client, world):
    organisation = world.company
    Organisation.objects.filter(pk=organisation.pk).update(organisation_number="923609016")
    Membership.objects.create(location=world.location, status="active")
    response = apply(client, world, location_name="Another site")
    assert "already a member" in response.content.decode()
    assert Application.objects.count() == 0


def test_an_ended_membership_or_a_decided_application_does_not_block(client, world, application):
    Application.objects.filter(pk=application.pk).update(status="rejected")
    Organisation.objects.filter(pk=world.company.pk).update(organisation_number="923609016")
    Membership.objects.create(location=world.location, status="ended")
    assert apply(client, world).status_code == 302
    assert Application.objects.count() == 2


def test_an_unconfirmed_application_does_not_block_the_real_one(client, world, application):
    # Anyone could type the number of a company; only a confirmed application counts.
    Application.objects.filter(pk=application.pk).update(email_confirmed_at=None)
    assert apply(client, world).status_code == 302


def test_the_service_refuses_a_duplicate_sent_past_the_form(world, application):
    data = {k: v for k, v in APPLICATION_FORM.items() if k != "logo_consent"}
    data.update(organisation_number="923609016", employee_count=42, logo_consent=False)
    with pytest.raises(ValidationError, match="already waiting"):
        application_submit(region=world.region, data=data, language="nb")
    assert Application.objects.count() == 1


@pytest.mark.parametrize("name", ["X", "123", "--", "  x "])
def test_a_name_that_is_no_company_name_is_refused(client, world, name):
    response = apply(client, world, company_name=name)
    assert "registered name" in response.content.decode()
    assert Application.objects.count() == 0


@pytest.mark.parametrize("name", ["3M Norge AS", "Øst AS", "Glomma  Bakeri"])
def test_real_company_names_are_accepted(client, world, name):
    assert apply(client, world, company_name=name).status_code == 302
    assert Application.objects.get().company_name == " ".join(name.split())


def test_the_form_tells_browsers_what_to_fill_in(client, world):
    page = client.get(reverse("portal:application_create", args=[world.region.slug]))
    text = page.content.decode()
    for name, token in [
        ("company_name", "organization"),
        ("postcode", "postal-code"),
        ("contact_first_name", "given-name"),
        ("contact_last_name", "family-name"),
        ("contact_email", "work email"),
        ("contact_phone", "work tel"),
    ]:
        assert f'autocomplete="{token}"' in text and f'name="{name}"' in text


def test_the_error_summary_lists_every_problem_in_order(client, world):
    response = apply(client, world, company_name="X", organisation_number="1", contact_email="")
    text = response.content.decode()
    summary = text[text.index("error-summary") : text.index("</ul>", text.index("error-summary"))]
    anchors = ["#id_company_name", "#id_organisation_number", "#id_contact_email"]
    positions = [summary.index(anchor) for anchor in anchors]
    assert positions == sorted(positions)
    assert "3 problems" in summary
    assert Application.objects.count() == 0


def test_two_unconfirmed_applications_do_not_both_reach_staff(
    client, world, django_capture_on_commit_callbacks
):
    # Two people of one company apply before either confirms; the second link refuses.
    for email in ("kari@bakeri.example.no", "ola@bakeri.example.no"):
        with django_capture_on_commit_callbacks(execute=True):
            apply(client, world, contact_email=email)
    first, second = (confirmation_path(m) for m in mail.outbox)
    client.post(first)
    page = client.post(second).content.decode()
    assert "already waiting for a decision" in page
    assert list(Application.objects.values_list("contact_email", flat=True)) == [
        "kari@bakeri.example.no"
    ]


@pytest.mark.django_db(transaction=True)
def test_the_same_member_added_at_the_same_moment_exists_once(world):
    """Three clicks at once (PostgreSQL: the unique constraints decide; SQLite: the writes
    queue or are retried). Exactly one membership; the others are told it exists."""
    data = {
        **{k: v for k, v in MEMBER_FORM.items() if k not in ("advisor",)},
        "organisation_number": "923609016",
        "employee_count": 86,
    }
    barrier, outcomes = threading.Barrier(3), []

    def click():
        try:
            barrier.wait()
            deadline = time.monotonic() + 60
            while True:
                try:
                    member_create(actor=world.advisor, region=world.region, data=data)
                    outcomes.append("added")
                    return
                except OperationalError:  # SQLite's shared test database: locked, retry
                    if connection.vendor != "sqlite" or time.monotonic() > deadline:
                        raise
                    time.sleep(0.01)
        except ValidationError as error:
            outcomes.append(" ".join(error.messages))
        except Exception as error:  # shown by the assertion
            outcomes.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    refused = "This workplace is already a member of the programme."
    assert sorted(outcomes) == sorted(["added", refused, refused])
    assert (
        Membership.objects.count() == 1
        and Organisation.objects.filter(organisation_number="923609016").count() == 1
    )
    assert AuditEvent.objects.filter(action="member.created").count() == 1


def test_the_member_page_tells_the_stated_count_from_the_list(client, world, added):
    orders.employees(added.location, 20)
    page = client.get(reverse("staff:member_detail", args=[added.pk])).content.decode()
    assert "86 stated by the company, 20 on its employee list" in page


def test_an_existing_account_is_asked_and_the_member_page_shows_it_waits(
    client, world, added, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, world.advisor, added, **{"contact-email": "per@example.com"})
    assert response.status_code == 302
    assert not Role.objects.filter(location=added.location).exists()  # until Per accepts
    assert [m.to for m in mail.outbox] == [["per@example.com"]]
    page = client.get(response["Location"]).content.decode()
    assert "not yet accepted" in page and "per@example.com" in page


@pytest.mark.parametrize("value", ["²", "9" * 26, "9999-12-31", "\x00", "", " ", "١٢"])
def test_strange_input_in_every_field_is_refused_without_an_error(client, world, value):
    fields = dict.fromkeys(MEMBER_FORM, value) | {"region": value}
    assert create(client, world.advisor, world, **fields).status_code == 400
    invited = dict.fromkeys(INVITE_FORM, value)
    assert Membership.objects.count() == 0
    membership = Membership.objects.create(location=world.location, status="active")
    roles = Role.objects.count()
    assert invite(client, world.advisor, membership, **invited).status_code == 400
    assert Role.objects.count() == roles
    response = client.post(
        reverse("staff:user_deactivate", args=[world.contact.pk]), {"anything": value}
    )
    assert response.status_code == 302  # the form has no fields: the button is the answer
