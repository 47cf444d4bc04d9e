"""`makemessages` without fuzzy matching: our source strings are French, so a guess from a similar string is wrong."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
