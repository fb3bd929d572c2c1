"""Django's debug pages exist in development mode only (they need DEBUG) and only for
staff: anyone else gets the ordinary 404 and 500 pages, as in production."""

import pytest
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path

from config import urls as config_urls
from pendel.accounts.factories import UserFactory


def _broken(request):
    raise RuntimeError("a bug with a secret in its message")


def _fine(request):
    return HttpResponse("fine")


urlpatterns = [
    path("broken/", _broken),
    path("fine/", _fine),
    *config_urls.urlpatterns,
]

TECHNICAL_404 = "Using the URLconf defined in"
TECHNICAL_500 = "a bug with a secret in its message"


def _client(user=None) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


@override_settings(DEBUG=True, ROOT_URLCONF=__name__)
@pytest.mark.parametrize("who", ["anonymous", "contact", "no_role"])
def test_nobody_but_staff_sees_a_debug_page_in_development_mode(world, who):
    user = {"anonymous": None, "no_role": UserFactory()}.get(who) or getattr(world, who, None)
    client = _client(user)

    unknown = client.get("/no-such-page/")
    assert unknown.status_code == 404
    assert TECHNICAL_404 not in unknown.content.decode()
    raised = client.get("/s/not-a-real-token/")  # the view raises Http404
    assert raised.status_code == 404
    assert "Raised by" not in raised.content.decode()
    broken = client.get("/broken/")
    assert broken.status_code == 500
    assert TECHNICAL_500 not in broken.content.decode()
    assert client.get("/fine/").content == b"fine"


@override_settings(DEBUG=True, ROOT_URLCONF=__name__)
@pytest.mark.parametrize("who", ["advisor", "coordinator", "staff_and_contact"])
def test_staff_see_the_debug_pages_in_development_mode(world, who):
    client = _client(getattr(world, who))
    assert TECHNICAL_404 in client.get("/no-such-page/").content.decode()
    assert "Raised by" in client.get("/s/not-a-real-token/").content.decode()
    assert TECHNICAL_500 in client.get("/broken/").content.decode()


@override_settings(DEBUG=False, ROOT_URLCONF=__name__)
def test_in_production_staff_get_the_ordinary_pages_too(world):
    client = _client(world.coordinator)
    assert TECHNICAL_404 not in client.get("/no-such-page/").content.decode()
    broken = client.get("/broken/")
    assert broken.status_code == 500
    assert TECHNICAL_500 not in broken.content.decode()
