"""Benchmarks: `make bench` measures public pages as the content grows (time and number of queries)."""
