from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from pendel.accounts.audit import AccountsAction
from pendel.accounts.models import User
from pendel.core.audit import audit_record


@transaction.atomic
def user_update_profile(*, user: User, actor: User, data: dict) -> User:
    changes = {
        name: [str(getattr(user, name)), str(value)]
        for name, value in data.items()
        if getattr(user, name) != value
    }
    for name, value in data.items():
        setattr(user, name, value)
    user.full_clean()
    user.save(update_fields=list(data))
    if changes:
        audit_record(
            actor=actor, action=AccountsAction.PROFILE_UPDATED, target=user, changes=changes
        )
    return user


def user_set_language(*, user: User, language: str) -> None:
    user_update_profile(user=user, actor=user, data={"language": language})


DATABASE_SESSIONS = {
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
}


def sessions_end(user: User) -> int:
    """Log the user out everywhere, now: delete each of their stored sessions. (Their
    password hash changes too, which Django checks on every request, so a session kept
    elsewhere, e.g. a cache, ends as well.)"""
    if settings.SESSION_ENGINE not in DATABASE_SESSIONS:
        return 0
    keys = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if str(session.get_decoded().get(SESSION_KEY)) == str(user.pk)
    ]
    Session.objects.filter(session_key__in=keys).delete()
    if settings.SESSION_ENGINE.endswith("cached_db"):
        from django.contrib.sessions.backends.cached_db import KEY_PREFIX
        from django.core.cache import caches

        caches[settings.SESSION_CACHE_ALIAS].delete_many([KEY_PREFIX + key for key in keys])
    return len(keys)


@transaction.atomic
def user_deactivate(*, user: User, actor: User, region_id: int | None = None) -> bool:
    """End the account's access at once: it cannot log in, its sessions end, its links to
    choose a password and its open contact invitations stop working. Its roles and history
    stay (who did what remains readable). False if it was already deactivated (a retry)."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_active:
        return False
    user.is_active = False
    user.set_unusable_password()  # old password, reset and invitation links stop working
    user.save(update_fields=["is_active", "password"])
    user.contact_invitations.filter(accepted_at__isnull=True).delete()
    ended = sessions_end(user)
    audit_record(
        actor=actor,
        action=AccountsAction.DEACTIVATED,
        target=user,
        region_id=region_id,
        changes={"email": user.email, "sessions": ended},
    )
    return True
