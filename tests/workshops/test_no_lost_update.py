"""One's sign-up changed from two devices at once: merged apart, refused with both versions when both changed a
field (with a 200: the path holds the token, and Django logs the path of 4xx answers)."""

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from workshops import signup
from workshops.models import Registration

pytestmark = pytest.mark.django_db


def change_form(response):
    html = response.content.decode()
    return next(data for index in range(6) if "first_name" in (data := querydict_from_html(html, form_index=index)))


def post(client, url, data, **changes):
    data = data.copy()
    for name, value in changes.items():
        data[name] = value
    return client.post(url, data)


def test_changes_from_two_devices_are_merged_or_refused_with_both_versions(client, workshop, person):
    registration = signup.sign_up(workshop, person(phone=""))
    url = f"/inscription/{registration.token}/"
    phone, laptop = change_form(client.get(url)), change_form(client.get(url))
    assert post(client, url, phone, phone="02 47 00 00 00").status_code == 302

    assert post(client, url, laptop, structure="Amicale laïque").status_code == 302
    registration.refresh_from_db()
    assert (registration.phone, registration.structure) == ("02 47 00 00 00", "Amicale laïque")

    refused = post(client, url, laptop, structure="Secours populaire")
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Version enregistrée entre-temps : « Amicale laïque »" in html
    assert "Votre version : « Secours populaire »" in html
    assert Registration.objects.get(pk=registration.pk).structure == "Amicale laïque"
