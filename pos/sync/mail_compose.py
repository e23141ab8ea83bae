"""Writing a document's confirmation e-mail in French or English, amounts formatted by Babel.

`compose` turns a `DocumentMail` into a subject, a plain-text body and an HTML body built from
the same sections; `to_email_message` wraps them into a MIME message ready for SMTP.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Protocol

from babel import dates as babel_dates
from babel import numbers as babel_numbers

from pos.domain.mail import DocumentMail, MailLine
from pos.domain.money import Money
from pos.domain.settlement import BalanceKind

LOCALES = {"fr": "fr_FR", "en": "en_US"}

_TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        "exchange": "Échange",
        "refund": "Remboursement",
        "cancellation": "Annulation",
        "subject": "{kind} {document} — commande n° {order} — {shop}",
        "hello": "Bonjour {name},",
        "hello_anonymous": "Bonjour,",
        "intro_exchange": "Nous vous confirmons l'échange {document} du {date}, "
        "sur votre commande n° {order}.",
        "intro_refund": "Nous vous confirmons le remboursement {document} du {date}, "
        "sur votre commande n° {order}.",
        "intro_cancellation": "Nous vous confirmons l'annulation de votre commande n° {order} "
        "({document}, {date}).",
        "returned": "Articles rendus",
        "new": "Nouveaux articles",
        "fees": "Frais",
        "settlement": "Règlement",
        "balance_lower": "Montant remboursé : {amount}",
        "balance_higher": "Montant réglé : {amount}",
        "balance_equal": "Aucun montant à régler.",
        "gift_card": "Code de votre carte cadeau : {code}",
        "note": "Note de la boutique :",
        "closing": "Merci de votre visite,",
        "fee_restocking": "Frais de remise en stock",
        "fee_flat_return": "Frais de retour",
        "fee_shipping_refund": "Remboursement de la livraison",
        "method_cash": "Espèces",
        "method_card": "Carte bancaire",
        "method_gift_card": "Carte cadeau",
        "method_store_credit": "Avoir",
        "method_original_payment": "Moyen de paiement d'origine",
        "method_new_gift_card": "Nouvelle carte cadeau",
        "method_paypal": "PayPal",
        "method_bank_transfer": "Virement bancaire",
    },
    "en": {
        "exchange": "Exchange",
        "refund": "Refund",
        "cancellation": "Cancellation",
        "subject": "{kind} {document} — order {order} — {shop}",
        "hello": "Hello {name},",
        "hello_anonymous": "Hello,",
        "intro_exchange": "This confirms exchange {document} of {date} on your order {order}.",
        "intro_refund": "This confirms refund {document} of {date} on your order {order}.",
        "intro_cancellation": "This confirms the cancellation of your order {order} "
        "({document}, {date}).",
        "returned": "Returned items",
        "new": "New items",
        "fees": "Fees",
        "settlement": "Payment",
        "balance_lower": "Refunded to you: {amount}",
        "balance_higher": "You paid: {amount}",
        "balance_equal": "Nothing to pay.",
        "gift_card": "Your gift card code: {code}",
        "note": "A note from the shop:",
        "closing": "Thank you for your visit,",
        "fee_restocking": "Restocking fee",
        "fee_flat_return": "Return fee",
        "fee_shipping_refund": "Shipping refund",
        "method_cash": "Cash",
        "method_card": "Card",
        "method_gift_card": "Gift card",
        "method_store_credit": "Store credit",
        "method_original_payment": "Original payment method",
        "method_new_gift_card": "New gift card",
        "method_paypal": "PayPal",
        "method_bank_transfer": "Bank transfer",
    },
}


@dataclass(frozen=True, slots=True)
class EmailContent:
    """A composed e-mail: subject and bodies (the HTML one is optional)."""

    subject: str
    text_body: str
    html_body: str | None = None


@dataclass(frozen=True, slots=True)
class _Section:
    heading: str
    rows: tuple[tuple[str, str], ...]  # (label, formatted amount)


def format_money(amount: Money, language: str) -> str:
    """`amount` as Babel writes it for the language's locale ("99,80 €" / "€99.80")."""
    return babel_numbers.format_currency(
        amount.to_decimal(), amount.currency, locale=LOCALES[language]
    )


def compose(mail: DocumentMail) -> EmailContent:
    """The e-mail confirming `mail`'s document, in `mail.language`."""
    texts = _TEXTS[mail.language]
    subject = texts["subject"].format(
        kind=texts[mail.kind.value],
        document=mail.document_number,
        order=mail.order_number,
        shop=mail.shop_name,
    )
    sections = _sections(mail, texts)
    return EmailContent(subject, _text(mail, texts, sections), _html(mail, texts, sections))


def _sections(mail: DocumentMail, texts: dict[str, str]) -> list[_Section]:
    lang = mail.language
    candidates = [
        _Section(texts["returned"], tuple(_line_row(line, lang) for line in mail.returned_lines)),
        _Section(texts["new"], tuple(_line_row(line, lang) for line in mail.new_lines)),
        _Section(
            texts["fees"],
            tuple(
                (_label(texts, "fee", fee.kind), format_money(fee.amount, lang))
                for fee in mail.fees
            ),
        ),
        _Section(
            texts["settlement"],
            tuple(
                (_tender_label(texts, t.method, t.reference), format_money(t.amount, lang))
                for t in mail.tenders
            ),
        ),
    ]
    return [section for section in candidates if section.rows]


