"""No link's secret in the logs: the access logs of runserver and gunicorn and Django's
request warnings show the path with the token replaced."""

import logging
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from gunicorn.config import Config
from gunicorn.glogging import Logger as GunicornLogger

from pendel.core.logging import HIDDEN, MaskSecretsFilter, mask_secrets

TOKEN = "Zr4pQ2v9xKc1mN7bT0sLwE5yH3uJ8aFd"
RESET = "cz5x1q-7f3b2a9d0e4c6b8a1f2e3d4c5b6a7980"


class Lines(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def lines():
    return Lines()


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        (f"GET /s/{TOKEN}/ HTTP/1.1", f"GET /s/{HIDDEN}/ HTTP/1.1"),
        (f"POST /s/{TOKEN}/3/ HTTP/1.1", f"POST /s/{HIDDEN}/3/ HTTP/1.1"),
        (f"GET /s/{TOKEN}/language/?x=1", f"GET /s/{HIDDEN}/language/?x=1"),
        (
            f"https://pendel.example.no/s/{TOKEN}/done/",
            f"https://pendel.example.no/s/{HIDDEN}/done/",
        ),
        (f"/accounts/password/reset/MTI/{RESET}/", f"/accounts/password/reset/MTI/{HIDDEN}/"),
        (f"/accounts/invitation/MTI/{RESET}/", f"/accounts/invitation/MTI/{HIDDEN}/"),
        (
            "/accounts/password/reset/MTI/set-password/",
            "/accounts/password/reset/MTI/set-password/",
        ),
        (f"/x/?token={TOKEN}&page=2", f"/x/?token={HIDDEN}&page=2"),
        (f"/x/?page=2&Key={TOKEN}", f"/x/?page=2&Key={HIDDEN}"),
        ("/staff/surveys/3/?page=2", "/staff/surveys/3/?page=2"),
        (f"token={TOKEN}&x=1", f"token={HIDDEN}&x=1"),
        ("/x/?monkey=1", "/x/?monkey=1"),
        ("/accounts/password/reset/sent/", "/accounts/password/reset/sent/"),
    ],
)
def test_secrets_in_links_are_masked(text, masked):
    assert mask_secrets(text) == masked


def test_the_masked_paths_are_the_apps_own():
    assert reverse("survey:start", args=[TOKEN]) == f"/s/{TOKEN}/"
    assert mask_secrets(reverse("survey:step", args=[TOKEN, 2])) == f"/s/{HIDDEN}/2/"
    for name in ("accounts:password_reset_confirm", "accounts:invitation"):
        assert TOKEN not in mask_secrets(reverse(name, args=["MTI", TOKEN]))


def test_runserver_access_log_does_not_record_tokens(lines):
    # django.servers.basehttp.WSGIRequestHandler.log_message logs exactly this.
    server = logging.getLogger("django.server")
    server.addHandler(lines)
    try:
        server.info('"%s" %s %s', f"GET /s/{TOKEN}/2/ HTTP/1.1", "200", "5120")
    finally:
        server.removeHandler(lines)
    assert lines.lines == [f'"GET /s/{HIDDEN}/2/ HTTP/1.1" 200 5120']


def test_the_logging_configuration_masks_every_access_log():
    for name in ("django.server", "django.request", "gunicorn.access"):
        assert any(isinstance(f, MaskSecretsFilter) for f in logging.getLogger(name).filters), name
    assert any(
        isinstance(f, MaskSecretsFilter) for h in logging.getLogger().handlers for f in h.filters
    )


def test_a_refused_survey_link_is_not_written_to_the_request_log(client, db, caplog):
    caplog.set_level(logging.WARNING, logger="django.request")
    assert client.get(f"/s/{TOKEN}/").status_code == 404
    assert caplog.records, "Django logs the 404"
    assert all(TOKEN not in record.getMessage() for record in caplog.records)
    assert f"/s/{HIDDEN}/" in caplog.records[-1].getMessage()


def test_gunicorn_access_log_does_not_record_tokens(lines):
    config = Config()
    config.set("accesslog", "-")
    config.set("access_log_format", '%(h)s "%(r)s" %(s)s "%(f)s" %(U)s?%(q)s %({x-missing}i)s')
    gunicorn = GunicornLogger(config)
    access = logging.getLogger("gunicorn.access")
    access.addHandler(lines)
    try:
        gunicorn.access(
            SimpleNamespace(status="200 OK", headers=[], sent=10),
            SimpleNamespace(headers=[("REFERER", f"https://x.example/s/{TOKEN}/1/")]),
            {
                "REMOTE_ADDR": "10.0.0.1",
                "REQUEST_METHOD": "POST",
                "RAW_URI": f"/s/{TOKEN}/2/?token={TOKEN}",
                "SERVER_PROTOCOL": "HTTP/1.1",
                "PATH_INFO": f"/s/{TOKEN}/2/",
                "QUERY_STRING": f"token={TOKEN}",
                "HTTP_REFERER": f"https://x.example/s/{TOKEN}/1/",
            },
            timedelta(milliseconds=12),
        )
    finally:
        access.removeHandler(lines)
        for handler in list(access.handlers):
            if getattr(handler, "_gunicorn", False):
                access.removeHandler(handler)
    (line,) = lines.lines
    assert TOKEN not in line
    assert line.startswith(f'10.0.0.1 "POST /s/{HIDDEN}/2/?token={HIDDEN} HTTP/1.1" 200')
    assert f'"https://x.example/s/{HIDDEN}/1/"' in line
    assert line.endswith(" -")  # a missing atom still reads "-"
