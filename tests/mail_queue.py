"""The e-mail queue as production has it (django-tasks-db): what is in it, and working it as `db_worker` does.
The fixtures `database_queue` and `server_down` are in conftest.py."""

import datetime
from unittest import mock

from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

SMTP = "django.core.mail.backends.locmem.EmailBackend.send_messages"


def queued(module):
    """The tasks of `module` in the queue (Wagtail queues its index updates beside them)."""
    return DBTaskResult.objects.filter(task_path__startswith=f"{module}.")


def work_the_queue():
    """What `manage.py db_worker` does, once every waiting task has waited long enough."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now() - datetime.timedelta(seconds=1))
    # The worker closes connections it finds outside autocommit: on PostgreSQL, the test's own transaction.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
