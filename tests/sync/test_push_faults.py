"""The push under random Wix faults: whatever fails, Wix ends up with each change exactly once."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.services.returns import CommittedDocument
from tests.sync import test_push
from tests.sync.test_push import (
    WixShop,
    assert_exchange_on_wix,
    drain,
    exchange,
    lines_and_payments,
    messages,
    wix_id_of,
    wix_order,
)
from tests.sync.test_push_gift_cards import assert_mixes_on_wix, commit_mixes, drain_all

ws = test_push.ws  # the fixture (on the shared `bare_wix` site)

KINDS = ["429", "429-retry-after:1", "500", "503", "504", "drop-before", "drop-after"]


@dataclass(frozen=True)
class ThreeDocuments:
    swapped: int
    refunded: int
    cancelled: int
    exchange: CommittedDocument


def commit_three(ws: WixShop) -> ThreeDocuments:
    """Three counter documents on three Wix orders: an exchange, a refund, a cancellation."""
    swapped = wix_order(ws, [("T-S-M", 1)])
    refunded = wix_order(ws, [("JEA-M", 2)])
    cancelled = wix_order(ws, [("ÉCH-S", 1)])
    done = exchange(ws, swapped)
    (line,), _ = lines_and_payments(ws, refunded)
    ws.shop.returns.commit(ws.shop.manager, refunded, Draft(
        DocumentKind.REFUND, (ReturnRequest(line, 1),)), [Tender(TenderMethod.CASH,
                                                                 Money(7990, "EUR"))])  # fmt: skip
    _, (payment,) = lines_and_payments(ws, cancelled)
    ws.shop.returns.commit(ws.shop.manager, cancelled, Draft(
        DocumentKind.CANCELLATION, note="annulée"), [Tender(
            TenderMethod.ORIGINAL_PAYMENT, Money(3990, "EUR"), payment_id=payment)])  # fmt: skip
    return ThreeDocuments(swapped, refunded, cancelled, done)


def assert_three_on_wix(ws: WixShop, docs: ThreeDocuments) -> None:
    """Each change is on Wix exactly once and every message is done."""
    # The exchange: one refund, one new order, one payment, one comment on each.
    assert_exchange_on_wix(ws, wix_id_of(ws, docs.swapped), docs.exchange)
    # The refund: once, restocked once.
    state = ws.fake.state
    (refund,) = state.get_transactions(wix_id_of(ws, docs.refunded))["refunds"]
    assert refund["summary"]["refunded"]["amount"] == "79.90"
    assert state.stock("JEA-M") == 6
    # The cancellation: cancelled, restocked once, refunded once.
    assert state.get_order(wix_id_of(ws, docs.cancelled))["status"] == "CANCELED"
    assert state.stock("ÉCH-S") == 6
    assert len(state.get_transactions(wix_id_of(ws, docs.cancelled))["refunds"]) == 1
    assert {m.state for m in messages(ws) if m.destination == "wix"} == {"done"}


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_every_change_lands_exactly_once_despite_faults(ws: WixShop, seed: int) -> None:
    docs = commit_three(ws)
    # Wix fails one request in five, in every way it can.
    ws.fake.faults.random(rate=0.2, seed=seed, kinds=KINDS)
    report = drain(ws, rounds=200)
    assert report.needs_review == 0 and report.parked == 0
    assert ws.fake.faults.injected  # the faults really happened
    assert_three_on_wix(ws, docs)


@pytest.mark.parametrize("seed", [11, 12, 13, 14, 15])
def test_every_payment_mix_lands_exactly_once_despite_faults(ws: WixShop, seed: int) -> None:
    mixes = commit_mixes(ws)
    ws.fake.faults.random(rate=0.2, seed=seed, kinds=KINDS)
    report = drain_all(ws, rounds=200)
    assert report.needs_review == 0 and report.parked == 0
    assert ws.fake.faults.injected
    assert_mixes_on_wix(ws, mixes)
