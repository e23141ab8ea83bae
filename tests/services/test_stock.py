"""StockService on both databases: counts, items to inspect, refusals, races, the audit chain."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import func, select

from pos.db.audit import verify_chain
from pos.db.engine import SessionFactory
from pos.db.records import (
    AuditEntryRecord,
    DocumentReturnLineRecord,
    OrderLineRecord,
    OutboxMessageRecord,
    ProductRecord,
    StockLevelRecord,
    StockMovementRecord,
    VariantRecord,
)
from pos.db.returns import load_context
from pos.domain.money import Money
from pos.domain.returns import Disposition, DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.services.errors import PermissionDeniedError
from pos.services.stock import InspectionOutcome, StockError, StockService
from tests.support.shop import NOW, Shop, build_shop, on_hand, sell


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    return build_shop(sessions)


@pytest.fixture
def stock(shop: Shop) -> StockService:
    return StockService(sessions=shop.sessions, clock=shop.clock)


def refund(shop: Shop, number: str, sku: str, disposition: Disposition) -> str:
    """Sell one `sku` and refund it to the card with `disposition`; returns the document id."""
    order = sell(shop, number, [(sku, 1)])
    with shop.sessions() as s:
        snapshot = load_context(s, order).snapshot  # type: ignore[union-attr]
    line, payment = snapshot.lines[0].line_id, snapshot.payments[0].payment_id
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(line, 1, disposition),))
    due = shop.returns.quote(order, draft).balance
    tender = Tender(
        TenderMethod.ORIGINAL_PAYMENT, Money(-due.minor, due.currency), payment_id=payment
    )
    return shop.returns.commit(shop.cashier, order, draft, [tender]).document_id


def return_line(shop: Shop, document_id: str) -> int:
    with shop.sessions() as s:
        return s.scalars(
            select(DocumentReturnLineRecord.id).where(
                DocumentReturnLineRecord.document_id == document_id
            )
        ).one()


def messages(shop: Shop, kind: str = "wix.stock_delta") -> list[OutboxMessageRecord]:
    with shop.sessions() as s:
        return list(
            s.scalars(
                select(OutboxMessageRecord)
                .where(OutboxMessageRecord.kind == kind)
                .order_by(OutboxMessageRecord.id)
            )
        )


def movements(shop: Shop, reason: str) -> list[StockMovementRecord]:
    with shop.sessions() as s:
        return list(
            s.scalars(
                select(StockMovementRecord)
                .where(StockMovementRecord.reason == reason)
                .order_by(StockMovementRecord.id)
            )
        )


def last_audit(shop: Shop) -> AuditEntryRecord:
    with shop.sessions() as s:
        return s.scalars(select(AuditEntryRecord).order_by(AuditEntryRecord.id.desc())).first()  # type: ignore[return-value]


def refused(code: str, call: Any, *args: Any, **kwargs: Any) -> StockError:
    with pytest.raises(StockError) as error:
        call(*args, **kwargs)
    assert error.value.code == code
    return error.value


# ---------------------------------------------------------------- reading


def test_variant_stock_by_id_sku_and_barcode(shop: Shop, stock: StockService) -> None:
    by_id = stock.variant_stock(shop.variants["T-S-M"])
    assert (by_id.sku, by_id.name, by_id.options) == ("T-S-M", "T-shirt coton bio", {"Taille": "M"})
    assert (by_id.on_hand, by_id.wix_quantity, by_id.pending_push_delta) == (5, None, 0)
    assert by_id.available is None  # never pulled from Wix
    assert stock.variant_stock("T-S-M") == by_id == stock.variant_stock(" 20000001 ")
    refused("variant_not_found", stock.variant_stock, "NOPE")
    refused("variant_not_found", stock.variant_stock, 999_999)


def test_variant_stock_counts_movements_not_pushed_yet(shop: Shop, stock: StockService) -> None:
    with shop.sessions.begin() as s:
        s.get(StockLevelRecord, shop.variants["JEA-L"]).wix_quantity = 5  # type: ignore[union-attr]
    stock.adjust(shop.manager, variant_id=shop.variants["JEA-L"], counted=2, reason="casse")
    view = stock.variant_stock("JEA-L")
    assert (view.on_hand, view.wix_quantity, view.pending_push_delta, view.available) == (
        2,
        5,
        -3,
        2,
    )
    with shop.sessions.begin() as s:  # the sync engine pushed it
        for movement in s.scalars(select(StockMovementRecord)):
            movement.pushed_at = NOW
    assert stock.variant_stock("JEA-L").pending_push_delta == 0


# ---------------------------------------------------------------- adjust


@pytest.mark.parametrize(("counted", "delta"), [(3, -2), (8, 3), (0, -5)])
def test_adjust_moves_by_the_difference_and_queues_it(
    shop: Shop, stock: StockService, counted: int, delta: int
) -> None:
    variant = shop.variants["T-S-M"]
    moved = stock.adjust(
        shop.manager, variant_id=variant, counted=counted, reason="  inventaire du lundi "
    )
    assert (moved.before, moved.after, moved.delta, moved.reason) == (5, counted, delta, "adjust")
    assert moved.note == "inventaire du lundi" and moved.created_at == NOW
    assert on_hand(shop, "T-S-M") == counted
    (movement,) = movements(shop, "adjust")
    assert (movement.id, movement.delta, movement.owner) == (moved.movement_id, delta, "pos")
    assert (movement.user_id, movement.note) == (shop.manager.user_id, "inventaire du lundi")
    assert movement.document_id is None and movement.pushed_at is None
    (message,) = messages(shop)
    assert (message.id, message.destination, message.object_key, message.document_id) == (
        moved.outbox_message_id,
        "wix",
        f"stock:{variant}",
        None,
    )
    assert message.payload == {
        "version": 1,
        "variant_id": variant,
        "sku": "T-S-M",
        "product_id": "wix-prod-0",
        "wix_variant_id": "wv-T-S-M",
        "delta": delta,
        "reason": "adjust",
        "document_id": None,
    }
    entry = last_audit(shop)
    assert (entry.action, entry.subject, entry.actor_id) == (
        "stock_adjusted",
        "sku:T-S-M",
        shop.manager.user_id,
    )
    assert {k: entry.data[k] for k in ("before", "after", "delta", "reason")} == {
        "before": 5,
        "after": counted,
        "delta": delta,
        "reason": "inventaire du lundi",
    }


def test_a_count_equal_to_the_figure_moves_nothing_but_is_audited(
    shop: Shop, stock: StockService
) -> None:
    moved = stock.adjust(
        shop.manager, variant_id=shop.variants["T-S-M"], counted=5, reason="contrôle"
    )
    assert (moved.delta, moved.movement_id, moved.outbox_message_id) == (0, None, None)
    assert movements(shop, "adjust") == [] and messages(shop) == []
    assert last_audit(shop).data["delta"] == 0


def test_a_variant_without_stock_row_is_counted_from_zero(shop: Shop, stock: StockService) -> None:
    with shop.sessions.begin() as s:
        s.delete(s.get(StockLevelRecord, shop.variants["ÉCH-S"]))
    moved = stock.adjust(shop.manager, variant_id=shop.variants["ÉCH-S"], counted=2, reason="reçu")
    assert (moved.before, moved.delta) == (0, 2)
    assert on_hand(shop, "ÉCH-S") == 2


def test_a_local_only_variant_moves_but_sends_nothing_to_wix(
    shop: Shop, stock: StockService
) -> None:
    with shop.sessions.begin() as s:
        product = ProductRecord(name="Sac en toile", category="accessories")
        s.add(product)
        s.flush()
        variant = VariantRecord(
            product_id=product.id, sku="SAC-U", price_minor=1500, currency="EUR"
        )
        s.add(variant)
        s.flush()
        variant_id = variant.id
    moved = stock.adjust(shop.manager, variant_id=variant_id, counted=12, reason="livraison")
    assert (moved.delta, moved.outbox_message_id) == (12, None)
    assert stock.variant_stock("SAC-U").on_hand == 12
    assert messages(shop) == []


def test_a_cashier_may_not_adjust(shop: Shop, stock: StockService) -> None:
    with pytest.raises(PermissionDeniedError):
        stock.adjust(shop.cashier, variant_id=shop.variants["T-S-M"], counted=1, reason="x")
    assert on_hand(shop, "T-S-M") == 5 and messages(shop) == []


@pytest.mark.parametrize(
    ("counted", "reason", "code"),
    [
        (-1, "casse", "negative_count"),
        (100_000, "casse", "count_too_large"),
        (2.0, "casse", "invalid_count"),
        (True, "casse", "invalid_count"),
        (2, "   ", "reason_required"),
        (2, "x" * 201, "text_too_long"),
    ],
)
def test_bad_counts_and_reasons_are_refused(
    shop: Shop, stock: StockService, counted: Any, reason: str, code: str
) -> None:
    audited = last_audit(shop).id
    refused(
        code,
        stock.adjust,
        shop.manager,
        variant_id=shop.variants["T-S-M"],
        counted=counted,
        reason=reason,
    )
    assert on_hand(shop, "T-S-M") == 5 and movements(shop, "adjust") == []
    assert last_audit(shop).id == audited


def test_adjusting_an_unknown_variant_is_refused(shop: Shop, stock: StockService) -> None:
    refused(
        "variant_not_found", stock.adjust, shop.manager, variant_id=999_999, counted=1, reason="x"
    )


def test_concurrent_counts_each_apply_to_the_figure_they_locked(
    shop: Shop, stock: StockService
) -> None:
    # Two managers confirm the same count at once: the second sees the first's result,
    # so the stock moves once, not twice.
    results = _race(
        lambda: stock.adjust(
            shop.manager, variant_id=shop.variants["T-S-L"], counted=2, reason="inventaire"
        )
    )
    assert sorted(r.delta for r in results) == [-3, 0, 0, 0]
    assert on_hand(shop, "T-S-L") == 2 and len(messages(shop)) == 1


# ---------------------------------------------------------------- inspection


def test_a_return_to_inspect_waits_without_moving_stock(shop: Shop, stock: StockService) -> None:
    document = refund(shop, "20001", "JEA-M", Disposition.INSPECT)
    assert on_hand(shop, "JEA-M") == 5
    assert messages(shop) == []
    (wix_refund,) = messages(shop, "wix.refund")
    assert wix_refund.payload["restock_line_items"] == []  # Wix does not restock it either
    (item,) = stock.awaiting_inspection()
    assert (item.return_line_id, item.order_number, item.document_number) == (
        return_line(shop, document),
        "20001",
        "T1-000001",
    )
    assert (item.sku, item.product_name, item.quantity, item.variant_id) == (
        "JEA-M",
        "Jean droit",
        1,
        shop.variants["JEA-M"],
    )
    assert item.settled_state is None and item.returned_at == NOW


def test_only_unsettled_inspect_lines_wait(shop: Shop, stock: StockService) -> None:
    refund(shop, "20002", "T-S-S", Disposition.RESTOCK)
    refund(shop, "20003", "T-S-S", Disposition.DAMAGED)
    first = refund(shop, "20004", "T-S-S", Disposition.INSPECT)
    refund(shop, "20005", "T-S-M", Disposition.INSPECT)
    assert [i.order_number for i in stock.awaiting_inspection()] == ["20004", "20005"]
    stock.settle_inspection(
        shop.manager, return_line_id=return_line(shop, first), outcome="write_off"
    )
    assert [i.order_number for i in stock.awaiting_inspection()] == ["20005"]


def test_restocking_an_inspected_item_raises_stock_and_queues_the_delta(
    shop: Shop, stock: StockService
) -> None:
    document = refund(shop, "20010", "JEA-M", Disposition.INSPECT)
    line = return_line(shop, document)
    item = stock.settle_inspection(
        shop.manager, return_line_id=line, outcome=InspectionOutcome.RESTOCK, note=" intact "
    )
    assert (item.settled_state, item.settled_at, item.settled_by_id) == (
        "restocked",
        NOW,
        shop.manager.user_id,
    )
    assert on_hand(shop, "JEA-M") == 6
    (movement,) = movements(shop, "inspect_restock")
    assert (movement.delta, movement.owner, movement.document_id, movement.note) == (
        1,
        "pos",
        document,
        "intact",
    )
    (message,) = messages(shop)
    assert (message.payload["delta"], message.payload["reason"], message.document_id) == (
        1,
        "inspect_restock",
        document,
    )
    assert message.object_key == f"stock:{shop.variants['JEA-M']}"
    entry = last_audit(shop)
    assert (entry.action, entry.subject) == ("inspection_settled", f"return_line:{line}")
    assert entry.data["outcome"] == "restock" and entry.data["movement_id"] == movement.id
    assert stock.awaiting_inspection() == ()


def test_writing_off_changes_no_stock(shop: Shop, stock: StockService) -> None:
    line = return_line(shop, refund(shop, "20020", "JEA-L", Disposition.INSPECT))
    item = stock.settle_inspection(
        shop.manager, return_line_id=line, outcome="write_off", note="tache d'encre"
    )
    assert item.settled_state == "written_off"
    assert on_hand(shop, "JEA-L") == 5
    assert movements(shop, "inspect_restock") == [] and messages(shop) == []
    entry = last_audit(shop)
    assert (entry.action, entry.data["outcome"], entry.data["note"]) == (
        "inspection_settled",
        "write_off",
        "tache d'encre",
    )


def test_a_line_is_settled_once(shop: Shop, stock: StockService) -> None:
    line = return_line(shop, refund(shop, "20030", "T-S-L", Disposition.INSPECT))
    stock.settle_inspection(shop.manager, return_line_id=line, outcome="restock")
    error = refused(
        "already_settled",
        stock.settle_inspection,
        shop.manager,
        return_line_id=line,
        outcome="write_off",
    )
    assert error.params["state"] == "restocked"
    assert on_hand(shop, "T-S-L") == 6 and len(messages(shop)) == 1


def test_settling_what_is_not_waiting_is_refused(shop: Shop, stock: StockService) -> None:
    restocked = return_line(shop, refund(shop, "20040", "T-S-S", Disposition.RESTOCK))
    waiting = return_line(shop, refund(shop, "20041", "T-S-S", Disposition.INSPECT))
    error = refused(
        "not_for_inspection",
        stock.settle_inspection,
        shop.manager,
        return_line_id=restocked,
        outcome="restock",
    )
    assert error.params["disposition"] == "restock"
    refused(
        "return_line_not_found",
        stock.settle_inspection,
        shop.manager,
        return_line_id=999_999,
        outcome="restock",
    )
    refused(
        "invalid_outcome",
        stock.settle_inspection,
        shop.manager,
        return_line_id=waiting,
        outcome="sell_on_ebay",
    )
    refused(
        "text_too_long",
        stock.settle_inspection,
        shop.manager,
        return_line_id=waiting,
        outcome="restock",
        note="x" * 201,
    )
    with pytest.raises(PermissionDeniedError):
        stock.settle_inspection(shop.cashier, return_line_id=waiting, outcome="restock")
    assert len(stock.awaiting_inspection()) == 1 and on_hand(shop, "T-S-S") == 6


def test_a_line_sold_without_a_variant_can_be_written_off_not_restocked(
    shop: Shop, stock: StockService
) -> None:
    document = refund(shop, "20050", "ÉCH-M", Disposition.INSPECT)
    line = return_line(shop, document)
    with shop.sessions.begin() as s:  # as if the variant had been deleted on Wix before the pull
        sold = s.get(DocumentReturnLineRecord, line).order_line_id  # type: ignore[union-attr]
        s.get(OrderLineRecord, sold).variant_id = None  # type: ignore[union-attr]
    refused(
        "variant_unknown",
        stock.settle_inspection,
        shop.manager,
        return_line_id=line,
        outcome="restock",
    )
    assert stock.awaiting_inspection()[0].settled_state is None  # rolled back
    assert (
        stock.settle_inspection(
            shop.manager, return_line_id=line, outcome="write_off"
        ).settled_state
        == "written_off"
    )


def test_concurrent_settlements_settle_the_line_once(shop: Shop, stock: StockService) -> None:
    line = return_line(shop, refund(shop, "20060", "JEA-S", Disposition.INSPECT))
    outcomes = _race(
        lambda: stock.settle_inspection(shop.manager, return_line_id=line, outcome="restock")
    )
    settled = [o for o in outcomes if not isinstance(o, StockError)]
    assert len(settled) == 1
    assert {o.code for o in outcomes if isinstance(o, StockError)} == {"already_settled"}
    assert on_hand(shop, "JEA-S") == 6
    assert len(movements(shop, "inspect_restock")) == 1 and len(messages(shop)) == 1
    with shop.sessions() as s:
        assert (
            s.scalar(select(func.count()).where(AuditEntryRecord.action == "inspection_settled"))
            == 1
        )


def test_the_audit_chain_stays_intact(shop: Shop, stock: StockService) -> None:
    line = return_line(shop, refund(shop, "20070", "T-S-M", Disposition.INSPECT))
    stock.adjust(shop.manager, variant_id=shop.variants["T-S-M"], counted=4, reason="casse")
    stock.adjust(shop.manager, variant_id=shop.variants["T-S-M"], counted=4, reason="recompte")
    stock.settle_inspection(shop.manager, return_line_id=line, outcome="restock")
    with shop.sessions() as s:
        result = verify_chain(s)
        actions = s.scalars(select(AuditEntryRecord.action).order_by(AuditEntryRecord.id)).all()
    assert result.ok, result
    assert actions[-3:] == ["stock_adjusted", "stock_adjusted", "inspection_settled"]


def _race(action: Any, threads: int = 4) -> list[Any]:
    """Run `action` on `threads` threads released together; results or StockErrors."""
    barrier, results, lock = threading.Barrier(threads), [], threading.Lock()

    def run() -> None:
        barrier.wait()
        try:
            outcome = action()
        except StockError as error:
            outcome = error
        with lock:
            results.append(outcome)

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert len(results) == threads
    return results
