"""Smoke test of a production deployment: two app servers behind one (simulated) reverse proxy.

    python tests/smoke/smoke.py http://127.0.0.1:18001 http://127.0.0.1:18002 --account USERNAME:PASSWORD \
        --editor USERNAME:PASSWORD --lockable USERNAME:PASSWORD

`.ci/production` runs it against two gunicorn servers that share one PostgreSQL database, with the demo loaded, and
one Redis. It stands in for the proxy: each request says `Host: gare.example` and `X-Forwarded-Proto: https`, as
the README's nginx does. On each server: the home page, a tool sheet and a workshop (followed from the links of
/outils/ and /ateliers/), /carte/ and the home page's hashed stylesheet answer 200; the security headers, Secure
cookies, the redirect of plain http and the French 404 page. Then across both: a session opened on one is read by
the other; a page published in A's admin is served fresh by B at once (the page cache in Redis is cleared on
publish); a workshop page served from that cache gives each visitor their own CSRF token, and a sign-up on A
shows on B at once; failed logins made to both lock an account on both (django-axes counts them in the
database); and the password reset limit, kept in the cache, counts the requests made to both.

Two limits come from the production settings, which a script outside Django cannot read: `.ci/production` passes
them in SMOKE_RESETS_PER_EMAIL (PASSWORD_RESET_RATE_LIMIT_PER_EMAIL) and SMOKE_LOGIN_FAILURES (AXES_FAILURE_LIMIT).

The standard library only, so it needs nothing installed; pytest never collects it (its name does not match
`test_*.py`). It prints one line per check and stops at the first failure, with exit status 1.
"""

import argparse
import itertools
import os
import re
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from email.message import Message
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

HOST = "gare.example"
ORIGIN = f"https://{HOST}"
# What the README's nginx adds; the visitor's address is from TEST-NET-3, never a real one.
PROXY_HEADERS = {"Host": HOST, "X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"}
HASHED_CSS = re.compile(r"^/static/.+\.[0-9a-f]{12}\.css$")
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="(?P<token>[^"]+)"')


EDIT_LINK = re.compile(r'href="(?P<path>/admin/pages/(?P<id>\d+)/edit/)"')
LOCKED_OUT = "Trop de tentatives de connexion ont échoué"


class CheckFailed(Exception):  # noqa: N818 — reads as what happened, like the domain's refusals
    pass


@dataclass
class Response:
    status: int
    headers: Message
    body: bytes

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    def cookies(self):
        """{name: Morsel} of every Set-Cookie header."""
        jar = SimpleCookie()
        for header in self.headers.get_all("Set-Cookie") or []:
            jar.load(header)
        return dict(jar)


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the checks read the redirects themselves


OPENER = urllib.request.build_opener(_KeepRedirects)


