"""The counter-document half of the sync benchmark (`benchmarks/sync_bench.py`).

`build_documents` makes the offline week's documents for real: each original order is placed
on the fake Wix and recorded locally (as the order pull would), then the document is committed
through `ReturnsService.commit` while nothing is pushed, so the outbox holds exactly what the
counter wrote. `attribute` assigns every request of the fake's log to the document (or the
stock part) it served; `summarise` compares the requests per document with the fewest its
recipe allows; `verify` checks Wix's final state document by document.
"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from pos.db.engine import SessionFactory
from pos.db.orders import record_order
from pos.db.records import OutboxMessageRecord
from pos.db.returns import load_context
from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.sync.wix_orders import order_from_wix
from tests.fakes.wix import FakeWix, LoggedRequest
from tests.support.shop import Shop, build_shop
from tests.sync.test_push import mirror_catalogue

SHOP_STOCK = 100_000  # enough on the shelf (locally and on Wix) for every replacement item
EMAIL = "helene@example.fr"

# The mix of the week (shares of the documents), each with what its recipe sends.
MIX = (
    ("exchange", "same price (T-shirt M for L)", 0.175),
    ("exchange", "dearer item (T-shirt for scarf, 10.00 cash)", 0.175),
    ("refund", "to the card", 0.20),
    ("refund", "in cash (external refund)", 0.20),
    ("cancellation", "whole order, refunded to the card", 0.25),
)

# The fewest requests each recipe allows (docs/sync-push.md, wix-api.md §1.8 and §8):
# every write once, plus the reads the exactly-once read-back cannot do without (the
# baseline taken before the first attempt) and the GET wix-api.md §8 asks before a cancel
# (cancelling a CANCELED order is undocumented). No search is needed before the first
# create-order: the draft route is retry-safe through Wix's 409 (wix-api.md §7b).
RECIPES: dict[str, dict[str, dict[str, int]]] = {
    "exchange": {
        "writes": {
            "POST /ecom/v1/order-billing/refund-payments": 1,
            "POST /ecom/v1/draft-orders": 1,
            "POST /ecom/v1/draft-orders/{id}/create-order": 1,
            "POST /ecom/v1/payments/orders/{id}/add-payment": 1,
            "POST /ecom/v1/orders/{id}/activities/add": 2,
        },
        "reads": {
            "GET /ecom/v1/payments/orders/{id}": 2,  # refund ids (original), payment ids (new)
            "GET /ecom/v1/orders/{id}": 2,  # identical comments on each order
        },
    },
    "refund": {
        "writes": {"POST /ecom/v1/order-billing/refund-payments": 1},
        "reads": {"GET /ecom/v1/payments/orders/{id}": 1},
    },
    "cancellation": {
        "writes": {
            "POST /ecom/v1/orders/{id}/cancel": 1,
            "POST /ecom/v1/order-billing/refund-payments": 1,
        },
        "reads": {
            "GET /ecom/v1/orders/{id}": 1,  # GET before cancelling (skip if CANCELED)
            "GET /ecom/v1/payments/orders/{id}": 1,  # refund ids before the refund
        },
    },
}
EXTRA_READ_REASONS = {
    "POST /ecom/v1/orders/search": "the replacement step searches channelInfo.externalOrderId "
    "before its first attempt too; nothing can carry the exchange's id yet then (a lost "
    "answer or a crash goes through the read-back, which searches), so on a first attempt "
    "this read is avoidable",
}


@dataclass
class Doc:
    """One counter document of the backlog and what Wix should show once it is pushed."""

    kind: str  # exchange | refund | cancellation
    variant: str
    document_id: str
    number: str
    order_wix_id: str
    order_number: str
    refund_total: str  # the one refund expected on the original order
    new_total: str | None = None  # exchange: the replacement order's total
    new_payments: list[str] = field(default_factory=list)  # exchange: payment amounts
    new_sku: str | None = None
    stock: Counter[str] = field(default_factory=Counter)  # Wix stock change per SKU


def _order(shop: Shop, fake: FakeWix, items: list[tuple[str, int]]) -> tuple[int, str, str]:
    """An order placed on the fake and recorded locally: (local id, Wix id, number)."""
    order = fake.state.add_order(items, payments="card", email=EMAIL)
    data = order_from_wix(order, fake.state.get_transactions(order["id"]))
    with shop.sessions.begin() as s:
        local = record_order(s, data).id
    return local, str(order["id"]), str(order["number"])


def _lines_and_payments(shop: Shop, order_id: int) -> tuple[list[str], list[str]]:
    with shop.sessions() as s:
        snapshot = load_context(s, order_id).snapshot
    return [line.line_id for line in snapshot.lines], [p.payment_id for p in snapshot.payments]


def _one(shop: Shop, fake: FakeWix, variant: str) -> Doc:
    returns, manager = shop.returns, shop.manager
    if variant.startswith("same price"):
        order, wix_id, number = _order(shop, fake, [("T-S-M", 1)])
        (line,), _ = _lines_and_payments(shop, order)
        new = returns.new_item(order_id=order, code="T-S-L")
        draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),), (new,))
        done = returns.commit(manager, order, draft, [])
        return Doc("exchange", variant, done.document_id, done.number, wix_id, number, "29.90",
                   "29.90", ["29.90"], "T-S-L", Counter({"T-S-M": 1, "T-S-L": -1}))  # fmt: skip
    if variant.startswith("dearer"):
        order, wix_id, number = _order(shop, fake, [("T-S-M", 1)])
        (line,), _ = _lines_and_payments(shop, order)
        new = returns.new_item(order_id=order, code="ÉCH-M")
        draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),), (new,))
        tenders = [Tender(TenderMethod.CASH, Money(1000, "EUR"))]
        done = returns.commit(manager, order, draft, tenders)
        return Doc("exchange", variant, done.document_id, done.number, wix_id, number, "29.90",
                   "39.90", ["10.00", "29.90"], "ÉCH-M",
                   Counter({"T-S-M": 1, "ÉCH-M": -1}))  # fmt: skip
    if variant == "to the card":
        order, wix_id, number = _order(shop, fake, [("JEA-M", 2)])
        (line,), (payment,) = _lines_and_payments(shop, order)
        draft = Draft(DocumentKind.REFUND, (ReturnRequest(line, 1, reason="too small"),))
        tender = Tender(TenderMethod.ORIGINAL_PAYMENT, Money(7990, "EUR"), payment_id=payment)
        done = returns.commit(manager, order, draft, [tender])
        return Doc("refund", variant, done.document_id, done.number, wix_id, number, "79.90",
                   stock=Counter({"JEA-M": 1}))  # fmt: skip
    if variant.startswith("in cash"):
        order, wix_id, number = _order(shop, fake, [("T-S-S", 2)])
        (line,), _ = _lines_and_payments(shop, order)
        draft = Draft(DocumentKind.REFUND, (ReturnRequest(line, 1),))
        done = returns.commit(
            manager, order, draft, [Tender(TenderMethod.CASH, Money(2990, "EUR"))]
        )
        return Doc("refund", variant, done.document_id, done.number, wix_id, number, "29.90",
                   stock=Counter({"T-S-S": 1}))  # fmt: skip
    order, wix_id, number = _order(shop, fake, [("T-S-M", 1), ("JEA-L", 1)])
    _, (payment,) = _lines_and_payments(shop, order)
    draft = Draft(DocumentKind.CANCELLATION, note="Commande annulée à votre demande")
    tender = Tender(TenderMethod.ORIGINAL_PAYMENT, Money(10980, "EUR"), payment_id=payment)
    done = returns.commit(manager, order, draft, [tender])
    return Doc("cancellation", variant, done.document_id, done.number, wix_id, number, "109.80",
               stock=Counter({"T-S-M": 1, "JEA-L": 1}))  # fmt: skip


def build_documents(
    fake: FakeWix, sessions: SessionFactory, count: int, rng: random.Random
) -> list[Doc]:
    """`count` documents in the `MIX`, committed at the counter while offline (none pushed)."""
    shop = build_shop(sessions, stock=SHOP_STOCK)
    mirror_catalogue(shop, fake, stock=SHOP_STOCK)
    plan = [variant for _, variant, share in MIX for _ in range(round(share * count))]
    plan = (plan + [MIX[0][1]] * count)[:count]
    rng.shuffle(plan)
    return [_one(shop, fake, variant) for variant in plan]


# ---------------------------------------------------------------- attribution


_ID = re.compile(r"^[0-9a-fA-F-]{16,}$")


def is_read(endpoint: str) -> bool:
    method, path = endpoint.split(" ", 1)
    return method == "GET" or path.endswith(("/search", "/query"))


def endpoint_of(entry: LoggedRequest) -> str:
    path = "/".join("{id}" if _ID.match(part) else part for part in entry.path.split("/"))
    return f"{entry.method} {path}"


def _keys(entry: LoggedRequest) -> list[str]:
    keys = [part for part in entry.path.split("/") if part]
    body = entry.body if isinstance(entry.body, dict) else {}
    keys += [str(body[k]) for k in ("orderId", "id") if body.get(k)]
    search = (body.get("search") or {}).get("filter") or {}
    found = (search.get("channelInfo.externalOrderId") or {}).get("$eq")
    if found:
        keys.append(str(found))
    return keys


def attribute(
    entries: list[LoggedRequest], docs: list[Doc], sessions: SessionFactory
) -> tuple[dict[str, Counter[str]], Counter[str], list[str]]:
    """Requests per document (by endpoint), the stock part's requests, and the unattributed.

    A request names its document by the original order's id, the exchange's id (the search),
    or the replacement order's or draft's id (from the journal). A draft creation names
    nothing: it belongs to the create-order that follows it (the pusher is sequential).
    """
    index = {}
    for doc in docs:
        index[doc.order_wix_id] = index[doc.document_id] = doc.document_id
    with sessions() as s:
        for record in s.scalars(
            select(OutboxMessageRecord).where(
                OutboxMessageRecord.kind == "wix.create_replacement_order"
            )
        ):
            journal = record.journal or {}
            for key in ("order_id", "draft_id"):
                if journal.get(key):
                    index[str(journal[key])] = str(record.document_id)
    per_doc: dict[str, Counter[str]] = defaultdict(Counter)
    stock: Counter[str] = Counter()
    unattributed: list[str] = []
    waiting_drafts: list[str] = []
    for entry in entries:
        endpoint = endpoint_of(entry)
        if entry.path.startswith("/stores/"):
            stock[endpoint] += 1
            continue
        if endpoint == "POST /ecom/v1/draft-orders":
            waiting_drafts.append(endpoint)
            continue
        owner = next((index[k] for k in _keys(entry) if k in index), None)
        if owner is None:
            unattributed.append(endpoint)
            continue
        per_doc[owner][endpoint] += 1
        for draft in waiting_drafts:
            per_doc[owner][draft] += 1
        waiting_drafts = []
    return per_doc, stock, unattributed + waiting_drafts


def summarise(docs: list[Doc], per_doc: dict[str, Counter[str]]) -> dict[str, Any]:
    """Per kind: requests per document by endpoint, reads vs writes, against the recipe."""
    out: dict[str, Any] = {}
    for kind, recipe in RECIPES.items():
        mine = [d for d in docs if d.kind == kind]
        if not mine:
            continue
        n = len(mine)
        totals = Counter[str]()
        for doc in mine:
            totals.update(per_doc.get(doc.document_id, Counter()))
        each = [sum(per_doc.get(d.document_id, Counter()).values()) for d in mine]
        reads = {e: c / n for e, c in sorted(totals.items()) if is_read(e)}
        writes = {e: c / n for e, c in sorted(totals.items()) if not is_read(e)}
        need_reads, need_writes = sum(recipe["reads"].values()), sum(recipe["writes"].values())
        extra = {
            e: round(c - recipe["reads"].get(e, 0), 3)
            for e, c in reads.items()
            if c > recipe["reads"].get(e, 0)
        }
        out[kind] = {
            "documents": n,
            "variants": dict(Counter(d.variant for d in mine)),
            "requests": sum(each),
            "requests_per_document": {
                "mean": round(sum(each) / n, 3),
                "min": min(each),
                "max": max(each),
            },
            "writes_per_document": _rounded(writes),
            "reads_per_document": _rounded(reads),
            "recipe_minimum": {
                "writes": need_writes,
                "reads": need_reads,
                "total": need_writes + need_reads,
                "reads_needed": recipe["reads"],
            },
            "writes_minimum_met": writes == {e: float(c) for e, c in recipe["writes"].items()},
            "reads_minimum_met": not extra and sum(reads.values()) == need_reads,
            "extra_reads_per_document": {
                e: {"count": c, "why": EXTRA_READ_REASONS.get(e, "")} for e, c in extra.items()
            },
        }
    return out


def _rounded(values: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 3) for k, v in values.items()} | {"total": round(sum(values.values()), 3)}


# ---------------------------------------------------------------- Wix's final state


def verify(fake: FakeWix, docs: list[Doc], stock_before: dict[str, int]) -> dict[str, Any]:
    """Wix after the push, counted document by document: every figure must be exact."""
    state = fake.state
    wrong: list[str] = []
    refunds = new_orders = comments = cancelled = payments = 0
    for doc in docs:
        made = state.get_transactions(doc.order_wix_id)["refunds"]
        refunds += len(made)
        totals = [
            sum((Decimal(t["amount"]["amount"]) for t in r["transactions"]), Decimal(0))
            for r in made
        ]
        if totals != [Decimal(doc.refund_total)]:
            wrong.append(f"{doc.number}: refunds {totals}, expected [{doc.refund_total}]")
        original = state.get_order(doc.order_wix_id)
        said = _comments(original)
        comments += len(said)
        replacements = state.orders_with_external_id(doc.document_id)
        new_orders += len(replacements)
        if doc.kind == "cancellation":
            cancelled += original["status"] == "CANCELED"
            if original["status"] != "CANCELED":
                wrong.append(f"{doc.number}: order still {original['status']}")
        if doc.kind != "exchange":
            if replacements or said:
                wrong.append(f"{doc.number}: unexpected replacement order or comment")
            continue
        if len(replacements) != 1:
            wrong.append(f"{doc.number}: {len(replacements)} replacement orders")
            continue
        (new,) = replacements
        paid = sorted(p["amount"]["amount"] for p in state.get_transactions(new["id"])["payments"])
        payments += len(paid)
        new_said = _comments(new)
        comments += len(new_said)
        checks = {
            "total": new["priceSummary"]["total"]["amount"] == doc.new_total,
            "sku": [li["physicalProperties"]["sku"] for li in new["lineItems"]] == [doc.new_sku],
            "channel": new["channelInfo"] == {"type": "POS", "externalOrderId": doc.document_id},
            "payments": paid == sorted(doc.new_payments),
            "comment on the original": said
            == [f"Exchange {doc.number}: replacement order {new['number']}"],
            "comment on the new order": new_said
            == [f"Exchange {doc.number} of order {doc.order_number}"],
        }
        wrong += [f"{doc.number}: {what} wrong" for what, ok in checks.items() if not ok]
    expected_stock = Counter(stock_before)
    for doc in docs:
        expected_stock.update(doc.stock)
    stock_wrong = [sku for sku, n in expected_stock.items() if state.stock(sku) != n]
    exchanges = sum(d.kind == "exchange" for d in docs)
    expected = {
        "refunds": len(docs),
        "new_orders": exchanges,
        "payments_on_new_orders": sum(len(d.new_payments) for d in docs),
        "comments": 2 * exchanges,
        "cancelled_orders": sum(d.kind == "cancellation" for d in docs),
    }
    found = {
        "refunds": refunds,
        "new_orders": new_orders,
        "payments_on_new_orders": payments,
        "comments": comments,
        "cancelled_orders": cancelled,
    }
    return {
        "expected": expected,
        "found": found,
        "orders_on_wix": len(state.orders),
        "orders_on_wix_expected": len(docs) + exchanges,
        "stock_skus_checked": len(expected_stock),
        "stock_wrong": stock_wrong,
        "stock_moved_by_wix": {
            sku: expected_stock[sku] - stock_before[sku] for sku in sorted(expected_stock)
        },
        "documents_wrong": len({w.split(":")[0] for w in wrong}),
        "first_problems": wrong[:5],
        "exact": not wrong
        and not stock_wrong
        and found == expected
        and len(state.orders) == len(docs) + exchanges,
    }


def _comments(order: dict[str, Any]) -> list[str]:
    return [
        a["merchantComment"]["message"]
        for a in order.get("activities") or []
        if a.get("type") == "MERCHANT_COMMENT"
    ]
