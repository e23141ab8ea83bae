"""Refunds Comptoir itself wrote to Wix, taken out of a pulled order so they count once.

A counter refund is recorded locally at commit (its document's return lines and tenders) and
later written back to Wix (`wix.refund`, pos/sync/push_steps.py). When the order is pulled
again, Wix's `refundQuantity` and its payments' refunds include that refund too: counted as
they are, the units would be "returned" twice. The refund ids Wix gave our write-backs are in
the outbox journal; the refunds carrying them are subtracted from the pulled figures. A
refund made on the Wix dashboard, or one of ours Wix does not show yet, stays counted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from pos.db import sync_outbox
from pos.db.sync_state import SyncSession
from pos.domain.money import Money
from pos.domain.orders import OrderData

FAILED = "FAILED"


def own_refund_ids(session: SyncSession, wix_order_id: str) -> set[str]:
    """Wix ids of the refunds our own write-backs created on this order."""
    return sync_outbox.own_refund_ids(session, wix_order_id)


def without_own_refunds(data: OrderData, transactions: Mapping[str, Any] | None,
                        own_ids: set[str]) -> OrderData:
    """`data` with the quantities and amounts of our own refunds taken out."""
    refunds = [r for r in _refunds(transactions) if r.get("id") in own_ids]
    if not refunds:
        return data
    quantities: dict[str, int] = {}
    amounts: dict[str, int] = {}
    for refund in refunds:
        for item in (refund.get("details") or {}).get("lineItems") or []:
            key = str(item.get("lineItemId"))
            quantities[key] = quantities.get(key, 0) + int(item.get("quantity") or 0)
        for transaction in refund.get("transactions") or []:
            if transaction.get("refundStatus") == FAILED:
                continue
            key = str(transaction.get("paymentId"))
            minor = Money.from_decimal(str((transaction.get("amount") or {}).get("amount", "0")),
                                       data.currency).minor
            amounts[key] = amounts.get(key, 0) + minor
    lines = tuple(replace(line, refunded_quantity=max(
        line.refunded_quantity - quantities.get(str(line.wix_line_id), 0), 0))
        for line in data.lines)
    payments = tuple(replace(payment, refunded=_less(payment.refunded, amounts.get(
        str(payment.wix_payment_id), 0), data.currency)) for payment in data.payments)
    return replace(data, lines=lines, payments=payments)


def _refunds(transactions: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    if not transactions:
        return []
    root = transactions.get("orderTransactions", transactions)
    refunds = root.get("refunds") if isinstance(root, Mapping) else None
    return [r for r in refunds or [] if isinstance(r, dict)]


def _less(refunded: Money | None, minor: int, currency: str) -> Money | None:
    if refunded is None or minor == 0:
        return refunded
    left = max(refunded.minor - minor, 0)
    return Money(left, currency) if left else None
