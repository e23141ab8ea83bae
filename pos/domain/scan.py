"""What a scanned code is: a receipt, an item, a gift card, or something not recognised.

Pure and total, like `search_text`: any input, however hostile (a keyboard mash, a 10 KB
paste, a QR code from a cereal box), gives a `ScanResult`, never an exception.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from pos.domain.search_text import parse_receipt_payload, receipt_payload

MAX_SCAN_CHARS = 200  # longer than any code we print or read; the rest is ignored
# The one definition of a gift-card code: what `new_gift_card_code` issues (pos/db/returns.py)
# and `gift_card_code` recognises. No 0/O, 1/I: a code is read aloud at a till.
GIFT_CARD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
GIFT_CARD_LENGTH = 16
GTIN_LENGTHS = (8, 12, 13)  # EAN-8, UPC-A, EAN-13
NOT_RECOGNISED = "scan_not_recognised"

_GIFT_CARD = re.compile(f"[{GIFT_CARD_ALPHABET}]{{{GIFT_CARD_LENGTH}}}")
_DIGITS = re.compile(r"[0-9]+")


class ScanKind(StrEnum):
    ORDER = "order"  # a receipt QR payload: look the order (or document) up
    ITEM = "item"  # a product barcode or SKU label: add or find the item
    GIFT_CARD = "gift_card"  # a gift-card or store-credit code
    RETURN_AUTHORISATION = "return_authorisation"  # an approved return request's number or QR
    UNKNOWN = "unknown"  # anything else: tell the cashier, never guess


@dataclass(frozen=True, slots=True)
class ScanResult:
    """A classified scan.

    Attributes:
        kind: What the code is.
        value: What to act on: the canonical receipt payload ("CPT:O:10234"), the GTIN digits
            or SKU, the gift-card code in upper case, the canonical return authorisation
            number ("RA-7K2Q-MX9P-C"); for UNKNOWN the cleaned text.
        message_code: "" when recognised, else `NOT_RECOGNISED` for the UI to translate.
    """

    kind: ScanKind
    value: str
    message_code: str = ""


def gtin_is_valid(digits: str) -> bool:
    """True for an EAN-8, UPC-A or EAN-13 whose last digit is the right GS1 check digit.

    GS1: from the right, excluding the check digit, digits are weighted 3, 1, 3, 1…; the
    check digit brings the weighted sum to a multiple of ten.
    """
    if len(digits) not in GTIN_LENGTHS or not _DIGITS.fullmatch(digits):
        return False
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def new_gift_card_code(choose: Callable[[str], str] = secrets.choice) -> str:
    """A fresh random gift-card code; `choose` picks each character (a seeded one in tests)."""
    return "".join(choose(GIFT_CARD_ALPHABET) for _ in range(GIFT_CARD_LENGTH))


def normalise_gift_card_code(text: str) -> str:
    """A gift-card code's one identity, however it was typed or scanned.

    Compatibility forms folded (NFKC: full-width letters), every space and dash removed
    (any Unicode whitespace, hyphen or dash), upper case: `" 7q2k-9fab cdef–ghjk "` is
    `"7Q2K9FABCDEFGHJK"`. Total and idempotent: any text gives a string (possibly empty) that
    normalises to itself, never an error.
    """
    code = text
    for _ in range(4):  # to a fixed point: folding, dropping or upper-casing can compose anew
        folded = unicodedata.normalize("NFKC", code)
        kept = "".join(ch for ch in folded if not ch.isspace() and unicodedata.category(ch) != "Pd")
        again = unicodedata.normalize("NFKC", kept.upper())
        if again == code:
            break
        code = again
    return code


def gift_card_code(text: str) -> str | None:
    """The 16-character code in `text` (any case, optionally grouped with '-' or spaces)."""
    compact = normalise_gift_card_code(text)
    return compact if _GIFT_CARD.fullmatch(compact) else None


_CARD_CODE = re.compile(r"[A-Z0-9]{4,32}")


def card_code(text: str) -> str | None:
    """Any card code the shop may hold (its own, or printed before Comptoir), normalised.

    Case, spaces and dashes do not count ("gc-2019 0042" is "GC20190042"); 4 to 32 letters
    and digits once normalised, else None. Used for a card the cashier chose (registered
    paper cards, a pre-printed card issued as a new gift card).
    """
    compact = normalise_gift_card_code(text)
    return compact if _CARD_CODE.fullmatch(compact) else None


def classify_scan(text: object, *, sku_pattern: re.Pattern[str] | None = None) -> ScanResult:
    """Classify what a scanner sent. Never raises.

    Receipt payloads win, then return authorisations (their QR "CPT:A:RA-…" or the number
    with its RA prefix), then gift-card codes, then GTINs with a valid check digit, then
    the shop's SKU pattern (Wix SKUs are free-form, so there is none unless configured).

    Args:
        text: The scanned characters (anything; non-strings are UNKNOWN).
        sku_pattern: Full-match pattern of the shop's SKU labels, e.g. ``r"TS-\\d+"``.

    Returns:
        The kind of code and the value to act on.
    """
    cleaned = _clean(text) if isinstance(text, str) else ""
    receipt = parse_receipt_payload(cleaned) if cleaned else None
    if receipt is not None:
        return ScanResult(ScanKind.ORDER, receipt_payload(*receipt))
    # return_requests builds on this module's alphabet, so it is imported here, not above.
    from pos.domain.return_requests import parse_authorisation  # noqa: PLC0415

    if (number := parse_authorisation(cleaned)) is not None:
        return ScanResult(ScanKind.RETURN_AUTHORISATION, number)
    if (code := gift_card_code(cleaned)) is not None:
        return ScanResult(ScanKind.GIFT_CARD, code)
    if gtin_is_valid(cleaned):
        return ScanResult(ScanKind.ITEM, cleaned)
    if cleaned and sku_pattern is not None and sku_pattern.fullmatch(cleaned):
        return ScanResult(ScanKind.ITEM, cleaned)
    return ScanResult(ScanKind.UNKNOWN, cleaned, NOT_RECOGNISED)


def _clean(text: str) -> str:
    """At most MAX_SCAN_CHARS, control characters dropped, outer spaces stripped."""
    return "".join(ch for ch in text[:MAX_SCAN_CHARS] if ch.isprintable()).strip()
