"""Recording orders in the sales history: idempotent upserts, customers, search keys."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, text

from pos.db.engine import SessionFactory
from pos.db.orders import record_order
from pos.db.records import CustomerRecord, OrderLineRecord, OrderRecord, PaymentRecord
from tests.support.builders import T0, order


def count(sessions: SessionFactory, model: type) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(model))


def index_size(sessions: SessionFactory) -> int:
    with sessions() as s:
        return s.execute(text("SELECT count(*) FROM order_search")).scalar_one()


def test_recording_the_same_order_twice_changes_nothing(sessions: SessionFactory) -> None:
    data = order("10234", wix_id="wix-1")
    for _ in range(2):
        with sessions.begin() as s:
            record_order(s, data)
    assert count(sessions, OrderRecord) == 1
    assert count(sessions, OrderLineRecord) == 1
    assert count(sessions, PaymentRecord) == 1
    assert count(sessions, CustomerRecord) == 1
    assert index_size(sessions) == 1


def test_money_is_stored_in_minor_units(sessions: SessionFactory) -> None:
    with sessions.begin() as s:
        record_order(s, order("10234", price=4990, quantity=2))
    with sessions() as s:
        stored = s.scalar(select(OrderRecord))
        line = stored.lines[0]
        assert (stored.total_minor, line.paid_minor, line.tax_minor) == (9980, 9980, 1663)
        assert stored.placed_at == T0 and stored.placed_at.tzinfo is not None


def test_orders_at_the_same_millisecond_get_distinct_ordered_keys(
        sessions: SessionFactory) -> None:
    with sessions.begin() as s:
        keys = [record_order(s, order(str(20000 + n), at=T0)).search_key for n in range(5)]
        later = record_order(s, order("30000", at=T0 + timedelta(milliseconds=1))).search_key
    assert len(set(keys)) == 5 and keys == sorted(keys)
    assert later > max(keys)


def test_a_returning_customer_is_one_customer(sessions: SessionFactory) -> None:
    with sessions.begin() as s:
        record_order(s, order("1", email="Helene.Lefevre@Example.fr"))
        record_order(s, order("2", email="helene.lefevre@example.fr", days_ago=40))
    assert count(sessions, CustomerRecord) == 1
    assert count(sessions, OrderRecord) == 2
