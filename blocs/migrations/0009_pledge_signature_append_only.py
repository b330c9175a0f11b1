"""Pledge signatures are append-only in the database: a PostgreSQL trigger refuses UPDATE and DELETE.

TRUNCATE (test database flushes) is not refused. A DBA who must repair a row disables the trigger explicitly:
``ALTER TABLE blocs_pledgesignature DISABLE TRIGGER pledge_signature_append_only;``. On SQLite nothing is
created: the model's own guards refuse edits made through Django. The SQL is written out here (a migration
never imports live code).
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION pledge_signature_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'pledge signatures are append-only' USING ERRCODE = 'restrict_violation';
END;
$$;
DROP TRIGGER IF EXISTS pledge_signature_append_only ON blocs_pledgesignature;
CREATE TRIGGER pledge_signature_append_only BEFORE UPDATE OR DELETE ON blocs_pledgesignature
    FOR EACH ROW EXECUTE FUNCTION pledge_signature_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS pledge_signature_append_only ON blocs_pledgesignature;
DROP FUNCTION IF EXISTS pledge_signature_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("blocs", "0008_pledge_signature_scan")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
