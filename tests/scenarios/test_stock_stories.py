"""Stock stories: an inspected item restocked, a write-off, a count while Wix sells online."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from pos.cli import main
from pos.db.audit import verify_chain
from pos.db.engine import SessionFactory
from pos.db.records import OutboxMessageRecord, StockLevelRecord
from pos.db.returns import load_context
from pos.domain.money import Money
from pos.domain.returns import Disposition, DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.services.stock import StockService
from tests.support.shop import Shop, build_shop, on_hand, sell


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    return build_shop(sessions)


@pytest.fixture
def stock(shop: Shop) -> StockService:
    return StockService(sessions=shop.sessions, clock=shop.clock)


def stock_deltas(shop: Shop) -> list[int]:
    with shop.sessions() as s:
        return [
            m.payload["delta"]
            for m in s.scalars(
                select(OutboxMessageRecord)
                .where(OutboxMessageRecord.kind == "wix.stock_delta")
                .order_by(OutboxMessageRecord.id)
            )
        ]


def refund_to_inspect(shop: Shop, number: str, sku: str) -> None:
    order = sell(shop, number, [(sku, 1)])
    with shop.sessions() as s:
        snapshot = load_context(s, order).snapshot  # type: ignore[union-attr]
    draft = Draft(
        DocumentKind.REFUND,
        (ReturnRequest(snapshot.lines[0].line_id, 1, Disposition.INSPECT, "couture ?"),),
    )
    due = shop.returns.quote(order, draft).balance
    shop.returns.commit(
        shop.cashier,
        order,
        draft,
        [
            Tender(
                TenderMethod.ORIGINAL_PAYMENT,
                Money(-due.minor, due.currency),
                payment_id=snapshot.payments[0].payment_id,
            )
        ],
    )


def test_a_jean_set_aside_to_inspect_goes_back_on_the_shelf(
    shop: Shop, stock: StockService
) -> None:
    # Hélène brings back a jean: a seam looks loose, so the cashier refunds it "to inspect".
    refund_to_inspect(shop, "30001", "JEA-M")
    # It is not sellable yet: the stock does not move, nothing goes to Wix's stock.
    assert on_hand(shop, "JEA-M") == 5 and stock_deltas(shop) == []
    # Next morning Maxime, the manager, finds it on the inspection list…
    (item,) = stock.awaiting_inspection()
    assert (item.order_number, item.sku, item.reason) == ("30001", "JEA-M", "couture ?")
    # …checks the seam, and puts it back in stock.
    stock.settle_inspection(
        shop.manager, return_line_id=item.return_line_id, outcome="restock", note="couture solide"
    )
    assert on_hand(shop, "JEA-M") == 6
    # No Wix order call carries this movement, so a stock delta of +1 is queued for Wix.
    assert stock_deltas(shop) == [1]
    assert stock.awaiting_inspection() == ()


def test_a_stained_scarf_is_written_off(shop: Shop, stock: StockService) -> None:
    # A scarf comes back to inspect; the stain does not wash out.
    refund_to_inspect(shop, "30002", "ÉCH-L")
    (item,) = stock.awaiting_inspection()
    stock.settle_inspection(
        shop.manager, return_line_id=item.return_line_id, outcome="write_off", note="tache"
    )
    # It never went back into stock, so nothing moves, here or on Wix; it is just settled.
    assert on_hand(shop, "ÉCH-L") == 5 and stock_deltas(shop) == []
    assert stock.awaiting_inspection() == ()


def test_a_shelf_count_keeps_the_online_sales_made_meanwhile(
    shop: Shop, stock: StockService
) -> None:
    variant = shop.variants["T-S-L"]
    # The terminal last read 5 from Wix. Offline all morning, it has not seen that two
    # T-shirts were sold online meanwhile: Wix now says 3 (they are still on the shelf,
    # waiting to be picked for shipping).
    with shop.sessions.begin() as s:
        s.get(StockLevelRecord, variant).wix_quantity = 5  # type: ignore[union-attr]
    wix_now = 3
    # Maxime counts the shelf: 4, one was stolen.
    moved = stock.adjust(shop.manager, variant_id=variant, counted=4, reason="vol constaté")
    assert on_hand(shop, "T-S-L") == 4
    # Only the difference goes to Wix, which applies it to its own current figure:
    # the two online sales stay reserved. Overwriting Wix with 4 would have sold them twice.
    assert moved.delta == -1 and stock_deltas(shop) == [-1]
    assert wix_now + stock_deltas(shop)[0] == 2


def test_the_manager_works_from_the_command_line(
    shop: Shop, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    refund_to_inspect(shop, "30003", "T-S-S")
    # The list shows the item waiting…
    assert main(["stock", "list-inspection", "--db", db_url]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[-1] == "1 item to inspect"
    line = listing[1].split()[0]
    assert "30003" in listing[1] and "T-S-S" in listing[1]
    # …it is put back, and a count is corrected: both audited under "cli".
    assert main(["stock", "settle", line, "restock", "--db", db_url]) == 0
    assert main(["stock", "adjust", "T-S-S", "3", "--reason", "inventaire", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "restocked" in out and "T-S-S: 6 -> 3 (-3)" in out
    assert main(["stock", "show", "T-S-S", "--db", db_url]) == 0
    assert "on hand: 3  wix: -  to push: -2" in capsys.readouterr().out
    # A refusal says why and exits 1.
    assert main(["stock", "adjust", "T-S-S", "-1", "--reason", "x", "--db", db_url]) == 1
    assert "cannot be negative" in capsys.readouterr().err
    with shop.sessions() as s:
        assert verify_chain(s).ok
