"""A worker killed in the middle of a mail batch loses no mail (bench/faults.py found one)."""

import pytest

from pendel.surveys import sending
from pendel.surveys.models import Invitation
from pendel.surveys.sending import mail_send_batch


class Killed(BaseException):
    """What SIGKILL looks like to the database: the work stops, nothing after it runs."""


def test_a_worker_killed_between_the_claim_and_the_mail_leaves_the_invitation_unsent(
    sent_wave, monkeypatch
):
    invitation = Invitation.objects.filter(wave=sent_wave).first()
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=None)

    def killed(*args, **kwargs):
        raise Killed

    monkeypatch.setattr(sending, "_send_one", killed)
    with pytest.raises(Killed):
        mail_send_batch(wave_id=sent_wave.pk, first_id=invitation.pk, last_id=invitation.pk)
    invitation.refresh_from_db()
    assert invitation.sent_at is None  # the batch run again sends it
