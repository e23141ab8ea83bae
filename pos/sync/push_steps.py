"""The Wix write-back steps of a counter document: payload checks, reads before, the write.

One class per outbox kind (docs/counter-documents.md, wix-api.md §3.7); the refund's is in
`pos.sync.push_refund`. `prepare` reads what
the read-back will need (the baseline) or finds the step already done; `send` makes the write
(never retried by the client); `refused` says whether a refusal means "read back" instead of
"park". The read-backs themselves live in `pos.sync.push_readback`.
"""

from __future__ import annotations

from typing import Any

from pos.domain.money import allocate
from pos.sync import push_readback as rb
from pos.sync.client import WixRefusedError
from pos.sync.push_readback import PushPayloadError, StepBase, StepContext, Verdict
from pos.sync.push_refund import RefundStep

STORES_APP_ID = "215238eb-22a5-4c36-9e7b-e7c08025e04e"  # wix-api.md §2.5, catalogReference
REPLACEMENT_KIND = "wix.create_replacement_order"
MAX_COMMENT = 5000
MAX_CANCEL_MESSAGE = 1000


# ---------------------------------------------------------------- replacement order


class ReplacementOrderStep(StepBase):
    """A new POS order for the exchange's new items: a draft, then Create Order From Draft."""

    kind = REPLACEMENT_KIND

    def __init__(self, payload: dict[str, Any]) -> None:
        what = "replacement order"
        self.external_id = str(rb.need(payload, "external_order_id", str, what))
        self.currency = rb.currency_of(payload, what)
        email = payload.get("buyer_email")
        self.buyer_email = email if isinstance(email, str) and email else None
        lines = payload.get("line_items")
        if not isinstance(lines, list) or not lines:
            raise PushPayloadError("the replacement order step has no items")
        self.lines = [line for entry in lines for line in self._catalog_lines(entry)]

    def _catalog_lines(self, entry: Any) -> list[dict[str, Any]]:
        product_id = entry.get("product_id") if isinstance(entry, dict) else None
        if not isinstance(product_id, str) or not product_id:
            raise PushPayloadError("an item of the replacement order is not a Wix product")
        quantity = rb.count(entry, "quantity", "replacement order", minimum=1)
        total = rb.count(entry, "total_minor", "replacement order", minimum=0)
        reference: dict[str, Any] = {"catalogItemId": product_id, "appId": STORES_APP_ID}
        if isinstance(entry.get("variant_id"), str) and entry["variant_id"]:
            reference["options"] = {"variantId": entry["variant_id"]}
        # The unit price is total / quantity; when it does not divide, the units are split
        # into two lines whose prices differ by one minor unit, so the total stays exact.
        units = allocate(total, [1] * quantity)
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

    kind = "wix.add_payment"

    def __init__(self, payload: dict[str, Any], replacement: dict[str, Any] | None) -> None:
        what = "payment"
        currency = rb.currency_of(payload, what)
        total = rb.count(payload, "amount_minor", what, minimum=1)
        parts = payload.get("parts")
        if not isinstance(parts, list) or not parts:
            raise PushPayloadError("the payment step has no parts")
        amounts = [
            (str(rb.need(p, "method", str, what)), rb.count(p, "amount_minor", what, minimum=0))
            for p in parts
        ]
        amounts = rb.without_change(amounts, total)
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

    kind = "wix.comment"

    def __init__(self, payload: dict[str, Any], replacement: dict[str, Any] | None) -> None:
        what = "comment"
        target = payload.get("target")
        message = str(rb.need(payload, "message", str, what))
        if target == "original":
            self.order_id = str(rb.need(payload, "order_id", str, what))
        elif target == "replacement":
            self.order_id, _ = rb.replacement_order(replacement, what)
        else:
            raise PushPayloadError(
                f"the comment step's target {target!r} is not 'original' or 'replacement'"
            )
        if "{replacement}" in message:
            _, number = rb.replacement_order(replacement, what)
            message = message.replace("{replacement}", number or "(number unknown)")
        self.message = message[:MAX_COMMENT]
        self.note = str(payload.get("note") or "")

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

    kind = "wix.cancel"

    def __init__(self, payload: dict[str, Any]) -> None:
        self.order_id = str(rb.need(payload, "order_id", str, "cancellation"))
        self.restock = payload.get("restock_all_items", False)
        self.email = payload.get("send_order_canceled_email", False)
        if not isinstance(self.restock, bool) or not isinstance(self.email, bool):
            raise PushPayloadError("the cancellation step's flags are not true/false")
        self.message = str(payload.get("custom_message") or "")[:MAX_CANCEL_MESSAGE]

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
            "status": "CANCELED",
            "restock_all_items": self.restock,
        }
        if rb.get_order(ctx.client, self.order_id).get("status") == "CANCELED":
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

    kind = "wix.delete_draft"

    def __init__(self, payload: dict[str, Any]) -> None:
        self.draft_id = str(rb.need(payload, "draft_id", str, "draft deletion"))

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


Step = (
    RefundStep | ReplacementOrderStep | AddPaymentStep | CommentStep | CancelStep | DeleteDraftStep
)


def build_step(kind: str, payload: Any, replacement: dict[str, Any] | None) -> Step:
    """The step for an outbox message, its payload checked.

    Raises:
        PushPayloadError: The payload is malformed or a prerequisite is missing.
    """
    if not isinstance(payload, dict):
        raise PushPayloadError("the step's payload is not an object")
    if kind == RefundStep.kind:
        return RefundStep(payload)
    if kind == ReplacementOrderStep.kind:
        return ReplacementOrderStep(payload)
    if kind == AddPaymentStep.kind:
        return AddPaymentStep(payload, replacement)
    if kind == CommentStep.kind:
        return CommentStep(payload, replacement)
    if kind == CancelStep.kind:
        return CancelStep(payload)
    if kind == DeleteDraftStep.kind:
        return DeleteDraftStep(payload)
    raise PushPayloadError(f"Comptoir does not know how to send a {kind!r} step to Wix")
