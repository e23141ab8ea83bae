"""Return requests' pure rules: states, authorisation numbers and their QR, photos."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.return_requests import (
    AUTHORISATION_ALPHABET,
    MAX_PHOTO_BYTES,
    RequestRefusedError,
    RequestState,
    authorisation_number,
    authorisation_payload,
    check_request_state,
    effective_state,
    new_authorisation_number,
    parse_authorisation,
    photo_content_type,
)
from pos.domain.scan import ScanKind, classify_scan

NOW = datetime(2026, 12, 8, 10, 0, tzinfo=UTC)


def seeded(text: str):  # type: ignore[no-untyped-def]
    chars = itertools.cycle(text)
    return lambda _alphabet: next(chars)


def test_an_approved_request_past_its_expiry_is_expired_without_any_job() -> None:
    later = NOW + timedelta(days=1)
    assert effective_state("approved", later, NOW) is RequestState.APPROVED
    assert effective_state("approved", NOW, NOW) is RequestState.EXPIRED
    assert effective_state("used", NOW - timedelta(days=9), NOW) is RequestState.USED
    assert effective_state("requested", None, NOW) is RequestState.REQUESTED


def test_the_transition_table() -> None:
    assert check_request_state("requested", RequestState.APPROVED) is RequestState.APPROVED
    assert check_request_state("approved", RequestState.USED) is RequestState.USED
    for current, new in (("rejected", RequestState.APPROVED), ("used", RequestState.USED),
                         ("requested", RequestState.USED), ("approved", RequestState.REJECTED)):
        with pytest.raises(RequestRefusedError) as refused:
            check_request_state(current, new)
        assert refused.value.code == "request_state"


def test_a_number_is_normalised_and_its_check_character_refuses_a_typo() -> None:
    number = new_authorisation_number(seeded("7K2QMX9P"))
    assert number.startswith("RA-7K2Q-MX9P-") and len(number) == 14
    compact = number.replace("-", "")
    spaced = "ra 7k2q mx9p " + number[-1]
    typed_forms = (number, number.lower(), compact, f"  {compact[2:]} ", spaced)
    for typed in typed_forms:
        assert authorisation_number(typed) == number
    wrong = number[:-1] + next(c for c in AUTHORISATION_ALPHABET if c != number[-1])
    assert authorisation_number(wrong) is None
    assert authorisation_number("RA-7K2Q-MX9P") is None  # no check character
    assert authorisation_number("RA-0K2Q-MX9P-A") is None  # 0 is not in the alphabet


@given(st.text(alphabet=AUTHORISATION_ALPHABET, min_size=8, max_size=8),
       st.integers(0, 8), st.sampled_from(AUTHORISATION_ALPHABET))
def test_any_single_wrong_character_is_refused(body: str, at: int, other: str) -> None:
    number = new_authorisation_number(seeded(body)).replace("-", "")[2:]
    if number[at] == other:
        return
    typo = number[:at] + other + number[at + 1:]
    assert authorisation_number(typo) is None


@given(st.text(alphabet=AUTHORISATION_ALPHABET, min_size=8, max_size=8), st.integers(0, 7))
def test_swapping_two_neighbours_is_refused(body: str, at: int) -> None:
    number = new_authorisation_number(seeded(body)).replace("-", "")[2:]
    if number[at] == number[at + 1] or {number[at], number[at + 1]} == {"A", "9"}:
        return  # Luhn mod N's one blind spot: the first and last characters of the alphabet
    swapped = number[:at] + number[at + 1] + number[at] + number[at + 2:]
    assert authorisation_number(swapped) is None


def test_the_qr_payload_and_the_scanner() -> None:
    number = new_authorisation_number(seeded("ABCDEFGH"))
    payload = authorisation_payload(number)
    assert payload == f"CPT:A:{number}"
    assert parse_authorisation(payload.lower()) == number
    for scanned in (payload, number, number.lower()):
        result = classify_scan(scanned)
        assert (result.kind, result.value) == (ScanKind.RETURN_AUTHORISATION, number)
    # Without its prefix a scan is not taken for a number (it could be a SKU label)...
    assert classify_scan(number[3:]).kind is not ScanKind.RETURN_AUTHORISATION
    # ...and a receipt QR stays a receipt.
    assert classify_scan("CPT:O:10234").kind is ScanKind.ORDER
    assert parse_authorisation("CPT:A:not-a-number") is None
    with pytest.raises(ValueError):
        authorisation_payload("RA-NOT-A-NUMBER")


def test_photos_are_recognised_by_their_bytes() -> None:
    assert photo_content_type(b"\xff\xd8\xff\xe0rest") == "image/jpeg"
    assert photo_content_type(b"\x89PNG\r\n\x1a\nrest") == "image/png"
    for data, code in ((b"GIF89a", "photo_type"), (b"", "photo_empty"),
                       (b"%PDF-1.7 image.jpg", "photo_type"),
                       (b"\xff\xd8\xff" + b"\0" * MAX_PHOTO_BYTES, "photo_too_large")):
        with pytest.raises(RequestRefusedError) as refused:
            photo_content_type(data)
        assert refused.value.code == code
