"""Printer URIs, and the TCP transport against a local printer that accepts, refuses, stalls
and drops; status read back with DLE EOT; the virtual printer."""

from __future__ import annotations

import time

import pytest

from pos.hardware.errors import (
    CoverOpenError,
    PaperOutError,
    PrinterConfigError,
    PrinterOfflineError,
    PrinterStatus,
    PrinterTimeoutError,
)
from pos.hardware.transports import (
    STATUS_QUERY,
    NetworkTransport,
    PrinterAddress,
    VirtualPrinter,
    open_transport,
    parse_printer_uri,
    parse_status,
)
from tests.support.tcp_printer import TcpPrinter, status_answer

JOB = b"\x1b@Bonjour\n" * 400  # 4 KB: more than one TCP segment


@pytest.mark.parametrize(("uri", "expected"), [
    ("tcp://192.168.1.50:9100", PrinterAddress("tcp", host="192.168.1.50")),
    ("tcp://printer.local", PrinterAddress("tcp", host="printer.local", port=9100)),
    ("tcp://10.0.0.9:9101?wait_eof=0", PrinterAddress("tcp", host="10.0.0.9", port=9101,
                                                      options={"wait_eof": "0"})),
    ("usb://04b8:0e28", PrinterAddress("usb", vendor_id=0x04B8, product_id=0x0E28)),
    ("serial:///dev/ttyUSB0?baudrate=19200", PrinterAddress(
        "serial", path="/dev/ttyUSB0", options={"baudrate": "19200"})),
    ("file:///dev/usb/lp0", PrinterAddress("file", path="/dev/usb/lp0")),
    ("virtual", PrinterAddress("virtual")),
    (" virtual://demo ", PrinterAddress("virtual", path="demo")),
])  # fmt: skip
def test_printer_uris_parse(uri: str, expected: PrinterAddress) -> None:
    assert parse_printer_uri(uri) == expected


@pytest.mark.parametrize("uri", [
    "", "printer", "lpt://1", "tcp://", "tcp://host:port", "usb://04b8", "usb://zz:0e28",
    "serial://", "serial:///dev/ttyS0?baudrate=fast", "file://",
])  # fmt: skip
def test_bad_uris_are_config_errors_in_plain_words(uri: str) -> None:
    with pytest.raises(PrinterConfigError) as bad:
        open_transport(uri)
    assert bad.value.code == "printer_config" and "not valid" in bad.value.reason


@pytest.mark.parametrize("uri", ["usb://04b8:0e28", "serial:///dev/ttyUSB0"])
def test_usb_and_serial_without_their_library_say_so(uri: str) -> None:
    transport = open_transport(uri, timeout=0.2)
    try:
        transport.write(b"x")
    except PrinterConfigError as error:  # the library (or libusb under pyusb) is missing
        assert "not installed" in error.reason
    except PrinterOfflineError:
        pass  # the library is there, the device is not
    assert transport.status() is PrinterStatus.UNKNOWN


def test_a_missing_device_file_is_offline(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PrinterOfflineError):
        open_transport(f"file://{tmp_path}/missing/lp0").write(b"x")


def test_a_device_file_receives_the_job(tmp_path) -> None:  # type: ignore[no-untyped-def]
    device = tmp_path / "lp0"
    device.write_bytes(b"")
    open_transport(f"file://{device}").write(JOB)
    assert device.read_bytes() == JOB


def test_an_accepting_printer_gets_every_byte_in_one_connection() -> None:
    with TcpPrinter() as tcp:
        transport = open_transport(tcp.uri, timeout=1.0)
        transport.write(JOB)
        transport.write(b"second")
        first, second = tcp.wait_for_jobs(2)
        assert (first.data, second.data) == (JOB, b"second") and first.complete
        assert tcp.connections == 2  # one per job: nothing stays open between jobs
        transport.close()


def test_a_refusing_printer_is_offline_at_once() -> None:
    with TcpPrinter("refuse") as tcp:
        tcp.set_mode("refuse")
        started = time.perf_counter()
        with pytest.raises(PrinterOfflineError) as refused:
            open_transport(tcp.uri, timeout=2.0).write(JOB)
        assert time.perf_counter() - started < 1.0
        assert refused.value.reason.startswith("the printer does not answer")
        assert "refused" in str(refused.value).lower()


def test_a_stalled_printer_times_out_within_the_timeout() -> None:
    with TcpPrinter("stall") as tcp:
        started = time.perf_counter()
        with pytest.raises(PrinterTimeoutError) as stalled:
            open_transport(tcp.uri, timeout=0.3).write(JOB)
        assert 0.3 <= time.perf_counter() - started < 2.0  # status wait + end-of-job wait
        assert "did not confirm" in stalled.value.reason


