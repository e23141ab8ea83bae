"""Text normalisation shared by the search index and the search box.

Names, e-mails and phones are folded (accents and case removed) and cut into word tokens the
same way when an order is indexed and when a cashier types, so "helene" finds "Hélène" and
"LEFEVRE" finds "Lefèvre" on SQLite and PostgreSQL alike. Everything here is pure and total:
any input, however hostile, gives a (possibly empty) result, never an exception.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

MAX_QUERY_CHARS = 200  # a scan or a name fits; the rest of a pasted 10 KB string is ignored
MAX_TOKENS = 6
MAX_TOKEN_CHARS = 40

# Letters that NFKD does not decompose into base + accent.
_EXTRA_FOLDS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ß": "ss"}
)
_TOKEN = re.compile(r"[0-9a-z]+")
_NUMBER_LIKE = re.compile(r"^#?\s*([A-Za-z]{0,3}\d?-?\d[\d\s-]*)$")

# A card's index word: CARD_WORD + its last four digits ("0c4242"), and the same + its brand
# ("0c4242visa"). It starts with "0c" so that no name prefix a cashier types ("c", "ca",
# "car", "card" for Caroline or Cardoso) ever matches it; only "0" does, which already
# matches every national phone number. docs/search.md argues it.
CARD_WORD = "0c"
# Brand names as Wix or a cashier may write them (folded, no spaces) -> the one kept.
CARD_BRAND_ALIASES = {
    "visa": "visa", "mastercard": "mastercard", "master": "mastercard", "mc": "mastercard",
    "amex": "amex", "americanexpress": "amex", "cb": "cb", "cartebancaire": "cb",
    "cartebleue": "cb", "maestro": "maestro", "discover": "discover", "jcb": "jcb",
    "diners": "diners", "dinersclub": "diners", "unionpay": "unionpay",
}  # fmt: skip
CARD_BRAND_LABELS = {
    "visa": "Visa", "mastercard": "Mastercard", "amex": "American Express", "cb": "CB",
    "maestro": "Maestro", "discover": "Discover", "jcb": "JCB", "diners": "Diners Club",
    "unionpay": "UnionPay",
}  # fmt: skip
MAX_BRAND_CHARS = 24
_LAST4 = re.compile(r"[0-9]{4}")
# "**** 4242", "•••• 4242", "xxxx 4242", "XXXX-4242", "**** **** **** 4242", "visa 4242",
# "Visa •••• 4242": an optional brand, an optional mask, exactly four ASCII digits. Each
# repetition takes one mask character, so a failed match backtracks linearly (a nested
# quantifier such as `(?:\*{2,}\s*)+` is exponential on 200 stars: a hang).
_CARD_QUERY = re.compile(
    r"(?:(?P<brand>(?![xX]+[\s-])[^\W\d_]+(?: (?![xX]+[\s-])[^\W\d_]+)?)\s+)?"
    r"(?P<mask>(?:[*•●·xX][\s-]*){2,})?(?P<digits>[0-9]{4})"
)

RECEIPT_PREFIX = "CPT"  # QR payloads: "CPT:O:<order number>" or "CPT:D:<document number>"


def fold(text: str) -> str:
    """Lower-case, accent-free form of `text` (NFKD, combining marks dropped)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.translate(_EXTRA_FOLDS)


def tokens(text: str) -> list[str]:
    """Word tokens of `text` after folding: ASCII letters and digits only."""
    return _TOKEN.findall(fold(text))


def phone_tokens(phone: str | None) -> list[str]:
    """Digits of a phone number, plus its national form ("+33 6 12…" → also "0612…")."""
    if not phone:
        return []
    digits = "".join(ch for ch in phone if ch.isdigit())
    if not digits:
        return []
    forms = [digits]
    for country in ("33", "32", "41", "44", "49", "34", "39"):
        if phone.strip().startswith(("+" + country, "00" + country)):
            national = "0" + digits[len(country) + (2 if phone.strip().startswith("00") else 0) :]
            forms.append(national)
            break
    if phone.strip().startswith("+1") and len(digits) == 11:
        forms.append(digits[1:])
    return forms


def normalise_number(number: str) -> str:
    """Canonical form of an order or document number: upper case, no spaces, no leading '#'."""
    return "".join(ch for ch in fold(number) if ch.isalnum() or ch == "-").upper()


def card_last4(text: str | None) -> str | None:
    """The last four digits of a card as stored: exactly four ASCII digits, else None."""
    if not isinstance(text, str):
        return None
    stripped = text.strip()
    return stripped if _LAST4.fullmatch(stripped) else None


def card_brand(text: str | None) -> str | None:
    """A card brand as stored: folded letters ("VISA", "Master Card" -> "visa", "mastercard").

    Known aliases are merged ("MC", "American Express"); anything else made of letters and
    at most `MAX_BRAND_CHARS` long is kept folded; the rest (digits, symbols, empty) is None.
    """
    if not isinstance(text, str) or len(text) > MAX_BRAND_CHARS:
        return None
    folded = fold(text).replace(" ", "").replace("-", "").replace("_", "")
    if not folded.isascii() or not folded.isalpha():
        return None
    return CARD_BRAND_ALIASES.get(folded, folded)


def card_brand_label(brand: str | None) -> str:
    """How a stored brand is written for people ("visa" -> "Visa"); "" when unknown."""
    if not brand:
        return ""
    return CARD_BRAND_LABELS.get(brand, brand.capitalize())


def card_words(last4: str | None, brand: str | None = None) -> list[str]:
    """The index words of a card: "0c4242", and "0c4242visa" when its brand is known."""
    digits = card_last4(last4)
    if digits is None:
        return []
    words = [CARD_WORD + digits]
    kept = card_brand(brand)
    if kept:
        words.append(CARD_WORD + digits + kept)
    return words


