"""Files that people open in a spreadsheet: every cell defused, so that none runs as a formula.

A cell that starts with = + - @ (or a tab or carriage return) is a formula to LibreOffice and Excel; it gets a
leading apostrophe, as OWASP advises. A plain number (+33 1 23 45 67 89, -3.52) is no formula and is kept as it
is: telephones keep the +33 form the national schema of places asks for.
"""

import csv
import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d[\d .,]*")


def defuse(value):
    """The cell's text, made inert if a spreadsheet would run it."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def restore(text):
    """The cell's text as it was before `defuse`: reading back our own file changes nothing."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) and defuse(text[1:]) == text:
        return text[1:]
    return text


def write_rows(stream, headers, rows, **dialect):
    """Writes a header and rows (lists of cells, in the headers' order), every cell defused."""
    writer = csv.writer(stream, **dialect)
    writer.writerow([str(header) for header in headers])
    for row in rows:
        writer.writerow([defuse(value) for value in row])


def write_spreadsheet(stream, headers, rows):
    """For French spreadsheet software: UTF-8 with a BOM, `;` between cells."""
    stream.write("\ufeff")
    write_rows(stream, headers, rows, delimiter=";")
