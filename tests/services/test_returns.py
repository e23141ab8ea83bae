"""`ReturnsService` on both databases: what it refuses, which approvals it takes, and that a
refused or failed commit leaves nothing behind.

Every refusal is checked against the database's footprint: documents, their lines and
tenders, stock levels and movements, gift cards, outbox messages, print jobs, audit entries,
approvals and the terminal's number sequence are exactly as before. The rollback tests make the
database itself refuse one of the commit's last writes (a trigger), so the failure comes from
the real backend, late in the transaction, after the document and its stock moves are written.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import func, select, text, update

from pos.db.engine import SessionFactory
from pos.db.records import (
    ApprovalRecord,
    AuditEntryRecord,
    CounterDocumentRecord,
    DocumentNewLineRecord,
    DocumentReturnLineRecord,
    DocumentTenderRecord,
    GiftCardEntryRecord,
    GiftCardRecord,
    OrderRecord,
    OutboxMessageRecord,
    PrintJobRecord,
    StockLevelRecord,
    StockMovementRecord,
    TerminalSequenceRecord,
)
from pos.db.returns import load_context
from pos.domain.errors import ReturnRefusedError, SettlementError
from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.roles import Operator
from pos.domain.settlement import Tender, TenderMethod
from pos.services.errors import ApprovalRequiredError, OperatorDisabledError, WrongPinError
from pos.services.policy import PolicyService
from pos.services.returns import ReturnsError, ReturnsService
from tests.support.shop import Shop, build_shop, on_hand, sell

COUNTED = (CounterDocumentRecord, DocumentReturnLineRecord, DocumentNewLineRecord,
           DocumentTenderRecord, StockMovementRecord, GiftCardRecord, GiftCardEntryRecord,
           OutboxMessageRecord, PrintJobRecord, AuditEntryRecord)


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    shop = build_shop(sessions)
    admin = shop.users.login("admin", "7391")
    policy = PolicyService(sessions=sessions, clock=shop.clock)
    policy.update(admin, replace(policy.current(), final_sale_categories=frozenset({"sale"}),
                                 exchange_only_categories=frozenset({"bottoms"})))
    return shop


def footprint(shop: Shop) -> dict[str, object]:
    """Everything a commit may write, as counts and values."""
    with shop.sessions() as s:
        found: dict[str, object] = {
            record.__tablename__: s.scalar(select(func.count()).select_from(record))
            for record in COUNTED}
        found["stock"] = dict(s.execute(select(StockLevelRecord.variant_id,
                                               StockLevelRecord.on_hand)).all())
        found["sequences"] = dict(s.execute(select(
            TerminalSequenceRecord.terminal_id, TerminalSequenceRecord.next_number)).all())
        found["bound_approvals"] = s.scalar(select(func.count()).select_from(ApprovalRecord)
                                            .where(ApprovalRecord.document_id.is_not(None)))
        found["orders"] = dict(s.execute(select(OrderRecord.id, OrderRecord.status)).all())
    return found


def first_line(shop: Shop, order_id: int) -> tuple[str, str]:
    """(line id, payment id) of an order's first line and payment."""
    with shop.sessions() as s:
        snapshot = load_context(s, order_id).snapshot
    return snapshot.lines[0].line_id, snapshot.payments[0].payment_id


def refund_of(shop: Shop, order_id: int, quantity: int = 1) -> tuple[Draft, list[Tender]]:
    """A cash refund of `quantity` units of the order's first line, tendered exactly."""
    line, _ = first_line(shop, order_id)
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(line, quantity, reason="too small"),))
    balance = shop.returns.quote(order_id, draft).balance
    return draft, [Tender(TenderMethod.CASH, eur(-balance.minor))]


def refused(shop: Shop, error: type[Exception], commit) -> Exception:  # type: ignore[no-untyped-def]
    """Run `commit`, expect `error`, and check that nothing at all was written."""
    before = footprint(shop)
    with pytest.raises(error) as caught:
        commit()
    assert footprint(shop) == before
    return caught.value


# ---------------------------------------------------------------- a commit, whole