def search_document(
    *,
    first_name: str | None,
    last_name: str | None,
    email: str | None,
    phone: str | None,
    number: str,
    cards: Iterable[tuple[str | None, str | None]] = (),
) -> str:
    """The text indexed for one order: customer words, e-mail parts, phone forms, number,
    and the card words (`card_words`) of the cards that paid it, `cards` being
    (last four digits, brand) pairs."""
    words: list[str] = []
    for part in (first_name, last_name, email):
        if part:
            words.extend(tokens(part))
    words.extend(phone_tokens(phone))
    words.extend(tokens(number))
    for last4, brand in cards:
        words.extend(card_words(last4, brand))
    return " ".join(dict.fromkeys(words))  # de-duplicated, order kept


class QueryKind(StrEnum):
    EMPTY = "empty"
    NUMBER = "number"  # looks like an order/document number: exact, then prefix
    CARD = "card"  # "**** 4242", "visa 4242": the orders paid by that card
    RECEIPT = "receipt"  # a scanned receipt QR payload
    TEXT = "text"  # customer words (name, e-mail, phone)


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    kind: QueryKind
    words: tuple[str, ...] = ()  # folded tokens, each searched as a prefix
    number: str = ""  # normalised number for NUMBER and RECEIPT
    receipt_target: str = ""  # "O" (order) or "D" (counter document) for RECEIPT
    card: str = ""  # CARD, and a bare 4-digit NUMBER: the card's last four digits
    card_brand: str = ""  # CARD: the brand typed with it ("visa"), "" for any

    @property
    def card_word(self) -> str:
        """The index word the card part of this query looks for ("" when there is none)."""
        return CARD_WORD + self.card + self.card_brand if self.card else ""


def _clean(text: str) -> str:
    text = text[:MAX_QUERY_CHARS]
    return "".join(ch if ch.isprintable() else " " for ch in text).strip()


def parse_query(text: str) -> ParsedQuery:
    """Classify what the cashier typed or scanned. Never raises."""
    cleaned = _clean(text if isinstance(text, str) else "")
    if not cleaned:
        return ParsedQuery(QueryKind.EMPTY)
    receipt = parse_receipt_payload(cleaned)
    if receipt is not None:
        target, number = receipt
        return ParsedQuery(QueryKind.RECEIPT, number=number, receipt_target=target)
    card = parse_card_query(cleaned)
    if card is not None:
        return card
    if _NUMBER_LIKE.match(cleaned) and any(ch.isdigit() for ch in cleaned):
        number = normalise_number(cleaned)
        if number:
            words = tuple(word[:MAX_TOKEN_CHARS] for word in tokens(number)[:MAX_TOKENS])
            return ParsedQuery(QueryKind.NUMBER, words=words, number=number)
    found: list[str] = []
    for word in tokens(cleaned):
        if word not in found:
            found.append(word[:MAX_TOKEN_CHARS])
    if phone_like := _phone_query(cleaned):
        found = [phone_like]
    if not found:
        return ParsedQuery(QueryKind.EMPTY)
    return ParsedQuery(QueryKind.TEXT, words=tuple(found[:MAX_TOKENS]))


def parse_card_query(cleaned: str) -> ParsedQuery | None:
    """A card query ("**** 4242", "visa 4242"), or a bare "4242" (a number that may be a card).

    A bare four-digit query is a NUMBER that also carries `card`: its results are the card's
    orders and the number's, merged newest first (docs/search.md says why).
    """
    found = _CARD_QUERY.fullmatch(cleaned)
    if found is None:
        return None
    digits, mask, brand_text = found["digits"], found["mask"], found["brand"]
    brand = ""
    if brand_text is not None:
        brand = CARD_BRAND_ALIASES.get(fold(brand_text).replace(" ", ""), "")
        if not brand:
            return None  # "martin 4242": words, not a card
    if not mask and not brand:
        return ParsedQuery(QueryKind.NUMBER, words=(digits,), number=digits, card=digits)
    word = CARD_WORD + digits + brand
    return ParsedQuery(QueryKind.CARD, words=(word,), card=digits, card_brand=brand)


def _phone_query(cleaned: str) -> str | None:
    """ "06 12 34" or "+33 6 12" typed as a phone: one digit run, national form."""
    if not re.fullmatch(r"\+?[\d\s.()-]{4,}", cleaned):
        return None
    forms = phone_tokens(cleaned)
    return forms[-1] if forms else None


def receipt_payload(target: str, number: str) -> str:
    """QR payload printed on a receipt: uppercase alphanumerics, compact in a QR code."""
    if target not in ("O", "D"):
        raise ValueError("target must be 'O' (order) or 'D' (document)")
    return f"{RECEIPT_PREFIX}:{target}:{normalise_number(number)}"


def parse_receipt_payload(text: str) -> tuple[str, str] | None:
    """(target, number) of a scanned receipt payload, or None when it is not one."""
    parts = text.strip().split(":")
    if len(parts) != 3 or parts[0].upper() != RECEIPT_PREFIX:
        return None
    target, number = parts[1].upper(), normalise_number(parts[2])
    if target not in ("O", "D") or not number:
        return None
    return target, number


def chrono_base(moment: datetime) -> int:
    """Base of an order's search key: UTC milliseconds × 1000 (room for 1000 ties per ms).

    The search index is keyed by this value (plus a tie counter), so "newest first" is the
    index's own descending order and a date range is a key range.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    delta = moment.astimezone(UTC) - datetime(1970, 1, 1, tzinfo=UTC)
    millis = (delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000
    return millis * 1000
