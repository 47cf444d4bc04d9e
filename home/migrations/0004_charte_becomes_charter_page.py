"""A site whose /charte/ is a plain page (the demo built one before CharterPage existed) keeps it, as a CharterPage:
same text, address and revisions. A CharterPage is a StandardPage underneath, so only its own row is added."""

from django.db import migrations


def convert(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    CharterPage = apps.get_model("home", "CharterPage")
    standard = ContentType.objects.filter(app_label="home", model="standardpage").first()
    home = ContentType.objects.filter(app_label="home", model="homepage").first()
    if standard is None or home is None or CharterPage.objects.exists():
        return
    # The site's charter: the plain page "charte" right under a home page (a tree path step is 4 characters).
    for page in Page.objects.filter(slug="charte", content_type=standard).order_by("path"):
        if Page.objects.filter(path=page.path[:-4], content_type=home).exists():
            break
    else:
        return
    charter, _created = ContentType.objects.get_or_create(app_label="home", model="charterpage")
    CharterPage(standardpage_ptr_id=page.pk).save_base(raw=True)
    Page.objects.filter(pk=page.pk).update(content_type=charter)
    Revision.objects.filter(content_type=standard, object_id=str(page.pk)).update(content_type=charter)


class Migration(migrations.Migration):
    dependencies = [("home", "0003_charter_page")]

    operations = [migrations.RunPython(convert, migrations.RunPython.noop)]
