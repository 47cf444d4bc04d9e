"""Structures and the map, members, the journal de bord and the competence framework."""
