"""The world as the services see it: ports they own, implemented by adapters outside them.

Devices: `ReceiptPrinter` and `PrinterFactory`, with the `PrinterStatus` a printer reports and
the `DeviceError` its driver raises (subclasses in `pos.hardware.errors`, whose `reason` is plain
words that can be stored and shown). Wix: `OrderReader` turns an order's JSON into the sales
history's shape (`pos.sync.wix_orders.order_from_wix`); the sync itself is `SyncPort`
(`pos.services.sync_port`). The composition root (`pos.wiring`) injects the adapters; services
never import `pos.hardware` or `pos.sync` (import-linter, docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

if TYPE_CHECKING:
    from pos.domain.closing import ClosureSlip
    from pos.domain.orders import OrderData
    from pos.domain.receipt import Receipt

__all__ = ["DeviceError", "OrderReader", "PrinterFactory", "PrinterStatus", "ReceiptPrinter"]


class PrinterStatus(StrEnum):
    """What a printer says about itself, when asked (DLE EOT on a network printer)."""

    ONLINE = "online"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    OFFLINE = "offline"  # refused, unreachable, or the printer reports an error
    UNKNOWN = "unknown"  # the transport or the printer cannot tell


class DeviceError(Exception):
    """A device could not do what was asked. Subclasses set `code` and a default `reason`.

    Args:
        reason: plain words for the cashier; the class's default when omitted.
        detail: technical detail for the log (an OS error, the address), not for the cashier.
    """

    code: ClassVar[str] = "device_error"
    default_reason: ClassVar[str] = "the device did not respond as expected"

    def __init__(self, reason: str | None = None, *, detail: str = "") -> None:
        self.reason = reason or self.default_reason
        self.detail = detail
        super().__init__(f"{self.reason} ({detail})" if detail else self.reason)


class ReceiptPrinter(Protocol):
    """A receipt printer with the cash drawer wired to it. Calls block a worker, never the GUI."""

    def print_receipt(self, receipt: Receipt) -> None:
        """Render and print `receipt` in one write (its drawer pulse included if it has one)."""
        ...

    def print_closure(self, slip: ClosureSlip) -> None:
        """Render and print a Z (or period) slip in one write."""
        ...

    def print_job(self, data: bytes) -> None:
        """Write bytes already rendered for it in one write (Settings' test print)."""
        ...

    def open_drawer(self) -> None: ...

    def status(self) -> PrinterStatus: ...

    def close(self) -> None: ...


PrinterFactory = Callable[[str], ReceiptPrinter]
"""Builds the printer for a setting (a URI such as `tcp://…`). The print queue resolves "the
default printer" itself, so a factory never has to know it."""


class OrderReader(Protocol):
    """Reads a Wix order (and its transactions) into the sales history's shape.

    Raises `ValueError` (`pos.sync.wix_orders.WixPayloadError`, with a code and the field's
    path) when the payload cannot be read; it reads only, never writes.
    """

    def __call__(
        self, order_json: Mapping[str, Any], transactions_json: Mapping[str, Any] | None = None
    ) -> OrderData: ...
