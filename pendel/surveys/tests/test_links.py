"""Survey links at rest: the database keeps only the SHA-256 of each link's token, each mail
carries a new link, and the links already mailed before the change keep working."""

import hashlib
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from pendel.surveys.due_tasks import survey_reminders_due
from pendel.surveys.links import token_hash
from pendel.surveys.models import Invitation, InvitationLink
from pendel.surveys.selectors import invitation_for_token
from pendel.surveys.services import wave_dispatch
from pendel.surveys.tests.conftest import make_employees, make_wave, move_dates
from pendel.surveys.tests.helpers import SURVEY_LINK, mailed_token

BEFORE = [("surveys", "0003_invitation_closed_on")]
AFTER = [("surveys", "0004_invitation_links_hashed_tokens")]


def _everything_stored() -> str:
    """What a backup of the database would hold."""
    out = StringIO()
    call_command("dumpdata", "--natural-foreign", stdout=out)
    return out.getvalue()


def test_no_survey_token_is_stored_in_the_clear(invitations):
    tokens = [invitation.token for invitation in invitations]
    assert len(set(tokens)) == len(invitations) == 10
    stored = _everything_stored()
    for token in tokens:
        assert token not in stored
        assert token_hash(token) == hashlib.sha256(token.encode()).hexdigest()
        assert token_hash(token) in stored
    assert "token" not in {field.name for field in Invitation._meta.get_fields()}


def test_the_stored_hash_does_not_open_the_survey(client, invitations):
    stored = InvitationLink.objects.get(token_hash=token_hash(invitations[0].token)).token_hash
    assert client.get(reverse("survey:start", args=[stored])).status_code == 404
    assert client.get(reverse("survey:start", args=[invitations[0].token])).status_code == 200


def test_each_mail_carries_a_new_link_and_every_link_opens_the_survey(
    client, sent_wave, invitations
):
    first = invitations[0].token
    move_dates(sent_wave, -3)
    mail.outbox.clear()
    survey_reminders_due.enqueue(wave_id=sent_wave.pk, reminder=1)

    reminder = mailed_token(invitations[0])
    assert reminder != first
    assert InvitationLink.objects.filter(invitation=invitations[0]).count() == 2
    for token in (first, reminder):
        page = client.get(reverse("survey:start", args=[token]))
        assert page.status_code == 200
        assert "Start the survey" in page.content.decode()


def test_every_link_shows_the_closed_page_once_the_wave_has_closed(client, sent_wave, invitations):
    move_dates(sent_wave, -30)
    page = client.get(reverse("survey:start", args=[invitations[0].token])).content.decode()
    assert "The survey is closed" in page


def test_a_links_first_opening_is_noted(client, invitations):
    link = InvitationLink.objects.get(token_hash=token_hash(invitations[0].token))
    assert link.used_at is None
    client.get(reverse("survey:start", args=[invitations[0].token]))
    link.refresh_from_db()
    first = link.used_at
    assert first is not None
    client.get(reverse("survey:start", args=[invitations[0].token]))
    link.refresh_from_db()
    assert link.used_at == first


def test_the_mail_task_is_queued_with_ids_only(
    world, wave, settings, django_capture_on_commit_callbacks
):
    """On a backend that keeps tasks in a table, the rows hold ids; the link is made when
    the mail is sent."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    make_employees(world.location, 3)
    with django_capture_on_commit_callbacks(execute=True):
        wave_dispatch(wave=wave, actor=world.advisor)
    rows = list(DBTaskResult.objects.values_list("task_path", "args_kwargs"))
    mail_tasks = [args for path, args in rows if path.endswith("survey_send_mail")]
    assert mail_tasks and all(
        set(args["kwargs"]) == {"wave_id", "first_id", "last_id", "reminder"} for args in mail_tasks
    )
    assert not InvitationLink.objects.exists()  # nothing sent yet, so no link exists


# --- the migration ------------------------------------------------------------------------
def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_hashes_the_clear_tokens_and_the_mailed_links_keep_working(world):
    wave = make_wave(world.location)
    old_apps = migrate(BEFORE)
    OldInvitation = old_apps.get_model("surveys", "Invitation")
    clear = ["Kq3v9xLm2pR7sT1uW4yZ6aB8cD0eF5gH", "Nn1b2v3c4x5z6l7k8j9h0g1f2d3s4a5p"]
    for index, token in enumerate(clear):
        OldInvitation.objects.create(
            wave_id=wave.pk,
            location_id=world.location.pk,
            token=token,
            language="nb",
            email=f"person{index}@fisk.example.com",
        )

    migrate(AFTER)
    assert InvitationLink.objects.count() == 2
    for token in clear:
        assert invitation_for_token(token).wave_id == wave.pk
    assert not any(token in _everything_stored() for token in clear)

    old_apps = migrate(BEFORE)
    back = list(old_apps.get_model("surveys", "Invitation").objects.values_list("token", flat=True))
    assert len(back) == 2 and all(back) and not set(back) & set(clear)
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_survey_links_match_the_helpers_pattern():
    assert (
        SURVEY_LINK.search(reverse("survey:start", args=["abc_DEF-123"]))["token"] == "abc_DEF-123"
    )
