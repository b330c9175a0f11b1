"""On PostgreSQL, a trigram index makes the accent-insensitive "contains" search on search_name use an index.

SQLite (the embedded default) has no such index type and the migration does nothing there.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS enterprise_search_trgm_idx ON blocs_enterprise USING gin (search_name gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS enterprise_tax_code_prefix_idx ON blocs_enterprise (tax_code varchar_pattern_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS enterprise_search_trgm_idx",
    "DROP INDEX IF EXISTS enterprise_tax_code_prefix_idx",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("blocs", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
