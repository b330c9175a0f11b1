"""Seed the national indicator catalogue (domain.md §5.2) as global rows (no Board)."""

from django.db import migrations

from blocs.pledges.catalogue import CATALOGUE


def seed(apps, schema_editor):
    Indicator = apps.get_model("blocs", "Indicator")
    for order, (code, name, name_en, unit, kind, aggregation, optional) in enumerate(CATALOGUE, start=1):
        Indicator.objects.update_or_create(
            organization=None,
            code=code,
            defaults={
                "name": name,
                "name_en": name_en,
                "unit": unit,
                "kind": kind,
                "aggregation": aggregation,
                "optional": optional,
                "ordering": order * 10,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("blocs", "0005_pledges")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
