"""The Store facade: opening a database, the services it wires, the catalogue helper."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from pos.db.engine import make_engine, make_sessions
from pos.db.migrate import current_revision, head_revision
from pos.domain.errors import ReturnRefusedError
from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.roles import Role
from pos.domain.settlement import Tender, TenderMethod
from pos.services.catalogue import VariantNotFoundError
from pos.sync.wix_orders import WixPayloadError
from pos.wiring import Store
from tests.support.clock import FakeClock
from tests.sync.test_wix_orders import eur_order, eur_transactions

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


@pytest.fixture
def store(db_url: str):  # type: ignore[no-untyped-def]
    with Store.open(db_url, terminal_id="T7", clock=FakeClock(NOW)) as opened:
        yield opened


def staff(store: Store) -> None:
    store.users.add_user(None, "admin", "Alex Admin", Role.ADMIN, "7391")
    admin = store.users.login("admin", "7391")
    store.users.add_user(admin, "camille", "Camille", Role.CASHIER, "2580")


def test_open_migrates_a_new_sqlite_file_given_as_a_path(tmp_path: Path) -> None:
    path = tmp_path / "shop" / "comptoir.sqlite3"
    with Store.open(str(path)) as store:
        assert store.terminal_id == "T1"
        assert store.history.search("nothing").message == "nothing_found"
    engine = make_engine(str(path))
    try:
        assert current_revision(engine) == head_revision(engine)
    finally:
        engine.dispose()


def test_open_without_migrate_leaves_the_schema_alone(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    Store.open(str(path), migrate=False).close()
    engine = make_engine(str(path))
    try:
        assert current_revision(engine) is None
    finally:
        engine.dispose()


def test_open_refuses_an_unsupported_database() -> None:
    with pytest.raises(ValueError, match="unsupported database"):
        Store.open("mysql://shop@localhost/comptoir")


def test_close_is_idempotent_and_the_constructor_takes_existing_sessions(db_url: str) -> None:
    engine = make_engine(db_url)
    closed: list[bool] = []
    store = Store(
        sessions=make_sessions(engine), clock=FakeClock(NOW), on_close=lambda: closed.append(True)
    )
    store.close()
    store.close()
    assert closed == [True]
    engine.dispose()


def test_the_catalogue_records_a_variant_once_and_keeps_its_stock(store: Store) -> None:
    first = store.catalogue.record_variant(
        sku="TSH-M",
        product_name="T-shirt",
        price=eur(2990),
        tax_rate="20",
        options={"Taille": "M"},
        barcode="2000001",
        on_hand=5,
        wix_product_id="p-1",
    )
    assert store.catalogue.variant("2000001") == first  # by barcode too
    again = store.catalogue.record_variant(
        sku="TSH-M",
        product_name="T-shirt bio",
        price=eur(3190),
        tax_rate=Decimal("5.5"),
        on_hand=99,
        wix_product_id="p-1",
    )
    assert again.variant_id == first.variant_id
    assert (again.price, again.tax_rate, again.on_hand) == (eur(3190), Decimal("5.5"), 5)
    assert again.barcode is None and again.options == {}  # recording replaces every field
    assert store.catalogue.on_hand("TSH-M") == 5
    with pytest.raises(VariantNotFoundError) as missing:
        store.catalogue.variant("NOPE")
    assert missing.value.code == "variant_not_found"


def test_a_recorded_wix_order_is_found_refunded_and_recorded_again(store: Store) -> None:
    staff(store)
    store.catalogue.record_variant(
        sku="TSH-M", product_name="T-shirt coton bio", price=eur(2990), tax_rate="20", on_hand=5
    )
    order_id = store.orders.record_wix_order(eur_order(), eur_transactions())
    (hit,) = store.history.search("Lefèvre").results
    assert hit.order_id == order_id and hit.total == eur(8971)
    detail = store.history.order_detail(order_id)
    assert [p.method for p in detail.payments] == ["card"]
    tee = detail.lines[0]
    assert (tee.sku, tee.returnable, tee.next_unit_credit) == ("TSH-M", 2, eur(2441))
    # One T-shirt back, refunded to the card it was paid with.
    cashier = store.users.login("camille", "2580")
    store.cash.open(cashier, eur(10000))  # a document needs T7's drawer open
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(str(tee.line_id), 1),))
    quote = store.returns.quote(order_id, draft)
    assert TenderMethod.ORIGINAL_PAYMENT in quote.settlement_methods
    done = store.returns.commit(cashier, order_id, draft, [Tender(TenderMethod.CASH, eur(2441))])
    assert done.number == "T7-000001"
    assert store.catalogue.on_hand("TSH-M") == 6
    # The next pull records the same order again: still one order, the document still on it.
    assert store.orders.record_wix_order({"order": eur_order()}, eur_transactions()) == order_id
    assert [d.number for d in store.history.order_detail(order_id).documents] == ["T7-000001"]
    assert len(store.history.search("10042").results) == 1
    assert store.cash.current().figures.expected == 10000 - 2441


def test_a_malformed_payload_is_refused_before_anything_is_written(store: Store) -> None:
    order = eur_order()
    order["lineItems"][0]["quantity"] = "2"
    with pytest.raises(WixPayloadError) as refused:
        store.orders.record_wix_order(order)
    assert refused.value.path == "order.lineItems[0].quantity"
    assert store.history.search("10042").results == ()


def test_the_order_detail_gives_wix_payment_ids_line_taxes_and_shipping(store: Store) -> None:
    staff(store)
    order_id = store.orders.record_wix_order(eur_order(), eur_transactions())
    detail = store.history.order_detail(order_id)
    assert [p.wix_payment_id for p in detail.payments] == ["pay-card"]
    tee, scarf = detail.lines
    assert (tee.tax, tee.discount, tee.tax_rate) == (eur(814), eur(1098), 20)
    assert (scarf.tax, scarf.discount, scarf.paid) == (eur(599), eur(399), eur(3591))
    assert (detail.shipping, detail.shipping_tax, detail.shipping_refunded) == (
        eur(498), eur(83), False)  # fmt: skip
    # Shipping refunded with one T-shirt: the order says so from then on.
    cashier = store.users.login("camille", "2580")
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(str(tee.line_id), 1),),
                  refund_shipping=True)  # fmt: skip
    quote = store.returns.quote(order_id, draft)
    admin = store.users.login("admin", "7391")  # a manager's choice (rule 6)
    store.cash.open(admin, eur(0))  # a counter document needs T7's drawer open
    store.returns.commit(admin, order_id, draft, [Tender(TenderMethod.CASH, quote.to_refund)])
    assert store.history.order_detail(order_id).shipping_refunded
    assert cashier.role is Role.CASHIER


def test_shipping_refunded_online_is_known_and_not_refunded_again(store: Store) -> None:
    transactions = eur_transactions()
    transactions["orderTransactions"]["refunds"] = [{
        "id": "refund-1", "createdDate": "2026-11-18T08:00:00.000Z",
        "transactions": [{"paymentId": "pay-card", "amount": {"amount": "4.98"},
                          "refundStatus": "SUCCEEDED"}],
        "details": {"lineItems": [], "shipping": {"amount": {"amount": "4.98"}},
                    "shippingIncluded": True},
    }]  # fmt: skip
    order_id = store.orders.record_wix_order(eur_order(), transactions)
    detail = store.history.order_detail(order_id)
    assert detail.shipping_refunded
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(str(detail.lines[0].line_id), 1),),
                  refund_shipping=True)  # fmt: skip
    with pytest.raises(ReturnRefusedError) as refused:
        store.returns.quote(order_id, draft)
    assert refused.value.code == "shipping_already_refunded"
    # A refund that failed gave nothing back.
    transactions["orderTransactions"]["refunds"][0]["transactions"][0]["refundStatus"] = "FAILED"
    store.orders.record_wix_order(eur_order(), transactions)
    assert not store.history.order_detail(order_id).shipping_refunded
