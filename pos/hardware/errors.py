"""The typed errors the drivers raise, under the services' `DeviceError` (`pos.services.ports`).

Each error has a stable `code` (for the UI to translate) and a `reason` in plain words that can
be stored with a print job and shown as is; drivers never show UI themselves (STYLE.md).
"""

from __future__ import annotations

from pos.services.ports import DeviceError, PrinterStatus

__all__ = [
    "STATUS_ERRORS",
    "CoverOpenError",
    "DeviceError",
    "DeviceTimeoutError",
    "PaperOutError",
    "PrinterConfigError",
    "PrinterOfflineError",
    "PrinterStatus",
    "PrinterTimeoutError",
]


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
