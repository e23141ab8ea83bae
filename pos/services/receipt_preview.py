"""Receipt previews: a committed document's receipt as the text the printer would print.

The renderer is injected (`pos.wiring` passes `pos.hardware.receipt_render.render_text`), so the
UI can show what the virtual printer renders without importing a driver.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pos.domain.receipt import Receipt
from pos.services.receipts import ReceiptService

DEFAULT_COLUMNS = 42  # an 80 mm roll in font A

RenderText = Callable[[Receipt, int], str]


@dataclass(frozen=True, slots=True)
class ReceiptPreview:
    """What a receipt looks like on paper, line for line."""

    document_number: str
    duplicate: bool
    text: str


class ReceiptPreviewService:
    """Renders receipts of committed documents as text; safe on any worker thread.

    Args:
        receipts: builds the `Receipt` values from the database.
        render_text: turns a receipt into text for a roll `columns` characters wide.
        columns: the width of this terminal's printer, in characters, or what reads it when
            a preview is made (the paper chosen in Settings, changed while the app runs).
    """

    def __init__(self, *, receipts: ReceiptService, render_text: RenderText,
                 columns: int | Callable[[], int] = DEFAULT_COLUMNS) -> None:
        self._receipts, self._render = receipts, render_text
        self._columns = columns if callable(columns) else lambda: columns

    def preview(self, document: str, *, duplicate: bool = False) -> ReceiptPreview:
        """The receipt of `document` (number or id); a reprint says DUPLICATE when `duplicate`.

        Raises:
            ReceiptError: "document_not_found" and the other codes of `ReceiptService.receipt`.
        """
        return self._show(self._receipts.receipt(document.strip(), duplicate=duplicate))

    def preview_job(self, job_id: int) -> ReceiptPreview:
        """What the print job `job_id` prints (receipt or gift-card slip, original or copy).

        Raises:
            ReceiptError: "print_job_not_found" and the codes of `ReceiptService.receipts_for_job`.
        """
        return self._show(self._receipts.receipts_for_job(job_id))

    def _show(self, receipt: Receipt) -> ReceiptPreview:
        text = self._render(receipt, self._columns())
        return ReceiptPreview(receipt.document_number, receipt.duplicate, text)


__all__ = ["ReceiptPreview", "ReceiptPreviewService", "RenderText"]
