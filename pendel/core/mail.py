from django.core.mail.backends.base import BaseEmailBackend

from pendel.core.models import OutboxMessage


class OutboxBackend(BaseEmailBackend):
    """Stores mail in the database instead of sending it (local use and demos)."""

    def send_messages(self, email_messages) -> int:
        rows = [
            OutboxMessage(
                from_email=message.from_email,
                to=", ".join(message.recipients()),
                subject=message.subject,
                body=message.body,
                html=next(
                    (
                        content
                        for content, mime in getattr(message, "alternatives", [])
                        if mime == "text/html"
                    ),
                    "",
                ),
            )
            for message in email_messages
        ]
        OutboxMessage.objects.bulk_create(rows)
        return len(rows)
