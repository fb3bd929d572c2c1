"""Min side: what a company's contact person sees of the archive, and what they upload."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pendel.accounts.models import Role
from pendel.companies.factories import LocationFactory
from pendel.core.models import AuditEvent
from pendel.documents.models import Document
from pendel.documents.tests import samples
from pendel.documents.tests.factories import make_document, stored_files


def upload_form(world, filename="Aktivitetsplan.pdf", content=samples.PDF, **overrides):
    return {
        "file": SimpleUploadedFile(filename, content),
        "title": "Aktivitetsplan 2026",
        "category": Document.Category.ACTIVITY_PLAN,
        "location": world.location.pk,
        **overrides,
    }


def test_the_list_shows_what_is_shared_with_the_company(client, world, archive):
    client.force_login(world.contact)
    page = client.get(reverse("company:document_list")).content.decode()

    assert "Samarbeidsavtale 2025" in page
    assert "Aktivitetsplan for hele bedriften" in page
    assert str(world.advisor) in page  # who uploaded the agreement
    assert "Interne notater fra møtet" not in page
    assert "Convenant Twentse Tegels" not in page


def test_a_contact_person_does_not_see_another_locations_documents(client, world):
    sarpsborg = LocationFactory(organisation=world.company, region=world.region, name="Sarpsborg")
    make_document(actor=world.advisor, location=sarpsborg, title="Plan for Sarpsborg")
    client.force_login(world.contact)

    page = client.get(reverse("company:document_list")).content.decode()

    assert "Plan for Sarpsborg" not in page
    assert "No documents yet." in page


def test_a_contact_person_uploads_a_document_the_region_sees(client, world):
    client.force_login(world.contact)
    response = client.post(reverse("company:document_upload"), upload_form(world), follow=True)

    assert response.redirect_chain == [(reverse("company:document_list"), 302)]
    assert "“Aktivitetsplan 2026” has been uploaded." in response.content.decode()
    document = Document.objects.get()
    assert document.visibility == Document.Visibility.SHARED
    assert document.uploaded_by == world.contact
    assert (document.organisation, document.location) == (world.company, world.location)
    event = AuditEvent.objects.get(action="document.uploaded")
    assert event.actor == world.contact

    client.force_login(world.advisor)
    assert "Aktivitetsplan 2026" in client.get(reverse("staff:document_list")).content.decode()


def test_a_contact_person_cannot_make_a_document_internal(client, world):
    client.force_login(world.contact)
    form = upload_form(world, visibility=Document.Visibility.REGION)
    client.post(reverse("company:document_upload"), form)

    assert Document.objects.get().visibility == Document.Visibility.SHARED


def test_a_contact_person_uploads_for_the_whole_company(client, world):
    client.force_login(world.contact)
    client.post(reverse("company:document_upload"), upload_form(world, whole_company="on"))

    document = Document.objects.get()
    assert document.location is None
    assert document.region == world.region


def test_a_contact_person_cannot_upload_to_another_companys_location(client, world, media):
    client.force_login(world.contact)
    form = upload_form(world, location=world.other_location.pk)
    response = client.post(reverse("company:document_upload"), form)

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert Document.objects.count() == 0
    assert stored_files(media) == []


def test_the_upload_form_offers_only_the_contact_persons_locations(client, world):
    client.force_login(world.contact)
    page = client.get(reverse("company:document_upload")).content.decode()

    assert ">Fredrikstad</option>" in page
    assert "Enschede" not in page
    assert 'name="visibility"' not in page


def test_a_renamed_program_is_refused_and_nothing_is_stored(client, world, media):
    client.force_login(world.contact)
    form = upload_form(world, filename="rapport.pdf", content=samples.EXE)
    response = client.post(reverse("company:document_upload"), form)

    assert response.status_code == 200
    assert "The file&#x27;s content does not match its name." in response.content.decode()
    assert Document.objects.count() == 0
    assert stored_files(media) == []


def test_a_contact_person_downloads_a_shared_document(client, world, archive):
    client.force_login(world.contact)
    document = archive["shared"]
    response = client.get(reverse("company:document_download", args=[document.pk]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="avtale.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == samples.PDF


def test_region_staff_who_are_also_a_contact_see_only_the_company_view(client, world, archive):
    Role.objects.create(user=world.advisor, kind=Role.Kind.CONTACT_PERSON, location=world.location)
    client.force_login(world.advisor)

    page = client.get(reverse("company:document_list")).content.decode()
    assert "Samarbeidsavtale 2025" in page
    assert "Interne notater fra møtet" not in page
    internal = reverse("company:document_download", args=[archive["internal"].pk])
    assert client.get(internal).status_code == 404
