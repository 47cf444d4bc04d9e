"""`python -m bench` (`make bench`): builds a data set at a scale in a throw-away database, measures each key
request (queries, server time uncached and cached, in this process), then their throughput against gunicorn on the
loopback beside a static file; prints one table and the rules of issue 16, and writes the results as JSON.

    python -m bench --scale 10                    # a ten times larger data set
    python -m bench --against bench/results/scale-1-sqlite.json  # checks the scale rules against that run
                                                  # (by default, scale 1 on the same database when it is there)
    python -m bench --compare A.json B.json       # the rules between two runs already made, nothing measured
    python -m bench --markdown                    # the rendering time of the costliest Markdown known
    DATABASE_URL=postgres://…/gare_bench python -m bench  # PostgreSQL: that database is created, then dropped
"""

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import environment, report, rules


def arguments():
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Mesures de performance (README, « Mesures de performance ») : un jeu de données à l'échelle "
        "choisie, puis les requêtes SQL, le temps serveur et le débit de chaque requête clé, et les règles.",
    )
    parser.add_argument("--scale", type=float, default=1, help="1 : 2 000 pages du wiki, 1 000 fiches… (défaut 1)")
    parser.add_argument("--runs", type=int, default=20, help="mesures par requête dans le processus (défaut 20)")
    parser.add_argument("--seconds", type=int, default=5, help="durée de la charge par adresse (défaut 5)")
    parser.add_argument("--connections", type=int, default=4, help="connexions simultanées (défaut 4)")
    parser.add_argument("--no-load", action="store_true", help="sans la mesure de débit (gunicorn)")
    parser.add_argument("--no-redis", action="store_true", help="sans Redis : cache en mémoire de chaque processus")
    parser.add_argument("--keep", action="store_true", help="garder le dossier et la base du banc d'essai")
    parser.add_argument("--output", help="fichier JSON (défaut bench/results/scale-<échelle>-<base>.json)")
    parser.add_argument("--against", help="résultats d'une autre échelle, pour les règles entre échelles")
    parser.add_argument("--compare", nargs=2, metavar="JSON", help="compare deux résultats, sans rien mesurer")
    parser.add_argument("--markdown", action="store_true", help="temps de rendu des pires textes Markdown")
    return parser.parse_args()


def main():
    # Stopped (kill, Ctrl-C), the run still stops its servers and removes its database and files.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    options = arguments()
    if options.compare:
        return compare(*map(report.read, options.compare))
    if options.markdown:
        return markdown()
    try:
        results = run(options)
    except environment.BenchRefused as refusal:
        sys.exit(str(refusal))
    verdicts = rules.check_run(results)
    against = options.against or default_against(results)
    if against:
        print(f"\nRègles entre échelles : contre {against}")
        small, large = sorted([report.read(against), results], key=lambda run: run["scale"])
        verdicts += rules.check_scales(small, large)
    results["rules"] = [verdict.as_dict() for verdict in verdicts]
    output = options.output or report.RESULTS / report.file_name(results)
    report.write(results, output)
    report.write(results, report.RESULTS / "latest.json")
    print()
    print(report.table(results))
    rules.print_verdicts(verdicts, sys.stdout)
    print(f"\nRésultats : {output} (et {report.RESULTS / 'latest.json'})")
    return None


def default_against(results):
    """The run at scale 1 on the same database, to check a run at another scale against, when there is one."""
    if results["scale"] == 1:
        return None
    earlier = report.RESULTS / report.file_name({**results, "scale": 1})
    return earlier if earlier.exists() else None


def compare(first, second):
    small, large = sorted([first, second], key=lambda run: run["scale"])
    for results in (small, large):
        print(report.table(results), end="\n\n")
    rules.print_verdicts(rules.check_scales(small, large), sys.stdout)


def markdown():
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = "sqlite://:memory:"  # Markdown needs no data: never the developer's database
    import django

    django.setup()
    from bench import markdown as costliest

    costliest.main()


def run(options):
    with environment.throwaway(
        os.environ.get("DATABASE_URL", ""), use_redis=not options.no_redis, keep=options.keep
    ) as place:
        print(f"Banc d'essai dans {place.directory}", flush=True)
        generation = generate(place, options.scale)
        os.environ.update(place.production())
        import django

        django.setup()
        from django.core.management import call_command

        call_command("collectstatic", interactive=False, verbosity=0)
        results = {
            "scale": options.scale,
            "date": report.now(),
            "code": report.code_version(),
            "machine": report.machine(database_description(), cache_description(place)),
            "generation": generation,
            "runs": options.runs,
            "load_average_before": report.load_average(),
        }
        results["requests"] = measure_in_process(options.runs)
        if not options.no_load:
            results["throughput"], results["static"] = measure_throughput(place, results["requests"], options)
        results["load_average_after"] = report.load_average()
        if options.keep:
            print(f"Gardés : {place.directory}, {place.database_url}")
        return results


