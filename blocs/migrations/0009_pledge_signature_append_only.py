"""Pledge signatures are append-only in the database (operations.md B2/S6); see thidua/audit/append_only.py."""

from django.db import migrations

from thidua.audit.append_only import append_only_trigger


class Migration(migrations.Migration):
    dependencies = [("blocs", "0008_pledge_signature_scan")]

    operations = [
        append_only_trigger(
            "blocs_pledgesignature", "pledge_signature_append_only", "pledge signatures are append-only"
        )
    ]
