"""The last answers: a database that is overloaded or down is a 503 to retry, any other failure a 500."""

import sys

from django.db import OperationalError
from django.http import HttpResponseServerError
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import requires_csrf_token

# Seconds a person (or a client) is told to wait before trying again after a 503.
RETRY_AFTER = 5


@requires_csrf_token
def server_error(request):
    """Django's handler500, called while the exception is handled. The templates query nothing."""
    if _comes_from_the_database(sys.exc_info()[1]):
        response = HttpResponseServerError(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER)
    else:
        response = HttpResponseServerError(loader.render_to_string("500.html"))
    add_never_cache_headers(response)
    return response


def _comes_from_the_database(error):
    """Whether the database failed (locked, unreachable), even beneath another exception."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, OperationalError):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False
