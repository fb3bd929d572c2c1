"""What the audit trail records about documents (see pendel.core.audit)."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pendel.core.audit import register_actions


class DocumentsAction(models.TextChoices):
    UPLOADED = "document.uploaded", _("Document uploaded.")
    DELETED = "document.deleted", _("Document deleted.")


register_actions(
    DocumentsAction,
    sentences={
        DocumentsAction.UPLOADED: lambda changes: (
            gettext("Document “%(title)s” uploaded.") % {"title": changes["title"]}
        ),
        DocumentsAction.DELETED: lambda changes: (
            gettext("Document “%(title)s” deleted.") % {"title": changes["title"]}
        ),
    },
)
