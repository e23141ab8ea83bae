"""Which Wix payment each part of a counter refund is recorded on (wix-api.md §2.6, §2.7).

Pure: the write-back (`pos.services.writeback`) plans with the order's payments as last
pulled, and the push (`pos.sync.push_steps`) plans again with Wix's figures before the first
attempt. Wix's rules, as the plan applies them:

- A refund to an original payment goes to that payment, up to what it can still take; a
  gift-card payment is refunded only whole (DESIGN §3 rule 8, wix-api.md §2.7).
- Money given back at the counter (cash, a new gift card, store credit) or kept as exchange
  credit is recorded as *external* refunds: on the non-gift-card payments up to what each can
  take, in the order's order, and on a gift-card payment only whole (an external refund does
  not credit the card on Wix [INFER]); gift cards are taken whole when that records more.
- What no payment can take is *unrecorded*: the write-back says so in a comment on the order
  instead of sending a refund Wix would refuse.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

MAX_GIFT_CARD_SUBSETS = 10  # more gift cards than this on one order: taken greedily


@dataclass(frozen=True, slots=True)
class PaymentRoom:
    """One payment of the order as a refund sees it.

    Attributes:
        payment_id: The Wix payment id.
        gift_card: A gift-card payment (refunded only whole).
        room: Minor units it can still take (its amount minus what was refunded to it).
    """

    payment_id: str
    gift_card: bool
    room: int


@dataclass(frozen=True, slots=True)
class PaymentRefund:
    """One entry of Refund Payments: `amount` minor units on `payment_id`."""

    payment_id: str
    amount: int
    external: bool


@dataclass(frozen=True, slots=True)
class RefundPlan:
    """What Wix is asked to record, and what it cannot.

    Attributes:
        refunds: The payment refunds to send (empty: no refund can be sent at all).
        unrecorded: Minor units no payment can take.
        gift_card_blocked: A gift-card payment had room but could not be used (whole only).
    """

    refunds: tuple[PaymentRefund, ...]
    unrecorded: int
    gift_card_blocked: bool

    @property
    def recorded(self) -> int:
        return sum(refund.amount for refund in self.refunds)


def plan_refund(
    *, original: Sequence[PaymentRefund], external: int, payments: Sequence[PaymentRoom]
) -> RefundPlan:
    """Place a counter refund on the order's Wix payments.

    Args:
        original: Refunds the cashier made to original payments (the tenders), in order.
        external: Money given or kept at the counter, to record as external refunds.
        payments: The order's payments with what each can still take, in the order's order.

    Returns:
        The plan; `unrecorded` is what Wix cannot be told as a refund.
    """
    room = {p.payment_id: max(p.room, 0) for p in payments}
    gift = {p.payment_id for p in payments if p.gift_card}
    refunds: list[PaymentRefund] = []
    unrecorded, blocked = 0, False
    for asked in original:
        left = room.get(asked.payment_id, 0)
        if asked.payment_id in gift:
            taken = left if asked.amount >= left else 0  # whole or nothing
            blocked = blocked or (taken == 0 and left > 0)
        else:
            taken = min(asked.amount, left)
        if taken > 0:
            refunds.append(PaymentRefund(asked.payment_id, taken, asked.external))
            room[asked.payment_id] = left - taken
        unrecorded += asked.amount - taken
    placed, missing, skipped = _external(max(external, 0), payments, room, gift)
    refunds.extend(placed)
    return RefundPlan(tuple(refunds), unrecorded + missing, blocked or skipped)


def _external(
    amount: int, payments: Sequence[PaymentRoom], room: dict[str, int], gift: set[str]
) -> tuple[list[PaymentRefund], int, bool]:
    """External refunds for `amount`: whole gift cards when they record more, then the rest."""
    if amount <= 0:
        return [], 0, False
    cards = [p.payment_id for p in payments if p.payment_id in gift and room[p.payment_id] > 0]
    others = [p.payment_id for p in payments if p.payment_id not in gift]
    spread = sum(room[p] for p in others)
    chosen = _best_cards(amount, [room[c] for c in cards], spread)
    whole = [cards[i] for i in chosen]
    refunds = [PaymentRefund(c, room[c], True) for c in whole]
    left = amount - sum(room[c] for c in whole)
    for payment_id in others:
        part = min(room[payment_id], left)
        if part > 0:
            refunds.append(PaymentRefund(payment_id, part, True))
            left -= part
    for refund in refunds:
        room[refund.payment_id] -= refund.amount
    skipped = left > 0 and any(room[c] > 0 for c in cards)
    order = {p.payment_id: i for i, p in enumerate(payments)}
    refunds.sort(key=lambda r: order[r.payment_id])
    return refunds, left, skipped


def _best_cards(amount: int, cards: list[int], spread: int) -> tuple[int, ...]:
    """Indexes of the gift cards to refund whole: most recorded, then fewest cards."""
    if len(cards) > MAX_GIFT_CARD_SUBSETS:  # greedy: largest first while they fit
        chosen, total = [], 0
        for i in sorted(range(len(cards)), key=lambda i: -cards[i]):
            if total + cards[i] <= amount:
                chosen.append(i)
                total += cards[i]
        return tuple(sorted(chosen))
    best: tuple[int, ...] = ()
    best_recorded = min(amount, spread)
    for size in range(1, len(cards) + 1):
        for subset in combinations(range(len(cards)), size):
            whole = sum(cards[i] for i in subset)
            if whole <= amount and min(amount, whole + spread) > best_recorded:
                best, best_recorded = subset, min(amount, whole + spread)
    return best


@dataclass(frozen=True, slots=True)
class RefundRequest:
    """What a refund asks of Wix's payments, before any plan (kept in the refund step).

    Attributes:
        original: The cashier's refunds to original payments.
        external_minor: Money given back at the counter or kept as exchange credit.
        payments: The order's Wix payments in order, each with what it could still take.
    """

    original: tuple[PaymentRefund, ...]
    external_minor: int
    payments: tuple[PaymentRoom, ...]


def plan_request(request: RefundRequest, rooms: Mapping[str, int] | None = None) -> RefundPlan:
    """Plan a refund request as the write-back stores it in a step.

    Args:
        request: The request.
        rooms: What each Wix payment can take now, as read from Wix (default: the stored
            ``room``, as last pulled).
    """
    known = rooms or {}
    payments = [
        PaymentRoom(p.payment_id, p.gift_card, int(known.get(p.payment_id, p.room)))
        for p in request.payments
    ]
    return plan_refund(
        original=request.original, external=request.external_minor, payments=payments
    )
