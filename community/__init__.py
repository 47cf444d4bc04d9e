"""The network's people and places: a package of small Django apps, one per domain.

Imports run one way, each app using only those listed before it: members, organisation, places, competences,
badges, journal (tests/test_architecture.py keeps it so).
"""
