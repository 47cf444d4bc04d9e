"""A form sent back with errors says so in the title, sums them up as links at the top, and ties each to its field."""

import re

import pytest
from django import forms
from django.template import Context, Template

from tests.factories import WorkshopIndexPageFactory, WorkshopPageFactory

pytestmark = pytest.mark.django_db


def summary_links(html):
    summary = re.search(r'<div class="form-errors error-summary" id="erreurs"[^>]*>(.*?)</div>', html, re.S)
    assert summary, "no error summary"
    assert 'tabindex="-1"' in summary.group(0) and "autofocus" in summary.group(0)
    return dict(re.findall(r'<a href="#([\w-]+)">(.*?)</a>', summary.group(1)))


def input_tag(html, field_id):
    return re.search(rf'<input[^>]*id="{field_id}"[^>]*>', html).group(0)


@pytest.fixture
def workshop(home):
    index = WorkshopIndexPageFactory(parent=home)
    return WorkshopPageFactory(parent=index, title="Écrire à plusieurs", slug="ecrire-a-plusieurs", capacity=3)


def test_a_refused_sign_up_titles_lists_and_ties_each_error(client, workshop):
    details = {"first_name": "Inès", "last_name": "Lambert", "structure": "Foyer rural", "commune": "Langeais"}
    response = client.post(f"{workshop.url}inscription/", {**details, "email": "pas-une-adresse"})
    html = response.content.decode()

    assert re.search(r"<title>Erreur : ", html)
    links = summary_links(html)
    assert links["id_email"].startswith("Adresse e-mail : Saisissez une adresse e-mail valide")
    assert links["id_consent"].startswith("J&#x27;accepte") and "Cochez cette case" in links["id_consent"]
    email = input_tag(html, "id_email")
    assert 'aria-invalid="true"' in email
    assert 'aria-describedby="id_email_helptext id_email_error"' in email
    assert 'id="id_email_error"' in html and 'id="id_email_helptext"' in html
    assert "aria-invalid" not in input_tag(html, "id_first_name")


def test_a_form_without_errors_has_a_plain_title_and_no_summary(client, workshop):
    html = client.get(workshop.url).content.decode()
    assert "<title>Erreur" not in html and 'id="erreurs"' not in html
    assert 'aria-describedby="id_email_helptext"' in input_tag(html, "id_email")


def test_a_refused_login_sums_up_its_form_wide_error(client, users):
    html = client.post("/compte/login/", {"username": "personne", "password": "faux"}).content.decode()
    assert re.search(r"<title>Erreur : ", html)
    assert "Saisissez un nom d" in re.search(r'id="erreurs".*?</div>', html, re.S).group(0)


def test_the_newsletter_form_links_each_missing_answer(client):
    html = client.post("/lettre/", {"email": "", "consent": ""}).content.decode()
    assert re.search(r"<title>Erreur : ", html)
    assert set(summary_links(html)) == {"id_email", "id_consent"}


class LowercaseForm(forms.Form):
    commune = forms.CharField(label="commune de la structure")
    visits = forms.ChoiceField(label="fréquence", choices=[("1", "Une fois")], widget=forms.RadioSelect)


def form_fields(form):
    return Template("{% load form_tags %}{% form_fields form %}").render(Context({"form": form}))


def test_the_fields_capitalise_labels_and_link_choice_lists_to_their_first_box():
    html = form_fields(LowercaseForm(data={}))
    assert ">Commune de la structure" in html and ">Fréquence" in html
    assert summary_links(html).keys() == {"id_commune", "id_visits_0"}


def test_a_choice_list_is_a_group_named_by_its_legend_and_tied_to_its_error():
    html = form_fields(LowercaseForm(data={}))
    group = re.search(r"<fieldset[^>]*>\s*<legend>(.*?)</legend>", html, re.S)
    assert group.group(1).startswith("Fréquence")
    assert 'aria-describedby="id_visits_error"' in group.group(0)
    assert 'id="id_visits_error"' in html and 'for=""' not in html


def test_looking_for_errors_leaves_a_cacheable_page_without_a_csrf_cookie(client, home, settings):
    response = client.get(home.url)
    assert response.status_code == 200
    assert settings.CSRF_COOKIE_NAME not in response.cookies
