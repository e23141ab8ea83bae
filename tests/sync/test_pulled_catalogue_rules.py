"""A shop pulled from Wix (V1 and V3, both databases): VAT of new items, category rules.

The catalogue, stock and orders come over loopback HTTP from the fake Wix; the counter then
quotes and commits through the same services as the app. VAT (docs/sync-pull.md): the rate
Wix charged on the product's latest order line, else the category's rate, else the shop's
default for the currency, all set in the policy (Settings).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from pos.db.engine import SessionFactory
from pos.domain.errors import SettlementError
from pos.domain.money import Money
from pos.domain.policy import ApprovalRule
from pos.domain.receipt import ReceiptVat, ShopInfo
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.roles import Role
from pos.domain.settlement import Tender, TenderMethod
from pos.hardware.receipt_render import render_text
from pos.services.receipts import ReceiptService
from pos.sync.pull import Puller
from pos.wiring import Store
from tests.fakes.wix import FakeWix
from tests.support.clock import FakeClock
from tests.sync.conftest import RecordedSleep, make_client

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


@pytest.fixture(params=["V3", "V1"])
def fake(request: pytest.FixtureRequest) -> Iterator[FakeWix]:
    with FakeWix(catalog=request.param) as site:
        state = site.state
        nested = request.param == "V3"  # V3 categories form a tree; V1 collections are flat
        if nested:
            state.add_category("Robes", parent="Soldes")
        state.add_product("T-shirt", [("TS-M", "", "30.00", {"Taille": "M"}, 5),
                                      ("TS-L", "", "30.00", {"Taille": "L"}, 5)],
                          categories=["Hauts"])  # fmt: skip
        state.add_product("Robe", [("RB-M", "", "60.00", {"Taille": "M"}, 5)],
                          categories=["Robes"] if nested else ["Robes", "Soldes"])  # fmt: skip
        state.add_product("Culotte", [("CU-M", "", "15.00", {}, 5)], categories=["Lingerie"])
        state.add_product("Livre", [("LIV-1", "", "20.00", {}, 5)],
                          categories=["Livres", "Fin de série"])  # fmt: skip
        state.add_product("Carnet", [("LIV-2", "", "20.00", {}, 5)], categories=["Livres"])
        state.add_product("Mug", [("MUG-1", "", "12.00", {}, 5)])
        placed = NOW - timedelta(days=3)
        state.add_order([("TS-M", 1), ("RB-M", 1), ("CU-M", 1), ("LIV-1", 1)],
                        created_at=placed)  # fmt: skip  # 20 % VAT included
        state.tax_rate = Decimal(0)  # then a tax-exempt buyer: says nothing about the rate
        state.add_order([("TS-L", 1)], created_at=placed + timedelta(hours=1))
        state.clock.resume()
        yield site


@pytest.fixture
def store(fake: FakeWix, sessions: SessionFactory) -> Store:
    with make_client(fake, RecordedSleep()) as client:
        puller = Puller(client=client, sessions=sessions, clock=FakeClock(NOW))
        for pull in (puller.pull_catalog, puller.pull_stock, puller.pull_orders):
            assert pull().rejected == ()
    shop = Store(sessions=sessions, clock=FakeClock(NOW), terminal_id="T2")
    shop.users.add_user(None, "admin", "Alex Admin", Role.ADMIN, "7391")
    admin = shop.users.login("admin", "7391")
    shop.users.add_user(admin, "camille", "Camille", Role.CASHIER, "2580")
    shop.cash.open(admin, eur(0))  # a counter document needs T2's drawer open
    policy = dataclasses.replace(
        shop.policy.current(),
        final_sale_categories=frozenset({"Soldes"}),
        exchange_only_categories=frozenset({"Lingerie"}),
        store_credit_only_categories=frozenset({"Fin de série"}),
        vat_rate_by_category={"Livres": Decimal("5.5")},
        vat_rate_by_currency={"EUR": Decimal(10)},
    )
    shop.policy.update(admin, policy)
    return shop


def first_order(store: Store) -> int:
    hits = store.history.search("Martin").results
    return min(hits, key=lambda hit: hit.placed_at).order_id


def test_new_items_get_the_rate_wix_charged_else_the_category_else_the_default(
    store: Store, sessions: SessionFactory
) -> None:
    # TS-L's own last line was at 0 % (exempt buyer): the product's 20 % line wins.
    # The notebook was never sold: its category's rate; the mug, in none: the EUR default.
    rates = {sku: store.catalogue.variant(sku).tax_rate for sku in ("TS-L", "LIV-2", "MUG-1")}
    assert rates == {"TS-L": 20, "LIV-2": Decimal("5.5"), "MUG-1": 10}
    # The tee (30.00, VAT 5.00) back for a mug and a notebook: 12.00 + 20.00, pays 2.00.
    order_id = first_order(store)
    tee = next(line for line in store.history.order_detail(order_id).lines if line.sku == "TS-M")
    assert (tee.tax, tee.tax_rate) == (eur(500), 20)
    new = tuple(store.returns.new_item(order_id=order_id, code=c) for c in ("MUG-1", "LIV-2"))
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(str(tee.line_id), 1),), new)
    quote = store.returns.quote(order_id, draft)
    # Mug: round(1200 × 10/110) = 1.09; notebook: round(2000 × 5.5/105.5) = round(104.27) = 1.04.
    assert [(line.item.tax_rate, line.tax) for line in quote.new_items] == [
        (10, eur(109)), (Decimal("5.5"), eur(104))]  # fmt: skip
    cashier = store.users.login("camille", "2580")
    done = store.returns.commit(cashier, order_id, draft, [Tender(TenderMethod.CASH, eur(200))])
    receipts = ReceiptService(sessions=sessions, clock=FakeClock(NOW), shop=ShopInfo("Boutique"))
    receipt = receipts.receipt(done.number)
    # Per rate: tax, then what the lines add up to tax included (HT is the difference).
    assert receipt.vat == (ReceiptVat(Decimal(20), eur(-500), eur(-3000)),
                           ReceiptVat(Decimal(10), eur(109), eur(1200)),
                           ReceiptVat(Decimal("5.5"), eur(104), eur(2000)))  # fmt: skip
    lines = render_text(receipt).split("\n")
    for row in ("20 %         -25,00      -5,00      -30,00",
                "10 %          10,91       1,09       12,00",
                "5,5 %         18,96       1,04       20,00",
                "Total          4,87      -2,87        2,00"):  # fmt: skip
        assert row in lines


def test_pulled_categories_drive_final_sale_exchange_only_and_store_credit_only(
    store: Store,
) -> None:
    order_id = first_order(store)
    lines = {line.sku: line for line in store.history.order_detail(order_id).lines}
    assert (lines["RB-M"].final_sale, lines["CU-M"].exchange_only,
            lines["LIV-1"].store_credit_only, lines["TS-M"].final_sale) == (
        True, True, True, False)  # fmt: skip

    def refund(sku: str) -> Draft:
        return Draft(DocumentKind.REFUND, (ReturnRequest(str(lines[sku].line_id), 1),))

    assert ApprovalRule.FINAL_SALE in store.returns.quote(order_id, refund("RB-M")).approvals_needed
    assert ApprovalRule.EXCHANGE_ONLY in store.returns.quote(
        order_id, refund("CU-M")).approvals_needed  # fmt: skip
    book = store.returns.quote(order_id, refund("LIV-1"))
    assert book.settlement_methods == (TenderMethod.NEW_GIFT_CARD, TenderMethod.STORE_CREDIT)
    cashier = store.users.login("camille", "2580")
    (payment,) = store.history.order_detail(order_id).payments
    for tender in (Tender(TenderMethod.CASH, book.to_refund),
                   Tender(TenderMethod.ORIGINAL_PAYMENT, book.to_refund,
                          payment_id=payment.payment_id)):  # fmt: skip
        with pytest.raises(SettlementError) as refused:
            store.returns.commit(cashier, order_id, refund("LIV-1"), [tender])
        assert refused.value.code == "refund_store_credit_only"
    done = store.returns.commit(cashier, order_id, refund("LIV-1"),
                                [Tender(TenderMethod.STORE_CREDIT, book.to_refund)])  # fmt: skip
    assert [card.kind for card in done.issued_cards] == ["store_credit"]
