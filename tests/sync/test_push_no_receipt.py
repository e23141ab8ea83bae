"""A no-receipt return pushed to the fake Wix: the restocked unit's stock, and nothing else."""

from __future__ import annotations

from dataclasses import replace

from pos.domain.no_receipt import NoReceiptReason
from pos.domain.returns import Disposition
from pos.domain.settlement import TenderMethod
from pos.services.no_receipt import NoReceiptCustomer, NoReceiptLine
from pos.services.policy import PolicyService
from pos.sync.stock_push import StockPusher
from pos.wiring import Store
from tests.sync.test_push import WixShop, drain, messages, ws  # noqa: F401 (the fixture)


def test_only_the_restocked_units_stock_reaches_wix(ws: WixShop) -> None:  # noqa: F811
    shop = ws.shop
    policy = PolicyService(sessions=shop.sessions, clock=shop.clock)
    policy.update(shop.users.login("admin", "7391"),
                  replace(policy.current(), no_receipt_basis="current_price"))
    store = Store(sessions=shop.sessions, clock=shop.clock, terminal_id="T1")
    before = {sku: ws.fake.state.stock(sku) for sku in ("T-S-M", "ÉCH-L")}
    orders_before = len(ws.fake.state.orders)
    done = store.no_receipt.commit(
        shop.manager, [NoReceiptLine(shop.variants["T-S-M"], 2),
                       NoReceiptLine(shop.variants["ÉCH-L"], 1, Disposition.DAMAGED)],
        customer=NoReceiptCustomer(first_name="Inès", email="ines@example.fr"),
        reason=NoReceiptReason("lost_receipt"), refund_as=TenderMethod.NEW_GIFT_CARD)
    assert done.issued_cards[0].amount.minor == 2 * 2990 + 3990  # 99.70, under the customer limit
    assert [m.kind for m in messages(ws)] == ["wix.stock_delta"]
    seen = len(ws.fake.requests)
    StockPusher(client=ws.client, sessions=shop.sessions, clock=shop.clock).run_once()
    drain(ws)  # the document pusher finds nothing else to send
    assert [m.state for m in messages(ws)] == ["done"]
    assert ws.fake.state.stock("T-S-M") == before["T-S-M"] + 2
    assert ws.fake.state.stock("ÉCH-L") == before["ÉCH-L"]  # damaged: not back on sale
    assert len(ws.fake.state.orders) == orders_before  # no order, no refund
    paths = {r.path for r in ws.fake.requests[seen:]}
    assert all(path.startswith("/stores/") for path in paths), paths  # no /ecom/ call
    assert "/stores/v3/bulk/inventory-items/update" in paths
