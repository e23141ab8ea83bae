"""People at the counter: users, PIN logins with lockout, manager approvals, and the guards.

Roles are enforced here, not only hidden in the UI: every call that changes users re-reads its
`actor` in its transaction (`pos.services.access.confirm_operator`), as every other service
does with its operator. PINs are checked against a slow salted hash (`pos.domain.pins`),
never stored, logged or put in an exception; every refusal, lockout and change is written to
the audit chain.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from pos.db import users as user_repo
from pos.db.audit import DbSession, lock_chain
from pos.db.engine import SessionFactory
from pos.db.users import UserRow
from pos.domain.clock import Clock
from pos.domain.pins import hash_pin, verify_pin
from pos.domain.roles import (
    Approval,
    Operator,
    Permission,
    Role,
    normalise_username,
    pin_problem,
    username_problem,
)
from pos.services.access import confirm_operator, require
from pos.services.audit import audit_action
from pos.services.errors import (
    InvalidPinError,
    InvalidUserError,
    LastAdminError,
    PermissionDeniedError,
    PinLockedError,
    ServiceError,
    UnknownUserError,
    UserDisabledError,
    UserExistsError,
    WrongPinError,
)

log = logging.getLogger(__name__)

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class UserView:
    """A row of the users list (no PIN hash)."""

    user_id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: datetime | None  # None when not locked now


@cache
def _decoy_hash() -> str:
    # Checked when the username is unknown, so that answer takes as long as a wrong PIN.
    return hash_pin("decoy")


def _subject(username: str) -> str:
    return f"user:{username}"[:80]


def _valid_pin(pin: str) -> str:
    problem = pin_problem(pin)
    if problem is not None:
        raise InvalidPinError(problem)
    return pin


class UserService:
    """Users, logins and approvals; each public method is one transaction."""

    def __init__(
        self,
        *,
        sessions: SessionFactory,
        clock: Clock,
        max_failed_attempts: int = MAX_FAILED_ATTEMPTS,
        lockout: timedelta = LOCKOUT,
    ) -> None:
        self._sessions, self._clock = sessions, clock
        self._max_failed, self._lockout = max_failed_attempts, lockout

    # ------------------------------------------------------------ administration

    def add_user(
        self,
        actor: Operator | None,
        username: str,
        display_name: str,
        role: Role | str,
        pin: str,
        *,
        language: str = "fr",
    ) -> UserView:
        """Create a user. `actor` None is allowed only to create the first administrator.

        Raises:
            PermissionDeniedError, InvalidUserError, InvalidPinError, UserExistsError,
            OperatorDisabledError, OperatorUnknownError (the actor, re-read in the transaction).
        """
        username, display_name, role = self._valid_user(username, display_name, role)
        if actor is not None:
            require(actor, Permission.MANAGE_USERS)
        pin_hash = hash_pin(_valid_pin(pin))  # slow: done before the transaction
        with self._sessions.begin() as s:
            if actor is None:
                lock_chain(s)  # two first-run screens must not both create "the first" admin
                if role is not Role.ADMIN or user_repo.count_admins(s, active_only=False):
                    raise PermissionDeniedError(Permission.MANAGE_USERS, None)
            else:
                actor = confirm_operator(s, actor, Permission.MANAGE_USERS)
            if user_repo.find_user(s, username) is not None:
                raise UserExistsError(username)
            user_id = user_repo.insert_user(
                s,
                username=username,
                display_name=display_name,
                role=role,
                pin_hash=pin_hash,
                language=language,
            )
            details = {"role": str(role), "display_name": display_name, "bootstrap": actor is None}
            self._audit_change(s, actor, "user_added", username, details)
        return UserView(user_id, username, display_name, role, True, None)

    def list_users(self) -> tuple[UserView, ...]:
        """Every user, by username; `locked_until` only while the lockout lasts."""
        now = self._clock.now()
        with self._sessions() as s:
            rows = user_repo.all_users(s)
        return tuple(self._view(row, now) for row in rows)

    def set_pin(self, actor: Operator | None, username: str, pin: str) -> None:
        """Give `username` a new PIN (and lift a lockout). Admins for anyone, users for themselves.

        Raises:
            PermissionDeniedError, InvalidPinError, UnknownUserError, OperatorDisabledError,
            OperatorUnknownError (the actor, re-read in the transaction).
        """
        username = normalise_username(username)
        needed: Permission | None = None  # one's own PIN: any active user
        if actor is None or actor.username != username or actor.user_id is None:
            needed = Permission.MANAGE_USERS
            actor = require(actor, needed)
        pin_hash = hash_pin(_valid_pin(pin))
        with self._sessions.begin() as s:
            actor, row = self._lock_change(s, actor, needed, username)
            user_repo.set_pin_hash(s, row.user_id, pin_hash)
            by_self = actor.user_id == row.user_id
            self._audit_change(s, actor, "user_pin_changed", username, {"by_self": by_self})

    def disable(self, actor: Operator | None, username: str) -> None:
        """Stop `username` from logging in or approving (admin only; history is kept).

        Raises:
            PermissionDeniedError, UnknownUserError, LastAdminError, OperatorDisabledError,
            OperatorUnknownError (the actor, re-read in the transaction).
        """
        self._set_active(actor, username, active=False)

    def enable(self, actor: Operator | None, username: str) -> None:
        """Let a disabled user log in again (admin only)."""
        self._set_active(actor, username, active=True)

    def _set_active(self, actor: Operator | None, username: str, *, active: bool) -> None:
        actor = require(actor, Permission.MANAGE_USERS)
        username = normalise_username(username)
        with self._sessions.begin() as s:
            actor, row = self._lock_change(s, actor, Permission.MANAGE_USERS, username)
            if row.active == active:
                return
            # User row first, then the chain lock, the order every writer here takes them in;
            # the chain lock also serialises the last-admin count against another disable.
            lock_chain(s)
            if not active and row.role == Role.ADMIN:
                if user_repo.count_admins(s, active_only=True) <= 1:
                    raise LastAdminError(username)
            user_repo.set_active(s, row.user_id, active)
            action = "user_enabled" if active else "user_disabled"
            self._audit_change(s, actor, action, username, {})

    # ------------------------------------------------------------ PIN checks

    def login(self, username: str, pin: str) -> Operator:
        """Open a session at the counter for `username`.

        Raises:
            UnknownUserError, UserDisabledError, WrongPinError (with attempts left),
            PinLockedError (with the unlock time).
        """
        with self._sessions.begin() as s:
            outcome = self._authenticate(s, username, pin, purpose="login")
            if isinstance(outcome, UserRow):
                audit_action(
                    s,
                    operator=_operator(outcome),
                    action="login_succeeded",
                    subject=_subject(outcome.username),
                    now=self._clock.now(),
                )
        # Raised after the commit: the failure counter and its audit entry must be kept.
        if isinstance(outcome, ServiceError):
            raise outcome
        return _operator(outcome)

    def approve(self, manager_username: str, pin: str, rule: str, reason: str) -> Approval:
        """A manager's approval of `rule`, given at the counter with their PIN.

        The PIN is checked with the same counter and lockout as a login. The approval is
        recorded unattached; tie it to its document with `pos.db.users.attach_approvals`.

        Raises:
            UnknownUserError, UserDisabledError, WrongPinError, PinLockedError,
            PermissionDeniedError (the role may not approve), InvalidUserError (empty rule).
        """
        rule, reason = rule.strip(), reason.strip()
        if not rule or len(rule) > 40:
            raise InvalidUserError("rule", "length")
        now = self._clock.now()
        with self._sessions.begin() as s:
            manager = self._authenticate(s, manager_username, pin, purpose="approval")
            outcome = (self._grant(s, manager, rule, reason, now)
                       if isinstance(manager, UserRow) else manager)
        if isinstance(outcome, ServiceError):
            raise outcome
        return outcome

    def _grant(
        self, s: DbSession, row: UserRow, rule: str, reason: str, now: datetime
    ) -> Approval | ServiceError:
        operator = _operator(row)
        details: dict[str, object] = {"rule": rule, "reason": reason}
        if not operator.may(Permission.APPROVE):
            audit_action(
                s,
                operator=operator,
                action="approval_refused",
                subject=_subject(row.username),
                data={**details, "role": str(operator.role)},
                now=now,
            )
            return PermissionDeniedError(Permission.APPROVE, operator.role)
        approval_id = user_repo.insert_approval(
            s, approver_id=row.user_id, rule=rule, reason=reason, now=now
        )
        audit_action(
            s,
            operator=operator,
            action="approval_granted",
            subject=f"approval:{approval_id}",
            data=details,
            now=now,
        )
        return Approval(approval_id, row.user_id, row.username, row.display_name, rule, reason, now)

    def _authenticate(
        self, s: DbSession, username: str, pin: str, *, purpose: str
    ) -> UserRow | ServiceError:
        """Check a PIN, counting failures; the error is returned so the caller commits first."""
        username = normalise_username(username)
        now = self._clock.now()
        row = user_repo.find_user(s, username, for_update=True)
        refusal = self._refusal(row, username, pin, now)
        if refusal is not None:
            self._audit_failure(s, username, purpose, refusal, now)
            return refusal
        assert row is not None
        if not verify_pin(pin, row.pin_hash):
            return self._count_failure(s, row, purpose, now)
        if row.failed_attempts or row.locked_until is not None:
            user_repo.set_failures(s, row.user_id, failed_attempts=0, locked_until=None)
        return row

    def _refusal(
        self, row: UserRow | None, username: str, pin: str, now: datetime
    ) -> ServiceError | None:
        # Every answer costs one scrypt check, whatever it is (unknown, disabled, locked, wrong
        # or right PIN), so its time tells nothing about the account. Refused accounts check
        # their own hash (same parameters, same delay) and the result is thrown away.
        if row is None:
            verify_pin(pin, _decoy_hash())
            return UnknownUserError(username)
        if not row.active:
            verify_pin(pin, row.pin_hash)
            return UserDisabledError(username)
        if row.locked_until is not None and row.locked_until > now:
            verify_pin(pin, row.pin_hash)
            return PinLockedError(row.locked_until)
        return None

    def _count_failure(
        self, s: DbSession, row: UserRow, purpose: str, now: datetime
    ) -> ServiceError:
        failures = row.failed_attempts + 1
        if failures < self._max_failed:
            user_repo.set_failures(s, row.user_id, failed_attempts=failures, locked_until=None)
            error: ServiceError = WrongPinError(self._max_failed - failures)
            self._audit_failure(s, row.username, purpose, error, now)
            return error
        # Locked: the counter restarts, so after the lockout the user has a full set of tries.
        until = now + self._lockout
        user_repo.set_failures(s, row.user_id, failed_attempts=0, locked_until=until)
        error = PinLockedError(until)
        self._audit_failure(s, row.username, purpose, WrongPinError(0), now)
        audit_action(
            s,
            operator=None,
            action="user_locked",
            subject=_subject(row.username),
            data={"until": until.isoformat(), "failures": failures},
            now=now,
        )
        log.info("user %s locked until %s after %d wrong PINs", row.username, until, failures)
        return error

    def _audit_failure(
        self, s: DbSession, username: str, purpose: str, error: ServiceError, now: datetime
    ) -> None:
        # No actor: nobody proved who they are; the subject names the account tried.
        audit_action(
            s,
            operator=None,
            action="login_failed",
            subject=_subject(username),
            data={"purpose": purpose, "reason": error.code, **error.params},
            now=now,
        )

    # ------------------------------------------------------------ helpers

    def _audit_change(
        self,
        s: DbSession,
        actor: Operator | None,
        action: str,
        username: str,
        data: dict[str, object],
    ) -> None:
        audit_action(
            s,
            operator=actor,
            action=action,
            subject=_subject(username),
            data=data,
            now=self._clock.now(),
        )

    def _lock_change(
        self, s: DbSession, actor: Operator, permission: Permission | None, username: str
    ) -> tuple[Operator, UserRow]:
        """Lock the actor's and the target's rows (id order), re-read the actor, get the target.

        Raises:
            OperatorUnknownError, OperatorDisabledError, PermissionDeniedError (the actor),
            UnknownUserError (the target).
        """
        target = user_repo.find_user(s, username)
        ids = [row.user_id for row in (target,) if row is not None]
        user_repo.lock_users(s, [*ids, *([actor.user_id] if actor.user_id else [])])
        return confirm_operator(s, actor, permission), self._existing(s, username)

    def _existing(self, s: DbSession, username: str) -> UserRow:
        row = user_repo.find_user(s, username)
        if row is None:
            raise UnknownUserError(username)
        return row

    def _valid_user(
        self, username: str, display_name: str, role: Role | str
    ) -> tuple[str, str, Role]:
        username, display_name = normalise_username(username), display_name.strip()
        if username_problem(username):
            raise InvalidUserError("username", "invalid_username")
        if not display_name or len(display_name) > 100:
            raise InvalidUserError("display_name", "length")
        try:
            return username, display_name, Role(role)
        except ValueError:
            raise InvalidUserError("role", "unknown_role") from None

    def _view(self, row: UserRow, now: datetime) -> UserView:
        locked = row.locked_until if row.locked_until and row.locked_until > now else None
        return UserView(
            row.user_id, row.username, row.display_name, Role(row.role), row.active, locked
        )


def _operator(row: UserRow) -> Operator:
    return Operator(row.user_id, row.username, row.display_name, Role(row.role))