def test_a_refund_writes_its_document_and_everything_it_implies(shop: Shop) -> None:
    order = sell(shop, "70001", [("T-S-M", 2)])
    draft, tenders = refund_of(shop, order)
    before = footprint(shop)
    done = shop.returns.commit(shop.cashier, order, draft, tenders)
    after = footprint(shop)
    assert done.number == "T1-000001" and done.kind is DocumentKind.REFUND
    grew = {name: after[name] - before[name] for name in after  # type: ignore[operator]
            if isinstance(after[name], int) and after[name] != before[name]}
    assert grew == {"counter_documents": 1, "document_return_lines": 1, "document_tenders": 1,
                    "stock_movements": 1, "outbox_messages": 1, "print_jobs": 1,
                    "audit_entries": 1}
    assert on_hand(shop, "T-S-M") == 6
    with shop.sessions() as s:
        document = s.get(CounterDocumentRecord, done.document_id)
        assert (document.number, document.balance_minor, document.sequence) == (
            "T1-000001", -2990, 1)
        tender = s.scalars(select(DocumentTenderRecord)).one()
        assert (tender.method, tender.direction, tender.amount_minor) == ("cash", "out", 2990)
        movement = s.scalars(select(StockMovementRecord)).one()
        assert (movement.delta, movement.reason, movement.document_id) == (
            1, "return", done.document_id)
        message = s.scalars(select(OutboxMessageRecord)).one()
        assert (message.destination, message.document_id) == ("wix", done.document_id)
        job = s.scalars(select(PrintJobRecord)).one()
        assert (job.kind, job.state, job.document_id) == ("receipt", "queued", done.document_id)
        entry = s.scalars(select(AuditEntryRecord).where(
            AuditEntryRecord.action == "document_refund")).one()
        assert entry.subject == "T1-000001" and entry.data["balance"] == -2990


# ---------------------------------------------------------------- refusals


def test_unknown_order_is_refused(shop: Shop) -> None:
    order = sell(shop, "70002", [("T-S-M", 1)])
    draft, tenders = refund_of(shop, order)
    error = refused(shop, ReturnsError,
                    lambda: shop.returns.commit(shop.cashier, 999_999, draft, tenders))
    assert error.code == "order_not_found"


def test_a_cancelled_order_takes_no_further_document(shop: Shop) -> None:
    order = sell(shop, "70003", [("T-S-M", 1)], fulfilled=False)
    draft, tenders = refund_of(shop, order)
    approval = shop.users.approve("maxime", "4826", "cancellation", "changed her mind")
    shop.returns.commit(shop.cashier, order, Draft(DocumentKind.CANCELLATION,
                        with_refund=False), [], approvals=[approval])
    error = refused(shop, ReturnsError,
                    lambda: shop.returns.commit(shop.cashier, order, draft, tenders))
    assert error.code == "order_cancelled"


def test_no_open_cash_session_is_refused(shop: Shop) -> None:
    order = sell(shop, "70004", [("T-S-M", 1)])
    draft, tenders = refund_of(shop, order)
    other_till = ReturnsService(sessions=shop.sessions, clock=shop.clock, terminal_id="T9")
    error = refused(shop, ReturnsError,
                    lambda: other_till.commit(shop.cashier, order, draft, tenders))
    assert (error.code, error.params) == ("no_cash_session", {"terminal": "T9"})


def test_a_cashier_disabled_since_login_is_refused(shop: Shop) -> None:
    order = sell(shop, "70005", [("T-S-M", 1)])
    draft, tenders = refund_of(shop, order)
    shop.users.disable(shop.users.login("admin", "7391"), "camille")
    refused(shop, OperatorDisabledError,
            lambda: shop.returns.commit(shop.cashier, order, draft, tenders))


def test_more_than_was_sold_is_refused(shop: Shop) -> None:
    order = sell(shop, "70006", [("T-S-M", 2)])
    line, _ = first_line(shop, order)
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(line, 1), ReturnRequest(line, 2)))
    error = refused(shop, ReturnRefusedError, lambda: shop.returns.commit(
        shop.cashier, order, draft, [Tender(TenderMethod.CASH, eur(8970))]))
    assert error.code == "over_return" and error.params["returnable"] == 2


def test_tenders_a_cent_short_are_refused(shop: Shop) -> None:
    order = sell(shop, "70007", [("T-S-M", 1)])
    draft, _ = refund_of(shop, order)
    error = refused(shop, SettlementError, lambda: shop.returns.commit(
        shop.cashier, order, draft, [Tender(TenderMethod.CASH, eur(2989))]))
    assert error.code


