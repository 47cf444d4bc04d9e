"""A member's own data, from their profile: the export of everything the network keeps about them, the erasure of
their journal, and of their whole account.

The journal is the highest of the community apps: it may use the others, so it gathers here what each keeps about a
person (members, competences, badges) beside its own entries. Nothing of another member goes into an export.
"""

import json

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from community.badges.rights import badges_data
from community.competences.rights import validations_data
from community.members import rights as account_rights
from core.links import absolute_url

from . import entries, recit
from .models import JournalEntry, JournalTag


def journal_data(user):
    """Every entry with all its fields, and whether (and where) the récits may quote it."""
    own = list(entries.own_entries(user).order_by("date", "created_at"))
    quoting = recit.recits_quoting(entry.pk for entry in own)
    return [
        {
            "id": entry.pk,
            **entries.entry_data(entry),
            "visibility_label": str(entry.get_visibility_display()),
            "consents_to_recits": entry.visibility in JournalEntry.SHARED_WITH_NETWORK,
            "quoted_in_recits": [
                {
                    "title": page.title,
                    "url": absolute_url(page.url) if page.live and page.url else None,
                    "published": page.live,
                }
                for page in quoting.get(entry.pk, [])
            ],
        }
        for entry in own
    ]


def export(user):
    """Everything kept about the user, as one JSON document."""
    document = {
        "exported_at": timezone.now().isoformat(),
        **account_rights.account_data(user),
        "journal": journal_data(user),
        "competence_validations": validations_data(user),
        "badges": badges_data(user),
        # What apps above the community keep about the person, named by the settings (the arrows forbid importing them).
        **{key: import_string(path)(user) for key, path in getattr(settings, "PERSONAL_DATA_PARTS", {}).items()},
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


@transaction.atomic
def erase_journal(user):
    """Deletes the user's entries, their tags and evidenced competences, and their excerpts in the récits.

    Validations and badges stay: they are coordinators' acts on the account, which the person keeps.
    """
    own = JournalEntry.objects.filter(author=user)
    recit.withdraw_excerpts(own.values_list("pk", flat=True))
    own.delete()  # tag links and evidenced competences go with the entries (CASCADE)
    # A tag nobody uses any more would still show its name (the admin, the filters): it goes too.
    JournalTag.objects.filter(tagged_entries__isnull=True).delete()


@transaction.atomic
def erase_account(user):
    """The journal first (its récit excerpts and tags need their own care), then the account with all it holds."""
    erase_journal(user)
    account_rights.erase_account(user)
