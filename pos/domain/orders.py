"""Sales-history values: an order as the shop recorded it (from Wix, or made at the counter).

These are what the sync (and the demo generator, and integration scripts) hand to
`pos.db.orders.record_order`; they carry the figures the order states (DESIGN §3 rule 3).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from pos.domain.money import Money


@dataclass(frozen=True, slots=True)
class CustomerData:
    first_name: str = ""
    last_name: str = ""
    email: str | None = None
    phone: str | None = None
    wix_contact_id: str | None = None
    language: str = "fr"

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


@dataclass(frozen=True, slots=True)
class OrderLineData:
    product_name: str
    quantity: int
    unit_price: Money
    paid: Money  # all units, after every discount, tax included
    tax: Money
    tax_rate: Decimal = Decimal(0)
    discount: Money | None = None
    sku: str | None = None
    options_text: str = ""
    wix_line_id: str | None = None
    refunded_quantity: int = 0
    restocked_quantity: int = 0


@dataclass(frozen=True, slots=True)
class PaymentData:
    method: str  # card, cash, gift_card, ...
    amount: Money
    created_at: datetime
    refunded: Money | None = None
    reference: str = ""
    status: str = "APPROVED"
    wix_payment_id: str | None = None
    card_last4: str | None = None  # a card payment's last four digits ("4242"), when known
    card_brand: str | None = None  # its brand, folded ("visa"; search_text.card_brand)


@dataclass(frozen=True, slots=True)
class OrderData:
    number: str
    channel: str  # WEB, POS, ...
    placed_at: datetime
    currency: str
    tax_included: bool
    lines: tuple[OrderLineData, ...]
    payments: tuple[PaymentData, ...] = ()
    customer: CustomerData | None = None
    wix_id: str | None = None
    wix_updated_at: datetime | None = None
    status: str = "APPROVED"
    payment_status: str = "PAID"
    fulfillment_status: str = "FULFILLED"
    shipping: Money | None = None
    shipping_tax: Money | None = None
    order_discount_pct: Decimal | None = None
    stated_total: Money | None = None
    shipping_refunded: bool = False  # a refund on Wix already gave shipping back
    extra: dict[str, str] = field(default_factory=dict)

    def total(self) -> Money:
        """The stated total, else the lines' paid amounts plus shipping."""
        if self.stated_total is not None:
            return self.stated_total
        minor = sum(line.paid.minor for line in self.lines)
        if self.shipping is not None:
            minor += self.shipping.minor
        return Money(minor, self.currency)