def fetch(base, path, *, secure=True, form=None, cookies=None, headers=None):
    headers = {**PROXY_HEADERS, **(headers or {})}
    if not secure:
        del headers["X-Forwarded-Proto"]
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    data = urlencode(form).encode() if form is not None else None  # a dict or (name, value) pairs
    request = urllib.request.Request(base + path, data=data, headers=headers)  # noqa: S310 — base is http(s)
    try:
        with OPENER.open(request, timeout=30) as response:
            return Response(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:  # redirects and errors are answers too
        with error:
            return Response(error.code, error.headers, error.read())


class Page(HTMLParser):
    """What the checks read in a page: its language, its stylesheets, and the links of its cards' titles."""

    def __init__(self, html):
        super().__init__()
        self.lang, self.stylesheets, self.card_links = None, [], []
        self._in_card_title = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "link" and "stylesheet" in (attrs.get("rel") or "").split():
            self.stylesheets.append(attrs.get("href") or "")
        elif tag == "h3" and "card-title" in (attrs.get("class") or "").split():
            self._in_card_title = True
        elif tag == "a" and self._in_card_title and attrs.get("href"):
            self.card_links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "h3":
            self._in_card_title = False


def local_path(href):
    parts = urlsplit(href)
    if parts.netloc not in ("", HOST):
        raise CheckFailed(f"{href} leaves the site")
    return parts.path


def expect_status(response, status, what):
    if response.status != status:
        raise CheckFailed(f"{what} answered {response.status}, not {status}")
    return response


def get_page(base, path):
    return expect_status(fetch(base, path), 200, path)


def check_page(base, path):
    get_page(base, path)


def check_listed(base, listing):
    """The first page of a listing answers: found by the site's own links, so no slug is written here."""
    links = Page(get_page(base, listing).text).card_links
    if not links:
        raise CheckFailed(f"{listing} lists no page")
    path = local_path(links[0])
    get_page(base, path)
    return path


def wait_until_answering(base, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            return fetch(base, "/").status
        except OSError as error:  # refused or cut off while the workers start
            if time.monotonic() > deadline:
                raise CheckFailed(f"no answer in {seconds} s: {error}") from error
            time.sleep(0.5)


def csp_directives(header):
    directives = {}
    for directive in header.split(";"):
        name, *sources = directive.split()
        directives[name.lower()] = sources
    return directives


def check_security_headers(base):
    headers = get_page(base, "/").headers
    csp = headers.get("Content-Security-Policy")
    if not csp:
        raise CheckFailed("no Content-Security-Policy")
    directives = csp_directives(csp)
    scripts = directives.get("script-src", directives.get("default-src", []))
    if not scripts or "'unsafe-inline'" in scripts:
        raise CheckFailed(f"script-src allows inline scripts: {csp}")
    max_age = re.search(r"max-age=(\d+)", headers.get("Strict-Transport-Security") or "")
    if not max_age or int(max_age[1]) == 0:
        raise CheckFailed(f"Strict-Transport-Security: {headers.get('Strict-Transport-Security')}")
    if headers.get("X-Content-Type-Options") != "nosniff":
        raise CheckFailed(f"X-Content-Type-Options: {headers.get('X-Content-Type-Options')}")
    if not headers.get("Referrer-Policy"):
        raise CheckFailed("no Referrer-Policy")
    if headers.get("X-Frame-Options") not in ("DENY", "SAMEORIGIN") and "frame-ancestors" not in directives:
        raise CheckFailed("framing is allowed: neither X-Frame-Options nor CSP frame-ancestors")
    frame_options = headers.get("X-Frame-Options")
    return f"CSP script-src {' '.join(scripts)}, HSTS max-age={max_age[1]}, X-Frame-Options {frame_options}"


def check_static_file(base):
    stylesheets = [href for href in Page(get_page(base, "/").text).stylesheets if HASHED_CSS.match(local_path(href))]
    if not stylesheets:
        raise CheckFailed("the home page links no hashed stylesheet under /static/")
    path = local_path(stylesheets[0])
    response = get_page(base, path)
    if not response.headers.get("Content-Type", "").startswith("text/css") or not response.body:
        raise CheckFailed(f"{path} is served as {len(response.body)} bytes of {response.headers.get('Content-Type')}")
    if "immutable" not in response.headers.get("Cache-Control", ""):
        raise CheckFailed(f"{path} is not cached for good: {response.headers.get('Cache-Control')}")
    return f"{path}, {len(response.body)} bytes"


def check_secure_cookies(base):
    cookies = fetch(base, "/compte/login/").cookies()
    if "csrftoken" not in cookies:
        raise CheckFailed("the login page set no csrftoken cookie")
    insecure = [name for name, morsel in cookies.items() if not morsel["secure"]]
    if insecure:
        raise CheckFailed(f"cookies without Secure: {', '.join(insecure)}")
    return ", ".join(cookies)


def check_https_redirect(base):
    response = fetch(base, "/outils/", secure=False)
    location = response.headers.get("Location")
    if response.status != 301 or location != f"{ORIGIN}/outils/":
        raise CheckFailed(f"plain http answered {response.status} to {location}")
    return location


def check_not_found(base):
    response = expect_status(fetch(base, "/cette-page-n-existe-pas/"), 404, "an unknown URL")
    if Page(response.text).lang != "fr" or "Page introuvable" not in response.text:
        raise CheckFailed("the 404 page is not the site's French one")


@dataclass
class Form:
    """A form page's CSRF cookie and token, to post it like a browser, to any of the servers."""

    path: str
    cookie: str
    token: str

    @classmethod
    def get(cls, base, path):
        page = get_page(base, path)
        cookie, token = page.cookies().get("csrftoken"), CSRF_FIELD.search(page.text)
        if cookie is None or token is None:
            raise CheckFailed(f"{path} has no CSRF cookie and token")
        return cls(path, cookie.value, token["token"])

    def post(self, base, fields, headers=None):
        return fetch(
            base,
            self.path,
            form={"csrfmiddlewaretoken": self.token, **fields},
            cookies={"csrftoken": self.cookie},
            headers={"Origin": ORIGIN, "Referer": f"{ORIGIN}{self.path}", **(headers or {})},
        )


class FormFields(HTMLParser):
    """The fields a browser would post from the first form whose attributes `is_wanted` (a function of their dict),
    as (name, value) pairs: inputs (checked boxes and radios only, no buttons), textareas and selects (their selected
    options), in the page's order; and the form's action."""

    def __init__(self, html, is_wanted):
        super().__init__()
        self.is_wanted, self.action, self.fields = is_wanted, None, []
        self._in_form, self._textarea, self._select = False, None, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_form = self.action is None and self.is_wanted(attrs)
            if self._in_form:
                self.action = attrs.get("action") or ""
        if not self._in_form or ("name" not in attrs and tag != "option"):
            return
        kind = (attrs.get("type") or "text").lower()
        if tag == "input" and kind not in ("submit", "button", "image", "reset", "file"):
            if kind not in ("checkbox", "radio") or "checked" in attrs:
                self.fields.append((attrs["name"], attrs.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select is not None and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value") or ""))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self.fields.append((name, text.removeprefix("\n")))  # the newline after <textarea> is not content
            self._textarea = None
        elif tag == "select":
            self._select = None


def admin_cookies(base, account):
    """Logs `account` in to the admin of `base`; returns its cookies: session and CSRF."""
    username, password = account
    form = Form.get(base, "/admin/login/")
    response = form.post(base, {"username": username, "password": password})
    cookies = {"csrftoken": form.cookie, **{name: morsel.value for name, morsel in response.cookies().items()}}
    if response.status != 302 or "sessionid" not in cookies:
        raise CheckFailed(f"{username} could not log in to the admin (it answered {response.status})")
    return cookies


def check_publication_is_fresh(server_a, server_b, editor, listing="/ateliers/"):
    """A page published through A's admin is served new by B at once. B first serves it to an anonymous visitor,
    which puts it in the shared page cache; publishing on A clears that cache (home/cache.py). The page is found by
    the « Modifier cette page » link that the site shows its editor, and edited with the admin's plain form, as a
    browser without JavaScript posts it; its `intro` gets a text new on each run."""
    cookies = admin_cookies(server_a, editor)
    edit_link = EDIT_LINK.search(expect_status(fetch(server_a, listing, cookies=cookies), 200, listing).text)
    if edit_link is None:
        raise CheckFailed(f"{listing} shows {editor[0]} no link to its editor")
    editor_page = expect_status(fetch(server_a, edit_link["path"], cookies=cookies), 200, edit_link["path"])
    cookies.update({name: morsel.value for name, morsel in editor_page.cookies().items()})
    form = FormFields(editor_page.text, lambda attrs: attrs.get("id") == "page-edit-form")
    if not {"intro", "csrfmiddlewaretoken"} <= {name for name, _ in form.fields}:
        raise CheckFailed(f"the editor of page {edit_link['id']} has no intro field or no CSRF token")
    intro = f"Smoke test {uuid.uuid4().hex[:12]}: published on A."
    if get_page(server_b, listing).cookies():  # home/cache.py keeps no page that sets a cookie
        raise CheckFailed(f"B's {listing} sets a cookie: never cached, so its freshness would prove nothing")
    posted = [(name, intro if name == "intro" else value) for name, value in form.fields]
    published = fetch(
        server_a,
        form.action or edit_link["path"],
        form=[*posted, ("action-publish", "action-publish")],
        cookies=cookies,
        headers={"Origin": ORIGIN, "Referer": f"{ORIGIN}{edit_link['path']}"},
    )
    if published.status != 302:
        raise CheckFailed(f"publishing page {edit_link['id']} on A answered {published.status}, not 302")
    if intro not in get_page(server_b, listing).text:
        raise CheckFailed(f"B still serves the old {listing} after the publication on A")
    return f"page {edit_link['id']} ({listing}) published by {editor[0]} on A, new on B at once"


PLACES = re.compile(r"(?P<count>\d+) places? disponibles?")


def check_cached_signup_page(server_a, server_b, listing="/ateliers/"):
    """A workshop page open for sign-ups comes from the shared page cache with a CSRF token of each visitor's own;
    a visitor posts B's copy to A without JavaScript, and B shows one place fewer at once."""
    for href in Page(get_page(server_b, listing).text).card_links:
        path = local_path(href)
        if (places := PLACES.search(get_page(server_b, path).text)) is not None:
            break
    else:
        raise CheckFailed(f"no workshop of {listing} is open for sign-ups")
    visitors = [Form.get(server_b, path) for _ in range(2)]  # the second, at least, from the cache
    if visitors[0].token == visitors[1].token or visitors[0].cookie == visitors[1].cookie:
        raise CheckFailed(f"two visitors of {path} got the same CSRF token")
    form = FormFields(get_page(server_b, path).text, lambda attrs: attrs.get("method") == "post")
    person = {
        "first_name": "Smoke",
        "last_name": uuid.uuid4().hex[:8],
        "email": f"smoke-{uuid.uuid4().hex[:12]}@example.invalid",
        "commune": "Valenciennes",
        "structure": "Test de fumée",
        "consent": "on",
    }
    fields = {**dict(form.fields), **person}
    del fields["csrfmiddlewaretoken"]
    signup = Form(form.action, visitors[1].cookie, visitors[1].token)
    expect_status(signup.post(server_a, fields), 302, f"the sign-up posted to A from B's copy of {path}")
    left = PLACES.search(get_page(server_b, path).text)
    if left is None or int(left["count"]) != int(places["count"]) - 1:
        raise CheckFailed(f"B still shows {places['count']} places on {path} after a sign-up on A")
    return f"{path}: a token per visitor from the cache; signed up on A, places left on B at once: {left['count']}"


def check_shared_session(server_a, server_b, account):
    """A session opened by one server is read by the other: they share the sessions (in Redis), the SECRET_KEY that
    signs them and the accounts (in PostgreSQL). The login form comes from A and is posted to B, as a visitor whose
    requests the proxy spreads over both would do."""
    username, password = account
    expect_status(fetch(server_a, "/compte/profil/"), 302, "A's /compte/profil/ without a session")
    login = Form.get(server_a, "/compte/login/").post(server_b, {"username": username, "password": password})
    session = login.cookies().get("sessionid")
    if login.status != 302 or session is None:
        raise CheckFailed(f"B did not log {username} in with the form from A (it answered {login.status})")
    if not (session["secure"] and session["httponly"]):
        raise CheckFailed("the session cookie is not Secure and HttpOnly")
    expect_status(
        fetch(server_a, "/compte/profil/", cookies={"sessionid": session.value}),
        200,
        "A's /compte/profil/ with the session opened on B",
    )
    return f"{username} logged in on B, recognised on A"


def check_shared_lockout(server_a, server_b, account, failures):
    """Failed logins are counted in the database, so the servers count them together: `failures` wrong passwords,
    in turn on A and B, lock the account on both, even to its right password. Each attempt comes from an address of
    its own, so that only the lock per account (not the one per address) can be what refuses. The account is one
    that nothing else uses: it stays locked for AXES_COOLOFF_TIME."""
    username, password = account
    form = Form.get(server_a, "/compte/login/")
    addresses = (f"198.51.100.{host}" for host in itertools.count(1))  # TEST-NET-2, none of them real
    servers = itertools.cycle((server_a, server_b))
    for attempt in range(1, failures + 1):
        response = form.post(
            next(servers), {"username": username, "password": "not-" + password}, {"X-Forwarded-For": next(addresses)}
        )
        if response.status != (429 if attempt == failures else 200):
            raise CheckFailed(f"wrong password {attempt} of {failures} answered {response.status}")
    for name, server in (("A", server_a), ("B", server_b)):
        response = form.post(server, {"username": username, "password": password}, {"X-Forwarded-For": next(addresses)})
        if response.status != 429 or LOCKED_OUT not in response.text:
            raise CheckFailed(f"{name} answered {response.status} to the right password, not 429 « {LOCKED_OUT} »")
    return f"{failures} wrong passwords in turn on A and B; the right one then refused on both (429, in French)"


def check_shared_cache(server_a, server_b, resets_per_email):
    """The password reset's limit per e-mail lives in the cache only: its requests, spread over both servers, are
    counted together. An unknown address, new on each run, so that no one gets an e-mail and nothing carries over."""
    email = f"smoke-{uuid.uuid4().hex[:12]}@example.invalid"
    form = Form.get(server_a, "/compte/password_reset/")
    servers = itertools.cycle((server_a, server_b))
    for attempt in range(1, resets_per_email + 1):
        expect_status(form.post(next(servers), {"email": email}), 302, f"password reset request {attempt}")
    refused = form.post(next(servers), {"email": email})
    expect_status(refused, 429, f"password reset request {resets_per_email + 1}, beyond the limit")
    return f"{resets_per_email} requests in turn on A and B, the next one refused"


def checks(servers, arguments):
    """(label, function) pairs, in order; a function returns an optional detail or raises CheckFailed."""
    for name, base in servers.items():
        yield f"{name} answers", lambda base=base: f"{base}, / answered {wait_until_answering(base)}"
        yield f"{name} home page", lambda base=base: check_page(base, "/")
        yield f"{name} security headers", lambda base=base: check_security_headers(base)
        yield f"{name} stylesheet from the home page", lambda base=base: check_static_file(base)
        for kind, listing in (("tool sheet", "/outils/"), ("workshop", "/ateliers/")):
            yield f"{name} a {kind} listed on {listing}", lambda base=base, listing=listing: check_listed(base, listing)
        yield f"{name} the map /carte/", lambda base=base: check_page(base, "/carte/")
        yield f"{name} cookies are Secure", lambda base=base: check_secure_cookies(base)
        yield f"{name} plain http redirects to https", lambda base=base: check_https_redirect(base)
        yield f"{name} French 404 page", lambda base=base: check_not_found(base)
    server_a, server_b = servers.values()
    yield "A and B share sessions and accounts", lambda: check_shared_session(server_a, server_b, arguments.account)
    yield (
        "a page published on A is fresh on B",
        lambda: check_publication_is_fresh(server_a, server_b, arguments.editor),
    )
    yield "a sign-up on A shows on B's cached workshop page", lambda: check_cached_signup_page(server_a, server_b)
    yield (
        "A and B share the login lockout",
        lambda: check_shared_lockout(server_a, server_b, arguments.lockable, arguments.login_failures),
    )
    yield "A and B share the cache", lambda: check_shared_cache(server_a, server_b, arguments.resets_per_email)


def credentials(text):
    username, _, password = text.partition(":")
    return username, password


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("server_a")
    parser.add_argument("server_b")
    parser.add_argument("--account", required=True, type=credentials, help="USERNAME:PASSWORD that may log in")
    parser.add_argument("--editor", required=True, type=credentials, help="USERNAME:PASSWORD, may publish /ateliers/")
    parser.add_argument("--lockable", required=True, type=credentials, help="USERNAME:PASSWORD that nothing else uses")
    arguments = parser.parse_args()
    arguments.resets_per_email = int(os.environ["SMOKE_RESETS_PER_EMAIL"])
    arguments.login_failures = int(os.environ["SMOKE_LOGIN_FAILURES"])
    for label, check in checks({"A": arguments.server_a, "B": arguments.server_b}, arguments):
        try:
            detail = check()
        except (CheckFailed, OSError) as failure:  # OSError: a server that stops answering
            print(f"FAIL  {label}: {failure}")
            sys.exit(1)
        print(f"ok    {label}" + (f" ({detail})" if detail else ""))
    print("smoke test passed")


if __name__ == "__main__":
    main()
