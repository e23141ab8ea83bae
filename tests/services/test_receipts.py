"""Receipts of real committed documents, on SQLite and PostgreSQL: built, rendered, decoded."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from pos.db.engine import SessionFactory
from pos.db.records import PrintJobRecord
from pos.db.returns import load_context
from pos.domain.money import Money
from pos.domain.receipt import ReceiptKind, ShopInfo
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.hardware.escpos_decode import decode
from pos.hardware.receipt_render import render_escpos, render_text
from pos.services.history import SalesHistoryService
from pos.services.receipts import ReceiptError, ReceiptService
from tests.support.shop import Shop, build_shop, sell

SHOP = ShopInfo(
    "Boutique Lumière",
    ("12 rue des Lilas", "75011 Paris"),
    "FR12345678901",
    "01 23 45 67 89",
    ("Échanges sous 30 jours.",),
    ("Exchanges within 30 days.",),
)


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    return build_shop(sessions)


@pytest.fixture
def receipts(shop: Shop) -> ReceiptService:
    return ReceiptService(sessions=shop.sessions, clock=shop.clock, shop=SHOP)


def lines_and_payments(shop: Shop, order_id: int) -> tuple[list[str], list[str]]:
    with shop.sessions() as s:
        snapshot = load_context(s, order_id).snapshot
    return [line.line_id for line in snapshot.lines], [p.payment_id for p in snapshot.payments]


def exchange(shop: Shop, number: str, sold: str, wanted: str, tenders: list[Tender]):  # type: ignore[no-untyped-def]
    order = sell(shop, number, [(sold, 1)])
    (line,), _ = lines_and_payments(shop, order)
    draft = Draft(
        DocumentKind.EXCHANGE,
        (ReturnRequest(line, 1),),
        (shop.returns.new_item(order_id=order, code=wanted),),
    )
    return shop.returns.commit(shop.cashier, order, draft, tenders)


def test_lower_exchange_prints_a_receipt_and_a_gift_card_slip(shop, receipts) -> None:  # type: ignore[no-untyped-def]
    # A jean (79.90) back for a T-shirt (29.90): 50.00 on a new gift card.
    done = exchange(
        shop, "30001", "JEA-M", "T-S-M", [Tender(TenderMethod.NEW_GIFT_CARD, eur(5000))]
    )
    (card,) = done.issued_cards
    receipt = receipts.receipt(done.number)
    assert receipt.kind is ReceiptKind.EXCHANGE and receipt.language == "fr"
    assert (receipt.balance, receipt.balance_kind) == (eur(-5000), "lower")
    # Named as the order named it: the product, its options beside (never the bare SKU).
    assert [(line.name, line.options) for line in receipt.returned] == [
        ("Jean droit", "Taille: M")
    ]
    assert [(line.name, line.options) for line in receipt.new_items] == [
        ("T-shirt coton bio", "Taille M")
    ]
    assert receipt.tenders[0].method == "new_gift_card"
    assert receipt.tenders[0].reference == card.code and not receipt.open_drawer
    text = render_text(receipt, columns=42)
    assert "À rendre au client" in text and "50,00 €" in text and card.code not in text
    # The slip: the code as text and as a QR code, the balance.
    slip = receipts.receipt(done.document_id, kind=ReceiptKind.GIFT_CARD_SLIP)
    assert slip.gift_card is not None and slip.gift_card.code == card.code
    job = decode(render_escpos(slip, columns=32))
    assert job.qr_payloads == [card.code, f"CPT:D:{done.number}"]
    assert any("50,00 €" in line and "Solde" in line for line in job.lines)


def test_higher_exchange_with_cash_kicks_the_drawer(shop, receipts) -> None:  # type: ignore[no-untyped-def]
    done = exchange(
        shop,
        "30002",
        "T-S-S",
        "JEA-L",
        [
            Tender(TenderMethod.CARD, eur(2000), reference="APPROVAL 1234"),
            Tender(TenderMethod.CASH, eur(4000)),
        ],
    )
    receipt = receipts.receipt(done.number.lower(), language="en")
    assert receipt.balance_kind == "higher" and receipt.open_drawer
    assert receipt.change_due == eur(1000)
    job = decode(render_escpos(receipt, columns=48))
    assert job.drawer_pulses == 1 and job.cuts == 1
    assert any(line.startswith("Change") and line.endswith("€10.00") for line in job.lines)
    assert any("APPROVAL 1234" in line for line in job.lines)


def test_refund_with_a_manager_approval_names_the_approver(shop, receipts) -> None:  # type: ignore[no-untyped-def]
    order = sell(shop, "30003", [("JEA-M", 2)])
    (line,), (payment,) = lines_and_payments(shop, order)
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(line, 2, reason="too small"),))
    approval = shop.users.approve("maxime", "4826", "over_threshold", "customer unhappy")
    done = shop.returns.commit(
        shop.cashier,
        order,
        draft,
        [Tender(TenderMethod.ORIGINAL_PAYMENT, eur(15980), payment_id=payment)],
        approvals=[approval],
    )
    receipt = receipts.receipt(done.number)
    assert receipt.approver_names == ("Maxime",) and receipt.cashier_name == "Camille"
    assert receipt.order_number == "30003" and receipt.kind is ReceiptKind.REFUND
    text = render_text(receipt, columns=32)
    assert "Validé par" in text and "Maxime" in text and "159,80 €" in text


def test_cancellation_without_refund_and_a_duplicate(shop, receipts) -> None:  # type: ignore[no-untyped-def]
    order = sell(shop, "30004", [("T-S-M", 2)], fulfilled=False)
    draft = Draft(DocumentKind.CANCELLATION, with_refund=False, note="payée ailleurs")
    done = shop.returns.commit(shop.manager, order, draft, [])
    receipt = receipts.receipt(done.number, duplicate=True)
    assert receipt.kind is ReceiptKind.CANCELLATION and receipt.balance_kind == "none"
    job = decode(render_escpos(receipt))
    assert "*** DUPLICATA ***" in job.lines and "Sans remboursement" in job.lines
    assert "Note: payée ailleurs" in job.lines and job.drawer_pulses == 0


def test_the_qr_payload_finds_the_documents_order(shop, receipts) -> None:  # type: ignore[no-untyped-def]
    done = exchange(shop, "30005", "T-S-S", "T-S-L", [])
    receipt = receipts.receipt(done.number)
    (payload,) = decode(render_escpos(receipt)).qr_payloads
    page = SalesHistoryService(sessions=shop.sessions, clock=shop.clock).search(payload)
    assert [hit.number for hit in page.results] == ["30005"]


def test_print_jobs_map_to_their_receipts(shop, receipts) -> None:  # type: ignore[no-untyped-def]
    done = exchange(shop, "30006", "JEA-M", "T-S-M", [Tender(TenderMethod.STORE_CREDIT, eur(5000))])
    with shop.sessions() as s:
        jobs = s.execute(
            select(PrintJobRecord.id, PrintJobRecord.kind)
            .where(PrintJobRecord.document_id == done.document_id)
            .order_by(PrintJobRecord.id)
        ).all()
    assert [kind for _, kind in jobs] == ["receipt", "gift_card_slip"]
    first, slip = (receipts.receipts_for_job(job_id) for job_id, _ in jobs)
    assert first.kind is ReceiptKind.EXCHANGE and not first.duplicate
    assert slip.kind is ReceiptKind.GIFT_CARD_SLIP and slip.gift_card is not None
    assert slip.gift_card.kind == "store_credit" and "AVOIR" in render_text(slip)


def test_errors_have_codes(shop, receipts) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ReceiptError) as missing:
        receipts.receipt("T9-999999")
    assert missing.value.code == "document_not_found"
    done = exchange(shop, "30007", "T-S-S", "T-S-L", [])
    with pytest.raises(ReceiptError) as no_card:
        receipts.receipt(done.number, kind=ReceiptKind.GIFT_CARD_SLIP)
    assert no_card.value.code == "no_gift_card"
    with pytest.raises(ReceiptError) as mismatch:
        receipts.receipt(done.number, kind=ReceiptKind.REFUND)
    assert mismatch.value.code == "kind_mismatch"
    with pytest.raises(ReceiptError) as no_job:
        receipts.receipts_for_job(424242)
    assert no_job.value.code == "print_job_not_found"
