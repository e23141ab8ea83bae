"""The demo shop: consistent with the money rules, searchable, reproducible, on both backends."""

from __future__ import annotations

import itertools
import json
import os
import time
from collections import defaultdict
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, MetaData, select, text

from pos.db import demo
from pos.db.demo import DEMO_USERS, ensure_demo_shop, generate
from pos.db.demo_catalogue import ean13
from pos.db.engine import make_engine, make_sessions
from pos.db.records import Base
from pos.db.search import PG_DOCUMENT
from pos.domain.money import Money
from pos.domain.pins import verify_pin
from pos.domain.search_text import chrono_base, fold, normalise_number, search_document
from pos.domain.valuation import (
    LineTerms,
    LineValue,
    OrderTerms,
    return_credit,
    tax_inside,
    value_order,
)
from pos.services.history import SalesHistoryService
from tests.support.clock import FakeClock
from tests.support.databases import DatabaseFactory

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
ORDERS = 1_500
LINE_PCTS = (None, Decimal(10), Decimal(15), Decimal(20), Decimal(30), Decimal(50))


@pytest.fixture
def shop(engine: Engine) -> Engine:
    summary = generate(engine, orders=ORDERS, seed=7, now=NOW)
    assert summary.orders == ORDERS
    return engine


def _rows(engine: Engine, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql))]


def test_catalogue_has_products_variants_barcodes_and_stock(shop: Engine) -> None:
    products = _rows(shop, "SELECT id, name FROM products")
    variants = _rows(shop, "SELECT id, sku, barcode, price_minor, tax_rate FROM variants")
    stock = _rows(shop, "SELECT variant_id, on_hand FROM stock_levels")
    assert len(products) == 200
    assert 1_800 <= len(variants) <= 2_200
    assert len({sku for _, sku, *_ in variants}) == len(variants)
    for _, _, barcode, price, rate in variants:
        assert len(barcode) == 13 and ean13(barcode[:12]) == barcode
        assert price > 0 and rate == "20"
    assert {variant_id for variant_id, _ in stock} == {v[0] for v in variants}


def test_ean13_check_digit() -> None:
    assert ean13("400638133393") == "4006381333931"
    with pytest.raises(ValueError):
        ean13("12345")


def test_orders_are_numbered_in_time_order_with_unique_keys(shop: Engine) -> None:
    with make_sessions(shop)() as session:
        from pos.db.records import OrderRecord

        orders = session.scalars(select(OrderRecord).order_by(OrderRecord.id)).all()
        assert [o.number for o in orders] == [str(10001 + i) for i in range(ORDERS)]
        keys = [o.search_key for o in orders]
        assert keys == sorted(keys) and len(set(keys)) == len(keys)
        for order in orders:
            assert 0 <= order.search_key - chrono_base(order.placed_at) < 1000
            assert order.number_norm == normalise_number(order.number)
            assert order.placed_at < NOW and (NOW - order.placed_at).days <= 731
        assert {o.channel for o in orders} == {"WEB", "POS"}
        with_customer = {o.customer_id for o in orders if o.customer_id}
    customers = _rows(shop, "SELECT count(*) FROM customers")[0][0]
    assert 0.25 * ORDERS <= customers <= 0.36 * ORDERS
    assert len(with_customer) == customers  # every customer bought something
    repeat = _rows(shop, "SELECT count(*) FROM orders GROUP BY customer_id HAVING count(*) > 1")
    assert len(repeat) > customers // 4  # customers come back


def _line_values(lines: list[tuple]) -> list[LineValue]:  # type: ignore[type-arg]
    return [
        LineValue(
            q, Money(q * unit, "EUR"), Money(disc, "EUR"), Money(paid, "EUR"), Money(tax, "EUR")
        )
        for _, q, unit, disc, paid, tax, *_ in lines
    ]


def _rules_give(lines: list[tuple], order_pct: str | None) -> bool:  # type: ignore[type-arg]
    """Whether some line discounts from the demo's menu make `value_order` give these lines."""
    stored = _line_values(lines)
    for pcts in itertools.product(LINE_PCTS, repeat=len(lines)):
        terms = OrderTerms(
            "EUR",
            True,
            [
                LineTerms(q, Money(unit, "EUR"), Decimal(20), pct)
                for (_, q, unit, *_), pct in zip(lines, pcts, strict=True)
            ],
            order_discount_pct=None if order_pct is None else Decimal(order_pct),
        )
        if list(value_order(terms)) == stored:
            return True
    return False


