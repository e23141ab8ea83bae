"""A shop with a print queue on virtual printers (tests may use `pos.hardware`; the UI may not)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pos.db.engine import SessionFactory
from pos.db.returns import load_context
from pos.domain.money import Money
from pos.domain.receipt import ShopInfo
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.hardware.printer import make_printer
from pos.hardware.receipt_render import render_text
from pos.hardware.transports import VirtualPrinter
from pos.services.printing import PrintQueueService
from pos.services.receipt_preview import ReceiptPreviewService
from pos.services.receipts import ReceiptService
from tests.support.shop import Shop, build_shop, sell

DEFAULT_PRINTER = "virtual://counter"


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    return build_shop(sessions)


@pytest.fixture
def printers() -> dict[str, VirtualPrinter]:
    """The virtual printer behind each URI the queue opened."""
    return {}


@pytest.fixture
def receipts(shop: Shop) -> ReceiptService:
    return ReceiptService(sessions=shop.sessions, clock=shop.clock, shop=ShopInfo("Comptoir"))


@pytest.fixture
def queue(
    shop: Shop, receipts: ReceiptService, printers: dict[str, VirtualPrinter]
) -> Iterator[PrintQueueService]:
    def factory(uri: str):  # type: ignore[no-untyped-def]
        virtual = printers.setdefault(uri, VirtualPrinter(uri))
        return make_printer(uri, transport=virtual, timeout=2.0)

    service = PrintQueueService(sessions=shop.sessions, clock=shop.clock, receipts=receipts,
                                printers=factory, default_printer=DEFAULT_PRINTER,
                                terminal_id="T1")  # fmt: skip
    yield service
    service.close()


@pytest.fixture
def previews(receipts: ReceiptService) -> ReceiptPreviewService:
    return ReceiptPreviewService(
        receipts=receipts,
        render_text=lambda receipt, columns: render_text(receipt, columns=columns),
    )


def exchange(shop: Shop, number: str, *, cash: bool = False) -> str:
    """An exchange at the counter (its receipt is queued); returns the document number."""
    order = sell(shop, number, [("T-S-M", 1)])
    with shop.sessions() as s:
        (line,) = (line.line_id for line in load_context(s, order).snapshot.lines)
    replacement = shop.returns.new_item(order_id=order, code="JEA-M" if cash else "T-S-L")
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),), (replacement,))
    tenders = [Tender(TenderMethod.CASH, Money(5000, "EUR"))] if cash else []
    return shop.returns.commit(shop.cashier, order, draft, tenders).number
