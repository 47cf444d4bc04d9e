"""Throughput: gunicorn as production runs it (config/gunicorn.py, 2 workers, the production settings) on the
loopback, and a short bounded load on each URL at a fixed concurrency, with `wrk` when it is installed (Debian
package `wrk`), else a small Python load generator (threads of http.client), slower than wrk: its figures are lower
bounds, the static file's most of all.

A static file served by the same server (WhiteNoise) is measured first and last: each URL's rate is compared with
their mean. Uncached means the page cache skipped: the benchmark adds a query string that no view reads
(`?sans-cache=1`), as the cache never serves a request that has one; the other caches stay warm.
"""

import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.client import HTTPConnection
from pathlib import Path

UNCACHED_QUERY = "sans-cache=1"


class NoAnswer(Exception):  # noqa: N818 — domain names, as the style guide asks
    """The server did not answer 200: an error, or a worker killed by gunicorn's timeout (30 s) mid-request."""


def uncached(path):
    return f"{path}{'&' if '?' in path else '?'}{UNCACHED_QUERY}"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    """gunicorn started with `config/gunicorn.py`, its log in the run's directory."""

    def __init__(self, environment, workers=2):
        self.port = free_port()
        self.log_path = Path(environment.directory) / "gunicorn.log"
        self.environ = environment.production(GUNICORN_BIND=f"127.0.0.1:{self.port}", WEB_CONCURRENCY=str(workers))
        self.workers = workers
        self.process = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.log = open(self.log_path, "w")
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        self.process = subprocess.Popen(  # noqa: S603 — the project's own gunicorn
            [gunicorn, "-c", "config/gunicorn.py", "config.wsgi"],
            env=self.environ,
            cwd=Path(__file__).resolve().parent.parent,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while self.log_path.read_text().count("Booting worker") < self.workers:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn n'a pas démarré : voir {self.log_path}")
            time.sleep(0.2)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()

    def get(self, path, headers=None):
        """One request; raises unless it answers 200."""
        request = urllib.request.Request(self.base_url + path, headers=headers or {})  # noqa: S310 — see below
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 — our own server on the loopback
            response.read()

    def on_each_worker(self, path, headers):
        """As many requests at once as there are workers, answered: each worker has served the path (roughly:
        gunicorn gives a request to the first worker free), and none is still busy with an earlier one."""
        failures = []

        def get():
            try:
                self.get(path, headers)
            except OSError as error:  # urllib's HTTPError for a status other than 200, as much as a refused connection
                failures.append(error)

        threads = [threading.Thread(target=get) for _ in range(self.workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if failures:
            raise NoAnswer(f"{path} : {failures[0]}")


def load_generator():
    """The name and version of what makes the load."""
    if shutil.which("wrk"):
        version = subprocess.run([shutil.which("wrk"), "--version"], capture_output=True, text=True).stdout  # noqa: S603
        version = version.split("[")[0]
        return version.strip() or "wrk"
    return "python (http.client, threads)"


def rate(server, path, seconds, connections, headers=None):
    """Requests per second that the server answers on `path` for `seconds`, `connections` at a time."""
    headers = headers or {}
    try:
        server.on_each_worker(path, headers)  # first-request costs (templates, translations…) are not measured
    except NoAnswer as failure:
        return {"rps": 0.0, "requests": 0, "errors": server.workers, "failure": str(failure)}
    if shutil.which("wrk"):
        measured = _wrk(server.base_url + path, seconds, connections, headers)
    else:
        measured = _python(server.port, path, seconds, connections, headers)
    try:
        server.on_each_worker(path, headers)  # and the requests still running do not slow the next measure down
    except NoAnswer as failure:
        measured["failure"] = str(failure)
    return measured


def _wrk(url, seconds, connections, headers):
    command = [shutil.which("wrk"), "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s", "--latency", url]
    for name, value in headers.items():
        command[1:1] = ["-H", f"{name}: {value}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603 — wrk
    requests = int(re.search(r"(\d+) requests in", output)[1])
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": round(float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]), 1),
        "requests": requests,
        "errors": (int(bad[1]) if bad else 0) + (int(socket_errors[1]) + int(socket_errors[4]) if socket_errors else 0),
        "latency_p50": _wrk_percentile(output, "50%"),
        "latency_p99": _wrk_percentile(output, "99%"),
    }


def _wrk_percentile(output, label):
    found = re.search(rf"^\s+{re.escape(label)}\s+(\S+)\s*$", output, re.MULTILINE)
    return found[1] if found else None


def _python(port, path, seconds, connections, headers):
    done, errors = [0] * connections, [0] * connections
    stop = time.monotonic() + seconds

    def visitor(number):
        while time.monotonic() < stop:
            connection = HTTPConnection("127.0.0.1", port, timeout=60)
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status == 200:
                done[number] += 1
            else:
                errors[number] += 1

    start = time.monotonic()
    threads = [threading.Thread(target=visitor, args=(number,)) for number in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - start
    return {"rps": round(sum(done) / elapsed, 1), "requests": sum(done), "errors": sum(errors)}
