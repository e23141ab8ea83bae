"""Writing the confirmation e-mail in French and English."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_currency

from pos.domain.mail import MailKind, MailLine
from pos.domain.money import Money
from pos.domain.settlement import BalanceKind
from pos.sync.mail_compose import compose, to_email_message
from tests.support.smtp import sample_mail


def babel(amount: str, locale: str) -> str:
    return format_currency(Decimal(amount), "EUR", locale=locale)


@pytest.mark.parametrize(
    ("kind", "language", "word"),
    [
        (MailKind.EXCHANGE, "fr", "Échange"),
        (MailKind.REFUND, "fr", "Remboursement"),
        (MailKind.CANCELLATION, "fr", "Annulation"),
        (MailKind.EXCHANGE, "en", "Exchange"),
        (MailKind.REFUND, "en", "Refund"),
        (MailKind.CANCELLATION, "en", "Cancellation"),
    ],
)
def test_subject_names_the_kind_and_the_number(kind: MailKind, language: str, word: str) -> None:
    content = compose(sample_mail(kind=kind, language=language))
    assert content.subject.startswith(f"{word} T1-000123")
    assert "10234" in content.subject and "Boutique Lumière" in content.subject


def test_french_amounts_are_written_as_babel_writes_them() -> None:
    mail = sample_mail(new_lines=(MailLine("Manteau laine", "L / Noir", 1, Money(123450, "EUR")),))
    text = compose(mail).text_body
    assert "2 × T-shirt coton bio (M / Bleu) — " + babel("99.80", "fr_FR") in text
    assert "1 × Manteau laine (L / Noir) — " + babel("1234.50", "fr_FR") in text
    assert "Frais de remise en stock — " + babel("5.00", "fr_FR") in text
    assert "Montant remboursé : " + babel("42.10", "fr_FR") in text
    assert "Carte bancaire **** 4242 — " + babel("30.00", "fr_FR") in text
    assert "1 novembre 2026" in text
    assert text.startswith("Bonjour Hélène Lefèvre,")


def test_english_amounts_are_written_as_babel_writes_them() -> None:
    text = compose(sample_mail(language="en")).text_body
    assert "2 × T-shirt coton bio (M / Bleu) — " + babel("99.80", "en_US") in text
    assert "Restocking fee — " + babel("5.00", "en_US") in text
    assert "Refunded to you: " + babel("42.10", "en_US") in text
    assert "Card **** 4242 — $" not in text and "Card **** 4242 — €30.00" in text
    assert "November 1, 2026" in text
    assert text.startswith("Hello Hélène Lefèvre,")


def test_the_note_and_the_gift_card_code_are_in_both_bodies() -> None:
    content = compose(sample_mail())
    assert "Merci pour votre patience !\nÀ bientôt." in content.text_body
    assert "GC-7Q2M-K9XD" in content.text_body
    assert content.html_body is not None
    assert "Merci pour votre patience !<br>À bientôt." in content.html_body
    assert "Code de votre carte cadeau : GC-7Q2M-K9XD" in content.html_body


def test_a_customer_paying_the_difference_reads_so() -> None:
    mail = sample_mail(
        language="en",
        balance=Money(1500, "EUR"),
        balance_kind=BalanceKind.HIGHER,
        gift_card_code=None,
    )
    text = compose(mail).text_body
    assert "You paid: " + babel("15.00", "en_US") in text
    assert "gift card code" not in text


def test_a_cancellation_without_refund_lists_the_lines_and_the_note_only() -> None:
    mail = sample_mail(
        kind=MailKind.CANCELLATION,
        new_lines=(),
        fees=(),
        tenders=(),
        gift_card_code=None,
        balance=Money(0, "EUR"),
        balance_kind=BalanceKind.NONE,
        note="Rupture de stock.",
    )
    text = compose(mail).text_body
    assert "annulation de votre commande n° 10234" in text
    assert "Articles rendus" in text and "Nouveaux articles" not in text
    assert "Montant" not in text and "Aucun montant" not in text
    assert "Rupture de stock." in text


def test_html_escapes_what_the_shop_and_customer_typed() -> None:
    mail = sample_mail(customer_name="<b>Zoé</b>", note="<script>alert(1)</script>")
    html_body = compose(mail).html_body
    assert html_body is not None
    assert "<script>" not in html_body and "&lt;script&gt;" in html_body
    assert "&lt;b&gt;Zoé&lt;/b&gt;" in html_body


def test_the_mime_message_has_text_and_html_alternatives() -> None:
    mail = sample_mail()
    message = to_email_message(
        mail, compose(mail), sender="boutique@example.com", message_id="<x.1@example.com>"
    )
    assert message["To"] == "Hélène Lefèvre <helene.lefevre@example.fr>"
    assert message["From"] == "Boutique Lumière <boutique@example.com>"
    assert message["Content-Language"] == "fr"
    assert message["Auto-Submitted"] == "auto-generated"
    assert [part.get_content_type() for part in message.iter_parts()] == [
        "text/plain",
        "text/html",
    ]


def test_an_even_exchange_says_there_is_nothing_to_pay() -> None:
    mail = sample_mail(
        language="en",
        balance=Money(0, "EUR"),
        balance_kind=BalanceKind.EQUAL,
        tenders=(),
        gift_card_code=None,
        fees=(),
    )
    assert "Nothing to pay." in compose(mail).text_body


def test_a_cancellation_with_refund_states_the_amount() -> None:
    mail = sample_mail(kind=MailKind.CANCELLATION, new_lines=(), fees=(), gift_card_code=None)
    text = compose(mail).text_body
    assert "Montant remboursé : " + babel("42.10", "fr_FR") in text
