"""Large files the site builds from a topic of the shared cache (the open-data downloads), kept on each server's own
disk (EXPORTS_CACHE_DIR) rather than in the shared cache: a server then sends one with sendfile, as it would a static
file, instead of fetching and unpickling megabytes from Redis for each request.

The servers share no disk, but they share the topic's version (core/fragments.py): a file is named after it, so an
edit makes every server's copy stale at once, and each builds its own again on the next request. A file appears
under its name only once written in full (written beside it, then renamed), so that no request reads half of one;
writing it removes the copies it supersedes.
"""

import hashlib
import os
import tempfile
import time
from pathlib import Path

from django.conf import settings

from core import fragments


def _digest(*parts):
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def open_file(topic, name, build, edition):
    """The file of `build()`'s bytes, open for reading: the one on disk while `topic` and `edition` (the day of what
    the file states) are unchanged, and it is younger than a fragment of the cache may be; else written again."""
    directory = Path(settings.EXPORTS_CACHE_DIR)
    series = _digest(topic, name)
    path = directory / f"{series}.{_digest(fragments.version(topic), edition)}"
    try:
        file = path.open("rb")
    except FileNotFoundError:
        return _write(directory, series, path, build())
    if time.time() - os.fstat(file.fileno()).st_mtime < fragments.FRAGMENT_SECONDS:
        return file
    file.close()
    return _write(directory, series, path, build())


def etag(file):
    """An entity tag of a file open_file gave, as a web server makes one for a static file (mtime and size): a copy
    written again, here or on another server, has another."""
    status = os.fstat(file.fileno())
    return f'"{status.st_mtime_ns:x}-{status.st_size:x}"'


def _write(directory, series, path, content):
    """Writes `content` to a temporary file beside `path`, renames it to `path` and returns it open: the rename is
    atomic, and the open file stays whole even if another worker removes or replaces `path` meanwhile."""
    directory.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=f".{series}.")
    file = os.fdopen(descriptor, "w+b")
    try:
        file.write(content)
        file.flush()
        os.fsync(descriptor)
        os.replace(temporary, path)
    except BaseException:
        file.close()
        Path(temporary).unlink(missing_ok=True)
        raise
    for stale in directory.glob(f"{series}.*"):
        if stale != path:
            stale.unlink(missing_ok=True)
    file.seek(0)
    return file
