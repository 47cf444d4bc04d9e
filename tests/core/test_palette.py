"""The site's palette: each text and background pair in use reads at WCAG AA, and the focus ring is visible."""

import re
from pathlib import Path

import pytest

SITE_CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "site.css"
TEXT, LARGE_OR_UI = 4.5, 3.0

# (foreground, background, minimum): every colour the stylesheet sets on text or a control, on each background it
# meets. The last test below makes a new colour token fail until its pairs are added here.
PAIRS = [
    *[(ink, bg, TEXT) for ink in ("ink", "muted", "brand", "brand-dark", "accent", "ok") for bg in ("paper", "soft")],
    ("paper", "ink", TEXT),  # skip link, licence badge
    ("on-brand", "brand", TEXT),  # header, buttons
    ("on-brand", "brand-dark", TEXT),  # hovered buttons
    ("brand", "paper", TEXT),  # header search button
    ("ink", "highlight", TEXT),  # search terms
    ("insert-ink", "insert", TEXT),
    ("delete-ink", "delete", TEXT),
    ("ink", "insert", TEXT),
    ("ink", "delete", TEXT),
    ("muted", "paper", LARGE_OR_UI),  # form field borders, timeline markers
    ("brand", "soft", LARGE_OR_UI),  # the next step's marker and bar
    ("focus-ring", "paper", LARGE_OR_UI),
    ("focus-ring", "soft", LARGE_OR_UI),
    ("focus", "brand", LARGE_OR_UI),  # in the header
]


def tokens():
    root = re.search(r":root\s*\{(.*?)\}", SITE_CSS.read_text(), re.S).group(1)
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;", root))


def luminance(hex_colour):
    digits = hex_colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first, second):
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_formula_matches_wcag():
    assert contrast("#000", "#fff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(("foreground", "background", "minimum"), PAIRS)
def test_each_pair_in_use_reaches_its_contrast(foreground, background, minimum):
    palette = tokens()
    ratio = contrast(palette[foreground], palette[background])
    assert ratio >= minimum, f"--{foreground} on --{background}: {ratio:.2f}:1, below {minimum}:1"


def test_every_colour_token_set_on_text_has_its_pairs_checked():
    css = SITE_CSS.read_text()
    used = set(re.findall(r"(?<![-\w])color:\s*var\(--([\w-]+)\)", css))
    used |= set(re.findall(r"outline[\w-]*:[^;]*var\(--([\w-]+)\)", css))
    assert used, "no colour read from the stylesheet"
    assert used <= {foreground for foreground, _, _ in PAIRS}


def test_keyboard_focus_is_drawn_at_least_two_pixels_wide():
    rule = re.search(r"^:focus-visible\s*\{([^}]*)\}", SITE_CSS.read_text(), re.M).group(1)
    width = re.search(r"outline:\s*(\d+)px solid var\(--focus-ring\)", rule)
    assert width and int(width.group(1)) >= 2
