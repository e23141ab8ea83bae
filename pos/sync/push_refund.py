"""The refund step of a counter document: Refund Payments on the original order (wix-api.md §2.6).

The write-back (`pos.services.writeback`) stores the planned payment refunds and the request
they were planned from; before the first attempt the step plans again with what Wix's payments
can take now (`pos.domain.refund_plan`), so an online refund made since the last pull does not
turn into a refusal. What Wix cannot record is kept as the step's note.
"""

from __future__ import annotations

from typing import Any

from pos.domain.refund_plan import plan_request
from pos.sync import push_readback as rb
from pos.sync.push_readback import PushPayloadError, StepBase, StepContext, Verdict

MAX_REASON = 200


class RefundStep(StepBase):
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

    def _replan(self, transactions: dict[str, Any]) -> tuple[bool, bool]:
        """Place the refund again on what Wix's payments can take now (before the first try).

        An online refund made after the order was last pulled leaves less on a payment than
        the counter saw; Wix would refuse the planned amounts.

        Returns:
            (something to send, the plan changed); a note says what Wix could not take.
        """
        if not isinstance(self.request, dict):
            return True, False  # a step queued before plans were stored: sent as planned
        try:
            plan = plan_request(self.request, rb.payment_rooms(transactions, self.currency))
        except (KeyError, TypeError, ValueError):
            return True, False
        planned = [(p["payment_id"], p["minor"], p["external"]) for p in self.payments]
        if planned == [(r.payment_id, r.amount, r.external) for r in plan.refunds]:
            return True, False
        if plan.refunds:
            self.payments = self._payments([{"payment_id": r.payment_id, "amount_minor": r.amount,
                                             "external": r.external} for r in plan.refunds],
                                           self.currency)  # fmt: skip
            self.total = rb.amount(plan.recorded, self.currency)
        if plan.unrecorded:
            changed = (f"Wix's payments changed after the order was last read: "
                       f"{rb.amount(plan.recorded, self.currency)} {self.currency} recorded, "
                       f"{rb.amount(plan.unrecorded, self.currency)} {self.currency} could not "
                       "be" + ("" if plan.refunds else
                               "; nothing was sent: the returned lines are not marked refunded "
                               "or restocked on Wix") + ".")  # fmt: skip
            self.note = " ".join(filter(None, [self.note, changed]))
            self.reason = f"{self.reason}; {changed}"[:MAX_REASON]
        return bool(plan.refunds), True

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

    def use_plan(self, journal: dict[str, Any]) -> None:
        """Take the plan of the first attempt (kept in the journal) over the payload's: every
        attempt and read-back must expect what the first attempt sent."""
        self.note = str(journal.get("note") or self.note)
        self.reason = str(journal.get("planned_reason") or self.reason)
        planned = journal.get("planned")
        if isinstance(planned, list) and planned:
            self.payments = self._payments([{"payment_id": i, "amount_minor": m, "external": e}
                                            for i, m, e in planned], self.currency)  # fmt: skip
            self.total = rb.amount(sum(p["minor"] for p in self.payments), self.currency)

    def prepare(self, ctx: StepContext) -> Verdict | None:
        if "baseline" not in ctx.journal:  # kept from the first attempt on (read-back compares)
            found = rb.transactions(ctx.client, self.order_id)
            refunds = found.get("refunds") or []
            ctx.journal["baseline"] = {"refund_ids": sorted(rb.ids_of(refunds))}
            sendable, changed = self._replan(found)
            if not sendable:
                return Verdict(rb.APPLIED, journal={"not_sent": self.note})
            if changed or self.note:
                ctx.journal["planned"] = [[p["payment_id"], p["minor"], p["external"]]
                                          for p in self.payments]  # fmt: skip
                ctx.journal["planned_reason"] = self.reason
        else:
            self.use_plan(ctx.journal)
        ctx.journal["expected"] = self.expected()
        if self.note:
            ctx.journal["note"] = self.note
        return None

    def send(self, ctx: StepContext) -> dict[str, Any]:
        answer = ctx.client.write(
            "POST", "/ecom/v1/order-billing/refund-payments", self.body(), expect=("refund",)
        )
        return {"refund_id": (answer.get("refund") or {}).get("id")}
