"""Member logos: uploaded on Min side and by staff, checked by content, re-encoded small,
shown on the programme's page only with the membership's consent."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from pendel.companies.models import Membership, Organisation
from pendel.core.models import AuditEvent


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def member(world):
    return Membership.objects.create(location=world.location, status="active", logo_consent=True)


def image_file(size=(1200, 800), fmt="PNG", name="logo.png", **save) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format=fmt, **save)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def huge_png(width=100_000, height=100_000) -> bytes:
    """A valid PNG header claiming 10^10 pixels, in a few hundred bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
        + chunk(b"IEND", b"")
    )


def upload(client, url, file):
    return client.post(url, {"logo": file})


def test_the_contact_person_uploads_a_logo_and_the_programme_page_shows_it(client, world, member):
    client.force_login(world.contact)
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make: metadata that must not survive
    response = upload(client, reverse("company:logo"), image_file(exif=exif.tobytes()))
    assert response.status_code == 302

    company = Organisation.objects.get(pk=world.company.pk)
    stored = Image.open(company.logo.open("rb"))
    assert stored.format == "PNG" and stored.size == (450, 300)  # fitted to 600 × 300
    assert "exif" not in stored.info
    assert AuditEvent.objects.filter(action="organisation.logo_uploaded").count() == 1

    client.logout()
    page = client.get(reverse("portal:programme_detail", args=[world.region.slug])).content
    src = reverse("portal:member_logo_public", args=[world.region.slug, world.company.pk])
    assert f'<img src="{src}" alt="{world.company.name}"'.encode() in page
    image = client.get(src)
    assert image.status_code == 200 and image["Content-Type"] == "image/png"


def test_withdrawn_consent_or_a_removed_logo_hides_it_at_once(client, world, member):
    client.force_login(world.advisor)
    upload(client, reverse("staff:member_logo", args=[member.pk]), image_file())
    src = reverse("portal:member_logo_public", args=[world.region.slug, world.company.pk])
    client.logout()
    assert client.get(src).status_code == 200

    Membership.objects.filter(pk=member.pk).update(logo_consent=False)
    assert client.get(src).status_code == 404
    page = client.get(reverse("portal:programme_detail", args=[world.region.slug])).content
    assert src.encode() not in page

    Membership.objects.filter(pk=member.pk).update(logo_consent=True)
    client.force_login(world.advisor)
    response = client.post(reverse("staff:member_logo", args=[member.pk]), {"remove": "1"})
    assert response.status_code == 302
    assert not Organisation.objects.get(pk=world.company.pk).logo
    assert AuditEvent.objects.filter(action="organisation.logo_removed").count() == 1
    client.logout()
    assert client.get(src).status_code == 404


BAD_FILES = {
    "text named png": (b"just some text, not an image", "message"),
    "svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "message"),
    "huge dimensions": (huge_png(), "too large"),
    "truncated jpeg": (None, "message"),
    "gif": (None, "message"),
}


def bad_file(name: str) -> SimpleUploadedFile:
    data, _expected = BAD_FILES[name]
    if name == "truncated jpeg":
        whole = image_file(fmt="JPEG").read()
        data = whole[: len(whole) // 2]
    if name == "gif":
        data = image_file(fmt="GIF").read()
    return SimpleUploadedFile("logo.png", data, content_type="image/png")


@pytest.fixture(params=[False, True], ids=["pillow as it is", "after weasyprint"])
def truncated_images_allowed(request, monkeypatch):
    """WeasyPrint turns on Pillow's LOAD_TRUNCATED_IMAGES for the whole process when it is
    imported; a truncated file must be refused either way."""
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", request.param)


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_is_refused_with_a_message_and_nothing_is_stored(
    client, world, member, media, name, truncated_images_allowed
):
    client.force_login(world.contact)
    response = upload(client, reverse("company:logo"), bad_file(name))
    assert response.status_code == 400
    page = response.content.decode()
    if BAD_FILES[name][1] == "too large":
        assert "The image is too large" in page
    else:
        assert "This file is not a logo we can use" in page
    assert not Organisation.objects.get(pk=world.company.pk).logo
    assert not AuditEvent.objects.filter(action__startswith="organisation.logo").exists()
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_a_file_over_2_mb_is_refused(client, world, member):
    client.force_login(world.contact)
    big = SimpleUploadedFile("logo.png", b"\x89PNG" + b"0" * (2 * 1024 * 1024), "image/png")
    response = upload(client, reverse("company:logo"), big)
    assert response.status_code == 400
    assert "at most 2 MB" in response.content.decode()


def test_outsiders_and_the_dual_role_persona_get_404(client, world, member):
    """Another region's advisor, and Mari (staff in Nedre Glomma, contact person of Sandnes
    Sykkel in Nord-Jæren) on the staff pages of her own company's membership."""
    theirs = Membership.objects.create(location=world.third_location, status="active")
    for user, membership in ((world.other_advisor, member), (world.staff_and_contact, theirs)):
        client.force_login(user)
        for name in ("staff:member_logo", "staff:member_logo_image"):
            url = reverse(name, args=[membership.pk])
            assert client.get(url).status_code == 404
        response = upload(client, reverse("staff:member_logo", args=[membership.pk]), image_file())
        assert response.status_code == 404
    assert not Organisation.objects.filter(logo__gt="").exists()


def test_the_contact_person_changes_only_their_own_companys_logo(client, world, member):
    client.force_login(world.other_contact)
    upload(client, reverse("company:logo"), image_file())
    assert not Organisation.objects.get(pk=world.company.pk).logo
    assert Organisation.objects.get(pk=world.other_company.pk).logo


def test_an_image_over_the_pixel_limit_is_refused_before_it_is_decoded(client, world, member):
    """6000 × 5000 is under Pillow's own bomb limit but over ours."""
    client.force_login(world.contact)
    response = upload(
        client, reverse("company:logo"), SimpleUploadedFile("a.png", huge_png(6000, 5000))
    )
    assert response.status_code == 400
    assert "at most 25 million pixels" in response.content.decode()


@pytest.mark.parametrize("fmt", ["JPEG", "WEBP"])
def test_jpeg_and_webp_are_taken_and_stored_as_png(client, world, member, fmt):
    client.force_login(world.contact)
    response = upload(client, reverse("company:logo"), image_file((300, 300), fmt=fmt))
    assert response.status_code == 302
    stored = Image.open(Organisation.objects.get(pk=world.company.pk).logo.open("rb"))
    assert (stored.format, stored.size) == ("PNG", (300, 300))  # small ones are not enlarged
