"""The receipt printer driver: one write per receipt on its own thread, drawer, status, errors."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from pos.domain.money import Money
from pos.domain.receipt import Receipt, ReceiptKind, ReceiptLine, ReceiptTender, ShopInfo
from pos.hardware.device_thread import DeviceThread
from pos.hardware.errors import (
    DeviceTimeoutError,
    PaperOutError,
    PrinterConfigError,
    PrinterOfflineError,
    PrinterStatus,
    PrinterTimeoutError,
)
from pos.hardware.printer import DRAWER_PULSE, EscposReceiptPrinter, make_printer
from pos.hardware.receipt_render import render_escpos
from pos.hardware.transports import VirtualPrinter, decode_job
from tests.support.tcp_printer import TcpPrinter


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def receipt(*, open_drawer: bool = True, duplicate: bool = False) -> Receipt:
    return Receipt(
        kind=ReceiptKind.EXCHANGE, language="en", shop=ShopInfo("Boutique Lumière"),
        document_number="T1-000042", created_at=datetime(2026, 11, 20, 15, 5, tzinfo=UTC),
        terminal_id="T1", cashier_name="Camille", approver_names=(), order_number="10042",
        returned=(ReceiptLine("T-shirt", "M", 1, eur(2990)),),
        new_items=(ReceiptLine("Jean droit", "L", 1, eur(7990)),), fees=(), balance=eur(5000),
        balance_kind="higher", tenders=(ReceiptTender("cash", eur(5000)),), change_due=eur(0),
        gift_card=None, qr_payload="CPT:D:T1-000042", duplicate=duplicate,
        open_drawer=open_drawer)  # fmt: skip


@pytest.fixture
def virtual() -> Iterator[tuple[EscposReceiptPrinter, VirtualPrinter]]:
    transport = VirtualPrinter()
    printer = make_printer("virtual", transport=transport)
    yield printer, transport
    printer.close()


def test_a_receipt_is_rendered_then_written_in_one_call(virtual) -> None:  # type: ignore[no-untyped-def]
    printer, transport = virtual
    printer.print_receipt(receipt())
    (job,) = transport.jobs
    assert job.data == render_escpos(receipt(), profile="TM-T88V", columns=42)
    assert "T1-000042" in job.text and job.qr_payloads == ("CPT:D:T1-000042",)
    assert (job.drawer_pulses, job.cuts) == (1, 1)


def test_no_drawer_pulse_without_cash(virtual) -> None:  # type: ignore[no-untyped-def]
    printer, transport = virtual
    printer.print_receipt(receipt(open_drawer=False, duplicate=True))
    (job,) = transport.jobs
    assert job.drawer_pulses == 0 and "DUPLICATE" in job.text


def test_open_drawer_sends_only_the_pulse(virtual) -> None:  # type: ignore[no-untyped-def]
    printer, transport = virtual
    printer.open_drawer()
    (job,) = transport.jobs
    assert job.data == DRAWER_PULSE == b"\x1bp\x0022" and job.drawer_pulses == 1


def test_every_write_runs_on_the_printer_s_own_thread() -> None:
    seen: list[str] = []

    class Spy(VirtualPrinter):
        def write(self, data: bytes) -> None:
            seen.append(threading.current_thread().name)
            super().write(data)

    printer = make_printer("virtual", transport=Spy())
    try:
        printer.print_job(b"a\n")
        printer.open_drawer()
        assert seen == ["printer virtual", "printer virtual"]
        assert printer.status() is PrinterStatus.ONLINE
        with pytest.raises(AssertionError):
            printer._write(b"not from here")  # a driver method off its thread is a bug
    finally:
        printer.close()


def test_errors_reach_the_caller_typed(virtual) -> None:  # type: ignore[no-untyped-def]
    printer, transport = virtual
    transport.fail_next(PrinterOfflineError())
    with pytest.raises(PrinterOfflineError):
        printer.print_receipt(receipt())
    transport.set_status(PrinterStatus.PAPER_OUT)
    with pytest.raises(PaperOutError):
        printer.print_receipt(receipt())
    assert printer.status() is PrinterStatus.PAPER_OUT and transport.jobs == ()


def test_a_receipt_reaches_a_tcp_printer_whole() -> None:
    with TcpPrinter() as tcp:
        printer = make_printer(tcp.uri, timeout=1.0)
        try:
            printer.print_receipt(receipt())
            assert printer.status() is PrinterStatus.ONLINE
        finally:
            printer.close()
        (got,) = tcp.wait_for_jobs(1)
    assert got.data == render_escpos(receipt())
    assert decode_job(got.data).qr_payloads == ("CPT:D:T1-000042",)


def test_a_wedged_device_thread_times_out_as_a_printer_timeout() -> None:
    release = threading.Event()

    class Wedged(VirtualPrinter):
        def write(self, data: bytes) -> None:
            release.wait(5)

    printer = EscposReceiptPrinter(uri="virtual", io=DeviceThread("wedged"), timeout=0.01,
                                   transport=Wedged())  # fmt: skip
    try:
        with pytest.raises(PrinterTimeoutError):
            printer.print_job(b"x")
    finally:
        release.set()
        printer.close()


def test_device_thread_returns_results_raises_errors_and_times_out() -> None:
    io = DeviceThread("test device")
    try:
        assert io.call(lambda a, b: a + b, 2, 3, timeout=1) == 5
        with pytest.raises(ZeroDivisionError):
            io.call(lambda: 1 / 0, timeout=1)
        gate = threading.Event()
        with pytest.raises(DeviceTimeoutError):
            io.call(gate.wait, 5, timeout=0.05)
        gate.set()
        assert io.call(threading.current_thread, timeout=1).name == "test device"
    finally:
        io.close()
    assert not io.alive
    with pytest.raises(RuntimeError):
        io.call(print, timeout=1)


def test_a_bad_uri_fails_before_a_thread_starts() -> None:
    before = threading.active_count()
    with pytest.raises(PrinterConfigError):
        make_printer("lpt://1")
    assert threading.active_count() == before
