"""Small builders for sales-history orders in tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from pos.domain.money import Money
from pos.domain.orders import CustomerData, OrderData, OrderLineData, PaymentData
from pos.domain.valuation import tax_inside

T0 = datetime(2026, 11, 1, 10, 0, tzinfo=UTC)


def order(
    number: str,
    *,
    first: str = "Hélène",
    last: str = "Lefèvre",
    email: str | None = "helene.lefevre@example.fr",
    phone: str | None = "+33 6 12 34 56 78",
    days_ago: int = 0,
    at: datetime | None = None,
    price: int = 4990,
    quantity: int = 2,
    channel: str = "WEB",
    currency: str = "EUR",
    wix_id: str | None = None,
    card: tuple[str, str | None] | None = ("4242", "visa"),
) -> OrderData:
    """An order of T-shirts paid by `card` (last four digits, brand), in one payment."""
    placed = at or (T0 - timedelta(days=days_ago))
    paid = Money(price * quantity, currency)
    line = OrderLineData(
        "T-shirt coton bio",
        quantity,
        Money(price, currency),
        paid,
        tax_inside(paid, Decimal(20)),
        Decimal(20),
        sku=f"TS-{number}",
        options_text="M / Bleu",
    )
    return OrderData(
        number=number,
        channel=channel,
        placed_at=placed,
        currency=currency,
        tax_included=True,
        lines=(line,),
        payments=(_card_payment(paid, placed, card),),
        customer=CustomerData(first, last, email, phone),
        wix_id=wix_id,
    )


def _card_payment(paid: Money, placed: datetime, card: tuple[str, str | None] | None
                  ) -> PaymentData:
    if card is None:
        return PaymentData("card", paid, placed)
    last4, brand = card
    return PaymentData("card", paid, placed, reference=f"**** {last4}", card_last4=last4,
                       card_brand=brand)
