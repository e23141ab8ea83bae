"""Money and dates formatted per locale through Babel."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

from babel.numbers import format_currency

from pos.domain.money import Money
from pos.ui.format import format_date, format_datetime, format_money, locale_for

PARIS_WINTER = timezone(timedelta(hours=1))


def test_french_money_uses_babels_own_spaces() -> None:
    text = format_money(Money(123450, "EUR"), "fr_FR")
    assert text == format_currency(Decimal("1234.50"), "EUR", locale="fr_FR")
    # The digits and the comma are what the cashier reads; the spaces are Babel's (no-break).
    assert text.replace("\u202f", " ").replace("\xa0", " ") == "1 234,50 €"


def test_english_money() -> None:
    assert format_money(Money(123450, "EUR"), "en_US") == "€1,234.50"


def test_negative_and_zero_decimal_currencies() -> None:
    assert format_money(Money(-995, "EUR"), "en_US") == "-€9.95"
    assert format_money(Money(1500, "JPY"), "en_US") == "¥1,500"


def test_dates_in_the_shops_time_zone() -> None:
    moment = datetime(2026, 11, 1, 23, 30, tzinfo=UTC)  # already 2 November in Paris
    assert format_date(moment, "fr_FR", tz=PARIS_WINTER) == "2 nov. 2026"
    assert format_date(moment, "en_US", tz=PARIS_WINTER) == "Nov 2, 2026"
    assert format_date(date(2026, 11, 1), "fr_FR") == "1 nov. 2026"


def test_datetimes_treat_naive_values_as_utc() -> None:
    naive = datetime(2026, 11, 1, 10, 0)
    assert format_datetime(naive, "fr_FR", tz=PARIS_WINTER) == "01/11/2026 11:00"
    aware = naive.replace(tzinfo=UTC)
    assert format_datetime(aware, "en_US", tz=PARIS_WINTER).startswith("11/1/26, 11:00")


def test_language_to_locale() -> None:
    assert (locale_for("fr"), locale_for("en"), locale_for(None)) == ("fr_FR", "en_US", "fr_FR")


def test_format_module_does_not_import_qt() -> None:
    code = "import sys, pos.ui.format; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
