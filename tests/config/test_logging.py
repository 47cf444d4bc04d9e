"""Private tokens never reach the logs: Django's (a 404 on a private link) and gunicorn's (its access log)."""

import datetime
import io
import logging
import re
from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver
from gunicorn.config import Config

from config.gunicorn import RedactingLogger
from config.logging import RedactPrivateTokens, redact

TOKEN = "Zq8pX2vN4kLm7RtY9wBc3dFg6hJs1aEu"
UIDB64 = "MTIz"


@pytest.fixture
def log_output():
    """What the configured console handler writes, while the test runs."""
    handler = next(h for h in logging.getLogger().handlers if _redacts(h))
    output = io.StringIO()
    previous = handler.setStream(output)
    yield output
    handler.setStream(previous)


def _redacts(handler):
    return any(isinstance(existing, RedactPrivateTokens) for existing in handler.filters)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        f"/inscription/{TOKEN}/avis/",
        f"/inscription/{TOKEN}/",
        f"/inscription/parcours/{TOKEN}/",
        f"/compte/invitation/{TOKEN}/",
    ],
)
def test_a_404_on_a_private_link_leaves_no_token_in_the_log(client, home, log_output, url):
    assert client.get(url).status_code == 404
    output = log_output.getvalue()
    assert "Not Found: " in output
    assert TOKEN not in output
    assert "[token]" in output


def test_every_handler_that_django_configured_redacts():
    loggers = [logging.getLogger(), *(logging.getLogger(name) for name in logging.root.manager.loggerDict)]
    handlers = {
        (logger.name, handler)
        for logger in loggers
        for handler in getattr(logger, "handlers", [])
        # pytest's own capture, and libraries' handlers that write nothing
        if not type(handler).__module__.startswith("_pytest") and not isinstance(handler, logging.NullHandler)
    }
    assert handlers
    assert all(_redacts(handler) for _, handler in handlers), handlers


def _routes(patterns, prefix="/"):
    for entry in patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _routes(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            yield prefix + route


def test_every_private_link_of_the_site_is_redacted():
    """A new URL with a token, anywhere in the site, fails here until config/logging.py knows it."""
    private = [route for route in _routes(get_resolver().url_patterns) if re.search(r"<(\w+:)?(token|uidb64)>", route)]
    assert len(private) >= 6
    for route in private:
        path = re.sub(r"<(\w+:)?token>", TOKEN, re.sub(r"<(\w+:)?uidb64>", UIDB64, route))
        for line in (path, f"Not Found: {path}", f'"GET {path} HTTP/1.1" 404', f"https://gare.example{path}"):
            assert TOKEN not in redact(line), route
            assert UIDB64 not in redact(line), route


def test_public_paths_are_left_alone():
    for path in ("/ateliers/ecrire-a-plusieurs/inscription/merci/", "/compte/login/", "/badges/emetteur.json"):
        assert redact(f"Not Found: {path}") == f"Not Found: {path}"


def test_the_record_s_request_is_redacted_and_the_request_itself_left_as_it_was():
    request = RequestFactory().get(f"/inscription/{TOKEN}/", HTTP_REFERER=f"https://gare.example/inscription/{TOKEN}/")
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Not Found: %s", (request.path,), None)
    record.request = request
    RedactPrivateTokens().filter(record)
    assert TOKEN not in record.getMessage()
    assert TOKEN not in record.request.path + record.request.path_info + record.request.get_full_path()
    assert TOKEN not in record.request.META["PATH_INFO"] + record.request.META["HTTP_REFERER"]
    assert request.path == f"/inscription/{TOKEN}/"


def test_gunicorn_s_access_and_error_logs_leave_no_token(tmp_path):
    config = Config()
    config.set("accesslog", str(tmp_path / "access.log"))
    config.set("errorlog", str(tmp_path / "error.log"))
    logger = RedactingLogger(config)
    path = f"/inscription/{TOKEN}/avis/"
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"{path}?note=5",
        "PATH_INFO": path,
        "QUERY_STRING": "note=5",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.5",
        "HTTP_REFERER": f"https://gare.example/inscription/{TOKEN}/",
    }
    response = SimpleNamespace(status="404 Not Found", sent=1234, headers=[])
    logger.access(response, SimpleNamespace(headers=[]), environ, datetime.timedelta(milliseconds=12))
    logger.error("Error handling request %s", path)
    for handler in (*logger.access_log.handlers, *logger.error_log.handlers):
        handler.flush()

    access = (tmp_path / "access.log").read_text()
    assert '"GET /inscription/[token]/avis/?note=5 HTTP/1.1" 404 1234' in access
    assert TOKEN not in access
    error = (tmp_path / "error.log").read_text()
    assert "Error handling request /inscription/[token]/avis/" in error
    assert TOKEN not in error
