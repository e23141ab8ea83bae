"""Who may act: the role guards, and the operator re-read inside every action's transaction.

An `Operator` is what `UserService.login` established when the person logged in. By the time
they act it may be stale: an administrator disabled the account, changed its role, or the row
is gone; or the value was never made by a login at all. So every service method that takes
an operator calls `confirm_operator` first thing inside its own transaction, before anything
is written, and acts with the `Operator` it returns (the role as stored now).
"""

from __future__ import annotations

from collections.abc import Iterable

from pos.db import users as user_repo
from pos.db.audit import DbSession
from pos.domain.roles import Approval, Operator, Permission, Role
from pos.services.errors import (
    ApprovalRequiredError,
    OperatorDisabledError,
    OperatorUnknownError,
    PermissionDeniedError,
)

__all__ = ["confirm_operator", "require", "require_approvals"]


def require(operator: Operator | None, permission: Permission) -> Operator:
    """Refuse unless `operator`'s role grants `permission`.

    This checks the role the operator carries; inside a transaction use `confirm_operator`,
    which checks the role as stored now.

    Returns:
        `operator`, known to be someone from here on.

    Raises:
        PermissionDeniedError: nobody is logged in, or the role does not allow it.
    """
    if operator is None or not operator.may(permission):
        raise PermissionDeniedError(permission, None if operator is None else operator.role)
    return operator


def require_approvals(rules: Iterable[str], approvals: Iterable[Approval]) -> None:
    """Refuse unless every rule in `rules` is covered by one of `approvals`.

    Raises:
        ApprovalRequiredError: with the rules still needing a manager, in the order given.
    """
    approved = {approval.rule for approval in approvals}
    missing = [rule for rule in dict.fromkeys(rules) if rule not in approved]
    if missing:
        raise ApprovalRequiredError(missing)


def confirm_operator(
    s: DbSession, operator: Operator | None, permission: Permission | None
) -> Operator:
    """`operator` as the database has them now, still allowed `permission`.

    Call it inside the action's transaction, before writing. The user's row is read again
    (and held against a concurrent disable or role change until the transaction ends, see
    `pos.db.users.find_user_by_id`). The command line's local administrator (no user id,
    docs/security.md) has no row and is returned as is.

    Args:
        s: The action's session, its transaction begun.
        operator: Who is acting, as given by the login.
        permission: What the action needs; None when any active user may do it (changing
            one's own PIN).

    Returns:
        The operator with the display name and role as stored now.

    Raises:
        PermissionDeniedError: nobody, or the role (as stored now) does not allow it.
        OperatorUnknownError: no user has this id and username (deleted, or made up).
        OperatorDisabledError: the account was disabled after the login.
    """
    if operator is None:
        raise PermissionDeniedError(permission or "", None)
    if operator.user_id is None:
        current = operator
    else:
        row = user_repo.find_user_by_id(s, operator.user_id, share_lock=True)
        if row is None or row.username != operator.username:
            raise OperatorUnknownError(operator.username)
        if not row.active:
            raise OperatorDisabledError(row.username)
        try:
            role = Role(row.role)
        except ValueError:  # a role this version does not know grants nothing
            raise PermissionDeniedError(permission or "", row.role) from None
        current = Operator(row.user_id, row.username, row.display_name, role)
    if permission is not None:
        require(current, permission)
    return current
