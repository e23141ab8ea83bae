"""The return policy: defaults, edited by an admin only, every change audited."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from pos.db.engine import SessionFactory
from pos.db.records import AuditEntryRecord
from pos.domain.policy import Policy
from pos.services.errors import PermissionDeniedError
from pos.services.policy import PolicyService
from tests.support.shop import build_shop


def test_defaults_then_an_admin_changes_the_window(sessions: SessionFactory) -> None:
    shop = build_shop(sessions)
    service = PolicyService(sessions=sessions, clock=shop.clock)
    policy = service.current()
    assert (policy.return_window_days, policy.restocking_fee_pct) == (30, Decimal(0))
    assert policy.manager_refund_threshold_minor == 10000
    admin = shop.users.login("admin", "7391")
    service.update(admin, Policy(return_window_days=14, restocking_fee_pct=Decimal("10"),
                                 final_sale_categories=frozenset({"sale"})))
    assert service.current().return_window_days == 14
    assert service.current().is_final_sale("sale")
    with sessions() as s:
        entry = s.scalars(select(AuditEntryRecord).where(
            AuditEntryRecord.action == "policy_changed")).one()
    assert entry.data["changed"]["return_window_days"] == ["30", "14"]


def test_managers_and_cashiers_cannot_edit_the_policy(sessions: SessionFactory) -> None:
    shop = build_shop(sessions)
    service = PolicyService(sessions=sessions, clock=shop.clock)
    for operator in (shop.cashier, shop.manager):
        with pytest.raises(PermissionDeniedError):
            service.update(operator, Policy(return_window_days=365))
    assert service.current().return_window_days == 30
