"""The Wix write-back steps of a counter document: payload checks, reads before, the write.

One class per outbox kind (docs/counter-documents.md, wix-api.md §3.7). `prepare` reads what
the read-back will need (the baseline) or finds the step already done; `send` makes the write
(never retried by the client); `refused` says whether a refusal means "read back" instead of
"park". The read-backs themselves live in `pos.sync.push_readback`.
"""

from __future__ import annotations

from typing import Any

from pos.domain.money import allocate
from pos.domain.refund_plan import plan_request
from pos.sync import push_readback as rb
from pos.sync.client import WixRefusedError
from pos.sync.push_readback import PushPayloadError, StepContext, Verdict

STORES_APP_ID = "215238eb-22a5-4c36-9e7b-e7c08025e04e"  # wix-api.md §2.5, catalogReference
REPLACEMENT_KIND = "wix.create_replacement_order"
MAX_COMMENT = 5000
MAX_CANCEL_MESSAGE = 1000
MAX_REASON = 200


# ---------------------------------------------------------------- refund


class _Step:
    """What every step has: its outbox kind, a note to keep once done (why Wix could not be
    told everything); by default a refusal parks the message."""

    kind = ""
    note = ""

    def refused(self, error: WixRefusedError) -> str | None:
        """`READ_BACK` when this refusal may mean "already done", else None (park)."""
        return None


