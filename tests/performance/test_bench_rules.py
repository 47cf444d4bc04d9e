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


def download(ratio, median_ms):
    """The map's GeoJSON, served at this share of the rate of the same bytes as a static file."""
    served = {"name": "carte GeoJSON", "uncached": {"median_ms": median_ms}, "static_copy": {"rps": 1}}
    return {**row(4, 0, ratio), **served}


def test_a_download_ten_times_larger_is_judged_beside_its_static_copy_at_each_scale():
    small = {"scale": 1, "requests": [download(0.65, 85.0)]}
    kept_pace = {"scale": 10, "requests": [download(0.98, 904.0)]}
    (_queries, served) = rules.check_scales(small, kept_pace)
    assert served.passed and "65% → 98% du même fichier statique" in served.detail
    fell_behind = {"scale": 10, "requests": [download(0.30, 904.0)]}
    (_queries, served) = rules.check_scales(small, fell_behind)
    assert not served.passed