def test_money_follows_the_rules(shop: Engine) -> None:
    lines_of = defaultdict(list)
    for row in _rows(
        shop,
        "SELECT order_id, id, quantity, unit_price_minor, discount_minor, paid_minor, "
        "tax_minor, refunded_quantity, restocked_quantity, tax_rate FROM order_lines "
        "ORDER BY order_id, position",
    ):
        lines_of[row[0]].append(row[1:])
    payments_of = defaultdict(list)
    for order_id, amount, refunded, method in _rows(
        shop, "SELECT order_id, amount_minor, refunded_minor, method FROM payments ORDER BY id"
    ):
        payments_of[order_id].append((amount, refunded, method))
    refunds_of = defaultdict(list)
    for order_id, amount, lines in _rows(
        shop, "SELECT order_id, amount_minor, lines FROM order_refunds"
    ):
        refunds_of[order_id].append(
            (amount, json.loads(lines) if isinstance(lines, str) else lines)
        )
    orders = _rows(
        shop,
        "SELECT id, subtotal_minor, discount_minor, tax_minor, shipping_minor, "
        "shipping_tax_minor, total_minor, order_discount_pct, payment_status, channel FROM orders",
    )
    seen = defaultdict(int)
    for (
        order_id,
        subtotal,
        discount,
        tax,
        shipping,
        ship_tax,
        total,
        pct,
        status,
        channel,
    ) in orders:
        lines = lines_of[order_id]
        assert _rules_give(lines, pct), order_id
        assert subtotal == sum(q * unit for _, q, unit, *_ in lines)
        assert discount == sum(line[3] for line in lines)
        assert tax == sum(line[5] for line in lines)
        assert ship_tax == tax_inside(Money(shipping, "EUR"), Decimal(20)).minor
        assert total == sum(line[4] for line in lines) + shipping
        assert shipping == 0 or channel == "WEB"
        assert sum(amount for amount, _, _ in payments_of[order_id]) == total
        _check_refunds(status, lines, payments_of[order_id], refunds_of[order_id])
        seen["pct"] += pct is not None
        seen["line_discount"] += any(line[3] for line in lines) and pct is None
        seen["split"] += len(payments_of[order_id]) > 1
        seen["refunded"] += status == "PARTIALLY_REFUNDED"
        seen["shipping"] += shipping > 0
    assert all(seen[kind] > 5 for kind in ("pct", "line_discount", "split", "refunded")), seen


def _check_refunds(status, lines, payments, refunds) -> None:  # type: ignore[no-untyped-def]
    refunded_lines = [line for line in lines if line[6]]
    if status == "PAID":
        assert not refunded_lines and not refunds and all(r == 0 for _, r, _ in payments)
        return
    assert status == "PARTIALLY_REFUNDED"
    credit = sum(
        return_credit(value, 0, line[6]).amount.minor
        for line, value in zip(lines, _line_values(lines), strict=True)
        if line[6]
    )
    assert sum(refunded for _, refunded, _ in payments) == credit > 0
    assert all(r == 0 for _, r, method in payments if method == "gift_card")
    assert [amount for amount, _ in refunds] == [credit]
    assert refunds[0][1] == [{"line": line[0], "quantity": line[6]} for line in refunded_lines]
    assert sum(line[6] for line in lines) < sum(line[1] for line in lines)  # only partly
    assert all(line[7] == line[6] and line[8] == "20" for line in lines)


def test_lines_refer_to_variants(shop: Engine) -> None:
    rows = _rows(
        shop,
        "SELECT l.sku, v.sku, l.options_text, v.options, l.product_name, p.name "
        "FROM order_lines l JOIN variants v ON v.id = l.variant_id "
        "JOIN products p ON p.id = v.product_id",
    )
    assert len(rows) == _rows(shop, "SELECT count(*) FROM order_lines")[0][0]
    for line_sku, sku, options_text, options, line_name, name in rows:
        options = json.loads(options) if isinstance(options, str) else options
        assert line_sku == sku and line_name == name
        assert options_text == f"{options['Taille']} / {options['Couleur']}"


def test_demo_users_can_log_in(shop: Engine) -> None:
    users = {
        r[0]: r[1:] for r in _rows(shop, "SELECT username, display_name, role, pin_hash FROM users")
    }
    for username, display_name, role, pin in DEMO_USERS:
        assert users[username][:2] == (display_name, role)
        assert verify_pin(pin, users[username][2])
        assert pin not in users[username][2]


def _index(engine: Engine) -> dict[int, str]:
    if engine.dialect.name == "sqlite":
        return dict(_rows(engine, "SELECT rowid, doc FROM order_search"))
    return dict(_rows(engine, "SELECT search_key, doc::text FROM order_search"))


def test_search_index_has_one_document_per_order(shop: Engine) -> None:
    index = _index(shop)
    rows = _rows(
        shop,
        "SELECT o.search_key, o.number, o.buyer_email, c.first_name, c.last_name, c.email, "
        "c.phone FROM orders o LEFT JOIN customers c ON c.id = o.customer_id",
    )
    assert len(index) == len(rows) == ORDERS
    cards: dict[int, list[tuple[str, str]]] = {}
    for key, last4, brand in _rows(
        shop,
        "SELECT o.search_key, p.card_last4, p.card_brand FROM payments p "
        "JOIN orders o ON o.id = p.order_id WHERE p.card_last4 IS NOT NULL ORDER BY p.id",
    ):
        cards.setdefault(key, []).append((last4, brand))
    assert len(cards) > ORDERS // 2  # most demo orders are paid by a card
    expected = {
        key: search_document(
            first_name=first, last_name=last, email=email or buyer, phone=phone, number=number,
            cards=cards.get(key, ()),
        )
        for key, number, buyer, first, last, email, phone in rows
    }
    if shop.dialect.name == "postgresql":
        with shop.connect() as connection:
            expected = {
                key: connection.scalar(text(f"SELECT {PG_DOCUMENT.format(':d')}::text"), {"d": doc})
                for key, doc in expected.items()
            }
    assert index == expected


