"""Return requests: their states, return authorisation numbers, their QR payload, photos.

A customer asks to return lines of an order; a manager records the request, then approves it
(it gets an authorisation number, valid for the policy's number of days) or rejects it. An
approved request is *used* when the counter document returning its lines commits. Nothing here
does I/O: the services store requests (`pos.services.return_requests`).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from datetime import datetime
from enum import StrEnum

from pos.domain.errors import DomainError
from pos.domain.scan import GIFT_CARD_ALPHABET, normalise_gift_card_code
from pos.domain.search_text import RECEIPT_PREFIX

# A number is read aloud and typed at a till: the gift cards' alphabet (no 0/O, 1/I).
AUTHORISATION_ALPHABET = GIFT_CARD_ALPHABET
AUTHORISATION_PREFIX = "RA"
AUTHORISATION_BODY = 8  # 32⁸ ≈ 10¹², plus one check character
QR_TARGET = "A"  # "CPT:A:RA-XXXX-XXXX-X", beside the receipts' "CPT:O:…" and "CPT:D:…"
MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_PHOTOS = 6
PHOTO_TYPES: Mapping[bytes, str] = {b"\xff\xd8\xff": "image/jpeg",
                                    b"\x89PNG\r\n\x1a\n": "image/png"}  # fmt: skip


class RequestState(StrEnum):
    """A request's state. `EXPIRED` is never stored: `effective_state` derives it."""

    REQUESTED = "requested"  # recorded, waiting for a manager's decision
    APPROVED = "approved"  # the customer may bring the items back until it expires
    REJECTED = "rejected"
    USED = "used"  # a counter document returned its lines
    EXPIRED = "expired"  # approved, but not used before `expires_at`


REQUEST_TRANSITIONS: Mapping[RequestState, frozenset[RequestState]] = {
    RequestState.REQUESTED: frozenset({RequestState.APPROVED, RequestState.REJECTED}),
    RequestState.APPROVED: frozenset({RequestState.USED}),
    RequestState.REJECTED: frozenset(),
    RequestState.USED: frozenset(),
    RequestState.EXPIRED: frozenset(),
}


class RequestRefusedError(DomainError):
    """A return request (or its authorisation) cannot be recorded, decided or used."""


def effective_state(state: str, expires_at: datetime | None, now: datetime) -> RequestState:
    """`state` as a person sees it at `now`: an approved request past its expiry is expired.

    No job runs to expire requests; every reader asks this instead.
    """
    current = RequestState(state)
    if current is RequestState.APPROVED and expires_at is not None and now >= expires_at:
        return RequestState.EXPIRED
    return current


def check_request_state(current: str, new: RequestState) -> RequestState:
    """`new`, if the transition table allows it from `current`.

    Raises:
        RequestRefusedError: ``request_state`` with ``state`` (the current one) and ``new``.
    """
    state = RequestState(current)
    if new not in REQUEST_TRANSITIONS[state]:
        raise RequestRefusedError("request_state", state=state.value, new=new.value)
    return new


# ---------------------------------------------------------------- authorisation numbers


def _check_character(body: str) -> str:
    """Luhn mod 32 over the alphabet: any single wrong character, and any swap of two
    neighbours but "A9"/"9A" (Luhn's 09/90 here), gives another check character."""
    n = len(AUTHORISATION_ALPHABET)
    total, factor = 0, 2
    for char in reversed(body):
        addend = factor * AUTHORISATION_ALPHABET.index(char)
        total += addend // n + addend % n
        factor = 1 if factor == 2 else 2
    return AUTHORISATION_ALPHABET[(n - total % n) % n]


def new_authorisation_number(choose: Callable[[str], str] = secrets.choice) -> str:
    """A fresh number, `RA-XXXX-XXXX-C` (C the check character); `choose` is seeded in tests."""
    body = "".join(choose(AUTHORISATION_ALPHABET) for _ in range(AUTHORISATION_BODY))
    return format_authorisation(body + _check_character(body))


def format_authorisation(compact: str) -> str:
    """`RA-XXXX-XXXX-C` from the nine characters after the prefix."""
    return f"{AUTHORISATION_PREFIX}-{compact[:4]}-{compact[4:8]}-{compact[8:]}"


def authorisation_number(text: str) -> str | None:
    """The canonical number in `text`, or None when it is not a valid one.

    Case, spaces and dashes do not count, and the `RA` prefix may be left out when typed:
    `"ra 7k2q mx9p c"` and `"7K2QMX9PC"` are `"RA-7K2Q-MX9P-C"` (when C is right). A wrong
    check character is refused, so a mistyped number never matches another request.
    """
    compact = normalise_gift_card_code(text[:40])
    if len(compact) == AUTHORISATION_BODY + 3 and compact.startswith(AUTHORISATION_PREFIX):
        compact = compact[len(AUTHORISATION_PREFIX):]
    if len(compact) != AUTHORISATION_BODY + 1:
        return None
    if any(char not in AUTHORISATION_ALPHABET for char in compact):
        return None
    body, check = compact[:-1], compact[-1]
    return format_authorisation(compact) if _check_character(body) == check else None


def authorisation_payload(number: str) -> str:
    """The QR payload of an authorisation: `CPT:A:RA-XXXX-XXXX-C` (QR alphanumeric mode)."""
    canonical = authorisation_number(number)
    if canonical is None:
        raise ValueError("not an authorisation number")
    return f"{RECEIPT_PREFIX}:{QR_TARGET}:{canonical}"


def parse_authorisation(text: str) -> str | None:
    """The canonical number in a scanned QR payload or a typed/scanned number, else None."""
    parts = text.strip().split(":")
    if len(parts) == 3:
        if parts[0].strip().upper() != RECEIPT_PREFIX or parts[1].strip().upper() != QR_TARGET:
            return None
        return authorisation_number(parts[2])
    if len(parts) != 1 or not normalise_gift_card_code(text).startswith(AUTHORISATION_PREFIX):
        return None  # a bare scan must carry its prefix: nine characters could be a SKU
    return authorisation_number(text)


# ---------------------------------------------------------------- photos


def photo_content_type(data: bytes) -> str:
    """The content type of a customer's photo, by its magic bytes.

    Raises:
        RequestRefusedError: ``photo_type`` (not a JPEG nor a PNG, whatever its name says),
            ``photo_too_large`` (over `MAX_PHOTO_BYTES`; params ``size``, ``limit``),
            ``photo_empty``.
    """
    if not data:
        raise RequestRefusedError("photo_empty")
    if len(data) > MAX_PHOTO_BYTES:
        raise RequestRefusedError("photo_too_large", size=len(data), limit=MAX_PHOTO_BYTES)
    for magic, content_type in PHOTO_TYPES.items():
        if data.startswith(magic):
            return content_type
    raise RequestRefusedError("photo_type")
