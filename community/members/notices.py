"""Telling members what concerns them: a notice on their profile until read, and the same by e-mail, sent once."""

from functools import partial
from typing import NamedTuple

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from core import outbox
from core.links import absolute_url

from .models import Notice

# The notices a profile shows at most: older unread ones still count, and are marked read with them.
SHOWN = 10


def tell(member, message, link=""):
    """Records a notice for `member` and, once committed, e-mails it if they have an address."""
    # A revocation's reason is the coordinator's text: the message keeps within its field, whatever its length.
    message = message[: Notice._meta.get_field("message").max_length]
    notice = Notice.objects.create(member=member, message=message, link=link)
    if member.email:
        transaction.on_commit(partial(send_notice.enqueue, notice.pk))
    return notice


@task
def send_notice(notice_id, attempt=0):
    rows = Notice.objects.select_related("member").filter(pk=notice_id)
    return outbox.send_once(send_notice, attempt, rows, "email_sent_at", notice_email)


def notice_email(notice):
    context = {"notice": notice, "url": absolute_url(notice.link) if notice.link else ""}
    body = render_to_string("members/emails/notice.txt", context)
    return EmailMessage(_("Du nouveau sur votre profil de la Gare centrale"), body, to=[notice.member.email])


class Unread(NamedTuple):
    shown: list
    count: int


def unread(member):
    """The member's unread notices, newest first, and how many there are in all."""
    notices = Notice.objects.filter(member=member, read_at__isnull=True)
    return Unread(list(notices[:SHOWN]), notices.count())


def mark_read(member):
    return Notice.objects.filter(member=member, read_at__isnull=True).update(read_at=timezone.now())
