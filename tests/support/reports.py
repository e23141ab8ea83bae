"""A shop with a week of returns for the Reports: refunds and exchanges, reasons, sizes,
tenders and two cashiers; and the figures computed again from the documents themselves."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from sqlalchemy import select

from pos.db.records import (
    CounterDocumentRecord,
    DocumentReturnLineRecord,
    DocumentTenderRecord,
    OrderLineRecord,
    OrderRecord,
    UserRecord,
    VariantRecord,
)
from pos.db.returns import load_context
from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from tests.support.shop import Shop, sell


def _lines(shop: Shop, order: int) -> list[str]:
    with shop.sessions() as s:
        context = load_context(s, order)
        assert context is not None
        return [line.line_id for line in context.snapshot.lines]


def _refund(shop: Shop, order: int, requests: list[ReturnRequest], method: TenderMethod,
            *, manager: bool = False) -> None:
    draft = Draft(DocumentKind.REFUND, tuple(requests))
    quote = shop.returns.quote(order, draft)
    tender = Tender(method, -quote.balance if quote.balance.is_negative() else quote.balance)
    if method is TenderMethod.ORIGINAL_PAYMENT:
        with shop.sessions() as s:
            context = load_context(s, order)
            assert context is not None
            payment = context.snapshot.payments[0].payment_id
        tender = Tender(method, tender.amount, payment_id=payment)
    shop.returns.commit(shop.manager if manager else shop.cashier, order, draft, [tender])


def busy_week(shop: Shop) -> None:
    """Sales of T-shirts, jeans and scarves; returns for several reasons and sizes."""
    tees = sell(shop, "80001", [("T-S-M", 4), ("T-S-L", 2), ("JEA-M", 2)])
    scarves = sell(shop, "80002", [("ÉCH-S", 3), ("T-S-S", 2)], days_ago=1)
    more = sell(shop, "80003", [("JEA-L", 5)], days_ago=2)
    sell(shop, "80004", [("ÉCH-M", 6)], days_ago=2)  # sold, never returned
    t_m, t_l, j_m = _lines(shop, tees)
    e_s, t_s = _lines(shop, scarves)
    (j_l,) = _lines(shop, more)
    _refund(shop, tees, [ReturnRequest(t_m, 2, reason="trop petit"),
                         ReturnRequest(j_m, 1, reason="défaut")], TenderMethod.CASH,
            manager=True)  # 139.70: over the cashier's threshold
    _refund(shop, tees, [ReturnRequest(t_l, 1, reason="trop petit")],
            TenderMethod.ORIGINAL_PAYMENT)
    _refund(shop, scarves, [ReturnRequest(e_s, 2, reason="couleur")], TenderMethod.CASH)
    shop.clock.advance(timedelta(hours=2))
    _refund(shop, more, [ReturnRequest(j_l, 1)], TenderMethod.NEW_GIFT_CARD)
    replacement = shop.returns.new_item(order_id=scarves, code="T-S-M")
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(t_s, 1, reason="trop petit"),),
                  (replacement,))
    shop.returns.commit(shop.cashier, scarves, draft, [])


def independent_figures(shop: Shop) -> dict[str, dict[str, tuple[int, int]]]:
    """Every section summed in Python from the documents' own rows (no report code)."""
    out: dict[str, dict[str, tuple[int, int]]] = {}

    def add(section: str, key: str, count: int, amount: int) -> None:
        have = out.setdefault(section, {}).get(key, (0, 0))
        out[section][key] = (have[0] + count, have[1] + amount)

    with shop.sessions() as s:
        users = dict(s.execute(select(UserRecord.id, UserRecord.username)).all())
        variants = {v.id: v for v in s.scalars(select(VariantRecord))}
        for doc in s.scalars(select(CounterDocumentRecord)):
            add("kind", doc.kind, 1, doc.balance_minor)
            for tender in s.scalars(select(DocumentTenderRecord).where(
                    DocumentTenderRecord.document_id == doc.id)):
                if tender.direction == "out":
                    paid = tender.amount_minor - tender.change_minor
                    add("refund_to", tender.method, 1, paid)
                    add("refund_by", users.get(doc.cashier_id, "-"), 1, paid)
            for ret in s.scalars(select(DocumentReturnLineRecord).where(
                    DocumentReturnLineRecord.document_id == doc.id)):
                line = s.get(OrderLineRecord, ret.order_line_id)
                assert line is not None and line.variant_id is not None
                variant = variants[line.variant_id]
                add("reason", ret.reason or "-", ret.quantity, ret.credit_minor)
                add("product", str(variant.product_id), ret.quantity, ret.credit_minor)
                add("size", variant.options["Taille"], ret.quantity, ret.credit_minor)
        sold: Counter[str] = Counter()
        for line in s.scalars(select(OrderLineRecord).join(OrderRecord)):
            sold[str(variants[line.variant_id].product_id)] += line.quantity
    out["sold"] = {key: (units, 0) for key, units in sold.items()}
    return out


def eur(minor: int) -> Money:
    return Money(minor, "EUR")
