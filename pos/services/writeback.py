"""The Wix write-back steps of a committed counter document (DESIGN §7, wix-api.md §3).

Each step is its own outbox message so a crash between steps resumes at the right one; all
steps of one order share the object key `order:<wix id>`, so they are sent in order. Stock
deltas are written only for movements no Wix order call carries ("one owner per movement").
This module decides *what* to send; `pos.sync` decides *how* (issue 5).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pos.domain.money import Money
from pos.domain.refund_plan import RefundPlan, plan_request
from pos.domain.returns import Disposition, DocumentKind, Quote
from pos.domain.settlement import BalanceKind, PaymentMethod, Settlement, TenderMethod

WIX = "wix"


@dataclass(frozen=True, slots=True)
class Step:
    kind: str
    object_key: str
    payload: dict[str, Any]


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
    new_items: list[dict[str, Any]] = field(default_factory=list)
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


def _refund_lines(data: WritebackInput, *, restock: bool) -> tuple[list[dict[str, Any]], ...]:
    lines, restocked = [], []
    for part in data.quote.returns:
        wix_line = data.wix_line_ids.get(part.line_id)
        entry = {"line_item_id": wix_line, "quantity": part.quantity}
        lines.append(entry)
        if restock and part.disposition is Disposition.RESTOCK:
            restocked.append(entry)
    return lines, restocked


def money_back(quote: Quote) -> Money:
    """What the document gives back or keeps as credit (nothing for a cancellation without)."""
    if quote.balance_kind is BalanceKind.NONE:
        return Money.zero(quote.currency)  # cancelled without refund: no money moves
    return quote.returned_credit + quote.shipping_refund - quote.fees.total


def refund_request(data: WritebackInput) -> dict[str, Any]:
    """What the refund asks of Wix's payments, before any plan (kept in the step's payload).

    ``original``: the cashier's refunds to original payments; ``external_minor``: the money
    given back at the counter or kept as exchange credit; ``payments``: the order's Wix
    payments in order, with ``gift_card`` and ``room`` (what each could still take).
    """
    original: list[dict[str, Any]] = []
    for tender in data.settlement.tenders:
        if tender.method is TenderMethod.ORIGINAL_PAYMENT and tender.payment_id:
            method = data.payment_methods.get(tender.payment_id, PaymentMethod.OTHER)
            original.append({"payment_id": data.wix_payment_ids.get(tender.payment_id) or "",
                             "amount_minor": tender.amount.minor,
                             "external": method is PaymentMethod.CASH})
    payments = [{"payment_id": wix_id,
                 "gift_card": data.payment_methods.get(local) is PaymentMethod.GIFT_CARD,
                 "room": max(data.payment_refundable.get(local, 0), 0)}
                for local, wix_id in data.wix_payment_ids.items() if wix_id]
    given = money_back(data.quote).minor - sum(entry["amount_minor"] for entry in original)
    return {"original": original, "external_minor": max(given, 0), "payments": payments}


def plan_of(request: dict[str, Any]) -> RefundPlan:
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


def steps_for(data: WritebackInput, owner: StockOwnership) -> list[Step]:
    """Outbox steps for the Wix order this document changes (none for a local-only order)."""
    if data.order_wix_id is None:
        return []
    key = f"order:{data.order_wix_id}"
    quote = data.quote
    steps: list[Step] = []
    base = {"document_id": data.document_id, "document_number": data.document_number,
            "order_id": data.order_wix_id, "currency": quote.currency}
    if quote.kind is DocumentKind.CANCELLATION:
        steps.append(Step("wix.cancel", key, {
            **base, "restock_all_items": owner.returns_restocked_by_wix,
            "send_order_canceled_email": data.notify_customer, "custom_message": data.note}))
    request = refund_request(data)
    plan = plan_of(request)
    note = refund_note(data, plan) if plan.unrecorded > 0 or (
        quote.returns and not plan.refunds and quote.kind is not DocumentKind.CANCELLATION
    ) else ""
    if quote.returns and plan.refunds:
        restock = owner.returns_restocked_by_wix and quote.kind is not DocumentKind.CANCELLATION
        lines, restocked = _refund_lines(data, restock=restock)
        steps.append(Step("wix.refund", key, {
            **base, "line_items": lines, "restock_line_items": restocked,
            "shipping_minor": quote.shipping_refund.minor,
            "payment_refunds": [{"payment_id": r.payment_id, "amount_minor": r.amount,
                                 "external": r.external} for r in plan.refunds],
            "refund_request": request, "note": note,
            "reason": _reason(data, plan)}))
    if quote.kind is DocumentKind.EXCHANGE:
        steps.extend(_exchange_steps(data, key, base, note))
    elif note and not plan.refunds:  # no refund to carry the figures: a comment says them
        steps.append(Step("wix.comment", key, {
            **base, "target": "original", "message": note, "note": note}))
    return steps


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


def _exchange_steps(data: WritebackInput, key: str, base: dict[str, Any],
                    note: str) -> list[Step]:
    quote = data.quote
    credit_used = min(quote.new_items_total.minor,
                      (quote.returned_credit - quote.fees.total).minor)
    change = data.settlement.change_due.minor  # cash handed over beyond the balance
    collected = [{"method": t.method.value,
                  "amount_minor": t.amount.minor - (change if t.method is TenderMethod.CASH else 0),
                  "reference": t.reference} for t in data.settlement.tenders
                 if data.settlement.direction.value == "collect"]
    return [
        Step("wix.create_replacement_order", key, {
            **base, "external_order_id": data.document_id, "buyer_email": data.buyer_email,
            "line_items": data.new_items}),
        Step("wix.add_payment", key, {
            **base, "amount_minor": quote.new_items_total.minor,
            "parts": [{"method": "exchange_credit", "amount_minor": credit_used}, *collected]}),
        Step("wix.comment", key, {
            **base, "target": "original", "note": note,
            "message": f"Exchange {data.document_number}: replacement order {{replacement}}"
                       + (f". {note}" if note else "")}),
        Step("wix.comment", key, {
            **base, "target": "replacement",
            "message": f"Exchange {data.document_number} of order {data.order_number}"}),
    ]


def stock_delta_step(*, variant_id: int, sku: str, wix_product_id: str | None,
                     wix_variant_id: str | None, delta: int, reason: str,
                     document_id: str | None) -> Step | None:
    """A direct stock delta for a POS-owned movement of a variant that exists on Wix."""
    if wix_product_id is None or delta == 0:
        return None
    return Step("wix.stock_delta", f"stock:{variant_id}", {
        "variant_id": variant_id, "sku": sku, "product_id": wix_product_id,
        "wix_variant_id": wix_variant_id, "delta": delta, "reason": reason,
        "document_id": document_id})


def money_payload(amount: Money) -> dict[str, Any]:
    return {"minor": amount.minor, "currency": amount.currency}
