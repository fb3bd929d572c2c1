"""Secrets in links (survey links, confirmations, invitations, hand-off keys): made from the
operating system's random source and kept at rest only as their SHA-256, like passwords, so
that a copy of the database opens nothing. A row is found by the hash of the token given."""

import hashlib
import secrets


def new_token(nbytes: int = 32) -> str:
    """A URL-safe token of `nbytes` random bytes."""
    return secrets.token_urlsafe(nbytes)


def token_hash(token: str) -> str:
    """What is stored of a token."""
    return hashlib.sha256(token.encode()).hexdigest()
