"""The Wix write-back steps of a counter document: reads before, the write, the refusals.

One class per outbox kind (docs/counter-documents.md, wix-api.md §3.7), each built from the
typed message of `pos.domain.wix_steps` (which checked the payload); the refund's is in
`pos.sync.push_refund`. `prepare` reads what
the read-back will need (the baseline) or finds the step already done; `send` makes the write
(never retried by the client); `refused` says whether a refusal means "read back" instead of
"park". The read-backs themselves live in `pos.sync.push_readback`.
"""

from __future__ import annotations

from typing import Any

from pos.domain.money import allocate
from pos.domain.states import OrderStatus
from pos.domain.wix_steps import (
    AddPaymentMessage,
    CancelMessage,
    CommentMessage,
    CommentTarget,
    DeleteDraftMessage,
    RefundMessage,
    ReplacementItem,
    ReplacementOrderMessage,
    StepKind,
    StockDeltaMessage,
    from_payload,
)
from pos.sync import push_readback as rb
from pos.sync.client import WixRefusedError
from pos.sync.push_readback import PushPayloadError, StepBase, StepContext, Verdict
from pos.sync.push_refund import RefundStep

STORES_APP_ID = "215238eb-22a5-4c36-9e7b-e7c08025e04e"  # wix-api.md §2.5, catalogReference
MAX_COMMENT = 5000
MAX_CANCEL_MESSAGE = 1000


# ---------------------------------------------------------------- replacement order


class ReplacementOrderStep(StepBase):
    """A new POS order for the exchange's new items: a draft, then Create Order From Draft."""

    kind = StepKind.REPLACEMENT_ORDER

    def __init__(self, message: ReplacementOrderMessage) -> None:
        self.external_id = message.external_order_id
        self.currency = message.ref.currency
        self.buyer_email = message.buyer_email
        self.lines = [line for item in message.line_items for line in self._catalog_lines(item)]

    def _catalog_lines(self, item: ReplacementItem) -> list[dict[str, Any]]:
        reference: dict[str, Any] = {"catalogItemId": item.product_id, "appId": STORES_APP_ID}
        if item.variant_id:
            reference["options"] = {"variantId": item.variant_id}
        # The unit price is total / quantity; when it does not divide, the units are split
        # into two lines whose prices differ by one minor unit, so the total stays exact.
        units = allocate(item.total_minor, [1] * item.quantity)
        groups: dict[int, int] = {}
        for unit in units:
            groups[unit] = groups.get(unit, 0) + 1
        return [
            {
                "catalogReference": reference,
                "quantity": units_at_price,
                "price": rb.price(unit, self.currency),
            }
            for unit, units_at_price in groups.items()
        ]

    def draft_body(self) -> dict[str, Any]:
        draft: dict[str, Any] = {"catalogLineItems": self.lines}
        if self.buyer_email:
            draft["buyerInfo"] = {"email": self.buyer_email}
        return {"draftOrder": draft}

    def prepare(self, ctx: StepContext) -> Verdict | None:
        # Before the first attempt nothing on Wix can carry this exchange's id: the search is
        # only needed once an attempt may have been sent (its journal then holds "expected").
        first_attempt = "expected" not in ctx.journal
        ctx.journal["expected"] = {"external_order_id": self.external_id, "lines": len(self.lines)}
        if first_attempt:
            return None
        found = rb.orders_with_external_id(ctx.client, self.external_id)
        if len(found) == 1:  # created earlier (its outcome was lost): never a second order
            return Verdict(rb.APPLIED, journal=rb.order_result(found[0]))
        if len(found) > 1:
            return Verdict(
                rb.UNDECIDED,
                f"{len(found)} Wix orders already carry this exchange's id {self.external_id}",
                {"order_ids": [o.get("id") for o in found]},
                problem=rb.several_orders(len(found), self.external_id),
            )
        return None

    def send(self, ctx: StepContext) -> dict[str, Any]:
        draft_id = ctx.journal.get("draft_id")
        if not draft_id:
            # Journaled first: if the answer is lost, a draft may be left on Wix whose id we
            # never learn (Wix cannot list drafts); the read-back counts it (`drafts_unknown`).
            ctx.save({"draft_posting": True})
            answer = ctx.client.write(
                "POST", "/ecom/v1/draft-orders", self.draft_body(), expect=("calculatedDraftOrder",)
            )
            draft_id = ((answer["calculatedDraftOrder"] or {}).get("draftOrder") or {}).get("id")
            if not isinstance(draft_id, str) or not draft_id:
                raise PushPayloadError("Wix created a draft order but did not say its id")
            # committed: a crash now resumes at create-order
            ctx.save({"draft_id": draft_id, "draft_posting": None})
        body = {"channelInfo": {"type": "POS", "externalOrderId": self.external_id}}
        answer = ctx.client.write(
            "POST", f"/ecom/v1/draft-orders/{draft_id}/create-order", body, expect=("createdOrder",)
        )
        return {"draft_id": draft_id, **rb.order_result(answer["createdOrder"])}

    def refused(self, error: WixRefusedError) -> str | None:
        if error.code in ("DRAFT_ORDER_ALREADY_COMMITTED", "DRAFT_ORDER_DOES_NOT_EXIST"):
            return rb.READ_BACK
        return None


