"""The monthly digest by e-mail: double opt-in subscriptions without an account, the monthly sending, one-click
unsubscription."""
