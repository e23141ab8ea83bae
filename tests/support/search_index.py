"""Reading the order search index back in tests, the same way on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import Connection, text


def index_words(connection: Connection) -> dict[str, set[str]]:
    """The words of each order's index row, by order number (PostgreSQL's `'word'` unquoted)."""
    sqlite = connection.dialect.name == "sqlite"
    key, doc = ("rowid", "doc") if sqlite else ("search_key", "doc::text")
    rows = connection.execute(
        text(f"SELECT o.number, {doc} FROM order_search s JOIN orders o ON o.search_key = s.{key}")
    )
    return {number: {w.strip("'").split("'")[0] for w in words.split()} for number, words in rows}
