"""Open Badges 2.0 for validated levels: issue, revoke, and their public verification."""
