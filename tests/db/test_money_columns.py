"""Money columns are 64-bit on both databases (issue 10): what the records declare, what the
database holds, the upgrade in place from 0002 with rows in it, and one large order recorded,
refunded and read back the same way on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Connection, Engine, MetaData, Table, inspect, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url

from pos.db.engine import make_engine
from pos.db.migrate import HEAD, alembic_config, current_revision, upgrade
from pos.db.records import Base, CounterDocumentRecord, OrderRecord, PaymentRecord
from pos.domain.money import MAX_MINOR, Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.roles import Role
from pos.domain.settlement import Tender, TenderMethod
from pos.wiring import Store
from tests.support.clock import FakeClock
from tests.sync.test_wix_orders import eur_order, eur_transactions, price

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
INT32_MAX = 2**31 - 1
_names = itertools.count()


def money_columns(tables: Any) -> set[tuple[str, str]]:
    return {(t.name, c.name) for t in tables for c in t.columns if c.name.endswith("_minor")}


def test_every_money_column_is_declared_64_bit() -> None:
    columns = [c for t in Base.metadata.tables.values() for c in t.columns
               if c.name.endswith("_minor")]
    assert len(columns) >= 28  # every money column, those added since 0003 included
    for column in columns:
        assert column.type.compile(dialect=postgresql.dialect()) == "BIGINT", column
        assert column.type.compile(dialect=sqlite.dialect()) == "INTEGER", column  # 64-bit


def test_every_money_column_of_the_database_is_64_bit(engine: Engine) -> None:
    found = inspect(engine)
    kinds = {
        (table, column["name"]): str(column["type"])
        for table in found.get_table_names()
        for column in found.get_columns(table)
        if column["name"].endswith("_minor")
    }
    assert set(kinds) == money_columns(Base.metadata.tables.values())
    expected = "BIGINT" if engine.dialect.name == "postgresql" else "INTEGER"
    assert set(kinds.values()) == {expected}


@pytest.fixture
def empty_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A database with no schema at all, on the test's backend."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.sqlite3'}"
        return
    server = request.getfixturevalue("postgres_server")
    name = f"comptoir_old_{next(_names)}"
    admin = make_engine(server.url).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        connection.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    yield make_url(server.url).set(database=name).render_as_string(hide_password=False)


def staff(store: Store) -> None:
    store.users.add_user(None, "admin", "Alex Admin", Role.ADMIN, "7391")
    admin = store.users.login("admin", "7391")
    store.users.add_user(admin, "mona", "Mona", Role.MANAGER, "4826")
    store.cash.open(admin, Money(0, "EUR"))  # a counter document needs the drawer open


def insert_as_at(connection: Connection, table: str, **values: Any) -> Any:
    """Insert a row into `table` as the database's own schema has it (reflected, not today's
    records): every required column without a default gets a plain value. Returns its id."""
    found = Table(table, MetaData(), autoload_with=connection)
    row: dict[str, Any] = {}
    for column in found.columns:
        if column.name in values or column.nullable or column.primary_key:
            continue
        if column.server_default is not None:
            continue
        kind = column.type.python_type
        row[column.name] = {int: 1, str: "x", bool: False, datetime: NOW, dict: {}}.get(kind, "x")
    row.update(values)
    return connection.execute(found.insert().values(**row)).inserted_primary_key[0]


def refund_first_unit(store: Store, order_id: int, how: TenderMethod) -> str:
    """A manager refunds one unit of the order's first line; returns the document number."""
    line = store.history.order_detail(order_id).lines[0]
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(str(line.line_id), 1),))
    payment = store.history.order_detail(order_id).payments[0]
    tender = Tender(how, line.next_unit_credit,
                    payment_id=payment.payment_id if how is TenderMethod.ORIGINAL_PAYMENT else None)
    manager = store.users.login("mona", "4826")
    return store.returns.commit(manager, order_id, draft, [tender]).number


