"""The refund step of a counter document: Refund Payments on the original order (wix-api.md §2.6).

The write-back (`pos.services.writeback`) stores the planned payment refunds and the request
they were planned from; before the first attempt the step plans again with what Wix's payments
can take now (`pos.domain.refund_plan`), so an online refund made since the last pull does not
turn into a refusal. What Wix cannot record is kept as the step's note.
"""

from __future__ import annotations

from typing import Any

from pos.domain.refund_plan import PaymentRefund, plan_request
from pos.domain.wix_fields import LineQuantity, read_payment_refunds
from pos.domain.wix_steps import RefundMessage, StepKind
from pos.sync import push_readback as rb
from pos.sync.push_readback import StepBase, StepContext, Verdict

MAX_REASON = 200


class RefundStep(StepBase):
    """Refund Payments on the original order, with Wix restocking what goes back on the shelf."""

    kind = StepKind.REFUND

    def __init__(self, message: RefundMessage) -> None:
        self.order_id = message.ref.order_id
        self.currency = currency = message.ref.currency
        self.line_items = [_line(line) for line in message.line_items]
        self.restock = [_line(line) for line in message.restock_line_items]
        self.payments = self._payments(message.payment_refunds, currency)
        self.request = message.refund_request
        self.note = message.note
        self.reason = message.reason[:MAX_REASON]
        self.total = rb.amount(sum(p["minor"] for p in self.payments), currency)
        shipping = message.shipping_minor
        self.shipping = rb.amount(shipping, currency) if shipping else None

    def _replan(self, transactions: dict[str, Any]) -> tuple[bool, bool]:
        """Place the refund again on what Wix's payments can take now (before the first try).

        An online refund made after the order was last pulled leaves less on a payment than
        the counter saw; Wix would refuse the planned amounts.

        Returns:
            (something to send, the plan changed); a note says what Wix could not take.
        """
        if self.request is None:
            return True, False  # a step queued before plans were stored: sent as planned
        plan = plan_request(self.request, rb.payment_rooms(transactions, self.currency))
        planned = [(p["payment_id"], p["minor"], p["external"]) for p in self.payments]
        if planned == [(r.payment_id, r.amount, r.external) for r in plan.refunds]:
            return True, False
        if plan.refunds:
            self.payments = self._payments(plan.refunds, self.currency)
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
    def _payments(refunds: tuple[PaymentRefund, ...], currency: str) -> list[dict[str, Any]]:
        return [
            {
                "payment_id": r.payment_id,
                "minor": r.amount,
                "amount": rb.amount(r.amount, currency),
                "external": r.external,
            }
            for r in refunds
        ]

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
            entries = [{"payment_id": i, "amount_minor": m, "external": e} for i, m, e in planned]
            self.payments = self._payments(read_payment_refunds(entries), self.currency)
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


def _line(line: LineQuantity) -> dict[str, Any]:
    """A line as Wix's refund and restock lists take it."""
    return {"lineItemId": line.line_item_id, "quantity": line.quantity}
