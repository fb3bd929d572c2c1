"""Issue 14: the designed survey-results PDF (WeasyPrint): the reader's language, the
region's brand colour, the same protected figures as the page, charts that are drawn, and
no word broken inside itself."""

import io
import re
from html import unescape

import pypdfium2 as pdfium
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from PIL import Image

from pendel.regions.services import region_logo_set
from pendel.surveys.results import wave_results
from pendel.surveys.results.report import report_context, results_report_pdf
from pendel.surveys.tests.helpers import pdf_text

HYPHEN_AT_LINE_END = "\x02"  # how pdfium marks a hyphen the layout put at a line's end


def pdf_words(text: str) -> list[str]:
    """The PDF's words, a word hyphenated across two lines joined again."""
    text = re.sub(rf"[{HYPHEN_AT_LINE_END}-]\s*[\r\n]+\s*", "-", text)
    return text.split()


def source_words(results, region) -> set[str]:
    html = render_to_string("surveys/pdf/results.html", report_context(results, region=region))
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    return set(text.split())


def test_the_report_has_the_headings_and_figures_of_the_page(client, world, results_wave):
    client.force_login(world.contact)
    response = client.get(reverse("company:survey_export", args=[results_wave.pk, "pdf"]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    for heading in ("Summary", "Main mode of travel to work", "By department", "Car share"):
        assert heading in text
    assert "Response rate 90.0% 18 of 20 answered" in text
    assert "Car share (driving alone) 50.0%" in text
    assert re.search(r"Kontor( –){7}", text)  # the group of four, hidden
    assert re.search(r"Lager 8 25\.0%", text)


def test_no_word_is_broken_inside_itself(world, results_wave):
    region = world.region
    results = wave_results(results_wave)
    for language in ("nb", "en", "sv", "nl"):
        with translation.override(language):
            words = pdf_words(
                pdf_text(results_report_pdf(wave_results(results_wave), region=region))
            )
            source = source_words(wave_results(results_wave), region)
        broken = [w for w in words if w not in source and not re.fullmatch(r"[\d/]+", w)]
        assert broken == [], (language, broken[:20])
    assert results.respondents == 18


def test_the_report_is_in_the_readers_language(world, results_wave):
    with translation.override("nb"):
        text = " ".join(pdf_text(results_report_pdf(wave_results(results_wave))).split())
    assert "Sammendrag" in text
    assert "50,0\xa0%" in text or "50,0 %" in text


def _pixels(content: bytes, page: int = 0):
    document = pdfium.PdfDocument(content)
    image = document[page].render(scale=1).to_pil().convert("RGB")
    document.close()
    return image


def _share_of(image, box, colour, tolerance=40) -> float:
    region = image.crop(box)
    pixels = list(region.getdata())
    close = [
        p for p in pixels if all(abs(a - b) <= tolerance for a, b in zip(p, colour, strict=True))
    ]
    return len(close) / len(pixels)


def test_the_first_page_draws_the_chart_and_the_brand_colour(world, results_wave):
    world.region.brand_colour = "#a1302b"
    world.region.save()
    image = _pixels(results_report_pdf(wave_results(results_wave), region=world.region))
    width, height = image.size
    header = (0, 0, width, int(height * 0.12))
    chart = (0, int(height * 0.3), width, int(height * 0.65))
    assert _share_of(image, header, (0xA1, 0x30, 0x2B)) > 0.05  # the brand band on top
    assert _share_of(image, chart, (0x0B, 0x5C, 0xAD)) > 0.005  # the bars of the mode share
    non_white = [p for p in image.crop(chart).getdata() if sum(p) < 720]
    assert len(non_white) > 2000


def _image_sizes(content: bytes) -> list[tuple[int, int]]:
    """The pixel sizes of the raster images on the first page (charts are drawn as vectors)."""
    document = pdfium.PdfDocument(content)
    images = document[0].get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE])
    sizes = [tuple(image.get_px_size()) for image in images]
    document.close()
    return sizes


def test_the_report_carries_the_programmes_logo(world, results_wave, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    assert (300, 100) not in _image_sizes(
        results_report_pdf(wave_results(results_wave), region=world.region)
    )
    out = io.BytesIO()
    Image.new("RGB", (300, 100), (0, 120, 60)).save(out, format="PNG")
    region_logo_set(
        region=world.region,
        upload=SimpleUploadedFile("logo.png", out.getvalue()),
        actor=world.advisor,
    )
    content = results_report_pdf(wave_results(results_wave), region=world.region)
    assert (300, 100) in _image_sizes(content)
    assert "HjemJobbHjem Nedre Glomma" in pdf_text(content)  # the name stays, for the footer
