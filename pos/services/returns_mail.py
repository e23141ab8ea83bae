"""The customer e-mail of a committed document, built from its quote and settlement."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pos.domain.mail import DocumentMail, MailFee, MailKind, MailLine, MailTender
from pos.domain.returns import Quote
from pos.domain.settlement import Settlement


def document_mail(*, shop_name: str, document_number: str, context: Any, quote: Quote,
                  settlement: Settlement, cards: list[Any], notify: Any, note: str,
                  now: datetime) -> DocumentMail:
    """What the customer is told: lines, amounts, how the balance was settled, the note."""
    returned = tuple(MailLine(part.name, "", part.quantity, part.credit) for part in quote.returns)
    new = tuple(MailLine(item.item.name, "", item.quantity, item.total)
                for item in quote.new_items)
    fees = tuple(MailFee(kind, amount) for kind, amount in (
        ("restocking", quote.fees.restocking), ("flat_return", quote.fees.flat)) if amount.minor)
    tenders = tuple(MailTender(t.method.value, t.amount, t.reference) for t in settlement.tenders)
    return DocumentMail(
        kind=MailKind(quote.kind.value), language=notify.language if notify.language in (
            "fr", "en") else "fr", shop_name=shop_name, document_number=document_number,
        order_number=context.number, customer_name=context.customer_name,
        customer_email=notify.email, returned_lines=returned, new_lines=new, fees=fees,
        balance=quote.balance, balance_kind=quote.balance_kind, tenders=tenders,
        gift_card_code=cards[0].code if cards else None, note=note, date=now)
