"""The database refuses a state change its transition table does not allow."""

from __future__ import annotations

import pytest

from pos.db import closing, returns, stock
from pos.db.engine import SessionFactory
from pos.db.orders import record_order
from pos.db.records import OrderRecord
from pos.domain.closing import CashFigures
from pos.domain.states import IllegalTransitionError, InspectionState
from tests.support.builders import T0, order


def test_a_counted_cash_session_is_not_closed_twice(sessions: SessionFactory) -> None:
    figures = CashFigures("EUR", opening_float=10000, cash_in=0, cash_out=0, paid_in=0,
                          paid_out=0)  # fmt: skip
    with sessions.begin() as s:
        session_id = closing.insert_session(s, terminal_id="T9", currency="EUR",
                                            opening_float=10000, user_id=None, now=T0)  # fmt: skip
        closing.close_session(s, session_id, counts={}, counted=10000, figures=figures,
                              user_id=None, approved_by=None, now=T0)  # fmt: skip
    with pytest.raises(IllegalTransitionError, match="from 'closed' to 'closed'"):
        with sessions.begin() as s:
            closing.close_session(s, session_id, counts={}, counted=0, figures=figures,
                                  user_id=None, approved_by=None, now=T0)  # fmt: skip
    with sessions() as s:
        assert closing.open_session(s, "T9") is None
        (row, _figures), = closing.unclosed_sessions(s, "T9")
        assert (row.id, row.counted) == (session_id, 10000)  # the first count stands


def test_an_order_cancelled_at_the_counter_is_not_cancelled_twice(
    sessions: SessionFactory,
) -> None:
    with sessions.begin() as s:
        order_id = record_order(s, order("40001")).id
        returns.mark_order_cancelled(s, order_id)
    with pytest.raises(IllegalTransitionError, match="order cannot go from 'CANCELED'"):
        with sessions.begin() as s:
            returns.mark_order_cancelled(s, order_id)
    with sessions() as s:
        assert s.get(OrderRecord, order_id).status == "CANCELED"  # type: ignore[union-attr]


def test_settling_an_item_to_inspect_must_decide_something(sessions: SessionFactory) -> None:
    with pytest.raises(IllegalTransitionError, match="from 'awaiting' to 'awaiting'"):
        with sessions.begin() as s:
            stock.settle_inspection(s, 1, state=InspectionState.AWAITING, user_id=None, now=T0)
