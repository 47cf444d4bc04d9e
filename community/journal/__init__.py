"""The journal de bord, and what coordinators draw from it: récit collectif, cadre de référence, job profiles."""
