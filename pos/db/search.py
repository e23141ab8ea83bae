"""The sales-history search: one function over orders, on SQLite (FTS5) and PostgreSQL.

Every order has a chronological `search_key` (UTC ms × 1000 + tie counter, see
`pos.domain.search_text.chrono_base`). The index row of an order is keyed by it — FTS5's
rowid on SQLite, the primary key of a tsvector table on PostgreSQL — so *newest first* is
the index's own descending order, a date range is a key range and the next page starts
below the last key seen (keyset pagination): no sort of the matches is ever needed.

Indexed words are folded in Python (`search_document`), queries are folded the same way
(`parse_query`), and each word becomes a quoted prefix term built from `[0-9a-z]` only, so
no user input ever reaches FTS or tsquery syntax.

The queries run on the session's DBAPI connection: the statements are fixed strings with
bound parameters, and skipping SQLAlchemy's statement and row machinery keeps a number
lookup well under a millisecond (see benchmarks/search_bench.py).

PostgreSQL has no lazy, key-ordered prefix index, and its planner's choice between the two
plans it has (walk the key backwards filtering on `@@`; or GIN, then sort) runs away when it
misjudges a query (194 ms). So a text search there is one statement that takes both, bounded:
the newest keys (`ORDERED_WINDOW`, then `FURTHER` times more when the first held enough
matches) are walked in order; only when they hold less than a page are the older keys read
through GIN and sorted. Numbers of 5 digits or more and card words ("0c4242",
search_text.card_words) go to GIN directly (they match few orders). Words of 1–4 letters
are single GIN entries ("_" + word, added to every index row by the migration 0006), so GIN
never merges the posting lists of thousands of words. A search that opens the session reads
in autocommit: no BEGIN and ROLLBACK round trips, and psycopg keeps its prepared statements
(it drops them on every ROLLBACK).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from operator import attrgetter
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from pos.domain.search_text import CARD_WORD, ParsedQuery, QueryKind, chrono_base

MAX_PAGE = 200
MAX_KEY = 2**62
# FTS5 answers a prefix query lazily, newest first, only when a prefix index of exactly that
# length exists (`prefix = '1 2 … 8'` in the migration); otherwise it first merges the
# doclists of every matching term — 130 ms for "martin" at a million orders. Longer words are
# therefore looked up by their first 8 letters and checked against the stored document.
FTS_PREFIX_MAX = 8
# PostgreSQL: query words up to this length are looked up as the index word "_" + word
# (order_search_prefixed() adds "_" + the first 1–4 letters of each word to every row).
SHORT_PREFIX_MAX = 4
# PostgreSQL: how many of the newest keys a text search walks in order before it reads the
# older matches through GIN (benchmarks/README.md: the bound on both plans' worst case);
# names and their prefixes are common, most pages fill from the newest keys.
ORDERED_WINDOW = 5_000
# ... and when the window held at least a seventh of a page, the walk is likely to fill the
# page within this many times more keys, and goes on for them before GIN is asked.
FURTHER = 6
# Numbers of this many digits and more (order and phone numbers) match few orders: GIN alone
# finds them for less than any walk. Shorter digit prefixes can be common ("3373": a phone
# prefix, 1% of the orders) and are walked like words.
FEW_DIGITS = 5
# PostgreSQL: a number's prefix matches are fetched with its exact ones in one statement, this
# many more than the page to make up for the exact orders they repeat.
EXACT_ALLOWANCE = 2
# PostgreSQL: the tsvector of an index row, from its folded document text.
PG_DOCUMENT = "order_search_prefixed(to_tsvector('simple', {}))"


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
    card: str = ""  # found by the card that paid it: its last four digits ("4242")


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
                f"VALUES (:k, {PG_DOCUMENT.format(':doc')})"
            ),
            params,
        )


def unindex(bind: Session | Connection, keys: Iterable[int]) -> None:
    """Remove the index rows of the orders with these search keys."""
    params = [{"k": key} for key in keys]
    if not params:
        return
    column = "rowid" if _is_sqlite(bind) else "search_key"
    bind.execute(text(f"DELETE FROM order_search WHERE {column} = :k"), params)


# ---------------------------------------------------------------- statements

_HIT_COLUMNS = """o.id, o.number, o.search_key, o.placed_at, o.channel, o.status, o.currency,
    o.total_minor, coalesce(c.first_name, ''), coalesce(c.last_name, ''),
    coalesce(c.email, o.buyer_email), c.phone"""
_FROM = "orders o LEFT JOIN customers c ON c.id = o.customer_id"
_EXACT_IDS = {
    "O": "SELECT id FROM orders WHERE number_norm = :n",
    "D": "SELECT order_id FROM counter_documents WHERE number_norm = :n",
}
_EXACT = (
    f"SELECT {_HIT_COLUMNS} FROM {_FROM} WHERE o.id IN ({{ids}}) "
    "AND o.search_key >= :lo AND o.search_key < :hi ORDER BY o.search_key DESC LIMIT :n_max"
)
_TEXT_INNER = {
    "sqlite": "SELECT rowid AS k FROM order_search WHERE order_search MATCH :q "
    "AND rowid >= :lo AND rowid < :hi{check} ORDER BY rowid DESC LIMIT :n_max",
    # `recent`: the newest :window keys (from `b1`, the window's last key, read off the key
    # index alone) walked in order, filtered, stopping at a page. `further`: when `recent`
    # found a seventh of a page or more, the page is likely to fill within :further times
    # the window's span of keys (down to `b2`: keys are times, so that is about :further
    # windows of orders at the recent rate), walked the same way. `older`: only when the
    # walks found less than a page, the keys below them through GIN alone, then sorted. Each
    # step is gated by a one-time filter on what the previous ones found: it never starts
    # unless needed.
    # The walks test `ts_match_vq` (the function behind `@@`, which no index serves) so the
    # planner can only walk the key index; `older` writes `search_key + 0` so the key index
    # serves neither its order nor its range (a generic plan ANDs it with GIN: 215 ms).
    "postgresql": """WITH b1 AS (
        SELECT coalesce((SELECT search_key FROM order_search
            WHERE search_key >= :lo AND search_key < :hi
            ORDER BY search_key DESC OFFSET :window - 1 LIMIT 1), :lo) AS k
    ), recent AS (
        SELECT search_key AS k FROM order_search
        WHERE search_key >= (SELECT k FROM b1) AND search_key < :hi
        AND ts_match_vq(doc, CAST(:q AS tsquery))
        ORDER BY search_key DESC LIMIT :n_max
    ), found AS (
        SELECT count(*) AS hits FROM recent
    ), b2 AS (
        SELECT greatest(:lo, b1.k - (top.k - b1.k) * :further) AS k FROM b1, (
            SELECT max(search_key) AS k FROM order_search
            WHERE search_key >= :lo AND search_key < :hi) top
    ), further AS (
        SELECT search_key AS k FROM order_search
        WHERE search_key >= (SELECT k FROM b2) AND search_key < (SELECT k FROM b1)
        AND ts_match_vq(doc, CAST(:q AS tsquery))
        AND (SELECT hits * :reach >= :n_max AND hits < :n_max FROM found)
        ORDER BY search_key DESC LIMIT (SELECT greatest(:n_max - hits, 0) FROM found)
    ), older AS (
        SELECT search_key AS k FROM order_search
        WHERE doc @@ CAST(:q AS tsquery) AND search_key + 0 >= :lo
        AND search_key + 0 < (SELECT CASE WHEN hits * :reach >= :n_max
            THEN (SELECT k FROM b2) ELSE (SELECT k FROM b1) END FROM found)
        AND (SELECT hits FROM found) + (SELECT count(*) FROM further) < :n_max
        ORDER BY search_key + 0 DESC LIMIT :n_max
    ) SELECT k FROM recent UNION ALL SELECT k FROM further UNION ALL SELECT k FROM older""",
    # Numbers of 5 digits and more: GIN alone (few matches; a short statement to plan).
    "postgresql_gin": "SELECT search_key AS k FROM order_search WHERE doc @@ CAST(:q AS tsquery) "
    "AND search_key + 0 >= :lo AND search_key + 0 < :hi ORDER BY search_key + 0 DESC LIMIT :n_max",
}
_TEXT = f"SELECT {_HIT_COLUMNS} FROM ({{inner}}) s JOIN orders o ON o.search_key = s.k " + (
    "LEFT JOIN customers c ON c.id = o.customer_id ORDER BY s.k DESC LIMIT :n_max"
)
_PARAM = re.compile(r"(?<![:\w]):([a-z_0-9]+)")


def _dbapi(session: Session) -> Any:
    """The session's DBAPI connection; autocommit on PostgreSQL if the search opens the session.

    Each search is one read-only statement per lookup (its own snapshot), so it needs no
    transaction: this saves the BEGIN and ROLLBACK round trips, and psycopg keeps its
    prepared statements, which it drops on every ROLLBACK. A session already in a
    transaction is read in that transaction.
    """
    if _is_sqlite(session) or session.in_transaction():
        return session.connection().connection
    autocommit = {"isolation_level": "AUTOCOMMIT"}
    return session.connection(execution_options=autocommit).connection


def _rows(session: Session, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Run a fixed statement on the session's own DBAPI connection."""
    dbapi = _dbapi(session)
    if not _is_sqlite(session):
        sql = _PARAM.sub(r"%(\1)s", sql)
    cursor = dbapi.cursor()
    try:
        cursor.execute(sql, params)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _hit(row: tuple[Any, ...], exact: bool) -> OrderHit:
    placed = row[3]
    if isinstance(placed, str):  # SQLite: naive UTC text
        placed = datetime.fromisoformat(placed)
    placed = placed.replace(tzinfo=UTC) if placed.tzinfo is None else placed.astimezone(UTC)
    order_id, number, search_key, _, channel, status, currency, total, *names = row[:12]
    first_name, last_name, email, phone = names
    return OrderHit(order_id, number, search_key, placed, channel, status, currency, total,
                    first_name, last_name, email, phone, exact)


