"""Folding, tokenising and classifying what the cashier types or scans (pure, no I/O)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.search_text import (
    MAX_TOKEN_CHARS,
    MAX_TOKENS,
    QueryKind,
    chrono_base,
    fold,
    normalise_number,
    parse_query,
    parse_receipt_payload,
    phone_tokens,
    receipt_payload,
    search_document,
    tokens,
)

HOSTILE = st.text() | st.text(
    alphabet=st.sampled_from(list('"*()^:+-#@.NEARANDORNOT\x00\x1b\n\t é😀')), max_size=60
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Hélène", "helene"), ("LEFÈVRE", "lefevre"), ("Øster Straße", "oster strasse")],
)
def test_fold_removes_case_and_accents(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_document_holds_name_email_parts_phone_forms_and_number() -> None:
    doc = search_document(
        first_name="Hélène",
        last_name="Lefèvre",
        email="helene.lefevre@example.fr",
        phone="+33 6 12 34 56 78",
        number="10234",
    )
    assert doc.split() == [
        "helene",
        "lefevre",
        "example",
        "fr",
        "33612345678",
        "0612345678",
        "10234",
    ]


@pytest.mark.parametrize(
    ("phone", "forms"),
    [
        ("+33 6 12 34 56 78", ["33612345678", "0612345678"]),
        ("0033 6 12 34 56 78", ["0033612345678", "0612345678"]),
        ("06 12 34 56 78", ["0612345678"]),
        ("+1 415 555 0100", ["14155550100", "4155550100"]),
        ("", []),
        (None, []),
        ("n/a", []),
    ],
)
def test_phone_tokens_add_the_national_form(phone: str | None, forms: list[str]) -> None:
    assert phone_tokens(phone) == forms


@pytest.mark.parametrize(
    ("typed", "kind", "words", "number"),
    [
        ("hel lef", QueryKind.TEXT, ("hel", "lef"), ""),
        ("LEFÈVRE", QueryKind.TEXT, ("lefevre",), ""),
        ("helene.lefevre@ex", QueryKind.TEXT, ("helene", "lefevre", "ex"), ""),
        ("#10234", QueryKind.NUMBER, ("10234",), "10234"),
        (" 10 234 ", QueryKind.NUMBER, ("10234",), "10234"),
        ("t1-000123", QueryKind.NUMBER, ("t1", "000123"), "T1-000123"),
        ("06 12 34 56 78", QueryKind.NUMBER, ("0612345678",), "0612345678"),
        ("+33612345678", QueryKind.TEXT, ("0612345678",), ""),
        ("06.12.34.56.78", QueryKind.TEXT, ("0612345678",), ""),
        ("", QueryKind.EMPTY, (), ""),
        ("  \x00\t ", QueryKind.EMPTY, (), ""),
        ("😀🙂", QueryKind.EMPTY, (), ""),
        ('"*^()', QueryKind.EMPTY, (), ""),
        ('"NEAR(a b)*', QueryKind.TEXT, ("near", "a", "b"), ""),
    ],
)
def test_parse_query_classifies(typed: str, kind: QueryKind, words: tuple, number: str) -> None:
    parsed = parse_query(typed)
    assert (parsed.kind, parsed.words, parsed.number) == (kind, words, number)


def test_receipt_payload_round_trips() -> None:
    assert receipt_payload("O", "#10 234") == "CPT:O:10234"
    assert parse_receipt_payload("cpt:d:t1-000123") == ("D", "T1-000123")
    parsed = parse_query("CPT:D:T1-000123")
    assert (parsed.kind, parsed.receipt_target, parsed.number) == (
        QueryKind.RECEIPT,
        "D",
        "T1-000123",
    )


@pytest.mark.parametrize("payload", ["CPT:X:1", "CPT:O:", "CPT:O", "XYZ:O:1", "CPT:O:1:2"])
def test_malformed_receipt_payload_is_not_a_receipt(payload: str) -> None:
    assert parse_receipt_payload(payload) is None
    assert parse_query(payload).kind is not QueryKind.RECEIPT


def test_receipt_payload_rejects_unknown_target() -> None:
    with pytest.raises(ValueError):
        receipt_payload("X", "1")


def test_ten_kilobytes_are_cut_to_a_bounded_query() -> None:
    parsed = parse_query("abcdefghij " * 1000)
    assert set(parsed.words) <= {"abcdefghij", "ab"}  # the cut may leave a shorter prefix
    parsed = parse_query(" ".join(f"w{i}{'x' * 100}" for i in range(100)))
    assert len(parsed.words) <= MAX_TOKENS
    assert all(len(word) <= MAX_TOKEN_CHARS for word in parsed.words)


def test_chrono_base_orders_moments_and_treats_naive_as_utc() -> None:
    moment = datetime(2026, 11, 1, 10, 0, tzinfo=UTC)
    paris = moment.astimezone(timezone(timedelta(hours=1)))
    assert chrono_base(moment) == chrono_base(paris) == chrono_base(moment.replace(tzinfo=None))
    assert chrono_base(moment + timedelta(milliseconds=1)) - chrono_base(moment) == 1000


@given(HOSTILE)
def test_parse_query_is_total_and_yields_safe_words(text: str) -> None:
    parsed = parse_query(text)
    safe = re.compile(r"[0-9a-z]+")
    assert all(safe.fullmatch(word) for word in parsed.words)
    assert len(parsed.words) <= MAX_TOKENS
    assert all(len(word) <= MAX_TOKEN_CHARS for word in parsed.words)
    if parsed.kind is QueryKind.EMPTY:
        assert parsed.words == ()


@given(st.text())
def test_folding_functions_are_total(text: str) -> None:
    assert safe_ascii(" ".join(tokens(text)))
    normalise_number(text)
    phone_tokens(text)
    parse_receipt_payload(text)


def safe_ascii(text: str) -> bool:
    return all(ch == " " or (ch.isascii() and ch.isalnum()) for ch in text)
