"""The French interface: a complete, compiled catalogue, and Django's own messages in French."""

import re
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "fr" / "LC_MESSAGES"


def entries():
    """The (msgid, msgstr, flags) of each entry of the .po file, header left out."""
    text = (CATALOGUE / "django.po").read_text()
    for block in text.split("\n\n")[1:]:
        lines = block.strip().splitlines()
        flags = " ".join(line for line in lines if line.startswith("#,"))
        body = "\n".join(line for line in lines if not line.startswith("#"))
        msgid = "".join(re.findall(r'"(.*)"', body.split("msgstr")[0]))
        msgstr = "".join(re.findall(r'"(.*)"', body.split("msgstr", 1)[1]))
        yield msgid, msgstr, flags


def test_every_string_of_the_catalogue_is_translated_and_none_is_fuzzy():
    found = list(entries())
    assert len(found) > 100
    assert "charset=UTF-8" in (CATALOGUE / "django.po").read_text().split("\n\n")[0]
    assert ("Compétences", "Compétences") in {(msgid, msgstr) for msgid, msgstr, _ in found}  # accents kept
    assert [msgid for msgid, msgstr, _ in found if not msgstr] == []
    assert [msgid for msgid, _, flags in found if "fuzzy" in flags] == []


def test_interface_strings_and_framework_messages_are_french():
    with translation.override("fr"):
        assert gettext("Aller au contenu") == "Aller au contenu"
        assert gettext("This field is required.") in {"Ce champ est obligatoire.", "Champ requis."}
        assert gettext("Enter a valid email address.") == "Saisissez une adresse de courriel valide."
