"""The no-receipt screen's model and words: customers found, a value's basis, the limits."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from pos.domain.money import Money
from pos.domain.no_receipt import NoReceiptLimits, ValuationBasis
from pos.services.no_receipt import CustomerMatch, NoReceiptLineQuote
from pos.ui.screens.no_receipt.models import (
    CustomersTableModel,
    basis_text,
    limits_text,
    new_customer,
)

EUR = "EUR"


def jeans(basis: ValuationBasis, sold_at: datetime | None) -> NoReceiptLineQuote:
    unit = Money(2490, EUR)
    return NoReceiptLineQuote(7, "Jean droit — M", "JEA-M", 1, unit, unit, Money(415, EUR),
                              Decimal(20), basis, sold_at)  # fmt: skip


def test_the_customers_model_passes_qtmodeltester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = CustomersTableModel(locale="fr_FR")
    model.set_rows([CustomerMatch(1, "Hélène Lefèvre", "helene@example.fr", "+33612345678"),
                    CustomerMatch(2, "Paul Martin", "", "0611223344")])  # fmt: skip
    qtmodeltester.check(model, force_py=True)
    assert model.index(1, 1).data() == "" and model.index(1, 2).data() == "0611223344"


def test_the_value_says_its_basis_and_date() -> None:
    sold = datetime(2026, 10, 12, 15, 0, tzinfo=UTC)
    lowest = basis_text(jeans(ValuationBasis.LOWEST_SOLD, sold), days=90, locale="en_US", tz=UTC)
    assert lowest == "lowest sold price over 90 days: €24.90, Oct 12, 2026"
    current = basis_text(jeans(ValuationBasis.CURRENT_PRICE, None), days=90, locale="en_US",
                         tz=UTC)  # fmt: skip
    assert current == "current price: €24.90"


def test_the_limits_say_what_is_left_and_the_day_s_count_when_counted() -> None:
    limits = NoReceiptLimits(Money(10000, EUR), Money(2510, EUR), 365, Money(30000, EUR),
                             Money(0, EUR), 1, 3)  # fmt: skip
    assert limits_text(limits, customer="Hélène", locale="en_US").split("\n") == [
        "Left for Hélène: €74.90 (of €100.00 over 365 days)",
        "Left today: €300.00",
        "2 returns left today",
    ]


def test_a_new_customer_s_contact_is_an_e_mail_or_a_phone() -> None:
    by_mail = new_customer(" Paul  Martin ", "paul@example.fr")
    assert (by_mail.first_name, by_mail.last_name, by_mail.email, by_mail.phone) == (
        "Paul", "Martin", "paul@example.fr", "")  # fmt: skip
    by_phone = new_customer("Cher", "06 11 22 33 44")
    assert (by_phone.first_name, by_phone.last_name, by_phone.phone) == ("", "Cher",
                                                                         "06 11 22 33 44")
