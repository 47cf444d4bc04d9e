"""gunicorn's configuration (config/gunicorn.py), read as gunicorn reads it."""

import runpy

from gunicorn.config import Config

from .production import BASE_DIR


def load(monkeypatch, **env):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    config = Config()
    for name, value in runpy.run_path(str(BASE_DIR / "config" / "gunicorn.py")).items():
        if name in config.settings:
            config.set(name, value)
    return config


def test_address_and_workers_come_from_the_environment(monkeypatch):
    config = load(monkeypatch, GUNICORN_BIND="127.0.0.1:18001", WEB_CONCURRENCY="3")
    assert config.bind == ["127.0.0.1:18001"]
    assert config.workers == 3


def test_several_servers_on_one_host_share_no_control_socket(monkeypatch):
    assert load(monkeypatch).control_socket_disable is True
