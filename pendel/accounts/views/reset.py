"""Choosing a password from a reset or invitation link, without the link's token in the
session table.

Django's view moves the token from the URL into the session (so that it does not leak in a
Referer header) and reads it back on the form's page; the database session would then hold
a working token in the clear for as long as the session lives. Here the session holds only
the token's time stamp and SHA-256: the form's page rebuilds the token from the user's
current state (Django's generator is deterministic for a time stamp) and compares hashes, so
it still opens only while the token itself is valid."""

import hashlib

from django.contrib.auth import views as auth_views
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int

HASHED_TOKEN = "_password_reset_token_sha256"


def _hashed(token: str) -> str:
    stamp = token.split("-", 1)[0]
    return f"{stamp}:{hashlib.sha256(token.encode()).hexdigest()}"


class PasswordSetFromLinkView(auth_views.PasswordResetConfirmView):
    def _token_from_hash(self, user, stored: str) -> str | None:
        stamp, _sep, digest = stored.partition(":")
        try:
            timestamp = base36_to_int(stamp)
        except ValueError:
            return None
        generator = self.token_generator
        for secret in [generator.secret, *generator.secret_fallbacks]:
            candidate = generator._make_token_with_timestamp(user, timestamp, secret)
            if constant_time_compare(_hashed(candidate), f"{stamp}:{digest}"):
                return candidate
        return None

    def dispatch(self, *args, **kwargs):
        session = self.request.session
        stored = session.get(HASHED_TOKEN)
        if kwargs.get("token") == self.reset_url_token and stored:
            user = self.get_user(kwargs.get("uidb64", ""))
            clear = self._token_from_hash(user, stored) if user is not None else None
            if clear:
                # For Django's check during this request only; taken out again below,
                # before the session is saved.
                session[INTERNAL_RESET_SESSION_TOKEN] = clear
        try:
            return super().dispatch(*args, **kwargs)
        finally:
            clear = session.pop(INTERNAL_RESET_SESSION_TOKEN, None)
            if clear:
                session[HASHED_TOKEN] = _hashed(clear)
            elif stored:
                session.pop(HASHED_TOKEN, None)  # used (password set) or no longer valid
