"""The benchmark's verdicts (bench/rules.py): a page built out of the page cache is judged on the queries a running
site makes for it (what every page shares still kept), and two scales on both counts."""

from bench import rules


def row(queries, warm, ratio=0.06):
    return {
        "name": "fiche outil",
        "anonymous": True,
        "cacheable": False,
        "ratio_uncached": ratio,
        "queries": queries,
        "warm_queries": warm,
        "uncached": {"median_ms": 20.0, "p95_ms": 22.0},
        "cached": None,
    }


def verdict(results):
    (found,) = [each for each in rules.check_run(results) if each.rule.startswith("page sans cache")]
    return found


def test_an_uncached_page_is_judged_on_its_queries_with_the_shared_fragments_kept():
    assert verdict({"requests": [row(queries=14, warm=5)]}).passed
    assert not verdict({"requests": [row(queries=14, warm=11)]}).passed
    assert not verdict({"requests": [row(queries=5, warm=5, ratio=0.04)]}).passed


def test_two_scales_must_agree_on_both_counts():
    small, large = {"scale": 1, "requests": [row(14, 5)]}, {"scale": 10, "requests": [row(14, 6)]}
    (same_queries, _median) = rules.check_scales(small, large)
    assert not same_queries.passed and "5 → 6 à chaud" in same_queries.detail
