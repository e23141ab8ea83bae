"""Reading Wix back after an attempt whose outcome is unknown, and what the push steps share.

DESIGN §7: a timeout, a dropped connection, a 5xx or a crash while in flight is never answered
by sending again blindly. Each step's `prepare` (in `pos.sync.push_steps`) journals a baseline
from before its first attempt (the order's refund ids, payment ids, identical comments); the
read-back compares Wix now with that baseline. Comparing ids, not timestamps, keeps the local
clock and Wix's clock out of the decision. The money strings and small helpers the steps share
sit at the end (payloads are checked by `pos.domain.wix_steps`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from pos.domain.money import Money
from pos.domain.states import OrderStatus
from pos.domain.wix_fields import StepPayloadError
from pos.domain.wix_steps import StepKind
from pos.sync import problems as pb
from pos.sync.client import WixClient, WixRefusedError
from pos.sync.problems import Problem

if TYPE_CHECKING:
    from pos.sync.push_steps import PushStep

APPLIED, NOT_APPLIED, UNDECIDED = "applied", "not_applied", "undecided"
READ_BACK = "read_back"  # a refusal that means "look at Wix" rather than "park"
_TRANSACTIONS = ("orderTransactions",)


@dataclass(frozen=True, slots=True)
class Verdict:
    """What Wix shows about one step: applied, not applied, or undecided (with why).

    Attributes:
        outcome: `APPLIED`, `NOT_APPLIED` or `UNDECIDED`.
        reason: Plain words for a manager (undecided) or the log.
        journal: Facts to record on the message (what Wix returned, or the numbers seen).
        problem: An undecided verdict's reason as a code, for the screen's language.
    """

    outcome: str
    reason: str = ""
    journal: dict[str, Any] = field(default_factory=dict)
    orphan_drafts: int = 0  # drafts Wix may hold whose id was never received
    problem: Problem | None = None


class StepBase:
    """What every push step has: its outbox kind, a note to keep once done (why Wix could not
    be told everything); by default a refusal parks the message."""

    kind: StepKind
    note = ""

    def refused(self, error: WixRefusedError) -> str | None:
        """`READ_BACK` when this refusal may mean "already done", else None (park)."""
        return None


@dataclass(slots=True)
class StepContext:
    """What a step may use: the client, the message's journal, a way to commit it mid-step."""

    client: WixClient
    journal: dict[str, Any]
    save: Callable[[dict[str, Any]], None]  # merges and commits; the message stays in flight


# ---------------------------------------------------------------- reads


def transactions(client: WixClient, order_id: str) -> dict[str, Any]:
    """An order's ``orderTransactions`` (payments and refunds)."""
    answer = client.read("GET", f"/ecom/v1/payments/orders/{order_id}", expect=_TRANSACTIONS)
    found = answer["orderTransactions"]
    return found if isinstance(found, dict) else {}


def get_order(client: WixClient, order_id: str) -> dict[str, Any]:
    """The order, as Get Order returns it."""
    order = client.read("GET", f"/ecom/v1/orders/{order_id}", expect=("order",))["order"]
    return order if isinstance(order, dict) else {}


def get_draft(client: WixClient, draft_id: str) -> dict[str, Any] | None:
    """A draft order as Get Draft Order returns it; None when Wix says it does not exist."""
    try:
        path = f"/ecom/v1/draft-orders/{draft_id}"
        answer = client.read("GET", path, expect=("calculatedDraftOrder",))
    except WixRefusedError as error:
        if error.status != 404:
            raise
        return None
    draft = (answer.get("calculatedDraftOrder") or {}).get("draftOrder")
    return draft if isinstance(draft, dict) else {}


