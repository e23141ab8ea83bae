"""The Wix write-back steps of a committed counter document (DESIGN §7, wix-api.md §3).

Each step is its own outbox message so a crash between steps resumes at the right one; all
steps of one order share the object key `order:<wix id>`, so they are sent in order. Stock
deltas are written only for movements no Wix order call carries ("one owner per movement").
This module decides *what* to send, as the typed messages of `pos.domain.wix_steps`;
`pos.sync` decides *how* (issue 5).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pos.domain.money import Money
from pos.domain.refund_plan import (
    PaymentRefund,
    PaymentRoom,
    RefundPlan,
    RefundRequest,
    plan_request,
)
from pos.domain.returns import Disposition, DocumentKind, Quote
from pos.domain.settlement import BalanceKind, PaymentMethod, Settlement, TenderMethod
from pos.domain.wix_fields import DocumentRef, LineQuantity
from pos.domain.wix_steps import (
    AddPaymentMessage,
    CancelMessage,
    CommentMessage,
    CommentTarget,
    PaymentPart,
    RefundMessage,
    ReplacementItem,
    ReplacementOrderMessage,
    StockDeltaMessage,
    WixStep,
)

WIX = "wix"


@dataclass(frozen=True, slots=True)
class OutboxStep:
    """One Wix step to queue: its message and the object whose steps go out in order."""

    object_key: str
    message: WixStep

    @property
    def kind(self) -> str:
        """The stored outbox kind (the enum's plain string)."""
        return self.message.kind.value

    @property
    def payload(self) -> dict[str, Any]:
        return self.message.to_payload()


@dataclass(frozen=True, slots=True)
class StockOwnership:
    """Which stock movements Wix makes itself (so the POS must not push them)."""

    returns_restocked_by_wix: bool
    new_items_moved_by_wix: bool


@dataclass(slots=True)
class WritebackInput:
    document_id: str
    document_number: str
    order_wix_id: str | None
    order_number: str
    quote: Quote
    settlement: Settlement
    wix_line_ids: dict[str, str | None]
    wix_payment_ids: dict[str, str | None]
    payment_methods: dict[str, PaymentMethod]
    payment_refundable: dict[str, int]  # minor units each payment could take before this one
    buyer_email: str | None
    new_items: list[ReplacementItem] = field(default_factory=list)
    notify_customer: bool = False
    note: str = ""


def ownership(*, order_on_wix: bool, api_orders_move_stock: bool, kind: DocumentKind,
              quote: Quote, refund_on_wix: bool = True) -> StockOwnership:
    """Who moves the stock of this document's lines (DESIGN §7 "one owner per movement").

    Args:
        refund_on_wix: A refund step carries the returned lines (Wix restocks them); False
            when Wix cannot be sent a refund at all (`refund_reaches_wix`): the POS pushes
            the restock.
    """
    if not order_on_wix:
        return StockOwnership(False, False)
    all_restocked = all(part.disposition is Disposition.RESTOCK for part in quote.returns)
    if kind is DocumentKind.CANCELLATION:
        return StockOwnership(all_restocked, False)  # restockAllItems, or the POS pushes
    return StockOwnership(refund_on_wix, api_orders_move_stock)


def _refund_lines(
    data: WritebackInput, *, restock: bool
) -> tuple[tuple[LineQuantity, ...], tuple[LineQuantity, ...]]:
    lines, restocked = [], []
    for part in data.quote.returns:
        entry = LineQuantity(data.wix_line_ids.get(part.line_id), part.quantity)
        lines.append(entry)
        if restock and part.disposition is Disposition.RESTOCK:
            restocked.append(entry)
    return tuple(lines), tuple(restocked)


def money_back(quote: Quote) -> Money:
    """What the document gives back or keeps as credit (nothing for a cancellation without)."""
    if quote.balance_kind is BalanceKind.NONE:
        return Money.zero(quote.currency)  # cancelled without refund: no money moves
    return quote.returned_credit + quote.shipping_refund - quote.fees.total


def refund_request(data: WritebackInput) -> RefundRequest:
    """What the refund asks of Wix's payments, before any plan (kept in the refund step)."""
    original = []
    for tender in data.settlement.tenders:
        if tender.method is TenderMethod.ORIGINAL_PAYMENT and tender.payment_id:
            method = data.payment_methods.get(tender.payment_id, PaymentMethod.OTHER)
            original.append(PaymentRefund(data.wix_payment_ids.get(tender.payment_id) or "",
                                          tender.amount.minor, method is PaymentMethod.CASH))
    payments = tuple(
        PaymentRoom(wix_id, data.payment_methods.get(local) is PaymentMethod.GIFT_CARD,
                    max(data.payment_refundable.get(local, 0), 0))
        for local, wix_id in data.wix_payment_ids.items() if wix_id)
    given = money_back(data.quote).minor - sum(entry.amount for entry in original)
    return RefundRequest(tuple(original), max(given, 0), payments)


def plan_of(request: RefundRequest) -> RefundPlan:
    """Plan `request` (from `refund_request`) with the payments as last pulled."""
    return plan_request(request)


def refund_note(data: WritebackInput, plan: RefundPlan) -> str:
    """The comment for the original order when Wix cannot record all of the refund."""
    quote, currency = data.quote, data.quote.currency
    units = sum(part.quantity for part in quote.returns)
    restocked = sum(p.quantity for p in quote.returns if p.disposition is Disposition.RESTOCK)
    shown = [f"{quote.kind.value.capitalize()} {data.document_number}: "
             f"{units} unit(s) returned, {restocked} back in stock; "
             f"{_text(money_back(quote), currency)} refunded at the counter"]
    given = [f"{t.method.value.replace('_', ' ')} {_text(t.amount, currency)}"
             for t in data.settlement.tenders]
    if given:
        shown.append(f" ({', '.join(given)})")
    shown.append(f". Wix recorded {_text(Money(plan.recorded, currency), currency)} on the "
                 f"order's payments; {_text(Money(plan.unrecorded, currency), currency)} "
                 "could not be recorded")
    if plan.gift_card_blocked:
        shown.append(" (Wix refunds a gift-card payment only whole)")
    if not plan.refunds:
        shown.append("; the returned lines are not marked refunded on Wix")
    return "".join(shown) + "."


def _text(amount: Money, currency: str) -> str:
    return f"{amount.to_decimal()} {currency}"


def steps_for(data: WritebackInput, owner: StockOwnership) -> list[OutboxStep]:
    """Outbox steps for the Wix order this document changes (none for a local-only order)."""
    if data.order_wix_id is None:
        return []
    key = f"order:{data.order_wix_id}"
    quote = data.quote
    messages: list[WixStep] = []
    ref = DocumentRef(data.document_id, data.document_number, data.order_wix_id, quote.currency)
    if quote.kind is DocumentKind.CANCELLATION:
        messages.append(CancelMessage(ref, owner.returns_restocked_by_wix,
                                      data.notify_customer, data.note))
    request = refund_request(data)
    plan = plan_of(request)
    note = refund_note(data, plan) if plan.unrecorded > 0 or (
        quote.returns and not plan.refunds and quote.kind is not DocumentKind.CANCELLATION
    ) else ""
    if quote.returns and plan.refunds:
        restock = owner.returns_restocked_by_wix and quote.kind is not DocumentKind.CANCELLATION
        lines, restocked = _refund_lines(data, restock=restock)
        messages.append(RefundMessage(ref, lines, restocked, quote.shipping_refund.minor,
                                      plan.refunds, request, note, _reason(data, plan)))
    if quote.kind is DocumentKind.EXCHANGE:
        messages.extend(_exchange_steps(data, ref, note))
    elif note and not plan.refunds:  # no refund to carry the figures: a comment says them
        messages.append(CommentMessage(ref, CommentTarget.ORIGINAL, note, note))
    return [OutboxStep(key, message) for message in messages]


def _reason(data: WritebackInput, plan: RefundPlan) -> str:
    """The refund's reason on Wix; with the figures when Wix cannot record all of it (they
    travel with the refund: no extra request)."""
    reason = f"{data.quote.kind.value} {data.document_number}"
    if plan.unrecorded:
        currency = data.quote.currency
        reason += (f": {_text(money_back(data.quote), currency)} refunded at the counter, "
                   f"{_text(Money(plan.unrecorded, currency), currency)} not recorded on Wix")
        if plan.gift_card_blocked:
            reason += " (a gift-card payment is refunded only whole)"
    return reason[:200]


def refund_reaches_wix(data: WritebackInput) -> bool:
    """Whether a refund step will carry the returned lines (so Wix restocks them)."""
    return bool(data.order_wix_id) and bool(plan_of(refund_request(data)).refunds)


def _exchange_steps(data: WritebackInput, ref: DocumentRef, note: str) -> list[WixStep]:
    quote = data.quote
    credit_used = min(quote.new_items_total.minor,
                      (quote.returned_credit - quote.fees.total).minor)
    change = data.settlement.change_due.minor  # cash handed over beyond the balance
    collected = [PaymentPart(t.method.value,
                             t.amount.minor - (change if t.method is TenderMethod.CASH else 0),
                             t.reference) for t in data.settlement.tenders
                 if data.settlement.direction.value == "collect"]
    return [
        ReplacementOrderMessage(ref, data.document_id, data.buyer_email, tuple(data.new_items)),
        AddPaymentMessage(ref, quote.new_items_total.minor,
                          (PaymentPart("exchange_credit", credit_used), *collected)),
        CommentMessage(ref, CommentTarget.ORIGINAL,
                       f"Exchange {data.document_number}: replacement order {{replacement}}"
                       + (f". {note}" if note else ""), note),
        CommentMessage(ref, CommentTarget.REPLACEMENT,
                       f"Exchange {data.document_number} of order {data.order_number}"),
    ]


def stock_delta_step(*, variant_id: int, sku: str, wix_product_id: str | None,
                     wix_variant_id: str | None, delta: int, reason: str,
                     document_id: str | None) -> OutboxStep | None:
    """A direct stock delta for a POS-owned movement of a variant that exists on Wix."""
    if wix_product_id is None or delta == 0:
        return None
    return OutboxStep(f"stock:{variant_id}", StockDeltaMessage(
        variant_id, sku, wix_product_id, wix_variant_id, delta, reason, document_id))
