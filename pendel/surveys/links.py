"""Survey links: a new one in every mail, kept only as a hash.

A token is 24 random bytes (192 bits, 32 characters in the link). The database keeps its
SHA-256 and nothing else; the link is looked up by that hash. A hash without salt or
stretching is enough here, unlike for a password: no one can try 2^192 tokens.

The mail task issues the link when it sends (so the task's arguments hold only ids), and
each reminder gets a fresh one; earlier links of the invitation keep working for as long as
the wave takes answers (the survey views say when it is closed)."""

from pendel.core.tokens import new_token, token_hash
from pendel.surveys.models import InvitationLink

TOKEN_BYTES = 24
MAX_TOKEN_LENGTH = 64  # longer is no token of ours: refused before the database is asked


def invitation_link_issue(invitation_id: int) -> str:
    """A new link for the invitation; returns its token, which is stored nowhere."""
    token = new_token(TOKEN_BYTES)
    InvitationLink.objects.create(invitation_id=invitation_id, token_hash=token_hash(token))
    return token
