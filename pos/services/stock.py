"""Stock by a manager: correct a variant's count, settle the items set aside to inspect.

Each change is one user action and one transaction: the stock movement (owner "pos"), its
`wix.stock_delta` outbox message when the variant exists on Wix (no Wix order call carries
these movements, DESIGN §7) and the audit entry commit together, or not at all. A count is
turned into a *delta* from the local figure read under lock, and only the delta is pushed,
so Wix applies it to its own current value and online sales made meanwhile are kept
(docs/stock.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from pos.db import outbox
from pos.db import stock as repo
from pos.db.audit import DbSession, ensure_write_transaction
from pos.db.engine import SessionFactory
from pos.domain.clock import Clock
from pos.domain.inspection import InspectionItem
from pos.domain.roles import Operator, Permission
from pos.domain.states import InspectionState
from pos.services.access import confirm_operator, require
from pos.services.audit import audit_action
from pos.services.errors import ServiceError
from pos.services.writeback import stock_delta_step

MAX_TEXT = 200  # a reason or a note, as the audit and the movement keep it
MAX_COUNT = 99_999  # more is a barcode typed into the count field, not a count
ADJUST_REASON = "adjust"
RESTOCK_REASON = "inspect_restock"


class StockError(ServiceError):
    """A refusal the manager must see: `code` names it, `params` carry the details.

    Codes: variant_not_found, invalid_count, negative_count, count_too_large, reason_required,
    text_too_long, invalid_outcome, return_line_not_found, not_for_inspection,
    already_settled, variant_unknown.
    """

    def __init__(self, code: str, /, **params: object) -> None:
        # Positional-only, so a parameter may itself be called `code` (a SKU or barcode).
        self.code = code  # one class, many codes (like DomainError)
        super().__init__(**params)


class InspectionOutcome(StrEnum):
    """What a manager decides about an item set aside to inspect."""

    RESTOCK = "restock"  # sellable: back on the shelf, stock +quantity
    WRITE_OFF = "write_off"  # not sellable: stock unchanged (it never came back into it)


SETTLED_STATE = {
    InspectionOutcome.RESTOCK: InspectionState.RESTOCKED,
    InspectionOutcome.WRITE_OFF: InspectionState.WRITTEN_OFF,
}


@dataclass(frozen=True, slots=True)
class VariantStock:
    """One variant's stock as the manager sees it before counting.

    Attributes:
        on_hand: The local count (what the counter sells from).
        wix_quantity: The last quantity read from Wix (None before the first pull).
        pending_push_delta: POS-owned movements not pushed to Wix yet.
    """

    variant_id: int
    sku: str
    name: str
    options: dict[str, str]
    on_hand: int
    wix_quantity: int | None
    pending_push_delta: int

    @property
    def available(self) -> int | None:
        """Wix's last figure plus what is still to push (DESIGN §7), None before a pull."""
        return None if self.wix_quantity is None else self.wix_quantity + self.pending_push_delta


@dataclass(frozen=True, slots=True)
class StockMovementView:
    """The outcome of a count: `movement_id` and `outbox_message_id` are None when delta is 0."""

    movement_id: int | None
    variant_id: int
    sku: str
    reason: str
    delta: int
    before: int
    after: int
    note: str
    created_at: datetime
    outbox_message_id: int | None


