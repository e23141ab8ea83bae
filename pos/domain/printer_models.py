"""The receipt printers offered in Settings: a python-escpos profile each, and its paper.

The profile decides the code page table numbers and whether QR codes are native; the paper
decides which line widths can be chosen (58 mm: 32 characters; 80 mm: 42 or 48). The profile's
own width (its font A columns in python-escpos' data) is the default:
`pos.hardware.receipt_render.profile_columns`.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.errors import DomainError

WIDTHS = {58: (32,), 80: (42, 48)}  # characters per line in font A, by paper width (mm)


@dataclass(frozen=True, slots=True)
class PrinterModel:
    """`profile`: the python-escpos profile name; `label`: the model(s) it is shown as (short:
    three chips to a row at 1024 px)."""

    profile: str
    label: str
    paper_mm: int

    @property
    def widths(self) -> tuple[int, ...]:
        return WIDTHS[self.paper_mm]


PRINTER_MODELS = (
    PrinterModel("TM-T88V", "TM-T88V / TM-T88VI", 80),
    # python-escpos has no TM-T20III profile; the TM-T20II's (48 columns, same tables) fits it.
    PrinterModel("TM-T20II", "TM-T20II / TM-T20III", 80),
    PrinterModel("TM-T20II-42col", "TM-T20II, 42 col.", 80),
    PrinterModel("RP-F10-80mm", "RP-F10 80 mm", 80),
    PrinterModel("RP-F10-58mm", "RP-F10 58 mm", 58),
    PrinterModel("NT-5890K", "58 mm NT-5890K", 58),
)
DEFAULT_PROFILE = "TM-T88V"


class PrinterModelError(DomainError):
    """Reasons: ``unknown_profile``, ``width_not_for_paper``."""

    def __init__(self, reason: str, **params: object) -> None:
        super().__init__("printer_model_invalid", reason=reason, **params)
        self.reason = reason


def printer_model(profile: str) -> PrinterModel:
    """The offered model of `profile`.

    Raises:
        PrinterModelError: ``unknown_profile``.
    """
    for model in PRINTER_MODELS:
        if model.profile == profile:
            return model
    raise PrinterModelError("unknown_profile", profile=profile)


def check_width(profile: str, columns: int | None) -> int | None:
    """`columns` if the model's paper has that width (None: the profile's own width).

    Raises:
        PrinterModelError: ``unknown_profile``, ``width_not_for_paper``.
    """
    model = printer_model(profile)
    if columns is not None and columns not in model.widths:
        raise PrinterModelError("width_not_for_paper", profile=profile, columns=columns)
    return columns
