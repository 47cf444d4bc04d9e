"""The open-data downloads are sent from a file on the server's own disk (core/export_files.py), as a static file is:
written once per change of the places, whole before it can be read, the copies it supersedes removed, with the
headers the downloads always had and an ETag that spares a harvester a download it already has."""

import datetime
import json
import os
from pathlib import Path

import pytest
from django.core.signals import request_finished
from django.http import FileResponse
from django.utils import timezone

from community.places.models import Structure
from core import export_files, fragments
from tests.community.places import factories as make

pytestmark = pytest.mark.django_db

LICENCE = '<https://www.etalab.gouv.fr/licence-ouverte-open-licence>; rel="license"'
DOWNLOADS = {
    "/carte/lieux.geojson": ("application/geo+json", "lieux.geojson", True),
    "/carte/lieux.json": ("application/json", "lieux.json", True),
    "/carte/lieux.csv": ("text/csv; charset=utf-8", "lieux.csv", True),
    "/carte/permanences.ics": ("text/calendar; charset=utf-8", "permanences.ics", False),
}


@pytest.fixture
def directory(settings, tmp_path):
    settings.EXPORTS_CACHE_DIR = tmp_path / "exports"  # not made yet: the first download makes it
    return settings.EXPORTS_CACHE_DIR


@pytest.fixture
def association(home):
    structure = make.structure(name="Le Lien numérique")
    make.permanence(structure)
    return structure


def files(directory):
    """Every file of the directory, temporary ones included."""
    return sorted(path.name for path in directory.iterdir())


@pytest.mark.parametrize("url", DOWNLOADS)
def test_a_download_is_sent_as_a_file_with_the_headers_it_always_had(client, association, directory, url):
    content_type, name, is_open_data = DOWNLOADS[url]
    response = client.get(url)
    body = response.getvalue()
    assert isinstance(response, FileResponse)
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'inline; filename="{name}"'
    assert int(response["Content-Length"]) == len(body)
    assert "Le Lien numérique" in body.decode()
    assert (response.get("Access-Control-Allow-Origin"), response.get("Link")) == (
        ("*", LICENCE) if is_open_data else (None, None)
    )
    [written] = files(directory)
    assert (directory / written).read_bytes() == body


@pytest.mark.parametrize("url", DOWNLOADS)
def test_a_file_is_written_once_then_sent_again_without_a_query(
    client, association, directory, django_assert_num_queries, url
):
    first = client.get(url).getvalue()
    written = {path: path.stat().st_mtime_ns for path in directory.iterdir()}
    with django_assert_num_queries(0):
        again = client.get(url).getvalue()
    assert again == first
    assert {path: path.stat().st_mtime_ns for path in directory.iterdir()} == written


def test_each_address_of_the_site_has_its_own_file(client, association, directory, settings, django_assert_num_queries):
    settings.ALLOWED_HOSTS = ["testserver", "autre.example.org"]
    here = client.get("/carte/lieux.geojson").getvalue()
    there = client.get("/carte/lieux.geojson", HTTP_HOST="autre.example.org").getvalue()
    assert b"http://testserver/carte/" in here and b"http://autre.example.org/carte/" not in here
    assert b"http://autre.example.org/carte/" in there
    assert len(files(directory)) == 2
    with django_assert_num_queries(0):  # the other address's file did not replace this one's
        assert client.get("/carte/lieux.geojson").getvalue() == here


def test_a_change_is_in_the_next_download_and_the_stale_file_is_removed(client, association, directory):
    client.get("/carte/lieux.geojson").getvalue()
    [before] = files(directory)
    association.name = "Le Lien numérique de Cinq-Mars"
    association.save()
    body = client.get("/carte/lieux.geojson").getvalue()
    assert "Le Lien numérique de Cinq-Mars" in body.decode()
    [after] = files(directory)
    assert after != before and (directory / after).read_bytes() == body


def test_the_next_day_has_a_file_of_its_own_and_yesterdays_is_removed(client, association, directory, monkeypatch):
    client.get("/carte/permanences.ics").getvalue()
    [today] = files(directory)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda: tomorrow)
    client.get("/carte/permanences.ics").getvalue()
    assert len(files(directory)) == 1 and files(directory) != [today]


def test_a_change_no_signal_sees_shows_once_the_file_is_as_old_as_a_cached_fragment(client, association, directory):
    client.get("/carte/lieux.csv").getvalue()
    Structure.objects.filter(pk=association.pk).update(name="Renommé en masse")  # no post_save
    assert "Renommé en masse" not in client.get("/carte/lieux.csv").getvalue().decode()
    [written] = directory.iterdir()
    old = written.stat().st_mtime - fragments.FRAGMENT_SECONDS - 1
    os.utime(written, (old, old))
    assert "Renommé en masse" in client.get("/carte/lieux.csv").getvalue().decode()


def test_a_file_appears_under_its_name_only_once_written_whole(client, association, directory, monkeypatch):
    """Another worker may read the file at any moment: it is written beside, then renamed."""
    renames = []

    def replace(source, target, real=os.replace):
        renames.append((Path(target).exists(), Path(source).read_bytes()))
        real(source, target)

    monkeypatch.setattr(export_files.os, "replace", replace)
    body = client.get("/carte/lieux.geojson").getvalue()
    assert renames == [(False, body)]
    json.loads(body)


def test_a_file_that_could_not_be_written_whole_is_never_sent(client, association, directory, monkeypatch):
    def disk_full(descriptor):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as failing:
        failing.setattr(export_files.os, "fsync", disk_full)
        with pytest.raises(OSError, match="No space left"):
            client.get("/carte/lieux.geojson")
    assert files(directory) == []  # neither the file nor what was written of it
    assert json.loads(client.get("/carte/lieux.geojson").getvalue())["features"]


def test_a_harvester_that_has_the_file_is_told_it_has_not_changed_until_it_does(client, association, directory):
    first = client.get("/carte/lieux.geojson")
    first.getvalue()
    finished = []

    def count(**kwargs):
        finished.append(kwargs)

    request_finished.connect(count)
    try:
        again = client.get("/carte/lieux.geojson", HTTP_IF_NONE_MATCH=first["ETag"])
    finally:
        request_finished.disconnect(count)
    # The request ends once, when the server closes the response: the file not sent is closed, not a response of
    # its own, whose closing would end the request (and close its database connection) in the middle of it.
    assert len(finished) == 1
    assert again.status_code == 304 and again.getvalue() == b""
    assert again["ETag"] == first["ETag"]
    association.name = "Le Lien numérique de Cinq-Mars"
    association.save()
    changed = client.get("/carte/lieux.geojson", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert "Le Lien numérique de Cinq-Mars" in changed.getvalue().decode()
