"""How bytes reach a printer: a URI names the transport, python-escpos's classes do the I/O.

`tcp://192.168.1.50:9100`, `usb://04b8:0e28`, `serial:///dev/ttyUSB0?baudrate=19200`,
`file:///dev/usb/lp0` or `virtual`. Every transport is opened explicitly for a job and closed
right after it (never left to garbage collection), with explicit short timeouts instead of
python-escpos's 60 s network default. See docs/printing.md.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlsplit

from escpos import printer as escpos_printer
from escpos.exceptions import DeviceNotFoundError

from pos.hardware.errors import (
    STATUS_ERRORS,
    DeviceError,
    PrinterConfigError,
    PrinterOfflineError,
    PrinterStatus,
    PrinterTimeoutError,
)

DEFAULT_PORT = 9100
DEFAULT_BAUDRATE = 19200
# DLE EOT 1 (printer), 2 (offline cause), 4 (roll paper sensor): ESC/POS real-time status.
STATUS_QUERY = b"\x10\x04\x01\x10\x04\x02\x10\x04\x04"
STATUS_TIMEOUT = 0.5  # a printer that answers does so in a few ms
SCHEMES = ("tcp", "usb", "serial", "file", "virtual")


class Transport(Protocol):
    def write(self, data: bytes) -> None:
        """Send a whole job in one go, or raise a `DeviceError`."""
        ...

    def status(self) -> PrinterStatus: ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class PrinterAddress:
    """A parsed printer URI. `options` are the query parameters (`wait_eof`, `baudrate`...)."""

    scheme: str
    host: str = ""
    port: int = DEFAULT_PORT
    vendor_id: int = 0
    product_id: int = 0
    path: str = ""
    options: Mapping[str, str] = field(default_factory=dict)

    def option(self, name: str, default: str) -> str:
        return self.options.get(name, default)


def parse_printer_uri(uri: str) -> PrinterAddress:
    """Parse a printer setting.

    Raises:
        PrinterConfigError: the URI names no known transport or is incomplete.
    """
    text = uri.strip()
    if text in ("virtual", "virtual:", "virtual://") or text.startswith("virtual://"):
        return PrinterAddress("virtual", path=text.removeprefix("virtual").lstrip(":/"))
    parts = urlsplit(text)
    options = dict(parse_qsl(parts.query))
    parsers: dict[str, Callable[[Any, dict[str, str]], PrinterAddress]] = {
        "tcp": _tcp_address, "usb": _usb_address, "serial": _path_address,
        "file": _path_address,
    }  # fmt: skip
    if parts.scheme not in parsers:
        raise PrinterConfigError(
            f"the printer address {uri!r} is not valid: it should start with "
            "tcp://, usb://, serial://, file:// or be 'virtual'"
        )
    try:
        return parsers[parts.scheme](parts, options)
    except ValueError as error:
        raise PrinterConfigError(f"the printer address {uri!r} is not valid: {error}") from None


def _tcp_address(parts: Any, options: dict[str, str]) -> PrinterAddress:
    if not parts.hostname:
        raise ValueError("no host")
    return PrinterAddress("tcp", host=parts.hostname, port=parts.port or DEFAULT_PORT,
                          options=options)  # fmt: skip


def _usb_address(parts: Any, options: dict[str, str]) -> PrinterAddress:
    vendor, _, product = parts.netloc.partition(":")
    if not vendor or not product:
        raise ValueError("expected usb://VENDOR:PRODUCT in hexadecimal, e.g. usb://04b8:0e28")
    return PrinterAddress("usb", vendor_id=int(vendor, 16), product_id=int(product, 16),
                          options=options)  # fmt: skip


def _path_address(parts: Any, options: dict[str, str]) -> PrinterAddress:
    if not parts.path:
        raise ValueError("no device path")
    if parts.scheme == "serial":
        int(options.get("baudrate", DEFAULT_BAUDRATE))  # fail now, not at the first receipt
    return PrinterAddress(parts.scheme, path=parts.path, options=options)


def open_transport(uri: str, *, timeout: float = 3.0) -> Transport:
    """The transport for a printer setting (nothing is opened until the first job).

    Args:
        uri: see the module docstring.
        timeout: seconds for connecting, for each write, and for the end-of-job handshake.

    Raises:
        PrinterConfigError: the URI is not valid.
    """
    address = parse_printer_uri(uri)
    if address.scheme == "virtual":
        return VirtualPrinter(name=address.path or "virtual")
    if address.scheme == "tcp":
        return NetworkTransport(address, timeout=timeout)
    return DeviceFileTransport(address, timeout=timeout)


def parse_status(answer: bytes) -> PrinterStatus:
    """Read the answers to `STATUS_QUERY` (one byte each; fixed bits 1 and 4 are set)."""
    if len(answer) < 3 or any(byte & 0x93 != 0x12 for byte in answer[:3]):
        return PrinterStatus.UNKNOWN
    printer, cause, paper = answer[:3]
    if cause & 0x04:
        return PrinterStatus.COVER_OPEN
    if paper & 0x60 or cause & 0x20:
        return PrinterStatus.PAPER_OUT
    if printer & 0x08 or cause & 0x40:
        return PrinterStatus.OFFLINE
    return PrinterStatus.ONLINE


def _raise_for(status: PrinterStatus, where: str) -> None:
    error = STATUS_ERRORS.get(status)
    if error is not None:
        raise error(detail=where)


class NetworkTransport:
    """Raw TCP (port 9100) through `escpos.printer.Network`, one connection per job.

    After the job the write side is shut down and the printer's close is awaited (`wait_eof`,
    on by default, as CUPS's socket backend does): that is how a dropped or stalled job is
    told from a delivered one. `tcp://host:9100?wait_eof=0` skips it for printers that keep
    the connection open.
    """

    def __init__(self, address: PrinterAddress, *, timeout: float) -> None:
        self._address, self._timeout = address, timeout
        self._wait_eof = address.option("wait_eof", "1") not in ("0", "false", "no")
        self._answers_status: bool | None = None  # learnt at the first job
        self._where = f"{address.host}:{address.port}"

    def write(self, data: bytes) -> None:
        printer = self._open()
        try:
            if self._answers_status is not False:
                _raise_for(self._query(printer), self._where)
            self._send(printer, data)
            if self._wait_eof:
                self._await_close(printer.device)
        finally:
            printer.close()

    def status(self) -> PrinterStatus:
        try:
            printer = self._open()
        except PrinterOfflineError:
            return PrinterStatus.OFFLINE
        try:
            return self._query(printer)
        finally:
            printer.close()

    def close(self) -> None:
        """Nothing stays open between jobs."""

    def _open(self) -> Any:
        printer = escpos_printer.Network(
            self._address.host, self._address.port, timeout=self._timeout
        )
        try:
            # Connected here rather than by `Network.open`, which drops (and leaks) the socket
            # of a refused connection and keeps only the error's text.
            sock = socket.create_connection(
                (self._address.host, self._address.port), timeout=self._timeout
            )
        except OSError as error:
            raise PrinterOfflineError(detail=f"{self._where}: {error}") from None
        printer.device = sock  # explicit open: escpos never opens implicitly from here on
        return printer

    def _query(self, printer: Any) -> PrinterStatus:
        sock: socket.socket = printer.device
        try:
            sock.settimeout(STATUS_TIMEOUT if self._answers_status is None else self._timeout)
            sock.sendall(STATUS_QUERY)
            answer = _recv_exactly(sock, 3)
        except TimeoutError:
            answer = b""
        except OSError as error:
            raise PrinterOfflineError(detail=f"{self._where}: {error}") from None
        finally:
            sock.settimeout(self._timeout)
        status = parse_status(answer)
        if self._answers_status is None:
            self._answers_status = status is not PrinterStatus.UNKNOWN
        return status

    def _send(self, printer: Any, data: bytes) -> None:
        try:
            printer._raw(data)  # socket.sendall: every byte, or an error
        except TimeoutError:
            raise PrinterTimeoutError(detail=f"{self._where}: send timed out") from None
        except OSError as error:
            raise PrinterOfflineError(
                "the printer dropped the connection during the receipt", detail=str(error)
            ) from None

    def _await_close(self, sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_WR)
            while sock.recv(256):  # status bytes a printer may send back are ignored
                pass
        except TimeoutError:
            raise PrinterTimeoutError(
                "the printer did not confirm the end of the receipt",
                detail=f"{self._where}: no close within {self._timeout:g} s",
            ) from None
        except OSError as error:
            raise PrinterOfflineError(
                "the printer dropped the connection during the receipt", detail=str(error)
            ) from None


def _recv_exactly(sock: socket.socket, size: int) -> bytes:
    answer = b""
    while len(answer) < size:
        chunk = sock.recv(size - len(answer))
        if not chunk:
            break
        answer += chunk
    return answer


class DeviceFileTransport:
    """USB (pyusb), serial (pyserial) or a device file, through python-escpos, per job.

    Status is not read back on these links (`UNKNOWN`). A device file has no OS-level write
    timeout: the caller's `DeviceThread.call` timeout bounds the wait instead.
    """

    def __init__(self, address: PrinterAddress, *, timeout: float) -> None:
        self._address, self._timeout = address, timeout
        self._where = address.path or f"usb {address.vendor_id:04x}:{address.product_id:04x}"

    def write(self, data: bytes) -> None:
        printer = self._open()
        try:
            printer._raw(data)
        except DeviceError:
            raise
        except Exception as error:  # pyserial/pyusb/OS errors: the link, not our bug
            if "timeout" in type(error).__name__.lower() or isinstance(error, TimeoutError):
                raise PrinterTimeoutError(detail=f"{self._where}: {error}") from None
            raise PrinterOfflineError(detail=f"{self._where}: {error}") from None
        finally:
            printer.close()

    def status(self) -> PrinterStatus:
        return PrinterStatus.UNKNOWN

    def close(self) -> None:
        """Nothing stays open between jobs."""

    def _open(self) -> Any:
        printer = self._make()
        try:
            printer.open()
        except DeviceNotFoundError as error:
            raise PrinterOfflineError(detail=f"{self._where}: {error}") from None
        except Exception as error:  # pyusb without libusb says NoBackendError: a set-up problem
            if type(error).__name__ == "NoBackendError":
                raise PrinterConfigError(
                    "printing on usb needs the libusb system library (Debian: libusb-1.0-0), "
                    "not installed") from None
            raise
        if self._address.scheme == "serial":
            printer.device.write_timeout = self._timeout  # escpos only sets the read timeout
        return printer

    def _make(self) -> Any:
        address, timeout = self._address, self._timeout
        kind = {"usb": escpos_printer.Usb, "serial": escpos_printer.Serial}.get(address.scheme)
        if kind is not None and not kind.is_usable():  # else escpos raises, even in __del__
            raise PrinterConfigError(
                f"printing on {address.scheme} needs {kind.__name__}'s library "
                f"({'pyusb' if kind is escpos_printer.Usb else 'pyserial'}), not installed"
            )
        if address.scheme == "usb":
            return escpos_printer.Usb(
                address.vendor_id, address.product_id, timeout=int(timeout * 1000)
            )  # pyusb: milliseconds
        if address.scheme == "serial":
            baudrate = int(address.option("baudrate", str(DEFAULT_BAUDRATE)))
            return escpos_printer.Serial(address.path, baudrate=baudrate, timeout=timeout)
        return escpos_printer.File(address.path, auto_flush=True)


@dataclass(frozen=True, slots=True)
class VirtualJob:
    """One job the virtual printer received: the bytes and what they would show on paper."""

    data: bytes
    text: str  # the job as it looks on paper (see `DecodedJob.render`)
    lines: tuple[str, ...]
    qr_payloads: tuple[str, ...]
    drawer_pulses: int
    cuts: int


class VirtualPrinter:
    """A printer that keeps what it is sent: for tests, the demo and training.

    It can be told to fail (`fail_next`) or to report a status (`set_status`); a paper-out or
    cover-open status makes `write` refuse like a real printer that reports its status.
    """

    def __init__(self, name: str = "virtual", *, columns: int = 42) -> None:
        self.name, self.columns = name, columns
        self._lock = threading.Lock()
        self._jobs: list[VirtualJob] = []
        self._failures: list[DeviceError] = []
        self._status = PrinterStatus.ONLINE

    @property
    def jobs(self) -> tuple[VirtualJob, ...]:
        with self._lock:
            return tuple(self._jobs)

    def fail_next(self, error: DeviceError, times: int = 1) -> None:
        """Make the next `times` writes raise `error` (nothing is kept from them)."""
        with self._lock:
            self._failures.extend([error] * times)

    def set_status(self, status: PrinterStatus) -> None:
        with self._lock:
            self._status = status

    def write(self, data: bytes) -> None:
        with self._lock:
            if self._failures:
                raise self._failures.pop(0)
            _raise_for(self._status, self.name)
        job = decode_job(data, columns=self.columns)
        with self._lock:
            self._jobs.append(job)

    def status(self) -> PrinterStatus:
        with self._lock:
            return self._status

    def close(self) -> None:
        """Jobs are kept: a test reads them after the printer is closed."""


def decode_job(data: bytes, *, columns: int = 42) -> VirtualJob:
    """What `data` would print, read back by the ESC/POS decoder (bytes are always kept)."""
    from pos.hardware.escpos_decode import EscposDecodeError, decode

    try:
        decoded = decode(data)
    except EscposDecodeError as error:
        note = f"[not decodable: {error}]"
        return VirtualJob(data, note, (note,), (), 0, 0)
    return VirtualJob(
        data=data,
        text=decoded.render(columns),
        lines=tuple(decoded.lines),
        qr_payloads=tuple(decoded.qr_payloads),
        drawer_pulses=decoded.drawer_pulses,
        cuts=decoded.cuts,
    )
