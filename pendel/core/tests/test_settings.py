"""Safe defaults: an unset DEBUG is production, production needs a SECRET_KEY, local use
asks for development mode explicitly; production settings pass Django's deployment checks."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SECRET = "x" * 20 + "a-long-random-production-secret-0123456789"
SHOW = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.DEBUG, settings.OUTBOX_VISIBLE, settings.SESSION_COOKIE_SECURE)"
)


def _environment(tmp_path, settings_module="config.settings", **variables) -> dict:
    """This process's environment without the variables the settings read, plus these."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name
        not in {"DEBUG", "SECRET_KEY", "EMAIL_HOST", "OUTBOX_VISIBLE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(DJANGO_SETTINGS_MODULE=settings_module, PENDEL_VAR_DIR=str(tmp_path), **variables)
    return env


def _run(args, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_unset_debug_without_a_secret_key_refuses_to_start(tmp_path):
    result = _run([sys.executable, "-c", SHOW], _environment(tmp_path))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_0_without_a_secret_key_refuses_to_start(tmp_path):
    result = _run([sys.executable, "-c", SHOW], _environment(tmp_path, DEBUG="0"))
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_unset_debug_with_a_secret_key_is_production(tmp_path):
    result = _run([sys.executable, "-c", SHOW], _environment(tmp_path, SECRET_KEY=SECRET))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "True"]


def test_no_variable_turns_the_outbox_on_in_production(tmp_path):
    env = _environment(tmp_path, SECRET_KEY=SECRET, OUTBOX_VISIBLE="1")
    result = _run([sys.executable, "-c", SHOW], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "True"]


def test_development_mode_is_asked_for_and_needs_no_key(tmp_path):
    result = _run([sys.executable, "-c", SHOW], _environment(tmp_path, DEBUG="1"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "False"]


def test_the_test_settings_need_no_environment_variables(tmp_path):
    env = _environment(tmp_path, settings_module="config.settings_test")
    result = _run([sys.executable, "-c", SHOW], env)
    assert result.returncode == 0, result.stderr
    # The test settings turn the outbox off (mail stays in memory).
    assert result.stdout.split() == ["True", "False", "False"]


def test_every_manage_py_command_of_the_makefile_runs_in_development_mode():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^DEV := DEBUG=1( |$)", makefile, re.MULTILINE)
    commands = [line for line in makefile.splitlines() if "manage.py" in line]
    assert len(commands) >= 6  # messages, migrate, demo (twice), logins, worker, server
    assert all("$(DEV) $(PY) manage.py" in line for line in commands), commands


@pytest.mark.skipif(not shutil.which("make"), reason="needs GNU make")
def test_mail_links_follow_the_port_make_run_is_given():
    """`make run PORT=8123`: the server, the worker (which sends the mail) and the demo all
    get SITE_URL=http://127.0.0.1:8123, so the links in mails open the running server."""
    env = {name: value for name, value in os.environ.items() if name != "SITE_URL"}
    result = _run(["make", "-n", "-B", "run", "PORT=8123"], env)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if "manage.py" in line]
    started = [line for line in lines if "runserver" in line or "pendel_worker" in line]
    assert len(started) == 2 and "127.0.0.1:8123" in started[-1]
    assert all("SITE_URL=http://127.0.0.1:8123 " in line for line in lines), lines


def test_check_deploy_passes_in_production_mode(tmp_path):
    env = _environment(tmp_path, DEBUG="0", SECRET_KEY=SECRET, ALLOWED_HOSTS="pendel.example.com")
    result = _run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_development_mode_warns_when_used_as_production(tmp_path):
    env = _environment(tmp_path, DEBUG="1")
    result = _run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], env
    )
    assert result.returncode != 0
    assert "DEBUG" in result.stdout + result.stderr