# ---------------------------------------------------------------- payment on the new order


class AddPaymentStep(StepBase):
    """The new order's payment, recorded offline: the exchange credit plus what was collected."""

    kind = StepKind.ADD_PAYMENT

    def __init__(self, message: AddPaymentMessage, replacement: dict[str, Any] | None) -> None:
        what = "payment"
        currency, total = message.ref.currency, message.amount_minor
        amounts = rb.without_change([(p.method, p.amount_minor) for p in message.parts], total)
        if sum(minor for _, minor in amounts) != total:
            raise PushPayloadError(
                f"the payment parts ({rb.amount(sum(m for _, m in amounts), currency)}) do not add "
                f"up to the new order's total ({rb.amount(total, currency)})"
            )
        self.order_id, _ = rb.replacement_order(replacement, what)
        self.payments = [
            {"method": method, "amount": rb.amount(minor, currency)}
            for method, minor in amounts
            if minor > 0
        ]

    def body(self) -> dict[str, Any]:
        return {
            "orderId": self.order_id,
            "payments": [
                {
                    "amount": {"amount": p["amount"]},
                    "regularPaymentDetails": {
                        "offlinePayment": True,
                        "paymentMethodName": rb.method_name(p["method"]),
                    },
                }
                for p in self.payments
            ],
        }

    def prepare(self, ctx: StepContext) -> Verdict | None:
        if "baseline" not in ctx.journal:
            payments = rb.transactions(ctx.client, self.order_id).get("payments") or []
            ctx.journal["baseline"] = {"payment_ids": sorted(rb.ids_of(payments))}
        ctx.journal["expected"] = {"order_id": self.order_id, "payments": self.payments}
        return None

    def send(self, ctx: StepContext) -> dict[str, Any]:
        answer = ctx.client.write(
            "POST",
            f"/ecom/v1/payments/orders/{self.order_id}/add-payment",
            self.body(),
            expect=("paymentsIds",),
        )
        return {"order_id": self.order_id, "payment_ids": answer.get("paymentsIds")}


# ---------------------------------------------------------------- comments


class CommentStep(StepBase):
    """A merchant comment on the original or the replacement order, naming the other one."""

    kind = StepKind.COMMENT

    def __init__(self, message: CommentMessage, replacement: dict[str, Any] | None) -> None:
        what = "comment"
        text = message.message
        if message.target is CommentTarget.ORIGINAL:
            self.order_id = message.ref.order_id
        else:
            self.order_id, _ = rb.replacement_order(replacement, what)
        if "{replacement}" in text:
            _, number = rb.replacement_order(replacement, what)
            text = text.replace("{replacement}", number or "(number unknown)")
        self.message = text[:MAX_COMMENT]
        self.note = message.note

    def body(self) -> dict[str, Any]:
        return {
            "orderId": self.order_id,
            "orderActivities": [
                {"activityType": "MERCHANT_COMMENT", "merchantComment": {"message": self.message}}
            ],
        }

    def prepare(self, ctx: StepContext) -> Verdict | None:
        if "baseline" not in ctx.journal:
            order = rb.get_order(ctx.client, self.order_id)
            ctx.journal["baseline"] = {"same_comments": rb.comment_count(order, self.message)}
        ctx.journal["expected"] = {"order_id": self.order_id, "message": self.message}
        return None

    def send(self, ctx: StepContext) -> dict[str, Any]:
        answer = ctx.client.write(
            "POST",
            f"/ecom/v1/orders/{self.order_id}/activities/add",
            self.body(),
            expect=("activityIds",),
        )
        ids = answer.get("activityIds") or [None]
        return {"order_id": self.order_id, "activity_id": ids[0]}


