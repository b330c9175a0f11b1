"""Seed the national indicator catalogue (domain.md §5.2) as global rows (no Board)."""

from django.db import migrations

from blocs.pledges.catalogue import upsert_catalogue


def seed(apps, schema_editor):
    upsert_catalogue(apps.get_model("blocs", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("blocs", "0005_pledges")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
