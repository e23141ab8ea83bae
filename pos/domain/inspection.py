"""A returned line set aside to inspect: the one read model the database, services and UI share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class InspectionItem:
    """A returned line set aside to inspect, where it came from and how it was settled.

    Attributes:
        settled_state: None while it waits; then what the manager decided.
        document_id: The counter document that returned it.
        disposition: What the return said of it (``inspect`` while it is one to settle).
    """

    return_line_id: int
    document_number: str
    order_number: str
    returned_at: datetime
    product_name: str
    sku: str | None
    options_text: str
    variant_id: int | None
    quantity: int
    reason: str
    settled_state: str | None = None
    settled_at: datetime | None = None
    settled_by_id: int | None = None
    document_id: str = ""
    disposition: str = "inspect"
