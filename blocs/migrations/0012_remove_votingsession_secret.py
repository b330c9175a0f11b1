"""The method (secret, open, consensus) replaces the secrecy flag (its values were carried over in 0011)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("blocs", "0011_votes_by_member_units"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="votingsession",
            name="secret",
        ),
    ]
