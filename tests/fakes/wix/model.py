"""The fake site's records: one catalogue model (rendered as V1 or V3), stock, money helpers.

Orders, payments, refunds and draft orders are kept as Wix-shaped JSON dicts (amounts as
decimal strings); every calculation on them goes through `Decimal`, never float.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

CENT = Decimal("0.01")
STORES_APP_ID = "215238eb-22a5-4c36-9e7b-e7c08025e04e"
V1_DEFAULT_VARIANT = "00000000-0000-0000-0000-000000000000"
SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF "}


def new_id() -> str:
    return str(uuid.uuid4())


def amount(value: Decimal) -> str:
    """Decimal -> Wix decimal string with two places (``"12.50"``)."""
    return str(value.quantize(CENT, rounding=ROUND_HALF_UP))


def price(value: Decimal, currency: str) -> dict[str, str]:
    """A Wix `Price` object."""
    text = amount(value)
    return {"amount": text, "formattedAmount": f"{SYMBOLS.get(currency, currency + ' ')}{text}"}


def dec(price_obj: Any) -> Decimal:
    """The Decimal of a `Price` object (or of a decimal string); 0 when absent."""
    if isinstance(price_obj, dict):
        price_obj = price_obj.get("amount")
    return Decimal(price_obj) if price_obj not in (None, "") else Decimal(0)


def iso(moment: datetime) -> str:
    """``2024-05-01T10:15:30.123Z``: UTC, milliseconds."""
    return (
        moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    )


class SiteClock:
    """The site's time. Real time (never going backwards) until `set`; then frozen at the set
    moment, so several writes share one `updatedDate` (ties), until `advance` or `resume`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._frozen: datetime | None = None
        self._last = datetime(2000, 1, 1, tzinfo=UTC)

    def now(self) -> datetime:
        with self._lock:
            if self._frozen is not None:
                return self._frozen
            real = datetime.now(UTC)
            real = real.replace(microsecond=real.microsecond // 1000 * 1000)
            self._last = max(self._last, real)
            return self._last

    def set(self, moment: datetime) -> None:
        """Freeze the clock at `moment` (aware datetime)."""
        with self._lock:
            self._frozen = moment.astimezone(UTC).replace(
                microsecond=moment.microsecond // 1000 * 1000
            )

    def advance(self, **delta: float) -> datetime:
        """Move a frozen clock forward (``advance(milliseconds=1)``); freezes a running one."""
        base = self.now()
        self.set(base + timedelta(**delta))
        return self.now()

    def resume(self) -> None:
        """Back to real time, never earlier than the last moment handed out."""
        with self._lock:
            if self._frozen is not None:
                self._last = max(self._last, self._frozen)
            self._frozen = None


@dataclass
class Choice:
    id: str
    name: str


@dataclass
class Option:
    id: str
    name: str
    choices: list[Choice]

    def choice(self, name: str) -> Choice:
        for choice in self.choices:
            if choice.name == name:
                return choice
        raise KeyError(name)


@dataclass
class Variant:
    id: str
    sku: str
    barcode: str
    price: Decimal
    choices: dict[str, str]  # option name -> choice name
    visible: bool = True

    @property
    def name(self) -> str:
        return " / ".join(self.choices.values())


@dataclass
class Product:
    id: str
    name: str
    slug: str
    numeric_id: int
    options: list[Option]
    variants: list[Variant]
    created: datetime
    updated: datetime
    inventory_item_id: str = field(default_factory=new_id)
    visible: bool = True
    visible_in_pos: bool = True
    revision: int = 1
    category_ids: list[str] = field(default_factory=list)  # V1 collections / V3 categories
    media_file: str | None = None  # the main picture's file name on the media host

    def variant(self, variant_id: str) -> Variant | None:
        return next((v for v in self.variants if v.id == variant_id), None)


@dataclass
class Category:
    """A V1 collection or a V3 category (one model, rendered per catalogue version)."""

    id: str
    name: str
    slug: str
    parent_id: str | None = None  # V3 only: the category tree
    visible: bool = True


@dataclass
class InventoryItem:
    """Stock of one variant at one location (V3 shape); V1 groups them per product."""

    id: str
    variant_id: str
    product_id: str
    location_id: str
    quantity: int | None  # None: status tracking (`in_stock`)
    in_stock: bool
    created: datetime
    updated: datetime
    revision: int = 1
    preorder: bool = False

    @property
    def track_quantity(self) -> bool:
        return self.quantity is not None

    @property
    def available(self) -> bool:
        return self.quantity > 0 if self.quantity is not None else self.in_stock
