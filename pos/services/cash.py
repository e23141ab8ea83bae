"""The drawer of one terminal: open with a float, paid-ins and paid-outs, count, close.

A counter document can only be committed while its terminal has an open session
(`ReturnsService.commit`), so every cash tender lands in one session's expected cash. Closing
counts the drawer by denomination; a variance over the policy's threshold needs a manager
(the operator himself, or a recorded approval of the rule `cash_variance`). Each action is
one transaction with its audit entry.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from pos.db import closing as repo
from pos.db import users as user_repo
from pos.db.audit import DbSession, lock_chain
from pos.db.engine import SessionFactory
from pos.db.returns import load_approvals
from pos.domain.clock import Clock
from pos.domain.closing import CashFigures, counted_total, needs_manager
from pos.domain.money import Money
from pos.domain.policy import ApprovalRule
from pos.domain.roles import Approval, Operator, Permission, may
from pos.services.access import require
from pos.services.audit import audit_action
from pos.services.errors import (
    ApprovalRequiredError,
    PermissionDeniedError,
    ServiceError,
    UserDisabledError,
)
from pos.services.policy import load_policy

APPROVAL_LIFETIME = timedelta(minutes=15)
MOVE_KINDS = ("paid_in", "paid_out")


class CashError(ServiceError):
    """A drawer action refused: `code` names it (no_cash_session, session_already_open...)."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code  # one class, many codes
        super().__init__(**params)


@dataclass(frozen=True, slots=True)
class CashSessionView:
    """A session as the Closing screen shows it."""

    session_id: int
    terminal_id: str
    state: str
    figures: CashFigures

    @property
    def expected(self) -> Money:
        return Money(self.figures.expected, self.figures.currency)


@dataclass(frozen=True, slots=True)
class CountResult:
    """A drawer count against what the session expects."""

    counted: Money
    expected: Money
    variance: Money
    needs_manager: bool


def recheck_operator(s: DbSession, operator: Operator | None, permission: Permission
                     ) -> Operator:
    """Re-read `operator` inside the transaction: disabled or demoted since login means no.

    The command line's local administrator (no user id) acts with the machine's rights.

    Returns:
        `operator`, known to be someone from here on.
    """
    operator = require(operator, permission)
    if operator.user_id is None:
        return operator
    row = user_repo.find_user(s, operator.username)
    if row is None or not row.active:
        raise UserDisabledError(operator.username)
    if not may(row.role, permission):  # the role as stored now
        raise PermissionDeniedError(permission, row.role)
    return operator


