"""The receipts screen lists a return without a receipt, previews it with its own title."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from pos.domain.no_receipt import NoReceiptReason
from pos.domain.policy import ApprovalRule
from pos.domain.roles import Approval
from pos.domain.settlement import TenderMethod
from pos.services.no_receipt import NoReceiptCustomer, NoReceiptLine, NoReceiptService
from tests.support.shop import Shop, sell
from tests.ui.screens.printing.test_screen import make_screen, preview, tap_document


def no_receipt_return(shop: Shop) -> str:
    """Jeans back without a receipt, as store credit, Maxime approving; returns the number."""
    sell(shop, "20101", [("JEA-M", 1)], days_ago=10)
    service = NoReceiptService(sessions=shop.sessions, clock=shop.clock, terminal_id="T1")
    approval: Approval = shop.users.approve("maxime", "4826", ApprovalRule.NO_RECEIPT.value,
                                            "ticket perdu")  # fmt: skip
    document = service.commit(
        shop.cashier, [NoReceiptLine(shop.variants["JEA-M"], 1)],
        customer=NoReceiptCustomer(None, "Paul", "Martin", phone="0611223344"),
        reason=NoReceiptReason("lost_receipt"), refund_as=TenderMethod.STORE_CREDIT,
        approvals=[approval])  # fmt: skip
    return document.number


def test_a_return_without_a_receipt_is_listed_and_previewed_with_its_title(
    qtbot, shop, queue, previews, runner
) -> None:  # type: ignore[no-untyped-def]
    number = no_receipt_return(shop)
    queue.run_once()  # the receipt and the credit's slip are printed
    screen = make_screen(qtbot, queue, previews, runner)
    screen.activate()
    view = screen.findChild(QTableView, "todayTable")
    qtbot.waitUntil(lambda: view.model().rowCount() == 1)
    row = [view.model().index(0, c).data() for c in range(4)]
    assert row[1:3] == [number, "Return without a receipt"]  # no order to name
    tap_document(qtbot, screen, 0)
    qtbot.waitUntil(lambda: number in preview(screen))
    assert "RETOUR SANS TICKET" in preview(screen)  # the customer's language: French
