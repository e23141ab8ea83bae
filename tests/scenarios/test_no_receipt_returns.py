"""A no-receipt return told whole, on both databases: a customer brings a T-shirt back with
no receipt; a manager approves; store credit is issued; the receipt prints (decoded from its
ESC/POS bytes); the day is closed and its Z, the Reports, the receipts list and the archive
all count the document."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from pos.db.archive import period_tables
from pos.db.print_jobs import latest_documents
from pos.db.records import PrintJobRecord
from pos.domain.money import Money
from pos.domain.no_receipt import NoReceiptReason
from pos.domain.receipt import ReceiptKind
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.hardware.escpos_decode import decode
from pos.hardware.receipt_render import render_escpos
from pos.services.closing import ClosingService
from pos.services.no_receipt import NoReceiptCustomer, NoReceiptLine
from pos.services.receipts import ReceiptService
from pos.services.reports import ReportsService
from pos.services.returns import CommittedDocument
from pos.services.signing import file_signer
from pos.wiring import Store
from tests.scenarios.test_closing_day import _line
from tests.support.shop import FLOAT, NOW, Shop, build_shop, sell


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


@pytest.fixture
def shop(sessions) -> Shop:  # type: ignore[no-untyped-def]
    shop = build_shop(sessions)
    sell(shop, "61001", [("T-S-M", 2)], days_ago=20, order_discount_pct="10")  # 26.91 a unit
    sell(shop, "61002", [("T-S-M", 1)], days_ago=5)  # 29.90
    return shop


def no_receipt_return(shop: Shop) -> CommittedDocument:
    store = Store(sessions=shop.sessions, clock=shop.clock, terminal_id="T1")
    approval = shop.users.approve("maxime", "4826", "no_receipt", "carte d'identité vue")
    return store.no_receipt.commit(
        shop.cashier, [NoReceiptLine(shop.variants["T-S-M"], 1)],
        customer=NoReceiptCustomer(first_name="Inès", last_name="Moreau",
                                   email="ines@example.fr"),
        reason=NoReceiptReason("gift"), refund_as=TenderMethod.STORE_CREDIT,
        approvals=[approval])


def test_the_receipt_names_the_kind_the_customer_the_basis_and_the_card(shop: Shop) -> None:
    done = no_receipt_return(shop)
    (card,) = done.issued_cards
    assert card.amount == eur(2691)  # 53.82 for two after 10 %: 26.91 a unit, the lowest
    receipts = ReceiptService(sessions=shop.sessions, clock=shop.clock,
                              shop=Store(sessions=shop.sessions, clock=shop.clock)
                              .shop.default.to_shop_info())
    receipt = receipts.receipt(done.number)
    assert receipt.kind is ReceiptKind.NO_RECEIPT and receipt.customer_name == "Inès Moreau"
    job = decode(render_escpos(receipt, columns=42))
    text = "\n".join(job.lines)
    assert "RETOUR SANS TICKET" in text
    assert any(line.startswith("Client") and line.endswith("Inès Moreau") for line in job.lines)
    assert any(line.startswith("1 x T-shirt coton bio") and line.endswith("26,91 €")
               for line in job.lines)
    assert "    Plus bas prix vendu : 31 oct. 2026" in job.lines  # 20 days before NOW
    assert "Note" not in text  # the reason is the line's, not a note to the customer
    assert "Commande" not in text  # no order to name
    assert any(line.startswith("Avoir") and card.code[-4:] in line for line in job.lines)
    assert job.qr_payloads == [f"CPT:D:{done.number}"]
    english = decode(render_escpos(receipts.receipt(done.number, language="en"))).lines
    assert "NO-RECEIPT RETURN" in "\n".join(english)
    assert any(line.startswith("Customer") for line in english)
    assert "    Lowest price sold: Oct 31, 2026" in english
    # The print queue holds the receipt and the card's slip; the slip prints the code.
    with shop.sessions() as s:
        jobs = s.execute(select(PrintJobRecord.id, PrintJobRecord.kind)
                         .order_by(PrintJobRecord.id)).all()
        listed = latest_documents(s, "T1", since=NOW - timedelta(days=1), limit=10)
    assert [kind for _, kind in jobs] == ["receipt", "gift_card_slip"]
    slip = receipts.receipts_for_job(jobs[1][0])
    assert slip.gift_card is not None and slip.gift_card.code == card.code
    assert [(row.number, row.kind, row.order_number) for row in listed] == [
        (done.number, "no_receipt", "")]


def test_the_z_the_reports_and_the_archive_count_it(shop: Shop, tmp_path: Path) -> None:
    order = sell(shop, "61003", [("ÉCH-M", 1)], days_ago=2)
    refund = shop.returns.commit(shop.cashier, order, Draft(DocumentKind.REFUND, (
        ReturnRequest(_line(shop, order), 1, reason="défaut"),)), [Tender(TenderMethod.CASH,
                                                                          eur(3990))])
    done = no_receipt_return(shop)
    tax = done.quote.returned_tax.minor
    store = Store(sessions=shop.sessions, clock=shop.clock, terminal_id="T1")
    reports = ReportsService(sessions=shop.sessions, clock=shop.clock)
    view = reports.returns_report(shop.manager, reports.today(), reports.today())
    assert {r.key: (r.count, r.amount.minor) for r in view.report.section("kind")} == {
        "refund": (1, -3990), "no_receipt": (1, -2691)}
    assert {r.label: r.count for r in view.report.section("product")} == {
        "Écharpe laine": 1, "T-shirt coton bio": 1}
    assert {r.key: r.amount.minor for r in view.report.section("refund_to")} == {
        "cash": 3990, "store_credit": 2691}
    store.cash.close(shop.manager, {10000: 1, 5000: 1, 1000: 1})  # 200.00 - 39.90 = 160.10
    closing = ClosingService(sessions=shop.sessions, clock=shop.clock, terminal_id="T1",
                             signer=file_signer(tmp_path / "keys"))
    z = closing.close_z(shop.manager).report
    assert z.documents == 2 and (z.first_number, z.last_number) == (refund.number, done.number)
    assert {f.key: f.amount for f in z.section("kind")} == {"refund": -3990,
                                                            "no_receipt": -2691}
    assert z.amount("refund_to", "store_credit") == 2691
    assert z.amount("reason", "gift") == 2691
    assert z.net == {"EUR": -3990 - 2691} and z.grand_total == z.net
    (vat,) = z.section("vat")  # the no-receipt line's own 20 % counts with the order's
    assert (vat.key, vat.amount) == ("20%", -3990 - 2691)
    assert vat.tax == -(refund.quote.returned_tax.minor + tax)
    (drawer,) = z.cash
    assert drawer.expected == FLOAT - 3990  # store credit moves no cash
    with shop.sessions() as s:
        tables = period_tables(s, NOW - timedelta(days=1), NOW + timedelta(days=1), "T1")
        columns, rows = tables["return_lines.csv"]
        lines = [dict(zip(columns, row, strict=True)) for row in rows]
        columns, rows = tables["documents.csv"]
        documents = [dict(zip(columns, row, strict=True)) for row in rows]
    assert [(line["sku"], line["product_name"], line["tax_rate"]) for line in lines] == [
        ("ÉCH-M", "Écharpe laine", "20"), ("T-S-M", "T-shirt coton bio", "20")]
    assert [(d["kind"], d["order_number"]) for d in documents] == [("refund", "61003"),
                                                                   ("no_receipt", None)]