class StockService:
    """Stock counts and inspections. One public method = one transaction."""

    def __init__(self, *, sessions: SessionFactory, clock: Clock) -> None:
        self._sessions, self._clock = sessions, clock

    # ------------------------------------------------------------ reading

    def variant_stock(self, code_or_id: int | str) -> VariantStock:
        """A variant's stock, by id (int) or by SKU or barcode (str); inactive ones included.

        Raises:
            StockError: "variant_not_found".
        """
        with self._sessions() as s:
            if isinstance(code_or_id, int):
                variant_id = repo.variant_id_for(s, variant_id=code_or_id)
            else:
                variant_id = repo.variant_id_for(s, code=code_or_id.strip())
            row = None if variant_id is None else repo.stock_row(s, variant_id)
        if row is None:
            raise StockError("variant_not_found", code=code_or_id)
        return VariantStock(
            row.variant_id,
            row.sku,
            row.product_name,
            row.options,
            row.on_hand,
            row.wix_quantity,
            row.pending_push_delta,
        )

    def awaiting_inspection(self) -> tuple[InspectionItem, ...]:
        """Returned items set aside to inspect and not settled yet, oldest return first."""
        with self._sessions() as s:
            return tuple(repo.awaiting_inspection(s))

    # ------------------------------------------------------------ changing

    def adjust(
        self, operator: Operator | None, *, variant_id: int, counted: int, reason: str
    ) -> StockMovementView:
        """Set a variant's local count to what was counted, pushing only the difference.

        The delta is `counted - on_hand` with `on_hand` read under the stock row's lock, so a
        sale committed by another terminal meanwhile is neither lost nor counted twice. A
        count equal to the figure moves nothing and queues nothing, but is still audited
        (who checked the shelf, and when).

        Raises:
            PermissionDeniedError: not a manager (ADJUST_STOCK).
            OperatorDisabledError, OperatorUnknownError: the operator, re-read, may no longer act.
            StockError: "negative_count", "invalid_count", "count_too_large", "reason_required",
                "text_too_long", "variant_not_found".
        """
        require(operator, Permission.ADJUST_STOCK)
        _check_count(counted)
        note = _text(reason, required=True)
        now = self._clock.now()
        with self._sessions.begin() as s:
            ensure_write_transaction(s)
            operator = confirm_operator(s, operator, Permission.ADJUST_STOCK)
            row = repo.stock_row(s, variant_id)
            if row is None:
                raise StockError("variant_not_found", code=variant_id)
            moved = _count(s, operator, row, counted, note, now)
            audit_action(
                s,
                operator=operator,
                action="stock_adjusted",
                subject=f"sku:{row.sku}",
                data=_count_audit(moved),
                now=now,
            )
        return moved

    def settle_inspection(
        self,
        operator: Operator | None,
        *,
        return_line_id: int,
        outcome: InspectionOutcome | str,
        note: str = "",
    ) -> InspectionItem:
        """Put an inspected item back in stock, or write it off; once per returned line.

        Restock moves stock by +quantity (owner "pos", reason "inspect_restock") and queues
        a `wix.stock_delta`; a write-off changes no stock (the item never went back into it)
        and records no movement. Both mark the line settled and are audited.

        Raises:
            PermissionDeniedError: not a manager (ADJUST_STOCK).
            OperatorDisabledError, OperatorUnknownError: the operator, re-read, may no longer act.
            StockError: "invalid_outcome", "text_too_long", "return_line_not_found",
                "not_for_inspection", "already_settled", "variant_unknown".
        """
        require(operator, Permission.ADJUST_STOCK)
        decided = _outcome(outcome)
        text = _text(note, required=False)
        now = self._clock.now()
        with self._sessions.begin() as s:
            ensure_write_transaction(s)
            operator = confirm_operator(s, operator, Permission.ADJUST_STOCK)
            if not repo.settle_inspection(
                s, return_line_id, state=SETTLED_STATE[decided], user_id=operator.user_id, now=now
            ):
                raise _refusal(s, return_line_id)
            row = repo.inspection_row(s, return_line_id)
            assert row is not None  # it was just updated in this transaction
            data = _settlement_data(decided, row, text)
            if decided is InspectionOutcome.RESTOCK:
                data |= _restock(s, operator, row, text, now)
            audit_action(
                s,
                operator=operator,
                action="inspection_settled",
                subject=f"return_line:{return_line_id}",
                data=data,
                now=now,
            )
            return row


# ---------------------------------------------------------------- inside the transaction


def _count(
    s: DbSession, operator: Operator, row: repo.StockRow, counted: int, note: str, now: datetime
) -> StockMovementView:
    """Lock the variant's stock, then move it by what the count differs from it (if at all)."""
    before = repo.lock_stock(s, row.variant_id, now=now)
    delta = counted - before
    movement_id = message_id = None
    if delta:
        movement_id = repo.record_movement(
            s,
            variant_id=row.variant_id,
            delta=delta,
            reason=ADJUST_REASON,
            user_id=operator.user_id,
            document_id=None,
            note=note,
            now=now,
        )
        message_id = _queue_delta(s, row, delta, ADJUST_REASON, None, now)
    return StockMovementView(
        movement_id=movement_id,
        variant_id=row.variant_id,
        sku=row.sku,
        reason=ADJUST_REASON,
        delta=delta,
        before=before,
        after=counted,
        note=note,
        created_at=now,
        outbox_message_id=message_id,
    )


