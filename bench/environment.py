"""Where one run of the benchmark lives: a temporary directory, a database of its own (a SQLite file there, or a
new PostgreSQL database on the server of DATABASE_URL), a Redis of its own when redis-server is installed, and the
environment of the production settings that points at them. Nothing of the developer's is read or written."""

import contextlib
import os
import secrets
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit


class BenchRefused(Exception):  # noqa: N818 — domain names, as the style guide asks
    """The benchmark will not run there: it says why."""


@dataclass
class Environment:
    directory: Path
    database_url: str
    redis_url: str = ""
    variables: dict = field(default_factory=dict)

    def production(self, **extra):
        """The variables of config/settings/production.py for this run, over the current ones."""
        return {**os.environ, **self.variables, **extra}

    def generation(self):
        """The variables of bench/settings.py, which builds the data set."""
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": self.database_url,
            "BENCH_MEDIA_ROOT": str(self.directory / "media"),
        }


@contextlib.contextmanager
def throwaway(database_url="", use_redis=True, keep=False):
    """Yields the Environment of a run, and removes all of it afterwards (unless `keep`)."""
    directory = Path(tempfile.mkdtemp(prefix="gare-bench-"))
    with contextlib.ExitStack() as cleanup:
        if not keep:
            cleanup.callback(shutil.rmtree, directory, ignore_errors=True)
        if database_url:
            cleanup.enter_context(_postgres_database(database_url, keep))
        else:
            database_url = f"sqlite:///{directory / 'bench.sqlite3'}"
        redis_url = cleanup.enter_context(_redis(directory)) if use_redis and shutil.which("redis-server") else ""
        environment = Environment(directory, database_url, redis_url)
        environment.variables = {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "STATIC_ROOT": str(directory / "static"),
            "MEDIA_ROOT": str(directory / "media"),
            "EXPORTS_CACHE_DIR": str(directory / "exports"),
            # Django logs no ordinary request; WARNING keeps django-axes quiet about the benchmark's logins.
            "LOG_LEVEL": "WARNING",
        }
        yield environment


@contextlib.contextmanager
def _postgres_database(url, keep):
    """Creates the database the URL names, which must not exist yet, and drops it afterwards: the benchmark never
    writes into a database that was there before it."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if parts.scheme not in ("postgres", "postgresql", "pgsql") or not name:
        raise BenchRefused(f"DATABASE_URL doit désigner une base PostgreSQL (postgres://…/nom) : {url}")
    server = parts._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists:
            raise BenchRefused(
                f"La base « {name} » existe déjà : le banc d'essai n'écrit que dans une base qu'il crée lui-même. "
                "Choisissez un autre nom dans DATABASE_URL (elle sera créée, puis supprimée)."
            )
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield
    finally:
        if not keep:
            with psycopg.connect(server, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def _redis(directory):
    """A Redis on a Unix socket of the run's directory: nothing else shares it, and the bench may empty it."""
    socket = directory / "redis.sock"
    log = open(directory / "redis.log", "w")  # noqa: SIM115 — closed below, once the server has stopped
    process = subprocess.Popen(  # noqa: S603 — a fixed command
        [shutil.which("redis-server"), "--port", "0", "--unixsocket", str(socket), "--save", "", "--appendonly", "no"],
        cwd=directory,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(100):
            if socket.exists():
                break
            if process.poll() is not None:
                raise BenchRefused(f"redis-server s'est arrêté : voir {directory / 'redis.log'}")
            time.sleep(0.05)
        yield f"unix://{socket}?db=0"
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
