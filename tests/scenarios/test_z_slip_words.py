"""The Z slip in words, on both databases: a day with one document of each kind (an exchange,
a refund, a cancellation, a return without a receipt) is closed; the slip goes through the
print queue, is decoded from its ESC/POS bytes and read in French, then in English. The words
are presentation only: the signed report keeps its keys and its hash."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from pos.db.records import ClosureRecord
from pos.domain.money import Money
from pos.domain.no_receipt import NoReceiptReason
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.hardware.transports import VirtualPrinter
from pos.services.closing import ClosingService
from pos.services.integrity import IntegrityService
from pos.services.no_receipt import NoReceiptCustomer, NoReceiptLine
from pos.services.signing import file_signer
from pos.wiring import Store
from tests.scenarios.test_closing_day import _line, _payment
from tests.support.closing import slip_queue
from tests.support.shop import Shop, build_shop, sell


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


@pytest.fixture
def shop(sessions) -> Shop:  # type: ignore[no-untyped-def]
    return build_shop(sessions)


def _day_of_every_kind(shop: Shop) -> None:
    # An exchange: a T-shirt for jeans, the difference paid in cash.
    order = sell(shop, "70001", [("T-S-S", 1)])
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(_line(shop, order), 1,
                                                        reason="wrong_size"),),
                  (shop.returns.new_item(order_id=order, code="JEA-L"),))
    shop.returns.commit(shop.cashier, order, draft, [Tender(TenderMethod.CASH, eur(5000))])
    # A refund to the card the customer paid with.
    order = sell(shop, "70002", [("T-S-M", 1)])
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(_line(shop, order), 1, reason="faulty"),))
    shop.returns.commit(shop.cashier, order, draft, [Tender(
        TenderMethod.ORIGINAL_PAYMENT, eur(2990), payment_id=_payment(shop, order))])
    # A cancellation of an order not shipped yet, refunded in cash by a manager.
    order = sell(shop, "70003", [("T-S-M", 1)], fulfilled=False)
    shop.returns.commit(shop.manager, order, Draft(DocumentKind.CANCELLATION, note="annulée"),
                        [Tender(TenderMethod.CASH, eur(2990))])
    # A return without a receipt, to store credit.
    store = Store(sessions=shop.sessions, clock=shop.clock, terminal_id="T1")
    approval = shop.users.approve("maxime", "4826", "no_receipt", "carte d'identité vue")
    store.no_receipt.commit(
        shop.cashier, [NoReceiptLine(shop.variants["T-S-M"], 1)],
        customer=NoReceiptCustomer(first_name="Inès", last_name="Moreau",
                                   email="ines@example.fr"),
        reason=NoReceiptReason("gift"), refund_as=TenderMethod.STORE_CREDIT,
        approvals=[approval])
    store.cash.close(shop.manager, {10000: 2, 1000: 2, 10: 1})


def _figure_lines(lines: list[str], start: str, end: str) -> list[str]:
    """The slip's lines between two section titles (the dashes between them left out)."""
    at = lines.index(start)
    block = lines[at + 1:]
    block = block[:next(i for i, line in enumerate(block) if line.startswith(end))]
    return [line for line in block if set(line) != {"-"}]


def test_the_z_slip_names_kinds_tenders_and_reasons_in_words(shop: Shop,
                                                             tmp_path: Path) -> None:
    _day_of_every_kind(shop)
    closing = ClosingService(sessions=shop.sessions, clock=shop.clock, terminal_id="T1",
                             signer=file_signer(tmp_path / "keys"))
    z = closing.close_z(shop.manager, slip_language="fr")
    paper = VirtualPrinter()
    with slip_queue(shop, paper) as queue:
        assert queue.print_closure_slip(z.number).state == "printed"
        queue.reprint_closure(z.number, "en")
        assert queue.run_once().ok  # the day's receipts print too
    french, english = (list(job.lines) for job in paper.jobs
                       if "TICKET Z - CLÔTURE" in job.text or "Z REPORT - CLOSURE" in job.text)
    # By kind: each of the four kinds named, never its key.
    kinds = [line.split("  ")[0] for line in _figure_lines(french, "PAR TYPE", "PAR RÈGLEMENT")]
    assert kinds == ["Annulation", "Échange", "Retour sans ticket", "Remboursement"]
    kinds = [line.split("  ")[0] for line in _figure_lines(english, "BY KIND", "BY TENDER")]
    assert kinds == ["Cancellation", "Exchange", "No-receipt return", "Refund"]
    # Tenders with their way, refund destinations, reasons, VAT: words in both languages.
    for lines, words in (
            (french, ["Espèces (encaissé)", "Espèces (rendu)", "Paiement d'origine (rendu)",
                      "Avoir (rendu)", "Paiement d'origine", "Avoir", "Mauvaise taille",
                      "Défectueux ou abîmé", "Cadeau", "Sans motif", "TVA 20 %"]),
            (english, ["Cash (in)", "Cash (out)", "Original payment (out)", "Store credit (out)",
                       "Original payment", "Store credit", "Wrong size", "Faulty or damaged",
                       "A gift", "No reason given", "VAT 20%"])):
        starts = [line.split("  ")[0] for line in lines]
        assert all(word in starts for word in words), (words, lines)
    text = "\n".join(french + english)
    for key in ("no_receipt", "cash/in", "/out", "original_payment", "store_credit",
                "wrong_size", "changed_mind"):
        assert key not in text  # no key is printed raw
    starts = {line.split(" ")[0] for line in french + english}
    assert not starts & {"exchange", "refund", "cancellation", "cash", "faulty", "gift", "-",
                         "20%"}
    assert all(len(line) <= 42 for line in french + english)
    # Nothing signed changes: the closure keeps the keys, and its hash is of the keys.
    assert {f.key for f in z.report.section("kind")} == {
        "exchange", "refund", "cancellation", "no_receipt"}
    assert (z.report.amount("tender", "cash/in"), z.report.amount("tender", "cash/out")) == (
        5000, 2990)
    assert {f.key for f in z.report.section("reason")} == {"wrong_size", "faulty", "gift", "-"}
    # `comptoir audit verify`'s checks: every hash recomputed from the stored keys, signed.
    assert IntegrityService(sessions=shop.sessions).verify(public_key=closing.public_key).ok
    with shop.sessions() as s:
        record = s.scalar(select(ClosureRecord))
    assert record.hash == z.hash
    assert [f["key"] for f in record.report["figures"] if f["section"] == "kind"] == [
        "cancellation", "exchange", "no_receipt", "refund"]
