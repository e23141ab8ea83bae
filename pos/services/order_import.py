"""Recording Wix orders in the sales history, as the sync does: one order, one transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pos.db.engine import SessionFactory
from pos.db.orders import record_order
from pos.domain.orders import OrderData
from pos.services.ports import OrderReader

__all__ = ["OrderImportService"]


class OrderImportService:
    """Loads orders into the sales history: from Wix JSON, or already converted.

    Recording is idempotent: an order is matched on its Wix id (else its number and channel),
    so recording it again — after a refund on Wix, say — updates it instead of adding a copy.

    Args:
        sessions: The database.
        read_order: The port that reads Wix's JSON (`pos.sync.wix_orders.order_from_wix`,
            injected by `pos.wiring`).
    """

    def __init__(self, *, sessions: SessionFactory, read_order: OrderReader) -> None:
        self._sessions, self._read_order = sessions, read_order

    def record_wix_order(
        self, order_json: Mapping[str, Any], transactions_json: Mapping[str, Any] | None = None
    ) -> int:
        """Record a Wix eCommerce order with its payments and refunds; returns its order id.

        Args:
            order_json: The `Order` (or the ``{"order": …}`` response of Get Order).
            transactions_json: The `orderTransactions` (or the ``{"orderTransactions": …}``
                response of List Transactions For Single Order); None records no payments.

        Raises:
            ValueError: The payload is malformed (the reader's `WixPayloadError`, with a code
                and the field's path); nothing is written.
        """
        data = self._read_order(order_json, transactions_json)  # before the transaction opens
        return self.record(data)

    def record(self, data: OrderData) -> int:
        """Record an order already in the sales history's shape; returns its order id."""
        with self._sessions.begin() as s:
            return record_order(s, data).id
