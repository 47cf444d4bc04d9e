"""The rules of issue 16, checked on the benchmark's results (one run, or a run at scale 1 against one at scale 10).

- a cached anonymous page is served at ≥ 50 % of the static file's rate;
- an uncached public page is served at ≥ 5 % of the static file's rate, with ≤ 10 queries (built out of the page
  cache, what every page shares still kept: bench/measure.py);
- from scale 1 to scale 10, each key request asks the same number of queries, and its uncached median at scale 10 is
  at most 1.5 times the one at scale 1. A download (the map's GeoJSON) holds every place: ten times the places make
  it ten times longer, whatever the code. It is held to the same 1.5 on what the code adds, its time beside the same
  bytes served as a static file in the same run (bench/__main__.py), which the load measures at both scales.
"""

from dataclasses import dataclass

CACHED_SHARE = 0.50
UNCACHED_SHARE = 0.05
MAX_QUERIES = 10
MAX_SLOWDOWN = 1.5


@dataclass
class Verdict:
    rule: str
    request: str
    passed: bool
    detail: str

    def as_dict(self):
        return {"rule": self.rule, "request": self.request, "passed": self.passed, "detail": self.detail}


def warm_queries(row):
    """The queries of the page built out of the page cache, what every page shares still kept: the page the load
    measures (results written before they were counted give the cold count)."""
    return row.get("warm_queries", row["queries"])


def check_run(results):
    """The rules one run can check: the share of the static rate, and the queries of public pages."""
    verdicts = []
    for row in results["requests"]:
        if not row["anonymous"]:
            continue
        if row["cacheable"] and row.get("ratio_cached") is not None:
            verdicts.append(
                Verdict(
                    "page en cache ≥ 50 % du statique",
                    row["name"],
                    row["ratio_cached"] >= CACHED_SHARE,
                    f"{row['ratio_cached']:.0%}",
                )
            )
        if row.get("ratio_uncached") is not None:
            verdicts.append(
                Verdict(
                    "page sans cache ≥ 5 % du statique, ≤ 10 requêtes SQL",
                    row["name"],
                    row["ratio_uncached"] >= UNCACHED_SHARE and warm_queries(row) <= MAX_QUERIES,
                    f"{row['ratio_uncached']:.1%}, {warm_queries(row)} requêtes SQL",
                )
            )
    return verdicts


def check_scales(small, large):
    """The rules between two runs at different scales: the same queries, a median at most 1.5 times longer."""
    verdicts = []
    large_rows = {row["name"]: row for row in large["requests"]}
    for row in small["requests"]:
        other = large_rows.get(row["name"])
        if other is None:
            continue
        verdicts.append(
            Verdict(
                f"requêtes SQL identiques (échelles {small['scale']:g} et {large['scale']:g})",
                row["name"],
                (row["queries"], warm_queries(row)) == (other["queries"], warm_queries(other)),
                f"{row['queries']} → {other['queries']} à froid, {warm_queries(row)} → {warm_queries(other)} à chaud",
            )
        )
        if row.get("static_copy") and other.get("static_copy"):
            verdicts.append(_download_verdict(small, large, row, other))
            continue
        before, after = row["uncached"]["median_ms"], other["uncached"]["median_ms"]
        verdicts.append(
            Verdict(
                f"médiane ≤ 1,5 × (échelles {small['scale']:g} et {large['scale']:g})",
                row["name"],
                after <= MAX_SLOWDOWN * before,
                f"{before:.0f} → {after:.0f} ms (× {after / before:.2f})",
            )
        )
    return verdicts


def _download_verdict(small, large, row, other):
    """A download at both scales: how much slower than its static copy it is served, at most 1.5 times more so."""
    before, after = 1 / row["ratio_uncached"], 1 / other["ratio_uncached"]
    return Verdict(
        f"médiane ≤ 1,5 × (échelles {small['scale']:g} et {large['scale']:g})",
        row["name"],
        after <= MAX_SLOWDOWN * before,
        f"{row['ratio_uncached']:.0%} → {other['ratio_uncached']:.0%} du même fichier statique"
        f" (× {after / before:.2f})",
    )


def print_verdicts(verdicts, out):
    if not verdicts:
        return
    width = max(len(verdict.request) for verdict in verdicts)
    rules = list(dict.fromkeys(verdict.rule for verdict in verdicts))
    rule = None
    for verdict in sorted(verdicts, key=lambda verdict: rules.index(verdict.rule)):
        if verdict.rule != rule:
            rule = verdict.rule
            print(f"\n{rule}", file=out)
        mark = "PASS" if verdict.passed else "FAIL"
        print(f"  {mark}  {verdict.request:<{width}}  {verdict.detail}", file=out)
    failed = sum(not verdict.passed for verdict in verdicts)
    print(f"\n{len(verdicts) - failed} PASS, {failed} FAIL", file=out)
