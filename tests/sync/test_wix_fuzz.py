"""Fuzzing `record_wix_order` (issue 10): hostile mutations of a real Wix order and its
transactions, on both databases.

Invariants: nothing but a `WixPayloadError` ever escapes; a refused order writes nothing; a
recorded one has every line paid ≥ 0 with its tax and discount within it, every payment
refunded ≤ its amount, every amount within `MAX_MINOR`, and is found by its own number.

Seeded (`derandomize`) and bounded: `PURE_EXAMPLES` mutations of the conversion alone, and
`DB_EXAMPLES` recordings per backend (SQLite and PostgreSQL).
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from pos.db.engine import SessionFactory
from pos.db.records import CustomerRecord, OrderLineRecord, OrderRecord, PaymentRecord
from pos.domain.money import MAX_MINOR
from pos.domain.orders import OrderData
from pos.services.history import SalesHistoryService
from pos.services.order_import import OrderImportService
from pos.sync.wix_orders import WixPayloadError, order_from_wix
from pos.wiring.sync import read_wix_order
from tests.support.clock import FakeClock
from tests.sync.test_wix_orders import eur_order, eur_transactions, price


def importer(sessions: SessionFactory) -> OrderImportService:
    """The order importer as the shop wires it (`pos.wiring.Store.orders`)."""
    return OrderImportService(sessions=sessions, read_order=read_wix_order)


PURE_EXAMPLES = 1500
DB_EXAMPLES = 150
NOW = datetime(2026, 12, 1, tzinfo=UTC)

HOSTILE_CHARS = ["\x00", "\ud800", "\udfff", "\ud83d", "é", "😀", "İ", "ß", "\u202e", "#", " ",
                 "-", "7", "a", "\x1b", "\ufeff", "ﷺ"]
texts = st.one_of(
    st.text(max_size=12),
    st.lists(st.sampled_from(HOSTILE_CHARS), max_size=12).map("".join),
    st.builds(lambda char, n: char * n, st.sampled_from([*HOSTILE_CHARS, "x"]),
              st.sampled_from([39, 40, 41, 63, 64, 65, 100, 101, 200, 201, 254, 255, 5000])),
)
amounts = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(min_value=0, max_value=Decimal("1e16"), places=2).map(str),
    st.integers(0, 10**18).map(lambda minor: str(Decimal(minor).scaleb(-2))),
    st.sampled_from(["0", "-0", "0.00", "1e15", "1000000000000000", "999999999999999.99",
                     "1E+400", "1e-400", " 12.50 ", "12,50", "", "NaN", "-1.00", "0.001"]),
)
moments = st.one_of(
    st.datetimes(min_value=datetime(1960, 1, 1), max_value=datetime(2110, 1, 1),
                 timezones=st.just(UTC)).map(lambda moment: moment.isoformat()),
    st.sampled_from(["0001-01-01T00:00:00Z", "0001-01-01T00:30:00+01:00", "9999-12-31T23:59:59Z",
                     "9999-12-31T23:00:00-05:00", "1969-12-31T23:59:59.999Z",
                     "1970-01-01T00:00:00Z", "2099-12-31T23:59:59.999Z", "2026-11-17"]),
)
scalars = st.one_of(
    texts, amounts, moments, st.none(), st.booleans(),
    st.integers(-(2**70), 2**70), st.floats(), st.builds(list), st.builds(dict),
    st.sampled_from([100_000, 100_001, 0, -1, 2**31, 2**63]),
    amounts.map(lambda amount: {"amount": amount}),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = []
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        found.append((*prefix, key))
        if isinstance(value, dict | list):
            found.extend(_paths(value, (*prefix, key)))
    return found


ORDER_PATHS = _paths(eur_order())
TRANSACTION_PATHS = _paths(eur_transactions())


def _get(payload: Any, path: tuple[Any, ...]) -> Any:
    node = payload
    for key in path:
        node = node[key]
    return node


def _like(original: Any) -> st.SearchStrategy[Any]:
    """Mostly values of the field's own JSON type, so the mutation reaches past type checks."""
    if isinstance(original, bool):
        return scalars
    if isinstance(original, int):
        return st.integers(-2, 2**64) | st.sampled_from([100_000, 100_001, 0, 2**63])
    if isinstance(original, str):
        return texts | amounts | moments
    if isinstance(original, dict) and "amount" in original:
        return amounts.map(lambda amount: {"amount": amount})
    return scalars