def orders_with_external_id(client: WixClient, external_id: str) -> list[dict[str, Any]]:
    """Orders whose ``channelInfo.externalOrderId`` is `external_id` (an equality-only field)."""
    body = {
        "search": {
            "filter": {"channelInfo.externalOrderId": {"$eq": external_id}},
            "cursorPaging": {"limit": 10},
        }
    }
    # An answer without its list must not read as "no such order": that could send twice.
    orders = client.read("POST", "/ecom/v1/orders/search", body, expect=("orders",))["orders"]
    return (
        [order for order in orders if isinstance(order, dict)] if isinstance(orders, list) else []
    )


REFUNDABLE_STATUSES = frozenset({"APPROVED", "PARTIALLY_REFUNDED"})


def payment_rooms(found: dict[str, Any], currency: str) -> dict[str, int]:
    """What each payment of an order's transactions can still be refunded, in minor units.

    A payment Wix will not refund (voided, declined, ``refundDisabled``...) has no room.
    """
    given: Counter[str] = Counter()
    for refund in found.get("refunds") or []:
        for txn in (refund.get("transactions") or []) if isinstance(refund, dict) else []:
            value = _decimal(txn.get("amount")) if isinstance(txn, dict) else None
            if value is not None and txn.get("refundStatus") != "FAILED":
                given[str(txn.get("paymentId"))] += Money.from_decimal(value, currency).minor
    rooms = {}
    for payment in found.get("payments") or []:
        if not isinstance(payment, dict) or not payment.get("id"):
            continue
        value = _decimal(payment.get("amount"))
        usable = payment.get("status") in REFUNDABLE_STATUSES and not payment.get("refundDisabled")
        paid = Money.from_decimal(value, currency).minor if value is not None and usable else 0
        rooms[str(payment["id"])] = max(paid - given[str(payment["id"])], 0)
    return rooms


def order_result(order: dict[str, Any]) -> dict[str, Any]:
    """What later steps need of a new order: its id and number."""
    return {"order_id": order.get("id"), "order_number": order.get("number")}


def ids_of(items: list[Any]) -> set[str]:
    return {str(item["id"]) for item in items if isinstance(item, dict) and item.get("id")}


def comment_count(order: dict[str, Any], message: str) -> int:
    """How many merchant comments of `order` say exactly `message`."""
    return sum(
        1
        for activity in order.get("activities") or []
        if isinstance(activity, dict)
        and (activity.get("merchantComment") or {}).get("message") == message
    )


def _decimal(raw: Any) -> Decimal | None:
    value = raw.get("amount") if isinstance(raw, dict) else raw
    try:
        return Decimal(str(value)) if value is not None else None
    except InvalidOperation:
        return None


def _baseline(ctx: StepContext, key: str) -> Any:
    return (ctx.journal.get("baseline") or {}).get(key)


# ---------------------------------------------------------------- per step


def several_orders(count: int, external_id: str) -> Problem:
    """Undecided: `count` Wix orders carry one exchange's id (one was expected)."""
    return Problem(pb.SEVERAL_ORDERS, {"count": count, "external_id": external_id})


def read_back(step: PushStep, ctx: StepContext) -> Verdict:
    """Decide from Wix whether `step`'s last attempt was applied.

    Raises:
        WixError: Wix could not be read (the message stays in flight; read again later).
    """
    readers: dict[StepKind, Callable[[Any, StepContext], Verdict]] = {
        StepKind.REFUND: _refund,
        StepKind.REPLACEMENT_ORDER: _replacement,
        StepKind.ADD_PAYMENT: _payment,
        StepKind.COMMENT: _comment,
        StepKind.CANCEL: _cancel,
        StepKind.DELETE_DRAFT: _delete_draft,
    }
    return readers[step.kind](step, ctx)


