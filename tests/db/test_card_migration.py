"""Migration 0011: card digits backfilled from the payment reference, card words re-indexed."""

from __future__ import annotations

from datetime import timedelta

from alembic import command
from sqlalchemy import Engine, inspect, text

from pos.db.engine import make_sessions
from pos.db.migrate import HEAD, alembic_config, current_revision, upgrade
from pos.db.orders import record_order
from pos.services.history import SalesHistoryService
from tests.support.builders import T0, order
from tests.support.clock import FakeClock
from tests.support.search_index import index_words


def _found(engine: Engine, query: str) -> list[tuple[str, str]]:
    history = SalesHistoryService(sessions=make_sessions(engine), clock=FakeClock(T0))
    return [(row.number, row.card) for row in history.search(query).results]


def _words(engine: Engine) -> dict[str, set[str]]:
    with engine.connect() as connection:
        return index_words(connection)


def test_upgrade_from_0010_backfills_the_digits_and_indexes_the_cards(engine: Engine) -> None:
    with make_sessions(engine).begin() as session:
        record_order(session, order("10001", card=("4242", "visa")))
        record_order(session, order("10002", card=("1234", None), at=T0 + timedelta(hours=1)))
        record_order(session, order("10003", card=None, at=T0 + timedelta(hours=2)))
    at_head = _words(engine)
    command.downgrade(alembic_config(engine), "0010_report_days")
    assert "card_last4" not in {c["name"] for c in inspect(engine).get_columns("payments")}
    assert not any(w.lstrip("_").startswith("0c") for ws in _words(engine).values() for w in ws)
    assert _found(engine, "**** 4242") == []

    upgrade(engine)

    assert current_revision(engine) == HEAD
    with engine.connect() as connection:
        digits = dict(connection.execute(text(
            "SELECT o.number, p.card_last4 FROM payments p JOIN orders o ON o.id = p.order_id"
        )).all())
        brands = set(connection.scalars(text("SELECT card_brand FROM payments")))
    assert digits == {"10001": "4242", "10002": "1234", "10003": None}
    assert brands == {None}  # "**** 4242" says nothing of the brand: known at the next pull
    assert _found(engine, "**** 4242") == [("10001", "4242")]
    assert _found(engine, "•••• 1234") == [("10002", "1234")]
    assert _found(engine, "visa 4242") == []
    words = _words(engine)
    assert words["10001"] == at_head["10001"] - {"0c4242visa"} - {
        w for w in at_head["10001"] if w.startswith("_0c4242v")}
    assert words["10002"] == at_head["10002"] and words["10003"] == at_head["10003"]