def test_an_unknown_gift_card_is_refused(shop: Shop) -> None:
    order = sell(shop, "70008", [("T-S-M", 1)])
    line, _ = first_line(shop, order)
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),),
                  (shop.returns.new_item(order_id=order, code="JEA-M"),))
    collect = shop.returns.quote(order, draft).balance  # 79.90 − 29.90 = 50.00 to collect
    gift_card = Tender(TenderMethod.GIFT_CARD, collect, gift_card_code="KDO-NOPE-0000")
    error = refused(shop, ReturnsError,
                    lambda: shop.returns.commit(shop.cashier, order, draft, [gift_card]))
    assert error.code == "gift_card_not_found"


def test_an_unknown_replacement_is_refused(shop: Shop) -> None:
    order = sell(shop, "70019", [("T-S-M", 1)])
    with pytest.raises(ReturnsError) as caught:
        shop.returns.new_item(order_id=order, code="NO-SUCH-SKU")
    assert caught.value.code == "variant_not_found"


def test_a_replacement_out_of_stock_undoes_the_stock_already_moved(shop: Shop) -> None:
    # The returned T-shirt goes back on the shelf first; the jean then cannot go out.
    order = sell(shop, "70009", [("T-S-M", 1)])
    line, _ = first_line(shop, order)
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),),
                  (shop.returns.new_item(order_id=order, code="JEA-M"),))
    with shop.sessions.begin() as s:
        s.execute(update(StockLevelRecord).where(
            StockLevelRecord.variant_id == shop.variants["JEA-M"]).values(on_hand=0))
    error = refused(shop, ReturnsError, lambda: shop.returns.commit(
        shop.cashier, order, draft, [Tender(TenderMethod.CASH, eur(5000))]))
    assert (error.code, error.params["sku"]) == ("not_enough_stock", "JEA-M")
    assert on_hand(shop, "T-S-M") == 5


@pytest.mark.parametrize(("sku", "days_ago", "rule"), [
    ("T-S-M", 45, "outside_window"),   # bought 45 days ago, the window is 30
    ("ÉCH-M", 3, "final_sale"),        # the scarf's category is a final sale
    ("JEA-M", 3, "exchange_only"),     # jeans are exchange only: no money back without a manager
])
def test_policy_rules_need_a_manager(shop: Shop, sku: str, days_ago: int, rule: str) -> None:
    order = sell(shop, "70010", [(sku, 1)], days_ago=days_ago)
    draft, tenders = refund_of(shop, order)
    error = refused(shop, ApprovalRequiredError,
                    lambda: shop.returns.commit(shop.cashier, order, draft, tenders))
    assert error.rules == (rule,)
    approval = shop.users.approve("maxime", "4826", rule, "regular customer")
    done = shop.returns.commit(shop.cashier, order, draft, tenders, approvals=[approval])
    with shop.sessions() as s:
        assert s.get(ApprovalRecord, approval.approval_id).document_id == done.document_id


# ---------------------------------------------------------------- approvals


def test_a_wrong_pin_records_no_approval(shop: Shop) -> None:
    order = sell(shop, "70011", [("ÉCH-M", 1)])
    draft, tenders = refund_of(shop, order)
    with pytest.raises(WrongPinError):
        shop.users.approve("maxime", "0000", "final_sale", "regular customer")
    with shop.sessions() as s:
        assert s.scalar(select(func.count()).select_from(ApprovalRecord)) == 0
    refused(shop, ApprovalRequiredError,
            lambda: shop.returns.commit(shop.cashier, order, draft, tenders))


def test_an_approval_is_consumed_by_the_document_that_used_it(shop: Shop) -> None:
    first, second = (sell(shop, number, [("ÉCH-M", 1)]) for number in ("70012", "70013"))
    approval = shop.users.approve("maxime", "4826", "final_sale", "regular customer")
    shop.returns.commit(shop.cashier, first, *refund_of(shop, first), approvals=[approval])
    draft, tenders = refund_of(shop, second)
    error = refused(shop, ApprovalRequiredError, lambda: shop.returns.commit(
        shop.cashier, second, draft, tenders, approvals=[approval]))
    assert error.rules == ("final_sale",)