class RefundStep(_Step):
    """Refund Payments on the original order, with Wix restocking what goes back on the shelf."""

    kind = "wix.refund"

    def __init__(self, payload: dict[str, Any]) -> None:
        what = "refund"
        self.order_id = str(rb.need(payload, "order_id", str, what))
        currency = rb.currency_of(payload, what)
        self.line_items = rb.line_quantities(payload, "line_items", what)
        self.restock = rb.line_quantities(payload, "restock_line_items", what)
        shipping = payload.get("shipping_minor", 0)
        if isinstance(shipping, bool) or not isinstance(shipping, int) or shipping < 0:
            raise PushPayloadError(
                f"the refund step has an invalid 'shipping_minor' ({shipping!r})"
            )
        self.currency = currency
        self.payments = self._payments(payload.get("payment_refunds"), currency)
        self.request = payload.get("refund_request")
        self.note = str(payload.get("note") or "")
        self.reason = str(payload.get("reason") or "")[:MAX_REASON]
        self.total = rb.amount(sum(p["minor"] for p in self.payments), currency)
        self.shipping = rb.amount(shipping, currency) if shipping else None

    def _replan(self, transactions: dict[str, Any]) -> bool:
        """Place the refund again on what Wix's payments can take now (before the first try).

        An online refund made after the order was last pulled leaves less on a payment than
        the counter saw; Wix would refuse the planned amounts. Returns False when no payment
        can take anything (nothing to send).
        """
        if not isinstance(self.request, dict):
            return True  # a step queued before plans were stored: sent as planned
        try:
            plan = plan_request(self.request, rb.payment_rooms(transactions, self.currency))
        except (KeyError, TypeError, ValueError):
            return True
        planned = [(p["payment_id"], p["minor"], p["external"]) for p in self.payments]
        if planned == [(r.payment_id, r.amount, r.external) for r in plan.refunds]:
            return True
        if plan.refunds:
            self.payments = self._payments([{"payment_id": r.payment_id, "amount_minor": r.amount,
                                             "external": r.external} for r in plan.refunds],
                                           self.currency)  # fmt: skip
            self.total = rb.amount(plan.recorded, self.currency)
        self.note = " ".join(filter(None, [self.note, (
            f"Wix's payments changed after the order was last read: "
            f"{rb.amount(plan.recorded, self.currency)} {self.currency} recorded, "
            f"{rb.amount(plan.unrecorded, self.currency)} {self.currency} could not be.")]))
        return bool(plan.refunds)

    @staticmethod
    def _payments(entries: Any, currency: str) -> list[dict[str, Any]]:
        if not isinstance(entries, list) or not entries:
            raise PushPayloadError(
                "the refund step names no payment to refund; Wix needs at least one"
            )
        payments = []
        for entry in entries:
            payment_id = entry.get("payment_id") if isinstance(entry, dict) else None
            if not isinstance(payment_id, str) or not payment_id:
                raise PushPayloadError("a payment of the refund step has no Wix payment id")
            minor = rb.count(entry, "amount_minor", "refund", minimum=1)
            payments.append(
                {
                    "payment_id": payment_id,
                    "minor": minor,
                    "amount": rb.amount(minor, currency),
                    "external": bool(entry.get("external", True)),
                }
            )
        return payments

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "orderId": self.order_id,
            "paymentRefunds": [
                {
                    "paymentId": p["payment_id"],
                    "amount": {"amount": p["amount"]},
                    "externalRefund": p["external"],
                }
                for p in self.payments
            ],
            "refundItems": {"lineItems": self.line_items},
        }
        if self.shipping:
            body["refundItems"]["shipping"] = {"amount": {"amount": self.shipping}}
        if self.restock:
            body["sideEffects"] = {"restock": {"lineItems": self.restock}}
        if self.reason:
            body["customerReason"] = self.reason
        return body

    def expected(self) -> dict[str, Any]:
        return {
            "order_id": self.order_id,
            "total": self.total,
            "line_items": self.line_items,
            "payments": {p["payment_id"]: p["amount"] for p in self.payments},
            "restock": self.restock,
        }

    def prepare(self, ctx: StepContext) -> Verdict | None:
        if "baseline" not in ctx.journal:  # kept from the first attempt on (read-back compares)
            found = rb.transactions(ctx.client, self.order_id)
            refunds = found.get("refunds") or []
            ctx.journal["baseline"] = {"refund_ids": sorted(rb.ids_of(refunds))}
            if not self._replan(found):
                return Verdict(rb.APPLIED, journal={"not_sent": self.note})
            if self.note:
                ctx.journal["planned"] = [[p["payment_id"], p["minor"], p["external"]]
                                          for p in self.payments]  # fmt: skip
        else:
            self.note = str(ctx.journal.get("note") or self.note)
        if "planned" in ctx.journal and isinstance(ctx.journal["planned"], list):
            self.payments = self._payments([{"payment_id": i, "amount_minor": m, "external": e}
                                            for i, m, e in ctx.journal["planned"]],
                                           self.currency)  # fmt: skip
            self.total = rb.amount(sum(p["minor"] for p in self.payments), self.currency)
        ctx.journal["expected"] = self.expected()
        if self.note:
            ctx.journal["note"] = self.note
        return None

    def send(self, ctx: StepContext) -> dict[str, Any]:
        answer = ctx.client.write(
            "POST", "/ecom/v1/order-billing/refund-payments", self.body(), expect=("refund",)
        )
        return {"refund_id": (answer.get("refund") or {}).get("id")}


# ---------------------------------------------------------------- replacement order


class ReplacementOrderStep(_Step):
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
            )
        return None

    def send(self, ctx: StepContext) -> dict[str, Any]:
        draft_id = ctx.journal.get("draft_id")
        if not draft_id:
            answer = ctx.client.write(
                "POST", "/ecom/v1/draft-orders", self.draft_body(), expect=("calculatedDraftOrder",)
            )
            draft_id = ((answer["calculatedDraftOrder"] or {}).get("draftOrder") or {}).get("id")
            if not isinstance(draft_id, str) or not draft_id:
                raise PushPayloadError("Wix created a draft order but did not say its id")
            ctx.save({"draft_id": draft_id})  # committed: a crash now resumes at create-order
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


class AddPaymentStep(_Step):
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


class CommentStep(_Step):
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


class CancelStep(_Step):
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


Step = RefundStep | ReplacementOrderStep | AddPaymentStep | CommentStep | CancelStep


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
    raise PushPayloadError(f"Comptoir does not know how to send a {kind!r} step to Wix")