# ---------------------------------------------------------------- lookups


def _match_expression(words: Sequence[str], sqlite: bool) -> tuple[str, list[str]]:
    """The MATCH / tsquery text, and (SQLite) the words the index can only approximate.

    Words are [0-9a-z]+ by construction (search_text.tokens); quoting is belt and braces.
    """
    if not sqlite:  # tsquery syntax, read as is by CAST(... AS tsquery)
        short = SHORT_PREFIX_MAX
        tsterms = (f"'_{word}'" if len(word) <= short else f"'{word}':*" for word in words)
        return " & ".join(tsterms), []
    terms = " AND ".join(f'"{word[:FTS_PREFIX_MAX]}"*' for word in words)
    return terms, [word for word in words if len(word) > FTS_PREFIX_MAX]


def _walks(words: Sequence[str]) -> bool:
    """Whether these words are worth walking the newest keys for (PostgreSQL).

    Long numbers and card words ("0c4242": one card in ten thousand) match few orders.
    """
    return not all(
        (word.isdigit() and len(word) >= FEW_DIGITS) or _is_card_word(word) for word in words
    )


def _is_card_word(word: str) -> bool:
    return word.startswith(CARD_WORD) and word[len(CARD_WORD) : len(CARD_WORD) + 4].isdigit()


