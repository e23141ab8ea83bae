"""The shop's identity on every receipt and closure: read by the receipts, edited by an admin.

Shop-wide, in the database every terminal shares (`shop_settings`); checked by
`pos.domain.shop_identity.check_identity` before it is stored, the change audited with what
was before and after (none of it is a secret).
"""

from __future__ import annotations

from pos.db.audit import DbSession
from pos.db.engine import SessionFactory
from pos.db.shop import read_shop_settings, write_shop_settings
from pos.domain.clock import Clock
from pos.domain.receipt import ShopInfo
from pos.domain.roles import Operator, Permission
from pos.domain.shop_identity import (
    ShopIdentity,
    check_identity,
    identity_from_settings,
    identity_to_settings,
)
from pos.services.access import confirm_operator, require
from pos.services.audit import audit_action


def load_identity(session: DbSession, default: ShopIdentity) -> ShopIdentity:
    """The stored identity, `default` until an admin saved one (inside the caller's session)."""
    return identity_from_settings(read_shop_settings(session), default)


def load_shop_info(session: DbSession, default: ShopInfo) -> ShopInfo:
    """What receipts print: the stored identity, else `default` (the configured name)."""
    stored = read_shop_settings(session)
    if not stored.get("name"):
        return default
    return identity_from_settings(stored, ShopIdentity(default.name)).to_shop_info()


class ShopService:
    """Reads and saves the shop identity.

    Args:
        sessions: the database.
        clock: time of the audit entries.
        default: shown and printed until an admin saves an identity (the configured name).
    """

    def __init__(self, *, sessions: SessionFactory, clock: Clock,
                 default: ShopIdentity) -> None:  # fmt: skip
        self._sessions, self._clock, self._default = sessions, clock, default

    @property
    def default(self) -> ShopIdentity:
        """What prints until an admin saves an identity."""
        return self._default

    def shop_info(self) -> ShopInfo:
        """The header and footer receipts and closing slips print now."""
        with self._sessions() as s:
            return load_shop_info(s, self._default.to_shop_info())

    def identity(self) -> ShopIdentity:
        """The identity receipts print now."""
        with self._sessions() as s:
            return load_identity(s, self._default)

    def save(self, operator: Operator | None, identity: ShopIdentity) -> ShopIdentity:
        """Check and store `identity`; returns it as stored (numbers compacted).

        Raises:
            PermissionDeniedError: not an admin.
            OperatorDisabledError, OperatorUnknownError: the operator, re-read, may no longer act.
            ShopIdentityError (domain): a field is refused (its `reason` says which).
        """
        require(operator, Permission.EDIT_POLICY)
        identity = check_identity(identity)
        with self._sessions.begin() as s:
            operator = confirm_operator(s, operator, Permission.EDIT_POLICY)
            before = identity_to_settings(load_identity(s, self._default))
            after = identity_to_settings(identity)
            write_shop_settings(s, after)
            changed = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
            audit_action(s, operator=operator, action="shop_identity_changed", subject="shop",
                         data={"changed": changed}, now=self._clock.now())
        return identity


__all__ = ["ShopService", "load_identity", "load_shop_info"]
