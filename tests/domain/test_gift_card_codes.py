"""A gift-card code is one identity however it is typed; `settle` adds tenders up per card.

The property tests are seeded and bounded: 500 texts for the normalisation, 500 tender lists
for `settle` (pure, well under a second each).
"""

from __future__ import annotations

import pytest
from hypothesis import given, seed, settings
from hypothesis import strategies as st

from pos.domain.errors import SettlementError
from pos.domain.money import Money
from pos.domain.scan import normalise_gift_card_code
from pos.domain.settlement import BalanceKind, Tender, TenderMethod, settle

CODE = "7Q2K9FABCDEFGHJK"
SPELLINGS = [
    CODE,
    CODE.lower(),
    f"  {CODE} \t",
    "7q2k-9fab-cdef-ghjk",
    "7Q2K 9FAB CDEF GHJK",
    "7Q2K\u20139FAB\u2014CDEF\u00a0GHJK",  # en dash, em dash, no-break space
    "".join(chr(ord(ch) + 0xFEE0) for ch in CODE),  # full-width, as some keyboards type
]


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


@pytest.mark.parametrize("typed", SPELLINGS)
def test_every_spelling_is_the_same_code(typed: str) -> None:
    assert normalise_gift_card_code(typed) == CODE
    assert Tender(TenderMethod.GIFT_CARD, eur(100), gift_card_code=typed).gift_card_code == CODE


def test_a_code_of_spaces_and_dashes_is_no_code() -> None:
    tender = Tender(TenderMethod.GIFT_CARD, eur(100), gift_card_code=" - ")
    assert tender.gift_card_code is None
    with pytest.raises(SettlementError) as refused:
        settle(eur(100), BalanceKind.HIGHER, [tender])
    assert refused.value.code == "gift_card_code_missing"


@seed(10)
@settings(max_examples=500, database=None)
@given(st.text(max_size=40))
def test_normalising_is_total_and_idempotent(text: str) -> None:
    code = normalise_gift_card_code(text)
    assert normalise_gift_card_code(code) == code
    assert not any(ch.isspace() for ch in code)


def test_two_spellings_of_one_card_share_its_balance() -> None:
    # The figures: a 29.90 card asked 15.00 + 15.00 (it ended at -0.10).
    tenders = [Tender(TenderMethod.GIFT_CARD, eur(1500), gift_card_code=CODE.lower()),
               Tender(TenderMethod.GIFT_CARD, eur(1500), gift_card_code=f" {CODE} "),
               Tender(TenderMethod.CASH, eur(2000))]
    with pytest.raises(SettlementError) as refused:
        settle(eur(5000), BalanceKind.HIGHER, tenders, gift_card_balances={CODE: eur(2990)})
    assert refused.value.code == "gift_card_insufficient"
    assert refused.value.params == {"gift_card_code": CODE, "balance": eur(2990),
                                    "asked": eur(3000)}


CARDS = {CODE: 2990, "ABCDEFGHJKLMNPQR": 500}


@seed(11)
@settings(max_examples=500, database=None)
@given(due=st.integers(1, 10000), parts=st.lists(st.tuples(
    st.sampled_from(sorted(CARDS)), st.sampled_from(range(len(SPELLINGS))),
    st.integers(1, 4000)), min_size=1, max_size=5), cash=st.integers(0, 10000))
def test_no_tender_list_takes_a_card_below_zero(due: int, parts, cash: int) -> None:  # type: ignore[no-untyped-def]
    tenders = [Tender(TenderMethod.GIFT_CARD, eur(amount), gift_card_code=(
        SPELLINGS[spelling] if card == CODE else card.lower()))
        for card, spelling, amount in parts]
    if cash:
        tenders.append(Tender(TenderMethod.CASH, eur(cash)))
    balances = {code: eur(minor) for code, minor in CARDS.items()}
    try:
        done = settle(eur(due), BalanceKind.HIGHER, tenders, gift_card_balances=balances)
    except SettlementError:
        return
    for code, minor in CARDS.items():
        asked = sum(t.amount.minor for t in done.tenders if t.gift_card_code == code)
        assert asked <= minor
    assert done.tendered.minor - done.change_due.minor == due