def _refund(step: Any, ctx: StepContext) -> Verdict:
    step.use_plan(ctx.journal)  # what the first attempt sent, if Wix's payments changed
    baseline = _baseline(ctx, "refund_ids")
    if baseline is None:
        return Verdict(UNDECIDED, "the refunds on Wix before the attempt were not recorded",
                       problem=Problem(pb.NOT_RECORDED, {"what": "refunds"}))
    refunds = transactions(ctx.client, step.order_id).get("refunds") or []
    new = [r for r in refunds if isinstance(r, dict) and r.get("id") not in set(baseline)]
    matching = [r for r in new if _refund_matches(r, step)]
    seen = {"new_refunds": [[r.get("id"), str(_refund_total(r))] for r in new]}
    if len(matching) == 1:
        return Verdict(APPLIED, journal={"refund_id": matching[0].get("id")})
    if len(matching) > 1:
        return Verdict(UNDECIDED, f"{len(matching)} refunds of {step.total} for these lines "
                       f"appeared on order {step.order_id} since the first attempt; one was "
                       "expected", seen, problem=Problem(pb.SEVERAL_REFUNDS, {
                           "count": len(matching), "total": step.total,
                           "order": step.order_id}))  # fmt: skip
    if any(_refund_total(r) == Decimal(step.total) for r in new):
        return Verdict(UNDECIDED, f"a refund of {step.total} for other lines appeared on order "
                       f"{step.order_id} since the first attempt", seen,
                       problem=Problem(pb.OTHER_REFUND, {"total": step.total,
                                                         "order": step.order_id}))  # fmt: skip
    return Verdict(NOT_APPLIED, "no such refund on Wix", seen)


def _refund_total(refund: dict[str, Any]) -> Decimal:
    return sum(
        (_decimal(t.get("amount")) or Decimal(0) for t in refund.get("transactions") or []),
        Decimal(0),
    )


def _refund_matches(refund: dict[str, Any], step: Any) -> bool:
    paid = Counter(
        (t.get("paymentId"), _decimal(t.get("amount"))) for t in refund.get("transactions") or []
    )
    wanted = Counter((p["payment_id"], Decimal(p["amount"])) for p in step.payments)
    lines = Counter()  # type: Counter[str]
    for entry in (refund.get("details") or {}).get("lineItems") or []:
        lines[entry.get("lineItemId")] += entry.get("quantity") or 0
    expected = Counter()  # type: Counter[str]
    for entry in step.line_items:
        expected[entry["lineItemId"]] += entry["quantity"]
    return paid == wanted and lines == expected


def _replacement(step: Any, ctx: StepContext) -> Verdict:
    draft_id = ctx.journal.get("draft_id")
    gone = False
    if draft_id:
        draft = get_draft(ctx.client, draft_id)
        gone = draft is None
        if draft and draft.get("orderId"):
            order = get_order(ctx.client, draft["orderId"])
            return Verdict(APPLIED, journal={"draft_id": draft_id, **order_result(order)})
    found = orders_with_external_id(ctx.client, step.external_id)
    if len(found) == 1:
        return Verdict(APPLIED, journal=order_result(found[0]))
    if len(found) > 1:
        return Verdict(UNDECIDED, f"{len(found)} Wix orders carry this exchange's id "
                       f"{step.external_id}; one was expected",
                       {"order_ids": [o.get("id") for o in found]},
                       problem=several_orders(len(found), step.external_id))  # fmt: skip
    # A draft POST whose answer was lost may have left a draft we cannot name: counted once.
    lost = bool(ctx.journal.get("draft_posting")) and not draft_id
    journal = {"draft_id": None} if gone else {}
    return Verdict(NOT_APPLIED, "no order for this exchange on Wix",
                   {**journal, "draft_posting": None}, orphan_drafts=int(lost))  # fmt: skip


