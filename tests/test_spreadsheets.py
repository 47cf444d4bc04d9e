"""Every CSV cell that a spreadsheet would run as a formula is defused; numbers and telephones stay as they are."""

import pytest

from core.spreadsheets import defuse, restore


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://exemple.org","clic")', '\'=HYPERLINK("http://exemple.org","clic")'),
        ("+SUM(A1:A9)", "'+SUM(A1:A9)"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1+1", "'\t=1+1"),
        ("+33353011020", "+33353011020"),
        ("+33 3 53 01 10 20", "+33 3 53 01 10 20"),
        ("-3.523", "-3.523"),
        ("Centre social", "Centre social"),
        (None, ""),
        (12, "12"),
    ],
)
def test_formulas_are_defused_and_plain_values_kept(cell, written):
    assert defuse(cell) == written
    assert restore(written) == ("" if cell is None else str(cell))