def _count_audit(moved: StockMovementView) -> dict[str, object]:
    keys = ("variant_id", "sku", "before", "after", "delta", "movement_id", "outbox_message_id")
    return {key: getattr(moved, key) for key in keys} | {"reason": moved.note}


def _settlement_data(
    outcome: InspectionOutcome, row: InspectionItem, note: str
) -> dict[str, object]:
    return {
        "outcome": outcome.value,
        "document": row.document_number,
        "order": row.order_number,
        "sku": row.sku,
        "quantity": row.quantity,
        "note": note,
    }


def _restock(
    s: DbSession, operator: Operator, row: InspectionItem, note: str, now: datetime
) -> dict[str, object]:
    if row.variant_id is None:  # sold as a bare SKU: no stock to put it in
        raise StockError("variant_unknown", return_line_id=row.return_line_id, sku=row.sku)
    before = repo.lock_stock(s, row.variant_id, now=now)
    movement_id = repo.record_movement(
        s,
        variant_id=row.variant_id,
        delta=row.quantity,
        reason=RESTOCK_REASON,
        user_id=operator.user_id,
        document_id=row.document_id,
        note=note,
        now=now,
    )
    stock = repo.stock_row(s, row.variant_id)
    assert stock is not None  # the movement above references it
    message_id = _queue_delta(s, stock, row.quantity, RESTOCK_REASON, row.document_id, now)
    return {
        "variant_id": row.variant_id,
        "before": before,
        "after": before + row.quantity,
        "movement_id": movement_id,
        "outbox_message_id": message_id,
    }


def _queue_delta(
    s: DbSession,
    row: repo.StockRow,
    delta: int,
    reason: str,
    document_id: str | None,
    now: datetime,
) -> int | None:
    """Queue the `wix.stock_delta` of a POS-owned movement (none for a local-only variant)."""
    step = stock_delta_step(
        variant_id=row.variant_id,
        sku=row.sku,
        wix_product_id=row.wix_product_id,
        wix_variant_id=row.wix_variant_id,
        delta=delta,
        reason=reason,
        document_id=document_id,
    )
    if step is None:
        return None
    return outbox.enqueue(
        s,
        destination="wix",
        kind=step.kind,
        object_key=step.object_key,
        payload=step.payload,
        document_id=document_id,
        now=now,
    )


def _refusal(s: DbSession, return_line_id: int) -> StockError:
    """Why a line could not be settled (read after the compare-and-set found nothing)."""
    row = repo.inspection_row(s, return_line_id)
    if row is None:
        return StockError("return_line_not_found", return_line_id=return_line_id)
    if row.disposition != repo.INSPECT:
        return StockError(
            "not_for_inspection", return_line_id=return_line_id, disposition=row.disposition
        )
    return StockError(
        "already_settled",
        return_line_id=return_line_id,
        state=row.settled_state,
        settled_at=row.settled_at.isoformat() if row.settled_at else None,
    )


# ---------------------------------------------------------------- checks and views


def _check_count(counted: int) -> None:
    if isinstance(counted, bool) or not isinstance(counted, int):
        raise StockError("invalid_count", counted=repr(counted))
    if counted < 0:
        raise StockError("negative_count", counted=counted)
    if counted > MAX_COUNT:
        raise StockError("count_too_large", counted=counted, maximum=MAX_COUNT)


def _text(value: str, *, required: bool) -> str:
    text = (value or "").strip()
    if required and not text:
        raise StockError("reason_required")
    if len(text) > MAX_TEXT:
        raise StockError("text_too_long", length=len(text), maximum=MAX_TEXT)
    return text


def _outcome(value: InspectionOutcome | str) -> InspectionOutcome:
    try:
        return InspectionOutcome(value)
    except ValueError:
        raise StockError("invalid_outcome", outcome=str(value)) from None


__all__ = [
    "InspectionItem",
    "InspectionOutcome",
    "StockError",
    "StockMovementView",
    "StockService",
    "VariantStock",
]