def _set(payload: Any, path: tuple[Any, ...], value: Any) -> None:
    node = payload
    for key in path[:-1]:
        if not isinstance(node, dict | list):
            return
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return
    if isinstance(node, dict) or (isinstance(node, list) and isinstance(path[-1], int)
                                  and path[-1] < len(node)):
        node[path[-1]] = value


@st.composite
def payloads(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """A Wix order and its transactions, a few fields replaced by hostile values."""
    order, transactions = eur_order(), eur_transactions()
    refunds = draw(st.lists(amounts, max_size=3))
    transactions["orderTransactions"]["refunds"] = [
        {"id": f"r-{index}", "transactions": [{"paymentId": "pay-card", "amount": price(amount)}]}
        for index, amount in enumerate(refunds)
    ]
    for path in draw(st.lists(st.sampled_from(ORDER_PATHS), max_size=4)):
        _set(order, path, draw(st.one_of(*[_like(_get(eur_order(), path))] * 3, scalars)))
    for path in draw(st.lists(st.sampled_from(TRANSACTION_PATHS), max_size=2)):
        _set(transactions, path, draw(_like(_get(eur_transactions(), path)) | scalars))
    if draw(st.integers(0, 3)) == 0:
        field = draw(st.sampled_from(["purchasedDate", "createdDate", "updatedDate"]))
        order[field] = draw(moments)
    if draw(st.booleans()):  # through JSON text, as the pull reads it
        order = json.loads(json.dumps(order))
    return order, (None if draw(st.integers(0, 9)) == 0 else copy.deepcopy(transactions))


def check_recorded(data: OrderData) -> None:
    """What a recorded order must satisfy, in the shape it is recorded."""
    for line in data.lines:
        assert 0 <= line.tax.minor <= line.paid.minor <= MAX_MINOR
        gross = line.unit_price.minor * line.quantity
        assert 0 <= (line.discount.minor if line.discount else 0) <= gross <= MAX_MINOR
    for payment in data.payments:
        refunded = payment.refunded.minor if payment.refunded else 0
        assert 0 <= refunded <= payment.amount.minor <= MAX_MINOR
    assert data.total().minor <= MAX_MINOR
    assert EARLY <= data.placed_at < LATE


EARLY, LATE = datetime(1970, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)


@settings(max_examples=PURE_EXAMPLES, derandomize=True, deadline=None)
@given(payloads())
def test_any_mutation_converts_sanely_or_is_a_payload_error(
    payload: tuple[dict[str, Any], dict[str, Any] | None],
) -> None:
    try:
        data = order_from_wix(*payload)
    except WixPayloadError as error:
        assert error.code and error.path
        return
    check_recorded(data)


def snapshot(sessions: SessionFactory) -> list[Any]:
    with sessions() as s:
        return [
            sorted(tuple(getattr(row, column.key) for column in record.__table__.columns)
                   for row in s.scalars(select(record)))
            for record in (OrderRecord, OrderLineRecord, PaymentRecord, CustomerRecord)
        ]


@settings(max_examples=DB_EXAMPLES, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(payload=payloads())
def test_recording_any_mutation_keeps_the_invariants(
    sessions: SessionFactory, payload: tuple[dict[str, Any], dict[str, Any] | None]
) -> None:
    before = snapshot(sessions)
    try:
        order_id = importer(sessions).record_wix_order(*payload)
    except WixPayloadError:
        assert snapshot(sessions) == before  # nothing written
        return
    with sessions() as s:
        order = s.get(OrderRecord, order_id)
        assert order is not None
        for line in order.lines:
            assert 0 <= line.tax_minor <= line.paid_minor <= MAX_MINOR
            assert 0 <= line.discount_minor <= line.unit_price_minor * line.quantity
        for payment in order.payments:
            assert 0 <= payment.refunded_minor <= payment.amount_minor <= MAX_MINOR
        assert order.search_key >= 0
        number = order.number
    history = SalesHistoryService(sessions=sessions, clock=FakeClock(NOW))
    assert order_id in [hit.order_id for hit in history.search(number).results]
