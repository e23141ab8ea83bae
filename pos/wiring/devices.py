"""The device adapters the services' ports are given: printers, receipt text, the card terminal.

The printer drivers import python-escpos, whose printer profiles take ~0.15 s to load: they are
imported when the first receipt prints (or by `warm_up`, on the printing thread while the
cashier logs in), never while the window opens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pos.domain.closing import ClosureSlip
    from pos.domain.receipt import Receipt
    from pos.hardware.card_terminals import SimulatedTerminal
    from pos.hardware.printer import EscposReceiptPrinter
    from pos.hardware.transports import VirtualPrinter as VirtualPrinter  # for pos.cli
    from pos.services.ports import PrinterFactory


def make_printer(uri: str, *, model: Callable[[], tuple[str, int | None]] | None = None
                 ) -> EscposReceiptPrinter:  # fmt: skip
    """The receipt printer for a setting (`pos.services.ports.PrinterFactory`), of the model
    and paper width `model()` says (Settings' printer model), if given."""
    from pos.hardware.printer import make_printer as make  # noqa: PLC0415

    if model is None:
        return make(uri)
    profile, columns = model()
    return make(uri, profile=profile, columns=printer_columns(profile, columns))


def printer_columns(profile: str, columns: int | None) -> int:
    """The line width of a Settings printer model: its chosen width, or its profile's own."""
    from pos.hardware.receipt_render import profile_columns  # noqa: PLC0415

    return columns or profile_columns(profile)


def printer_factory(uri: str, transport: VirtualPrinter | None
                    ) -> Callable[[str], EscposReceiptPrinter]:  # fmt: skip
    """A printer factory that writes to `transport` (a `VirtualPrinter` the caller reads)
    for `uri`, and to each other printer's own transport."""
    from pos.hardware.printer import make_printer as make  # noqa: PLC0415

    def printers(printer_uri: str) -> EscposReceiptPrinter:
        return make(printer_uri, transport=transport if printer_uri == uri else None)

    return printers


def virtual_printer_for(uri: str) -> VirtualPrinter | None:
    """A virtual printer to print on when `uri` names one (its paper can be read), else None.

    Raises:
        PrinterConfigError: `uri` is not a printer setting.
    """
    from pos.hardware.transports import VirtualPrinter, parse_printer_uri  # noqa: PLC0415

    return VirtualPrinter() if parse_printer_uri(uri).scheme == "virtual" else None


def save_receipt_png(receipt: Receipt, path: Path, *, profile: str, columns: int) -> None:
    """Draw the paper `receipt` prints on (`profile`, `columns`) into a PNG at `path`, from the
    job's bytes (`comptoir receipt show --png`). Raises `OSError` when it cannot write it."""
    from pos.hardware.receipt_image import save_job_image  # noqa: PLC0415
    from pos.hardware.receipt_render import render_escpos  # noqa: PLC0415

    job = render_escpos(receipt, profile=profile, columns=columns)
    save_job_image(job, path, columns=columns, profile=profile)


def render_text(receipt: Receipt, columns: int) -> str:
    """A receipt as the printer prints it, in text (the previews and `comptoir receipt show`)."""
    from pos.hardware.receipt_render import render_text as render  # noqa: PLC0415

    return render(receipt, columns=columns)


def warm_up() -> None:
    """Load the printer drivers (python-escpos's profiles) ahead of the first receipt."""
    import pos.hardware.printer  # noqa: F401, PLC0415
    import pos.hardware.receipt_render  # noqa: F401, PLC0415


def print_slip(uri: str, slip: ClosureSlip) -> None:
    """A closure slip on the printer at `uri`. Raises `DeviceError` when it cannot."""
    from pos.hardware.closing_slip import render_closure_escpos  # noqa: PLC0415

    print_bytes(uri, render_closure_escpos(slip))


def slip_text(slip: ClosureSlip) -> str:
    """A closure slip as text, as it prints (`comptoir report`)."""
    from pos.hardware.closing_slip import render_closure_text  # noqa: PLC0415

    return render_closure_text(slip)


def test_print(uri: str, *, printers: PrinterFactory | None = None) -> None:
    """A few lines on the printer at `uri` (the settings screen's Test print; off the GUI)."""
    print_bytes(uri, b"\x1b@Comptoir - test\n\n\n\x1dV\x00", printers=printers)


def print_bytes(uri: str, job: bytes, *, printers: PrinterFactory | None = None) -> None:
    """Write one rendered job to the printer at `uri` (made by `printers`), then close it."""
    printer = (printers or make_printer)(uri)
    try:
        printer.print_job(job)
    finally:
        printer.close()


def simulated_terminal() -> SimulatedTerminal:
    """The card terminal of the demo and the tests: it approves in a moment."""
    from pos.hardware.card_terminals import SimulatedTerminal  # noqa: PLC0415

    return SimulatedTerminal()
