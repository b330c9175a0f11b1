"""Pledge signatures are append-only in the database (operations.md B2/S6).

On PostgreSQL a trigger refuses every UPDATE and DELETE of a row of ``blocs_pledgesignature``, whoever sends
it (the application, a shell, raw SQL). TRUNCATE (test database flushes) is not a row operation and is not
refused. A DBA who must repair a row disables it explicitly:
``ALTER TABLE blocs_pledgesignature DISABLE TRIGGER pledge_signature_append_only;``.
On SQLite (development, tests) nothing is created: the model's guard refuses save/delete of a stored row.
"""

from django.db import migrations

TABLE = "blocs_pledgesignature"
FUNCTION = "pledge_signature_append_only"
TRIGGER = "pledge_signature_append_only"

CREATE = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'pledge signatures are append-only' USING ERRCODE = 'restrict_violation';
END;
$$;
DROP TRIGGER IF EXISTS {TRIGGER} ON {TABLE};
CREATE TRIGGER {TRIGGER} BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION {FUNCTION}();
"""

DROP = f"""
DROP TRIGGER IF EXISTS {TRIGGER} ON {TABLE};
DROP FUNCTION IF EXISTS {FUNCTION}();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("blocs", "0008_pledge_signature_scan")]

    operations = [migrations.RunPython(create_trigger, drop_trigger, elidable=False)]
