"""What a run leaves: one table on the terminal, and the same figures as JSON with the machine they came from."""

import datetime
import json
import os
import platform
import subprocess
import textwrap
from pathlib import Path

from .rules import warm_queries

PROJECT = Path(__file__).resolve().parent.parent
RESULTS = PROJECT / "bench" / "results"


def machine(database, cache):
    """The machine, software and load the figures depend on."""
    return {
        "cores": os.cpu_count(),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "database": database,
        "cache": cache,
    }


def _cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def code_version():
    """The commit measured, marked when the working tree differs from it."""

    def git(*args):
        try:
            return subprocess.run(["git", *args], capture_output=True, text=True).stdout.strip()  # noqa: S603, S607
        except FileNotFoundError:
            return ""

    commit = git("rev-parse", "--short", "HEAD") or "inconnu"
    # The results of earlier runs are not the code measured: writing them does not mark the next run.
    changed = git("status", "--porcelain", "--untracked-files=no", "--", ":/", ":(top,exclude)bench/results")
    return f"{commit}{' (modifié)' if changed else ''}"


def now():
    return datetime.datetime.now().astimezone().isoformat(timespec="seconds")


def load_average():
    return [round(value, 2) for value in os.getloadavg()]


def file_name(results):
    """bench/results/scale-10-sqlite.json: one file per scale and database."""
    database = results["machine"]["database"].split()[0].lower()
    return f"scale-{results['scale']:g}-{database}.json"


def write(results, path):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


def read(path):
    return json.loads(Path(path).read_text())


def _number(value, digits=0, suffix=""):
    return "—" if value is None else f"{value:.{digits}f}{suffix}"


def _rate(row, kind):
    """Requests per second; « échec » when the server failed to answer some of them (details in the JSON)."""
    measured = row.get(f"load_{kind}")
    if measured and (measured.get("failure") or measured.get("errors")):
        return "échec"
    return _number(row.get(f"rps_{kind}"))


def _percent(value):
    if value is None:
        return "—"
    return f"{value * 100:.1f} %" if value < 0.1 else f"{value * 100:.0f} %"


ROW = "{:<22} {:>5} {:>5}  {:>7} {:>7}  {:>7} {:>7}  {:>7} {:>7}  {:>7} {:>7}"
GROUPS = "{:<22} {:^11}  {:^15}  {:^15}  {:^15}  {:^15}"


def table(results):
    """The results as one table of plain text, with what it was measured on."""
    lines = [
        GROUPS.format("", "SQL", "sans cache (ms)", "en cache (ms)", "req/s", "% du statique"),
        ROW.format(
            "requête", "froid", "chaud", "médiane", "p95", "médiane", "p95", "sans c.", "en c.", "sans c.", "en c."
        ),
    ]
    for row in results["requests"]:
        uncached, cached = row["uncached"], row["cached"] or {}
        lines.append(
            ROW.format(
                row["name"] + ("" if row["anonymous"] else " *") + (" †" if "static_copy" in row else ""),
                row["queries"],
                warm_queries(row),
                _number(uncached["median_ms"], 1),
                _number(uncached["p95_ms"], 1),
                _number(cached.get("median_ms"), 1),
                _number(cached.get("p95_ms"), 1),
                _rate(row, "uncached"),
                _rate(row, "cached"),
                _percent(row.get("ratio_uncached")),
                _percent(row.get("ratio_cached")),
            )
        )
    if results.get("static"):
        static = _number(results["static"]["rps"])
        lines.append(ROW.format("fichier statique", "", "", "", "", "", "", static, "", "100 %", ""))
    notes = (
        "SQL froid : le cache tout entier vidé ; chaud : hors du cache des pages, ce que toutes partagent gardé. "
        "* connecté·e (coordinatrice, chargée) : jamais en cache ; — : sans objet ; échec : des requêtes sans réponse "
        "(une erreur, ou le délai de 30 s de gunicorn dépassé : voir le JSON)."
    )
    for row in results["requests"]:
        if "static_copy" in row:
            notes += (
                f" † {row['name']}, un fichier à télécharger ({row['static_copy']['path']}) : rapporté au même fichier "
                f"servi comme fichier statique, {_number(row['static_copy']['rps'])} req/s."
            )
    lines.extend(textwrap.wrap(notes, 118))
    lines.extend(textwrap.wrap(describe(results), 118))
    return "\n".join(lines)


def describe(results):
    """Where and how the table was measured, in one paragraph."""
    machine, generation = results["machine"], results["generation"]
    text = (
        f"Échelle {results['scale']:g}, {results['date'][:10]}, code {results['code']} ; "
        f"{machine['cores']} cœurs {machine['cpu']}, Python {machine['python']}, {machine['database']}, "
        f"cache {machine['cache']} ; charge de la machine {results['load_average_before']} avant, "
        f"{results['load_average_after']} après. "
        f"Données générées en {generation['generate_seconds']:.0f} s "
        f"(migrations : {generation['migrate_seconds']:.0f} s). "
        f"Dans le processus : {results['runs']} mesures par requête (au moins 3 pour les plus lentes, en 60 s)."
    )
    throughput = results.get("throughput")
    if throughput:
        text += (
            f" Débit : gunicorn, {throughput['workers']} processus, {throughput['load_generator']}, "
            f"{throughput['connections']} connexions, {throughput['seconds']} s par adresse ; statique "
            f"{throughput['static_before']:.0f} req/s avant, {throughput['static_after']:.0f} après."
        )
    return text
