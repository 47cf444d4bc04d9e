"""Times the rendering of the costliest Markdown known, at the longest length the site accepts."""

import time

from core.limits import TEXT_MAX_LENGTH
from resources.markdown import render

N = TEXT_MAX_LENGTH
# Runs that made python-markdown or bleach read to the end of the text at each character, and ordinary prose.
TEXTS = {
    "crochets ouverts": "[" * N,
    "images ouvertes": "![" * (N // 2),
    "adresses ouvertes": "[a](" * (N // 4),
    "parenthèses": "[a](" + "(" * (N - 4),
    "tirets (liens auto.)": "a-" * (N // 2),
    "balises ouvertes": "<a" * (N // 2),
    "liens <http://": "<http://" * (N // 8),
    "<div> imbriqués": "<div>" * (N // 5),
    "citations": "> " * (N // 2),
    "listes imbriquées": "".join("  " * depth + "- point\n" for depth in range(140)),
    "texte ordinaire": ("Un atelier pour **apprendre** à [écrire à plusieurs](https://exemple.org). " * 300)[:N],
}


def main():
    print(f"\n{'Markdown, ' + format(N, ',').replace(',', ' ') + ' caractères':<36} {'ms':>8}")
    for name, text in TEXTS.items():
        start = time.perf_counter()
        render(text)
        print(f"{name:<36} {(time.perf_counter() - start) * 1000:>8.0f}")
