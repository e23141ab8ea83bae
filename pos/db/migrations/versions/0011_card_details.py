"""card payments: last four digits and brand, and each order's card words in its search index

Revision ID: 0011_card_details
Revises: 0010_report_days
Create Date: 2026-12-08

`payments.card_last4` and `payments.card_brand` hold what Wix's `creditCardDetails` says of
a card payment (`lastFourDigits`, `brand`); existing rows get their digits back from
`reference` ("**** 4242"), their brand stays unknown until the order is pulled again. Every
order paid by such a card gets the index word "0c" + digits (pos.domain.search_text.card_words)
added to its search document, so "**** 4242" is an index lookup like any other word.

The words already indexed are reused (no Python, no customer rows): SQLite updates the FTS5
rows of the orders paid by a card in place; PostgreSQL re-makes the table in key order as 0006
did, appending the card words' tsvector (with their short prefixes) to those rows, and builds
its GIN index once. Measured at a million orders (830,540 card payments): SQLite 24 s;
PostgreSQL 63 s (165 s when its rows were updated in place); benchmarks/README.md.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_card_details"
down_revision = "0010_report_days"
branch_labels = None
depends_on = None

# pos.domain.search_text.CARD_WORD
CARD_WORD = "0c"
_DIGITS = {
    "sqlite": "length(reference) = 9 AND substr(reference, 1, 5) = '**** ' "
    "AND substr(reference, 6) GLOB '[0-9][0-9][0-9][0-9]'",
    "postgresql": "reference ~ '^\\*\\*\\*\\* [0-9]{4}$'",
}
# SQLite: the card words of the order of this index row, each once (" 0c4242 0c1881").
_WORDS = (
    f"(SELECT group_concat(' {CARD_WORD}' || d, '') FROM (SELECT p.card_last4 AS d "
    "FROM payments p JOIN orders o ON o.id = p.order_id "
    "WHERE o.search_key = order_search.rowid AND p.card_last4 IS NOT NULL "
    "GROUP BY p.card_last4) w)"
)
_PAID_BY_CARD = (
    "SELECT o.search_key FROM orders o JOIN payments p ON p.order_id = o.id "
    "WHERE p.card_last4 IS NOT NULL"
)
_SQLITE_REINDEX = f"UPDATE order_search SET doc = doc || {_WORDS} WHERE rowid IN ({_PAID_BY_CARD})"
# PostgreSQL: each order's card words, "0c4242 0c1881", by search key.
_PG_CARDS = (
    f"SELECT o.search_key, string_agg(DISTINCT '{CARD_WORD}' || p.card_last4, ' ') AS words "
    "FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.card_last4 IS NOT NULL "
    "GROUP BY o.search_key"
)


def _pg_rewrite() -> None:
    """order_search made again with the card words, in key order, its GIN index built once.

    Updating 830,540 rows in place, each a GIN insertion (no pending list, 0006), took
    165 s at a million orders; this rewrite 63 s (benchmarks/README.md).
    """
    op.execute("SET LOCAL maintenance_work_mem = '256MB'")  # the GIN build, once
    op.execute("DROP INDEX ix_order_search_doc")
    op.execute("ALTER TABLE order_search RENAME TO order_search_old")
    op.execute("ALTER INDEX order_search_pkey RENAME TO order_search_old_pkey")
    op.execute("CREATE TABLE order_search (search_key bigint PRIMARY KEY, doc tsvector NOT NULL)")
    op.execute(
        "INSERT INTO order_search (search_key, doc) SELECT s.search_key, CASE WHEN c.words "
        "IS NULL THEN s.doc ELSE s.doc || order_search_prefixed(to_tsvector('simple', c.words)) "
        f"END FROM order_search_old s LEFT JOIN ({_PG_CARDS}) c ON c.search_key = s.search_key "
        "ORDER BY s.search_key"
    )
    op.execute("DROP TABLE order_search_old")
    op.execute(
        "CREATE INDEX ix_order_search_doc ON order_search USING gin (doc) WITH (fastupdate = off)"
    )
    op.execute("ANALYZE order_search")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    # Plain ADD COLUMN (no batch copy of a million payments): both are nullable.
    op.add_column("payments", sa.Column("card_last4", sa.String(length=4), nullable=True))
    op.add_column("payments", sa.Column("card_brand", sa.String(length=24), nullable=True))
    op.execute(
        "UPDATE payments SET card_last4 = substr(reference, 6) "
        f"WHERE method = 'card' AND {_DIGITS[dialect]}"
    )
    if dialect == "sqlite":
        op.execute(_SQLITE_REINDEX)
    else:
        _pg_rewrite()


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # The card words are the last words of a document (0011 appended them).
        op.execute(
            "UPDATE order_search SET doc = substr(doc, 1, instr(doc || ' 0c', ' 0c') - 1) "
            f"WHERE rowid IN ({_PAID_BY_CARD})"
        )
    else:
        # Without its card words and every short prefix, then the prefixes made again (0006).
        op.execute(
            "UPDATE order_search SET doc = order_search_prefixed(ts_delete(doc, ARRAY("
            "SELECT word FROM unnest(tsvector_to_array(doc)) AS word "
            f"WHERE left(word, 1) = '_' OR left(word, 2) = '{CARD_WORD}'))) "
            f"WHERE search_key IN ({_PAID_BY_CARD})"
        )
    with op.batch_alter_table("payments") as batch:
        batch.drop_column("card_brand")
        batch.drop_column("card_last4")
