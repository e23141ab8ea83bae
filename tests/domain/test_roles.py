"""The role table and the PIN / username rules, read like the policy they are."""

from __future__ import annotations

import pytest

from pos.domain.roles import (
    PERMISSIONS,
    Operator,
    Permission,
    Role,
    may,
    pin_problem,
    username_problem,
)

P = Permission
CASHIER = {P.LOOK_UP, P.EXCHANGE, P.REFUND}
MANAGER = CASHIER | {P.APPROVE, P.OVERRIDE_POLICY, P.CANCEL, P.ADJUST_STOCK, P.VIEW_REPORTS,
                      P.REGISTER_GIFT_CARD}
ADMIN = MANAGER | {P.MANAGE_USERS, P.MANAGE_WIX_CREDENTIALS, P.MANAGE_DEVICES, P.EDIT_POLICY}


@pytest.mark.parametrize(
    ("role", "allowed"), [(Role.CASHIER, CASHIER), (Role.MANAGER, MANAGER), (Role.ADMIN, ADMIN)]
)
def test_each_role_may_exactly_its_permissions(role: Role, allowed: set[Permission]) -> None:
    for permission in Permission:
        assert may(role, permission) is (permission in allowed), (role, permission)
    assert PERMISSIONS[role] == allowed


def test_roles_nest_and_admin_may_everything() -> None:
    assert PERMISSIONS[Role.CASHIER] < PERMISSIONS[Role.MANAGER] < PERMISSIONS[Role.ADMIN]
    assert PERMISSIONS[Role.ADMIN] == set(Permission)


def test_strings_are_accepted_and_unknown_names_grant_nothing() -> None:
    assert may("manager", "approve")
    assert not may("cashier", "approve")
    assert not may("owner", "look_up")
    assert not may("admin", "launch_rockets")


def test_operator_asks_the_table() -> None:
    cashier = Operator(1, "camille", "Camille", Role.CASHIER)
    assert cashier.may(P.REFUND) and not cashier.may(P.CANCEL)
    cli = Operator.local_admin()
    assert cli.user_id is None and cli.username == "cli" and cli.may(P.MANAGE_USERS)


@pytest.mark.parametrize(
    ("pin", "problem"),
    [
        ("2580", None),
        ("13572468", None),
        ("8901", None),
        ("123", "length"),
        ("123456789", "length"),
        ("", "not_digits"),
        ("12a4", "not_digits"),
        (" 2580", "not_digits"),
        ("١٢٣٩", "not_digits"),  # Arabic-Indic digits: isdigit() is True, not ours
        ("²580", "not_digits"),
        ("0000", "trivial"),
        ("77777777", "trivial"),
        ("1234", "trivial"),
        ("456789", "trivial"),
        ("9876", "trivial"),
        ("3210", "trivial"),
    ],
)
def test_pin_rules(pin: str, problem: str | None) -> None:
    assert pin_problem(pin) == problem


@pytest.mark.parametrize(
    ("username", "ok"),
    [("camille", True), ("j.dupont-2", True), ("a", True), ("", False), ("-x", False),
     ("Camille", False), ("jean dupont", False), ("é", False), ("x" * 65, False)],
)  # fmt: skip
def test_username_rules(username: str, ok: bool) -> None:
    assert (username_problem(username) is None) is ok
