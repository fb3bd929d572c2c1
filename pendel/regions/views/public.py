"""The brand stylesheet: per region, its colour and its Designsystemet theme.

The Content-Security-Policy allows no inline style, so a region's colour cannot be written
into a `style` attribute. Templates give an element `brand-<region id>` (sets `--brand`, see
`region-heading` and `swatch` in static/css/pendel.css) or `region-theme-<region id>` (the
region's contrast-safe `--ds-color-accent-*` tokens: buttons, links and tags in its colour;
base.html puts it on the page of a region's portal and public pages), and every page links
this sheet.
"""

import hashlib
import re

from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.http import require_safe

from pendel.core.colours import accent_tokens
from pendel.core.logos import logo_response
from pendel.regions.models import Region

# The model validates the colour; the sheet checks again, so nothing but a colour ever
# reaches CSS.
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def region_theme_rule(pk: int, colour: str) -> str:
    tokens = accent_tokens(colour)
    body = " ".join(f"--ds-color-accent-{name}: {value};" for name, value in tokens.items())
    return f".region-theme-{pk} {{ {body} --brand: {tokens['border-default']}; }}"


def brand_css() -> str:
    rules = []
    for pk, colour in Region.objects.order_by("pk").values_list("pk", "brand_colour"):
        if COLOUR.fullmatch(colour or ""):
            rules.append(f".brand-{pk} {{ --brand: {colour}; }}")
            rules.append(region_theme_rule(pk, colour))
    return "\n".join(rules) + "\n"


@require_safe
def brand_stylesheet(request):
    body = brand_css()
    etag = '"' + hashlib.sha256(body.encode()).hexdigest()[:32] + '"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(body, content_type="text/css; charset=utf-8")
    response["ETag"] = etag
    # A changed colour shows within minutes; in between the browser asks with the ETag.
    patch_cache_control(response, public=True, max_age=300)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def region_logo(request, slug: str):
    """A programme's logo, public like its colour (the shell header, the programme's pages).
    No logo: 404, and the pages show the programme's name instead."""
    region = Region.objects.filter(slug=slug).only("pk", "logo").first()
    if region is None:
        raise Http404
    return logo_response(region.logo)