def generate(place, scale):
    summary = place.directory / "generation.json"
    start = time.perf_counter()
    command = [sys.executable, "-m", "bench.generate", "--scale", str(scale), "--summary", str(summary)]
    subprocess.run(command, env=place.generation(), cwd=report.PROJECT, check=True)  # noqa: S603 — our own program
    generation = json.loads(summary.read_text())
    generation["total_seconds"] = round(time.perf_counter() - start, 1)
    return generation


def database_description():
    from django.db import connection

    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def cache_description(place):
    if not place.redis_url:
        return "en mémoire, propre à chaque processus"
    from django_redis import get_redis_connection

    return f"Redis {get_redis_connection().info()['redis_version']}"


def measure_in_process(runs):
    from bench import load, measure
    from bench.key_requests import KEY_REQUESTS

    rows = []
    for request in KEY_REQUESTS:
        print(f"  {request.name:<24}", end="", flush=True)
        row = {
            "name": request.name,
            "path": request.path,
            "user": request.username or None,
            "anonymous": request.is_anonymous,
            "cacheable": request.is_cacheable,
            **measure.measure(request, runs),
        }
        print(f"{row['queries']:>4} requêtes SQL {row['uncached']['median_ms']:>8.1f} ms", flush=True)
        if request.is_cacheable:
            row["same_page_with_query"] = measure.same_size(request.path, load.uncached(request.path))
            if not row["same_page_with_query"]:
                print(
                    f"    attention : {load.uncached(request.path)} ne donne pas la même page, débit sans cache faussé"
                )
        rows.append(row)
    return rows


def measure_throughput(place, rows, options):
    """Each URL's rate against gunicorn, and the static file's before and after them."""
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.db import connections

    from bench import load, measure
    from bench.key_requests import KEY_REQUESTS, STATIC_FILE

    copies = {request.name: static_copy(request) for request in KEY_REQUESTS if request.is_download}
    connections.close_all()
    settings = {"seconds": options.seconds, "connections": options.connections}
    print(f"Débit ({load.load_generator()}, {options.connections} connexions, {options.seconds} s par adresse) :")
    with load.Gunicorn(place) as server:
        static_path = staticfiles_storage.url(STATIC_FILE)
        static_before = load.rate(server, static_path, **settings)
        for request, row in zip(KEY_REQUESTS, rows, strict=True):
            headers = {"Cookie": measure.session_cookie(request.username)} if request.username else {}
            path = load.uncached(request.path) if request.is_cacheable else request.path
            row["load_uncached"] = load.rate(server, path, headers=headers, **settings)
            row["rps_uncached"] = row["load_uncached"]["rps"]
            if request.is_cacheable:
                row["load_cached"] = load.rate(server, request.path, **settings)
                row["rps_cached"] = row["load_cached"]["rps"]
            cached = f"{row['rps_cached']:>8.0f}" if request.is_cacheable else " " * 8
            print(f"  {request.name:<24}{row['rps_uncached']:>8.0f} {cached} req/s", flush=True)
            if request.is_download:
                copy = copies[request.name]
                row["static_copy"] = {"path": copy, **load.rate(server, copy, **settings)}
                print(f"  {'  le même fichier statique':<24}{row['static_copy']['rps']:>8.0f} req/s", flush=True)
        static_after = load.rate(server, static_path, **settings)
    static_rps = statistics.mean([static_before["rps"], static_after["rps"]])
    for row in rows:
        reference = row["static_copy"]["rps"] if "static_copy" in row else static_rps
        row["ratio_uncached"] = round(row["rps_uncached"] / reference, 4)
        row["ratio_cached"] = round(row["rps_cached"] / reference, 4) if row.get("rps_cached") else None
    throughput = {
        "load_generator": load.load_generator(),
        "workers": server.workers,
        "static_before": static_before["rps"],
        "static_after": static_after["rps"],
        "uncached_by": f"?{load.UNCACHED_QUERY} (le cache des pages ne sert pas les adresses avec paramètres)",
        **settings,
    }
    static = {"path": static_path, "rps": round(static_rps, 1), "before": static_before, "after": static_after}
    return throughput, static


def static_copy(request):
    """The bytes a download answers, written among the static files (before the server starts: WhiteNoise reads
    them then), and their URL."""
    from django.conf import settings

    from bench import measure

    name = request.path.rstrip("/").rsplit("/", 1)[-1]
    target = Path(settings.STATIC_ROOT) / "bench" / name
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(measure.Visitor(request.username).get(request.path))
    return f"{settings.STATIC_URL}bench/{name}"


if __name__ == "__main__":
    main()