def _text_statement(
    session: Session,
    words: Sequence[str],
    *,
    limit: int,
    lower: int,
    upper: int,
    window: int | None = None,
) -> tuple[str, dict[str, Any]]:
    sqlite = _is_sqlite(session)
    query, long_words = _match_expression(words, sqlite)
    params: dict[str, Any] = {"q": query, "lo": lower, "hi": upper, "n_max": limit}
    dialect = "sqlite" if sqlite else "postgresql"
    if not sqlite and window is None and not _walks(words):
        dialect = "postgresql_gin"
    elif not sqlite:
        params["window"] = window or ORDERED_WINDOW
        params["further"] = FURTHER
        params["reach"] = 1 + FURTHER
    check = ""
    for i, word in enumerate(long_words):  # the stored document holds the folded words
        check += f" AND (' ' || doc) LIKE :w{i}"
        params[f"w{i}"] = f"% {word}%"
    inner = _TEXT_INNER[dialect].format(check=check)
    return _TEXT.format(inner=inner), params


def _text_hits(session: Session, words: Sequence[str], **options: Any) -> list[OrderHit]:
    sql, params = _text_statement(session, words, **options)
    return [_hit(row, False) for row in _rows(session, sql, params)]


def _number_hits(
    session: Session, query: ParsedQuery, *, limit: int, window: int | None, **bounds: int
) -> tuple[list[OrderHit], list[OrderHit]]:
    """PostgreSQL: the exact matches and the prefix matches of a number in one round trip.

    The prefix part asks for `EXACT_ALLOWANCE` more rows than the page, for the exact
    orders it will leave out; more exact matches than that (never seen in a shop) cost a
    second statement.
    """
    text_sql, params = _text_statement(
        session, query.words, limit=limit + EXACT_ALLOWANCE, window=window, **bounds
    )
    ids = " UNION ".join(_EXACT_IDS[target] for target in "OD")
    sql = (
        f"SELECT e.*, true FROM ({_EXACT.format(ids=ids).replace(':n_max', ':n_exact')}) e "
        f"UNION ALL SELECT t.*, false FROM ({text_sql}) t"
    )
    rows = _rows(session, sql, {**params, "n": query.number, "n_exact": MAX_PAGE})
    exact = [_hit(row[:12], True) for row in rows if row[12]]
    rest = [_hit(row[:12], False) for row in rows if not row[12]]
    if len(exact) > EXACT_ALLOWANCE:
        rest = _text_hits(session, query.words, limit=limit + len(exact), window=window, **bounds)
    by_key = attrgetter("search_key")
    return sorted(exact, key=by_key, reverse=True), sorted(rest, key=by_key, reverse=True)


