"""Users, PIN logins with lockout, approvals and the role guards, on both backends."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from pos.db.engine import SessionFactory
from pos.db.orders import record_order
from pos.db.records import (
    ApprovalRecord,
    AuditEntryRecord,
    CounterDocumentRecord,
    UserRecord,
)
from pos.db.users import attach_approvals
from pos.domain.roles import Approval, Operator, Permission, Role
from pos.services.access import require, require_approvals
from pos.services.errors import (
    ApprovalRequiredError,
    InvalidPinError,
    LastAdminError,
    PermissionDeniedError,
    PinLockedError,
    UnknownUserError,
    UserDisabledError,
    UserExistsError,
    WrongPinError,
)
from pos.services.users import UserService
from tests.support.builders import order
from tests.support.clock import FakeClock

T0 = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
PINS = {"alice": "40718", "camille": "2580", "maxime": "86421357"}


@dataclass
class Shop:
    service: UserService
    clock: FakeClock
    sessions: SessionFactory
    admin: Operator
    cashier: Operator
    manager: Operator


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    clock = FakeClock(T0)
    service = UserService(sessions=sessions, clock=clock)
    service.add_user(None, "alice", "Alice (admin)", Role.ADMIN, PINS["alice"])
    admin = service.login("alice", PINS["alice"])
    service.add_user(admin, "camille", "Camille", "cashier", PINS["camille"])
    service.add_user(admin, "maxime", "Maxime", Role.MANAGER, PINS["maxime"])
    cashier = service.login("camille", PINS["camille"])
    manager = service.login("maxime", PINS["maxime"])
    return Shop(service, clock, sessions, admin, cashier, manager)


def audit_rows(sessions: SessionFactory, action: str | None = None) -> list[AuditEntryRecord]:
    with sessions() as s:
        query = select(AuditEntryRecord).order_by(AuditEntryRecord.id)
        if action is not None:
            query = query.where(AuditEntryRecord.action == action)
        return list(s.scalars(query))


# ---------------------------------------------------------------- login and lockout


def test_login_gives_the_operator(shop: Shop) -> None:
    operator = shop.service.login(" Camille ", PINS["camille"])
    assert operator == Operator(operator.user_id, "camille", "Camille", Role.CASHIER)
    assert operator.user_id is not None
    last = audit_rows(shop.sessions, "login_succeeded")[-1]
    assert (last.actor_id, last.subject) == (operator.user_id, "user:camille")


def test_wrong_pin_counts_down_and_is_audited(shop: Shop) -> None:
    left = []
    for _ in range(4):
        with pytest.raises(WrongPinError) as caught:
            shop.service.login("camille", "9999")
        left.append(caught.value.attempts_left)
    assert left == [4, 3, 2, 1]
    failures = audit_rows(shop.sessions, "login_failed")
    assert [row.data["attempts_left"] for row in failures] == [4, 3, 2, 1]
    assert all(row.actor_id is None and row.subject == "user:camille" for row in failures)


def test_five_failures_lock_for_five_minutes(shop: Shop) -> None:
    for _ in range(4):
        with pytest.raises(WrongPinError):
            shop.service.login("camille", "9999")
    with pytest.raises(PinLockedError) as caught:
        shop.service.login("camille", "9999")
    until = T0 + timedelta(minutes=5)
    assert caught.value.until == until
    assert caught.value.params == {"until": until.isoformat()}
    [locked] = audit_rows(shop.sessions, "user_locked")
    assert locked.data == {"until": until.isoformat(), "failures": 5}

    shop.clock.advance(timedelta(minutes=4, seconds=59))
    with pytest.raises(PinLockedError):  # the right PIN is refused while locked
        shop.service.login("camille", PINS["camille"])
    assert {u.username: u.locked_until for u in shop.service.list_users()}["camille"] == until

    shop.clock.advance(timedelta(seconds=1))
    assert shop.service.login("camille", PINS["camille"]).username == "camille"
    assert {u.username: u.locked_until for u in shop.service.list_users()}["camille"] is None


def test_success_resets_the_failure_counter(shop: Shop) -> None:
    for _ in range(3):
        with pytest.raises(WrongPinError):
            shop.service.login("camille", "9999")
    shop.service.login("camille", PINS["camille"])
    with pytest.raises(WrongPinError) as caught:
        shop.service.login("camille", "9999")
    assert caught.value.attempts_left == 4


def test_after_a_lockout_the_user_has_a_full_set_of_tries(shop: Shop) -> None:
    for _ in range(5):
        with pytest.raises((WrongPinError, PinLockedError)):
            shop.service.login("camille", "9999")
    shop.clock.advance(timedelta(minutes=5))
    with pytest.raises(WrongPinError) as caught:
        shop.service.login("camille", "9999")
    assert caught.value.attempts_left == 4


def test_unknown_user_is_refused_and_audited(shop: Shop) -> None:
    with pytest.raises(UnknownUserError):
        shop.service.login("nobody", "2580")
    last = audit_rows(shop.sessions)[-1]
    assert (last.action, last.subject, last.data["reason"]) == (
        "login_failed",
        "user:nobody",
        "unknown_user",
    )


def test_disabled_user_cannot_log_in_nor_approve(shop: Shop) -> None:
    shop.service.disable(shop.admin, "maxime")
    with pytest.raises(UserDisabledError):
        shop.service.login("maxime", PINS["maxime"])
    with pytest.raises(UserDisabledError):
        shop.service.approve("maxime", PINS["maxime"], "refund_over_threshold", "")
    shop.service.enable(shop.admin, "maxime")
    assert shop.service.login("maxime", PINS["maxime"]).role is Role.MANAGER
    actions = [row.action for row in audit_rows(shop.sessions)]
    assert "user_disabled" in actions and "user_enabled" in actions


# ---------------------------------------------------------------- administration


def test_first_admin_only_without_an_actor_and_only_once(sessions: SessionFactory) -> None:
    service = UserService(sessions=sessions, clock=FakeClock(T0))
    with pytest.raises(PermissionDeniedError):
        service.add_user(None, "camille", "Camille", Role.CASHIER, "2580")
    first = service.add_user(None, "alice", "Alice", Role.ADMIN, "40718")
    assert first.role is Role.ADMIN
    with pytest.raises(PermissionDeniedError):
        service.add_user(None, "eve", "Eve", Role.ADMIN, "2580")
    [added] = audit_rows(sessions, "user_added")
    assert added.actor_id is None and added.data["bootstrap"] is True


@pytest.mark.parametrize("who", ["cashier", "manager"])
def test_admin_only_actions_are_refused_to_others(shop: Shop, who: str) -> None:
    operator: Operator = getattr(shop, who)
    with pytest.raises(PermissionDeniedError) as caught:
        shop.service.add_user(operator, "eve", "Eve", Role.ADMIN, "2580")
    assert caught.value.params == {"permission": "manage_users", "role": who}
    with pytest.raises(PermissionDeniedError):
        shop.service.set_pin(operator, "alice", "2580")
    with pytest.raises(PermissionDeniedError):
        shop.service.disable(operator, "alice")
    with pytest.raises(PermissionDeniedError):
        shop.service.enable(operator, "alice")
    assert [u.username for u in shop.service.list_users()] == ["alice", "camille", "maxime"]


def test_nobody_logged_in_is_refused_not_a_bug(shop: Shop) -> None:
    # The settings screen passes the operator it holds, None once logged out: a refusal the
    # screen words, never an AttributeError (set_pin read None.username).
    for action in (lambda: shop.service.set_pin(None, "camille", "3691"),
                   lambda: shop.service.disable(None, "camille"),
                   lambda: shop.service.enable(None, "camille")):
        with pytest.raises(PermissionDeniedError) as caught:
            action()
        assert caught.value.params == {"permission": "manage_users", "role": None}
    assert shop.service.login("camille", PINS["camille"]).username == "camille"


def test_a_user_may_change_their_own_pin(shop: Shop) -> None:
    shop.service.set_pin(shop.cashier, "camille", "3691")
    with pytest.raises(WrongPinError):
        shop.service.login("camille", PINS["camille"])
    assert shop.service.login("camille", "3691").username == "camille"
    changed = audit_rows(shop.sessions, "user_pin_changed")[-1]
    assert changed.data == {"by_self": True} and changed.actor_id == shop.cashier.user_id


def test_admin_set_pin_lifts_a_lockout(shop: Shop) -> None:
    for _ in range(5):
        with pytest.raises((WrongPinError, PinLockedError)):
            shop.service.login("camille", "9999")
    shop.service.set_pin(shop.admin, "camille", "3691")
    assert shop.service.login("camille", "3691").username == "camille"


def test_the_last_active_admin_cannot_be_disabled(shop: Shop) -> None:
    with pytest.raises(LastAdminError):
        shop.service.disable(shop.admin, "alice")
    shop.service.add_user(shop.admin, "bruno", "Bruno", Role.ADMIN, "51739")
    shop.service.disable(shop.admin, "alice")
    with pytest.raises(UserDisabledError):
        shop.service.login("alice", PINS["alice"])


def test_bad_input_is_refused_with_a_code(shop: Shop) -> None:
    with pytest.raises(UserExistsError):
        shop.service.add_user(shop.admin, "Camille", "Camille bis", Role.CASHIER, "3691")
    for pin, reason in (("12", "length"), ("12ab", "not_digits"), ("1111", "trivial")):
        with pytest.raises(InvalidPinError) as caught:
            shop.service.add_user(shop.admin, "eve", "Eve", Role.CASHIER, pin)
        assert caught.value.reason == reason and pin not in str(caught.value)
    with pytest.raises(UnknownUserError):
        shop.service.set_pin(shop.admin, "nobody", "3691")


def test_pin_is_hashed_and_never_in_the_audit_nor_the_logs(
    sessions: SessionFactory, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "60418279"  # the wrong tries below end in 0-4
    service = UserService(sessions=sessions, clock=FakeClock(T0))
    with caplog.at_level(logging.DEBUG):
        service.add_user(None, "alice", "Alice", Role.ADMIN, secret)
        admin = service.login("alice", secret)
        service.add_user(admin, "maxime", "Maxime", Role.MANAGER, secret)
        service.approve("maxime", secret, "override_window", "regular customer")
        service.set_pin(admin, "maxime", secret[::-1])
        errors = []
        for attempt in range(5):
            try:
                service.login("alice", secret[:-1] + str(attempt))
            except (WrongPinError, PinLockedError) as error:
                errors.append(str(error))
    with sessions() as s:
        hashes = list(s.scalars(select(UserRecord.pin_hash)))
    assert all(h.startswith("scrypt$") and secret not in h for h in hashes)
    rows = audit_rows(sessions)
    text = json.dumps([[r.action, r.subject, r.data] for r in rows], ensure_ascii=False)
    for candidate in (secret, secret[::-1], secret[:-1]):
        assert candidate not in text
        assert candidate not in caplog.text
        assert all(candidate not in message for message in errors)
    assert any("locked" in record.getMessage() for record in caplog.records)


# ---------------------------------------------------------------- approvals and guards


def test_a_manager_approves_with_their_pin(shop: Shop) -> None:
    approval = shop.service.approve("maxime", PINS["maxime"], "refund_over_threshold", "faulty")
    assert approval == Approval(
        approval.approval_id,
        shop.manager.user_id or 0,
        "maxime",
        "Maxime",
        "refund_over_threshold",
        "faulty",
        T0,
    )
    with shop.sessions() as s:
        record = s.get(ApprovalRecord, approval.approval_id)
        assert record is not None
        assert (record.approver_id, record.rule, record.document_id) == (
            shop.manager.user_id,
            "refund_over_threshold",
            None,
        )
    granted = audit_rows(shop.sessions, "approval_granted")[-1]
    assert granted.data == {"rule": "refund_over_threshold", "reason": "faulty"}
    assert granted.actor_id == shop.manager.user_id


def test_a_cashier_cannot_approve(shop: Shop) -> None:
    with pytest.raises(PermissionDeniedError) as caught:
        shop.service.approve("camille", PINS["camille"], "refund_over_threshold", "")
    assert caught.value.permission == Permission.APPROVE
    refused = audit_rows(shop.sessions, "approval_refused")[-1]
    assert refused.actor_id == shop.cashier.user_id
    with shop.sessions() as s:
        assert s.scalars(select(ApprovalRecord)).all() == []


def test_approval_with_a_wrong_pin_is_refused_audited_and_counted(shop: Shop) -> None:
    with pytest.raises(WrongPinError) as caught:
        shop.service.approve("maxime", "13579", "refund_over_threshold", "")
    assert caught.value.attempts_left == 4
    failed = audit_rows(shop.sessions, "login_failed")[-1]
    assert failed.data == {"purpose": "approval", "reason": "wrong_pin", "attempts_left": 4}
    for _ in range(4):
        with pytest.raises((WrongPinError, PinLockedError)):
            shop.service.approve("maxime", "13579", "refund_over_threshold", "")
    with pytest.raises(PinLockedError):  # the same lockout as a login
        shop.service.login("maxime", PINS["maxime"])


def test_require_checks_the_role_table(shop: Shop) -> None:
    require(shop.cashier, Permission.REFUND)
    require(shop.manager, Permission.CANCEL)
    with pytest.raises(PermissionDeniedError):
        require(shop.cashier, Permission.CANCEL)
    with pytest.raises(PermissionDeniedError):
        require(shop.manager, Permission.EDIT_POLICY)
    with pytest.raises(PermissionDeniedError):
        require(None, Permission.LOOK_UP)


def test_require_approvals_names_the_rules_still_missing(shop: Shop) -> None:
    approval = shop.service.approve("maxime", PINS["maxime"], "out_of_window", "")
    require_approvals([], [])
    require_approvals(["out_of_window"], [approval])
    with pytest.raises(ApprovalRequiredError) as caught:
        require_approvals(["over_threshold", "out_of_window", "final_sale"], [approval])
    assert caught.value.rules == ("over_threshold", "final_sale")


def _counter_document(sessions: SessionFactory, number: str) -> str:
    with sessions.begin() as s:
        placed = record_order(s, order(number))
        document = CounterDocumentRecord(
            id=f"doc-{number}",
            number=f"T1-{number}",
            number_norm=f"t1{number}",
            terminal_id="T1",
            kind="refund",
            order_id=placed.id,
            currency="EUR",
            created_at=T0,
        )
        s.add(document)
    return document.id


def test_an_approval_covers_one_document_only(shop: Shop) -> None:
    approval = shop.service.approve("maxime", PINS["maxime"], "out_of_window", "")
    first = _counter_document(shop.sessions, "10234")
    second = _counter_document(shop.sessions, "10235")
    with shop.sessions.begin() as s:
        assert attach_approvals(s, [approval.approval_id], first) == 1
    with shop.sessions.begin() as s:
        assert attach_approvals(s, [approval.approval_id], second) == 0
        assert attach_approvals(s, [], second) == 0
    with shop.sessions() as s:
        assert s.get(ApprovalRecord, approval.approval_id).document_id == first  # type: ignore[union-attr]
