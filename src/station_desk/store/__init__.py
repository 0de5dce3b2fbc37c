"""Local SQLite store: tables, engine, migrations, queries and search."""
