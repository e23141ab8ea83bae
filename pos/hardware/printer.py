"""The receipt printer driver: rendered ESC/POS bytes, written in one call on its own thread.

`make_printer(uri)` is the registry: it picks the transport from the printer setting
(`virtual` gives a `VirtualPrinter`) and gives the printer its own `DeviceThread`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from escpos.constants import CD_KICK_2

from pos.hardware.device_thread import DeviceThread
from pos.hardware.errors import DeviceTimeoutError, PrinterStatus, PrinterTimeoutError
from pos.hardware.transports import Transport, open_transport

T = TypeVar("T")

if TYPE_CHECKING:
    from pos.domain.closing import ClosureSlip
    from pos.domain.receipt import Receipt

DRAWER_PULSE = CD_KICK_2  # ESC p 0 50 50: pin 2, 100 ms on, 100 ms off (the usual drawer)


class EscposReceiptPrinter:
    """An ESC/POS receipt printer; every byte goes through this printer's own I/O thread.

    Args:
        uri: the printer setting (see `pos.hardware.transports`).
        profile: the python-escpos capability profile used to render.
        columns: characters per line in font A (42 on 80 mm paper, 32 on 58 mm).
        io: the printer's I/O thread.
        timeout: seconds for the transport (connect, write, end of job).
        transport: an already built transport (tests, a shared `VirtualPrinter`).

    Raises:
        PrinterConfigError: the URI is not valid.
    """

    def __init__(
        self,
        *,
        uri: str,
        profile: str = "TM-T88V",
        columns: int = 42,
        io: DeviceThread,
        timeout: float = 3.0,
        transport: Transport | None = None,
    ) -> None:
        self.uri, self._profile, self._columns, self._io = uri, profile, columns, io
        self._timeout = timeout
        self._transport = transport or open_transport(uri, timeout=timeout)
        # Connect + write + end-of-job handshake each take at most `timeout`.
        self._call_timeout = 3 * timeout + 1.0

    @property
    def transport(self) -> Transport:
        return self._transport

    @property
    def profile(self) -> str:
        """The python-escpos profile jobs are rendered for."""
        return self._profile

    @property
    def columns(self) -> int:
        """Characters per line on this printer's paper."""
        return self._columns

    def print_receipt(self, receipt: Receipt) -> None:
        """Render `receipt` (its drawer pulse included when `open_drawer`), then one write.

        Raises:
            DeviceError: a subclass saying why nothing, or not all, was printed.
        """
        from pos.hardware.receipt_render import render_escpos

        self.print_job(render_escpos(receipt, profile=self._profile, columns=self._columns))

    def print_closure(self, slip: ClosureSlip) -> None:
        """Render a Z (or period) slip, then one write, as a receipt.

        Raises:
            DeviceError: a subclass saying why nothing, or not all, was printed.
        """
        from pos.hardware.closing_slip import render_closure_escpos

        self.print_job(render_closure_escpos(slip, profile=self._profile, columns=self._columns))

    def print_job(self, data: bytes) -> None:
        """Write already rendered bytes in one call on the printer's thread.

        Raises:
            DeviceError: a subclass saying why nothing, or not all, was printed.
        """
        self._call(self._write, data)

    def open_drawer(self) -> None:
        """Kick the cash drawer wired to the printer (a pulse on pin 2)."""
        self._call(self._write, DRAWER_PULSE)

    def status(self) -> PrinterStatus:
        """Ask the printer (TCP: DLE EOT); `UNKNOWN` when it cannot tell."""
        return self._call(self._status)

    def close(self) -> None:
        """Close the transport and stop the printer's thread (after queued calls)."""
        try:
            self._call(self._transport.close)
        finally:
            self._io.close(timeout=self._call_timeout)

    def _call(self, fn: Callable[..., T], *args: object) -> T:
        try:
            return self._io.call(fn, *args, timeout=self._call_timeout)
        except PrinterTimeoutError:
            raise
        except DeviceTimeoutError as error:
            raise PrinterTimeoutError(detail=error.detail) from None

    def _write(self, data: bytes) -> None:
        self._io.check()
        self._transport.write(data)

    def _status(self) -> PrinterStatus:
        self._io.check()
        return self._transport.status()


def make_printer(
    uri: str,
    *,
    profile: str = "TM-T88V",
    columns: int = 42,
    timeout: float = 3.0,
    transport: Transport | None = None,
) -> EscposReceiptPrinter:
    """A ready printer for the setting `uri`, with its own I/O thread (close it when done).

    Raises:
        PrinterConfigError: the URI is not valid.
    """
    transport = transport or open_transport(uri, timeout=timeout)  # validate before the thread
    io = DeviceThread(f"printer {uri}")
    return EscposReceiptPrinter(
        uri=uri, profile=profile, columns=columns, io=io, timeout=timeout, transport=transport
    )