def test_an_existing_database_is_upgraded_in_place_with_its_rows(empty_url: str) -> None:
    engine = make_engine(empty_url)
    command.upgrade(alembic_config(engine), "0002")  # the schema of the releases before 0003
    with engine.begin() as connection:  # an order, a refund and its tender, as 0002 holds them
        order = insert_as_at(connection, "orders", total_minor=8971, currency="EUR")
        document = insert_as_at(connection, "counter_documents", id="T7-000001", order_id=order,
                                returned_credit_minor=2441, balance_minor=-2441)  # fmt: skip
        insert_as_at(connection, "document_tenders", document_id=document, amount_minor=2441)
    if engine.dialect.name == "postgresql":
        with pytest.raises(Exception, match="out of range"):  # what 0002 cannot hold
            with engine.begin() as connection:
                connection.execute(text("UPDATE orders SET total_minor = :v"), {"v": MAX_MINOR})
    upgrade(engine)
    assert current_revision(engine) == HEAD
    test_every_money_column_of_the_database_is_64_bit(engine)
    with engine.begin() as connection:  # the rows are all there, and now hold the bound
        assert connection.execute(text("SELECT total_minor FROM orders")).scalar_one() == 8971
        assert connection.execute(
            text("SELECT returned_credit_minor, balance_minor FROM counter_documents")
        ).one() == (2441, -2441)
        tendered = connection.execute(text("SELECT amount_minor FROM document_tenders"))
        assert tendered.scalar_one() == 2441
        connection.execute(text("UPDATE orders SET total_minor = :v"), {"v": MAX_MINOR})
        assert connection.execute(text("SELECT total_minor FROM orders")).scalar_one() == MAX_MINOR
    engine.dispose()


def idr_order() -> tuple[dict[str, Any], dict[str, Any]]:
    """IDR 25,000,000.00 (2,500,000,000 minor units: above PostgreSQL's `integer`)."""
    order = eur_order()
    order.update(currency="IDR", number="IDR-1", purchasedDate="2026-11-19T10:00:00.000Z")
    order["lineItems"] = [order["lineItems"][1]]
    order["lineItems"][0].update(
        quantity=2, price=price("12500000.00"), totalDiscount=price("0"),
        totalPriceAfterTax=price("25000000.00"),
        taxInfo={"taxAmount": price("2477477.48"), "taxRate": "0.11"},
    )
    order["priceSummary"] = {"subtotal": price("25000000.00"), "total": price("25000000.00")}
    transactions = eur_transactions()
    transactions["orderTransactions"]["payments"][0]["amount"] = price("25000000.00")
    return order, transactions


@pytest.mark.parametrize("how", [TenderMethod.ORIGINAL_PAYMENT, TenderMethod.STORE_CREDIT])
def test_a_large_order_is_recorded_refunded_and_read_back_alike_on_both(
    db_url: str, how: TenderMethod
) -> None:
    with Store.open(db_url, terminal_id="T7", clock=FakeClock(NOW)) as store:
        staff(store)
        order_id = store.orders.record_wix_order(*idr_order())
        (hit,) = store.history.search("IDR-1").results
        assert (hit.order_id, hit.total) == (order_id, Money(2_500_000_000, "IDR"))
        number = refund_first_unit(store, order_id, how)
        detail = store.history.order_detail(order_id)
        assert detail.lines[0].returnable == 1
        assert detail.payments[0].amount == Money(2_500_000_000, "IDR")
        refundable = 1_250_000_000 if how is TenderMethod.ORIGINAL_PAYMENT else 2_500_000_000
        assert detail.payments[0].refundable == Money(refundable, "IDR")
    engine = make_engine(db_url)
    with engine.connect() as connection:
        assert connection.execute(select(OrderRecord.total_minor)).scalar_one() == 2_500_000_000
        assert connection.execute(select(PaymentRecord.amount_minor)).scalar_one() > INT32_MAX
        document = connection.execute(
            select(CounterDocumentRecord.number, CounterDocumentRecord.returned_credit_minor)
        ).one()
        assert document == (number, 1_250_000_000)
    engine.dispose()
