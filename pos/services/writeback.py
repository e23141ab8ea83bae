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
              quote: Quote) -> StockOwnership:
    """Who moves the stock of this document's lines (DESIGN §7 "one owner per movement")."""
    if not order_on_wix:
        return StockOwnership(False, False)
    all_restocked = all(part.disposition is Disposition.RESTOCK for part in quote.returns)
    if kind is DocumentKind.CANCELLATION:
        return StockOwnership(all_restocked, False)  # restockAllItems, or the POS pushes
    return StockOwnership(True, api_orders_move_stock)


def _refund_lines(data: WritebackInput, *, restock: bool) -> tuple[list[dict[str, Any]], ...]:
    lines, restocked = [], []
    for part in data.quote.returns:
        wix_line = data.wix_line_ids.get(part.line_id)
        entry = {"line_item_id": wix_line, "quantity": part.quantity}
        lines.append(entry)
        if restock and part.disposition is Disposition.RESTOCK:
            restocked.append(entry)
    return lines, restocked


def _payment_refunds(data: WritebackInput) -> list[dict[str, Any]]:
    """Original-payment refunds as tendered; the rest recorded as external on the payments.

    Money the shop gave back itself (cash, a new gift card, store credit) or kept as exchange
    credit is recorded on Wix as an external refund, spread over the order's payments in
    order within what each can still take.
    """
    quote = data.quote
    total = quote.returned_credit + quote.shipping_refund - quote.fees.total
    refunds: list[dict[str, Any]] = []
    room = dict(data.payment_refundable)
    for tender in data.settlement.tenders:
        if tender.method is TenderMethod.ORIGINAL_PAYMENT and tender.payment_id:
            method = data.payment_methods.get(tender.payment_id, PaymentMethod.OTHER)
            refunds.append({"payment_id": data.wix_payment_ids.get(tender.payment_id),
                            "amount_minor": tender.amount.minor,
                            "external": method is PaymentMethod.CASH})
            room[tender.payment_id] = room.get(tender.payment_id, 0) - tender.amount.minor
    external = total.minor - sum(r["amount_minor"] for r in refunds)
    for payment_id, wix_id in data.wix_payment_ids.items():
        part = min(max(room.get(payment_id, 0), 0), external)
        if part > 0:
            refunds.append({"payment_id": wix_id, "amount_minor": part, "external": True})
            external -= part
    return refunds


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
    money_back = quote.returned_credit + quote.shipping_refund - quote.fees.total
    if quote.balance_kind is BalanceKind.NONE:
        money_back = Money.zero(quote.currency)  # cancelled without refund: no money moves
    if quote.returns and (money_back.minor > 0 or quote.kind is not DocumentKind.CANCELLATION):
        restock = owner.returns_restocked_by_wix and quote.kind is not DocumentKind.CANCELLATION
        lines, restocked = _refund_lines(data, restock=restock)
        steps.append(Step("wix.refund", key, {
            **base, "line_items": lines, "restock_line_items": restocked,
            "shipping_minor": quote.shipping_refund.minor,
            "payment_refunds": _payment_refunds(data) if money_back.minor > 0 else [],
            "reason": f"{quote.kind.value} {data.document_number}"[:200]}))
    if quote.kind is DocumentKind.EXCHANGE:
        steps.extend(_exchange_steps(data, key, base))
    return steps


def _exchange_steps(data: WritebackInput, key: str, base: dict[str, Any]) -> list[Step]:
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
            **base, "target": "original",
            "message": f"Exchange {data.document_number}: replacement order {{replacement}}"}),
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
