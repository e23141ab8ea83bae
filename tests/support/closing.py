"""A shop that has closed two days: documents, counted drawers, two signed Zs, one more sale."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from pos.db.engine import SessionFactory
from pos.db.returns import load_context
from pos.domain.money import Money
from pos.domain.receipt import ShopInfo
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.hardware.printer import make_printer
from pos.hardware.transports import VirtualPrinter
from pos.services.cash import CashService
from pos.services.closing import ClosingService
from pos.services.printing import PrintQueueService
from pos.services.receipts import ReceiptService
from pos.services.returns import Notify
from pos.services.signing import file_signer
from tests.support.shop import FLOAT, Shop, build_shop, sell


@contextmanager
def slip_queue(shop: Shop, paper: VirtualPrinter) -> Iterator[PrintQueueService]:
    """The terminal's print queue, printing Z slips and receipts on the virtual `paper`."""
    service = PrintQueueService(
        sessions=shop.sessions, clock=shop.clock,
        receipts=ReceiptService(sessions=shop.sessions, clock=shop.clock,
                                shop=ShopInfo("Boutique Lumière")),
        printers=lambda uri: make_printer(uri, transport=paper), default_printer="virtual")
    try:
        yield service
    finally:
        service.close()


def cash_refund(shop: Shop, number: str, notify: Notify | None = None) -> None:
    """A T-shirt sold on the web (order `number`) refunded in cash at the counter (the
    customer e-mailed when `notify` says so)."""
    order = sell(shop, number, [("T-S-M", 1)])
    with shop.sessions() as s:
        line = load_context(s, order).snapshot.lines[0].line_id
    shop.returns.commit(shop.cashier, order, Draft(DocumentKind.REFUND, (
        ReturnRequest(line, 1, reason="trop grand"),)), [Tender(TenderMethod.CASH,
                                                                Money(2990, "EUR"))],
                        notify=notify)


def shop_with_two_zs(sessions: SessionFactory, key_dir: Path) -> tuple[Shop, ClosingService]:
    """Two days of two cash refunds each, each day counted and closed by a Z; then a fifth
    refund after the last Z. Document numbers T1-000001..5, closures 1 and 2."""
    shop = build_shop(sessions)
    cash = CashService(sessions=sessions, clock=shop.clock, terminal_id="T1")
    closing = ClosingService(sessions=sessions, clock=shop.clock, terminal_id="T1",
                             signer=file_signer(key_dir))
    for day in range(2):
        cash_refund(shop, f"7000{day}1")
        cash_refund(shop, f"7000{day}2")
        drawer = (FLOAT if day == 0 else 10000) - 2 * 2990
        cash.close(shop.manager, {1: drawer})
        closing.close_z(shop.manager)
        shop.clock.advance(timedelta(days=1))
        cash.open(shop.cashier, Money(10000, "EUR"))
    cash_refund(shop, "700201")
    return shop, closing
