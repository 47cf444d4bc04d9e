"""Structures and mobile sessions, the map, opening hours, and the places as open data in the national schema."""