class CashService:
    """The cash sessions of one terminal (`terminal_id`)."""

    def __init__(self, *, sessions: SessionFactory, clock: Clock, terminal_id: str,
                 currency: str = "EUR") -> None:
        self._sessions, self._clock = sessions, clock
        self._terminal, self._currency = terminal_id, currency

    @property
    def terminal_id(self) -> str:
        return self._terminal

    def current(self) -> CashSessionView | None:
        """The terminal's open session with its figures so far, or None."""
        with self._sessions() as s:
            row = repo.open_session(s, self._terminal)
            return None if row is None else self._view(s, row)

    def open(self, operator: Operator | None, opening_float: Money) -> CashSessionView:
        """Open the drawer with a counted float.

        Raises:
            CashError: session_already_open, negative_amount; PermissionDeniedError.
        """
        operator = require(operator, Permission.LOOK_UP)
        if opening_float.minor < 0:
            raise CashError("negative_amount", amount=opening_float)
        now = self._clock.now()
        with self._sessions.begin() as s:
            lock_chain(s)
            recheck_operator(s, operator, Permission.LOOK_UP)
            if repo.open_session(s, self._terminal, lock=True) is not None:
                raise CashError("session_already_open", terminal=self._terminal)
            session_id = repo.insert_session(
                s, terminal_id=self._terminal, currency=opening_float.currency,
                opening_float=opening_float.minor, user_id=operator.user_id, now=now)
            audit_action(s, operator=operator, action="cash_opened",
                         subject=f"cash:{self._terminal}:{session_id}",
                         data={"float": opening_float.minor, "currency": opening_float.currency},
                         now=now)
            row = repo.open_session(s, self._terminal)
            assert row is not None
            return self._view(s, row)

    def move(self, operator: Operator | None, kind: str, amount: Money,
             reason: str) -> CashSessionView:
        """Cash into (`paid_in`) or out of (`paid_out`) the drawer, with its reason.

        Raises:
            CashError: no_cash_session, invalid_move, reason_required, negative_amount.
        """
        operator = require(operator, Permission.LOOK_UP)
        if kind not in MOVE_KINDS:
            raise CashError("invalid_move", kind=kind)
        if amount.minor <= 0:
            raise CashError("negative_amount", amount=amount)
        if not reason.strip():
            raise CashError("reason_required")
        now = self._clock.now()
        with self._sessions.begin() as s:
            lock_chain(s)
            recheck_operator(s, operator, Permission.LOOK_UP)
            row = self._open_row(s)
            if amount.currency != row.currency:
                raise CashError("currency_mismatch", currency=amount.currency)
            repo.insert_move(s, session_id=row.id, kind=kind, amount=amount.minor,
                             reason=reason.strip()[:200], user_id=operator.user_id, now=now)
            audit_action(s, operator=operator, action=f"cash_{kind}",
                         subject=f"cash:{self._terminal}:{row.id}",
                         data={"amount": amount.minor, "reason": reason.strip()[:200]}, now=now)
            return self._view(s, row)

    def count(self, counts: Mapping[int, int]) -> CountResult:
        """What a count by denomination says against the open session (writes nothing)."""
        with self._sessions() as s:
            row = self._open_row(s)
            return self._count(s, row, repo.session_cash(s, row), counts)

    def close(self, operator: Operator | None, counts: Mapping[int, int],
              approvals: Sequence[Approval] = ()) -> CountResult:
        """Close the session with the count; over the policy's threshold a manager approves.

        Raises:
            CashError: no_cash_session, unknown_denomination (a ClosingError);
            ApprovalRequiredError(["cash_variance"]).
        """
        operator = require(operator, Permission.LOOK_UP)
        now = self._clock.now()
        with self._sessions.begin() as s:
            lock_chain(s)
            recheck_operator(s, operator, Permission.LOOK_UP)
            row = self._open_row(s)
            figures = repo.session_cash(s, row)
            result = self._count(s, row, figures, counts)
            approver = self._approver(s, operator, row.id, result, approvals, now)
            stored = {str(d): n for d, n in sorted(counts.items(), reverse=True) if n}
            repo.close_session(s, row.id, counts=stored, counted=result.counted.minor,
                               figures=figures, user_id=operator.user_id,
                               approved_by=approver, now=now)
            audit_action(s, operator=operator, action="cash_closed",
                         subject=f"cash:{self._terminal}:{row.id}",
                         data={"counts": stored, "counted": result.counted.minor,
                               "expected": result.expected.minor,
                               "variance": result.variance.minor, "approved_by": approver},
                         now=now)
            return result

    # ------------------------------------------------------------ inside the transaction

    def _open_row(self, s: DbSession) -> repo.SessionRow:
        row = repo.open_session(s, self._terminal)
        if row is None:
            raise CashError("no_cash_session", terminal=self._terminal)
        return row

    def _view(self, s: DbSession, row: repo.SessionRow) -> CashSessionView:
        return CashSessionView(row.id, row.terminal_id, row.state, repo.session_cash(s, row))

    def _count(self, s: DbSession, row: repo.SessionRow, figures: CashFigures,
               counts: Mapping[int, int]) -> CountResult:
        counted = counted_total(row.currency, counts)
        expected = figures.expected
        threshold = load_policy(s).cash_variance_threshold_minor
        return CountResult(Money(counted, row.currency), Money(expected, row.currency),
                           Money(counted - expected, row.currency),
                           needs_manager(counted - expected, threshold))

    def _approver(self, s: DbSession, operator: Operator, session_id: int,
                  result: CountResult, approvals: Sequence[Approval], now: datetime) -> int | None:
        """Who allowed the variance; a recorded approval is used up by this close."""
        if not result.needs_manager:
            return None
        if operator.may(Permission.APPROVE):
            return operator.user_id
        rule = ApprovalRule.CASH_VARIANCE.value
        stored = load_approvals(s, [a.approval_id for a in approvals])
        valid = [a for a in stored if a.rule == rule and a.approver_active
                 and a.approver_role in ("manager", "admin")
                 and now - a.created_at <= APPROVAL_LIFETIME]
        if valid and all(a.used for a in valid):
            raise ApprovalRequiredError(["approval_already_used"])
        for approval in valid:
            if not approval.used and repo.use_approval(s, approval.approval_id, session_id):
                return approval.approver_id
        raise ApprovalRequiredError([rule])
