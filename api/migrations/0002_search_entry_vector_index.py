"""A GIN index on the concatenation of Wagtail search entries' title and body
vectors, the expression Wagtail's PostgreSQL backend matches a query against
(`title || body @@ query`). Wagtail indexes each vector on its own, which that
expression cannot use, so every search read and decoded every entry's
vectors. With it, PostgreSQL finds a rare word's entries through the index
and, from its statistics, knows when a word is common enough that walking the
newest pages first is cheaper (`api.selectors.newest_matches`).

PostgreSQL only: SQLite's search backend keeps its own full-text table.
Building it locks writes to the search index for a moment (a second or two at
ten thousand articles).
"""

from django.db import migrations

INDEX = "api_search_entry_title_body_gin"


def index_create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        table = schema_editor.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin ((title || body))")


def index_drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(index_create, index_drop, elidable=False)]
