"""Migration 0006 upgrades a PostgreSQL search index in place (and is a no-op on SQLite)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from alembic import command
from sqlalchemy import Engine, text

from pos.db.engine import make_sessions
from pos.db.migrate import HEAD, alembic_config, current_revision, upgrade
from pos.db.orders import record_order
from pos.domain.clock import FakeClock
from pos.domain.search_text import search_document
from pos.services.history import SalesHistoryService
from tests.support.builders import T0, order

PEOPLE = [  # number, first, last, e-mail
    ("20001", "Valérie", "Jourdan", "vjourdan@example.fr"),
    ("20002", "Valentin", "Martin", None),
    ("20003", "Jean", "Valette", "jean.valette@example.com"),
    ("20004", "Zoé", "Lefèvre", None),
]


def _record(engine: Engine) -> None:
    with make_sessions(engine).begin() as session:
        for n, (number, first, last, email) in enumerate(PEOPLE):
            record_order(
                session,
                order(number, first=first, last=last, email=email, at=T0 + timedelta(hours=n)),
            )


def _rows_as_0002_wrote_them(engine: Engine) -> None:
    """Index rows as release 0002 made them: to_tsvector of the document, positions kept."""
    with engine.begin() as connection:
        for number, first, last, email in PEOPLE:
            document = search_document(
                first_name=first,
                last_name=last,
                email=email,
                phone="+33 6 12 34 56 78",
                number=number,
            )
            connection.execute(
                text(
                    "UPDATE order_search SET doc = to_tsvector('simple', :doc) WHERE "
                    "search_key = (SELECT search_key FROM orders WHERE number = :n)"
                ),
                {"doc": document, "n": number},
            )


def _numbers(engine: Engine, query: str) -> list[str]:
    history = SalesHistoryService(sessions=make_sessions(engine), clock=FakeClock(T0))
    return [row.number for row in history.search(query).results]


def _scalar(engine: Engine, sql: str) -> object:
    with engine.connect() as connection:
        return connection.scalar(text(sql))


@pytest.mark.parametrize("backend", ["postgresql"])
def test_upgrade_from_0005_rewrites_the_index_rows_in_place(engine: Engine) -> None:
    _record(engine)
    command.downgrade(alembic_config(engine), "0005")  # the revision before 0006
    assert current_revision(engine) == "0005"
    _rows_as_0002_wrote_them(engine)
    assert _scalar(engine, "SELECT count(*) FROM order_search WHERE doc::text LIKE '%''\\_%'") == 0

    upgrade(engine)

    assert current_revision(engine) == HEAD
    assert _scalar(engine, "SELECT count(*) FROM order_search") == len(PEOPLE)
    assert (
        _scalar(  # every row holds its short prefixes, positions stripped
            engine, "SELECT count(*) FROM order_search WHERE doc @@ '''_val'' & ''_j'''::tsquery"
        )
        == 2
    )
    assert _scalar(engine, "SELECT bool_and(strip(doc) = doc) FROM order_search") is True
    options = _scalar(
        engine, "SELECT reloptions::text FROM pg_class WHERE relname = 'ix_order_search_doc'"
    )
    assert options == "{fastupdate=off}"
    assert _numbers(engine, "val j") == ["20003", "20001"]
    assert _numbers(engine, "v") == ["20003", "20002", "20001"]
    assert _numbers(engine, "valentin") == ["20002"]
    assert _numbers(engine, "zo le") == ["20004"]
    assert _numbers(engine, "2000")[:2] == ["20004", "20003"]
    assert _numbers(engine, "20001")[0] == "20001"
    with make_sessions(engine).begin() as session:  # new orders are indexed the same way
        record_order(
            session,
            order("20005", first="Zoé", last="Vidal", email=None, at=T0 + timedelta(days=1)),
        )
    assert _numbers(engine, "zo v") == ["20005"]


@pytest.mark.parametrize("backend", ["postgresql"])
def test_downgrade_to_0002_leaves_rows_the_0002_queries_read(engine: Engine) -> None:
    _record(engine)
    command.downgrade(alembic_config(engine), "0005")  # the revision before 0006
    assert _scalar(engine, "SELECT count(*) FROM order_search WHERE doc::text LIKE '%''\\_%'") == 0
    assert (
        _scalar(
            engine, "SELECT count(*) FROM order_search WHERE doc @@ to_tsquery('simple', 'val:*')"
        )
        == 3
    )
    assert (
        _scalar(engine, "SELECT count(*) FROM pg_proc WHERE proname = 'order_search_prefixed'") == 0
    )


@pytest.mark.parametrize("backend", ["sqlite"])
def test_0006_changes_nothing_on_sqlite(engine: Engine) -> None:
    _record(engine)
    schema = "SELECT group_concat(sql, ';') FROM sqlite_master"
    command.downgrade(alembic_config(engine), "0006")  # later revisions change other things
    before = _scalar(engine, schema)
    command.downgrade(alembic_config(engine), "0005")  # the revision before 0006
    assert _scalar(engine, schema) == before
    command.upgrade(alembic_config(engine), "0006")
    assert _scalar(engine, schema) == before
    assert _numbers(engine, "val j") == ["20003", "20001"]