def _exact_hits(
    session: Session, number: str, targets: str, *, lower: int, upper: int
) -> list[OrderHit]:
    """Orders whose number (target "O") or counter-document number ("D") is `number`."""
    ids = " UNION ".join(_EXACT_IDS[target] for target in targets)
    params = {"n": number, "lo": lower, "hi": upper, "n_max": MAX_PAGE}
    return [_hit(row, True) for row in _rows(session, _EXACT.format(ids=ids), params)]


def _key_bounds(
    before: int | None, since: datetime | None, until: datetime | None
) -> tuple[int, int]:
    upper = MAX_KEY if before is None else min(before, MAX_KEY)
    if until is not None:
        upper = min(upper, chrono_base(until))
    lower = 0 if since is None else max(0, chrono_base(since))
    return lower, upper


def search_orders(
    session: Session,
    query: ParsedQuery,
    *,
    limit: int = 50,
    before: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    window: int | None = None,
) -> list[OrderHit]:
    """Orders matching `query`, newest first, at most `limit`, keys below `before`.

    - RECEIPT (a scanned QR payload): the order, or the order of the counter document.
    - NUMBER: exact matches on order and document numbers first (first page only: later
      pages leave them out), then orders whose indexed words start with the digits.
    - TEXT: every word is a prefix of some word of the order (name, e-mail, phone).
    - CARD ("**** 4242", "visa 4242"): the orders a card with these last digits (and brand)
      paid, each hit carrying `card`. A bare 4-digit NUMBER also looks for the card: its
      card matches and its number-prefix matches are merged newest first, the card ones
      marked (docs/search.md: why not card matches first).
    `since`/`until` bound the purchase date (until exclusive); `before` is the `search_key`
    of the last row of the previous page. `window` (PostgreSQL) is how many of the newest
    keys are walked in order before older matches are read through GIN (default:
    `ORDERED_WINDOW`, or GIN alone for numbers of `FEW_DIGITS`); it changes the plan, never
    the result (the tests make it small to read every path on a small shop).
    """
    limit = max(1, min(limit, MAX_PAGE))
    lower, upper = _key_bounds(before, since, until)
    if query.kind is QueryKind.EMPTY or lower >= upper:
        return []
    bounds = {"lower": lower, "upper": upper}
    if query.kind is QueryKind.RECEIPT:
        if before is not None:
            return []  # a receipt names one order: there is no second page
        return _exact_hits(session, query.number, query.receipt_target, **bounds)[:limit]
    exact: list[OrderHit] = []
    if query.kind is QueryKind.NUMBER and query.words and not _is_sqlite(session):
        exact, rest = _number_hits(session, query, limit=limit, window=window, **bounds)
    else:
        if query.kind is QueryKind.NUMBER:
            exact = _exact_hits(session, query.number, "OD", **bounds)
        if not query.words:
            return exact[:limit] if before is None else []
        rest = _text_hits(session, query.words, limit=limit + len(exact), window=window, **bounds)
    if query.kind is QueryKind.CARD:
        rest = [replace(hit, card=query.card) for hit in rest]
    elif query.card:
        rest = _with_card_hits(session, query, rest, limit=limit + len(exact), window=window,
                               **bounds)
    seen = {hit.order_id for hit in exact}
    head = exact if before is None else []
    return (head + [hit for hit in rest if hit.order_id not in seen])[:limit]


def _with_card_hits(
    session: Session, query: ParsedQuery, rest: list[OrderHit], *, limit: int, **options: Any
) -> list[OrderHit]:
    """A bare 4-digit number's prefix matches merged with its card's orders, newest first.

    Both lists hold the newest `limit` matches below the same key, so their merge holds the
    newest `limit` of the union: keyset paging stays exact. An order found both ways is
    marked as found by its card.
    """
    cards = _text_hits(session, (query.card_word,), limit=limit, **options)
    merged = {hit.order_id: hit for hit in rest}
    merged.update((hit.order_id, replace(hit, card=query.card)) for hit in cards)
    return sorted(merged.values(), key=attrgetter("search_key"), reverse=True)[:limit]
