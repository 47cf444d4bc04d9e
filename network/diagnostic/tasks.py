"""The result e-mail as a task: sent at most once (core/outbox.py), then the address and answers are deleted.

The task takes the id of the row, never the address: the queue holds nothing personal."""

from django_tasks import task

from core import outbox

from . import emails
from .models import PendingEmail


@task
def send_result(pending_id, attempt=0):
    rows = PendingEmail.objects.filter(pk=pending_id)
    sent = outbox.send_once(send_result, attempt, rows, "sent_at", emails.result)
    if sent or _given_up(attempt):
        # Once it has left, or once no attempt is left, nothing of it stays.
        rows.filter(sent_at__isnull=not sent).delete()
    return sent


def _given_up(attempt):
    """Whether outbox gave up after this failure instead of trying again later."""
    return attempt >= len(outbox.BACKOFF) or not send_result.get_backend().supports_defer
