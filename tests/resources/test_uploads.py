"""Uploads through the admin are bounded in size, pixels and type: a coordinator who goes past a limit reads
why in French, and nothing is saved."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def picture(size, image_format):
    """A valid image of `size` pixels: one colour, so a few kilobytes whatever its size."""
    stream = io.BytesIO()
    PILImage.new("1", size).save(stream, image_format)
    return stream.getvalue()


def png(size):
    return picture(size, "PNG")


def upload(client, users, kind, name, content):
    client.force_login(users["coordinator"])
    response = client.post(f"/admin/{kind}/multiple/add/", {"files[]": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    return response.json()


def test_a_photo_within_the_limits_is_saved(client, home, users):
    assert upload(client, users, "images", "atelier.png", png((4000, 3000)))["success"] is True
    assert Image.objects.count() == 1


def test_a_document_within_the_limits_is_saved(client, home, users):
    assert upload(client, users, "documents", "compte-rendu.odt", b"PK" + b"\0" * MB)["success"] is True
    assert Document.objects.count() == 1


REFUSED = [
    ("images", "affiche.png", png((10, 10)) + b"\0" * 10 * MB, "Ce fichier est trop gros (10,0\xa0Mio). La taille"),
    ("images", "panorama.png", png((10_000, 6_000)), "Ce fichier a un trop grand nombre de pixels (60000000)."),
    ("images", "scan.bmp", picture((10, 10), "BMP"), "Format d'image non supporté. Formats supportés : GIF, JPG,"),
    ("images", "notes.txt", b"Compte rendu", "Téléversez une image valide."),
    ("images", "dessin.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "Format d'image non supporté."),
    ("documents", "support.pdf", b"%PDF" + b"\0" * 20 * MB, "Ce fichier est trop gros (20,0\xa0Mio). La taille"),
    ("documents", "page.html", b"<script>alert(1)</script>", "L'extension de fichier «\xa0html\xa0» n’est pas"),
    ("documents", "dessin.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "L'extension de fichier «\xa0svg\xa0»"),
    ("documents", "outil.exe", b"MZ", "Les extensions autorisées sont\xa0:  csv, docx, jpeg, jpg"),
]


@pytest.mark.parametrize(("kind", "name", "content", "message"), REFUSED)
def test_a_file_past_a_limit_is_refused_with_its_one_reason_in_french(
    client, home, users, kind, name, content, message
):
    answer = upload(client, users, kind, name, content)
    assert answer["success"] is False
    assert message in answer["error_message"]
    assert "\n" not in answer["error_message"]  # the one reason, and no other
    assert not Image.objects.exists() and not Document.objects.exists()


def test_the_single_upload_form_refuses_in_french_too(client, home, users):
    client.force_login(users["coordinator"])
    big = SimpleUploadedFile("support.pdf", b"%PDF" + b"\0" * (20 * MB))
    response = client.post("/admin/documents/add/", {"title": "Support", "file": big, "collection": 1})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ce fichier est trop gros (20,0\xa0Mio)" in html
    assert "L&#x27;extension de fichier" not in html and "L'extension de fichier" not in html
    assert not Document.objects.exists()
