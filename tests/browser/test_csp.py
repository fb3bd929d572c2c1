"""The Content-Security-Policy in a real browser: the console check sees a refusal, and the
region's colour still reaches the page without a style attribute."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import watch_for_csp_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_console_check_sees_an_inline_style_the_policy_refuses(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    refused = watch_for_csp_violations(page)
    page.route(
        "**/probe/",
        lambda route: route.fulfill(
            status=200,
            headers={"Content-Type": "text/html", "Content-Security-Policy": "style-src 'self'"},
            body='<!DOCTYPE html><title>x</title><p style="color: red">Inline</p>',
        ),
    )
    page.goto("/probe/")
    expect(page.get_by_text("Inline")).to_be_visible()
    page.wait_for_timeout(200)
    context.close()
    assert any("Content Security Policy" in line for line in refused), refused


def test_the_programme_keeps_its_colour_under_the_policy(page, world):
    world.region.brand_colour = "#a1b2c3"
    world.region.save()
    page.goto("/")
    card = page.locator(f"article.programme.brand-{world.region.pk}")
    expect(card).to_be_visible()
    expect(card).to_have_css("border-left-color", "rgb(161, 178, 195)")
    assert card.get_attribute("style") is None
