"""Competence frameworks, their areas, competences and levels, and the levels coordinators validate."""