def test_a_printer_that_drops_the_connection_mid_job_is_an_error() -> None:
    with TcpPrinter("drop", drop_after=16) as tcp:
        with pytest.raises(PrinterOfflineError) as dropped:
            open_transport(tcp.uri, timeout=1.0).write(JOB)
        assert "dropped the connection" in dropped.value.reason
        (partial,) = tcp.wait_for_jobs(1)
        assert not partial.complete


@pytest.mark.parametrize(("status", "error"), [
    ("paper_out", PaperOutError), ("cover_open", CoverOpenError)])  # fmt: skip
def test_paper_out_and_cover_open_refuse_the_job_before_sending(status: str, error) -> None:  # type: ignore[no-untyped-def]
    with TcpPrinter(status=status) as tcp:
        transport = open_transport(tcp.uri, timeout=1.0)
        with pytest.raises(error):
            transport.write(JOB)
        assert transport.status() == PrinterStatus(status)
        assert tcp.jobs == []


def test_a_printer_that_does_not_answer_status_is_asked_only_once() -> None:
    with TcpPrinter(status="silent") as tcp:
        transport = open_transport(tcp.uri, timeout=1.0)
        transport.write(JOB)
        started = time.perf_counter()
        transport.write(JOB)
        assert time.perf_counter() - started < 0.4  # no second status wait
        assert [job.data for job in tcp.wait_for_jobs(2)] == [JOB, JOB]


def test_status_of_an_online_and_a_refusing_printer() -> None:
    with TcpPrinter() as tcp:
        transport = open_transport(tcp.uri, timeout=1.0)
        assert transport.status() is PrinterStatus.ONLINE
        tcp.set_mode("refuse")
        assert transport.status() is PrinterStatus.OFFLINE


@pytest.mark.parametrize(("status", "expected"), [
    ("online", PrinterStatus.ONLINE), ("paper_out", PrinterStatus.PAPER_OUT),
    ("cover_open", PrinterStatus.COVER_OPEN)])  # fmt: skip
def test_status_bytes_are_read_like_a_tm_t88(status: str, expected: PrinterStatus) -> None:
    answer = b"".join(status_answer(status, query) for query in STATUS_QUERY[2::3])
    assert parse_status(answer) is expected


def test_garbage_or_short_status_is_unknown() -> None:
    assert parse_status(b"") is PrinterStatus.UNKNOWN
    assert parse_status(b"\x12\x12") is PrinterStatus.UNKNOWN
    assert parse_status(b"abc") is PrinterStatus.UNKNOWN


def test_without_wait_eof_the_job_ends_when_sent() -> None:
    with TcpPrinter("stall") as tcp:
        transport = open_transport(f"{tcp.uri}?wait_eof=0", timeout=0.3)
        assert isinstance(transport, NetworkTransport)
        transport.write(b"small job")  # fits in the socket buffers: delivered as far as we know


def test_the_virtual_printer_keeps_bytes_text_and_qr() -> None:
    virtual = open_transport("virtual")
    assert isinstance(virtual, VirtualPrinter)
    data = b"\x1b@Bonjour\n\x1bp\x00\x19\xfa"
    virtual.write(data)
    (job,) = virtual.jobs
    assert (job.data, job.lines, job.drawer_pulses) == (data, ("Bonjour",), 1)


def test_the_virtual_printer_fails_when_told() -> None:
    virtual = VirtualPrinter()
    virtual.fail_next(PrinterOfflineError(), times=2)
    for _ in range(2):
        with pytest.raises(PrinterOfflineError):
            virtual.write(b"x")
    virtual.set_status(PrinterStatus.PAPER_OUT)
    with pytest.raises(PaperOutError):
        virtual.write(b"x")
    assert virtual.status() is PrinterStatus.PAPER_OUT
    virtual.set_status(PrinterStatus.ONLINE)
    virtual.write(b"x\n")
    assert [job.text for job in virtual.jobs] == ["x"]


def test_undecodable_bytes_are_still_kept() -> None:
    virtual = VirtualPrinter()
    virtual.write(b"\x1d\xff\xff")
    (job,) = virtual.jobs
    assert job.data == b"\x1d\xff\xff"


def test_a_serial_printer_receives_the_job_in_one_write() -> None:
    # A pseudo-terminal stands in for /dev/ttyUSB0: pyserial opens it like a real port.
    import os  # noqa: PLC0415

    master, slave = os.openpty()
    try:
        transport = open_transport(f"serial://{os.ttyname(slave)}?baudrate=19200", timeout=1.0)
        transport.write(b"\x1b@Bonjour \xd5\n\x1dV\x00")
        received = b""
        while len(received) < 15:
            received += os.read(master, 64)
        assert received == b"\x1b@Bonjour \xd5\n\x1dV\x00"
        transport.close()
    finally:
        os.close(master)
        os.close(slave)
