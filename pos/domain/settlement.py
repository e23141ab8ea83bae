"""Settling a counter document's balance with tenders (DESIGN §3 rules 8–9).

A balance is settled *exactly*: refunds go out to the cent, collections come in to the cent,
and only a cash tender may exceed what is due (the excess is change). Anything else is refused
with a `SettlementError` before the document can commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from pos.domain.errors import SettlementError
from pos.domain.money import Money, total_of
from pos.domain.scan import normalise_gift_card_code


class PaymentMethod(StrEnum):
    """How an original order was paid, as far as refunds care."""

    CARD = "card"
    CASH = "cash"
    GIFT_CARD = "gift_card"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class PaymentSnapshot:
    """One payment of the original order and what was already refunded to it."""

    payment_id: str
    method: PaymentMethod
    amount: Money
    already_refunded: Money

    @property
    def refundable(self) -> Money:
        """What may still be refunded to this payment (rule 8's cap), never negative."""
        left = self.amount - self.already_refunded
        return left if left.minor > 0 else Money.zero(left.currency)


class BalanceKind(StrEnum):
    """Which way money moves. NONE: a cancellation without refund, nothing is settled."""

    EQUAL = "equal"
    LOWER = "lower"  # the customer gets money back
    HIGHER = "higher"  # the customer pays
    NONE = "none"


class TenderMethod(StrEnum):
    CASH = "cash"
    CARD = "card"  # collect on the card terminal
    GIFT_CARD = "gift_card"  # redeem an existing gift card or store-credit code
    ORIGINAL_PAYMENT = "original_payment"  # refund to a payment of the original order
    NEW_GIFT_CARD = "new_gift_card"
    STORE_CREDIT = "store_credit"


REFUND_METHODS = (
    TenderMethod.ORIGINAL_PAYMENT,
    TenderMethod.CASH,
    TenderMethod.NEW_GIFT_CARD,
    TenderMethod.STORE_CREDIT,
)
COLLECT_METHODS = (TenderMethod.CASH, TenderMethod.CARD, TenderMethod.GIFT_CARD)
# A refund for a store-credit-only item (docs/returns-rules.md): a card the shop honours.
STORE_CREDIT_METHODS = (TenderMethod.NEW_GIFT_CARD, TenderMethod.STORE_CREDIT)


class TenderDirection(StrEnum):
    REFUND = "refund"  # money to the customer
    COLLECT = "collect"  # money from the customer
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Tender:
    """One way of paying or refunding part of a balance. `amount` is always positive.

    Attributes:
        payment_id: The original payment, for `ORIGINAL_PAYMENT`.
        gift_card_code: The card redeemed (`GIFT_CARD`); for a new card (`NEW_GIFT_CARD`,
            `STORE_CREDIT`), the code of a pre-printed card the cashier chose (refused if
            another card has it), else None and the service generates one. Normalised when
            the tender is made (`normalise_gift_card_code`: case, spaces and dashes do not
            count), so one card is one code however it was typed.
        reference: Free reference such as the card terminal's approval code.
    """

    method: TenderMethod
    amount: Money
    payment_id: str | None = None
    gift_card_code: str | None = None
    reference: str = ""

    def __post_init__(self) -> None:
        if self.gift_card_code is not None:  # the edge: every tender is made here
            code = normalise_gift_card_code(self.gift_card_code) or None
            object.__setattr__(self, "gift_card_code", code)


@dataclass(frozen=True, slots=True)
class Settlement:
    """Validated tenders for one balance.

    Attributes:
        due: What must move, as a positive amount (zero when nothing moves).
        change_due: Cash handed back when a cash tender exceeded what remained due.
    """

    kind: BalanceKind
    direction: TenderDirection
    due: Money
    tenders: tuple[Tender, ...]
    change_due: Money

    @property
    def tendered(self) -> Money:
        return total_of((tender.amount for tender in self.tenders), self.due.currency)

    @property
    def opens_drawer(self) -> bool:
        return any(tender.method is TenderMethod.CASH for tender in self.tenders)

    @property
    def drawer_delta(self) -> Money:
        """Net cash into the drawer (negative when cash goes out), change already given back."""
        cash = total_of(
            (t.amount for t in self.tenders if t.method is TenderMethod.CASH), self.due.currency
        )
        if self.direction is TenderDirection.REFUND:
            return -cash
        return cash - self.change_due


def settle(
    balance: Money,
    kind: BalanceKind,
    tenders: Iterable[Tender],
    *,
    payments: Sequence[PaymentSnapshot] = (),
    gift_card_balances: Mapping[str, Money] = MappingProxyType({}),
    store_credit_only: bool = False,
) -> Settlement:
    """Check that `tenders` settle `balance` exactly (rules 8–9) and compute the change.

    Args:
        balance: The quote's balance: negative to refund, positive to collect.
        kind: The quote's balance kind; must agree with the sign of `balance`.
        tenders: The cashier's tenders, each with a positive amount.
        payments: The original order's payments (for `ORIGINAL_PAYMENT` refunds).
        gift_card_balances: Current balance of each gift card code being redeemed.
        store_credit_only: A refund may go only to a new gift card or store credit (the
            quote returns a store-credit-only item); anything else is refused.

    Returns:
        The settlement with its direction and change due.

    Raises:
        SettlementError: With one of the codes listed in docs/returns-rules.md (rules 8–9).
        ValueError: `kind` contradicts the sign of `balance` (a programming error).
    """
    tenders = tuple(tenders)
    _check_kind(balance, kind)
    _check_amounts(balance.currency, tenders)
    zero = Money.zero(balance.currency)
    if balance.is_zero():  # equal exchange, zero refund, cancellation without refund
        if tenders:
            raise SettlementError("no_tender_expected", tendered=_sum(tenders, balance.currency))
        return Settlement(kind, TenderDirection.NONE, zero, (), zero)
    if kind is BalanceKind.LOWER:
        due = -balance
        if store_credit_only:
            for tender in tenders:
                if tender.method not in STORE_CREDIT_METHODS:
                    raise SettlementError("refund_store_credit_only", method=tender.method)
        _check_refund(due, tenders, payments)
        return Settlement(kind, TenderDirection.REFUND, due, tenders, zero)
    change = _check_collect(balance, tenders, gift_card_balances)
    return Settlement(kind, TenderDirection.COLLECT, balance, tenders, change)


def _check_kind(balance: Money, kind: BalanceKind) -> None:
    agrees = {
        BalanceKind.EQUAL: balance.is_zero(),
        BalanceKind.NONE: balance.is_zero(),
        BalanceKind.LOWER: balance.minor <= 0,  # a plain refund is LOWER even at zero
        BalanceKind.HIGHER: balance.minor > 0,
    }[kind]
    if not agrees:
        raise ValueError(f"balance {balance} contradicts kind {kind}")


def _check_amounts(currency: str, tenders: tuple[Tender, ...]) -> None:
    for index, tender in enumerate(tenders):
        if tender.amount.currency != currency:
            raise SettlementError(
                "tender_currency_mismatch",
                tender=index,
                currency=tender.amount.currency,
                expected=currency,
            )
        if tender.amount.minor <= 0:
            raise SettlementError("tender_not_positive", tender=index, amount=tender.amount)


def _sum(tenders: Iterable[Tender], currency: str) -> Money:
    return total_of((tender.amount for tender in tenders), currency)


def _check_methods(tenders: tuple[Tender, ...], allowed: tuple[TenderMethod, ...]) -> None:
    for tender in tenders:
        if tender.method not in allowed:
            code = (
                "method_not_for_refund" if allowed is REFUND_METHODS else "method_not_for_collect"
            )
            raise SettlementError(code, method=tender.method)
    cash = [tender for tender in tenders if tender.method is TenderMethod.CASH]
    if len(cash) > 1:  # one drawer movement, one change computation
        raise SettlementError("more_than_one_cash_tender", count=len(cash))


def _check_exact(due: Money, tendered: Money) -> None:
    if tendered != due:
        raise SettlementError(
            "tenders_do_not_match_balance", due=due, tendered=tendered, difference=due - tendered
        )


def _check_refund(
    due: Money, tenders: tuple[Tender, ...], payments: Sequence[PaymentSnapshot]
) -> None:
    """Rule 8: only original payments are capped; a gift-card payment is refunded whole."""
    _check_methods(tenders, REFUND_METHODS)
    asked: dict[str, Money] = {}
    for tender in tenders:
        if tender.method is TenderMethod.ORIGINAL_PAYMENT:
            if not tender.payment_id:
                raise SettlementError("original_payment_not_chosen")
            previous = asked.get(tender.payment_id, Money.zero(due.currency))
            asked[tender.payment_id] = previous + tender.amount
    known = {payment.payment_id: payment for payment in payments}
    for payment_id, amount in asked.items():
        if payment_id not in known:
            raise SettlementError("unknown_payment", payment_id=payment_id)
        _check_payment_refund(known[payment_id], amount, due)
    _check_exact(due, _sum(tenders, due.currency))


def refunded_whole(method: str) -> bool:
    """Whether a payment made by `method` is refunded only in full (rule 8: Wix refunds a
    gift-card payment only whole, wix-api.md §2.7)."""
    return method == PaymentMethod.GIFT_CARD


def original_refund(method: str, asked: Money, refundable: Money) -> Money:
    """What a refund of `asked` to an original payment takes (rule 8): a payment refunded only
    whole takes all it can still take back, any other at most that."""
    return refundable if refunded_whole(method) else min(asked, refundable)


def _check_payment_refund(payment: PaymentSnapshot, amount: Money, due: Money) -> None:
    refundable = payment.refundable
    if refundable.is_zero():
        raise SettlementError("payment_not_refundable", payment_id=payment.payment_id)
    if refunded_whole(payment.method):
        # Wix refunds a gift-card payment only whole (wix-api.md §2.7): it cannot be part of
        # a smaller refund, so the cashier is told to refund in cash or to a new gift card.
        if refundable > due:
            raise SettlementError(
                "gift_card_payment_exceeds_refund",
                payment_id=payment.payment_id,
                refundable=refundable,
                due=due,
            )
        if amount != refundable:
            raise SettlementError(
                "gift_card_refund_must_be_whole",
                payment_id=payment.payment_id,
                refundable=refundable,
                asked=amount,
            )
    if amount > refundable:
        raise SettlementError(
            "refund_exceeds_payment",
            payment_id=payment.payment_id,
            refundable=refundable,
            asked=amount,
        )


def _check_collect(
    due: Money, tenders: tuple[Tender, ...], gift_card_balances: Mapping[str, Money]
) -> Money:
    """Rule 9: exact, except one cash tender that may exceed what remains (change)."""
    _check_methods(tenders, COLLECT_METHODS)
    _check_gift_cards(tenders, gift_card_balances)
    cash = [tender.amount for tender in tenders if tender.method is TenderMethod.CASH]
    others = _sum((t for t in tenders if t.method is not TenderMethod.CASH), due.currency)
    if others > due:  # a card or gift card cannot give change
        raise SettlementError("non_cash_exceeds_due", due=due, tendered=others)
    if not cash:
        _check_exact(due, others)
        return Money.zero(due.currency)
    tendered = others + cash[0]
    if tendered < due:
        _check_exact(due, tendered)  # raises: short
    if others == due:  # the cash would all come back as change
        raise SettlementError("cash_not_needed", due=due, cash=cash[0])
    return tendered - due


def _check_gift_cards(tenders: tuple[Tender, ...], balances: Mapping[str, Money]) -> None:
    asked: dict[str, Money] = {}
    for tender in tenders:
        if tender.method is TenderMethod.GIFT_CARD:
            if not tender.gift_card_code:
                raise SettlementError("gift_card_code_missing")
            previous = asked.get(tender.gift_card_code, Money.zero(tender.amount.currency))
            asked[tender.gift_card_code] = previous + tender.amount
    for code, amount in asked.items():
        balance = balances.get(code)
        if balance is None:
            raise SettlementError("unknown_gift_card", gift_card_code=code)
        if balance.currency != amount.currency:
            raise SettlementError(
                "gift_card_currency_mismatch", gift_card_code=code, currency=balance.currency
            )
        if amount > balance:  # refused, never partly used: the cashier decides the rest
            raise SettlementError(
                "gift_card_insufficient", gift_card_code=code, balance=balance, asked=amount
            )
