"""The load test's visitors (locust; `make loadtest`, run by `.ci/production loadtest`): anonymous people reading
the public pages (home, /outils/ and a tool sheet, /carte/, /ateliers/ and a workshop) and, now and then, signing
up for a workshop through its public form, with a new e-mail address each time. Every answer but the expected one
(200 for a page, 302 for a sign-up) counts as a failure.

Like tests/smoke/smoke.py, it plays the reverse proxy (Host, X-Forwarded-Proto, X-Forwarded-For) in front of the
servers of LOADTEST_SERVERS (space-separated base URLs), which each visitor picks in turn. Each sign-up comes from
an address of its own in X-Forwarded-For (the servers run with TRUSTED_PROXY_COUNT=1), as many people would: the
limit of sign-ups per address is not what is measured.
"""

import itertools
import os
import random
import re
import sys
import urllib.request
import uuid
from pathlib import Path

from locust import HttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.smoke.smoke import ORIGIN, PROXY_HEADERS, FormFields, Page, local_path

SERVERS = os.environ["LOADTEST_SERVERS"].split()
HEADERS = {key: value for key, value in PROXY_HEADERS.items() if key != "X-Forwarded-For"}
# The e-mail addresses of the load test's sign-ups end with this (tests/load/report.py counts them).
EMAIL_DOMAIN = "charge.example.invalid"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="(?P<token>[^"]+)"')
ADDRESSES = itertools.count(1)
VISITORS = itertools.count()

# Filled in at the start from the site's own links: no slug is written here.
SITE = {"tool_sheets": [], "workshops": [], "open_workshops": []}


def address():
    """A new visitor's address in 10.0.0.0/8, as the proxy would append it to X-Forwarded-For."""
    number = next(ADDRESSES)
    return f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"


def get_html(server, path):
    request = urllib.request.Request(server + path, headers={**HEADERS, "X-Forwarded-For": address()})  # noqa: S310
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 — the servers are http(s)
        return response.read().decode()


def is_signup_form(attrs):
    return (attrs.get("action") or "").endswith("inscription/")


@events.init.add_listener
def find_pages(**kwargs):
    """Before the clock starts: the pages to visit, from the site's own links, and every server warmed up (its
    workers' first requests, which are slow, are not what is measured). SystemExit, as locust goes on after any
    other exception in a listener."""
    try:
        for server in SERVERS:
            for path in ("/", "/outils/", "/ateliers/", "/carte/"):
                get_html(server, path)
        SITE["tool_sheets"] = [local_path(link) for link in Page(get_html(SERVERS[0], "/outils/")).card_links]
        SITE["workshops"] = [local_path(link) for link in Page(get_html(SERVERS[0], "/ateliers/")).card_links]
        SITE["open_workshops"] = [
            path
            for path in SITE["workshops"]
            if FormFields(get_html(SERVERS[0], path), is_signup_form).action is not None
        ]
    except OSError as error:
        raise SystemExit(f"the load test could not read the site: {error}") from error
    if not (SITE["tool_sheets"] and SITE["open_workshops"]):
        raise SystemExit(f"the site lists no tool sheet or no workshop open for sign-ups: {SITE}")


class Visitor(HttpUser):
    wait_time = between(0.5, 2)

    def on_start(self):
        self.server = SERVERS[next(VISITORS) % len(SERVERS)]
        self.address = address()

    def page(self, path, name):
        url, headers = self.server + path, {**HEADERS, "X-Forwarded-For": self.address}
        with self.client.get(url, name=name, headers=headers, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
            return response

    @task(3)
    def home(self):
        self.page("/", "/")

    @task(2)
    def tools(self):
        self.page("/outils/", "/outils/")

    @task(2)
    def tool_sheet(self):
        self.page(random.choice(SITE["tool_sheets"]), "a tool sheet")

    @task(1)
    def map(self):
        self.page("/carte/", "/carte/")

    @task(2)
    def workshops(self):
        self.page("/ateliers/", "/ateliers/")

    @task(2)
    def workshop(self):
        self.page(random.choice(SITE["workshops"]), "a workshop")

    @task(2)
    def sign_up(self):
        path = random.choice(SITE["open_workshops"])
        page = self.page(path, "a workshop, to sign up")
        cookie, form = page.cookies.get("csrftoken"), FormFields(page.text, is_signup_form)
        if cookie is None or form.action is None:
            return  # the failure is counted already, or the workshop just closed
        number = uuid.uuid4().hex[:12]
        fields = dict(form.fields)
        fields.update(
            first_name="Charge",
            last_name=f"Visiteur {number}",
            email=f"visiteur-{number}@{EMAIL_DOMAIN}",
            structure="Test de charge",
            commune="Langeais",
            consent="on",
        )
        headers = {
            **HEADERS,
            "X-Forwarded-For": address(),
            "Cookie": f"csrftoken={cookie}",
            "Origin": ORIGIN,
            "Referer": f"{ORIGIN}{path}",
        }
        with self.client.post(
            self.server + form.action,
            data=fields,
            headers=headers,
            name="a sign-up (POST)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"{response.status_code}")
