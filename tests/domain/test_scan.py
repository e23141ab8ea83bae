"""Classifying scans: receipts, item barcodes, gift cards, and garbage that never raises."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.scan import (
    GIFT_CARD_ALPHABET,
    NOT_RECOGNISED,
    ScanKind,
    ScanResult,
    classify_scan,
    gtin_is_valid,
    new_gift_card_code,
)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("CPT:O:10234", ScanKind.ORDER, "CPT:O:10234"),
        ("  cpt:o:#10 234\r", ScanKind.ORDER, "CPT:O:10234"),
        ("CPT:D:T1-000123", ScanKind.ORDER, "CPT:D:T1-000123"),
        ("4006381333931", ScanKind.ITEM, "4006381333931"),  # EAN-13
        ("96385074", ScanKind.ITEM, "96385074"),  # EAN-8
        ("036000291452", ScanKind.ITEM, "036000291452"),  # UPC-A
        ("7Q2K9FABCDEFGHJK", ScanKind.GIFT_CARD, "7Q2K9FABCDEFGHJK"),
        ("7q2k-9fab-cdef-ghjk", ScanKind.GIFT_CARD, "7Q2K9FABCDEFGHJK"),
    ],
)
def test_recognised_codes(text: str, kind: ScanKind, value: str) -> None:
    assert classify_scan(text) == ScanResult(kind, value)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "4006381333932",  # EAN-13, wrong check digit
        "96385075",  # EAN-8, wrong check digit
        "40063813339",  # 11 digits
        "7Q2K9FABCDEFGHJ0",  # 0 is not in the gift-card alphabet
        "7Q2K9FABCDEFGHJKL",  # 17 characters
        "CPT:X:1",
        "CPT:O:",
        "hello",
        "TS-10234",  # a SKU, but the shop configured no SKU pattern
    ],
)
def test_anything_else_is_not_recognised(text: str) -> None:
    result = classify_scan(text)
    assert result.kind is ScanKind.UNKNOWN
    assert result.message_code == NOT_RECOGNISED


def test_a_configured_sku_pattern_makes_labels_items() -> None:
    pattern = re.compile(r"TS-\d+")
    assert classify_scan("TS-10234", sku_pattern=pattern) == ScanResult(ScanKind.ITEM, "TS-10234")
    assert classify_scan("TS-10234x", sku_pattern=pattern).kind is ScanKind.UNKNOWN


def test_non_text_is_not_recognised() -> None:
    assert classify_scan(None).kind is ScanKind.UNKNOWN
    assert classify_scan(b"CPT:O:1").kind is ScanKind.UNKNOWN


def test_receipts_win_over_everything_else() -> None:
    assert classify_scan("CPT:O:4006381333931").kind is ScanKind.ORDER


@given(st.text(max_size=500))
def test_any_text_is_classified_without_raising(text: str) -> None:
    result = classify_scan(text)
    assert result.kind in ScanKind
    assert (result.kind is ScanKind.UNKNOWN) == (result.message_code == NOT_RECOGNISED)
    assert len(result.value) <= 200


@given(st.text(GIFT_CARD_ALPHABET, min_size=16, max_size=16))
def test_every_code_in_the_gift_card_alphabet_is_recognised(code: str) -> None:
    assert classify_scan(code) == ScanResult(ScanKind.GIFT_CARD, code)


@given(st.randoms(use_true_random=False))
def test_every_new_gift_card_code_is_recognised_however_grouped(rng: random.Random) -> None:
    code = new_gift_card_code(rng.choice)  # what pos/db/returns.py issues, seeded
    grouped = " ".join(code[i : i + 4] for i in range(0, len(code), 4)).lower()
    for text in (code, grouped):
        assert classify_scan(text) == ScanResult(ScanKind.GIFT_CARD, code)


@given(
    st.sampled_from([7, 11, 12]).flatmap(lambda n: st.text("0123456789", min_size=n, max_size=n))
)
def test_exactly_one_check_digit_makes_a_valid_gtin(body: str) -> None:
    valid = [digit for digit in "0123456789" if gtin_is_valid(body + digit)]
    assert len(valid) == 1
