"""The devices as the services see them: small Protocols, implemented in `pos.hardware`.

`pos.app` injects the concrete drivers (`pos.hardware.printer.make_printer`); tests inject the
same factory on a local TCP printer or a `VirtualPrinter`. Drivers raise `DeviceError`
subclasses, whose `reason` is plain words that can be stored and shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from pos.hardware.errors import DeviceError, PrinterStatus

if TYPE_CHECKING:
    from pos.domain.closing import ClosureSlip
    from pos.domain.receipt import Receipt

__all__ = ["DeviceError", "PrinterFactory", "PrinterStatus", "ReceiptPrinter"]


class ReceiptPrinter(Protocol):
    """A receipt printer with the cash drawer wired to it. Calls block a worker, never the GUI."""

    def print_receipt(self, receipt: Receipt) -> None:
        """Render and print `receipt` in one write (its drawer pulse included if it has one)."""
        ...

    def print_closure(self, slip: ClosureSlip) -> None:
        """Render and print a Z (or period) slip in one write."""
        ...

    def open_drawer(self) -> None: ...

    def status(self) -> PrinterStatus: ...

    def close(self) -> None: ...


PrinterFactory = Callable[[str], ReceiptPrinter]
"""Builds the printer for a setting (a URI such as `tcp://…`). The print queue resolves "the
default printer" itself, so a factory never has to know it."""
