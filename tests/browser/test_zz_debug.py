import pytest
from django.core.management import call_command
from pendel.invoicing.models import Invoice
from pendel.companies.models import Membership
from tests.browser.test_accessibility_sweep import ADVISOR, CONTACT, log_in_as, choose_language

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDEST = """() => { const w = window.innerWidth; const out = [];
 for (const el of document.querySelectorAll('body *')) { const r = el.getBoundingClientRect();
   if (r.right > w + 1) out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right) + ' ' + (el.textContent||'').trim().slice(0,40)); }
 return out.slice(0, 15); }"""

def test_debug(browser, live_server):
    call_command("seed_demo", verbosity=0)
    invoice = Invoice.objects.filter(region__slug="nedre-glomma").first()
    member = Membership.objects.filter(location__region__slug="nedre-glomma").first()
    ctx = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 740})
    page = ctx.new_page()
    log_in_as(page, ADVISOR)
    choose_language(page, "nl")
    for url in [f"/staff/invoices/{invoice.pk}/", "/staff/", f"/staff/members/{member.pk}/"]:
        page.goto(url)
        print(url, page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))
        for line in page.evaluate(WIDEST): print("  ", line)
        page.screenshot(path=f"/tmp/shell/dbg{url.replace('/','_')}.png", full_page=True)
    page.goto("/staff/#shell-nav")
    page.screenshot(path="/tmp/shell/dbg_menu.png")
    ctx2 = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    p2 = ctx2.new_page(); log_in_as(p2, ADVISOR); p2.goto("/staff/"); p2.screenshot(path="/tmp/shell/dbg_desk.png")
