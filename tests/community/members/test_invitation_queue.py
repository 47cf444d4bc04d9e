"""An invitation made while the mail server is down is kept, and its e-mail leaves once, with a working link,
when the server is back; the link's secret is never in the queue."""

import re

import pytest
from django.core import mail

from community.members import accounts
from community.members.models import Invitation, Role
from tests.mail_queue import queued, work_the_queue

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_queue")]


def test_an_invitation_waits_for_the_mail_server_and_leaves_once_with_a_working_link(
    client, home, users, server_down, django_capture_on_commit_callbacks
):
    client.force_login(users["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/compte/inviter/", {"email": "nouvelle@example.org", "role": Role.INNOVATION})
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    task = queued("community.members.accounts").get()
    assert task.args_kwargs == {"args": [invitation.pk], "kwargs": {}}

    work_the_queue()
    assert mail.outbox == []
    server_down.undo()
    work_the_queue()
    work_the_queue()
    assert [message.to for message in mail.outbox] == [["nouvelle@example.org"]]
    link = re.search(r"https?://\S+?(/compte/invitation/(\S+)/)", mail.outbox[0].body)
    assert link.group(2) not in str(list(queued("community.members.accounts").values_list("args_kwargs", flat=True)))
    client.logout()
    assert client.get(link.group(1)).status_code == 200


def test_an_invitation_replaced_before_it_left_is_not_sent(home, users, django_capture_on_commit_callbacks):
    first = accounts.invite("nouvelle@example.org", Role.INNOVATION, users["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        accounts.invite("nouvelle@example.org", Role.INNOVATION, users["coordinator"])
    assert accounts.send_invitation.call(first.pk) is False
    work_the_queue()
    assert len(mail.outbox) == 1