def _line_row(line: MailLine, language: str) -> tuple[str, str]:
    options = f" ({line.options})" if line.options else ""
    return f"{line.quantity} × {line.name}{options}", format_money(line.amount, language)


def _label(texts: dict[str, str], prefix: str, code: str) -> str:
    return texts.get(f"{prefix}_{code}", code.replace("_", " ").capitalize())


def _tender_label(texts: dict[str, str], method: str, reference: str) -> str:
    label = _label(texts, "method", method)
    return f"{label} {reference}" if reference else label


def _paragraphs(mail: DocumentMail, texts: dict[str, str]) -> tuple[str, str, str]:
    """Greeting, introduction and balance sentence."""
    greeting = (
        texts["hello"].format(name=mail.customer_name)
        if mail.customer_name
        else texts["hello_anonymous"]
    )
    date = babel_dates.format_date(mail.date.date(), "long", locale=LOCALES[mail.language])
    intro = texts[f"intro_{mail.kind.value}"].format(
        document=mail.document_number, order=mail.order_number, date=date
    )
    amount = format_money(Money(abs(mail.balance.minor), mail.balance.currency), mail.language)
    balance = ""  # BalanceKind.NONE: a cancellation without refund settles nothing
    if mail.balance_kind is not BalanceKind.NONE:
        balance = texts[f"balance_{mail.balance_kind.value}"].format(amount=amount)
    return greeting, intro, balance


def _text(mail: DocumentMail, texts: dict[str, str], sections: list[_Section]) -> str:
    greeting, intro, balance = _paragraphs(mail, texts)
    blocks = [greeting, intro]
    for section in sections:
        rows = "\n".join(f"  {label} — {amount}" for label, amount in section.rows)
        blocks.append(f"{section.heading}\n{rows}")
    blocks.append(balance)
    if mail.gift_card_code:
        blocks.append(texts["gift_card"].format(code=mail.gift_card_code))
    if mail.note.strip():
        blocks.append(f"{texts['note']}\n{mail.note.strip()}")
    blocks.append(f"{texts['closing']}\n{mail.shop_name}")
    return "\n\n".join(block for block in blocks if block) + "\n"


def _html(mail: DocumentMail, texts: dict[str, str], sections: list[_Section]) -> str:
    e = html.escape
    greeting, intro, balance = _paragraphs(mail, texts)
    parts = [f"<p>{e(greeting)}</p>", f"<p>{e(intro)}</p>"]
    for section in sections:
        rows = "".join(
            f'<tr><td>{e(label)}</td><td style="text-align:right">{e(amount)}</td></tr>'
            for label, amount in section.rows
        )
        parts.append(f"<h3>{e(section.heading)}</h3><table>{rows}</table>")
    if balance:
        parts.append(f"<p><strong>{e(balance)}</strong></p>")
    if mail.gift_card_code:
        parts.append(f"<p>{e(texts['gift_card'].format(code=mail.gift_card_code))}</p>")
    if mail.note.strip():
        note = e(mail.note.strip()).replace("\n", "<br>")
        parts.append(f"<p>{e(texts['note'])}<br>{note}</p>")
    parts.append(f"<p>{e(texts['closing'])}<br>{e(mail.shop_name)}</p>")
    body = "\n".join(parts)
    return (
        f'<!DOCTYPE html>\n<html lang="{mail.language}"><head><meta charset="utf-8">'
        f"<title>{e(mail.document_number)}</title></head>\n<body>\n{body}\n</body></html>\n"
    )


class Addressed(Protocol):
    """What a customer e-mail is addressed with: a document's (`DocumentMail`) or a return
    request's decision (`RequestMail`)."""

    @property
    def shop_name(self) -> str: ...
    @property
    def customer_name(self) -> str: ...
    @property
    def customer_email(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def date(self) -> datetime: ...


def to_email_message(
    mail: Addressed, content: EmailContent, *, sender: str, message_id: str
) -> EmailMessage:
    """A MIME message (text, plus HTML as an alternative) from the shop to the customer.

    Args:
        mail: the e-mail's data (recipient, language, date).
        content: what `compose` wrote.
        sender: the shop's sending address (SMTP settings).
        message_id: a stable Message-ID, so a re-sent copy can be recognised as the same.
    """
    message = EmailMessage()
    message["From"] = formataddr((mail.shop_name, sender))
    message["To"] = formataddr((mail.customer_name, mail.customer_email))
    message["Subject"] = content.subject
    message["Date"] = format_datetime(mail.date)
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies, please
    message.set_content(content.text_body)
    if content.html_body is not None:
        message.add_alternative(content.html_body, subtype="html")
    message["Content-Language"] = mail.language  # after set_content, which drops Content-*
    return message
