"""E-mails sent by tasks: each one at most once, tried again later while the mail server fails.

A task marks the row's `*_sent_at` field before sending, in one conditional update, so that two runs of the same
task (or two tasks for the same e-mail) send one e-mail; a failure clears the mark and enqueues the task again,
later each time. The log names the e-mail and the row, never the address.
"""

import datetime
import logging
import smtplib

from django.utils import timezone

logger = logging.getLogger(__name__)

# The waits before each new attempt: the first failure is tried again after a minute, the last after 12 hours.
BACKOFF = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=12),
)


def send_once(task, attempt, rows, sent_field, compose, **still_due):
    """Sends `compose(row)` (an EmailMessage) for the one row of `rows` if `sent_field` is empty and `still_due`
    holds, then records it in `sent_field`. On a mail server failure, enqueues `task(pk, attempt + 1)` after the
    next wait of BACKOFF. Returns whether the e-mail left."""
    claimed = rows.filter(**{f"{sent_field}__isnull": True}, **still_due).update(**{sent_field: timezone.now()})
    if not claimed:
        return False
    row = rows.get()
    try:
        compose(row).send()
    except (smtplib.SMTPException, OSError) as error:
        rows.update(**{sent_field: None})
        _retry(task, attempt, row, error)
        return False
    return True


def _retry(task, attempt, row, error):
    label = f"{task.name} of {row._meta.label} {row.pk}"
    if attempt < len(BACKOFF) and task.get_backend().supports_defer:
        task.using(run_after=timezone.now() + BACKOFF[attempt]).enqueue(row.pk, attempt + 1)
        logger.warning("The e-mail %s could not be sent (%s); tried again later.", label, type(error).__name__)
        return
    # Attempts exhausted, or a backend that runs tasks at once (dev, tests): the next scheduled run may catch it.
    logger.error("The e-mail %s could not be sent (%s); given up.", label, type(error).__name__)