def _payment(step: Any, ctx: StepContext) -> Verdict:
    baseline = _baseline(ctx, "payment_ids")
    if baseline is None:
        return Verdict(UNDECIDED, "the payments on Wix before the attempt were not recorded",
                       problem=Problem(pb.NOT_RECORDED, {"what": "payments"}))
    payments = transactions(ctx.client, step.order_id).get("payments") or []
    new = [p for p in payments if isinstance(p, dict) and p.get("id") not in set(baseline)]
    got = Counter(_decimal(p.get("amount")) for p in new)
    wanted = Counter(Decimal(p["amount"]) for p in step.payments)
    seen = {"new_payments": [[p.get("id"), str(_decimal(p.get("amount")))] for p in new]}
    if not new:
        return Verdict(NOT_APPLIED, "no such payment on Wix", seen)
    if got == wanted:
        return Verdict(APPLIED, journal={"payment_ids": [p.get("id") for p in new]})
    shown = ", ".join(p["amount"] for p in step.payments)
    return Verdict(UNDECIDED, f"other payments than the expected ({shown}) appeared on order "
                   f"{step.order_id} since the first attempt", seen,
                   problem=Problem(pb.OTHER_PAYMENTS, {"expected": shown,
                                                       "order": step.order_id}))  # fmt: skip


def _comment(step: Any, ctx: StepContext) -> Verdict:
    before = _baseline(ctx, "same_comments")
    if before is None:
        return Verdict(UNDECIDED, "the comments on Wix before the attempt were not recorded",
                       problem=Problem(pb.NOT_RECORDED, {"what": "comments"}))
    now = comment_count(get_order(ctx.client, step.order_id), step.message)
    if now == before:
        return Verdict(NOT_APPLIED, "the comment is not on Wix")
    if now == before + 1:
        return Verdict(APPLIED, journal={"order_id": step.order_id})
    return Verdict(UNDECIDED, f"the comment appears {now - before} times on order "
                   f"{step.order_id}; once was expected", {"same_comments_now": now},
                   problem=Problem(pb.REPEATED_COMMENT, {"times": now - before,
                                                         "order": step.order_id}))  # fmt: skip


def _delete_draft(step: Any, ctx: StepContext) -> Verdict:
    draft = get_draft(ctx.client, step.draft_id)
    if draft is None:
        return Verdict(APPLIED, journal={"gone": True})
    if draft.get("status") == "COMMITTED" or draft.get("orderId"):
        return Verdict(APPLIED, journal={"kept": "committed: an order was made from it"})
    return Verdict(NOT_APPLIED, "the draft is still on Wix")


def _cancel(step: Any, ctx: StepContext) -> Verdict:
    status = get_order(ctx.client, step.order_id).get("status")
    if status == OrderStatus.CANCELED:
        return Verdict(APPLIED, journal={"status": status})
    return Verdict(NOT_APPLIED, f"the order is still {status} on Wix")


# ---------------------------------------------------------------- payload checks


# A step's payload cannot be sent as it is; the message says why, in plain words. One class
# for both sides: the message types raise it when a payload is malformed.
PushPayloadError = StepPayloadError


def amount(minor: int, currency: str) -> str:
    """Minor units as Wix's exact decimal string (2990 EUR -> "29.90")."""
    return format(Money(minor, currency).to_decimal(), "f")


def price(minor: int, currency: str) -> dict[str, str]:
    return {"amount": amount(minor, currency)}


def replacement_order(replacement: dict[str, Any] | None, what: str) -> tuple[str, str]:
    order_id = (replacement or {}).get("order_id")
    if not isinstance(order_id, str) or not order_id:
        raise PushPayloadError(
            f"the {what} step needs the exchange's replacement order, "
            "which is not recorded as created on Wix"
        )
    return order_id, str((replacement or {}).get("order_number") or "")


def method_name(method: str) -> dict[str, Any]:
    if method == "cash":
        return {"userDefinedName": {"predefined": "CASH"}}
    return {"userDefinedName": {"custom": method.replace("_", " ")}}


def without_change(parts: list[tuple[str, int]], total: int) -> list[tuple[str, int]]:
    """Take the cash change out of the cash parts: what was handed over above the total."""
    excess = sum(minor for _, minor in parts) - total
    kept = []
    for method, minor in reversed(parts):
        if excess > 0 and method == "cash":
            taken = min(excess, minor)
            minor, excess = minor - taken, excess - taken
        kept.append((method, minor))
    return list(reversed(kept))
