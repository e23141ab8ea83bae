"""What a counter device reports: a printer's status, and the typed errors drivers raise.

Each error has a stable `code` (for the UI to translate) and a `reason` in plain words that can
be stored with a print job and shown as is; drivers never show UI themselves (STYLE.md).
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar


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


class DeviceTimeoutError(DeviceError):
    """The device's I/O thread did not finish in time (see `DeviceThread.call`)."""

    code = "device_timeout"
    default_reason = "the device did not finish in time"


class PrinterOfflineError(DeviceError):
    """Connection refused, host unreachable, device missing, or the link dropped mid-job."""

    code = "printer_offline"
    default_reason = "the printer does not answer (is it switched on and connected?)"


class PrinterTimeoutError(DeviceTimeoutError):
    """The printer stopped taking data, or never confirmed the end of the job, in time."""

    code = "printer_timeout"
    default_reason = "the printer stopped responding before the receipt was sent"


class PaperOutError(DeviceError):
    code = "paper_out"
    default_reason = "the printer is out of paper"


class CoverOpenError(DeviceError):
    code = "cover_open"
    default_reason = "the printer's cover is open"


class PrinterConfigError(DeviceError):
    """The printer setting is not usable: a malformed URI or a missing driver library."""

    code = "printer_config"
    default_reason = "the printer setting is not valid"


STATUS_ERRORS: dict[PrinterStatus, type[DeviceError]] = {
    PrinterStatus.PAPER_OUT: PaperOutError,
    PrinterStatus.COVER_OPEN: CoverOpenError,
    PrinterStatus.OFFLINE: PrinterOfflineError,
}
