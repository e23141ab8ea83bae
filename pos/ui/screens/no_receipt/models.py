"""The no-receipt screen's values and words: a line's state, its value's basis, the limits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo

from PySide6.QtCore import QCoreApplication

from pos.domain.money import Money
from pos.domain.no_receipt import NoReceiptLimits, ValuationBasis
from pos.domain.returns import Disposition
from pos.services.no_receipt import CustomerMatch, NoReceiptCustomer, NoReceiptLineQuote
from pos.ui.format import format_date, format_money
from pos.ui.screens import Column, LocalizedRowsModel


@dataclass(frozen=True, slots=True)
class LineState:
    """One item coming back: what it is and is worth, how many, where it goes."""

    item: NoReceiptLineQuote  # one unit's value (`quantity` here is the screen's)
    quantity: int = 1
    disposition: Disposition = Disposition.RESTOCK

    @property
    def credit(self) -> Money:
        return self.item.unit_value.times(self.quantity)


def new_customer(name: str, contact: str) -> NoReceiptCustomer:
    """A customer the shop does not know yet, from the page's two fields: the name (its first
    word is the first name) and a phone or an e-mail."""
    first, _, last = name.strip().partition(" ")
    contact = contact.strip()
    email, phone = (contact, "") if "@" in contact else ("", contact)
    return NoReceiptCustomer(None, first if last else "", last.strip() or first, email, phone)


def customer_name(customer: NoReceiptCustomer | CustomerMatch | None) -> str:
    if customer is None:
        return ""
    if isinstance(customer, CustomerMatch):
        return customer.name
    return f"{customer.first_name} {customer.last_name}".strip()


def basis_text(item: NoReceiptLineQuote, *, days: int, locale: str, tz: tzinfo | None) -> str:
    """ "lowest sold price over 90 days: 24,90 €, 12 oct. 2026" / "current price: 24,90 €"."""
    unit = format_money(item.unit_value, locale)
    if item.basis is ValuationBasis.CURRENT_PRICE or item.sold_at is None:
        text = QCoreApplication.translate("NoReceipt", "current price: {unit}")
        return text.format(unit=unit)
    text = QCoreApplication.translate("NoReceipt",
                                      "lowest sold price over {days} days: {unit}, {date}")
    return text.format(days=days, unit=unit, date=format_date(item.sold_at, locale, tz=tz))


def limits_text(limits: NoReceiptLimits, *, customer: str, locale: str) -> str:
    """What may still be given: to this customer over the period, and by the shop today."""
    customer_left = QCoreApplication.translate(
        "NoReceipt", "Left for {customer}: {left} (of {limit} over {days} days)")
    today = QCoreApplication.translate("NoReceipt", "Left today: {left}")
    parts = [
        customer_left.format(customer=customer, left=format_money(limits.customer_left, locale),
                             limit=format_money(limits.customer_limit, locale),
                             days=limits.customer_period_days),
        today.format(left=format_money(limits.day_left, locale)),
    ]
    if limits.day_count_left is not None:
        count = QCoreApplication.translate("NoReceipt", "{count} returns left today")
        parts.append(count.format(count=limits.day_count_left))
    return "\n".join(parts)


class CustomersTableModel(LocalizedRowsModel[CustomerMatch]):
    """Customers found by name, e-mail or phone; the e-mail (the longest) takes what the
    name and phone leave."""

    EMAIL_COLUMN = 1

    def _make_columns(self) -> Sequence[Column[CustomerMatch]]:
        return (
            Column(self.tr("Name"), lambda c: c.name),
            Column(self.tr("E-mail"), lambda c: c.email or ""),
            Column(self.tr("Phone"), lambda c: c.phone or ""),
        )
