"""Playwright driving Debian's chromium against pytest-django's live server.

Playwright's sync API runs an event loop in this thread; the live server's database calls
happen in another, and the test's own ORM calls are safe because nothing awaits here.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
# Pages that send mail or run a month's invoices take a while on a busy two-core machine.
expect.set_options(timeout=15_000)
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
# axe is loaded from our own origin: the Content-Security-Policy refuses an inline script.
AXE = settings.STATIC_URL + "vendor/axe/axe.min.js"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is missing: `make test` installs it (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-gpu",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


# What the Content-Security-Policy refused during a test, per page fixture.
REFUSED = pytest.StashKey[list]()


def watch_for_csp_violations(page) -> list[str]:
    """Chromium reports what the Content-Security-Policy refused on the console; collect it."""
    refused: list[str] = []

    def on_console(message) -> None:
        if "Content Security Policy" in message.text:
            refused.append(f"{message.type}: {message.text} ({message.location.get('url')})")

    page.on("console", on_console)
    return refused


def assert_no_csp_violations(refused: list[str]) -> None:
    if refused:
        pytest.fail("The Content-Security-Policy refused something:\n" + "\n".join(refused))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """A test whose pages broke the policy fails, though its own assertions held."""
    result = yield
    assert_no_csp_violations([line for lines in item.stash.get(REFUSED, []) for line in lines])
    return result


def _watched(request, page) -> None:
    request.node.stash.setdefault(REFUSED, []).append(watch_for_csp_violations(page))


@pytest.fixture
def page(browser, live_server, request):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(20_000)
    _watched(request, page)
    yield page
    context.close()


@pytest.fixture
def phone(browser, live_server, request):
    context = browser.new_context(
        base_url=live_server.url,
        locale="nb-NO",
        viewport={"width": 375, "height": 740},
        is_mobile=True,
        has_touch=True,
        java_script_enabled=False,
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    _watched(request, page)
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def assert_accessible(page) -> None:
    """axe-core on the page as it is now: no serious or critical violation. A page that
    is still being loaded after a click is waited for first (on a busy machine the new
    document may not have its head yet)."""
    page.wait_for_load_state("load")
    page.add_script_tag(url=AXE)
    result = page.evaluate("async () => await axe.run(document)")
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert bad == [], "\n".join(bad)


def assert_fits_the_screen(page) -> None:
    """The page itself never scrolls sideways (a wide table scrolls inside its own region)."""
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the screen"


WIDE_TABLES_OUTSIDE_A_REGION = """() => [...document.querySelectorAll('main table')]
  .filter(table => {
    const wrap = table.closest('.table-wrap');
    const wide = wrap ? wrap.scrollWidth > wrap.clientWidth : table.scrollWidth > innerWidth;
    if (!wide) return false;
    const named = wrap && (wrap.getAttribute('aria-label') || wrap.getAttribute('aria-labelledby'));
    const scrolls = wrap && ['auto', 'scroll'].includes(getComputedStyle(wrap).overflowX);
    return !(named && scrolls && wrap.getAttribute('role') === 'region' && wrap.tabIndex === 0);
  })
  .map(table => (table.caption ? table.caption.textContent : table.outerHTML).slice(0, 80))"""


def assert_wide_tables_scroll_in_their_region(page) -> None:
    """A table wider than its column (one that cannot become cards) scrolls inside its own
    region: focusable, so a keyboard can scroll it, and named for a screen reader."""
    bad = page.evaluate(WIDE_TABLES_OUTSIDE_A_REGION)
    assert bad == [], f"wide tables that do not scroll in a labelled region: {bad}"


def log_in(page, email: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    pass_second_factor(page, email, axe=True)


def current_code(device) -> str:
    """The code the user's app shows; a later one when this one was used already (the
    device accepts one step ahead, and refuses a code twice)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if device.last_t is not None and device.last_t >= totp.t():
        totp.time += (device.last_t + 1 - totp.t()) * device.step
    return f"{totp.token():0{device.digits}d}"


def pass_second_factor(page, email: str, *, axe: bool = False) -> None:
    """After the password, staff give a code: enrolling first when they have no app yet
    (the QR code page, then the recovery codes), as a person would. With `axe`, its pages
    are checked too (needs JavaScript, which the phone fixture has not)."""
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    if "/accounts/two-factor/" not in page.url:
        return
    if axe:
        assert_accessible(page)
    device = TOTPDevice.objects.filter(user__email=email).order_by("-confirmed", "-id").first()
    page.locator("#id_code").fill(current_code(device))
    page.locator("main form").first.locator("button[type=submit]").click()
    page.wait_for_load_state()
    if page.locator(".recovery-codes").count() and axe:
        assert_accessible(page)
    if page.locator(".recovery-codes").count():
        page.locator("main a[role=button]").click()
    page.wait_for_url(lambda url: "/accounts/two-factor/" not in url)
