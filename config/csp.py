"""Content-Security-Policy (django-csp): a strict policy for the public site, its own for the Wagtail admin.

The public pages run no inline script or style at all (templates/ and */templates/ hold none; data for scripts goes
through json_script, which is not executed). The map's tiles come from MAP_TILE_URL's host; embedded videos
(the wiki's embed block) from CSP_FRAME_SOURCES.
"""

from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_PREFIX = "/admin/"


def tile_source(tile_url):
    """The CSP source of a Leaflet tile URL template: its scheme and host, `{s}.` subdomains as a wildcard."""
    parts = urlsplit(tile_url)
    host = parts.netloc.replace("{s}.", "*.")
    if not parts.scheme or not host or "{" in host:
        raise ValueError(f"MAP_TILE_URL needs a scheme and a fixed host (or {{s}}. subdomains): {tile_url}")
    return f"{parts.scheme}://{host}"


def public_directives(tile_url, frame_sources=()):
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", tile_source(tile_url)],
        "frame-src": [SELF, *frame_sources],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }


def admin_directives(public):
    """What the Wagtail admin needs beyond the public policy, measured in Chromium (tests/browser/test_csp.py).

    Wagtail 8 still writes inline scripts: each date field (`initDateChooser(…)`), each InlinePanel, and the HTML
    of its choosers' modals, whose scripts jQuery runs on insertion. They change with every field, so neither
    hashes nor nonces can list them: 'unsafe-inline' for scripts, confined to /admin/, which only signed-in
    editors reach. Styles need nothing more.
    """
    return {**public, "script-src": [SELF, UNSAFE_INLINE]}


class PathPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with CONTENT_SECURITY_POLICY_ADMIN for the admin's paths."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts
