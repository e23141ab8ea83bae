"""State of the stock screen: the variant being counted, the items waiting to be inspected."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from pos.domain.roles import Operator
from pos.domain.states import InspectionState
from pos.services.errors import OperatorRefusedError, PermissionDeniedError
from pos.services.stock import (
    InspectionItem,
    InspectionOutcome,
    StockError,
    StockMovementView,
    StockService,
    VariantStock,
)
from pos.ui.messages import error_text
from pos.ui.screens.stock.models import product_text
from pos.ui.workers import TaskRunner

VARIANT_KEY = "stock-variant"
INSPECTIONS_KEY = "stock-inspections"

log = logging.getLogger(__name__)


class StockViewModel(QObject):
    """Reads and changes stock through `StockService`, off the GUI thread.

    The service checks the role: a cashier who gets here is refused by it, and told so.

    Signals:
        variant_changed(): re-read `variant` (None before a look-up or when not found).
        inspections_changed(): re-read `inspections` and `selected_inspection`.
        status_changed(): re-read `status_text` and `status_kind` ("ok", "error" or "").
    """

    variant_changed = Signal()
    inspections_changed = Signal()
    status_changed = Signal()

    def __init__(
        self, *, stock: StockService, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._stock, self._runner = stock, runner
        self._operator: Operator | None = None
        self._variant: VariantStock | None = None
        self._inspections: tuple[InspectionItem, ...] = ()
        self._selected: int | None = None  # return line id
        self._status_text, self._status_kind = "", ""

    @property
    def variant(self) -> VariantStock | None:
        return self._variant

    @property
    def inspections(self) -> tuple[InspectionItem, ...]:
        return self._inspections

    @property
    def selected_inspection(self) -> InspectionItem | None:
        return next((i for i in self._inspections if i.return_line_id == self._selected), None)

    @property
    def inspection_reason(self) -> str:
        """Why Back to stock and Write off are greyed ("" when they are not)."""
        if not self._inspections:
            return self.tr("Nothing to decide.")
        if self.selected_inspection is None:
            return self.tr("Tap an item in the list first.")
        return ""

    @property
    def status_text(self) -> str:
        return self._status_text

    @property
    def status_kind(self) -> str:
        return self._status_kind

    def set_operator(self, operator: Operator | None) -> None:
        """Who is logged in: the service decides what this person may change."""
        self._operator = operator

    def refresh(self) -> None:
        """Read the items to inspect (and the variant shown) again."""
        stock = self._stock
        self._runner.submit(
            stock.awaiting_inspection,
            key=INSPECTIONS_KEY,
            on_success=self._on_inspections_loaded,
            on_error=self._on_failed,
        )
        if self._variant is not None:
            self.look_up(self._variant.variant_id)

    def look_up(self, code: str | int) -> None:
        """Show the stock of the variant with this SKU or barcode (or id)."""
        if isinstance(code, str) and not code.strip():
            self._set_status(self.tr("Scan the item's barcode or type its SKU."), "error")
            return
        stock = self._stock
        self._runner.submit(
            lambda: stock.variant_stock(code),
            key=VARIANT_KEY,
            on_success=self._on_variant_loaded,
            on_error=self._on_look_up_failed,
        )

    def adjust(self, counted: str, reason: str) -> None:
        """Set the shown variant's count to `counted` (the digits typed), for `reason`."""
        variant = self._variant
        if variant is None:
            self._set_status(self.tr("Scan or type the item first."), "error")
            return
        if not counted.isdigit():
            self._set_status(self.tr("Type the quantity you counted on the keypad."), "error")
            return
        stock, operator, count = self._stock, self._operator, int(counted)

        def work() -> tuple[StockMovementView, VariantStock]:
            moved = stock.adjust(operator, variant_id=variant.variant_id, counted=count,
                                 reason=reason)  # fmt: skip
            return moved, stock.variant_stock(variant.variant_id)

        self._runner.submit(work, key=VARIANT_KEY, on_success=self._on_adjusted,
                            on_error=self._on_failed)  # fmt: skip

    def select_inspection(self, row: int) -> None:
        """The manager tapped the item at `row`."""
        if 0 <= row < len(self._inspections):
            self._selected = self._inspections[row].return_line_id
            self.inspections_changed.emit()

    def settle(self, outcome: InspectionOutcome) -> None:
        """Back to stock (RESTOCK) or written off (WRITE_OFF) for the selected item."""
        item = self.selected_inspection
        if item is None:
            self._set_status(self.tr("Tap an item in the list first."), "error")
            return
        stock, operator = self._stock, self._operator

        def work() -> tuple[InspectionItem, tuple[InspectionItem, ...]]:
            settled = stock.settle_inspection(operator, return_line_id=item.return_line_id,
                                              outcome=outcome)  # fmt: skip
            return settled, stock.awaiting_inspection()

        self._runner.submit(work, key=INSPECTIONS_KEY, on_success=self._on_settled,
                            on_error=self._on_failed)  # fmt: skip

    def _on_variant_loaded(self, variant: VariantStock) -> None:
        self._variant = variant
        self.variant_changed.emit()
        self._set_status("", "")

    def _on_adjusted(self, result: tuple[StockMovementView, VariantStock]) -> None:
        moved, variant = result
        self._variant = variant
        self.variant_changed.emit()
        if moved.delta:
            text = self.tr("{item}: stock corrected from {before} to {after}.")
        else:
            text = self.tr("{item}: the count matches ({after}); nothing to correct.")
        # The product by its name and options, as on the shelf (its SKU is in the facts).
        options = " / ".join(variant.options.values())
        item = (f"{variant.name} — {options}" if options else variant.name) or moved.sku
        self._set_status(text.format(item=item, before=moved.before, after=moved.after), "ok")

    def _on_inspections_loaded(self, items: tuple[InspectionItem, ...]) -> None:
        self._inspections = items
        self.inspections_changed.emit()

    def _on_settled(self, result: tuple[InspectionItem, tuple[InspectionItem, ...]]) -> None:
        settled, waiting = result
        self._selected = None
        self._on_inspections_loaded(waiting)
        if settled.settled_state == InspectionState.RESTOCKED:
            text = self.tr("{product}: back in stock (+{quantity}).")
        else:
            text = self.tr("{product}: written off; the stock did not change.")
        product = product_text(settled)  # with its size: "Jean droit — Taille: M"
        self._set_status(text.format(product=product, quantity=settled.quantity), "ok")
        shown = self._variant
        if shown is not None and shown.variant_id == settled.variant_id:
            self.look_up(shown.variant_id)

    def _on_look_up_failed(self, error: BaseException) -> None:
        if getattr(error, "code", None) == "variant_not_found":
            self._variant = None
            self.variant_changed.emit()
        self._on_failed(error)

    def _on_failed(self, error: BaseException) -> None:
        self._set_status(self._error_text(error), "error")

    def _error_text(self, error: BaseException) -> str:
        if isinstance(error, OperatorRefusedError):  # the account changed since the login
            return error_text(error)
        if isinstance(error, PermissionDeniedError):
            return self.tr(
                "Only a manager can change the stock. Ask a manager to log in and do it."
            )
        if isinstance(error, StockError):
            return self._refusal_text(error.code, error.params)
        log.error("stock screen: unexpected failure", exc_info=error)
        return self.tr(
            "The stock cannot be read right now. Try again in a moment; "
            "if it keeps failing, call a manager."
        )

    def _refusal_text(self, code: str, params: dict[str, Any]) -> str:
        texts: dict[str, Callable[[], str]] = {
            "variant_not_found": lambda: self.tr(
                "No item with the code “{code}”. Check the label, or type the SKU."
            ).format(code=params.get("code", "")),
            "reason_required": lambda: self.tr("Say why the count changes: tap a reason."),
            "count_too_large": lambda: self.tr(
                "{counted} is too many for one item: was a barcode typed in the count?"
            ).format(counted=params.get("counted", "")),
            "text_too_long": lambda: self.tr("The reason is too long: keep it short."),
            "already_settled": lambda: self.tr("Someone already settled this item."),
            "variant_unknown": lambda: self.tr(
                "This item is not in the catalogue, so it cannot go back to stock. Write it off."
            ),
        }
        text = texts.get(code, lambda: self.tr("This item cannot be changed here any more."))()
        if code in ("already_settled", "return_line_not_found", "not_for_inspection"):
            self.refresh()
        return text

    def _set_status(self, text: str, kind: str) -> None:
        self._status_text, self._status_kind = text, kind
        self.status_changed.emit()
