"""A programme's logo (issue 14): uploaded on the region's edit page by its staff or the
coordinator, checked and re-encoded as members' logos are (pendel/core/logos.py), shown in
the shell header and on the public programme pages; without one, the programme's name."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from pendel.core.models import AuditEvent
from pendel.regions.models import Region


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def image_file(size=(1200, 400), fmt="PNG", name="logo.png") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, (0, 120, 60)).save(out, format=fmt)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def edit_url(region) -> str:
    return reverse("staff:region_edit", args=[region.slug])


def logo_src(region) -> str:
    return reverse("portal:region_logo", args=[region.slug])


def test_staff_upload_the_logo_and_the_pages_show_it(client, world):
    client.force_login(world.advisor)
    response = client.post(edit_url(world.region), {"logo": image_file()})
    assert response.status_code == 302

    region = Region.objects.get(pk=world.region.pk)
    stored = Image.open(region.logo.open("rb"))
    assert stored.format == "PNG" and stored.size == (600, 200)  # fitted to 600 × 300
    assert (
        AuditEvent.objects.filter(action="region.logo_uploaded", region_id=region.pk).count() == 1
    )

    page = client.get(reverse("staff:home")).content.decode()
    assert f'<img class="shell-programme-logo" src="{logo_src(region)}"' in page
    client.logout()
    page = client.get(reverse("portal:programme_detail", args=[region.slug])).content.decode()
    assert f'src="{logo_src(region)}"' in page
    image = client.get(logo_src(region))
    assert image.status_code == 200 and image["Content-Type"] == "image/png"


def test_without_a_logo_the_programme_name_is_shown(client, world):
    client.force_login(world.advisor)
    page = client.get(reverse("staff:home")).content.decode()
    assert '<span class="shell-programme">HjemJobbHjem Nedre Glomma</span>' in page
    assert client.get(logo_src(world.region)).status_code == 404
    client.logout()
    page = client.get(reverse("portal:programme_detail", args=[world.region.slug]))
    assert "programme-logo" not in page.content.decode()


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("logo.png", b"<svg onload='alert(1)'/>", content_type="image/png"),
        SimpleUploadedFile("logo.gif", b"GIF89a" + b"\0" * 40, content_type="image/gif"),
    ],
    ids=["svg named png", "gif"],
)
def test_a_bad_file_is_refused_with_a_clear_message_and_nothing_changes(client, world, upload):
    client.force_login(world.advisor)
    client.post(edit_url(world.region), {"logo": image_file()})
    before = Region.objects.get(pk=world.region.pk).logo.name
    events = AuditEvent.objects.count()

    response = client.post(edit_url(world.region), {"logo": upload})
    assert response.status_code == 400
    assert "This file is not a logo we can use. Upload a PNG, JPEG or WebP image." in (
        response.content.decode()
    )
    assert Region.objects.get(pk=world.region.pk).logo.name == before
    assert AuditEvent.objects.count() == events


def test_the_message_is_in_the_users_language(client, world):
    world.advisor.language = "nb"
    world.advisor.save()
    client.force_login(world.advisor)
    upload = SimpleUploadedFile("x.png", b"not an image")
    response = client.post(edit_url(world.region), {"logo": upload})
    assert response.status_code == 400
    assert "Denne filen kan vi ikke bruke som logo." in response.content.decode()


def test_the_logo_is_removed(client, world):
    client.force_login(world.coordinator)
    client.post(edit_url(world.region), {"logo": image_file()})
    assert client.post(edit_url(world.region), {"remove": "1"}).status_code == 302
    assert not Region.objects.get(pk=world.region.pk).logo
    assert AuditEvent.objects.filter(action="region.logo_removed").count() == 1
    assert client.get(logo_src(world.region)).status_code == 404


def test_staff_of_another_region_cannot_change_the_logo(client, world):
    for user in (world.other_advisor, world.staff_and_contact, world.contact):
        client.force_login(user)
        assert client.get(edit_url(world.third_region)).status_code == 404
        response = client.post(edit_url(world.third_region), {"logo": image_file()})
        assert response.status_code == 404
    assert not Region.objects.get(pk=world.third_region.pk).logo
    assert not AuditEvent.objects.exists()


def test_the_coordinator_edits_a_region_only_when_it_is_in_view(client, world):
    client.force_login(world.coordinator)
    client.post(reverse("staff:region_choose"), {"region": world.region.pk})
    assert client.get(edit_url(world.other_region)).status_code == 404
    assert client.get(edit_url(world.region)).status_code == 200
