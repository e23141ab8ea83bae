"""Persistence: SQLAlchemy records, engines, migrations, repositories and search."""
