"""The drawer's close: a manager's cash_variance approval is used up by the close it allowed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from pos.db.records import ApprovalRecord, CashSessionRecord
from pos.domain.money import Money
from pos.services.cash import CashService
from pos.services.errors import ApprovalRequiredError
from tests.support.shop import Shop, build_shop

SHORT = {10000: 1}  # 100.00 counted against the 200.00 float: 100.00 short


@pytest.fixture
def shop(sessions) -> Shop:  # type: ignore[no-untyped-def]
    return build_shop(sessions)


@pytest.fixture
def cash(shop: Shop) -> CashService:
    return CashService(sessions=shop.sessions, clock=shop.clock, terminal_id="T1")


def test_an_approval_closes_one_drawer_and_is_then_used_up(shop: Shop, cash: CashService) -> None:
    approval = shop.users.approve("maxime", "4826", "cash_variance", "recount done")
    first = cash.current()
    assert first is not None
    assert cash.close(shop.cashier, SHORT, [approval]).needs_manager
    with shop.sessions() as s:
        stored = s.get(ApprovalRecord, approval.approval_id)
        assert stored is not None and stored.cash_session_id == first.session_id
        closed = s.get(CashSessionRecord, first.session_id)
        assert closed is not None and closed.approved_by_id == stored.approver_id
    # The next drawer, short again: the same approval is refused, the drawer stays open.
    cash.open(shop.cashier, Money(20000, "EUR"))
    with pytest.raises(ApprovalRequiredError) as replay:
        cash.close(shop.cashier, SHORT, [approval])
    assert replay.value.rules == ("approval_already_used",)
    assert cash.current() is not None
    # A fresh approval closes it.
    cash.close(shop.cashier, SHORT, [shop.users.approve("maxime", "4826", "cash_variance", "")])
    assert cash.current() is None


def test_a_cash_variance_approval_used_by_a_close_binds_no_document(shop: Shop,
                                                                    cash: CashService) -> None:
    approval = shop.users.approve("maxime", "4826", "cash_variance", "")
    cash.close(shop.cashier, SHORT, [approval])
    with shop.sessions() as s:
        used = s.scalars(select(ApprovalRecord).where(
            ApprovalRecord.cash_session_id.is_not(None))).all()
    assert [(a.id, a.document_id) for a in used] == [(approval.approval_id, None)]


def test_a_variance_within_the_threshold_uses_no_approval(shop: Shop, cash: CashService) -> None:
    approval = shop.users.approve("maxime", "4826", "cash_variance", "")
    assert not cash.close(shop.cashier, {10000: 2}, [approval]).needs_manager
    with shop.sessions() as s:
        stored = s.get(ApprovalRecord, approval.approval_id)
        assert stored is not None and stored.cash_session_id is None


def test_a_closed_drawer_keeps_its_figures_for_the_z(shop: Shop, cash: CashService) -> None:
    cash.move(shop.cashier, "paid_in", Money(1000, "EUR"), "change fund")
    cash.move(shop.cashier, "paid_out", Money(250, "EUR"), "stamps")
    session = cash.current()
    assert session is not None
    cash.close(shop.manager, {10000: 2, 500: 1, 200: 1, 50: 1})
    with shop.sessions() as s:
        record = s.get(CashSessionRecord, session.session_id)
        assert record is not None
        assert (record.cash_in_minor, record.cash_out_minor, record.paid_in_minor,
                record.paid_out_minor, record.expected_minor, record.variance_minor) == (
            0, 0, 1000, 250, 20750, 0)