def test_history_search_finds_generated_orders(shop: Engine) -> None:
    history = SalesHistoryService(sessions=make_sessions(shop), clock=FakeClock(NOW))
    customers = _rows(
        shop,
        "SELECT c.id, c.first_name, c.last_name, c.phone, count(*) FROM customers c "
        "JOIN orders o ON o.customer_id = c.id WHERE c.phone IS NOT NULL "
        "GROUP BY c.id, c.first_name, c.last_name, c.phone ORDER BY count(*) DESC, c.id",
    )
    accented = next(c for c in customers if fold(c[1] + c[2]) != (c[1] + c[2]).lower())
    customer_id, first, last, phone, _ = accented
    wanted = {r[0] for r in _rows(shop, f"SELECT id FROM orders WHERE customer_id = {customer_id}")}
    by_name = history.search(f"{fold(first)} {fold(last)}".upper(), limit=200)
    assert wanted <= {hit.order_id for hit in by_name.results}
    by_phone = history.search(phone, limit=200)
    assert wanted <= {hit.order_id for hit in by_phone.results}
    by_number = history.search("10042")
    assert by_number.results[0].number == "10042" and by_number.results[0].exact
    by_prefix = history.search(fold(last)[:3])
    assert by_prefix.results and by_prefix.results[0].placed_at > by_prefix.results[-1].placed_at


def test_order_detail_reads_a_refunded_order(shop: Engine) -> None:
    order_id = _rows(shop, "SELECT min(id) FROM orders WHERE payment_status = 'PARTIALLY_REFUNDED'")
    history = SalesHistoryService(sessions=make_sessions(shop), clock=FakeClock(NOW))
    detail = history.order_detail(order_id[0][0])
    assert detail.refunded_total.minor > 0
    assert any(line.returned for line in detail.lines)
    assert any(line.returnable for line in detail.lines)
    assert detail.placed_at.tzinfo is not None


def test_refuses_a_database_that_holds_orders(shop: Engine) -> None:
    with pytest.raises(ValueError, match="already holds"):
        generate(shop, orders=10, now=NOW)


def test_reports_progress_per_batch(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "BATCH_ORDERS", 100)
    calls: list[tuple[int, int]] = []
    summary = generate(engine, orders=350, seed=2, now=NOW, progress=lambda *a: calls.append(a))
    assert calls == [(100, 350), (200, 350), (300, 350), (350, 350)]
    assert summary.orders == 350 and summary.seconds > 0


def _dump(engine: Engine) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    tables: dict[str, list[tuple]] = {}  # type: ignore[type-arg]
    metadata = MetaData()
    metadata.reflect(engine, only=[t.name for t in Base.metadata.sorted_tables])
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            tables[table.name] = [
                tuple(r) for r in connection.execute(select(table).order_by(*order))
            ]
    tables["order_search"] = sorted(_index(engine).items())
    return tables


def test_same_seed_same_database(backend: str, database_factory: DatabaseFactory) -> None:
    dumps = []
    for seed in (5, 5, 6):
        engine = make_engine(database_factory.new_url(backend))
        generate(engine, orders=300, seed=seed, now=NOW)
        dumps.append(_dump(engine))
        engine.dispose()
    assert dumps[0] == dumps[1]
    assert dumps[0]["orders"] and dumps[0]["order_search"]
    for table in ("customers", "orders", "order_lines", "payments", "stock_levels", "users"):
        assert dumps[0][table] != dumps[2][table], table


def test_ensure_demo_shop_creates_once(tmp_path: Path) -> None:
    path = tmp_path / "demo" / "demo.sqlite3"
    stale = path.with_name("demo.sqlite3.partial-999999")
    stale.parent.mkdir()
    stale.write_bytes(b"interrupted")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    url = ensure_demo_shop(path, orders=200, seed=3)
    assert path.exists() and not stale.exists()
    assert sorted(p.name for p in path.parent.iterdir()) == ["demo.sqlite3"]
    engine = make_engine(url)
    assert _rows(engine, "SELECT count(*) FROM orders") == [(200,)]
    engine.dispose()
    created = path.stat().st_mtime_ns
    assert ensure_demo_shop(path, orders=500, seed=4) == url  # already there: kept as it is
    engine = make_engine(url)
    assert _rows(engine, "SELECT count(*) FROM orders") == [(200,)]
    engine.dispose()
    assert path.stat().st_mtime_ns >= created


def test_ensure_demo_shop_replaces_a_file_without_orders(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    path.write_bytes(b"")  # an empty file, as an interrupted copy might leave
    url = ensure_demo_shop(path, orders=50)
    engine = make_engine(url)
    assert _rows(engine, "SELECT count(*) FROM orders") == [(50,)]
    engine.dispose()
