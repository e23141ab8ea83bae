"""Money, dates and times as the cashier reads them, per locale, through Babel.

Qt-free on purpose: the command line formats with the same functions as the screens.
Locales are Babel identifiers such as ``"fr_FR"`` or ``"en_US"``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo

from babel import dates as babel_dates
from babel import numbers as babel_numbers

from pos.domain.money import Money

DEFAULT_LOCALE = "fr_FR"
LOCALES = {"fr": "fr_FR", "en": "en_US"}  # interface language -> formatting locale


def locale_for(language: str | None) -> str:
    """The formatting locale of an interface language ("fr" -> "fr_FR"); French by default."""
    return LOCALES.get(language or "fr", DEFAULT_LOCALE)


def format_money(amount: Money, locale: str = DEFAULT_LOCALE) -> str:
    """``Money(123450, "EUR")`` -> ``"1 234,50 €"`` (fr_FR) or ``"€1,234.50"`` (en_US).

    The amount goes to Babel as an exact Decimal of major units: no float on the way.
    """
    return babel_numbers.format_currency(amount.to_decimal(), amount.currency, locale=locale)


def _local(moment: datetime, tz: tzinfo | None) -> datetime:
    # The database keeps UTC; a naive value read back from SQLite is UTC too.
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(tz) if tz is not None else aware.astimezone()


def format_date(
    moment: date | datetime,
    locale: str = DEFAULT_LOCALE,
    *,
    length: str = "medium",
    tz: tzinfo | None = None,
) -> str:
    """A calendar date ("1 nov. 2026" / "Nov 1, 2026"); datetimes are shown in `tz`.

    Args:
        moment: a date, or a datetime (naive means UTC).
        locale: Babel locale identifier.
        length: Babel format length: "short", "medium", "long" or "full".
        tz: time zone of the shop; the machine's own zone when None.
    """
    if isinstance(moment, datetime):
        moment = _local(moment, tz).date()
    return babel_dates.format_date(moment, length, locale=locale)


def format_datetime(
    moment: datetime,
    locale: str = DEFAULT_LOCALE,
    *,
    length: str = "short",
    tz: tzinfo | None = None,
) -> str:
    """A date and time of day in the shop's time zone ("01/11/2026 11:00").

    Args:
        moment: the instant (naive means UTC).
        locale: Babel locale identifier.
        length: Babel format length: "short", "medium", "long" or "full".
        tz: time zone of the shop; the machine's own zone when None.
    """
    return babel_dates.format_datetime(_local(moment, tz), length, locale=locale)


def format_time(moment: datetime, locale: str = DEFAULT_LOCALE, *, tz: tzinfo | None = None) -> str:
    """A time of day in the shop's time zone ("14:05" / "2:05 PM"); naive means UTC."""
    return babel_dates.format_time(_local(moment, tz), "short", locale=locale)
