from django.db import transaction

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
