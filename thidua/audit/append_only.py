"""Append-only tables in the database (operations.md B2): a PostgreSQL trigger refusing UPDATE and DELETE.

Used by migrations: ``operations = [append_only_trigger("audit_auditevent", "audit_event_append_only",
"audit events are append-only")]``. TRUNCATE (test database flushes) is not a row operation and is not
refused. A DBA who must repair a row disables the trigger explicitly, e.g.
``ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_append_only;``. On SQLite nothing is created: the
models' own guards refuse edits made through Django.
"""

from django.db import migrations


def append_only_trigger(table: str, name: str, message: str) -> migrations.RunPython:
    create = f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{message}' USING ERRCODE = 'restrict_violation';
END;
$$;
DROP TRIGGER IF EXISTS {name} ON {table};
CREATE TRIGGER {name} BEFORE UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION {name}();
"""
    drop = f"""
DROP TRIGGER IF EXISTS {name} ON {table};
DROP FUNCTION IF EXISTS {name}();
"""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(create)

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(drop)

    return migrations.RunPython(forwards, backwards, elidable=False)
