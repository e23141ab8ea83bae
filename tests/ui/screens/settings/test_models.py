"""The settings users table (qtmodeltester), refusals in words, and the policy form."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from pos.domain.errors import PolicySettingsError
from pos.domain.policy import Policy
from pos.domain.printer_uri import PrinterUriError
from pos.domain.roles import Role
from pos.services.errors import InvalidPinError, LastAdminError, PermissionDeniedError
from pos.services.settings import SettingsError
from pos.services.users import UserView
from pos.ui.screens.settings.models import SettingsUsersTableModel, refusal_text
from pos.ui.screens.settings.policy_form import PolicyForm, parse_minor, policy_from_form

USERS = (
    UserView(1, "admin", "Alex Admin", Role.ADMIN, True, None),
    UserView(2, "camille", "Camille", Role.CASHIER, False, None),
    UserView(3, "maxime", "Maxime", Role.MANAGER, True, datetime(2026, 1, 1, tzinfo=UTC)),
)


def test_users_table(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = SettingsUsersTableModel()
    model.set_rows(USERS)
    qtmodeltester.check(model)
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(3)]
    assert rows == [
        ["Alex Admin", "admin", "Administrator", "Active"],
        ["Camille", "camille", "Cashier", "Disabled"],
        ["Maxime", "maxime", "Manager", "Locked"],
    ]


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (PermissionDeniedError("manage_devices", "manager"), "Only an administrator"),
        (PrinterUriError("bad_port", "tcp://x:0"), "port"),
        (SettingsError("keyring_unavailable"), "password store"),
        (SettingsError("wix_app_invalid"), "client ID, secret and instance ID"),
        (SettingsError("terminal_file_unreadable", path="/x/terminal.json"), "/x/terminal.json"),
        (InvalidPinError("trivial"), "too easy"),
        (LastAdminError("admin"), "last administrator"),
        (
            PolicySettingsError("policy_setting_invalid", key="restocking_fee_pct", value="x"),
            "Restocking fee (%)",
        ),
        (OSError("printer gone"), "did not print"),
    ],
)
def test_refusals_in_words(error: BaseException, words: str) -> None:
    assert words in refusal_text(error)


def test_policy_form_keeps_what_it_does_not_show() -> None:
    current = Policy(final_sale_categories=frozenset({"sale"}))
    form = PolicyForm("14", "7.5", "1,20", "250", True, False)
    policy = policy_from_form(current, form)
    assert policy.final_sale_categories == {"sale"}
    assert (policy.return_window_days, policy.restocking_fee_pct) == (14, Decimal("7.5"))
    assert (policy.flat_return_fee_minor, policy.manager_refund_threshold_minor) == (120, 25000)
    with pytest.raises(PolicySettingsError):
        policy_from_form(current, PolicyForm("14", "101", "0", "0", False, False))


@pytest.mark.parametrize("text", ["1.234", "-1", "abc", "", "NaN"])
def test_amounts_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_minor(text)
