"""GIN indexes on the stored search vectors, on PostgreSQL only.

SQLite (the embedded default) has no GIN indexes and searches with icontains,
so the indexes are created by hand here instead of in Meta.indexes.
"""

from django.db import migrations

INDEXES = [
    ("disclosure_document_search", "disclosure_document"),
    ("disclosure_versionfile_search", "disclosure_versionfile"),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_vector)")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0001_documents_versions_files")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
