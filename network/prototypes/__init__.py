"""Prototypes built by the centres' digital communities, and their adoption by other structures."""
