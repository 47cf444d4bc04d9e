"""Links that leave the site in e-mails and documents (invitations, sign-ups, badge ids)."""

from django.conf import settings


def absolute_url(path):
    """The path on the configured site address, never on a request's Host header, which a visitor chooses.

    An address that is already absolute (a page on another site of the instance) is kept as it is.
    """
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
