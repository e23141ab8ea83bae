"""The shop's return policy: read by every quote, edited by an admin (audited)."""

from __future__ import annotations

from pos.db.audit import DbSession
from pos.db.engine import SessionFactory
from pos.db.policy import catalogue_categories, read_settings, write_settings
from pos.domain.clock import Clock
from pos.domain.policy import Policy
from pos.domain.roles import Operator, Permission
from pos.services.access import confirm_operator, require
from pos.services.audit import audit_action


def load_policy(session: DbSession) -> Policy:
    """The stored policy; defaults (30 days, no fees, manager above 100.00) where unset."""
    return Policy.from_settings(read_settings(session))


class PolicyService:
    def __init__(self, *, sessions: SessionFactory, clock: Clock) -> None:
        self._sessions, self._clock = sessions, clock

    def current(self) -> Policy:
        with self._sessions() as s:
            return load_policy(s)

    def catalogue_categories(self) -> tuple[str, ...]:
        """Every category of the catalogue (Wix collections / categories), sorted by name."""
        with self._sessions() as s:
            return catalogue_categories(s)

    def update(self, operator: Operator | None, policy: Policy) -> Policy:
        """Replace the policy. Admins only; the change is audited with before and after.

        Raises:
            PermissionDeniedError: the operator may not edit the policy.
            OperatorDisabledError, OperatorUnknownError: the operator, re-read, may no longer act.
        """
        require(operator, Permission.EDIT_POLICY)
        with self._sessions.begin() as s:
            operator = confirm_operator(s, operator, Permission.EDIT_POLICY)
            before = load_policy(s).to_settings()
            after = policy.to_settings()
            write_settings(s, after)
            changed = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
            audit_action(s, operator=operator, action="policy_changed", subject="policy",
                         data={"changed": changed}, now=self._clock.now())
        return policy