def _expire(shop: Shop) -> None:
    shop.clock.advance(timedelta(minutes=15, seconds=1))


def _disable_approver(shop: Shop) -> None:
    shop.users.disable(shop.users.login("admin", "7391"), "maxime")


@pytest.mark.parametrize(("rule", "meanwhile"), [
    ("outside_window", None),           # approves another rule than the one needed
    ("final_sale", _expire),            # more than fifteen minutes old
    ("final_sale", _disable_approver),  # the approver was disabled since
], ids=["another_rule", "expired", "approver_disabled"])
def test_an_approval_that_does_not_cover_is_refused(shop: Shop, rule: str, meanwhile) -> None:  # type: ignore[no-untyped-def]
    order = sell(shop, "70014", [("ÉCH-M", 1)])
    draft, tenders = refund_of(shop, order)
    approval = shop.users.approve("maxime", "4826", rule, "regular customer")
    if meanwhile is not None:
        meanwhile(shop)
    error = refused(shop, ApprovalRequiredError, lambda: shop.returns.commit(
        shop.cashier, order, draft, tenders, approvals=[approval]))
    assert error.rules == ("final_sale",)


def test_a_manager_at_the_till_passes_the_rules_and_the_audit_says_so(shop: Shop) -> None:
    order = sell(shop, "70017", [("ÉCH-M", 1)], days_ago=45)
    draft, tenders = refund_of(shop, order)
    manager: Operator = shop.manager
    done = shop.returns.commit(manager, order, draft, tenders)
    with shop.sessions() as s:
        entry = s.scalars(select(AuditEntryRecord).where(
            AuditEntryRecord.subject == done.number)).one()
    assert entry.data["rules"] == ["outside_window", "final_sale"]
    assert entry.data["approvals"] == [] and entry.data["overridden_by_operator"] is True


# ---------------------------------------------------------------- rollback


REFUSE = {
    "sqlite": ("CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} "
               "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",),
    "postgresql": ("CREATE FUNCTION refuse_write() RETURNS trigger LANGUAGE plpgsql AS "
                   "$$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$",
                   "CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION refuse_write()"),
}


def refuse_inserts(shop: Shop, table: str) -> None:
    """Make the database itself refuse any row written to `table`."""
    with shop.sessions.begin() as s:
        for statement in REFUSE[s.get_bind().dialect.name]:
            s.execute(text(statement.format(table=table)))


def allow_inserts(shop: Shop, table: str) -> None:
    with shop.sessions.begin() as s:
        on = "" if s.get_bind().dialect.name == "sqlite" else f" ON {table}"
        s.execute(text(f"DROP TRIGGER refuse_{table}{on}"))


@pytest.mark.parametrize("table", ["print_jobs", "audit_entries"])
def test_a_late_failure_leaves_nothing_behind(shop: Shop, table: str) -> None:
    # A refund half in cash, half on a new gift card, of two final-sale scarves with a
    # manager's approval: the document, its lines and tenders, the card, the stock moves and
    # the outbox messages are written before the refused row (the print jobs are the
    # writer's last rows, the audit entry the commit's last write).
    order = sell(shop, "70018", [("ÉCH-M", 2)])
    line, _ = first_line(shop, order)
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(line, 2, reason="gift"),))
    tenders = [Tender(TenderMethod.CASH, eur(3990)), Tender(TenderMethod.NEW_GIFT_CARD, eur(3990))]
    approval = shop.users.approve("maxime", "4826", "final_sale", "regular customer")
    refuse_inserts(shop, table)
    error = refused(shop, Exception, lambda: shop.returns.commit(
        shop.cashier, order, draft, tenders, approvals=[approval]))
    assert "refused by the test" in str(error)
    with shop.sessions() as s:
        assert s.get(ApprovalRecord, approval.approval_id).document_id is None
    # Once the database takes writes again, the same commit goes through, numbered 1:
    # the failed attempt used up neither the number nor the approval.
    allow_inserts(shop, table)
    done = shop.returns.commit(shop.cashier, order, draft, tenders, approvals=[approval])
    assert done.number == "T1-000001" and len(done.issued_cards) == 1
    assert on_hand(shop, "ÉCH-M") == 7
