"""The print queue on both databases, printing to a local TCP printer that can fail."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from pos.db.engine import SessionFactory
from pos.db.records import AuditEntryRecord, CounterDocumentRecord, PrintJobRecord
from pos.db.returns import load_context
from pos.domain.money import Money
from pos.domain.receipt import ShopInfo
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.hardware.errors import PrinterStatus
from pos.hardware.printer import make_printer
from pos.hardware.transports import VirtualJob, decode_job
from pos.services.errors import PermissionDeniedError
from pos.services.printing import PrintQueueError, PrintQueueService
from pos.services.receipts import ReceiptService
from tests.support.shop import Shop, build_shop, sell
from tests.support.tcp_printer import TcpPrinter

OFFLINE = "the printer does not answer"


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    return build_shop(sessions)


@pytest.fixture
def printer() -> Iterator[TcpPrinter]:
    with TcpPrinter() as tcp:
        yield tcp


def new_queue(shop: Shop, uri: str) -> PrintQueueService:
    receipts = ReceiptService(sessions=shop.sessions, clock=shop.clock, shop=ShopInfo("Comptoir"))
    return PrintQueueService(sessions=shop.sessions, clock=shop.clock, receipts=receipts,
                             printers=lambda u: make_printer(u, timeout=0.5),
                             default_printer=uri)  # fmt: skip


@pytest.fixture
def queue(shop: Shop, printer: TcpPrinter) -> Iterator[PrintQueueService]:
    service = new_queue(shop, printer.uri)
    yield service
    service.close()


def exchange(shop: Shop, number: str, *, cash: bool = False) -> str:
    """An exchange: T-shirt for a jean paid 50.00 in cash, or for another size (no money)."""
    order = sell(shop, number, [("T-S-M", 1)])
    with shop.sessions() as s:
        (line,) = (line.line_id for line in load_context(s, order).snapshot.lines)
    replacement = shop.returns.new_item(order_id=order, code="JEA-M" if cash else "T-S-L")
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),), (replacement,))
    tenders = [Tender(TenderMethod.CASH, Money(5000, "EUR"))] if cash else []
    return shop.returns.commit(shop.cashier, order, draft, tenders).number


def printed(tcp: TcpPrinter, count: int) -> list[VirtualJob]:
    return [decode_job(job.data) for job in tcp.wait_for_jobs(count)]


def job_ids(shop: Shop) -> list[int]:
    with shop.sessions() as s:
        return list(s.scalars(select(PrintJobRecord.id).order_by(PrintJobRecord.id)))


def test_a_committed_exchange_prints_on_the_tcp_printer(shop, printer, queue) -> None:  # type: ignore[no-untyped-def]
    number = exchange(shop, "20001")
    assert [job.state for job in queue.queued()] == ["queued"]
    report = queue.run_once()
    assert report.ok and report.printed == tuple(job_ids(shop))
    (job,) = printed(printer, 1)
    assert number in job.text and job.qr_payloads == (f"CPT:D:{number}",)
    assert job.drawer_pulses == 0 and job.cuts == 1
    assert queue.queued() == () and queue.job(report.printed[0]).state == "printed"


def test_the_drawer_opens_with_the_receipt_only_when_cash_moves(shop, printer, queue) -> None:  # type: ignore[no-untyped-def]
    exchange(shop, "20002", cash=True)
    exchange(shop, "20003")
    assert len(queue.run_once().printed) == 2
    assert [job.drawer_pulses for job in printed(printer, 2)] == [1, 0]


def test_a_refused_printer_fails_the_job_and_leaves_the_document(shop, printer, queue) -> None:  # type: ignore[no-untyped-def]
    printer.set_mode("refuse")
    number = exchange(shop, "20004")
    report = queue.run_once()
    (failed,) = report.failed
    assert failed.state == "failed" and failed.attempts == 1
    assert failed.last_error.startswith(OFFLINE) and failed.document_number == number
    assert queue.queued() == (failed,)
    with shop.sessions() as s:
        assert s.scalar(select(CounterDocumentRecord.number)) == number
    # The printer comes back; the cashier retries; one receipt comes out.
    printer.set_mode("accept")
    queue.retry(failed.job_id)
    assert queue.run_once().printed == (failed.job_id,)
    assert len(printed(printer, 1)) == 1 and queue.run_once().printed == ()
    assert len(printer.jobs) == 1


def test_after_a_failure_the_printer_s_other_jobs_wait(shop, printer, queue) -> None:  # type: ignore[no-untyped-def]
    printer.set_mode("refuse")
    exchange(shop, "20005")
    exchange(shop, "20006")
    first, second = job_ids(shop)
    report = queue.run_once()
    assert [job.job_id for job in report.failed] == [first] and report.waiting == (second,)
    assert queue.job(second).attempts == 0


def test_a_failed_job_can_go_to_another_printer(shop, printer, queue) -> None:  # type: ignore[no-untyped-def]
    printer.set_mode("refuse")
    exchange(shop, "20007")
    (failed,) = queue.run_once().failed
    with TcpPrinter() as other:
        queue.retry(failed.job_id, printer=other.uri)
        assert queue.job(failed.job_id).printer == other.uri
        assert queue.run_once().printed == (failed.job_id,)
        assert len(printed(other, 1)) == 1
    assert printer.jobs == []


def test_paper_out_and_cover_open_are_told_in_plain_words(shop, queue) -> None:  # type: ignore[no-untyped-def]
    exchange(shop, "20008")
    for status, reason in (
        ("paper_out", "the printer is out of paper"),
        ("cover_open", "the printer's cover is open"),
    ):
        with TcpPrinter(status=status) as tcp:
            (job,) = job_ids(shop)
            queue.retry(job, printer=tcp.uri)
            (failed,) = queue.run_once().failed
            assert failed.last_error == reason and tcp.jobs == []


def test_a_failed_job_is_tried_again_by_itself_after_a_delay(shop, printer, queue) -> None:  # type: ignore[no-untyped-def]
    printer.set_mode("refuse")
    exchange(shop, "20009")
    (failed,) = queue.run_once().failed
    printer.set_mode("accept")
    assert queue.run_once().printed == ()  # not due yet
    shop.clock.advance(timedelta(seconds=21))
    assert queue.run_once().printed == (failed.job_id,)
    assert queue.job(failed.job_id).attempts == 2


def test_a_reprint_says_duplicate_and_never_opens_the_drawer(shop, printer, queue) -> None:  # type: ignore[no-untyped-def]
    number = exchange(shop, "20010", cash=True)
    queue.run_once()
    job = queue.reprint(number.lower())
    assert queue.job(job).duplicate and queue.job(job).printer == printer.uri
    assert queue.run_once().printed == (job,)
    original, copy = printed(printer, 2)
    assert "DUPLICA" not in original.text and original.drawer_pulses == 1
    assert "DUPLICA" in copy.text and copy.drawer_pulses == 0  # DUPLICATA in French
    with pytest.raises(PrintQueueError) as missing:
        queue.reprint("T9-999999")
    assert missing.value.code == "document_not_found"


def test_a_restart_prints_jobs_left_queued_or_printing(shop, printer, queue) -> None:  # type: ignore[no-untyped-def]
    queue.run_once()  # this instance's first round is behind it
    exchange(shop, "20011")
    exchange(shop, "20012")
    first, second = job_ids(shop)
    with shop.sessions.begin() as s:  # a crash in the middle of printing `first`
        s.execute(update(PrintJobRecord).where(PrintJobRecord.id == first).values(
            state="printing", attempts=1))  # fmt: skip
    assert queue.run_once().printed == (second,)  # the running instance leaves it alone
    restarted = new_queue(shop, printer.uri)
    try:
        assert restarted.run_once().printed == (first,)
    finally:
        restarted.close()
    assert len(printed(printer, 2)) == 2 and queue.queued() == ()


def test_retry_refuses_printed_and_unknown_jobs(shop, queue) -> None:  # type: ignore[no-untyped-def]
    exchange(shop, "20013")
    (job,) = queue.run_once().printed
    for job_id, code in ((job, "job_printed"), (9999, "job_not_found")):
        with pytest.raises(PrintQueueError) as refused:
            queue.retry(job_id)
        assert refused.value.code == code


def test_a_manager_opens_the_drawer_audited_a_cashier_cannot(shop, printer, queue) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDeniedError):
        queue.open_drawer(shop.cashier, "change for the float")
    with pytest.raises(PrintQueueError) as no_reason:
        queue.open_drawer(shop.manager, "  ")
    assert no_reason.value.code == "reason_required" and printer.jobs == []
    queue.open_drawer(shop.manager, "change for the float")
    (pulse,) = printed(printer, 1)
    assert pulse.drawer_pulses == 1 and pulse.lines == ()
    with shop.sessions() as s:
        entry = s.scalars(select(AuditEntryRecord).order_by(AuditEntryRecord.id.desc())).first()
    assert entry is not None and entry.action == "drawer_opened"
    assert entry.data == {"reason": "change for the float", "printer": printer.uri}


def test_a_failed_drawer_pulse_is_audited_too(shop, printer, queue) -> None:  # type: ignore[no-untyped-def]
    printer.set_mode("refuse")
    with pytest.raises(Exception, match=OFFLINE):
        queue.open_drawer(shop.manager, "float")
    with shop.sessions() as s:
        actions = s.scalars(select(AuditEntryRecord.action).order_by(AuditEntryRecord.id)).all()
    assert actions[-2:] == ["drawer_opened", "drawer_open_failed"]


def test_status_is_read_from_the_printer(shop, printer, queue) -> None:  # type: ignore[no-untyped-def]
    assert queue.status() is PrinterStatus.ONLINE
    printer.set_mode("refuse")
    assert queue.status() is PrinterStatus.OFFLINE
