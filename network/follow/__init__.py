"""Following a wiki page, a tool sheet, the workshop agenda or a journey: a digest by e-mail of what changed, daily or
weekly, for visitors (by e-mail, double opt-in) and members (their account's address)."""