# ---------------------------------------------------------------- cancel


class CancelStep(StepBase):
    """Cancel the original order (GET first: an order already CANCELED is left alone)."""

    kind = StepKind.CANCEL

    def __init__(self, message: CancelMessage) -> None:
        self.order_id = message.ref.order_id
        self.restock = message.restock_all_items
        self.email = message.send_order_canceled_email
        self.message = message.custom_message[:MAX_CANCEL_MESSAGE]

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "id": self.order_id,
            "sendOrderCanceledEmail": self.email,
            "restockAllItems": self.restock,
        }
        if self.message:
            body["customMessage"] = self.message
        return body

    def prepare(self, ctx: StepContext) -> Verdict | None:
        ctx.journal["expected"] = {
            "order_id": self.order_id,
            "status": OrderStatus.CANCELED.value,
            "restock_all_items": self.restock,
        }
        if rb.get_order(ctx.client, self.order_id).get("status") == OrderStatus.CANCELED:
            return Verdict(rb.APPLIED, journal={"already_canceled": True})
        return None

    def send(self, ctx: StepContext) -> dict[str, Any]:
        answer = ctx.client.write(
            "POST", f"/ecom/v1/orders/{self.order_id}/cancel", self.body(), expect=("order",)
        )
        return {"status": (answer.get("order") or {}).get("status")}

    def refused(self, error: WixRefusedError) -> str | None:
        return rb.READ_BACK if error.code == "ORDER_ALREADY_CANCELED" else None


# ---------------------------------------------------------------- abandoned draft


class DeleteDraftStep(StepBase):
    """Delete a draft order Comptoir abandoned (drafts made from scratch never expire)."""

    kind = StepKind.DELETE_DRAFT

    def __init__(self, message: DeleteDraftMessage) -> None:
        self.draft_id = message.draft_id

    def prepare(self, ctx: StepContext) -> Verdict | None:
        ctx.journal["expected"] = {"draft_id": self.draft_id, "gone": True}
        return None

    def send(self, ctx: StepContext) -> dict[str, Any]:
        ctx.client.write("DELETE", f"/ecom/v1/draft-orders/{self.draft_id}", None)
        return {"deleted": True}

    def refused(self, error: WixRefusedError) -> str | None:
        if error.code in ("DRAFT_ORDER_DOES_NOT_EXIST", "DRAFT_ORDER_CANNOT_BE_DELETED"):
            return rb.READ_BACK  # already gone, or committed (an order was made from it)
        return None


PushStep = (
    RefundStep | ReplacementOrderStep | AddPaymentStep | CommentStep | CancelStep | DeleteDraftStep
)


def build_step(kind: str, payload: Any, replacement: dict[str, Any] | None) -> PushStep:
    """The step for an outbox message, its payload read as its typed message.

    Raises:
        PushPayloadError: The payload is malformed or a prerequisite is missing.
    """
    message = from_payload(kind, payload)
    match message:
        case RefundMessage():
            return RefundStep(message)
        case ReplacementOrderMessage():
            return ReplacementOrderStep(message)
        case AddPaymentMessage():
            return AddPaymentStep(message, replacement)
        case CommentMessage():
            return CommentStep(message, replacement)
        case CancelMessage():
            return CancelStep(message)
        case DeleteDraftMessage():
            return DeleteDraftStep(message)
        case StockDeltaMessage():  # sent in bulk by pos.sync.stock_push, never one by one
            raise PushPayloadError("a stock change is not sent as a document step")
