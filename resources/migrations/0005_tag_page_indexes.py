"""Indexes (tag, page) on the tag tables: the tag filters (the tool sheet library, the site search) check each tag
for one listed page bearing it, at the same cost whatever the number of pages (issue 16)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('resources', '0004_tool_sheet_category_index'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='toolsheettag',
            index=models.Index(fields=['tag', 'content_object'], name='tool_sheet_tag_page'),
        ),
        migrations.AddIndex(
            model_name='wikipagetag',
            index=models.Index(fields=['tag', 'content_object'], name='wiki_tag_page'),
        ),
    ]
