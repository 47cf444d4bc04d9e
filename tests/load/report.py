"""What the load test measured, and its two checks (exit status 1 if either fails): no answer 5xx in the servers'
access logs, and no workshop with more confirmed sign-ups than places.

    python tests/load/report.py load_stats.csv load_failures.csv gunicorn-a.log gunicorn-b.log

The CSV files are locust's (--csv); the database is the environment's (DJANGO_SETTINGS_MODULE, DATABASE_URL).
"""

import csv
import os
import re
import sys
from collections import Counter
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
# gunicorn's access log: … "GET /outils/ HTTP/1.1" 200 1234 …
ACCESS_LINE = re.compile(r'"[A-Z]+ \S+ HTTP/[\d.]+" (?P<status>\d{3}) ')
EMAIL_DOMAIN = "charge.example.invalid"  # tests/load/locustfile.py's


def read_csv(path):
    return list(csv.DictReader(Path(path).read_text().splitlines()))


def print_requests(stats_path, failures_path):
    rows = read_csv(stats_path)
    print(f"{'':<28}{'requests':>10}{'failures':>10}{'median ms':>11}{'95% ms':>9}{'max ms':>9}{'req/s':>8}")
    for row in rows:
        print(
            f"{row['Name'][:27]:<28}{row['Request Count']:>10}{row['Failure Count']:>10}"
            f"{row['Median Response Time']:>11}{row['95%']:>9}{float(row['Max Response Time']):>9.0f}"
            f"{float(row['Requests/s']):>8.1f}"
        )
    for row in read_csv(failures_path):
        print(f"failure: {row['Method']} {row['Name']}: {row['Error']} ({row['Occurrences']} times)")
    total = next(row for row in rows if row["Name"] == "Aggregated")
    if not int(total["Request Count"]):
        sys.exit("the load test made no request (see locust's output)")
    return int(total["Failure Count"])


def server_errors(logs):
    statuses = Counter()
    for log in logs:
        for line in Path(log).read_text(errors="replace").splitlines():
            if match := ACCESS_LINE.search(line):
                statuses[match["status"]] += 1
    print("answers in the servers' access logs: " + ", ".join(f"{n} × {s}" for s, n in sorted(statuses.items())))
    return sum(count for status, count in statuses.items() if status.startswith("5"))


def overbooked_workshops():
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.db.models import Count, F, Q

    from workshops.models import Registration, WorkshopPage

    made = Counter(
        Registration.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").values_list("status", flat=True).iterator()
    )
    print(
        f"sign-ups made by the load test: {sum(made.values())}, {made['confirmed']} confirmed, "
        f"{made['waiting']} waiting"
    )
    workshops = WorkshopPage.objects.annotate(
        confirmed=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED))
    )
    full = workshops.filter(confirmed__gte=F("capacity"), registrations__email__endswith=f"@{EMAIL_DOMAIN}").distinct()
    print(f"workshops filled to capacity during the run: {full.count()}")
    overbooked = list(workshops.filter(confirmed__gt=F("capacity")).values_list("title", "confirmed", "capacity"))
    for title, confirmed, capacity in overbooked:
        print(f"OVERBOOKED: {title}: {confirmed} confirmed for {capacity} places")
    return len(overbooked)


def main():
    stats_path, failures_path, *logs = sys.argv[1:]
    failures = print_requests(stats_path, failures_path)
    errors = server_errors(logs)
    overbooked = overbooked_workshops()
    print(f"failures {failures}, answers 5xx {errors}, workshops overbooked {overbooked}")
    if failures or errors or overbooked:
        sys.exit(1)


if __name__ == "__main__":
    main()
