"""The sales-history search: one function over orders, on SQLite (FTS5) and PostgreSQL.

Every order has a chronological `search_key` (UTC ms × 1000 + tie counter, see
`pos.domain.search_text.chrono_base`). The index row of an order is keyed by it — FTS5's
rowid on SQLite, the primary key of a tsvector table on PostgreSQL — so *newest first* is
the index's own descending order, a date range is a key range and the next page starts
below the last key seen (keyset pagination): no sort of the matches is ever needed.

Indexed words are folded in Python (`search_document`), queries are folded the same way
(`parse_query`), and each word becomes a quoted prefix term built from `[0-9a-z]` only, so
no user input ever reaches FTS or tsquery syntax.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from pos.domain.search_text import ParsedQuery, QueryKind, chrono_base

MAX_PAGE = 200


@dataclass(frozen=True, slots=True)
class OrderHit:
    """One order in a result list (enough for a row: number, date, customer, total, channel)."""

    order_id: int
    number: str
    search_key: int
    placed_at: datetime
    channel: str
    status: str
    currency: str
    total_minor: int
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    exact: bool = False  # the number (or scanned receipt) matched exactly


def _is_sqlite(bind: Session | Connection) -> bool:
    return (
        bind.get_bind().dialect.name == "sqlite"
        if isinstance(bind, Session)
        else (bind.dialect.name == "sqlite")
    )


def index_rows(bind: Session | Connection, rows: Sequence[tuple[int, str]]) -> None:
    """Add index rows `(search_key, document)` for new orders, in bulk."""
    if not rows:
        return
    params = [{"k": key, "doc": doc} for key, doc in rows]
    if _is_sqlite(bind):
        bind.execute(text("INSERT INTO order_search (rowid, doc) VALUES (:k, :doc)"), params)
    else:
        bind.execute(
            text(
                "INSERT INTO order_search (search_key, doc) "
                "VALUES (:k, to_tsvector('simple', :doc))"
            ),
            params,
        )


def unindex(bind: Session | Connection, keys: Iterable[int]) -> None:
    params = [{"k": key} for key in keys]
    if not params:
        return
    column = "rowid" if _is_sqlite(bind) else "search_key"
    bind.execute(text(f"DELETE FROM order_search WHERE {column} = :k"), params)


_HIT_COLUMNS = """o.id, o.number, o.search_key, o.placed_at, o.channel, o.status, o.currency,
    o.total_minor, coalesce(c.first_name, ''), coalesce(c.last_name, ''), c.email, c.phone"""


def _hits(
    session: Session, sql: str, params: dict[str, object], *, exact: bool = False
) -> list[OrderHit]:
    from pos.db.types import UTCDateTime

    decode = UTCDateTime().process_result_value
    dialect = session.get_bind().dialect
    hits = []
    for row in session.execute(text(sql), params):
        placed = row[3]
        if isinstance(placed, str):
            placed = datetime.fromisoformat(placed)
        hits.append(
            OrderHit(
                row[0],
                row[1],
                row[2],
                decode(placed, dialect),
                row[4],
                row[5],
                row[6],
                row[7],
                row[8],
                row[9],
                row[10],
                row[11],
                exact,
            )
        )
    return hits


def _match_expression(words: Sequence[str], sqlite: bool) -> str:
    # Words are [0-9a-z]+ by construction (search_text.tokens); quoting is belt and braces.
    if sqlite:
        return " AND ".join(f'"{word}"*' for word in words)
    return " & ".join(f"{word}:*" for word in words)


def _key_bounds(
    before: int | None, since: datetime | None, until: datetime | None
) -> tuple[int, int]:
    upper = 2**62 if before is None else before
    if until is not None:
        upper = min(upper, chrono_base(until))
    lower = 0 if since is None else chrono_base(since)
    return lower, upper


def _text_hits(
    session: Session, words: Sequence[str], *, limit: int, lower: int, upper: int
) -> list[OrderHit]:
    sqlite = _is_sqlite(session)
    if sqlite:
        inner = (
            "SELECT rowid AS k FROM order_search WHERE order_search MATCH :q "
            "AND rowid >= :lo AND rowid < :hi ORDER BY rowid DESC LIMIT :n"
        )
    else:
        inner = (
            "SELECT search_key AS k FROM order_search WHERE doc @@ to_tsquery('simple', :q) "
            "AND search_key >= :lo AND search_key < :hi ORDER BY search_key DESC LIMIT :n"
        )
    sql = (
        f"SELECT {_HIT_COLUMNS} FROM ({inner}) s JOIN orders o ON o.search_key = s.k "
        "LEFT JOIN customers c ON c.id = o.customer_id ORDER BY s.k DESC"
    )
    return _hits(
        session, sql, {"q": _match_expression(words, sqlite), "lo": lower, "hi": upper, "n": limit}
    )


def _number_hits(session: Session, number: str, *, documents: bool) -> list[OrderHit]:
    base = f"SELECT {_HIT_COLUMNS} FROM orders o LEFT JOIN customers c ON c.id = o.customer_id "
    if documents:
        sql = base + (
            "WHERE o.id IN (SELECT order_id FROM counter_documents "
            "WHERE number_norm = :n) ORDER BY o.search_key DESC"
        )
    else:
        sql = base + "WHERE o.number_norm = :n ORDER BY o.search_key DESC"
    return _hits(session, sql, {"n": number}, exact=True)


def search_orders(
    session: Session,
    query: ParsedQuery,
    *,
    limit: int = 50,
    before: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[OrderHit]:
    """Orders matching `query`, newest first, at most `limit`, keys below `before`.

    - RECEIPT (a scanned QR payload): the order, or the order of the counter document.
    - NUMBER: exact matches on order and document numbers first (first page only), then
      orders whose indexed words start with the digits (longer numbers, phone numbers).
    - TEXT: every word is a prefix of some word of the order (name, e-mail, phone).
    `since`/`until` bound the purchase date (until exclusive).
    """
    limit = max(1, min(limit, MAX_PAGE))
    lower, upper = _key_bounds(before, since, until)
    if query.kind is QueryKind.EMPTY or lower >= upper:
        return []
    if query.kind is QueryKind.RECEIPT:
        return _number_hits(session, query.number, documents=query.receipt_target == "D")[:limit]
    exact: list[OrderHit] = []
    if query.kind is QueryKind.NUMBER and before is None:
        exact = [
            hit
            for hit in _number_hits(session, query.number, documents=False)
            + _number_hits(session, query.number, documents=True)
            if lower <= hit.search_key < upper
        ]
        exact = list({hit.order_id: hit for hit in exact}.values())
    if not query.words:
        return exact[:limit]
    seen = {hit.order_id for hit in exact}
    rest = _text_hits(session, query.words, limit=limit + len(seen), lower=lower, upper=upper)
    return (exact + [hit for hit in rest if hit.order_id not in seen])[:limit]
