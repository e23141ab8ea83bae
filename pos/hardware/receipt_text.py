"""Receipt wording in French and English, and the text helpers every layout uses.

Labels are looked up by key (`label("fr", "change")`, kept in `pos.domain.receipt_labels`);
money goes through Babel's `format_currency` (fr_FR / en_US), dates through `babel.dates` in
the shop's time zone. `printable` folds text into the characters both CP858 and CP1252 have
(plus €), so what `render_text` shows is exactly what the printer prints.
"""

from __future__ import annotations

import textwrap
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from babel import dates as babel_dates
from babel import numbers as babel_numbers

from pos.domain.money import Money
from pos.domain.receipt_labels import label

__all__ = [
    "LOCALES",
    "SAFE_CHARACTERS",
    "group_code",
    "label",
    "mask",
    "moment",
    "money",
    "pair",
    "printable",
    "valuation",
    "wrap",
]

LOCALES = {"fr": "fr_FR", "en": "en_US"}

# Typography Babel and shop texts use that a receipt printer's code page lacks.
_REPLACEMENTS = str.maketrans(
    {
        "\u202f": " ",
        "\u00a0": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u2022": "*",
        "œ": "oe",
        "Œ": "OE",
        "\u00d7": "x",
        "\t": " ",
        "\r": " ",
        "\n": " ",
    }
)


def _common_characters() -> frozenset[str]:
    every_byte = bytes(range(0x20, 0x100))
    cp858 = set(every_byte.decode("cp858", errors="ignore"))
    cp1252 = set(every_byte.decode("cp1252", errors="ignore"))
    return frozenset((cp858 & cp1252) - {"\x7f"})


SAFE_CHARACTERS = _common_characters()  # "€", "é", "ç", "É", "ü"… are all in


@lru_cache(maxsize=4096)
def printable(text: str) -> str:
    """`text` with only characters every supported code page prints (others folded or '?')."""
    text = unicodedata.normalize("NFC", text.translate(_REPLACEMENTS))
    if text.isascii() and text.isprintable():
        return text
    out = []
    for char in text:
        if char in SAFE_CHARACTERS:
            out.append(char)
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        out.append(base if base and all(c in SAFE_CHARACTERS for c in base) else "?")
    return "".join(out)


@lru_cache(maxsize=4096)
def _money(minor: int, currency: str, locale: str) -> str:
    amount = Money(minor, currency).to_decimal()
    return printable(babel_numbers.format_currency(amount, currency, locale=locale))


def money(amount: Money, language: str) -> str:
    """`Money(-123450, "EUR")` -> "-1 234,50 €" (fr) or "-€1,234.50" (en), printable."""
    return _money(amount.minor, amount.currency, LOCALES.get(language, "fr_FR"))


@lru_cache(maxsize=4096)
def _number(minor: int, currency: str, locale: str) -> str:
    digits = babel_numbers.get_currency_precision(currency)
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    amount = Money(minor, currency).to_decimal()
    return printable(babel_numbers.format_decimal(amount, format=pattern, locale=locale))


def number(amount: Money, language: str) -> str:
    """An amount without its currency, for tables: "-1 234,50" (fr) or "-1,234.50" (en)."""
    return _number(amount.minor, amount.currency, LOCALES.get(language, "fr_FR"))


def currency_symbol(currency: str, language: str) -> str:
    """"€" for EUR in both languages; the code when the printer could not print the symbol."""
    symbol = babel_numbers.get_currency_symbol(currency, LOCALES.get(language, "fr_FR"))
    return symbol if printable(symbol) == symbol else currency


def percent(rate: Decimal, language: str) -> str:
    """A VAT rate: "5,5 %" (fr, the French typography) or "5.5%" (en)."""
    text = f"{rate.normalize():f}"
    return text.replace(".", ",") + " %" if language == "fr" else text + "%"


def day(when: date, language: str) -> str:
    """A date spelt out so no one misreads it: "20 nov. 2027" / "Nov 20, 2027"."""
    return printable(babel_dates.format_date(when, "medium", locale=LOCALES.get(language, "fr_FR")))


def valuation(basis: str, sold_on: date | None, language: str) -> str:
    """How a no-receipt line was valued: "Plus bas prix vendu : 11 oct. 2026"."""
    if not basis:
        return ""
    return f"{label(language, basis)} {day(sold_on, language)}" if sold_on else label(
        language, basis)


def moment(instant: datetime, language: str, time_zone: str) -> str:
    """Date and time of day in the shop's zone: "20/11/2026 16:00" / "11/20/26, 4:00 PM"."""
    zone = babel_dates.get_timezone(time_zone)
    text = babel_dates.format_datetime(
        instant, "short", tzinfo=zone, locale=LOCALES.get(language, "fr_FR")
    )
    return printable(text)


def wrap(text: str, width: int) -> list[str]:
    """`text` cut into lines of at most `width` characters (long words are split)."""
    width = max(width, 1)
    lines = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False)
    return lines or [""]


def pair(left: str, right: str, width: int) -> list[str]:
    """`left` and `right` on one line, `right` flush right; `left` wraps when too long."""
    if len(left) + 1 + len(right) <= width:
        return [left + " " * (width - len(left) - len(right)) + right]
    if len(right) >= width:
        return [*wrap(left, width), *wrap(right, width)]
    lines = wrap(left, width)
    last = lines[-1]
    if len(last) + 1 + len(right) <= width:
        lines[-1] = last + " " * (width - len(last) - len(right)) + right
    else:
        lines.append(" " * (width - len(right)) + right)
    return lines


def group_code(code: str) -> str:
    """A gift-card code in groups of four, easy to read aloud: "ABCD-EFGH-JKLM-NPQR"."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def mask(reference: str) -> str:
    """A card code with only its last four characters shown: "****NPQR"."""
    return "****" + reference[-4:] if len(reference) > 4 else reference
