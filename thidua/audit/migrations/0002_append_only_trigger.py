"""Audit events are append-only in the database (operations.md B2).

On PostgreSQL a trigger refuses every UPDATE and DELETE of a row of ``audit_auditevent``. TRUNCATE (test
database flushes) is not a row operation and is not refused. A DBA who must edit a row (or a test that
simulates tampering) disables it explicitly, inside a transaction:
``ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_append_only;``.
On SQLite nothing is created: the model's and the queryset's guards refuse edits made through Django.
"""

from django.db import migrations

TABLE = "audit_auditevent"
FUNCTION = "audit_event_append_only"
TRIGGER = "audit_event_append_only"

CREATE = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'restrict_violation';
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
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger, elidable=False)]
